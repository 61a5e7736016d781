"""The site's listings split into pages of bounded length: archive months, the questions
board by month, the timeline by year, the actors index by letter.

A listing of a thousand briefings on one page is megabytes of HTML that every build
rewrites and every reader downloads; here every page holds at most a fixed number of
entries, and an index page links to the parts. Each function returns ``{path: (meta,
template, context)}`` parts that :mod:`generator.render.site_pages` renders, so the
deletion marker and front matter stay in one place.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from generator.render.filters import human_date, slugify
from generator.render.links import Refs
from generator.render.record import BriefingRecord, EventRecord, QuestionRecord
from generator.render.site_actors import SiteActor, newest_first

T = TypeVar("T")
MONTH_ENTRIES = 60  # briefings on one archive or questions page
TIMELINE_ENTRIES = 250  # events on one timeline page
ACTOR_ENTRIES = 250  # actors on one page of the index
LATEST_QUESTIONS = 10  # briefings whose questions the board itself shows
# Listing pages are reached by links and found by their entries' own pages: out of the
# search index, their toc (a heading per entry) not written into the page.
LISTING_META = {"search": {"exclude": True}, "hide": ["navigation", "toc"]}
# The overview pages in the nav repeat what their entries' pages say: out of search too.
_OVERVIEW_META = {"search": {"exclude": True}, "hide": ["navigation"]}

Part = tuple[dict[str, Any], str, dict[str, Any]]  # front matter, template, its context


@dataclass(frozen=True)
class BriefingQuestions:
    """A briefing on the questions board, with the links its questions use."""

    record: BriefingRecord
    refs: Refs


@dataclass(frozen=True)
class TimelineEntry:
    """A dated event on the site's timeline, with its briefing."""

    record: BriefingRecord
    ev: EventRecord
    refs: Refs


@dataclass(frozen=True)
class Group:
    """One key of an index (a month, a year, a letter) and the pages its entries fill."""

    key: str
    label: str
    count: int
    pages: tuple[str, ...]  # page names without ``.md``, relative to the listing's folder


def chunks(items: Sequence[T], size: int) -> list[Sequence[T]]:
    """``items`` in consecutive runs of at most ``size`` (one empty run for no items)."""
    return [items[i:i + size] for i in range(0, len(items), size)] or [items[:0]]


def part_name(key: str, number: int) -> str:
    """``2025-05`` for the first page of a key, ``2025-05-2`` for the second, …"""
    return key if number == 1 else f"{key}-{number}"


def _split(
    folder: str, groups: Mapping[str, Sequence[T]], keys: Sequence[str], size: int, label: Callable[[str], str]
) -> tuple[list[Group], dict[str, tuple[Group, int, Sequence[T]]]]:
    """The groups of an index and, per page path, its group, part number and entries."""
    index: list[Group] = []
    parts: dict[str, tuple[Group, int, Sequence[T]]] = {}
    for key in keys:
        runs = chunks(groups[key], size)
        group = Group(key, label(key), len(groups[key]), tuple(part_name(key, n) for n in range(1, len(runs) + 1)))
        index.append(group)
        for number, run in enumerate(runs, start=1):
            parts[f"{folder}/{part_name(key, number)}.md"] = (group, number, run)
    return index, parts


def month_of(record: BriefingRecord) -> str:
    """The archive month of a briefing (``2025-05``), or ``undated``."""
    date = record.date or record.updated or ""
    return date[:7] if len(date) >= 7 else "undated"


def _month_label(month: str) -> str:
    return human_date(month) if month != "undated" else "Undated"


def _by_month(recs: Sequence[BriefingRecord]) -> tuple[dict[str, list[BriefingRecord]], list[str]]:
    """Briefings per month (each newest first) and the months, newest first, undated last."""
    months: dict[str, list[BriefingRecord]] = {}
    for rec in recs:
        months.setdefault(month_of(rec), []).append(rec)
    return months, sorted(months, key=lambda m: (m == "undated", newest_first(m)))


