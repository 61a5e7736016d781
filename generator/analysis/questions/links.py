"""What a sentence is *about*, for linking items across sentences and sources.

A sentence's matter is described by the places, named entities, dates and event phrases it
names. Two items are about the same matter when they share a place, a date or a specific
event phrase plus at least one more of these, and name no different day (the Velmora talks
of 2019 are not the Velmora talks proposed for next Thursday).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from unidecode import unidecode

from generator.analysis.document import doc_index
from generator.analysis.labels import MATTER_LABELS, PLACE_LABELS
from generator.analysis.timeline.resolve import resolve_dates

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.model import Actor


class ActorLookup(Protocol):
    """What the open-question finder needs of :class:`generator.analysis.actors.ActorIndex`:
    the actor a surface form names, or None."""

    def resolve(self, surface: str) -> "Actor | None": ...


@dataclass(frozen=True)
class Matter:
    """The places, entities, dates (ISO) and event phrases a sentence names."""

    places: frozenset[str]
    entities: frozenset[str]
    dates: frozenset[str]
    phrases: frozenset[str]  # event nouns with their modifiers: "lasting truce"

    def keys(self) -> frozenset[str]:
        return self.places | self.entities | self.dates | self.phrases


def canonical(surface: str, index: ActorLookup) -> tuple[str, bool]:
    """One comparable key for a name (the actor index's canonical name when it knows it),
    and whether the index knows it."""
    actor = index.resolve(surface)
    name = actor.name if actor is not None else re.sub(r"^the\s+", "", surface, flags=re.I)
    return unidecode(name).casefold().strip(), actor is not None


def matter_of(span: "Span", index: ActorLookup, reference: dt.date | None, event_nouns: frozenset[str]) -> Matter:
    """The :class:`Matter` of one sentence."""
    places, entities = set(), set()
    dates = {m.value for m in resolve_dates(span.text, reference, span=span)}
    # span.ents walks the whole document on every call: the index bisects its entities
    for ent in doc_index(span.doc).ents_within(span.start, span.end):
        if ent.label_ in MATTER_LABELS:
            key, is_actor = canonical(ent.text, index)
            # a place that is also an actor (a country, a capital standing for its
            # government) says who, not where: only other places anchor a link
            (places if ent.label_ in PLACE_LABELS and not is_actor else entities).add(key)
    phrases = set()
    for tok in span:
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in event_nouns:
            mods = [c.lemma_.lower() for c in tok.lefts if c.dep_ in ("amod", "compound") and c.is_alpha]
            if mods:
                phrases.add(" ".join(mods + [tok.lemma_.lower()]))
    return Matter(frozenset(places), frozenset(entities), frozenset(dates), frozenset(phrases))


def union(matters: list[Matter]) -> Matter:
    """Everything a group of sentences names."""
    return Matter(
        frozenset().union(*(m.places for m in matters)),
        frozenset().union(*(m.entities for m in matters)),
        frozenset().union(*(m.dates for m in matters)),
        frozenset().union(*(m.phrases for m in matters)),
    )


def date_conflict(a: Matter, b: Matter) -> bool:
    """Both name a day and no day is shared."""
    days_a = {d for d in a.dates if len(d) == 10}
    days_b = {d for d in b.dates if len(d) == 10}
    if days_a and days_b:
        return not (days_a & days_b)
    years_a = {d[:4] for d in a.dates}
    years_b = {d[:4] for d in b.dates}
    return bool(years_a and years_b and not years_a & years_b)


def same_matter(a: Matter, b: Matter, *, strict: bool = False) -> bool:
    """True when ``a`` and ``b`` are about the same matter (see the module docstring).

    A shared event phrase alone ("lasting truce") is enough to call a sentence
    related; with ``strict`` (merging two questions into one) a second shared key is needed.
    """
    if date_conflict(a, b):
        return False
    anchors = (a.places & b.places) | (a.dates & b.dates) | (a.phrases & b.phrases)
    if not anchors:
        return False
    return len(a.keys() & b.keys()) >= 2 or (not strict and bool(a.phrases & b.phrases))
