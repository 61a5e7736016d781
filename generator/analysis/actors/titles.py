"""Titles and roles: what a title before, after or around a name says, and whom a title form means.

A title of ``titles.tsv`` before a name gives the name a role ("Industry Minister X"), with
its qualifier ("the Ruritanian Finance Minister" → "Finance Minister of Ruritania"); an
apposition does too ("X, the union's treasurer,"). A title with a qualifier and no name
("the Ruritanian President", "UN chief") is a *title form*: once the actors are merged it
becomes a mention of the one person the set gives that office (:func:`title_form_holder`).
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from generator.analysis.actors.candidates import ArticleScan, Candidate, Role, ckey, okey
from generator.analysis.actors.names import clean_surface, fold

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.actors.gazetteer import Gazetteer
    from generator.util.unionfind import DisjointSet

# Words before a title that say its holder has left the office.
FORMER = frozenset({"former", "ex", "ex-", "late"})


def title_matcher(vocab, lex: Gazetteer):
    """A spaCy PhraseMatcher for every title of the lexicon, matched in any case."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    patterns = []
    for title, kind in sorted(lex.titles.items()):
        words = re.findall(r"[\w.]+|[^\w\s]", title)
        patterns.append(Doc(vocab, words=words))
    matcher.add("TITLE", patterns)
    return matcher


def _portfolio(span: "Span", ent_at: dict) -> "Span":
    """Widen a title over the nouns before it: "Industry Minister", "branch secretary".

    Capitalised nouns always widen it; lower-case nouns only a lower-case title, and never
    after a capitalised one.
    """
    doc, start = span.doc, span.start
    lower = span[0].is_lower
    while start > 0:
        tok = doc[start - 1]
        if tok.i in ent_at or not tok.is_alpha or tok.dep_ != "compound":
            break
        if not (tok.is_title or lower and tok.is_lower and tok.pos_ == "NOUN"):
            break
        lower = lower and tok.is_lower  # once capitalised, only capitalised nouns follow
        start -= 1
    return doc[start : span.end]


def _qualifier_left(span: "Span", ent_at: dict) -> "Span | None":
    doc, i = span.doc, span.start - 1
    if i >= 0 and doc[i].text in ("'s", "’s", "'", "’"):
        i -= 1
    ent = ent_at.get(i)
    if ent is not None and ent.end == i + 1 and ent.label_ in {"NORP", "GPE", "ORG", "LOC", "PRODUCT"}:
        return ent
    return None


def _qualifier_right(span: "Span", ent_at: dict) -> "Span | None":
    doc, i = span.doc, span.end
    if i < len(doc) and doc[i].lower_ == "of":
        i += 1
        if i < len(doc) and doc[i].lower_ == "the":
            i += 1
        ent = ent_at.get(i)
        if ent is not None and ent.label_ in {"GPE", "ORG"}:
            return ent
    return None


def _owner_left(span: "Span", ent_at: dict) -> "Span | None":
    """A multi-word name tagged PERSON right before a head title: the body it heads.

    "X Y chief executive Z": a person is not qualified by another person's name without a
    possessive, so the name before the title names the organisation.
    """
    ent = ent_at.get(span.start - 1)
    if ent is None or ent.end != span.start or ent.label_ != "PERSON" or len(ent) < 2:
        return None
    return ent


def _name_after(span: "Span", ent_at: dict, lex: Gazetteer) -> "Span | None":
    """The entity naming the holder of a title: "President X", "Prime Minister, X said"."""
    doc, i = span.doc, span.end
    comma = i < len(doc) and doc[i].text == ","
    ent = ent_at.get(i + 1 if comma else i)
    if ent is None or ent.start != (i + 1 if comma else i):
        return None
    if comma and ent.label_ != "PERSON":
        return None
    if ent.label_ == "PERSON" or (
        ent.label_ in {"GPE", "ORG", "NORP"} and lex.country_of(ent.text, acting=True) is None
        and lex.organisation(ent.text) is None
    ):
        return ent
    return None


