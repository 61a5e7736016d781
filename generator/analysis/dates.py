"""Find and resolve the date expressions of one sentence to ISO dates.

Why our own resolver on top of dateparser: dateparser reads "May 14–15" as 2015, returns
nothing for "mid-2023" and picks a weekday's week without looking at the verb's tense. News
text needs that tense: "the talks ended on Tuesday" is the most recent Tuesday, "will meet on
Thursday" the next one. So candidate expressions are found with regular expressions (plus
spaCy ``DATE`` entities as a fallback, parsed by dateparser), and resolved here against the
publication date (``reference``) and, for anaphoric phrases ("later that day"), an
``anchor`` date from the context.

Values are ISO strings at the precision the text gives: ``2025``, ``2025-06``,
``2025-05-15``. A range ("May 14–15", "between 2002 and 2005", "the 1990s", "last week")
carries ``end_value``. Durations ("two years", "48 hours", "an 11-year lull"), times of day
and vague expressions ("recently", "the day") are not dates and are skipped.

Decisions taken from the GUM news gold (``shared/dev/gum-news``): a weekday in a past-tense
clause that equals the publication day is that day ("awarded a medal on Tuesday" in an
article of Tuesday); weeks run Monday to Sunday; "this weekend" in a past clause is the
weekend just gone.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable, Literal

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tense = Literal["past", "present", "future"] | None


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text, with offsets relative to that text.

    ``value`` is ISO at the text's precision; ``end_value`` closes a range.
    """

    start: int
    end: int
    text: str
    value: str
    end_value: str | None = None


# --------------------------------------------------------------------------- word lists

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
# Verbs whose clause looks ahead ("plans to meet on Friday", "is set for May").
FUTURE_LEMMAS = {
    "plan", "schedule", "expect", "due", "set", "intend", "aim", "prepare", "hope",
    "propose", "consider", "slate", "upcoming", "forthcoming", "await", "go",
}
# A bare year followed by one of these is a quantity, not a date ("2000 people").
QUANTITY_WORDS = {
    "year", "years", "yr", "people", "percent", "per", "km", "miles", "metres", "meters",
    "feet", "kg", "tons", "tonnes", "votes", "troops", "soldiers", "hours", "days", "times",
    "units", "points", "gmt", "utc", "hrs", "local", "est", "cet", "bst", "edt", "pst",
}

# --------------------------------------------------------------------------- patterns

_MONTH = r"\b(?P<{g}>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<{g}>(?:1[0-9]|20)\d\d)(?!\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d+|(?i:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))"


def _mo(g: str) -> str:
    return _MONTH.format(g=g)


def _dy(g: str) -> str:
    return _DAY.format(g=g)


def _yr(g: str) -> str:
    return _YEAR.format(g=g)


# Case-insensitive words inside otherwise case-sensitive patterns: month and weekday names
# must be capitalised ("may", "march" are verbs).
_I = "(?i:{})".format


@dataclass(frozen=True)
class _Resolved:
    value: str
    end_value: str | None = None
    kind: str = "date"  # "date", "year", "month", "monthday" (no year given), "relative"


@dataclass(frozen=True)
class _Ctx:
    reference: dt.date | None
    anchor: dt.date | None
    tense: Tense
    before: str  # the text before the mention (lower-cased), for cues such as "next"
    after: str  # the text after the mention
    before_raw: str = ""  # the text before the mention as written


Handler = Callable[[re.Match, _Ctx], "_Resolved | None"]


