"""The Markdown reader: front matter fields, their errors, headings and inline markup."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.decode import read_text
from generator.ingest.markdown_reader import read_md
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


def test_markdown_without_front_matter_lists_quotes_and_setext_headings(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text(
        "Council sets out flood plan\n"
        "===========================\n\n"
        "The council published its flood plan on *Monday*. Its main points:\n\n"
        "- a two-kilometre wall along the harbour;\n"
        "- pumps at the [old mill](https://example.org/mill);\n\n"
        "Costs\n"
        "-----\n\n"
        "> \"We will not know the final cost until the tender closes,\"\n"
        "> the treasurer said.\n",
        encoding="utf-8",
    )
    raw = read_md(path, read_text(path).text)
    assert raw.stated.title is None and raw.stated.basis is None
    assert [(u.heading, u.level, u.text) for u in raw.units] == [
        (True, 1, "Council sets out flood plan"),
        (False, 0, "The council published its flood plan on Monday. Its main points:"),
        (False, 0, "a two-kilometre wall along the harbour;"),
        (False, 0, "pumps at the old mill;"),
        (True, 2, "Costs"),
        (False, 0, '"We will not know the final cost until the tender closes," the treasurer said.'),
    ]
