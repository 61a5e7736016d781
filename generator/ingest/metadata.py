"""What the top of an article says about it: headline, dateline, byline, outlet.

Plain-text articles carry their metadata as lines above the lead: a headline (a short line
without closing period), a category/byline line with the date ("World, News May 14, 2025
No Comments on …"), "By Jane Doe | Outlet", "Published: 6 March 2024", or a bare date line
("Monday, May 18, 2015"). :func:`read_header` consumes those lines; what it finds is
inferred, not stated, and the caller marks it so.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from generator.ingest.clean import is_boilerplate
from generator.ingest.dates import find_date, is_date_line, month_number
from generator.ingest.units import Stated, Unit
from generator.util.text import shorten

_HEADER_SCAN = 8  # metadata lines sit above the lead; never look further than this
_QUOTES = "\"'“”‘’«»"
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|(?:de|da|van|von|der|den|del|la|le|al|bin|ibn)\b)"
_BYLINE = re.compile(
    rf"^(?i:(?:written|words|story|text|reporting|posted|published|filed)\s+)?(?i:by)\s+(?P<name>[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,4}}"
    rf"(?:\s+and\s+[A-Z][\w’'.-]*(?:\s+{_NAME_WORD}){{0,4}})?)(?P<rest>.*)$"
)
_ROLE = re.compile(
    r"\b(?:correspondent|editor|reporter|writer|staff|contributor|columnist|journalist|analyst|"
    r"desk|bureau|chief|producer|team|updated|published)\b",
    re.IGNORECASE,
)
# "Posted by admin on", "Published on", "Last updated" before a date.
_POSTED = re.compile(r"^(?i:(?:last )?(?:posted|published|updated|written|filed))\b.{0,50}$")
_SEGMENT_SEP = re.compile(r"\s*(?:[|,·•]|\s[-–—]\s)\s*")
_COMMENT_MARK = re.compile(r"^\W*(?:no comments?|\d+ comments?|leave a (?:comment|reply)|comments?\b)", re.I)
_CATEGORY_ITEM = re.compile(r"^(?:[A-Z][\w’'.-]*|&|and|of|the)(?:\s+(?:[A-Z][\w’'.-]*|&|and|of|the)){0,2}$")
# A wire dateline opening the lead: "LONDON (Reuters) -", "PORTHAVEN, March 6 (Coastal Wire) -".
_WIRE_DATELINE = re.compile(
    r"^[A-Z][A-Z .’'-]{1,40}(?:,\s*[A-Z][\w .’'-]{1,40}?)?\s*\((?P<outlet>[A-Z][\w .&’'-]{1,40})\)\s*[-–—]"
)
# A dateline that gives the day but not the year: "Aug 24 – (Wire) —", "CAPITAL, Dec. 6 (Wire) --".
_DAY_DATELINE = re.compile(
    r"^(?:[A-Z][A-Za-z .’'-]{1,40},\s*)?(?P<m>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+"
    r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:[-–—:]+\s*)?(?:\([^)]{1,40}\)\s*)?[-–—:]"
)
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Jr|Sr|Inc|Ltd|Co|Corp|No|vs|"
    r"etc|approx|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z]|\b(?:[A-Za-z]\.){1,3}[A-Za-z])\.$"
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[,;:]|\s[-–—]\s|—)\s*")
_TITLE_MAX = 90
_TITLE_SLACK = 105  # a clause boundary a little past the limit beats a cut mid-clause


@dataclass(frozen=True)
class Header:
    """Metadata found in the lines above an article's lead, and the units after them."""

    body: tuple[Unit, ...]
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    outlet: str | None = None


