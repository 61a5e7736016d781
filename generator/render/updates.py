"""What changed since the last generation: "new since" marks and the set's list of updates.

A regeneration compares the new record with the stored record of the same set (the JSON
under ``briefings/.generated/``). Articles whose file was not among the previous sources are
the update; every statement, open question and dated event that the previous record did not
hold and that one of those articles carries is marked ``new_since`` the previous record's
``updated`` date, and the record's ``updates`` list gains one entry (the date of its newest
added article, the articles, the counts of what came in). The list is carried from record to
record, so the history accumulates.

Every date comes from the articles, never from the clock, and a rebuild that adds no article
carries the previous marks and list unchanged: the same inputs give the same bytes.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from typing import TypeVar

from generator.render.record import (
    BriefingRecord,
    EventRecord,
    QuestionRecord,
    StatementRecord,
    UpdateArticleRecord,
    UpdateRecord,
)

Item = TypeVar("Item", StatementRecord, QuestionRecord, EventRecord)

# The record fields an update counts, with the item's text field.
_KINDS = (("statements", "text"), ("open_questions", "text"), ("timeline", "event"))
_SPACE = re.compile(r"\s+")
_EVIDENCE_GLUE = " … "


def _norm(text: str | None) -> str:
    """A text as compared across generations: case and spacing do not make an item new."""
    return _SPACE.sub(" ", (text or "").casefold()).strip()


def _keys(item: StatementRecord | QuestionRecord | EventRecord, text_field: str) -> list[str]:
    """What identifies an item from one generation to the next: its text, then its sentences.

    The sentences count too, so an item the analysis words differently once more articles
    are in (a longer speaker name, a rephrased question) is still the same item. The text
    key comes first: it is the better match when an earlier item shares a sentence.
    """
    if isinstance(item, EventRecord):
        first = f"t:{item.date}:{_norm(item.event)}"
    else:
        first = "t:" + _norm(getattr(item, text_field))
    parts = sorted({"e:" + _norm(p) for p in (item.evidence or "").split(_EVIDENCE_GLUE) if p.strip()})
    return [first, *parts]


def _previous_marks(items: Iterable[Item], text_field: str) -> dict[str, str | None]:
    """Every key of the previous generation's items, with the mark the item carried."""
    marks: dict[str, str | None] = {}
    for item in items:
        for key in _keys(item, text_field):
            marks.setdefault(key, item.new_since)
    return marks


def _mark(items: tuple[Item, ...], text_field: str, previous: tuple[Item, ...],
          added: set[str], since: str | None) -> tuple[Item, ...]:
    """``items`` with ``new_since`` set: ``since`` on new items when articles were added,
    the previous mark of the best-matching known item when none were."""
    marks = _previous_marks(previous, text_field)
    out = []
    for item in items:
        known = [k for k in _keys(item, text_field) if k in marks]
        if added:
            fresh = not known and any(s in added for s in item.sources)
            mark = since if fresh else None
        else:
            mark = marks[known[0]] if known else None
        out.append(dataclasses.replace(item, new_since=mark))
    return tuple(out)


def previous_record(text: str | None) -> BriefingRecord | None:
    """The stored record of the last generation from its JSON text; None when there is
    none or it cannot be read (then this generation starts the history afresh)."""
    if not text:
        return None
    try:
        return BriefingRecord.from_json(text)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def added_sources(record: BriefingRecord, previous: BriefingRecord) -> tuple[str, ...]:
    """The ids of ``record``'s sources whose file the previous record did not have."""
    before = {s.file for s in previous.sources}
    return tuple(s.id for s in record.sources if s.file not in before)


def _update(record: BriefingRecord, added: tuple[str, ...], since: str | None) -> UpdateRecord:
    """The entry an update adds to the list: dated by its newest article, with its counts."""
    sources = [s for s in record.sources if s.id in added]
    dates = sorted(s.published for s in sources if s.published)
    return UpdateRecord(
        date=dates[-1] if dates else record.updated,
        since=since,
        articles=tuple(UpdateArticleRecord(file=s.file, title=s.title, published=s.published) for s in sources),
        statements=sum(1 for st in record.statements if st.new_since),
        open_questions=sum(1 for q in record.open_questions if q.new_since),
        timeline=sum(1 for ev in record.timeline if ev.new_since),
    )


def mark_updates(record: BriefingRecord, previous: BriefingRecord | None) -> BriefingRecord:
    """``record`` with its new items marked and its updates list, given the previous record.

    Without a previous record (a first generation) nothing is new and there is no update.
    The previous record's story is carried too, until the pipeline links the sets again.
    """
    if previous is None:
        return record
    added = set(added_sources(record, previous))
    since = previous.updated or previous.date
    changes = {
        key: _mark(getattr(record, key), text_field, getattr(previous, key), added, since)
        for key, text_field in _KINDS
    }
    marked = dataclasses.replace(record, **changes)
    history = previous.updates or ()
    if added:
        history = history + (_update(marked, tuple(sorted(added)), since),)
    # the story is decided across sets (render/stories.py) after the build: keep the last one
    return dataclasses.replace(marked, updates=history or None, story=previous.story)