def title_use(span: "Span", scan: ArticleScan) -> None:
    """Record what a title does: name a role before a name, or stand for a person."""
    ent_at, lex, got, source = scan.ent_at, scan.lex, scan.got, scan.source
    span = _portfolio(span, ent_at)
    title = span.text.lower()
    inner = ent_at.get(span.start)
    if inner is not None and inner.end > span.end and inner.label_ != "PERSON":
        return  # part of a longer name: "the UN General Assembly"
    if lex.titles.get(title) == "honorific":
        return
    left = _qualifier_left(span, ent_at)
    if left is not None and left.label_ == "PRODUCT":
        got.org_ents.add((source, left.start))  # "X spokesperson": a product has no staff
    qual = left if left is not None else _qualifier_right(span, ent_at)
    if left is None and len(span) == 1 and span[0].is_lower and span[0].lower_ in lex.everyday_titles:
        return
    holder, of_form = _holder_named(span, left, qual, inner, scan)
    if qual is None and holder is not None and lex.titles.get(title) == "head":
        owner = _owner_left(span, ent_at)
        if owner is not None:  # "Halvard Shipping chief executive X": a body, whatever the tag
            left = qual = owner
            got.org_ents.add((source, owner.start))
        elif span.start > 0 and span.doc[span.start - 1].is_title:
            got.open_titles.setdefault(source, []).append((span.start_char, span, holder.start_char))
    role = _role(qual, span, lex, of_form=of_form)
    first = left.start if left is not None else span.start
    if first > 0 and span.doc[first - 1].lower_ in FORMER:
        if holder is None:
            return  # "the former French President" is not whoever holds the office now
        role = (None, role[1], f"former {role[2]}")  # no office: answers to no title form
    if holder is not None:
        start = span.end if holder is inner else holder.start
        scan.named[start] = role
    elif qual is not None:  # a bare "the president" is too vague to stand for anyone
        _title_form(span, qual, qual is left, role, scan)


def _holder_named(
    span: "Span", left: "Span | None", qual: "Span | None", inner: "Span | None", scan: ArticleScan
) -> tuple["Span | None", bool]:
    """The entity naming the title's holder, and whether the title phrase was "<Title> of <Place>"."""
    holder = _name_after(span, scan.ent_at, scan.lex)
    of_form = False
    if holder is None and left is None and qual is not None:
        # "Governor of Ruritania Tom Bell": the title phrase, then its holder.
        holder = _name_after(qual, scan.ent_at, scan.lex)
        holder = holder if holder is not None and holder.label_ == "PERSON" else None
        of_form = holder is not None
    if holder is None and inner is not None and inner.label_ == "PERSON" and inner.end > span.end:
        holder = inner  # the entity swallowed its title: "President Sanchez" as PERSON
    return holder, of_form


def _title_form(span: "Span", qual: "Span", qual_left: bool, role: Role, scan: ArticleScan) -> None:
    """Keep a qualified title without a name ("UN chief") as a title form of the set."""
    if span.root.dep_ == "appos" and span.root.head.ent_type_ == "PERSON":
        return  # "X, the chief executive of Y,": the apposition is X's role, not a mention
    begin, end = (qual.start, span.end) if qual_left else (span.start, qual.end)
    raw = span.doc[begin:end].text
    text = clean_surface(raw)
    if not text or text not in raw:
        return
    start = span.doc[begin].idx + raw.find(text)
    scan.got.titles.append(
        Candidate(scan.source, start, start + len(text), text, "TITLE", scan.in_subhead(start), role=role)
    )


