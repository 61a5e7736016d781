"""Headline, dateline, byline and outlet inference; titles derived from the lead."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.ingest.dates import find_date, is_date_line
from generator.ingest.metadata import (
    first_sentence,
    is_headline,
    outlet_from_url,
    read_header,
    title_from_text,
)
from generator.ingest.readers import Stated, Unit
from tests.ingest.conftest import SEED_002, GUM


@pytest.mark.parametrize(
    "line, value, only_date",
    [
        ("Monday, May 18, 2015", dt.date(2015, 5, 18), True),
        ("Friday, 8 March 2024", dt.date(2024, 3, 8), True),
        ("Published: 6 March 2024", dt.date(2024, 3, 6), True),
        ("Updated 7 March 2024 10:15 GMT", dt.date(2024, 3, 7), True),
        ("Europe, Middle East, News May 14, 2025 No Comments on NATO chief Rutte visits Turkiye", dt.date(2025, 5, 14), False),
        ("Thursday, May 7, 2015 On Tuesday, the New Zealand government announced the start", dt.date(2015, 5, 7), False),
        ("Columbia was lost tragically back on February 1, 2003 when it disintegrated", dt.date(2003, 2, 1), False),
        ("The first referendum is to be held from November 20 to December 11.", None, False),
    ],
)
def test_dates_in_lines(line, value, only_date):
    found = find_date(line)
    assert (found.value if found else None) == value
    assert is_date_line(line) is only_date


def _header(lines: list[str], stated: Stated = Stated()):
    removed: list[str] = []
    header = read_header([Unit(t) for t in lines], stated, removed)
    return header, removed


def test_seed_headline_and_byline_line():
    header, removed = _header([
        "NATO chief Rutte visits Turkiye to meet Erdogan, hails Ankara as ‘staunch and capable ally’",
        "Europe, Middle East, News May 14, 2025 No Comments on NATO chief Rutte visits Turkiye to meet Erdogan, hails Ankara as ‘staunch and capable ally’",
        "NATO Secretary General Mark Rutte arrived in Ankara to meet with Turkish President Recep Tayyip Erdoğan on May 13, 2025.",
    ])
    assert header.title.startswith("NATO chief Rutte visits Turkiye")
    assert header.published == dt.date(2025, 5, 14)
    assert len(header.body) == 1 and header.body[0].text.startswith("NATO Secretary General")
    assert removed[0].startswith("Europe, Middle East, News")


def test_lead_sentence_is_not_a_headline():
    lines = [u for u in SEED_002.read_text("utf-8").split("\n") if u.strip()]
    header, removed = _header(lines)
    assert header.title is None and header.published is None and removed == []
    assert len(header.body) == len(lines)


def test_wire_byline_and_category_line():
    header, removed = _header([
        "World, Business, Transport",
        "Port of Porthaven braces for strike as pay talks stall",
        "By Jane Okafor | Coastal Wire",
        "Published: 6 March 2024",
        "4 min read",
        "PORTHAVEN, March 6 (Coastal Wire) - Dock workers at the Port of Porthaven will strike from Wednesday night.",
    ])
    assert header.title == "Port of Porthaven braces for strike as pay talks stall"
    assert (header.author, header.outlet, header.published) == ("Jane Okafor", "Coastal Wire", dt.date(2024, 3, 6))
    assert removed == ["World, Business, Transport", "By Jane Okafor | Coastal Wire", "Published: 6 March 2024", "4 min read"]


def test_title_case_headline_with_comma_is_not_a_category_line():
    header, removed = _header([
        "Strike Ends, Talks Resume",
        "By Jane Okafor | Coastal Wire",
        "Dock workers at Porthaven returned to work on Monday after the union accepted a revised offer.",
    ])
    assert header.title == "Strike Ends, Talks Resume"
    assert removed == ["By Jane Okafor | Coastal Wire"]


@pytest.mark.parametrize(
    "line, author",
    [
        ("Posted by admin on May 14, 2025", None),
        ("May 14, 2025 by Jane Okafor", "Jane Okafor"),
        ("Jane Okafor | May 14, 2025", None),
        ("Published by Jane Okafor on 14 May 2025, 09:12", "Jane Okafor"),
        ("Updated 3 hours ago", None),
    ],
)
def test_blog_style_date_and_author_lines(line, author):
    header, removed = _header([
        "Ferry service suspended after harbour collision",
        line,
        "Sailings between Westholm and Eastmere were cancelled on Saturday after a ferry hit the harbour wall.",
    ])
    assert removed == [line]
    assert header.author == author
    assert header.published == (None if "ago" in line else dt.date(2025, 5, 14))
    assert header.body[0].text.startswith("Sailings between Westholm")


def test_byline_role_is_not_an_outlet_and_wire_dateline_gives_one():
    header, _ = _header([
        "By Priya Nandakumar, Transport Correspondent",
        "LONDON (Harbour Wire) - Around 1,200 dock workers walked off the job on Wednesday night.",
    ])
    assert header.author == "Priya Nandakumar"
    assert header.outlet == "Harbour Wire"


def test_lead_starting_with_by_is_not_a_byline():
    header, removed = _header(["By Tuesday night, about 300 workers had gathered outside the main gate."])
    assert header.author is None and removed == []


def test_wikinews_dateline_glued_to_the_lead():
    text = (GUM / "flag.md").read_text("utf-8").split("---", 2)[2].strip().split("\n")[0]
    header, removed = _header([text], Stated(title="New Zealand begins process to consider changing national flag design"))
    assert removed == ["Thursday, May 7, 2015"]
    assert header.body[0].text.startswith("On Tuesday, the New Zealand government announced")


def test_stated_title_repeated_as_heading_is_dropped():
    header, removed = _header(
        ["Dock workers walk out as port talks collapse", "Around 1,200 dock workers walked off the job."],
        Stated(title="Dock Workers Walk Out as Port Talks Collapse"),
    )
    assert header.title == "Dock workers walk out as port talks collapse"
    assert [u.text for u in header.body] == ["Around 1,200 dock workers walked off the job."]
    assert removed == []


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Strikers promise to stay out “as long as it takes”", True),
        ("Will the port reopen before Monday?", True),
        ("The discussions focused on developments in the Ukraine-Russia war and global and regional issues.", False),
        ("Sandbags", False),
    ],
)
def test_is_headline(line, expected):
    assert is_headline(line) is expected


def test_title_from_lead_is_cut_at_a_clause():
    lead = SEED_002.read_text("utf-8").split("\n")[0]
    assert title_from_text(lead) == (
        "Turkish President Recep Tayyip Erdogan has reiterated support for the Russia-Ukraine ceasefire"
    )


def test_title_from_lead_without_clause_is_cut_at_a_word():
    lead = (
        "Shipping lines began diverting vessels away from Porthaven on Thursday as the dock strike "
        "entered its second day. At least six container ships were waiting offshore."
    )
    title = title_from_text(lead)
    assert title == "Shipping lines began diverting vessels away from Porthaven on Thursday as the dock strike…"
    assert len(title) <= 91


def test_short_first_sentence_is_the_title():
    assert title_from_text("Temporary flood barriers went up overnight. Crews worked until dawn.") == (
        "Temporary flood barriers went up overnight"
    )


@pytest.mark.parametrize(
    "lead, title",
    [
        (
            "PORTHAVEN, March 6 (Coastal Wire) - Dock workers at the Port of Porthaven will strike from Wednesday night.",
            "Dock workers at the Port of Porthaven will strike from Wednesday night",
        ),
        (
            "Evansville, Indiana, United States - This past week marked the opening night of an Andy Warhol exhibit.",
            "This past week marked the opening night of an Andy Warhol exhibit",
        ),
        (
            "Officials said - without giving details - that the bridge would reopen.",
            "Officials said - without giving details - that the bridge would reopen",
        ),
    ],
)
def test_title_from_lead_drops_the_dateline(lead, title):
    assert title_from_text(lead) == title


def test_first_sentence_skips_abbreviations():
    text = (
        "A high-level meeting involving Putin, Ukrainian President Zelenskyy, and U.S. President Donald Trump "
        "is reportedly being considered for Thursday in Istanbul. No confirmation has been made."
    )
    assert first_sentence(text).endswith("for Thursday in Istanbul.")
    assert first_sentence("Mr. Key promoted the campaign on Waitangi Day. It was popular.") == (
        "Mr. Key promoted the campaign on Waitangi Day."
    )


@pytest.mark.parametrize(
    "url, outlet",
    [
        ("https://www.harbourdaily.example.com/news/2024/03/x", "harbourdaily.example.com"),
        ("https://en.wikinews.org/wiki/Hackers_attack", "en.wikinews.org"),
        ("m.example.org/story", "example.org"),
        (None, None),
    ],
)
def test_outlet_from_url(url, outlet):
    assert outlet_from_url(url) == outlet