def archive_parts(recs: Sequence[BriefingRecord]) -> dict[str, Part]:
    """The archive index and its month pages (``recs`` newest first)."""
    months, keys = _by_month(recs)
    index, parts = _split("archive", months, keys, MONTH_ENTRIES, _month_label)
    out: dict[str, Part] = {"archive/index.md": (
        {"title": "Archive", "description": "Every briefing, by month.", **LISTING_META},
        "archive.md.j2", {"groups": index})}
    for path, (group, number, run) in parts.items():
        title = f"Briefings of {group.label}" if group.key != "undated" else "Undated briefings"
        out[path] = ({"title": title, **LISTING_META}, "month.md.j2",
                     {"group": group, "number": number, "records": run})
    return out


def question_parts(recs: Sequence[BriefingRecord], total: int) -> dict[str, Part]:
    """The board (the latest briefings' questions, then the months) and one page per month."""
    asked = [r for r in recs if r.open_questions]
    months, keys = _by_month(asked)
    index, parts = _split("questions", months, keys, MONTH_ENTRIES, _month_label)
    latest = [BriefingQuestions(r, Refs(r, inline=True)) for r in asked[:LATEST_QUESTIONS]]
    out: dict[str, Part] = {"questions.md": (
        {"title": "Open questions", "description": "What the sources leave open, across every briefing.",
         **_OVERVIEW_META},
        "questions.md.j2", {"records": latest, "total": total, "groups": index, "prefix": "", "folder": "questions/",
                            "group": None, "number": 1})}
    for path, (group, number, run) in parts.items():
        out[path] = ({"title": f"Open questions: {group.label}", **LISTING_META}, "questions.md.j2",
                     {"records": [BriefingQuestions(r, Refs(r, "../", inline=True)) for r in run],
                      "total": sum(len(r.open_questions) for r in run), "groups": (), "prefix": "../",
                      "group": group, "number": number, "folder": ""})
    return out


def timeline_parts(recs: Sequence[BriefingRecord]) -> dict[str, Part]:
    """The timeline index (years) and one page per year, events oldest first."""
    events = [TimelineEntry(r, ev, Refs(r, "../", inline=True)) for r in recs for ev in r.timeline]
    events.sort(key=lambda e: (e.ev.date or "", e.ev.end or "", e.record.set, e.ev.event))
    years: dict[str, list[TimelineEntry]] = {}
    for e in events:
        years.setdefault((e.ev.date or "undated")[:4], []).append(e)
    index, parts = _split("timeline", years, sorted(years), TIMELINE_ENTRIES, lambda y: y)
    out: dict[str, Part] = {"timeline.md": (
        {"title": "Timeline", "description": "Dated events from every briefing, in order.", **_OVERVIEW_META},
        "timeline.md.j2", {"groups": index, "total": len(events)})}
    for path, (group, number, run) in parts.items():
        out[path] = ({"title": f"Timeline: {group.label}", **LISTING_META}, "timeline_year.md.j2",
                     {"group": group, "number": number, "events": run})
    return out


def _letter(name: str) -> str:
    """The index letter of a name: its first letter or digit as ASCII, else ``other``."""
    first = slugify(name)[:1]
    return first if first.isalnum() else "other"


def actor_parts(actors: Sequence[SiteActor], statements: Mapping[str, int]) -> dict[str, Part]:
    """The actors index (letters) and one page per letter, each actor linked to its page
    or, for an actor without one, to its row on its briefing's page."""
    letters: dict[str, list[SiteActor]] = {}
    for actor in actors:
        letters.setdefault(_letter(actor.name), []).append(actor)
    keys = sorted(letters, key=lambda k: (k == "other", k))
    index, parts = _split("actors/by-name", letters, keys, ACTOR_ENTRIES, lambda k: k.upper() if k != "other" else "Other")
    out: dict[str, Part] = {"actors/index.md": (
        {"title": "Actors", "description": "Everyone the briefings quote or mention.", **_OVERVIEW_META},
        "actors.md.j2", {"groups": index, "total": len(actors), "with_page": sum(a.has_page for a in actors)})}
    for path, (group, number, run) in parts.items():
        out[path] = ({"title": f"Actors: {group.label}", **LISTING_META}, "actors_letter.md.j2",
                     {"group": group, "number": number, "actors": run, "statements": statements})
    return out