def _role(qual: "Span | None", title: "Span", lex: Gazetteer, *, of_form: bool = False) -> Role:
    """(qualifier key, title, role text): "Kenyan" + "President" → "President of Kenya".

    An abbreviated title is written out in the role ("Sen." → "Senator"). With ``of_form``
    the role keeps the order the text wrote it in ("Governor of Ruritania").
    """
    name = title_case(" ".join(lex.title_words.get(w.lower(), w) for w in title.text.split()))
    if qual is None:
        return None, title.text.lower(), name
    # "Mayor of Nairobi" holds the city's office, not the country's its capital stands for.
    country = lex.country_of(qual.text, acting=not of_form) or lex.demonyms.get(fold(qual.text))
    if country:
        the = "the " if country in lex.takes_the else ""
        return ckey(country), title.text.lower(), f"{name} of {the}{country}"
    org = lex.organisation(qual.text)
    key = okey(org) if org else fold(qual.text)
    if of_form:
        the = "the " if qual[0].lower_ == "the" else ""
        return key, title.text.lower(), f"{name} of {the}{clean_surface(qual.text)}"
    return key, title.text.lower(), f"{clean_surface(qual.text)} {name}"


def title_case(text: str) -> str:
    """``text`` as a role is written: each word capitalised but "of", "the", "and", "for", "de"."""
    small = {"of", "the", "and", "for", "de"}
    words = text.split()
    if any(w[:1].isupper() for w in words):
        return " ".join(w if w.lower() in small else w[:1].upper() + w[1:] for w in words)
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words)


def apposition(ent: "Span", lex: Gazetteer) -> Role | None:
    """The role an apposition gives a name: "Lena Hart, the Water Board Spokesperson,"."""
    for child in ent.root.children:
        if child.dep_ != "appos" or child.i < ent.end:
            continue
        words: list = []
        for tok in child.subtree:
            if tok.is_space or tok.i > child.i and (tok.is_punct or tok.dep_ in {"relcl", "acl", "advcl"}):
                break
            if words or tok.dep_ not in {"det", "punct"}:
                words.append(tok)
            if "\n" in tok.whitespace_:
                break  # a line break ends the apposition ("— X, union leader⏎⏎Wages …")
        if not words or len(words) > 10:
            return None
        text = ent.doc[words[0].i : words[-1].i + 1].text
        title = _title_in(text, lex)
        if not title:
            return None
        owner = re.match(r"^(.+?)['’]s (.+)$", text)  # "Kenya's foreign minister"
        country = lex.country(owner.group(1)) if owner else None
        if owner and country and owner.group(2).lower() == title:
            the = "the " if country in lex.takes_the else ""
            return ckey(country), title, f"{title_case(owner.group(2))} of {the}{country}"
        return None, title, text
    return None


def _title_in(text: str, lex: Gazetteer) -> str | None:
    """The longest title of the lexicon that ``text`` contains as whole words."""
    low = " " + " ".join(re.findall(r"[\w.-]+", text.lower())) + " "
    hits = [t for t, kind in lex.titles.items() if kind != "honorific" and f" {t} " in low]
    return max(hits, key=lambda t: (len(t), t)) if hits else None


def offices_of(groups: dict[str, list[Candidate]], uf: DisjointSet[str]) -> dict[tuple[str, str], set[str]]:
    """(qualifier group, title) → the person groups that hold it in this set."""
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for root, members in groups.items():
        for c in members:
            if c.role and c.role[0] is not None:
                offices[(uf.find(c.role[0]), c.role[1])].add(root)
    return offices


def office_holder(offices: dict, qualifier: str, title: str, lex: Gazetteer) -> str | None:
    """The one holder of ``title`` at ``qualifier``, widening "chief" to any head title."""
    exact = offices.get((qualifier, title), ())
    if len(exact) == 1:
        return next(iter(exact))
    if exact:
        return None
    if lex.titles.get(title) == "head":
        heads = set()
        for (q, t), holders in offices.items():
            if q == qualifier and (lex.titles.get(t) == "head" or title in lex.generic_heads):
                heads |= set(holders)
        if len(heads) == 1:
            return next(iter(heads))
    return None


def title_form_holder(t: Candidate, offices: dict, uf: DisjointSet[str], lex: Gazetteer) -> str | None:
    """The person group a title-only form ("the French President") stands for, if one."""
    qualifier, title, _ = t.role
    if qualifier is None:
        return None
    return office_holder(offices, uf.find(qualifier), title, lex)
