"""Publication dates as articles state them: in datelines, bylines and front matter.

Only full dates (day, month and year) count as a publication date; finding where they are
is done with one pattern per common English layout, and the matched text is handed to
dateparser, which knows the month abbreviations and weekday forms.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|urday|sday)?\.?,?\s+)?"
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]|20)\d\d"
# "Monday, May 18, 2015", "May 14 2025", "6 March 2024", "Thu 7 Mar 2024", "2024-03-07".
DATE_RE = re.compile(
    rf"\b{_WEEKDAY}(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}"
    rf"|{_YEAR}-[01]\d-[0-3]\d)(?!\d)",
    re.IGNORECASE,
)
# What may stand beside a date on a line that is "only a date": labels, times, zones.
_DATE_LINE_FILLER = re.compile(
    r"\b(?:published|posted|updated|last updated|first published|modified|on|at|date)\b|"
    r"\b\d{1,2}(?:[:.]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|\b(?:[A-Z]{1,4}T|GMT|UTC|BST|CET|CEST)\b|"
    r"[\s,:|·•()/+-]+",
    re.IGNORECASE,
)
_SETTINGS = {
    "REQUIRE_PARTS": ["day", "month", "year"],
    "RETURN_AS_TIMEZONE_AWARE": False,
    # A fixed base keeps parsing independent of today's date (determinism).
    "RELATIVE_BASE": dt.datetime(2000, 1, 1),
}


@dataclass(frozen=True)
class FoundDate:
    """A full date found in a line: the value and where its text lies."""

    value: dt.date
    start: int
    end: int


def find_date(line: str) -> FoundDate | None:
    """The first full date written in ``line``, or None."""
    for m in DATE_RE.finditer(line):
        value = parse_date(m.group(0))
        if value is not None:
            return FoundDate(value, m.start(), m.end())
    return None


def is_date_line(line: str) -> bool:
    """True when ``line`` says nothing but a date (with labels such as "Published:" or a time)."""
    if find_date(line) is None:
        return False
    rest = DATE_RE.sub(" ", line)  # "Published March 3, 2024 | Updated March 4, 2024"
    return not _DATE_LINE_FILLER.sub("", rest).strip()


@lru_cache(maxsize=512)
def parse_date(text: str) -> dt.date | None:
    """Parse one written full date (``"Sept. 3, 2021"``, ``"2024-03-07"``) to a date."""
    text = text.strip(" ,.")
    exact = _exact_date(text)
    if exact is not _UNSURE:
        return exact
    import dateparser  # imported here: loading its language data takes a moment

    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None


_UNSURE = object()
_WEEKDAY_SAFE = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Wed|Thu|Fri|Sat|Sun)\.?,?\s+)?"
_EXACT = re.compile(
    rf"{_WEEKDAY_SAFE}(?:(?P<m1>[a-z]+)\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m2>[a-z]+)\.?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<y3>\d{{4}})-(?P<m3>\d\d)-(?P<d3>\d\d))",
    re.IGNORECASE,
)


def _exact_date(text: str) -> "dt.date | None | object":
    """The date of a plainly written full date, the same as dateparser reads it, without
    loading dateparser (most publication dates are plain); ``_UNSURE`` for any other form
    (an impossible day, an unusual weekday, a month name it might read otherwise), which
    dateparser then decides. tests/ingest/test_exact_dates.py holds the two to one answer."""
    m = _EXACT.fullmatch(text)
    if m is None:
        return _UNSURE
    g = m.groupdict()
    month_text = g["m1"] or g["m2"] or g["m3"]
    if not month_text.isdigit() and not DATE_RE.fullmatch(f"{month_text} 1, 2000"):
        return _UNSURE  # not a month name DATE_RE knows
    month = month_number(month_text)
    try:
        return dt.date(int(g["y1"] or g["y2"] or g["y3"]), month or 0, int(g["d1"] or g["d2"] or g["d3"]))
    except ValueError:
        return _UNSURE


def coerce_date(value: object) -> dt.date | None:
    """A front-matter or set.yml date (YAML date, datetime or string) as a date, or None."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return parse_date(text) if DATE_RE.search(text) else None
    return None


_MONTH_NUMBER = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
# A date in an address's path: /2024/03/07/, /2024-03-07/, /2024/Mar/07/, /20240307/ is not
# read (too often an id).
_URL_DAY = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<sep>[/-])(?P<m>[01]?\d|[A-Za-z]{3,9})(?P=sep)(?P<d>[0-3]?\d)(?=[/_.-]|$)"
)
_URL_MONTH = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d|[A-Za-z]{3,9})(?=/)")


def month_number(name: str) -> int | None:
    """1–12 for a month written as a number or a name ("03", "Mar", "march"), else None."""
    if name.isdigit():
        number = int(name)
        return number if 1 <= number <= 12 else None
    return _MONTH_NUMBER.get(name[:3].lower())


def url_date(url: str | None) -> dt.date | None:
    """The day a news address dates its article by (``/2024/03/07/slug``), or None."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for m in _URL_DAY.finditer(path):
        month = month_number(m["m"])
        if month is None:
            continue
        try:
            return dt.date(int(m["y"]), month, int(m["d"]))
        except ValueError:
            continue
    return None


def url_month(url: str | None) -> tuple[int, int] | None:
    """(year, month) from a news address that dates only the month (``/2024/08/slug``)."""
    if not url:
        return None
    day = url_date(url)
    if day is not None:
        return day.year, day.month
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    for m in _URL_MONTH.finditer(path):
        month = month_number(m["m"])
        if month is not None:
            return int(m["y"]), month
    return None
