"""Briefings that belong together: sets that share actors and open questions form a story.

Two briefings are linked when they share at least :data:`MIN_SHARED_ACTORS` people,
organisations or groups (by name or alias; countries are too common to tie two stories) and
an open question of the earlier one (by first publication) is carried into the later one: one of the other's questions,
statements or sentences repeats at least :data:`MIN_SHARED_WORDS` of its content words. Linked briefings, taken
transitively, are one story; its parts are in date order and its slug is its first part's.
Everything is computed from the stored records, so it is the same on every run.
"""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from generator.render.record import (
    BriefingRecord,
    QuestionRecord,
    StoryPartRecord,
    StoryRecord,
)
from generator.util.unionfind import DisjointSet

MIN_SHARED_ACTORS = 2
MIN_SHARED_WORDS = 3
_LINK_KINDS = frozenset({"person", "organisation", "group"})
_WORD = re.compile(r"[^\W\d_]{4,}")
# Words every question has: they carry no matter of their own.
_COMMON = frozenset({
    "will", "would", "could", "should", "there", "their", "they", "this", "that", "with", "from",
    "into", "about", "after", "before", "over", "have", "been", "being", "what", "when", "which",
    "whether", "take", "place", "more", "than", "other", "also", "next", "week", "month", "year",
})


@dataclass(frozen=True)
class Carried:
    """An open question of one part that a later part takes up."""

    question: QuestionRecord
    source: str  # the part that asked it
    into: str  # the later part that takes it up
    source_title: str = ""


@dataclass(frozen=True)
class Story:
    """A story: its slug, title and parts (records in date order) with the questions carried."""

    slug: str
    title: str
    parts: tuple[BriefingRecord, ...]
    carried: tuple[Carried, ...] = ()


def _names(record: BriefingRecord) -> set[str]:
    names = set()
    for actor in record.actors:
        if actor.kind in _LINK_KINDS:
            names.update(n.casefold() for n in (actor.name, *actor.aliases))
    return names


def shared_actors(a: BriefingRecord, b: BriefingRecord) -> int:
    """How many linkable actors two records share (an actor counts once, by any of its names)."""
    theirs = _names(b)
    return sum(1 for actor in a.actors if actor.kind in _LINK_KINDS
               and {n.casefold() for n in (actor.name, *actor.aliases)} & theirs)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in _COMMON)


class WordsOf:
    """Which texts of a record (its questions, statements and source sentences) hold each
    content word: a question is taken up when one text holds :data:`MIN_SHARED_WORDS` of its
    words, found by counting through this index instead of reading every text per question."""

    def __init__(self, record: BriefingRecord):
        sentences = [sent.text for src in record.sources for block in src.blocks or () for sent in block.sentences]
        texts = (*(q.text for q in record.open_questions), *(s.text for s in record.statements), *sentences)
        self.by_word: dict[str, list[int]] = {}
        for n, text in enumerate(texts):
            for word in _words(text):
                self.by_word.setdefault(word, []).append(n)

    def takes_up(self, question: QuestionRecord) -> bool:
        """Whether one text holds enough of the words of ``question``."""
        counts = Counter(n for w in _words(question.text) for n in self.by_word.get(w, ()))
        return any(c >= MIN_SHARED_WORDS for c in counts.values())


def carried_questions(earlier: BriefingRecord, later: BriefingRecord, words: WordsOf | None = None) -> list[QuestionRecord]:
    """The open questions of ``earlier`` that ``later`` takes up: in its questions, its
    statements or any sentence of its sources (a stored record carries their text).
    ``words``: ``later``'s :class:`WordsOf`, when the caller keeps it."""
    if not earlier.open_questions:
        return []
    words = words or WordsOf(later)
    return [q for q in earlier.open_questions if words.takes_up(q)]


def _date_key(record: BriefingRecord) -> tuple[str, str]:
    """Parts go in the order they were first reported (the event date may be a future one)."""
    published = sorted(s.published for s in record.sources if s.published)
    return (published[0] if published else record.date or record.updated or "9999", record.set)


