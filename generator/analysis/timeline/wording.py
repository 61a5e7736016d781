"""The words of a dated event: the clause its date attaches to (the verb phrase, trimmed of
side clauses that do not hold the date), or the noun phrase it dates when that clause is
long; a weekday or "yesterday" inside it is shown resolved.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.analysis.timeline.resolve import DateMention
from generator.analysis.timeline.tense import outside_complement
from generator.ingest.metadata import strip_dateline
from generator.model import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# Clause dependents dropped from an event unless they hold the date: they add a second
# statement ("…, which will host the final", "…, and the new schedule shows …").
SIDE_CLAUSES = {"advcl", "ccomp", "relcl", "parataxis"}
# A clause without its own subject ("flew to Velmora to meet X on June 3", "including the
# April 2019 talks") is read with the clause it depends on.
DEPENDENT_CLAUSES = {"xcomp", "advcl", "acl", "prep", "pcomp", "amod"}
MAX_EVENT_TOKENS = 28
_LEADING_JUNK = re.compile(r"^(?:[,;:–—-]\s*|(?:and|but|or|which|who|so)\s+)+", re.I)
# A place dateline before the lead: "Velmora, Norland — The fair …"
_PLACE_DATELINE = re.compile(r"^[A-Z][\w.'’]*(?:,?\s+[A-Z][\w.'’]*){0,5}\s+[-–—]\s+(?=[A-Z])")
_WEEKDAY_OR_DAYWORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|tomorrow)\b", re.I
)


def mention_tokens(span: "Span", sentence: Sentence, mention: DateMention) -> list["Token"]:
    """The tokens of ``span`` inside ``mention`` (offsets relative to ``sentence``)."""
    start, end = sentence.start + mention.start, sentence.start + mention.end
    return [t for t in span if start <= t.idx < end]


def top_token(tokens: list["Token"]) -> "Token":
    """The token of a date expression nearest the root: where it attaches to the clause."""
    return min(tokens, key=lambda t: (len(list(t.ancestors)), t.i))


def describe(span: "Span", sentence: Sentence, mention: DateMention, mentions: list[DateMention]) -> str:
    """The clause a date attaches to, trimmed; the sentence when no parse fits."""
    tokens = mention_tokens(span, sentence, mention)
    if not tokens:
        return _tidy(sentence.text, mention)
    date_ids = {t.i for t in tokens}
    other_dates = {t.i for m in mentions if m != mention for t in mention_tokens(span, sentence, m)}
    top = top_token(tokens)
    if top.dep_ in ("poss", "npadvmod") and _awaited(top.head):
        # "ahead of next week's party congress": the thing dated, which the clause only
        # looks towards ("At Tuesday's hearing, the judge ruled …" keeps its verb)
        keep = _clause(top.head, date_ids, other_dates)
    else:
        verb = _governing_verb(outside_complement(_governing_verb(top), tokens))
        keep = _clause(verb, date_ids, other_dates) | _shared_subject(verb)
    if len(keep) > MAX_EVENT_TOKENS:
        keep = _shorten(span.doc, keep, date_ids)
    if not keep:
        return _tidy(sentence.text, mention)
    text = _render(span, sorted(keep), _antecedents(span, keep))
    return _tidy(text, mention)


_TOWARDS = {"ahead", "before", "after", "until", "till", "toward", "towards", "advance", "prior", "for", "to"}


def _awaited(noun: "Token") -> bool:
    """A noun the clause points to in time ("ahead of the summit", "a precursor to it")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return False
    prep = noun.head
    word = prep.head.lower_ if prep.lower_ == "of" else prep.lower_
    return word in _TOWARDS


