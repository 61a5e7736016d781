"""The HTML reader: article text and metadata through trafilatura, furniture dropped."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.decode import read_text
from generator.ingest.html_reader import read_html
from tests.ingest.conftest import HARBOUR


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
