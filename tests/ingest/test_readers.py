"""Readers: Markdown front matter and markup, HTML extraction through trafilatura."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.decode import read_text
from generator.ingest.readers import read_html, read_md
from tests.ingest.conftest import GUM, HARBOUR


def _read_md(path):
    return read_md(path, read_text(path).text)


def test_front_matter_fields_are_stated():
    raw = _read_md(HARBOUR / "002_portside-news.md")
    st = raw.stated
    assert st.title == "Porthaven strike: what we know so far"
    assert st.outlet == "Portside News"
    assert st.author == "Lena Fischer"
    assert st.published == dt.date(2024, 3, 7)
    assert st.url == "https://portside.example.org/2024/03/07/porthaven-strike-explainer"
    assert st.basis == "front matter"


def test_wikinews_front_matter_with_folded_title_and_quoted_date():
    st = _read_md(GUM / "nasa.md").stated
    assert st.title == (
        "NASA celebrates 30th anniversary of first shuttle launch; announces new homes for retired shuttles"
    )
    assert st.published == dt.date(2011, 4, 13)
    assert st.outlet == "Wikinews"


def test_markdown_headings_and_inline_markup():
    units = _read_md(HARBOUR / "002_portside-news.md").units
    headings = [(u.level, u.text) for u in units if u.heading]
    assert headings == [
        (1, "Porthaven strike: what we know so far"),
        (2, "Why are workers striking?"),
        (2, "What does the port say?"),
    ]
    lead = units[1].text
    assert lead == (
        "Dock workers at the Port of Porthaven began a 48-hour strike on Wednesday night after talks "
        "with the port authority broke down, the union said."
    )
    assert not any("**" in u.text or "](" in u.text or u.text.startswith(">") for u in units)
    assert '"We want our people back at work and our customers served," the spokesperson said.' in [u.text for u in units]


@pytest.mark.parametrize(
    "front, fragment",
    [
        ("title: [unclosed\n", "malformed front matter"),
        ("title: Strike\npublished: yesterday\n", "front matter field 'published': expected a date such as 2025-05-14 but received: 'yesterday'"),
        ("title: {a: 1}\n", "front matter field 'title': expected a string but received: {'a': 1}"),
    ],
)
def test_bad_front_matter_names_the_file(tmp_path, front, fragment):
    path = tmp_path / "bad.md"
    body = (HARBOUR / "002_portside-news.md").read_text("utf-8").split("---", 2)[2]
    path.write_text(f"---\n{front}---{body}", encoding="utf-8")
    with pytest.raises(InputError) as err:
        _read_md(path)
    message = err.value.format_message()
    assert message.startswith(f"{path}: ") and fragment in message


def test_html_page_keeps_article_and_drops_furniture():
    path = HARBOUR / "003_harbour-daily.html"
    raw = read_html(path, read_text(path).text)
    texts = [u.text for u in raw.units]
    joined = "\n".join(texts)
    for junk in ("Subscribe", "cookies", "Related stories", "Terminal expansion approved", "All rights reserved", "Click to share", "Privacy policy"):
        assert junk not in joined
    assert [u.text for u in raw.units if u.heading and u.level == 2] == ["Pay offer rejected", "Impact on shipping"]
    assert texts[1].startswith("Around 1,200 dock workers")
    assert texts[-1].startswith("A further meeting between the two sides")
    st = raw.stated
    assert (st.title, st.outlet, st.author, st.published, st.basis) == (
        "Dock workers walk out as port talks collapse",
        "The Harbour Daily",
        "Priya Nandakumar",
        dt.date(2024, 3, 7),
        "html metadata",
    )


def test_html_without_article_text_is_an_input_error(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>")
    with pytest.raises(InputError, match="no article text found"):
        read_html(path, path.read_text())


def test_short_html_page_keeps_its_paragraphs(tmp_path):
    path = tmp_path / "short.html"
    path.write_text(
        "<html><head><title>Bridge closed after crash</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        "<h1>Bridge closed after crash</h1>"
        "<p>The Alder bridge was closed on Tuesday after a lorry hit the railing.</p>"
        "<p>Police said no one was hurt.</p>"
        "<footer><p>Copyright 2023 Millbrook Echo</p></footer></body></html>",
        encoding="utf-8",
    )
    raw = read_html(path, path.read_text("utf-8"))
    assert [(u.heading, u.text) for u in raw.units] == [
        (True, "Bridge closed after crash"),
        (False, "The Alder bridge was closed on Tuesday after a lorry hit the railing."),
        (False, "Police said no one was hurt."),
    ]
