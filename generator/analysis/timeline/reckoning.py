"""What a resolved date expression is, the context it is resolved in, and the calendar
reckoning the handlers share: month and number words, week and month arithmetic, and the
year a month or a day named without one most likely falls in.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Literal

from generator.analysis.timeline.lexicon import DateWords

Tense = Literal["past", "present", "future"] | None


MONTHS = {
    name: i
    for i, names in enumerate(
        [
            (),
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ]
    )
    for name in names
}
WEEKDAYS = {name: i for i, name in enumerate(calendar.day_name)}  # Monday = 0
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
    "seventies": 7, "eighties": 8, "nineties": 9,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17,
    "eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class Resolved:
    """What a handler makes of one expression: ISO value(s) and the kind of expression."""

    value: str
    end_value: str | None = None
    kind: str = "date"  # "date", "year", "month", "monthday" (no year given), "relative"


@dataclass(frozen=True)
class Context:
    """What a handler may look at besides its match: the reference and anchor days, the
    tense of the clause and the text around the mention."""

    reference: dt.date | None
    anchor: dt.date | None
    tense: Tense
    before: str  # the text before the mention (lower-cased), for cues such as "next"
    after: str  # the text after the mention
    before_raw: str  # the text before the mention as written
    words: DateWords


# A handler resolves the match of its pattern, or says None (not a date after all).
Handler = Callable[[re.Match, Context], "Resolved | None"]


def iso(day: dt.date) -> str:
    """A day as ``YYYY-MM-DD``."""
    return day.isoformat()


def ym(year: int, month: int) -> str:
    """A month as ``YYYY-MM``."""
    return f"{year:04d}-{month:02d}"


def month_number(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept.")."""
    return MONTHS[name.rstrip(".")]


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None when there is no such day (February 30)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def number_value(word: str) -> int | None:
    """The value of "12" or "twelve", or None."""
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months later (earlier when negative)."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def week_of(day: dt.date) -> tuple[dt.date, dt.date]:
    """The Monday and Sunday of the week of ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def year_for_month_day(month: int, day: int, ctx: Context) -> dt.date | None:
    """The year of a "September 14" without a year: near the reference, by tense.

    A past clause takes the most recent such day (a small slack allows for a story written
    the evening before it is dated); a future clause one not long before the reference
    ("is to run from February 2 through April 20", written on February 6); otherwise the
    nearest.
    """
    ref = ctx.reference
    if ref is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := safe_date(y, month, day))]
    if ctx.tense == "past":
        options = [d for d in options if d <= ref + dt.timedelta(days=2)] or options
    elif ctx.tense == "future":
        options = [d for d in options if d >= ref - dt.timedelta(days=31)] or options
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def year_for_month(month: int, ctx: Context, cue: str) -> tuple[int, int] | None:
    """The (year, month) of a month named without a year ("in March", "last May")."""
    ref = ctx.reference
    if ref is None:
        return None
    if cue == "this":
        return ref.year, month
    if cue in ("last", "past", "previous"):
        return (ref.year if month < ref.month else ref.year - 1), month
    if cue in ("next", "coming"):
        return (ref.year if month > ref.month else ref.year + 1), month
    if ctx.tense == "future":
        return (ref.year if month >= ref.month else ref.year + 1), month
    if ctx.tense == "past":
        return (ref.year if month <= ref.month else ref.year - 1), month
    # no tense: the nearest such month
    options = [(y, month) for y in (ref.year - 1, ref.year, ref.year + 1)]
    return min(options, key=lambda ym: abs((ym[0] * 12 + ym[1]) - (ref.year * 12 + ref.month)))


def weekday_near(target: int, ctx: Context, cue: str) -> dt.date | None:
    """A weekday name resolved by its modifier ("last", "next") or the clause's tense."""
    ref = ctx.reference
    if ref is None:
        return None
    back = (ref.weekday() - target) % 7  # days back to the most recent such day, 0 = today
    ahead = (target - ref.weekday()) % 7
    if cue in ("last", "past", "previous"):
        return ref - dt.timedelta(days=back or 7)
    if cue in ("next", "coming", "following"):
        return ref + dt.timedelta(days=ahead or 7)
    if ctx.tense == "future":
        return ref + dt.timedelta(days=ahead)
    return ref - dt.timedelta(days=back)


def dateparser_day(expression: str, reference: dt.date | None, order: str | None = None) -> dt.date | None:
    """The day dateparser reads in ``expression`` (it must find day, month and year), or None."""
    import dateparser

    settings: dict = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    if order:
        settings["DATE_ORDER"] = order
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed else None

