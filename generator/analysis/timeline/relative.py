"""Handlers for the date expressions relative to the publication day or to the day in
context: "today", "later that day", "two days later", "the following week", weekdays,
"last week", "this weekend", "the end of the year", "three years ago", "the past 30 days".
"""
from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.analysis.timeline.reckoning import (
    WEEKDAYS,
    Context,
    Resolved,
    Tense,
    iso,
    number_value,
    shift_months,
    week_of,
    weekday_near,
    ym,
)


def h_day_word(m: re.Match, ctx: Context) -> Resolved | None:
    """"today", "yesterday", "last night", "tomorrow": a day from the reference."""
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
            return Resolved(iso(ref + dt.timedelta(days=offsets[key])), kind="relative")
    return None


def h_anchor_day(m: re.Match, ctx: Context) -> Resolved | None:
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
    return Resolved(iso(base + dt.timedelta(days=delta)), kind="relative")


def h_anchor_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"the previous year", "a year later": next to the year in context."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    word = m.group(0).lower()
    delta = -1 if re.search(r"previous|before|earlier|prior", word) else 1
    return Resolved(str(base.year + delta), kind="relative")


def h_anchor_shift(m: re.Match, ctx: Context) -> Resolved | None:
    """"two days later", "three weeks earlier": counted from the date in context."""
    base = ctx.anchor or ctx.reference
    n = number_value(m["n"])
    if base is None or n is None:
        return None
    sign = 1 if m["dir"].lower() == "later" else -1
    unit = m["shunit"].lower()
    if unit == "years":
        return Resolved(str(base.year + sign * n), kind="relative")
    if unit == "months":
        return Resolved(ym(*shift_months(base.year, base.month, sign * n)), kind="relative")
    days = n * (7 if unit == "weeks" else 1)
    return Resolved(iso(base + dt.timedelta(days=sign * days)), kind="relative")


def h_anchor_unit(m: re.Match, ctx: Context) -> Resolved | None:
    """"the following week", "the previous month": next to the week or month in context."""
    base = ctx.anchor or ctx.reference
    if base is None:
        return None
    sign = -1 if m["acue"].lower() in ("previous", "prior") else 1
    if m["aunit"].lower() == "month":
        return Resolved(ym(*shift_months(base.year, base.month, sign)), kind="relative")
    monday, sunday = week_of(base + dt.timedelta(days=7 * sign))
    return Resolved(iso(monday), iso(sunday), kind="relative")


def h_weekday(m: re.Match, ctx: Context) -> Resolved | None:
    """"Tuesday", "last Friday": a weekday near the reference (not one inside a name)."""
    words = ctx.words
    if not m["wcue"] and (words.weekday_name_before.search(ctx.before_raw) or words.weekday_name_after.match(ctx.after)):
        return None  # a weekday inside a name is no date: "Good Friday", "Sunday School"
    cue = (m.groupdict().get("wcue") or "").lower().replace("this past", "past").replace("this coming", "coming")
    cue = cue.split()[-1] if cue else ""
    found = weekday_near(WEEKDAYS[m["wd"]], ctx, cue)
    return Resolved(iso(found), kind="relative") if found else None


def h_unit(m: re.Match, ctx: Context) -> Resolved | None:
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
        return Resolved(str(ref.year + delta), kind="relative")
    if unit == "month":
        return Resolved(ym(*shift_months(ref.year, ref.month, delta)), kind="relative")
    if unit == "week":
        monday, sunday = week_of(ref + dt.timedelta(days=7 * delta))
        return Resolved(iso(monday), iso(sunday), kind="relative")
    if unit == "weekend":
        return _weekend(ref, delta, ctx.tense)
    return None


def _weekend(ref: dt.date, delta: int, tense: Tense) -> Resolved:
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
    return Resolved(iso(saturday), iso(saturday + dt.timedelta(days=1)), kind="relative")


def h_year_end(m: re.Match, ctx: Context) -> Resolved | None:
    """"the end of the year", "the end of 2024": its last day."""
    ref = ctx.reference
    if m.groupdict().get("y"):
        return Resolved(f"{m['y']}-12-31", kind="date")
    if ref is None:
        return None
    return Resolved(f"{ref.year}-12-31", kind="relative")


def h_month_end(m: re.Match, ctx: Context) -> Resolved | None:
    """"the end of the month": the last day of the reference's month."""
    ref = ctx.reference
    if ref is None:
        return None
    last = calendar.monthrange(ref.year, ref.month)[1]
    return Resolved(iso(dt.date(ref.year, ref.month, last)), kind="relative")


def h_ago(m: re.Match, ctx: Context) -> Resolved | None:
    """"three years ago", "two weeks ago": counted back from the reference."""
    ref = ctx.reference
    if ref is None:
        return None
    n = number_value(m["n"])
    if n is None:
        return None
    unit = m["agounit"].lower().rstrip("s")
    if unit == "decade":
        return Resolved(str(ref.year - 10 * n), kind="relative")
    if unit == "year":
        return Resolved(str(ref.year - n), kind="relative")
    if unit == "month":
        return Resolved(ym(*shift_months(ref.year, ref.month, -n)), kind="relative")
    if unit == "week":
        return Resolved(iso(ref - dt.timedelta(weeks=n)), kind="relative")
    if unit == "day":
        return Resolved(iso(ref - dt.timedelta(days=n)), kind="relative")
    if unit == "hour":
        return Resolved(iso(ref - dt.timedelta(days=max(1, n // 24))), kind="relative")
    return None


def h_past_span(m: re.Match, ctx: Context) -> Resolved | None:
    """"the past 30 days", "the last 30 years": the period that ends at the reference."""
    ref = ctx.reference
    n = number_value(m["n"])
    if ref is None or n is None:
        return None
    unit = m["pastunit"].lower().rstrip("s")
    if unit == "year":
        return Resolved(str(ref.year - n), str(ref.year), kind="relative")
    if unit == "month":
        return Resolved(ym(*shift_months(ref.year, ref.month, -n)), ym(ref.year, ref.month), kind="relative")
    days = {"day": n, "week": 7 * n}.get(unit)
    if days is None:
        return None
    return Resolved(iso(ref - dt.timedelta(days=days)), iso(ref), kind="relative")