def linked(a: BriefingRecord, b: BriefingRecord, words: Callable[[BriefingRecord], WordsOf] = WordsOf) -> bool:
    """Whether two briefings are parts of one story (see the module docstring); ``words``
    gives a record's :class:`WordsOf` (a caller comparing many pairs keeps them)."""
    if shared_actors(a, b) < MIN_SHARED_ACTORS:
        return False
    first, second = sorted((a, b), key=_date_key)
    return bool(first.open_questions) and bool(carried_questions(first, second, words(second)))


def find_stories(records: Sequence[BriefingRecord]) -> list[Story]:
    """Every story of two or more briefings, ordered by slug; parts in date order.

    Only pairs that share a linkable name can be linked (:func:`shared_actors`), so each
    briefing is compared with the later ones found through an index of names, not with all.
    """
    recs = sorted(records, key=_date_key)
    groups: DisjointSet[int] = DisjointSet(range(len(recs)))
    kept: dict[str, WordsOf] = {}

    def words(record: BriefingRecord) -> WordsOf:
        if record.set not in kept:
            kept[record.set] = WordsOf(record)
        return kept[record.set]

    for i, j in candidate_pairs(recs):
        if linked(recs[i], recs[j], words):
            groups.union(i, j)
    stories = [_story([recs[i] for i in sorted(group)], words) for group in groups.groups() if len(group) > 1]
    return sorted(stories, key=lambda s: s.slug)


def candidate_pairs(recs: Sequence[BriefingRecord]) -> list[tuple[int, int]]:
    """The pairs ``(i, j)``, ``i < j``, of records that share at least one linkable name, in order."""
    by_name: dict[str, list[int]] = {}
    names = [_names(r) for r in recs]
    for i, own in enumerate(names):
        for name in own:
            by_name.setdefault(name, []).append(i)
    pairs = []
    for i, own in enumerate(names):
        later = {j for name in own for j in by_name[name] if j > i}
        pairs.extend((i, j) for j in sorted(later))
    return pairs


def _story(parts: list[BriefingRecord], words: Callable[[BriefingRecord], WordsOf] = WordsOf) -> Story:
    """The story of ``parts`` (date order): each open question is carried into the first
    later part that takes it up. Later parts are found through one index of the story's
    words, so a story of many parts is not read pair by pair."""
    index: dict[str, list[int]] = {}
    for n, part in enumerate(parts):
        for word in words(part).by_word:
            index.setdefault(word, []).append(n)
    carried = []
    for n, earlier in enumerate(parts):
        taken = []
        for k, q in enumerate(earlier.open_questions):
            into = _first_taker(q, parts, n, index, words)
            if into is not None:
                taken.append((into, k, q))
        carried.extend(Carried(q, earlier.set, parts[m].set, earlier.title or earlier.set) for m, _, q in sorted(taken))
    first = parts[0]
    return Story(f"story-{first.set}", first.title or first.set, tuple(parts), tuple(carried))


def _first_taker(question: QuestionRecord, parts: list[BriefingRecord], after: int,
                 index: dict[str, list[int]], words: Callable[[BriefingRecord], WordsOf]) -> int | None:
    """The first part after ``after`` that takes up ``question``; a part must hold
    :data:`MIN_SHARED_WORDS` of its words somewhere before its texts are counted."""
    counts = Counter(m for w in _words(question.text) for m in index.get(w, ()) if m > after)
    for m in sorted(m for m, c in counts.items() if c >= MIN_SHARED_WORDS):
        if words(parts[m]).takes_up(question):
            return m
    return None


def story_record(story: Story) -> StoryRecord:
    """What a part's record stores of its story: the page to link and the parts in order."""
    parts = tuple(StoryPartRecord(set=p.set, title=p.title, date=p.date) for p in story.parts)
    return StoryRecord(slug=story.slug, title=story.title, parts=parts)


def with_stories(records: Sequence[BriefingRecord]) -> list[BriefingRecord]:
    """``records`` with each one's ``story`` set (None outside a story), in the same order."""
    by_set = {p.set: story_record(s) for s in find_stories(records) for p in s.parts}
    return [dataclasses.replace(r, story=by_set.get(r.set)) for r in records]
