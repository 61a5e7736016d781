"""Which actor a subject's noun phrase names: a mention in it, the index's answer for its words,
an organisation's short form, or the phrase itself when it names an agent the index lacks."""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.statements.speakers.facts import ArticleFacts, MentionLike

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# Dependents that belong to a speaker's name rather than to what is said about him.
_NAME_DEPS = {"compound", "amod", "det", "appos", "flat", "nmod", "prep", "pobj", "punct", "case", "cc", "conj", "nummod"}
# Entity labels of a name that makes the noun it modifies an agent ("Danish officials").
_AGENT_MODIFIER_LABELS = {"PERSON", "ORG", "GPE", "NORP"}
# A proper noun as the subject of a reporting verb is an agent even when the tagger gives it an
# odd label (newspapers come out as EVENT or WORK_OF_ART, rare names as LOC), unless it is a
# date or a number.
_NOT_AGENT_LABELS = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL", "LAW", "LANGUAGE"}


def name_phrase(token: "Token") -> "Span":
    """The tokens that name the speaker: the head with its title, name and apposition."""
    doc = token.doc
    left, right = token.i, token.i
    for child in token.lefts:
        if child.dep_ in _NAME_DEPS | {"poss"}:
            left = min(left, child.left_edge.i)
    for child in token.rights:
        comma = child.dep_ == "punct" and child.text == ","
        if child.dep_ in ("appos", "flat", "compound", "prep", "cc", "conj") or comma:
            right = max(right, child.right_edge.i)
    while right > token.i and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def mention_in(facts: ArticleFacts, phrase: "Span", head: "Token") -> MentionLike | None:
    """The actor mention that names ``phrase``: it covers the head, or an apposition/compound."""
    start, end = phrase.start_char, phrase.end_char
    found = [m for m in facts.mentions if m.start < end and m.end > start]
    if not found:
        return None
    covering = [m for m in found if m.start <= head.idx < m.end]
    if covering:
        return covering[0]
    # "the club's coach, Arvid Lenk": a name in an apposition or compound of the head
    deps = ("appos", "compound", "flat") + (("conj",) if head.pos_ in ("NOUN", "ADJ") else ())
    # "Canadian historian and professor Mirela Ostrov": a name coordinated to a title noun
    named = {t.i for c in head.children if c.dep_ in deps for t in c.subtree}
    tokens = [t for t in phrase if t.i in named]
    hits = [m for m in found if any(m.start <= t.idx < m.end for t in tokens)]
    # "the state prosecutor, Ruth Adlam": the person, not the body in the title
    people = [m for m in hits if facts.kinds.get(m.actor) == "person"]
    return (people or hits or [None])[0]


def appositive_person(facts: ArticleFacts, phrase: "Span") -> str | None:
    """The one person mentioned in ``phrase`` as an apposition set off by commas."""
    doc = facts.doc
    found = set()
    for m in facts.mentions:
        if not (phrase.start_char <= m.start < phrase.end_char) or facts.kinds.get(m.actor) != "person":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "appos" and span.start > 0 and doc[span.start - 1].text == ",":
            found.add(m.actor)
    return next(iter(found)) if len(found) == 1 else None


def surfaces(phrase: "Span", head: "Token") -> list[str]:
    """Phrases to ask the index: the whole subject, it without its article, the head noun."""
    words = [t for t in phrase if not t.is_punct]
    if words and words[0].dep_ == "det":
        words = words[1:]
    out = [phrase.text, " ".join(t.text for t in words)]
    compounds = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i >= phrase.start]
    if compounds:
        out.append(" ".join(t.text for t in [*compounds, head]))
    if head.pos_ == "NOUN":
        out.append(head.text)
        out.append(head.lemma_)
    return [s for i, s in enumerate(out) if s and s not in out[:i]]


