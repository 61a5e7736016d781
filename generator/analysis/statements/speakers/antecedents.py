"""The actor a pronoun or a role noun refers back to: the nearest fitting one before it.

News writing keeps its topic in subject position, so a subject wins within a sentence; names
inside quotes are never antecedents (a speaker seldom names himself in his own words).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from generator.analysis.statements.found import inside
from generator.analysis.statements.speakers.facts import ArticleFacts, MentionLike
from generator.analysis.statements.speakers.gender import person_noun
from generator.analysis.statements.speakers.phrases import name_phrase, short_form

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class Unlisted:
    """A mention the resolver adds where the index has none (see :func:`unlisted_subjects`)."""

    start: int
    end: int
    text: str
    actor: str


def antecedent(
    facts: ArticleFacts,
    token: "Token",
    kinds: set[str],
    accept: Callable[[str], bool] = lambda name: True,
    subjects_only: bool = False,
) -> str | None:
    """The nearest actor of ``kinds`` mentioned before ``token``, outside quotes.

    Scans the sentence so far and up to five sentences back (three for "it"/"they"); in each sentence a mention
    that is a grammatical subject wins (news writing keeps the topic in subject position:
    "Okafor emphasised …, noting his talks with Halvorsen. He said …" means Okafor). With
    ``subjects_only`` (for "it"/"they", which refer far less reliably) only subjects count.
    """
    sent = token.sent
    # he/she carry further than it/they: a person stays the topic over a short paragraph or two
    for span in _sentences_back(facts, sent, 4 if subjects_only else 6):
        limit = token.idx if span == sent else span.end_char
        cands = [
            m
            for m in facts.mentions + unlisted_subjects(facts, span)
            if span.start_char <= m.start < limit
            and facts.kinds.get(m.actor) in kinds
            and accept(m.actor)
            and not inside(m.start, facts.quoted)
        ]
        if not cands:
            continue
        cands.sort(key=lambda m: m.start)
        subjects = [m for m in cands if _is_subject(facts, m)]
        if subjects:
            return subjects[-1].actor
        if span != sent and any(t.dep_ == "nsubj" and t.lower_ == token.lower_ for t in span):
            continue  # "He said … the rival's plan. He warned …": the same "he", further back
        if not subjects_only:
            return cands[-1].actor
    return None


def _sentences_back(facts: ArticleFacts, sent: "Span", depth: int) -> list["Span"]:
    """``sent`` and the sentences before it, nearest first, ``depth`` in all at most."""
    sentences = [sent]
    start = sent.start
    while len(sentences) < depth and start > 0:
        prev = facts.doc[start - 1].sent
        sentences.append(prev)
        start = prev.start
    return sentences


def by_role(facts: ArticleFacts, head: "Token") -> str | None:
    """The person before ``head`` whose role has the head noun ("the president" → the president
    last named, a grammatical subject first)."""
    lemma = head.lemma_.lower()
    return antecedent(facts, head, {"person"}, lambda name: lemma in facts.roles.get(name, "").split())


def by_body_noun(facts: ArticleFacts, head: "Token") -> str | None:
    """The organisation before ``head`` that "the company", "the regulator" stands for: a singular
    body noun with "the" and nothing else ("the maritime union" may be a body not yet named), the
    nearest organisation that was a grammatical subject before it; for a public body ("the
    regulator", lexicon ``[public_body_nouns]``) only one whose name has the noun.

    An organisation named in what the body says is not the body ("The fine reflects the
    firm's cooperation, the regulator noted": not the firm)."""
    noun = head.lemma_.lower()
    public = noun in facts.words.public_body_nouns
    if head.tag_ != "NN" or not (public or _body_noun(noun, facts.words.body_nouns)):
        return None
    lefts = list(head.lefts)
    if not lefts or lefts[0].lower_ != "the" or not all(_describes(facts, c) for c in lefts[1:]):
        return None
    if len(lefts) > 1 and not any(_places(facts, c) for c in lefts[1:]):
        return None  # "the maritime union" may be a body not yet named; "the Dutch chipmaker" is one named
    verb = head.head
    own = {t.i for t in head.subtree}
    said = [t for t in verb.subtree if t.i not in own] if verb is not head else []
    lo, hi = (said[0].idx, said[-1].idx + len(said[-1])) if said else (0, 0)
    named = {m.actor for m in facts.mentions if lo <= m.start < hi}
    def fits(name: str) -> bool:
        return name not in named and (not public or noun in name.lower().split())

    # "the Dutch chipmaker": a described body is the one last named, subject or not
    return antecedent(facts, head, {"organisation"}, fits, subjects_only=len(lefts) == 1)


def _body_noun(noun: str, nouns: frozenset[str]) -> bool:
    """A body noun, or a compound ending in one ("carmaker", "drugmaker" end in "maker")."""
    return noun in nouns or any(noun.endswith(n) and len(noun) - len(n) >= 3 for n in nouns if len(n) >= 5)


def _describes(facts: ArticleFacts, token: "Token") -> bool:
    """Whether a modifier of a body noun only describes it ("US", "tech", "Italian"): an
    adjective or noun, or a place or country name, but no organisation's name."""
    if token.dep_ not in ("amod", "compound", "nmod", "advmod"):
        return False
    hit = next((m for m in facts.mentions if m.start <= token.idx < m.end), None)
    return hit is None or facts.kinds.get(hit.actor) not in ("organisation", "group", "person")


def _places(facts: ArticleFacts, token: "Token") -> bool:
    """Whether a modifier says where a body is from ("US", "Italian", "Dutch")."""
    if token.ent_type_ in ("GPE", "NORP"):
        return True
    hit = next((m for m in facts.mentions if m.start <= token.idx < m.end), None)
    return hit is not None and facts.kinds.get(hit.actor) == "country"


def by_age(facts: ArticleFacts, head: "Token") -> str | None:
    """The person "the 67-year-old" stands for: the nearest person named before it."""
    phrase = head.doc[head.left_edge.i : head.i + 1].text.lower()
    if not re.fullmatch(r"the \d+\s*-\s*year\s*-\s*old", phrase):
        return None
    return antecedent(facts, head, {"person"})


def unnamed_person(facts: ArticleFacts, token: "Token", wanted: str) -> "tuple[str, int] | None":
    """A person named only by a noun ("the nurse", "a local woman") as the subject of the sentence
    before a pronoun (or of its own, before it): the pronoun's nearer antecedent than any name
    further back. Returns the phrase and its offset; a noun that stands for a named person
    ("the president") resolves to that person instead."""
    sent = token.sent
    for span in _sentences_back(facts, sent, 2):
        for tok in reversed(list(span)):
            if span == sent and tok.i >= token.i:
                continue
            if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or tok.tag_ != "NN" or inside(tok.idx, facts.quoted):
                continue
            if not person_noun(tok.lemma_.lower(), wanted, facts.words):
                continue
            phrase = name_phrase(tok)
            if any(m.start < phrase.end_char and m.end > phrase.start_char for m in facts.mentions):
                return None  # "the nurse, Jane Doe": the name decides
            role = by_role(facts, tok)
            return (role, tok.idx) if role else (phrase.text, tok.idx)
    return None


def mentioned_before(facts: ArticleFacts, actor: str, offset: int, before: int) -> bool:
    """Whether ``actor``'s last mention (outside quotes) before ``before`` comes before ``offset``."""
    starts = [
        m.start for m in facts.mentions if m.actor == actor and m.start < before and not inside(m.start, facts.quoted)
    ]
    return not starts or max(starts) < offset


def previous_subject(facts: ArticleFacts, token: "Token", tags: tuple[str, ...]) -> "Token | None":
    """The first subject tagged one of ``tags`` (outside quotes) of the sentence before ``token``'s."""
    start = token.sent.start
    if start == 0:
        return None
    prev = facts.doc[start - 1].sent
    return next(
        (tok for tok in prev if tok.dep_ == "nsubj" and tok.tag_ in tags and not inside(tok.idx, facts.quoted)), None
    )


def unlisted_subjects(facts: ArticleFacts, span: "Span") -> list[MentionLike]:
    """Proper-noun subjects of ``span`` that the index has no mention for but can resolve.

    The index may miss a mention (a surname the tagger labels oddly); a subject is the
    likeliest antecedent, so it is asked for by name.
    """
    out: list[MentionLike] = []
    for tok in span:
        if tok.dep_ != "nsubj" or not (tok.pos_ == "PROPN" or tok.is_title):
            continue
        if inside(tok.idx, facts.mentioned):
            continue
        left = min([tok.i] + [c.i for c in tok.lefts if c.dep_ in ("compound", "flat") and c.pos_ == "PROPN"])
        name = facts.doc[left : tok.i + 1]
        actor = facts.index.resolve(name.text)
        found = actor.name if actor is not None else short_form(facts, tok)
        if found:
            out.append(Unlisted(name.start_char, name.end_char, name.text, found))
    return out


def _is_subject(facts: ArticleFacts, mention: MentionLike) -> bool:
    """Whether a mention is (or possesses) the grammatical subject of its clause."""
    span = facts.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    head = span.root
    while head.dep_ in ("compound", "flat", "appos") and head.head is not head:
        head = head.head
    if head.dep_ == "poss":  # "the mayor's sister pleaded …": the possessor is the topic too
        head = head.head
    return head.dep_ in ("nsubj", "nsubjpass")
