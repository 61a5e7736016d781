"""Merging the dated events of a set: events of the same date whose wording or named
entities overlap are one event, with all their sources and evidence, told in the words of
its most central member.
"""
from __future__ import annotations

import re

from generator.analysis.timeline.events import Found
from generator.model import Evidence, TimelineEvent
from generator.util.unionfind import DisjointSet


def _similar(a: Found, b: Found) -> bool:
    """Same date and the same happening: shared names and words."""
    if (a.date, a.end) != (b.date, b.end):
        return False  # (so two different dates of one sentence stay two events)
    if a.link == (b.source, b.sentence.index) or b.link == (a.source, a.sentence.index):
        return True  # "later that day" continues the event it refers to
    if a.source == b.source and a.sentence.index == b.sentence.index:
        return True  # "on Friday night (June 7)": two names of one day in one sentence
    if a.focus and a.focus == b.focus:
        return True
    shared = len(a.keys & b.keys) / max(1, min(len(a.keys), len(b.keys)))
    names = len(a.entities & b.entities)
    if len(a.date) == 10 and a.source != b.source:
        # a set reports one story: two sources on the same day with a word or a name in
        # common tell the same happening ("a bus hit the barrier on Saturday" /
        # "yesterday's crash … buses brake hard")
        return bool(a.keys & b.keys) or names >= 1
    if len(a.date) == 10:  # one day: the same actors on the same day is the same story
        return shared >= 0.2 or names >= 2 or (names >= 1 and shared >= 0.1)
    return shared >= 0.3 or (names >= 1 and shared >= 0.2)


def merge(found: list[Found]) -> list[list[Found]]:
    """Group similar events (union–find over pairs), groups in order of their first member."""
    sets = DisjointSet(range(len(found)))
    for i in range(len(found)):
        for j in range(i + 1, len(found)):
            if _similar(found[i], found[j]):
                sets.union(i, j)
    return [[found[i] for i in members] for members in sets.groups()]


def _words(text: str) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if len(w) > 2 and w not in STOP_WORDS}


def _central(group: list[Found]) -> Found:
    """The member that tells the merged event best: not one that refers back ("later that
    day"), one whose date dates its clause ("the proposal for talks on June 9 was made on
    Sunday" is no account of June 9), one that names the date in full ("on June 3, 2021"
    reports the event, "on Tuesday" often refers back to it), then the one whose wording
    shares the most with the others, then the first."""
    words = [_words(f.event) for f in group]
    scores = [sum(len(w & other) for j, other in enumerate(words) if j != i) for i, w in enumerate(words)]

    def rank(i: int) -> tuple:
        f = group[i]
        return (f.link is None, f.direct, any(c.isdigit() for c in f.date_text), scores[i], -i)

    return group[max(range(len(group)), key=rank)]


def to_event(group: list[Found], order: dict[str, int]) -> TimelineEvent:
    """One timeline event from a merged group: the central member's date and words, every
    source and sentence."""
    group = sorted(group, key=lambda f: (order.get(f.source, 99), f.sentence.index))
    first = _central(group)
    sources = tuple(dict.fromkeys(f.source for f in group))
    evidence = tuple(dict.fromkeys(Evidence(f.source, f.sentence.index, f.sentence.text) for f in group))
    return TimelineEvent(
        date=first.date,
        date_text=first.date_text,
        event=first.event,
        sources=sources,
        evidence=evidence,
        end=first.end,
        inferred=all(f.inferred for f in group),
    )
