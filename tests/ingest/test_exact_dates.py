"""Plain publication dates are read without dateparser, and read as dateparser reads them.

:func:`generator.ingest.dates.parse_date` answers a plainly written full date itself and
leaves every other form to dateparser. Over many generated dates of the shapes ``DATE_RE``
finds (weekdays, month names and abbreviations in any case, ordinal days, impossible days,
ISO dates with the month and day swapped) the two must give the same day or the same None.
"""
from __future__ import annotations

import datetime as dt
import random

import dateparser

from generator.ingest import dates

MONTHS = ["January", "Jan", "Jan.", "February", "Feb.", "March", "Mar", "April", "Apr", "May", "June",
          "Jun", "July", "Jul", "August", "Aug", "September", "Sept", "Sep", "Sept.", "October", "Oct",
          "November", "Nov", "December", "Dec."]
WEEKDAYS = ["", "Monday, ", "Mon ", "Tue. ", "Tues ", "Wed, ", "Thu, ", "Thurs. ", "Thur ", "Friday, ",
            "Sat ", "Sunday "]


def _written(rng: random.Random) -> str:
    case = rng.choice([str, str.lower, str.upper])
    month, weekday = case(rng.choice(MONTHS)), case(rng.choice(WEEKDAYS))
    day = str(rng.randint(0, 32)) + rng.choice(["", "", "st", "nd", "rd", "th"])
    year = rng.randint(1800, 2099)
    shape = rng.randint(0, 2)
    if shape == 0:
        return f"{weekday}{month} {day}{rng.choice(['', ','])} {year}"
    if shape == 1:
        return f"{weekday}{day} {rng.choice(['', 'of '])}{month}{rng.choice(['', ','])} {year}"
    return f"{year}-{rng.randint(0, 19):02d}-{rng.randint(0, 39):02d}"


def _dateparser(text: str) -> dt.date | None:
    parsed = dateparser.parse(text.strip(" ,."), languages=["en"], settings=dates._SETTINGS)
    return parsed.date() if parsed else None


def test_the_plain_reading_agrees_with_dateparser():
    rng = random.Random(13)
    found = [m.group(0) for m in (dates.DATE_RE.search(_written(rng)) for _ in range(1500)) if m]
    answered = 0
    for text in found:
        exact = dates._exact_date(text.strip(" ,."))
        if exact is dates._UNSURE:
            continue
        answered += 1
        assert exact == _dateparser(text), text
    assert answered > len(found) // 2  # most forms are answered without dateparser


def test_unusual_forms_are_left_to_dateparser():
    for text in ("Thurs. 3 March 2024", "2024-15-03", "February 30, 2024", "Sept 31, 2021"):
        assert dates._exact_date(text) is dates._UNSURE
        assert dates.parse_date(text) == _dateparser(text)
    assert dates.parse_date("Tuesday, 5 March 2024") == dt.date(2024, 3, 5)