# --------------------------------------------------------------------------- helpers


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _ym(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def _month(name: str) -> int:
    return MONTHS[name.rstrip(".")]


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _number(word: str) -> int | None:
    word = word.lower()
    if word.isdigit():
        return int(word)
    return NUMBER_WORDS.get(word)


def _shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> tuple[dt.date, dt.date]:
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def _year_for_month_day(month: int, day: int, ctx: _Ctx) -> dt.date | None:
    """The year of a "September 14" without a year: near the reference, by tense.

    A past clause takes the most recent such day (a small slack allows for a story written
    the evening before it is dated); a future clause one not long before the reference
    ("is to run from January 23 through March 9", written on January 28); otherwise the
    nearest.
    """
    ref = ctx.reference
    if ref is None:
        return None
    options = [d for y in (ref.year - 1, ref.year, ref.year + 1) if (d := _safe_date(y, month, day))]
    if ctx.tense == "past":
        options = [d for d in options if d <= ref + dt.timedelta(days=2)] or options
    elif ctx.tense == "future":
        options = [d for d in options if d >= ref - dt.timedelta(days=31)] or options
    return min(options, key=lambda d: (abs((d - ref).days), d)) if options else None


def _year_for_month(month: int, ctx: _Ctx, cue: str) -> tuple[int, int] | None:
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


def _weekday(target: int, ctx: _Ctx, cue: str) -> dt.date | None:
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


# --------------------------------------------------------------------------- handlers


def _h_full(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    day = _safe_date(int(m["y"]), _month(m["m"]), int(m["d"]))
    return _Resolved(_iso(day)) if day else None


def _h_numeric(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"13/05/2025", "5.3.2024": dateparser settles the day–month order (dotted dates are
    day first, as where they are written; slashed ones follow dateparser's default unless
    the first number cannot be a month)."""
    day = _dateparser(m.group(0), ctx.reference, order="DMY" if "." in m.group(0) else None)
    return _Resolved(_iso(day)) if day else None


def _h_iso(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    day = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return _Resolved(_iso(day)) if day else None


def _h_day_range(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    month = _month(m["m"])
    d1, d2 = int(m["d"]), int(m["d2"])
    if d2 <= d1:
        return None
    if m.groupdict().get("y"):
        year = int(m["y"])
        kind = "date"
    else:
        first = _year_for_month_day(month, d1, ctx)
        if first is None:
            return None
        year, kind = first.year, "monthday"
    a, b = _safe_date(year, month, d1), _safe_date(year, month, d2)
    return _Resolved(_iso(a), _iso(b), kind) if a and b else None


def _h_month_day(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    month, day = _month(m["m"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    found = _year_for_month_day(month, day, ctx)
    return _Resolved(_iso(found), kind="monthday") if found else None


def _h_month_year(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    return _Resolved(_ym(int(m["y"]), _month(m["m"])), kind="month")


def _h_month_alone(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    cue = (m.groupdict().get("cue") or "").lower()
    found = _year_for_month(_month(m["m"]), ctx, cue)
    return _Resolved(_ym(*found), kind="monthonly") if found else None


def _h_year(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    return _Resolved(m["y"], kind="year")


def _h_year_range(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    first, second = m["y"], m["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if second <= first:
        return None
    return _Resolved(first, second, kind="year")


def _h_season(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """A season as a month range: "summer 2021"; "last summer" is the last one that has
    ended, "next summer" the next one to begin, "this summer" the one of this year (winter:
    the one under way or beginning this December)."""
    first, _last = SEASONS[m["season"].lower()]
    if m.groupdict().get("y"):
        start = int(m["y"]) * 12 + first - 1
    else:
        ref = ctx.reference
        if ref is None:
            return None
        now = ref.year * 12 + ref.month - 1  # months since year 0
        starts = [(y * 12 + first - 1) for y in range(ref.year - 2, ref.year + 2)]
        cue = (m["scue"] or "").lower().split()[-1]
        if cue in ("last", "past", "previous"):
            start = max(s for s in starts if s + 2 < now)
        elif cue in ("next", "coming"):
            start = min(s for s in starts if s > now)
        else:
            under_way = [s for s in starts if s <= now <= s + 2]
            start = under_way[0] if under_way else next(s for s in starts if s // 12 == ref.year)
    end = start + 2
    return _Resolved(_ym(start // 12, start % 12 + 1), _ym(end // 12, end % 12 + 1), kind="month")


def _h_decade(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    if m.groupdict().get("dy"):
        start = int(m["dy"])
        if start % 10:
            return None
    else:
        word = m["dw"].lower()
        century = int(m["century"]) if m.groupdict().get("century") else 1900
        start = century + 10 * DECADE_WORDS[word]
    return _Resolved(str(start), str(start + 9), kind="year")


def _h_century(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    raw = m["c"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
    if not n:
        return None
    start = (n - 1) * 100
    return _Resolved(f"{start:04d}", f"{start + 99:04d}", kind="year")


def _h_part_year(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    return _Resolved(m["y"], kind="year")


def _h_part_month(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    month = _month(m["m"])
    if m.groupdict().get("y"):
        return _Resolved(_ym(int(m["y"]), month), kind="month")
    found = _year_for_month(month, ctx, "")
    return _Resolved(_ym(*found), kind="monthonly") if found else None


def _h_day_word(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    ref = ctx.reference
    if ref is None:
        return None
    word = re.sub(r"\s+", " ", m.group(0).lower())
    offsets = {
        "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
        "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1,
        "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
    }
    for key in sorted(offsets, key=len, reverse=True):
        if word.startswith(key):
            return _Resolved(_iso(ref + dt.timedelta(days=offsets[key])), kind="relative")
    return None


def _h_anchor_day(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"later that day", "the previous day": relative to the date of the context."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    word = m.group(0).lower()
    if re.search(r"\bthat\b|\bsame\b|in the day", word):
        delta = 0  # "later that day", "the same day", "earlier in the day"
    elif re.search(r"previous|before|earlier|prior", word):
        delta = -1
    else:
        delta = 1
    return _Resolved(_iso(base + dt.timedelta(days=delta)), kind="relative")


def _h_anchor_year(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    word = m.group(0).lower()
    delta = -1 if re.search(r"previous|before|earlier|prior", word) else 1
    return _Resolved(str(base.year + delta), kind="relative")


def _h_anchor_shift(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"two days later", "three weeks earlier": counted from the date in context."""
    base = ctx.anchor or ctx.reference
    n = _number(m["n"])
    if base is None or n is None:
        return None
    sign = 1 if m["dir"].lower() == "later" else -1
    unit = m["shunit"].lower()
    if unit == "years":
        return _Resolved(str(base.year + sign * n), kind="relative")
    if unit == "months":
        return _Resolved(_ym(*_shift_months(base.year, base.month, sign * n)), kind="relative")
    days = n * (7 if unit == "weeks" else 1)
    return _Resolved(_iso(base + dt.timedelta(days=sign * days)), kind="relative")


def _h_anchor_unit(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"the following week", "the previous month": next to the week or month in context."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    sign = -1 if m["acue"].lower() in ("previous", "prior") else 1
    if m["aunit"].lower() == "month":
        return _Resolved(_ym(*_shift_months(base.year, base.month, sign)), kind="relative")
    monday, sunday = _week(base + dt.timedelta(days=7 * sign))
    return _Resolved(_iso(monday), _iso(sunday), kind="relative")


# A weekday inside a name is no date: "Good Friday", "Super Tuesday", "the Sunday Times".
_WEEKDAY_NAME_BEFORE = re.compile(r"\b(?:Good|Black|Bloody|Super|Easter|Palm|Ash|Holy|Cyber|Maundy|Shrove)\s+$")
_WEEKDAY_NAME_AFTER = re.compile(
    r"^\s+(?:Times|Telegraph|Post|Express|Mirror|Herald|Mail|Star|Sport|Independent|Tribune|Observer|Night\s+Live|School)\b"
)


def _h_weekday(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    if not m["wcue"] and (_WEEKDAY_NAME_BEFORE.search(ctx.before_raw) or _WEEKDAY_NAME_AFTER.match(ctx.after)):
        return None
    cue = (m.groupdict().get("wcue") or "").lower().replace("this past", "past").replace("this coming", "coming")
    cue = cue.split()[-1] if cue else ""
    found = _weekday(WEEKDAYS[m["wd"]], ctx, cue)
    return _Resolved(_iso(found), kind="relative") if found else None


def _h_unit(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"last week", "next month", "this year", "earlier this month", "this weekend"."""
    ref = ctx.reference
    if ref is None:
        return None
    cue = m["ucue"].lower().split()[-1]
    unit = m["unit"].lower().replace("-", "").replace(" ", "")
    delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(cue, 0)
    if "this past" in m["ucue"].lower():
        delta = -1
    if unit == "year":
        return _Resolved(str(ref.year + delta), kind="relative")
    if unit == "month":
        return _Resolved(_ym(*_shift_months(ref.year, ref.month, delta)), kind="relative")
    if unit == "week":
        monday, sunday = _week(ref + dt.timedelta(days=7 * delta))
        return _Resolved(_iso(monday), _iso(sunday), kind="relative")
    if unit == "weekend":
        return _weekend(ref, delta, ctx.tense)
    return None


def _weekend(ref: dt.date, delta: int, tense: Tense) -> _Resolved:
    """Saturday–Sunday: the one just gone in a past clause, the coming one otherwise."""
    back = (ref.weekday() - 5) % 7  # days back to the most recent Saturday
    last_saturday = ref - dt.timedelta(days=back)
    next_saturday = last_saturday if back <= 1 else last_saturday + dt.timedelta(days=7)
    if delta < 0:
        saturday = last_saturday if back > 1 else last_saturday - dt.timedelta(days=7)
    elif delta > 0:
        saturday = next_saturday if back > 1 else next_saturday + dt.timedelta(days=7)
    elif tense == "future":
        saturday = next_saturday
    else:
        saturday = last_saturday
    return _Resolved(_iso(saturday), _iso(saturday + dt.timedelta(days=1)), kind="relative")


def _h_year_end(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    ref = ctx.reference
    if m.groupdict().get("y"):
        return _Resolved(f"{m['y']}-12-31", kind="date")
    if ref is None:
        return None
    return _Resolved(f"{ref.year}-12-31", kind="relative")


def _h_month_end(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    ref = ctx.reference
    if ref is None:
        return None
    last = calendar.monthrange(ref.year, ref.month)[1]
    return _Resolved(_iso(dt.date(ref.year, ref.month, last)), kind="relative")


def _h_ago(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    ref = ctx.reference
    if ref is None:
        return None
    n = _number(m["n"])
    if n is None:
        return None
    unit = m["agounit"].lower().rstrip("s")
    if unit == "decade":
        return _Resolved(str(ref.year - 10 * n), kind="relative")
    if unit == "year":
        return _Resolved(str(ref.year - n), kind="relative")
    if unit == "month":
        return _Resolved(_ym(*_shift_months(ref.year, ref.month, -n)), kind="relative")
    if unit == "week":
        return _Resolved(_iso(ref - dt.timedelta(weeks=n)), kind="relative")
    if unit == "day":
        return _Resolved(_iso(ref - dt.timedelta(days=n)), kind="relative")
    if unit == "hour":
        return _Resolved(_iso(ref - dt.timedelta(days=max(1, n // 24))), kind="relative")
    return None


def _h_past_span(m: re.Match, ctx: _Ctx) -> _Resolved | None:
    """"the past 30 days", "the last 30 years": the period that ends at the reference."""
    ref = ctx.reference
    n = _number(m["n"])
    if ref is None or n is None:
        return None
    unit = m["pastunit"].lower().rstrip("s")
    if unit == "year":
        return _Resolved(str(ref.year - n), str(ref.year), kind="relative")
    if unit == "month":
        return _Resolved(_ym(*_shift_months(ref.year, ref.month, -n)), _ym(ref.year, ref.month), kind="relative")
    days = {"day": n, "week": 7 * n}.get(unit)
    if days is None:
        return None
    return _Resolved(_iso(ref - dt.timedelta(days=days)), _iso(ref), kind="relative")


_BRACKET_NUM = r"(?:\[\s*)?" + _NUM + r"(?:\s*\])?"

# Ordered by priority: at one position the longest match wins, then the earlier pattern.
PATTERNS: list[tuple[str, str, Handler]] = [
    ("numeric", r"(?<![\d./-])[0-3]?\d[./][0-3]?\d[./](?:19|20)\d\d(?!\d|[./-]\d)", _h_numeric),
    ("iso", r"(?<![\d/-])(?P<y>(?:19|20)\d\d)([-/])(?P<mo>[01]\d)\2(?P<d>[0-3]\d)(?!\d|[/-]\d)", _h_iso),
    ("range_md_y", _mo("m") + r"\s+" + _dy("d") + r"\s*(?:-|–|—)\s*" + _dy("d2") + r"(?:,?\s+" + _yr("y") + r")?", _h_day_range),
    ("range_dm_y", _dy("d") + r"\s*(?:-|–|—)\s*" + _dy("d2") + r"\s+" + _mo("m") + r"(?:,?\s+" + _yr("y") + r")?", _h_day_range),
    ("full_mdy", r"(?:" + _WD.replace("?P<wd>", "?:") + r",?\s+)?" + _mo("m") + r"\s+" + _dy("d") + r",?\s+" + _yr("y"), _h_full),
    ("full_dmy", r"(?:" + _WD.replace("?P<wd>", "?:") + r",?\s+)?" + _dy("d") + r"\s+(?:of\s+)?" + _mo("m") + r",?\s+" + _yr("y"), _h_full),
    ("year_end", _I(r"\b(?:the\s+)?(?:end\s+of\s+(?:the\s+)?year|year[-\s]end)\b") , _h_year_end),
    ("year_end_y", _I(r"\b(?:the\s+)?end\s+of\s+") + _yr("y"), _h_year_end),
    ("month_end", _I(r"\b(?:the\s+)?end\s+of\s+the\s+month\b"), _h_month_end),
    ("part_month", _I(r"\b(?:early|mid|late)[-\s]+") + _mo("m") + r"(?:,?\s+" + _yr("y") + r")?\b", _h_part_month),
    ("part_year", _I(r"\b(?:(?:the\s+)?(?:early|mid|late|middle\s+of|end\s+of|beginning\s+of|start\s+of|first\s+half\s+of|second\s+half\s+of)[-\s]*)") + _yr("y"), _h_part_year),
    ("season_y", _I(r"\b(?P<scue>)(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?") + _yr("y"), _h_season),
    ("season", _I(r"\b(?P<scue>last|this|next|this\s+past|past|coming)\s+(?P<season>spring|summer|autumn|fall|winter)\b"), _h_season),
    ("month_year", _mo("m") + r",?\s+(?:of\s+)?" + _yr("y"), _h_month_year),
    ("month_day", _mo("m") + r"\s+" + _dy("d") + r"(?!\s*(?:-|–|—)\s*\d)", _h_month_day),
    ("day_month", r"(?<![\d.,])" + _dy("d") + r"\s+(?:of\s+)?" + _mo("m"), _h_month_day),
    ("weekday", r"(?:(?P<wcue>" + _I(r"last|next|this\s+past|this\s+coming|this|coming|past|the\s+next|the\s+following|the\s+previous") + r")\s+)?" + _WD, _h_weekday),
    ("month_alone", r"(?:(?P<cue>" + _I(r"last|next|this|coming|past") + r")\s+)?" + _mo("m") + r"(?![\w-])", _h_month_alone),
    ("decade", _I(r"\b(?:the\s+)?(?:'|’)?") + r"(?P<dy>(?:1[0-9]|20)\d0)(?:'|’)?s\b", _h_decade),
    ("decade_word", _I(r"\bthe\s+(?:(?P<century>19|20)00s\s+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"), _h_decade),
    ("century", _I(r"\b(?:the\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")\s+century\b(?!-)"), _h_century),  # "21st-century architecture" is an adjective
    ("ago", r"(?<![\w\[.,])" + _I(r"(?:(?:about|some|nearly|almost|over|more\s+than|just\s+over)\s+)?") + _BRACKET_NUM + _I(r"\s+(?P<agounit>decades?|years?|months?|weeks?|days?|hours?)\s+ago\b"), _h_ago),
    ("past_span", _I(r"\bthe\s+(?:past|last)\s+") + _NUM + _I(r"\s+(?P<pastunit>years|months|weeks|days)\b"), _h_past_span),
    ("day_word", _I(r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|earlier\s+today|later\s+today|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b"), _h_day_word),
    ("anchor_day", _I(r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|morning|afternoon|evening)|(?:later|earlier)\s+in\s+the\s+day|that\s+same\s+day|the\s+same\s+day|the\s+(?:previous|prior|following|next)\s+day|the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)|a\s+day\s+(?:earlier|later|before|after)|the\s+night\s+before)\b"), _h_anchor_day),
    ("anchor_shift", r"(?<![\w\[.,])" + _NUM + _I(r"\s+(?P<shunit>days|weeks|months|years)\s+(?P<dir>later|earlier)\b"), _h_anchor_shift),
    ("anchor_unit", _I(r"\bthe\s+(?P<acue>previous|prior|following|next)\s+(?P<aunit>week|month)\b"), _h_anchor_unit),
    ("anchor_year", _I(r"\b(?:the\s+(?:previous|prior|following)\s+year|the\s+year\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)|a\s+year\s+(?:earlier|later))\b"), _h_anchor_year),
    ("unit", _I(r"\b(?:(?:earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[-\s]+)?(?P<ucue>this\s+past|this|last|next|coming|the\s+coming)\s+(?P<unit>week-?end|week|month|year)\b"), _h_unit),
    ("weekend", _I(r"\b(?P<ucue>the)\s+(?P<unit>week-?end)\b"), _h_unit),
    ("year_range", r"(?<![\w$€£#.,/:-])" + _yr("y") + r"\s*[-–]\s*(?P<y2>(?:1[0-9]|20)\d\d|\d\d)(?![\w%]|[.,]\d)", _h_year_range),
    ("year", r"(?<![\w$€£#.,/:-])" + _yr("y") + r"(?![\w%]|[.,/]\d|[-–]\d|:\d)", _h_year),
]
_COMPILED = [(name, re.compile(rx), handler) for name, rx, handler in PATTERNS]

# "from X to Y", "between X and Y", "X–Y": two mentions of the same precision make a range.
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|till|until|and)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


# --------------------------------------------------------------------------- tense


def _tokens_in(span: "Span", base: int, start: int, end: int) -> list["Token"]:
    return [t for t in span if start <= t.idx - base < end]


def _governor(token: "Token") -> "Token":
    """The verb (or clause head) a date token attaches to."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 12:
        token = token.head
        seen += 1
    return token


def _verb_tense(verb: "Token", date_tokens: list["Token"]) -> Tense:
    """Past, present or future from the governing verb, its auxiliaries and its head."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_lower = {a.lower_ for a in aux}
    # "would" is mostly the future of reported speech in news ("said it would vote on Thursday")
    if aux_lower & {"will", "shall", "'ll", "wo", "’ll", "would"}:
        return "future"
    # "may return on Sunday"; not "could" ("could not be reached on Tuesday" is past) and
    # not with "have" ("may have met on Tuesday")
    if aux_lower & {"may", "might", "must", "should", "can"} and "have" not in aux_lower:
        return "future"
    if verb.lemma_ in FUTURE_LEMMAS and verb.tag_ in ("VBN", "VBZ", "VBP", "VBG", "JJ"):
        return "future"
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and (verb.tag_ == "VB" or "to" in aux_lower):
        if head.lemma_ in FUTURE_LEMMAS | {"be", "want", "go"} and head.tag_ != "VBD":
            return "future"
    # "are to travel", "is set to meet", "plans to visit": the clause looks ahead
    if verb.lemma_ in FUTURE_LEMMAS | {"be"} and verb.tag_ != "VBD" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    ):
        return "future"
    if any(a.tag_ == "VBD" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and "had" in aux_lower:
        return "past"
    if verb.tag_ == "VBN" and aux_lower & {"has", "have"}:
        # present perfect: "has called a rally on March 18" may look ahead; for weekdays
        # "present" still reads as the most recent such day
        return "present"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):  # "the talks held on Monday"
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or aux_lower & {"is", "are", "am", "being"}:
        progressive = "being" in aux_lower or (verb.tag_ == "VBG" and bool(aux_lower & {"is", "are", "am"}))
        prep = {t.head.lower_ for t in date_tokens if t.head.dep_ == "prep"}
        if progressive or prep & {"for", "until", "till", "by"}:
            return "future"
        # in running text a simple present with a date is a timetable ("the trial resumes
        # on Monday"), except for attribution ("says on Tuesday", headline style)
        if verb.tag_ in ("VBZ", "VBP") and not aux and verb.lemma_ not in ("say", "tell", "report", "announce", "claim"):
            return "future"
        return "present"
    return None


def _tense_from_span(span: "Span", base: int, start: int, end: int) -> Tense:
    tokens = _tokens_in(span, base, start, end)
    if not tokens:
        return None
    root = min(tokens, key=lambda t: len(list(t.ancestors)))
    # "the upcoming meeting on May 15": a future-looking modifier on the noun it dates
    for anc in [root, *root.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            break
        if any(c.lower_ in ("upcoming", "forthcoming", "planned", "scheduled", "expected", "proposed") for c in anc.children):
            return "future"
    return _verb_tense(_governor(root), tokens)


_FUTURE_TEXT = re.compile(
    r"\b(?:will|shall|'ll|’ll|is\s+to|are\s+to|set\s+to|due\s+to|scheduled|expected|planned|plans?\s+to|upcoming|going\s+to)\b",
    re.I,
)
_PAST_TEXT = re.compile(r"\b(?:was|were|had|did|\w+ed)\b", re.I)


def _tense_from_text(before: str) -> Tense:
    """A rough tense from the words before the mention, when no parse is given."""
    if _FUTURE_TEXT.search(before):
        return "future"
    if _PAST_TEXT.search(before):
        return "past"
    return None


# --------------------------------------------------------------------------- the resolver


def _skip_year(text: str, m: re.Match, span: "Span | None", base: int) -> bool:
    """A bare four-digit number that is a quantity, not a year ("2000 year old", "1709 pupils")."""
    after = text[m.end():]
    following = re.match(r"[\s-]*([A-Za-z]+)", after)
    if following and following.group(1).lower() in QUANTITY_WORDS:
        return True
    if span is not None:
        number = int(m["y"])
        for token in _tokens_in(span, base, m.start(), m.end()):
            if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and _counts(token, number):
                return True
            if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
                return True
    return False


# Plural nouns a year often modifies: "2000 levels", "2022 figures".
YEAR_MEASURES = {"level", "figure", "price", "rate", "standard", "value", "number", "estimate", "census"}


def _counts(token: "Token", number: int) -> bool:
    """Whether a number before a plural noun counts it ("1709 pupils", "2000 troops")
    rather than dating it ("the 2014 protests", "2000 levels", "2024 elections")."""
    if any(c.dep_ in ("det", "poss") for c in token.head.children if c.i < token.i):
        return False
    if token.head.lemma_.lower() in YEAR_MEASURES:
        return False
    return not 1900 <= number <= 2099 or number % 100 == 0


def _candidates(text: str) -> list[tuple[int, int, str, re.Match, Handler]]:
    found = []
    for order, (name, rx, handler) in enumerate(_COMPILED):
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, name, m, handler))
    # longest match first at each start; then pattern priority; keep non-overlapping
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    chosen: list[tuple[int, int, str, re.Match, Handler]] = []
    taken: list[tuple[int, int]] = []
    for start, end, _order, name, m, handler in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, name, m, handler))
    return sorted(chosen, key=lambda c: c[0])


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    while start < end and text[start] in " ,":
        start += 1
    return start, end


def _span_base(span: "Span | None", text: str) -> int | None:
    """Document offset of ``text``'s first character inside ``span``, or None."""
    if span is None:
        return None
    at = span.text.find(text)
    if at < 0:
        return None
    return span.start_char + at


def resolve_dates(
    text: str,
    reference: dt.date | None,
    *,
    span: "Span | None" = None,
    anchor: dt.date | None = None,
) -> list[DateMention]:
    """Find and resolve every date expression in one sentence.

    Args:
        text: the sentence.
        reference: the publication date that relative expressions ("Tuesday", "next
            month") resolve against; with None only absolute expressions resolve.
        span: the sentence's spaCy span, when parsed: gives the tense of the clause each
            date attaches to (past → the most recent such weekday, future → the next one)
            and marks numbers that are quantities rather than years.
        anchor: the date of the event in context, for "later that day" or "the previous
            day"; defaults to ``reference``.

    Returns:
        The mentions in text order, offsets relative to ``text``; ranges carry ``end_value``.
    """
    if span is not None and not hasattr(span, "start_char"):
        span = span[:]  # a whole Doc was passed
    base = _span_base(span, text)
    resolved: list[tuple[DateMention, str]] = []
    for start, end, name, m, handler in _candidates(text):
        if name == "year" and _skip_year(text, m, span if base is not None else None, base or 0):
            continue
        if name == "month_alone" and not _month_alone_ok(text, m, span if base is not None else None, base or 0):
            continue
        before = text[:start]
        tense = _tense_from_span(span, base, start, end) if base is not None else None
        tense = tense or _tense_from_text(before)
        ctx = _Ctx(reference, anchor, tense, before.lower(), text[end:], before)
        try:
            result = handler(m, ctx)
        except (OverflowError, ValueError):  # "99999 days ago" runs off the calendar
            continue
        if result is None or not _well_formed(result):
            continue
        s, e = _strip(text, start, end)
        resolved.append((DateMention(s, e, text[s:e], result.value, result.end_value), result.kind))
    mentions = _join_ranges(text, resolved)
    mentions = _fallback_entities(text, reference, span, base, mentions)
    return sorted(mentions, key=lambda d: (d.start, d.end))


_ISO_SHAPE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _well_formed(result: _Resolved) -> bool:
    """An ISO value of years 1–9999 ("2025 years ago" would give year -25)."""
    values = [result.value] + ([result.end_value] if result.end_value else [])
    return all(_ISO_SHAPE.fullmatch(v) and v[:4] != "0000" for v in values)


def _month_alone_ok(text: str, m: re.Match, span: "Span | None", base: int) -> bool:
    """A bare month name is a date only after a cue or a preposition ("in March"), and not
    when the parse names a person by it ("a letter to May")."""
    if span is not None and any(
        t.ent_type_ in ("PERSON", "ORG") for t in _tokens_in(span, base, m.start("m"), m.end("m"))
    ):
        return False
    if m.groupdict().get("cue"):
        return True
    before = text[: m.start()]
    return bool(re.search(r"\b(?:in|since|by|until|till|through|during|of|from|to|before|after|early|late|mid|last|next|this)\s+$", before, re.I))


def _join_ranges(text: str, items: list[tuple[DateMention, str]]) -> list[DateMention]:
    """Join "from X to Y", "between X and Y" and "X–Y" into one range mention.

    The first part takes its year from the second when only the second gives one
    ("January 23 – March 9, 2014").
    """
    out: list[DateMention] = []
    i = 0
    while i < len(items):
        first, kind = items[i]
        if i + 1 < len(items):
            second, kind2 = items[i + 1]
            gap = text[first.end:second.start]
            opener = _RANGE_OPEN.search(text[: first.start])
            joined = _RANGE_JOIN.match(gap)
            and_ok = not gap.strip().lower() == "and" or (opener and opener.group(0).lower().startswith("between"))
            if (
                joined
                and and_ok
                and first.end_value is None
                and second.end_value is None
                and len(first.value) == len(second.value)  # same precision
                and (opener or gap.strip() in "-–—" or gap.strip().lower() in ("through", "until", "till"))
            ):
                value = first.value
                if kind == "monthday" and kind2 in ("date",):
                    value = _borrow_year(first.value, second.value)
                if value < second.value:
                    out.append(DateMention(first.start, second.end, text[first.start:second.end], value, second.value))
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


def _borrow_year(value: str, closing: str) -> str:
    year = int(closing[:4])
    if value[5:] > closing[5:]:
        year -= 1
    return f"{year:04d}{value[4:]}"


def _fallback_entities(
    text: str, reference: dt.date | None, span: "Span | None", base: int | None, mentions: list[DateMention]
) -> list[DateMention]:
    """spaCy DATE entities that no pattern covered, parsed by dateparser when they hold a
    full date (other spellings such as "5/13/2025" or "2025/05/13"); dateparser must find a
    day, a month and a year, so partial or vague entities are left alone."""
    if span is None or base is None:
        return mentions
    out = list(mentions)
    for ent in span.ents:
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char - base, ent.end_char - base
        if s < 0 or any(s < m.end and m.start < e for m in out):
            continue
        if not re.search(r"\d", ent.text) or not re.search(r"(?:1[0-9]|20)\d\d|\d[./]\d", ent.text):
            continue  # only full dates (with a year) reach dateparser
        parsed = _dateparser(ent.text, reference)
        if parsed:
            out.append(DateMention(s, e, ent.text, parsed.isoformat()))
    return out


def _dateparser(expression: str, reference: dt.date | None, order: str | None = None) -> dt.date | None:
    import dateparser

    settings: dict = {"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DATES_FROM": "past"}
    if order:
        settings["DATE_ORDER"] = order
    if reference is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(reference, dt.time())
    parsed = dateparser.parse(expression, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
