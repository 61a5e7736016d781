"""Which date an article was published on, from what it and its set give.

In order of trust: a date the file states (front matter, HTML metadata, ``sources.yml``);
a full date in a dateline or date line above the lead; a dateline that gives the day but
not the year ("Aug 24 – (Wire) —"), completed by the year of the address or, failing that,
of the set's other dates; the day in the address's path (``/2024/03/07/``); last, the set's
reference date (``set.yml`` ``as_of`` or the latest date of the set's other articles).
Everything after the stated date is inferred, and the article says so.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import NamedTuple

from generator.ingest.dates import url_date, url_month
from generator.ingest.metadata import dateline_day
from generator.model import Article

CONTEXT_BASIS = "set context"
# A dateline's day more than this far after the set's reference date is of the year before.
_AHEAD = dt.timedelta(days=7)


class Published(NamedTuple):
    """The chosen date, how it was found, whether it is inferred, and a yearless dateline day."""

    value: dt.date | None
    basis: str | None
    inferred: bool
    dateline_day: tuple[int, int] | None = None


def choose_published(
    stated: dt.date | None, stated_basis: str | None, dateline: dt.date | None, lead: str | None, url: str | None
) -> Published:
    """The publication date of one article from what the file gives (see the module docstring)."""
    if stated:
        return Published(stated, stated_basis, False)
    if dateline:
        return Published(dateline, "dateline", True)
    day = dateline_day(lead or "")
    month = url_month(url)
    if day and month:
        completed = _in_year(month[0], day) or _in_year(month[0] - 1, day)
        if completed and completed.month in (month[1], month[1] - 1, month[1] + 1):
            return Published(completed, "dateline", True)
    by_url = url_date(url)
    if by_url:
        return Published(by_url, "url", True)
    return Published(None, None, False, day)


def _in_year(year: int, day: tuple[int, int]) -> dt.date | None:
    try:
        return dt.date(year, *day)
    except ValueError:  # 29 February of a common year, 31 April
        return None


def date_from_context(articles: list[Article], as_of: dt.date | None) -> list[Article]:
    """Give undated articles the set's reference date (``as_of``, else the latest date the
    articles give, else the latest address date), marked as inferred from context; a
    yearless dateline takes the reference date's year (the year before when it would fall
    more than a week after the reference)."""
    dated = [a.published for a in articles if a.published is not None]
    # a date in an article's text or metadata outranks one read from an address (a page's
    # address may carry the day it was filed or archived, one day after the news)
    in_text = [a.published for a in articles if a.published is not None and a.published_basis != "url"]
    reference = as_of or max(in_text or dated, default=None)
    if reference is None:
        return articles
    out = []
    for a in articles:
        if a.published is not None:
            out.append(a)
            continue
        completed = _in_year(reference.year, a.dateline_day) if a.dateline_day else None
        if completed and completed > reference + _AHEAD:
            completed = _in_year(reference.year - 1, a.dateline_day)  # type: ignore[arg-type]
        if completed:
            out.append(dataclasses.replace(a, published=completed, published_inferred=True, published_basis="dateline"))
        else:
            out.append(dataclasses.replace(a, published=reference, published_inferred=True,
                                           published_basis=CONTEXT_BASIS))
    return out