def _shared_subject(verb: "Token") -> set[int]:
    """"The petition spread fast, and was signed … by Thursday": a conjoined
    verb without a subject of its own reads with the subject of the verb it joins."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return set()
    for child in verb.head.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return {t.i for t in child.subtree}
    return set()


# Dependents that can go when an event is too long: they add where, how or why, while the
# subject, the verb, its object and the date stay.
_OPTIONAL = ("prep", "advcl", "acl", "npadvmod", "appos", "conj", "advmod", "agent", "relcl", "cc", "punct")


def _shorten(doc: "Doc", keep: set[int], date_ids: set[int]) -> set[int]:
    """Drop the largest optional phrases that do not hold the date until the event fits."""
    keep = set(keep)
    roots = {i for i in keep if doc[i].head.i not in keep or doc[i].head.i == i}
    candidates = sorted(
        (doc[i] for i in keep if doc[i].dep_ in _OPTIONAL and doc[i].i not in date_ids),
        key=lambda t: (-len(list(t.subtree)), -t.i),
    )
    for token in candidates:
        if len(keep) <= MAX_EVENT_TOKENS:
            break
        ids = {t.i for t in token.subtree}
        if token.i in keep and not ids & date_ids and len(ids) < len(keep) - 3:
            keep -= ids
    # a token whose head went with a dropped phrase goes too ("Avel D.C.")
    orphans = {i for i in keep if i not in roots and doc[i].head.i not in keep}
    while orphans:
        keep -= orphans
        orphans = {i for i in keep if i not in roots and doc[i].head.i not in keep}
    return keep


def _antecedents(span: "Span", keep: set[int]) -> dict[int, str]:
    """"which opens June 12" → "the museum's new wing opens June 12": a relative
    pronoun that is the subject of a kept relative clause reads as the noun it stands for."""
    doc = span.doc
    subs: dict[int, str] = {}
    for i in keep:
        token = doc[i]
        clause = token.head
        if (
            token.tag_ in ("WDT", "WP")
            and token.dep_ in ("nsubj", "nsubjpass")
            and clause.dep_ == "relcl"
            and clause.head.i not in keep
        ):
            noun = clause.head
            subs[i] = doc[noun.left_edge.i : noun.i + 1].text
    return subs


def _governing_verb(token: "Token") -> "Token":
    """The verb a date attaches to; a clause without a subject of its own ("to meet X on
    June 3", "including the April 2019 talks") is read with the clause it depends on."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    while (
        (token.dep_ in DEPENDENT_CLAUSES or (token.dep_ == "relcl" and any(c.lower_ == "to" for c in token.children)))
        and token.head.i != token.i
        and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
    ):
        token = token.head
        while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
    return token


def governing_noun(token: "Token") -> "Token | None":
    """The noun a date phrase modifies ("the G20 summit next month")."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return None
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ not in ("compound",):
            return node
    return None


def _clause(head: "Token", date_ids: set[int], other_dates: set[int]) -> set[int]:
    """The subtree of ``head`` without side clauses that do not hold the date."""
    keep: set[int] = set()

    def side(child: "Token", ids: set[int]) -> bool:
        if ids & date_ids:
            return False
        if child.dep_ in ("relcl", "parataxis"):
            return True
        if child.dep_ in SIDE_CLAUSES:
            return _detached(child)
        # a second clause joined by "and": a conjoined verb, and its "and"
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            return True
        if child.dep_ == "cc":
            return any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and not {t.i for t in c.subtree} & date_ids
                       for c in child.head.children)
        return False

    def visit(token: "Token") -> None:
        keep.add(token.i)
        for child in token.children:
            ids = {t.i for t in child.subtree}
            if side(child, ids):
                continue
            if token.i == head.i and (child.dep_ == "mark" or (child.tag_ == "WRB" and child.dep_ == "advmod")):
                continue  # "Although the initiative collapsed …": the clause alone
            if child.i in other_dates and child.dep_ in ("appos", "conj") and not ids & date_ids:
                continue  # "in 2004, 2008": the other year is its own event
            if child.dep_ == "conj" and all(t.pos_ in ("ADV", "PUNCT", "CCONJ") for t in child.subtree):
                continue  # "…, and more recently": a dangling adverb once its date is gone
            if ids & other_dates and not ids & date_ids and child.dep_ in ("prep", "npadvmod", "advmod", "appos"):
                continue  # another date's phrase belongs to that date's event
            visit(child)

    visit(head)
    # "in 2004, 2008" seen from 2008: drop the other year (and its comma), keep ours
    doc = head.doc
    drop = {i for i in keep if i in other_dates and not {t.i for t in doc[i].subtree} <= other_dates | date_ids}
    drop |= {t.i for i in drop for t in doc[i].children if t.dep_ in ("punct", "cc")}
    # "in 2011 and 2012" seen from 2011: the "and" of the year that went
    drop |= {t.i for t in doc[head.left_edge.i : head.right_edge.i + 1] if t.dep_ == "cc" and t.i in keep
             and t.head.i in date_ids and not any(c.dep_ == "conj" and c.i in keep for c in t.head.children)}
    return keep - drop


def _detached(child: "Token") -> bool:
    """A clause set off by a comma or a subordinator ("…, officials said", "when it …"),
    not a complement the verb needs ("caused a mass exodus to head for the station")."""
    if any(c.dep_ == "mark" or (c.tag_ == "WRB" and c.dep_ == "advmod") for c in child.children):
        return True
    if child.dep_ == "advcl" and _finite_with_subject(child):
        return True  # "…stalled in mid-2019 after X, the union has since renewed …"
    doc = child.doc
    edge = child.left_edge.i
    if child.i > child.head.i:
        return edge > 0 and doc[edge - 1].is_punct
    after = child.right_edge.i + 1
    return after < len(doc) and doc[after].is_punct


def _finite_with_subject(verb: "Token") -> bool:
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    finite = verb.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children
    )
    return has_subject and finite


def _render(span: "Span", ids: list[int], subs: dict[int, str]) -> str:
    """The kept tokens as text, contiguous runs joined with their own spacing; ``subs``
    replaces single tokens (a relative pronoun by its antecedent)."""
    doc = span.doc
    parts: list[str] = []
    prev = None
    kept = set(ids)
    for i in ids:
        token = doc[i]
        if token.text in (",", ";") and (i - 1 not in kept or i + 1 not in kept):
            continue  # a comma left at the edge of a dropped clause
        if token.dep_ == "punct" and i - 1 not in kept and token.text not in ("“", "‘", "(", '"', "[", "—", "–"):
            continue  # punctuation whose phrase went ("… in Avel D.C." parsed as punct)
        if prev is not None and i != prev + 1:
            parts.append(" ")
        text = subs.get(i, token.text)
        parts.append(text + token.whitespace_ if i != ids[-1] else text)
        prev = i
    return "".join(parts)


def _tidy(text: str, mention: DateMention) -> str:
    """Trim stray punctuation and lead-in words, show a relative day resolved."""
    text = re.sub(r"\s+", " ", text).strip()
    text = _LEADING_JUNK.sub("", text)
    text = strip_dateline(_PLACE_DATELINE.sub("", text))  # "CITY, Country (Wire) —" is no event
    text = text.strip(" ,;:–—-")
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    text = re.sub(r"([,;])(?:\s*[,;])+", r"\1", text)
    # unbalanced quotation marks left by trimming
    for open_q, close_q in (("“", "”"), ("(", ")")):
        if text.count(open_q) != text.count(close_q):
            text = text.replace(open_q, "").replace(close_q, "")
    text = re.sub(r"\(\s*\)", "", text)  # brackets whose date went to its own event
    text = re.sub(r"\s+(?:and|or|but)$", "", text)
    if text.count('"') % 2:
        text = text.replace('"', "")
    if _WEEKDAY_OR_DAYWORD.fullmatch(mention.text.split()[-1]) and len(mention.value) == 10:
        found = re.search(re.escape(mention.text) + r"(?:['’]s\b)?", text)
        if found and mention.value not in text:
            end = found.end()
            text = f"{text[:end]} ({mention.value}){text[end:]}"
    # trailing punctuation and the sentence's full stop (not the one of "U.S.")
    text = re.sub(r"(?:[\s,;:–—-]|(?<![A-Z])\.)+$", "", text).strip(" ,;:–—-")
    text = re.sub(r"\s{2,}", " ", text)
    if text and text[0].islower():
        text = text[0].upper() + text[1:]
    return text
