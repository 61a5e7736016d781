"""Handlers for the date expressions that name their own year or month: full and numeric
dates, day ranges, months, years, seasons, decades, centuries and parts of a year or month.
A month or day named without a year takes the one near the reference (by the clause's
tense, :mod:`.reckoning`).
"""
from __future__ import annotations

import re

from generator.analysis.timeline.reckoning import (
    DECADE_WORDS,
    ORDINALS,
    SEASONS,
    Context,
    Resolved,
    dateparser_day,
    iso,
    month_number,
    safe_date,
    year_for_month,
    year_for_month_day,
    ym,
)


def h_full(m: re.Match, ctx: Context) -> Resolved | None:
    """"June 3, 2021", "3 June 2021": a full date."""
    day = safe_date(int(m["y"]), month_number(m["m"]), int(m["d"]))
    return Resolved(iso(day)) if day else None



def h_numeric(m: re.Match, ctx: Context) -> Resolved | None:
    """"13/05/2025", "5.3.2024": dateparser settles the day–month order (dotted dates are
    day first, as where they are written; slashed ones follow dateparser's default unless
    the first number cannot be a month)."""
    day = dateparser_day(m.group(0), ctx.reference, order="DMY" if "." in m.group(0) else None)
    return Resolved(iso(day)) if day else None



def h_iso(m: re.Match, ctx: Context) -> Resolved | None:
    """"2025-05-13": an ISO date."""
    day = safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    return Resolved(iso(day)) if day else None



def h_day_range(m: re.Match, ctx: Context) -> Resolved | None:
    """"June 14–15", "14-15 June 2021": a range of days in one month."""
    month = month_number(m["m"])
    d1, d2 = int(m["d"]), int(m["d2"])
    if d2 <= d1:
        return None
    if m.groupdict().get("y"):
        year = int(m["y"])
        kind = "date"
    else:
        first = year_for_month_day(month, d1, ctx)
        if first is None:
            return None
        year, kind = first.year, "monthday"
    a, b = safe_date(year, month, d1), safe_date(year, month, d2)
    return Resolved(iso(a), iso(b), kind) if a and b else None



def h_month_day(m: re.Match, ctx: Context) -> Resolved | None:
    """"June 3", "3 June": a day without a year, in the year near the reference."""
    month, day = month_number(m["m"]), int(m["d"])
    if not 1 <= day <= 31:
        return None
    found = year_for_month_day(month, day, ctx)
    return Resolved(iso(found), kind="monthday") if found else None



def h_month_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"May 2025": a month."""
    return Resolved(ym(int(m["y"]), month_number(m["m"])), kind="month")



def h_month_alone(m: re.Match, ctx: Context) -> Resolved | None:
    """"in March", "last May": a month without a year, by its cue or the tense."""
    cue = (m.groupdict().get("cue") or "").lower()
    found = year_for_month(month_number(m["m"]), ctx, cue)
    return Resolved(ym(*found), kind="monthonly") if found else None



def h_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"2025": a year."""
    return Resolved(m["y"], kind="year")



def h_year_range(m: re.Match, ctx: Context) -> Resolved | None:
    """"2002–2005", "2002-05": a range of years."""
    first, second = m["y"], m["y2"]
    if len(second) == 2:
        second = first[:2] + second
    if second <= first:
        return None
    return Resolved(first, second, kind="year")



def h_season(m: re.Match, ctx: Context) -> Resolved | None:
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
    return Resolved(ym(start // 12, start % 12 + 1), ym(end // 12, end % 12 + 1), kind="month")



def h_decade(m: re.Match, ctx: Context) -> Resolved | None:
    """"the 1990s", "the nineties": a decade as a range of years."""
    if m.groupdict().get("dy"):
        start = int(m["dy"])
        if start % 10:
            return None
    else:
        word = m["dw"].lower()
        century = int(m["century"]) if m.groupdict().get("century") else 1900
        start = century + 10 * DECADE_WORDS[word]
    return Resolved(str(start), str(start + 9), kind="year")



def h_century(m: re.Match, ctx: Context) -> Resolved | None:
    """"the 19th century": a century as a range of years."""
    raw = m["c"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else ORDINALS.get(raw)
    if not n:
        return None
    start = (n - 1) * 100
    return Resolved(f"{start:04d}", f"{start + 99:04d}", kind="year")



def h_part_year(m: re.Match, ctx: Context) -> Resolved | None:
    """"mid-2023", "the end of 2024": the year."""
    return Resolved(m["y"], kind="year")



def h_part_month(m: re.Match, ctx: Context) -> Resolved | None:
    """"early May", "late March 2024": the month."""
    month = month_number(m["m"])
    if m.groupdict().get("y"):
        return Resolved(ym(int(m["y"]), month), kind="month")
    found = year_for_month(month, ctx, "")
    return Resolved(ym(*found), kind="monthonly") if found else None