def read_header(units: list[Unit], stated: Stated, removed: list[str]) -> Header:
    """Consume the headline and metadata lines at the top of ``units``.

    Lines recognised (in any order, up to the lead): boilerplate badges, category lines,
    date lines, bylines, meta lines mixing categories, a date and a comment counter, and
    one headline; a date glued to the start of the lead is cut off. A headline equal to
    the stated title is dropped from the body.
    """
    found: dict[str, object] = {}
    units = list(units)
    i = 0
    while i < min(len(units), _HEADER_SCAN):
        text = units[i].text
        if _take_meta_line(text, found, removed, categories=_category_allowed(units, i, found, stated)):
            i += 1
        elif "title" not in found and _is_title(units, i, stated):
            found["title"] = text
            i += 1
        else:
            lead = _split_leading_date(text, found, removed)
            if lead is not None:
                units[i] = Unit(lead)
            break
    body = tuple(units[i:])
    if body and "outlet" not in found:
        wire = _WIRE_DATELINE.match(body[0].text)
        if wire:
            found["outlet"] = wire.group("outlet").strip()
    return Header(body=body, **found)  # type: ignore[arg-type]


def _category_allowed(units: list[Unit], i: int, found: dict[str, object], stated: Stated) -> bool:
    """Whether line ``i`` may be a category line: once the headline is known, or when a
    headline follows it. A Title-Case headline with commas ("Strike Ends, Talks Resume")
    looks like a category list but stands directly above the byline or the lead."""
    if "title" in found or stated.title:
        return True
    nxt = units[i + 1].text if i + 1 < len(units) else ""
    return is_headline(nxt) and not _BYLINE.match(nxt) and find_date(nxt) is None


def _take_meta_line(text: str, found: dict[str, object], removed: list[str], *, categories: bool = True) -> bool:
    """Record what a metadata line says and drop it; False when ``text`` is not one."""
    date = find_date(text)
    byline = _BYLINE.match(text)
    if byline and len(text) <= 160 and not text.endswith("."):
        _read_byline(byline.group("name"), byline.group("rest"), found)
    elif is_date_line(text):
        pass
    elif date and len(text) <= 300 and _is_meta_around(text[: date.start], text[date.end :], found):
        pass
    elif not (is_boilerplate(text) or (categories and _is_category_line(text))):
        return False
    if date:
        found.setdefault("published", date.value)
    removed.append(text)
    return True


def _is_meta_around(before: str, after: str, found: dict[str, object]) -> bool:
    """A date line of page furniture: categories or "Posted by …" before the date; nothing,
    a comment counter, a badge or "by Name" after it."""
    before = before.strip(" ,|·•-–—:")
    after = after.strip(" ,|·•-–—")
    if before and not (_is_category_line(before, min_items=1) or _POSTED.match(before)):
        return False
    byline = _BYLINE.match(after)
    if byline and len(after) <= 80:
        _read_byline(byline.group("name"), byline.group("rest"), found)
        return True
    return not after or bool(_COMMENT_MARK.match(after)) or is_boilerplate(after)


def _is_category_line(text: str, min_items: int = 2) -> bool:
    items = [s.strip() for s in re.split(r"\s*[,|/›»>·•]\s*", text.strip()) if s.strip()]
    return len(items) >= min_items and all(_CATEGORY_ITEM.match(item) for item in items)


def _read_byline(name: str, rest: str, found: dict[str, object]) -> None:
    found.setdefault("author", " ".join(name.split()))
    for segment in _SEGMENT_SEP.split(rest):
        segment = segment.strip(" .")
        if not segment or find_date(segment) or _ROLE.search(segment):
            continue
        if _is_category_line(segment, min_items=1) and len(segment.split()) <= 5:
            found.setdefault("outlet", segment)
            return


def _is_title(units: list[Unit], i: int, stated: Stated) -> bool:
    unit = units[i]
    if stated.title:
        return same_title(unit.text, stated.title)
    if unit.heading:
        return unit.level <= 1 or i == 0
    return len(units) > i + 1 and is_headline(unit.text)


def is_headline(text: str) -> bool:
    """A line shaped like a headline: a few words, no closing period, a capital start."""
    words = text.split()
    inner = text.strip(_QUOTES + " ")
    if not 2 <= len(words) <= 25 or len(text) > 200 or not inner:
        return False
    first = text.lstrip(_QUOTES)[:1]
    return inner[-1] not in ".;:,…" and (first.isupper() or first.isdigit())