def short_form(facts: ArticleFacts, head: "Token") -> str | None:
    """The organisation that "the Church", "the Council" names back: the one organisation of
    the index whose name has that capitalised word (a bare proper noun after "the", as news
    writing shortens a body's name after giving it in full)."""
    if head.pos_ != "PROPN" or not head.is_title or not any(c.lower_ == "the" for c in head.lefts):
        return None
    if any(c.dep_ in ("compound", "flat", "amod") for c in head.lefts):
        return None
    hits = [
        a.name for a in facts.index.actors
        if a.kind == "organisation" and head.text in a.name.split() and a.name != head.text
    ]
    return hits[0] if len(hits) == 1 else None


def surface_speaker(facts: ArticleFacts, phrase: "Span", head: "Token") -> str | None:
    """The subject's own words when they name an agent that is not in the index."""
    if head.lemma_.lower() in facts.lexicon.not_speakers or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.pos_ == "NOUN" and head.lemma_.lower() in facts.words.anonymous_nouns:
        return None  # "sources said": the outlet's reporting, no one's statement
    if any(c.dep_ == "conj" for c in head.children):
        return None  # "the school district and the police": two speakers, not one
    if head.pos_ == "PROPN" and head.ent_type_ in _NOT_AGENT_LABELS:
        return None
    lemma = head.lemma_.lower()
    agent_noun = facts.words.agent_noun.search(lemma) and lemma not in facts.words.not_agent_nouns
    agent_noun = agent_noun or lemma in facts.words.person_nouns  # "analysts", "victims" end otherwise
    if head.pos_ == "NOUN" and not (agent_noun or _agent_modifier(head)):
        return None  # "the city's support for …" is no speaker; "a government spokesman" is
    named = _appositive_name(head) or _name_after(head)
    if named:
        return named
    # the name without what an apposition says of it ("Ana Ruiz, 34, a nurse" → "Ana Ruiz")
    drop = {t.i for c in head.children if c.dep_ == "appos" for t in c.subtree}
    words = [t for t in phrase if t.i not in drop]
    closing = [k for k, t in enumerate(words) if t.text == ")" and t.i < head.i]
    if closing:  # "(Agency) The city's health board": a wire credit glued to the subject
        words = words[closing[-1] + 1 :]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):
        words = words[:-1]
    text = "".join(t.text_with_ws for t in words).strip()
    return text if len(text) > 2 else None


def _appositive_name(head: "Token") -> str | None:
    """A person's name in apposition to a title ("head of the Harbour Trust Marta Selin"):
    the run of proper nouns outside an organisation's or place's name that ends at the
    apposition's PERSON token (the parser often splits the first name off into the title)."""
    doc = head.doc
    if head.ent_type_ == "PERSON":
        return None
    person = next(
        (c for c in head.children if c.dep_ == "appos" and c.i > head.i and c.pos_ == "PROPN" and c.ent_type_ == "PERSON"),
        None,
    )
    if person is None:
        return None
    left = person.i
    while left > 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].ent_type_ in ("", "PERSON"):
        left -= 1
    right = person.i
    while right + 1 < len(doc) and doc[right + 1].ent_type_ == "PERSON" and doc[right + 1].ent_iob_ == "I":
        right += 1
    return doc[left : right + 1].text


def _name_after(head: "Token") -> str | None:
    """A person's name right after a role noun that the parse left loose ("…, said longtime
    tenant Jane Roe" with the name hung from the verb): the name, not the role, speaks."""
    doc = head.doc
    first = head.i + 1
    if first >= len(doc) or doc[first].pos_ != "PROPN" or doc[first].ent_type_ != "PERSON":
        return None
    if head.ent_type_ == "PERSON" or doc[first].head not in (head, head.head):
        return None
    last = first
    while last + 1 < len(doc) and doc[last + 1].ent_type_ == "PERSON" and doc[last + 1].ent_iob_ == "I":
        last += 1
    return doc[first : last + 1].text


def _agent_modifier(head: "Token") -> bool:
    """A noun made an agent by a name on its left ("Danish officials", "EU sources")."""
    return any(c.dep_ in ("compound", "amod") and c.ent_type_ in _AGENT_MODIFIER_LABELS for c in head.lefts)
