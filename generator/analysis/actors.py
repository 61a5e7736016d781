"""Actors: the people, organisations, countries and groups a source set talks about.

:func:`find_actors` reads spaCy's entities (PERSON, ORG, NORP, GPE, LOC, FAC) once per
article and merges every way the articles of one set name one actor:

1. *Surface forms* (this module) — each entity is cleaned (edge punctuation, emoji, "the",
   possessive, a sentence-initial lower-case word), titles are cut off its edges and kept as
   roles; a given name the model split off ("Valeska | Paris") and the particles of a name
   ("Ursula von der | Leyen") are put back; "<Title> of <Place> <Name>" is split into a
   role and its holder ("Governor of Washington Chris Gregoire"); repeated
   mentions the model missed are found again (:mod:`actor_cues`: echoes of multi-word names
   and surnames, "Ms X"); cues around a name say organisation ("the carrier X",
   "X Holdings", "X chief executive Y").
2. *Keys and merging* (:mod:`actor_merge`) — a country of the lexicon (never a capital
   inside a person's name), a well-known organisation, or its :func:`~names.fold`; keys
   join when one is the other's surname, a slip or spelling variant, an acronym, or the
   short form of an organisation.
3. *Kinds* (:mod:`actor_kinds`) — by vote (a title before a name votes person, an
   organisation cue outvotes a PERSON tag); common nouns and things the model called
   people are dropped. Each actor gets a canonical name (the fullest, accented form, or
   the lexicon name), roles and handles.
4. *Title forms* — "the French President", "UN chief" become mentions of the one person
   the set gives that title; social handles join the person a post attribution names, or
   the person whose name the handle spells ("@JLSanchez" ~ initials + surname).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz

from generator.analysis.actor_cands import Candidate, Collected
from generator.analysis.actor_cues import (
    echoes,
    organisation_cue,
    strip_leading_word,
    word_counts,
)
from generator.analysis.names import (
    Gazetteer,
    clean_surface,
    compact,
    fold,
    gazetteer,
    handle_forms,
    NAME_PARTICLES,
    has_diacritics,
    is_spelling_variant,
    is_typo,
    without_particles,
)
from generator.analysis.actor_kinds import (
    drop_common_nouns,
    drop_unlikely_people,
    join_org_nouns,
    kind_of,
    things_named_alike,
)
from generator.analysis.actor_merge import UnionFind, ckey, country_key, keyed, merge, okey
from generator.model import Actor

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.document import ArticleDoc

# PRODUCT too: the small model often tags a company so ("the shipping giant X"); a PRODUCT
# casts no vote on the kind, so it stays an actor only where a cue says organisation.
ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT"})
# Dependency labels of a name that *does* something (or owns something): a capital city in
# such a slot stands for its country ("Ankara has long argued", "Ankara's support").
ACTING_DEPS = frozenset({"nsubj", "nsubjpass", "poss", "agent", "csubj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
HANDLE = re.compile(r"(?<![\w@])@\w{2,30}")
# "— Jane Doe (@UNSpokesperson) May 13, 2025": the line under an embedded post.
ATTRIBUTION = re.compile(r"[—–-]{1,2}\s*([^()\n@]{2,60}?)\s*\((@\w{2,30})\)")
CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday tomorrow "
    "gmt utc cet cest bst est edt pst pdt".split()
)
# Lower-case particles that may begin a name ("de Gaulle", "al-Sisi", "von der Leyen").
PARTICLES = NAME_PARTICLES
# "the town of Yeoncheon": a name after such a noun is a place whatever spaCy tagged it.
PLACE_NOUNS = frozenset(
    "town city village province region state district county island port capital".split()
)
# Title words that are also everyday words ("a major exhibit", "head coach"): in lower case
# they are only titles right after a qualifier ("Rovers captain", "UN chief").
EVERYDAY_TITLES = frozenset(
    "major general head chair justice deputy representative speaker marshal leader chief "
    "boss founder lady lord director manager secretary minister".split()
)
ARTICLES = frozenset({"the", "a", "an"})
FORMER = frozenset({"former", "ex", "ex-", "late"})
# Titles that name no office of their own: "UN chief" is whoever leads the UN.
GENERIC_HEADS = frozenset({"chief", "head", "leader", "boss"})
MIN_HANDLE_SIMILARITY = 85


@dataclass(frozen=True)
class Mention:
    """One place where an article names an actor; offsets are into ``Article.text``."""

    source: str
    start: int
    end: int
    text: str
    actor: str  # canonical actor name


class ActorIndex:
    """The actors of a set and how to find them again from any surface form."""

    def __init__(
        self,
        actors: tuple[Actor, ...],
        mentions: dict[str, list[Mention]],
        surfaces: dict[str, str],
        offices: dict[tuple[str, str], tuple[str, ...]],
        lexicon: Gazetteer,
    ):
        self.actors = actors
        self._by_name = {a.name: a for a in actors}
        self._mentions = mentions
        self._surfaces = surfaces  # folded alias → actor name
        self._offices = offices  # (qualifier actor name, title) → person names
        self._lexicon = lexicon
        # For one-slip look-ups: aliases and surnames by first letter and length.
        self._near: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        self._surnames: dict[str, list[str]] = defaultdict(list)
        for alias, name in sorted(surfaces.items()):
            self._near[(alias[:1], len(alias))].append((alias, name))
        for a in actors:
            if a.kind == "person":
                words = fold(a.name).split()
                last = words[-1] if words else ""
                self._surnames[last].append(a.name)
                # "von der Leyen", "bin Salman": the surname with its particles.
                for i in range(1, len(words) - 1):
                    if words[i] in NAME_PARTICLES and without_particles(" ".join(words[i:])) == last:
                        self._surnames[" ".join(words[i:])].append(a.name)
                self._near[(last[:1], len(last))].append((last, a.name))

    def mentions(self, source: str) -> list[Mention]:
        """Every actor mention in article ``source``, sorted by start (longest first).

        A title form may contain the mention of its qualifier: "UN chief" is a mention of
        the person and holds a mention of NATO.
        """
        return list(self._mentions.get(source, []))

    def resolve(self, surface: str) -> Actor | None:
        """The actor ``surface`` names, or None.

        Understands aliases in any spelling ("Sanchez"), handles ("@UNSpokesperson"),
        surnames, one-letter slips of a known name, title forms ("the French President",
        "UN chief", "President Sanchez"), a country's capital, variant or demonym.
        """
        text = clean_surface(surface or "")
        if not text:
            return None
        key = fold(text)
        if len(key) <= 3 and not text.replace(".", "").isupper():
            return None  # "us", "who": words, not the US or the WHO
        if key in self._surfaces:
            return self._by_name[self._surfaces[key]]
        if text.startswith("@"):
            name = _match_handle(text, [a for a in self.actors if a.kind != "country"])
            return self._by_name.get(name) if name else None
        country = self._country_actor(text)
        if country:
            return country
        return self._resolve_title(text) or self._resolve_loose(key)

    def _country_actor(self, text: str) -> Actor | None:
        lex = self._lexicon
        name = lex.country(text) or lex.demonyms.get(fold(text)) or lex.capitals.get(fold(text))
        return self._by_name.get(name) if name else None

    def _resolve_title(self, text: str) -> Actor | None:
        words = text.split()
        # "President Sanchez": strip leading titles and resolve the rest.
        for n in range(min(4, len(words) - 1), 0, -1):
            if " ".join(words[:n]).lower() in self._lexicon.titles:
                return self.resolve(" ".join(words[n:]))
        # "French President", "UN chief", "Czech Industry Minister": qualifier + title.
        if not any(" ".join(words[k:]).lower() in self._lexicon.titles for k in range(1, len(words))):
            return None
        for n in range(1, len(words)):
            qualifier = self.resolve(" ".join(words[:n]))
            if qualifier is not None:
                title = " ".join(words[n:]).lower()
                name = _holder(self._offices, qualifier.name, title, self._lexicon)
                return self._by_name.get(name) if name else None
        return None

    def _resolve_loose(self, key: str) -> Actor | None:
        """A surname alone, or a one-letter slip of a known name or surname."""
        last = self._surnames.get(key, [])
        if len(last) == 1:
            return self._by_name[last[0]]
        near = (x for n in (-1, 0, 1) for x in self._near.get((key[:1], len(key) + n), ()))
        hits = {name for alias, name in near if is_typo(alias, key)}
        if not hits and " " not in key:  # a surname spelt another way ("Bauchtman")
            hits = {n for last, names in self._surnames.items() if is_spelling_variant(last, key) for n in names}
        return self._by_name[hits.pop()] if len(hits) == 1 else None


# --------------------------------------------------------------------------- public


def find_actors(docs: list["ArticleDoc"]) -> ActorIndex:
    """Find and merge the actors of one source set (see the module docstring)."""
    lex = gazetteer()
    got = Collected()
    if docs:
        matcher = _title_matcher(docs[0].doc.vocab, lex)
        got.words = word_counts([adoc.doc for adoc in docs])
        for adoc in docs:
            _collect(adoc, matcher, lex, got)
        _collect_echoes(docs, lex, got)
    return _build(got, lex)


# --------------------------------------------------------------------------- collecting


def _title_matcher(vocab, lex: Gazetteer):
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    matcher = PhraseMatcher(vocab, attr="LOWER")
    patterns = []
    for title, kind in sorted(lex.titles.items()):
        words = re.findall(r"[\w.]+|[^\w\s]", title)
        patterns.append(Doc(vocab, words=words))
    matcher.add("TITLE", patterns)
    return matcher


def _collect(adoc: "ArticleDoc", matcher, lex: Gazetteer, got: Collected) -> None:
    """One pass over the entities, titles and handles of one article."""
    from spacy.util import filter_spans

    doc, source = adoc.doc, adoc.source
    subheads = [(b.start, b.start + len(b.text)) for b in adoc.article.blocks if b.kind == "subhead"]
    in_subhead = lambda char: any(s <= char < e for s, e in subheads)  # noqa: E731
    titles = filter_spans(matcher(doc, as_spans=True))
    title_at = {i: span for span in titles for i in range(span.start, span.end)}
    # doc.ents is a property that walks the tokens: read it once
    ents = _split_title_of(_with_particles(doc.ents), title_at, lex, got.words)
    ent_at = {i: ent for ent in ents for i in range(ent.start, ent.end)}
    named: dict[int, tuple[str | None, str, str]] = {}  # name start token → role
    for span in titles:
        _title_use(span, ent_at, lex, source, named, got, in_subhead)
    for ent in ents:
        after = ent_at.get(ent.end)
        if len(ent) == 1 and after is not None and _given_name_before(after, after.start, title_at, lex):
            continue  # the given name of the next entity ("Valeska" of "Valeska Paris")
        if ent.label_ in ENTITY_LABELS:
            _entity(ent, title_at, named, lex, source, got, in_subhead)
    for match in HANDLE.finditer(doc.text):
        got.cands.append(
            Candidate(source, match.start(), match.end(), match.group(), "HANDLE", in_subhead(match.start()))
        )
    texts = [doc.text] + [b.attribution for b in adoc.article.blocks if b.attribution]
    for text in texts:
        for match in ATTRIBUTION.finditer(text):
            got.attributions.setdefault(match.group(2).casefold(), clean_surface(match.group(1)))
            got.handle_case.setdefault(match.group(2).casefold(), match.group(2))


def _particle_run(doc, i: int, step: int) -> int:
    """How many name particles ("von der", "bin", "al -") run from token ``i`` on."""
    n = 0
    while 0 <= i < len(doc) and (
        doc[i].lower_ in NAME_PARTICLES or doc[i].text == "-" and n and not doc[i].whitespace_
    ):
        n, i = n + 1, i + step
    return n


def _with_particles(ents) -> list:
    """The entities with the particles of person names put back into them.

    The small model cuts a name at its particles: "Ursula von der | Leyen" (the surname may
    be tagged a place), "Van der | Berg". A person's name ending in particles takes the
    capitalised word after them; a surname right after particles takes them, if they are
    written in lower case or open the sentence, and then it names a person. An entity
    swallowed by such a name is dropped.
    """
    from spacy.tokens import Span

    if not ents:
        return []
    doc = ents[0].doc
    out: list = []
    taken = -1  # last token of the previous name widened to the right
    for ent in ents:
        if ent.start <= taken:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        if label == "PERSON":
            back = 0
            while back < len(ent) - 1 and ent[len(ent) - 1 - back].lower_ in NAME_PARTICLES:
                back += 1
            run = back + _particle_run(doc, end, 1)
            nxt = ent.end + run - back
            if run and nxt < len(doc) and doc[nxt].is_title and doc[nxt].is_alpha:
                end = nxt + 1  # "Ursula von der" + "Leyen"
        run = _particle_run(doc, start - 1, -1)
        if run and label in {"PERSON", "GPE", "ORG", "NORP"} and len(ent) == 1 and ent[0].is_title:
            first = doc[start - run]
            if first.is_lower or first.is_sent_start or (first.i and doc[first.i - 1].is_punct):
                # "von der | Leyen" (tagged a place), "Van der | Berg"; an organisation keeps
                # its label ("al- | Qaeda" would be a body, not a person).
                start, label = start - run, "ORG" if label == "ORG" else "PERSON"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            out.append(ent)
        else:
            out.append(Span(doc, start, end, label=label))
            taken = end - 1
    return out


def _name_tail(span: "Span") -> int:
    """Where a person's name starts at the end of ``span``: a given name, particles, a
    surname ("Chris Gregoire", "Ahmed al-Rashidi"); -1 if the end is no such name."""
    doc, i = span.doc, span.end - 1
    if not (doc[i].is_title and doc[i].is_alpha):
        return -1
    i -= 1 + _particle_run(doc, i - 1, -1)  # "al -", "von der"
    if i < span.start + 1 or not (doc[i].is_title and doc[i].is_alpha and doc[i].pos_ == "PROPN"):
        return -1  # the qualifier needs a word of its own
    return i


def _split_title_of(ents: list, title_at: dict, lex: Gazetteer, words: Counter) -> list:
    """Split "<Title> of <Place> <Given> <Surname>" the model took as one entity.

    "Governor of Washington Chris Gregoire", "Mayor of Lyon Gregory Doucet": the model
    may tag the place and the name as one ORG or PERSON (with or without the title). The
    place becomes the title's qualifier (GPE, or ORG after an organisation's head word) and
    the last words the holder's name, so the title is kept as the role, not in the name.
    Not split: a name used as a modifier ("the National Iodine Nutrition study"), a place
    part with lower-case words ("Centre for Control of …"), a tail the set writes in lower
    case.
    """
    from spacy.tokens import Span

    out: list = []
    for ent in ents:
        doc, start = ent.doc, ent.start
        if start in title_at and title_at[start].end < ent.end and doc[title_at[start].end].lower_ == "of":
            start = title_at[start].end + 1  # the title is inside the entity
        elif not (start >= 2 and doc[start - 1].lower_ == "of" and (start - 2) in title_at):
            out += [*_untagged_place(ent, title_at, lex, out), ent]
            continue
        if start < ent.end and doc[start].lower_ == "the":
            start += 1
        tail = _name_tail(doc[start : ent.end])
        whole = doc[start : ent.end].text
        if (
            ent.label_ not in {"PERSON", "ORG", "GPE"} or tail < 0 or lex.country(whole)
            or lex.organisation(whole) or ent.root.dep_ in {"compound", "amod", "nmod"}
            or not all(t.is_title for t in doc[start:tail])
            or any(words.get(t.lower_) or t.lower_ in lex.heads for t in doc[tail : ent.end])
        ):
            out.append(ent)
            continue
        place = doc[start:tail]
        label = "ORG" if fold(place[-1].text) in lex.heads or lex.organisation(place.text) else "GPE"
        out += [Span(doc, start, tail, label=label), Span(doc, tail, ent.end, label="PERSON")]
    return out


def _untagged_place(ent: "Span", title_at: dict, lex: Gazetteer, before: list) -> list:
    """The qualifier the model left untagged in "<Title> of <Words> <PERSON>".

    "Chief Executive of Meridian Ports Karl Olsen": the capitalised words between "of" and
    the person name the body or place whose title the person holds.
    """
    from spacy.tokens import Span

    doc, i = ent.doc, ent.start
    if ent.label_ != "PERSON" or (before and before[-1].end > i - 1):
        return []
    while i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and (i - 1) not in title_at:
        i -= 1
    if i == ent.start or i < 2 or doc[i - 1].lower_ != "of" or (i - 2) not in title_at:
        return []
    if before and before[-1].end > i:
        return []
    place = doc[i : ent.start]
    label = "ORG" if fold(place[-1].text) in lex.heads or lex.organisation(place.text) else "GPE"
    return [Span(doc, i, ent.start, label=label)]


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
        ent.label_ in {"GPE", "ORG", "NORP"} and country_key(ent.text, lex, acting=True) is None
        and lex.organisation(ent.text) is None
    ):
        return ent
    return None


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


def _title_use(span, ent_at, lex, source, named, got, in_subhead) -> None:
    """Record what a title does: name a role before a name, or stand for a person."""
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
    if left is None and len(span) == 1 and span[0].is_lower and span[0].lower_ in EVERYDAY_TITLES:
        return
    holder = _name_after(span, ent_at, lex)
    of_form = False
    if holder is None and left is None and qual is not None:
        # "Governor of Washington Chris Gregoire": the title phrase, then its holder.
        holder = _name_after(qual, ent_at, lex)
        holder = holder if holder is not None and holder.label_ == "PERSON" else None
        of_form = holder is not None
    if holder is None and inner is not None and inner.label_ == "PERSON" and inner.end > span.end:
        holder = inner  # the entity swallowed its title: "President Sanchez" as PERSON
    if qual is None and holder is not None and lex.titles.get(title) == "head":
        owner = _owner_left(span, ent_at)
        if owner is not None:  # "Meridian Terminals chief executive X": a body, whatever the tag
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
        named[start] = role
        return
    if qual is None:
        return  # a bare "the president" is too vague to stand for anyone
    if span.root.dep_ == "appos" and span.root.head.ent_type_ == "PERSON":
        return  # "X, the chief executive of Y,": the apposition is X's role, not a mention
    begin, end = (qual.start, span.end) if qual is left else (span.start, qual.end)
    raw = span.doc[begin:end].text
    text = clean_surface(raw)
    if not text or text not in raw:
        return
    start = span.doc[begin].idx + raw.find(text)
    got.titles.append(Candidate(source, start, start + len(text), text, "TITLE", in_subhead(start), role=role))


def _role(
    qual: "Span | None", title: "Span", lex: Gazetteer, *, of_form: bool = False
) -> tuple[str | None, str, str]:
    """(qualifier key, title, role text): "Turkish" + "President" → "President of Türkiye".

    An abbreviated title is written out in the role ("Sen." → "Senator"). With ``of_form``
    the role keeps the order the text wrote it in ("Governor of Washington").
    """
    name = _title_case(" ".join(lex.title_words.get(w.lower(), w) for w in title.text.split()))
    if qual is None:
        return None, title.text.lower(), name
    # "Mayor of Ankara" holds the city's office, not the country's its capital stands for.
    country = country_key(qual.text, lex, acting=not of_form) or lex.demonyms.get(fold(qual.text))
    if country:
        the = "the " if country in lex.takes_the else ""
        return ckey(country), title.text.lower(), f"{name} of {the}{country}"
    org = lex.organisation(qual.text)
    key = okey(org) if org else fold(qual.text)
    if of_form:
        the = "the " if qual[0].lower_ == "the" else ""
        return key, title.text.lower(), f"{name} of {the}{clean_surface(qual.text)}"
    return key, title.text.lower(), f"{clean_surface(qual.text)} {name}"


def _title_case(text: str) -> str:
    small = {"of", "the", "and", "for", "de"}
    words = text.split()
    if any(w[:1].isupper() for w in words):
        return " ".join(w if w.lower() in small else w[:1].upper() + w[1:] for w in words)
    return " ".join(w if w in small else w[:1].upper() + w[1:] for w in words)


def _entity(ent, title_at, named, lex, source, got, in_subhead) -> None:
    """Turn one spaCy entity into candidate surface forms (cut titles, split possessives)."""
    start, end = ent.start, ent.end
    while start < end and start in title_at:  # leading titles: "President Sánchezz"
        start = title_at[start].end
    if start == ent.start and ent.label_ in {"PERSON", "ORG"}:
        start += strip_leading_word(ent, got.words, lex)  # "Nonpartisan Paul Tse" at a sentence start
    while end > start and (end - 1) in title_at:  # trailing: "the State Department Spokesperson"
        end = title_at[end - 1].start
    if start >= end:
        return
    doc = ent.doc
    for i in range(start, end):  # "France’s Interior Ministry" → country + org
        if (
            doc[i].text in ("'s", "’s") and ent.label_ == "ORG" and i + 1 < end
            and country_key(doc[start:i].text, lex, acting=True)
        ):
            _entity_part(doc[start:i], "GPE", ent, named, lex, source, got, in_subhead)
            start = i + 1
            break
    label = ent.label_
    if start == ent.start and label in {"ORG", "NORP"}:
        start = _widen_left(ent, title_at)  # "the Free Democrats": the model took "Democrats"
    if _given_name_before(ent, start, title_at, lex):
        start, label = start - 1, "PERSON"  # "Valeska Paris": a name, not the capital
    _entity_part(doc[start:end], label, ent, named, lex, source, got, in_subhead)
    if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
        acronym = doc[end + 1].text
        if acronym.isupper() and len(acronym) >= 2:
            got.pairs.append((fold(doc[start:end].text), fold(acronym)))


def _widen_left(ent: "Span", title_at: dict) -> int:
    """The start of a name whose capitalised first words the model left out of the entity.

    Only mid-sentence proper nouns bound to the name as compounds count: at the start of a
    sentence any word is capitalised.
    """
    doc, start = ent.doc, ent.start
    while start > 0:
        tok = doc[start - 1]
        if (
            tok.pos_ != "PROPN" or not tok.is_title or not tok.is_alpha or tok.ent_type_
            or tok.is_sent_start or tok.i in title_at or tok.dep_ != "compound"
            or not ent.start <= tok.head.i < ent.end
        ):
            break
        start -= 1
    return start


def _given_name_before(ent: "Span", start: int, title_at: dict, lex: Gazetteer) -> bool:
    """True for a one-word place name the model split off a person's name.

    A capitalised proper noun left out of every entity and bound to the place as a
    compound ("Valeska Paris") makes the two words one name: a city takes no given name.
    """
    if ent.label_ != "GPE" or len(ent) != 1 or start != ent.start or start == 0:
        return False
    if fold(ent.text) not in lex.capitals:
        return False  # only the capital rule misreads a surname; other places stay places
    prev = ent.doc[start - 1]
    # The model may tag the given name as a place of its own: one token, then the name.
    alone = not prev.ent_type_ or (
        prev.ent_type_ == "GPE" and prev.ent_iob_ == "B" and fold(prev.text) not in lex.capitals
    )
    return (
        prev.pos_ == "PROPN" and prev.is_title and prev.is_alpha and alone
        and prev.dep_ == "compound" and prev.head.i == ent.root.i and prev.i not in title_at
        and prev.lower_ not in lex.heads and prev.lower_ not in lex.titles
        and lex.country(prev.text) is None and prev.lower_ not in lex.demonyms
    )


def _entity_part(span, label, ent, named, lex, source, got, in_subhead) -> None:
    raw = span.text
    text = clean_surface(raw)
    if not plausible_name(text) or after_place_noun(span):
        return
    if text not in raw:  # cleaning only trims edges, so this is a safeguard
        return
    offset = span.start_char + raw.find(text)
    root = ent.root
    acting = root.dep_ in ACTING_DEPS or (root.dep_ == "conj" and root.head.dep_ in ACTING_DEPS)
    noun = _group_noun(root)
    role = named.get(span.start)
    if label == "PERSON" and role is None and _determined(span):
        label = "THING"  # "the Space Shuttle", "the Joker": a person takes no article
    appos = _apposition(ent, lex) if label == "PERSON" or role else None
    org = role is None and ((source, ent.start) in got.org_ents or organisation_cue(span, lex))
    subject = root.dep_ in SUBJECT_DEPS or (root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS)
    got.cands.append(
        Candidate(source, offset, offset + len(text), text, label, in_subhead(offset),
              person=role is not None, acting=acting, noun=noun, role=role or appos,
              described=appos if role else None, org=org, subject=subject)
    )


def _collect_echoes(docs: list["ArticleDoc"], lex: Gazetteer, got: Collected) -> None:
    """Add the mentions the model missed of multi-word names it tagged elsewhere.

    An echo carries no label (no vote on the kind) but the same cues as an entity: an
    organisation's last word or introducing noun, and a head title right after it
    ("Meridian Terminals chief executive X" → the name is a body and qualifies X's title).
    """
    names = sorted({
        c.text for c in got.cands
        if c.label in {"PERSON", "ORG"} and len(c.text.split()) >= 2 and plausible_name(c.text)
    } | _surnames_to_echo(got, lex))
    by_start = {(c.source, c.start): c for c in got.cands}
    for adoc in docs:
        doc, source = adoc.doc, adoc.source
        subheads = [(b.start, b.start + len(b.text)) for b in adoc.article.blocks if b.kind == "subhead"]
        taken = [(e.start_char, e.end_char) for e in doc.ents]
        titles = got.open_titles.get(source, [])
        for start, end in echoes(doc, names, taken):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            text = doc.text[start:end]
            org = organisation_cue(span, lex)
            for title_start, title, holder_start in titles:
                if title_start > end and not doc.text[end:title_start].strip():
                    org = True
                    holder = by_start.get((source, holder_start))
                    if holder is not None and holder.role and holder.role[0] is None:
                        holder.role = (fold(text), title.text.lower(), f"{text} {_title_case(title.text)}")
            root = span.root
            got.cands.append(Candidate(
                source, start, end, text, "NAME", any(s <= start < e for s, e in subheads),
                acting=root.dep_ in ACTING_DEPS, org=org,
            ))
        for match in _HONORIFIC.finditer(doc.text):  # "Ms Dellacriox said": a person
            start, end = match.span(1)
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None or match.group(1).isupper() or any(s < end and start < e for s, e in taken):
                continue
            got.cands.append(Candidate(
                source, start, end, match.group(1), "PERSON", any(s <= start < e for s, e in subheads),
                person=True, acting=span.root.dep_ in ACTING_DEPS,
            ))


_HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+([A-Z][\w'’-]*[a-z][\w'’-]*)")


def _surnames_to_echo(got: Collected, lex: Gazetteer) -> set[str]:
    """Surnames of full person names that the set never writes in lower case."""
    out = set()
    for c in got.cands:
        words = c.text.split()
        if c.label != "PERSON" or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
            continue
        last = words[-1]
        key = fold(last)
        if (
            len(last) >= 3 and last.isalpha() and not last.isupper() and not got.words.get(last.lower())
            and lex.country(last) is None and key not in lex.capitals and key not in lex.demonyms
            and key not in lex.titles and key not in lex.heads and key not in CALENDAR
        ):
            out.add(last)
    return out


def _determined(span: "Span") -> bool:
    """True for a name after "the"/"a" that heads its phrase ("the Space Shuttle").

    A person's name takes no article, except as a modifier ("the Tom Cruise video", "an
    Andy Warhol print") or a family in the plural ("the Smiths").
    """
    doc, root = span.doc, span.root
    first = span[0] if span[0].lower_ in ARTICLES else (doc[span.start - 1] if span.start else None)
    if first is None or first.lower_ not in ARTICLES:
        return False
    if root.dep_ in {"compound", "amod", "nmod", "poss", "conj"} or root.tag_ == "NNPS":
        return False
    # "an Edward Steichen and Andy Warhol exhibit": a coordinated modifier, parsed loosely.
    return not any(child.dep_ == "conj" for child in root.children)


def _group_noun(root) -> bool:
    """A NORP word used as a noun for people: "Bangladeshis", "the Rohingya", "One Rohingya".

    Not an adjective ("French President", "mainly Buddhist"): a group noun is plural or
    has a determiner or number before it.
    """
    if root.pos_ not in NOUN_POS or root.dep_ in {"amod", "compound", "nmod", "acomp", "attr", "npadvmod"}:
        return False
    prev = root.doc[root.i - 1] if root.i > 0 else None
    counted = prev is not None and prev.pos_ in {"DET", "NUM"}
    return root.tag_ in {"NNS", "NNPS"} or root.text.endswith("s") or counted


def _apposition(ent: "Span", lex: Gazetteer) -> tuple[str | None, str, str] | None:
    """The role an apposition gives a name: "Jeff Rathke, the State Department Spokesperson,"."""
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
        owner = re.match(r"^(.+?)['’]s (.+)$", text)  # "Turkey's foreign minister"
        country = lex.country(owner.group(1)) if owner else None
        if owner and country and owner.group(2).lower() == title:
            the = "the " if country in lex.takes_the else ""
            return ckey(country), title, f"{_title_case(owner.group(2))} of {the}{country}"
        return None, title, text
    return None


def _title_in(text: str, lex: Gazetteer) -> str | None:
    """The longest title of the lexicon that ``text`` contains as whole words."""
    low = " " + " ".join(re.findall(r"[\w.-]+", text.lower())) + " "
    hits = [t for t, kind in lex.titles.items() if kind != "honorific" and f" {t} " in low]
    return max(hits, key=lambda t: (len(t), t)) if hits else None


def plausible_name(text: str) -> bool:
    """False for junk entities: one letter, numbers, dates, lower-case words, handles."""
    if len(text) < 2 or text.startswith("@") or not any(c.isupper() for c in text):
        return False
    words = text.split()
    if not any(c.isalpha() for c in text) or text[0].isdigit() or words[-1].isdigit():
        return False
    if any(c.isdigit() for c in text) and not gazetteer().organisation(text):
        return False  # model numbers and codes: "A320", "STS-1" (but "G7" is a body)
    lead = re.split(r"[-\s]", text, maxsplit=1)[0]
    if not text[0].isupper() and lead.lower() not in PARTICLES:
        return False  # "pro-Beijing": an adjective, not a name
    return fold(text) not in CALENDAR


def after_place_noun(span: "Span") -> bool:
    """True for a name introduced as a place: "the town of X", "the city of X"."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in PLACE_NOUNS


# --------------------------------------------------------------------------- building


def _build(got: Collected, lex: Gazetteer) -> ActorIndex:
    cands = keyed(got, lex)
    uf = merge(cands, got, lex)
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        groups[uf.find(c.key)].append(c)
    join_org_nouns(groups, lex)
    drop_common_nouns(groups, got.words)
    drop_unlikely_people(groups, got.words)
    lasts = Counter(fold(c.text).split()[-1] for c in cands if c.label == "PERSON" and " " in c.text)
    kinds = {root: kind_of(root, members, lasts) for root, members in groups.items()}
    things_named_alike(groups, kinds)
    groups = {r: m for r, m in groups.items() if kinds[r] and not all(c.subhead for c in m)}
    names = {root: _canonical(root, members, kinds[root], lex) for root, members in groups.items()}
    offices = _offices(groups, names, uf)
    for t in got.titles:
        holder = _holder_for(t, offices, uf, lex)
        if holder:
            t.key = holder
            groups[holder].append(t)
    handles = _handles(got, groups, names, kinds, uf)
    actors, surfaces, mentions = [], {}, defaultdict(list)
    for root, members in groups.items():
        actor = _actor(names[root], kinds[root], members, handles.get(root, ()))
        actors.append(actor)
        for c in members:
            surfaces.setdefault(fold(c.text), actor.name)
            mentions[c.source].append(Mention(c.source, c.start, c.end, c.text, actor.name))
        surfaces.setdefault(fold(actor.name), actor.name)
        for h in actor.handles:
            surfaces[fold(h)] = actor.name
    actors.sort(key=lambda a: (-a.mentions, a.name))
    for source in mentions:
        mentions[source] = sorted(set(mentions[source]), key=lambda m: (m.start, -m.end, m.actor))
    office_names = {
        (names[q] if q in names else q, t): tuple(sorted(names[h] for h in holders))
        for (q, t), holders in offices.items()
    }
    return ActorIndex(tuple(actors), dict(mentions), surfaces, office_names, lex)


def _canonical(root: str, members: list[Candidate], kind: str, lex: Gazetteer) -> str:
    """The fullest, properly accented name; the lexicon name for a country."""
    if kind == "country":
        return root.split(":", 1)[1]
    counts = Counter(c.text for c in members)
    pool = [c.text for c in members if c.label == "PERSON" or c.person] if kind == "person" else []
    pool = pool or list(counts)

    if kind == "organisation":  # "Nordvik" is short for "Nordvik Motors": never the name
        pool = [t for t in pool if not any(o.startswith(t + " ") for o in counts)] or pool

    def rank(text: str):
        words = len(text.split())
        return (-words if kind == "person" else 0, -counts[text], not has_diacritics(text), -len(text), text)

    best = min(pool, key=rank)
    # Of the spellings that fold alike, the accented one: "Sanchez" → "Sánchez".
    same = [t for t in counts if fold(t) == fold(best)]
    return min(same, key=lambda t: (not has_diacritics(t), -counts[t], t))


def _offices(groups, names, uf: UnionFind) -> dict[tuple[str, str], set[str]]:
    """(qualifier group, title) → the person groups that hold it in this set."""
    offices: dict[tuple[str, str], set[str]] = defaultdict(set)
    for root, members in groups.items():
        for c in members:
            if c.role and c.role[0] is not None:
                offices[(uf.find(c.role[0]), c.role[1])].add(root)
    return offices


def _holder(offices: dict, qualifier: str, title: str, lex: Gazetteer) -> str | None:
    """The one holder of ``title`` at ``qualifier``, widening "chief" to any head title."""
    exact = offices.get((qualifier, title), ())
    if len(exact) == 1:
        return next(iter(exact))
    if exact:
        return None
    if lex.titles.get(title) == "head":
        heads = set()
        for (q, t), holders in offices.items():
            if q == qualifier and (lex.titles.get(t) == "head" or title in GENERIC_HEADS):
                heads |= set(holders)
        if len(heads) == 1:
            return next(iter(heads))
    return None


def _holder_for(t: Candidate, offices, uf: UnionFind, lex: Gazetteer) -> str | None:
    """The person group a title-only form ("the French President") stands for, if one."""
    qualifier, title, _ = t.role
    if qualifier is None:
        return None
    return _holder(offices, uf.find(qualifier), title, lex)


def _handles(got: Collected, groups, names, kinds, uf: UnionFind) -> dict[str, tuple[str, ...]]:
    # groups: root → candidates; names / kinds: root → canonical name / kind
    """Tie each social handle to an actor and record it as one of its mentions."""
    by_name = {fold(names[r]): r for r in groups}
    people = [(r, names[r]) for r in sorted(groups) if kinds[r] in {"person", "organisation"}]
    found: dict[str, set[str]] = defaultdict(set)
    for c in got.cands:
        if c.label != "HANDLE":
            continue
        root = None
        named = got.attributions.get(c.text.casefold())
        if named:
            root = by_name.get(fold(named)) or _root_of(named, groups, uf)
        if root is None:
            match = _match_handle(c.text, [Actor(n, kinds[r]) for r, n in people])
            root = next((r for r, n in people if n == match), None)
        if root is not None:
            c.key = root
            groups[root].append(c)
            found[root].add(c.text)
    # A handle may only appear in an attribution kept apart from the text: no mention then.
    for handle, named in sorted(got.attributions.items()):
        root = by_name.get(fold(named)) or _root_of(named, groups, uf)
        if root is not None and not any(h.casefold() == handle for h in found[root]):
            found[root].add(got.handle_case.get(handle, handle))
    return {r: tuple(sorted(h)) for r, h in found.items()}


def _root_of(name: str, groups, uf: UnionFind) -> str | None:
    key = uf.find(fold(name))
    return key if key in groups else None


def _match_handle(handle: str, actors: Iterable[Actor]) -> str | None:
    """The actor whose name the handle spells, exactly or closely (one best, no ties)."""
    h = compact(handle)
    if len(h) < 3:
        return None
    scored = []
    for a in actors:
        forms = handle_forms(a.name) if a.kind == "person" else {compact(a.name)}
        if h in forms:
            return a.name
        best = max((fuzz.ratio(h, f) for f in forms), default=0)
        scored.append((best, a.name))
    scored.sort(reverse=True)
    if scored and scored[0][0] >= MIN_HANDLE_SIMILARITY and (
        len(scored) == 1 or scored[1][0] < scored[0][0]
    ):
        return scored[0][1]
    return None


def _actor(name: str, kind: str, members: list[Candidate], handles: tuple[str, ...]) -> Actor:
    counts = Counter(c.text for c in members if c.label != "HANDLE")
    aliases = tuple(t for t, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if t != name)
    spans = {(c.source, c.start, c.end) for c in members}
    sources = tuple(sorted({c.source for c in members}))
    roles = _roles(members) if kind == "person" else ()
    return Actor(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        role=_best_role(roles, members),
        aliases=aliases,
        mentions=len(spans),
        sources=sources,
        handles=handles,
        roles=roles,
    )


def _roles(members: list[Candidate]) -> tuple[tuple[str, str], ...]:
    """(source, role) pairs; a bare title is left out where the source also qualifies it."""
    pairs = {
        (c.source, r[2]) for c in members if c.label != "TITLE" for r in (c.role, c.described) if r
    }
    # One spelling per source and role whatever the case ("Union Leader" / "union leader").
    cased: dict[tuple[str, str], str] = {}
    for s, r in sorted(pairs, key=lambda p: (p[0], p[1].islower(), p[1])):
        cased.setdefault((s, r.lower()), r)
    pairs = {(s, r) for (s, _), r in cased.items()}
    return tuple(sorted(
        (s, r) for s, r in pairs
        if not any(s2 == s and r2.lower() != r.lower() and r.lower() in r2.lower() for s2, r2 in pairs)
    ))


def _best_role(roles: tuple[tuple[str, str], ...], members: list[Candidate]) -> str | None:
    """The most informative role: qualified ("President of X") before bare, then most used."""
    if not roles:
        return None
    # Qualified by a country or organisation, or an apposition's description: informative.
    rich = {c.role[2] for c in members if c.role and c.role[0] is not None}
    rich |= {c.described[2] for c in members if c.described}
    rich |= {c.role[2] for c in members if c.role and not c.person}  # apposition only
    used = Counter(r for _, r in roles)
    return min(used, key=lambda r: (r not in rich, -used[r], -len(r), r))