def same_title(a: str, b: str) -> bool:
    """Two spellings of one headline (case, quotes and punctuation aside)."""
    norm_a, norm_b = (re.sub(r"\W+", " ", s).casefold().strip() for s in (a, b))
    return norm_a == norm_b or fuzz.ratio(norm_a, norm_b) >= 90


def _split_leading_date(text: str, found: dict[str, object], removed: list[str]) -> str | None:
    """``"Thursday, May 7, 2015 On Tuesday, …"`` → record the date, return the lead."""
    date = find_date(text)
    if date is None or date.start != 0:
        return None
    rest = text[date.end :].lstrip(" ,.-–—:|")
    if not rest or not (rest[0].isupper() or rest[0] in "“\"‘"):
        return None
    found.setdefault("published", date.value)
    removed.append(text[: date.end].strip())
    return rest


def dateline_day(lead: str) -> tuple[int, int] | None:
    """(month, day) of a dateline that opens the lead without a year ("Aug 24 – (Wire) —")."""
    m = _DAY_DATELINE.match(lead)
    if m is None:
        return None
    month, day = month_number(m["m"]), int(m["d"])
    return (month, day) if month and 1 <= day <= 31 else None


# --------------------------------------------------------------------------- derived values


def title_from_text(text: str) -> str:
    """A title for an article without a headline: its first sentence, shortened.

    The sentence is cut at the last clause boundary (comma, semicolon, colon, dash) that
    keeps it within ~90 characters; without one, at a word boundary with an ellipsis.
    """
    sentence = first_sentence(strip_dateline(text)).rstrip(" .")
    if len(sentence) <= _TITLE_MAX:
        return sentence
    cuts = [m.start() for m in _CLAUSE_BREAK.finditer(sentence) if len(sentence[: m.start()].split()) >= 4]
    fitting = [c for c in cuts if c <= _TITLE_MAX] or [c for c in cuts if c <= _TITLE_SLACK][:1]
    if fitting:
        return sentence[: fitting[-1]].rstrip(" ,;:-–—")
    return shorten(sentence, _TITLE_MAX, width=_TITLE_MAX + 1, trim=" ,;:-–—")


def strip_dateline(text: str) -> str:
    """The lead without its opening dateline ("LONDON (Reuters) -", "Evansville, Indiana - ")."""
    wire = _WIRE_DATELINE.match(text)
    if wire:
        return text[wire.end() :].strip()
    place, sep, rest = text.partition(" - ") if " - " in text[:80] else text.partition(" — ")
    if sep and len(place) <= 80 and _is_category_line(place, min_items=1) and rest[:1].isupper():
        return rest.strip()
    return text


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (a split at ``. `` that is not an abbreviation)."""
    for m in _SENTENCE_END.finditer(text):
        if not _ABBREVIATION.search(text[: m.start()].rstrip("\"”’)")):
            return text[: m.start()].strip()
    return text.strip()


_SOURCE_URL = re.compile(r"^(?:[A-Za-z ]{0,30}:?\s*)?(https?://[^\s)>\]]+)$")
_NOT_A_SOURCE = re.compile(r"^https?://(?:www\.)?(?:t\.co|pic\.twitter\.com|twitter\.com/share|facebook\.com/share)")


def source_url(removed: list[str] | tuple[str, ...]) -> str | None:
    """The article's own address when a plain-text file gives it on a line of its own
    ("https://…", "Source: https://…", "Originally published at https://…")."""
    for line in removed:
        m = _SOURCE_URL.match(line.strip())
        if m and not _NOT_A_SOURCE.match(m.group(1)):
            return m.group(1).rstrip(".,;")
    return None


def outlet_from_url(url: str | None) -> str | None:
    """The host of ``url`` without ``www.``-style prefixes, as a fallback outlet name."""
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|mobile)\.", "", host)
    return host or None
