"""Publication dates from the address, from a dateline without a year and from the set (issue
11, class 1), on invented articles written to disk."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest import load_article, load_source_set
from generator.ingest.dates import url_date, url_month

LEAD = ("The river authority closed the northern lock on Tuesday after a barge struck its gate, "
        "officials said.\n\nRepairs are expected to take two weeks, the authority said.\n")


def _md(folder, name, body, **front):
    folder.mkdir(parents=True, exist_ok=True)
    head = "".join(f"{k}: {v}\n" for k, v in front.items())
    (folder / name).write_text((f"---\n{head}---\n\n" if head else "") + body, encoding="utf-8")
    return folder / name


@pytest.mark.parametrize(
    "url, day, month",
    [
        ("https://news.example.org/2025/10/01/lock-closed", dt.date(2025, 10, 1), (2025, 10)),
        ("https://archive.example.com/2025/Nov/04/NEWS/a.shtml", dt.date(2025, 11, 4), (2025, 11)),
        ("https://radio.example.org/2024-09-13/strike-vote", dt.date(2024, 9, 13), (2024, 9)),
        ("https://example.net/2024/08/capsule-return", None, (2024, 8)),
        ("https://example.net/story/2024/13/45/x", None, None),  # no such day
        ("https://example.net/?p=328056", None, None),
    ],
)
def test_dates_in_addresses(url, day, month):
    assert url_date(url) == day
    assert url_month(url) == month


def test_address_dates_an_article_without_a_stated_date(tmp_path):
    path = _md(tmp_path, "a.md", LEAD, url="https://news.example.org/2025/10/01/lock-closed")
    article = load_article(path, "s1")
    assert (article.published, article.published_basis, article.published_inferred) == (
        dt.date(2025, 10, 1), "url", True)


def test_stated_date_wins_over_the_address(tmp_path):
    path = _md(tmp_path, "a.md", LEAD, url="https://news.example.org/2025/10/01/x", published="2025-10-02")
    assert load_article(path, "s1").published == dt.date(2025, 10, 2)


def test_yearless_dateline_takes_the_address_year(tmp_path):
    body = "Aug 24 – (Wire/Agency) — " + LEAD
    path = _md(tmp_path, "a.md", body, url="https://example.net/2024/08/lock-closed")
    article = load_article(path, "s1")
    assert (article.published, article.published_basis) == (dt.date(2024, 8, 24), "dateline")


def test_yearless_dateline_takes_the_set_year(tmp_path):
    folder = tmp_path / "set"
    _md(folder, "001_a.md", LEAD, published="2025-01-03")
    _md(folder, "002_b.txt", "PORTVALE, Dec. 30 (Harbour Wire) -- " + LEAD)
    second = load_source_set(folder).articles[1]
    # 30 December after a reference of 3 January is the year before
    assert (second.published, second.published_basis) == (dt.date(2024, 12, 30), "dateline")


def test_text_dates_set_the_context_before_address_dates(tmp_path):
    folder = tmp_path / "set"
    _md(folder, "001_a.md", LEAD, published="2025-11-03")
    _md(folder, "002_b.md", LEAD, url="https://example.com/2025/11/04/b")
    _md(folder, "003_c.md", LEAD)
    third = load_source_set(folder).articles[2]
    assert (third.published, third.published_basis) == (dt.date(2025, 11, 3), "set context")
