"""Which date an article was published on, from what it and its set give.

In order of trust: a date the file states (front matter, HTML metadata, ``sources.yml``);
a full date in a dateline or date line above the lead; a dateline that gives the day but
not the year ("Aug 24 – (Wire) —"), completed by the year of the address, of the article's
own full dates or, failing those, of the set's other dates; a date line near the top of the
body (below a standfirst or a photo caption); the day in the address's path (``/2024/03/07/``); last, the set's
reference date (``set.yml`` ``as_of`` or the latest date of the set's other articles) and,
when no article is dated at all, the latest full date the texts report (basis "text dates").
Everything after the stated date is inferred, and the article says so.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import NamedTuple

from generator.ingest.clean import CleanBlock
from generator.ingest.dates import DATE_RE, find_date, is_date_line, url_date, url_month
from generator.ingest.metadata import dateline_day
from generator.model import Article

CONTEXT_BASIS = "set context"
# No article is dated: the latest full date the texts report stands in (the page says so).
TEXT_BASIS = "text dates"
# A sentence that looks ahead: its date may lie after the articles were written.
_AHEAD_CUE = re.compile(
    r"\b(?:will|shall|would|to be|scheduled|expected|due|plans?|planned|set to|until|by|next|upcoming|from)\b",
    re.IGNORECASE,
)
_CUE_REACH = 40  # how far before a date a cue that looks ahead still governs it
# A dateline's day more than this far after the set's reference date is of the year before.
_AHEAD = dt.timedelta(days=7)


class Published(NamedTuple):
    """The chosen date, how it was found, whether it is inferred, and a yearless dateline day."""

    value: dt.date | None
    basis: str | None
    inferred: bool
    dateline_day: tuple[int, int] | None = None


def choose_published(
    stated: dt.date | None, stated_basis: str | None, dateline: dt.date | None, lead: str | None, url: str | None,
    text: str = "",
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
    completed = _year_from_text(day, text) if day else None
    if completed:
        return Published(completed, "dateline", True)
    return Published(None, None, False, day)


_DATE_LINE_SCAN = 6  # a date line sits below the headline, standfirst or photo caption
# a full date in a dateline that opens the lead: "Place (Wire), 3 March 2024 – …"
_AFTER_DATELINE_DATE = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:[-–—:]|--)")


def date_line_in_body(blocks: tuple[CleanBlock, ...], removed: list[str]) -> tuple[dt.date | None, tuple[CleanBlock, ...]]:
    """A date on a line of its own near the top of the body (below a standfirst or a photo
    caption), taken out of the body; else a full date in the dateline opening a paragraph."""
    for i, block in enumerate(blocks[:_DATE_LINE_SCAN]):
        if is_date_line(block.text):
            found = find_date(block.text)
            removed.append(block.text)
            return (found.value if found else None), blocks[:i] + blocks[i + 1:]
    for block in blocks[:_DATE_LINE_SCAN]:
        found = find_date(block.text[:120])
        if (found and found.start <= 60 and not re.search(r"[.!?]\s", block.text[: found.start])
                and _AFTER_DATELINE_DATE.match(block.text[found.end:])):
            return found.value, blocks
    return None, blocks


def _year_from_text(day: tuple[int, int], text: str) -> dt.date | None:
    """A yearless dateline's day in the year of the full dates the article gives (the one
    nearest them), when it gives any."""
    years = {f.value for f in (find_date(m.group(0)) for m in DATE_RE.finditer(text)) if f}
    options = [d for y in {v.year for v in years} | {v.year - 1 for v in years} if (d := _in_year(y, day))]
    if not options:
        return None
    return min(options, key=lambda d: (min(abs((d - v).days) for v in years), d))


def latest_text_date(articles: list[Article]) -> dt.date | None:
    """The latest full date ("March 3, 2024") the articles report in a sentence that does not
    look ahead: when nothing dates a set, the day its news was written is about then."""
    found: list[dt.date] = []
    for article in articles:
        text = article.text
        for m in DATE_RE.finditer(text):
            value = find_date(m.group(0))
            if value and not _AHEAD_CUE.search(text[max(0, m.start() - _CUE_REACH): m.start()]):
                found.append(value.value)
    return max(found, default=None)


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
    basis = CONTEXT_BASIS
    if reference is None:
        reference, basis = latest_text_date(articles), TEXT_BASIS
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
            out.append(dataclasses.replace(a, published=reference, published_inferred=True, published_basis=basis))
    return out
