"""Places: the cities, regions and venues a source set mentions, apart from its actors.

A place is a GPE that is not a country, a LOC, a FAC, an ORG whose last word is a venue
("Élysée Palace"), or any name introduced as one ("the town of X"). A capital stays
a place where it is a place ("arrived in Quito"); where it acts for its country ("Quito
has long argued") the :class:`~generator.analysis.actors.ActorIndex` already holds that
mention, and the place skips it.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from itertools import accumulate
from typing import TYPE_CHECKING

from generator.analysis.actors.gazetteer import Gazetteer, packaged_gazetteer
from generator.analysis.actors.index import ActorIndex, Mention
from generator.analysis.actors.kinds import after_place_noun, plausible_name
from generator.analysis.actors.names import clean_surface, fold, has_diacritics
from generator.analysis.labels import PLACE_LABELS
from generator.model import Place

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.document import ArticleDoc

# "the North" alone is a side in a story, not a findable place.
COMPASS = frozenset("north south east west northern southern eastern western".split())


def find_places(
    docs: list["ArticleDoc"], index: ActorIndex, *, lexicon: Gazetteer | None = None
) -> tuple[Place, ...]:
    """Every place of the set, merged by spelling, most mentioned first.

    Args:
        docs: the parsed articles of the set.
        index: the set's actors; a name that resolves to a person or organisation is no place.
        lexicon: the gazetteer; the packaged one, read once per process, when None.
    """
    lex = packaged_gazetteer() if lexicon is None else lexicon
    seen: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key → (source, surface)
    prose: set[str] = set()  # keys seen outside subheads
    for adoc in docs:
        taken = _Intervals(index.mentions(adoc.source))
        subheads = [(b.start, b.start + len(b.text)) for b in adoc.article.blocks if b.kind == "subhead"]
        for ent in adoc.doc.ents:
            text = _place_text(ent, index, lex)
            if text is None or taken.overlaps(ent.start_char, ent.end_char):
                continue
            key = fold(text)
            seen[key].append((adoc.source, text))
            if not any(s <= ent.start_char < e for s, e in subheads):
                prose.add(key)
    places = [_place(items) for key, items in seen.items() if key in prose]
    return tuple(sorted(places, key=lambda p: (-p.mentions, p.name)))


def _place_text(ent: "Span", index: ActorIndex, lex: Gazetteer) -> str | None:
    """The cleaned name if ``ent`` is a place, else None."""
    text = clean_surface(ent.text)
    if not plausible_name(text, lex):
        return None
    words = fold(text).split()
    if len(words) == 1 and words[0] in COMPASS or " and " in f" {fold(text)} ":
        return None  # a bare direction, or two places in one entity ("East and West Lindor")
    if len(words) == 1 and (words[0] in lex.heads or words[0] in lex.titles):
        return None  # "Church", "Sheriff": a common noun spaCy took for a name
    head = lex.head_class(" ".join(words))
    if head in {"event", "institution"}:  # an institution acts: an actor, not a place
        return None
    if not (ent.label_ in PLACE_LABELS or head == "venue" or after_place_noun(ent, lex)):
        return None
    if lex.country(text) or fold(text) in lex.demonyms:
        return None  # a country is an actor; a demonym is neither
    actor = index.resolve(text)
    if actor is not None and actor.kind != "country":
        return None  # a person or organisation spaCy took for a place
    return text


def _place(items: list[tuple[str, str]]) -> Place:
    counts = Counter(text for _, text in items)
    name = min(counts, key=lambda t: (not has_diacritics(t), -counts[t], -len(t), t))
    return Place(name=name, mentions=len(items), sources=tuple(sorted({s for s, _ in items})))


class _Intervals:
    """Character spans of one article's actor mentions, for an overlap test."""

    def __init__(self, mentions: list[Mention]):
        spans = sorted((m.start, m.end) for m in mentions)
        self.starts = [s for s, _ in spans]
        # the furthest end among the first k mentions: one lookup per test, not a scan
        self.reach = list(accumulate((e for _, e in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        # Mentions are sorted by start; only those starting before ``end`` can overlap.
        stop = bisect_right(self.starts, end - 1)
        return stop > 0 and self.reach[stop - 1] > start
