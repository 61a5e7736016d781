"""Titles that read as headlines (issue 11, class 5): the headline the address spells beats a
site name or teaser above it; bylines, agency tags and datelines never open a title; brand
logo alt text is page furniture. Invented pages written to disk."""
from __future__ import annotations

import pytest

from generator.ingest import load_article
from generator.ingest.clean import is_boilerplate
from generator.ingest.headline import slug_words, spells_slug
from generator.ingest.metadata import strip_dateline, title_from_text

BODY = ("The river authority closed the northern lock on Tuesday after a barge struck its gate, "
        "officials said, and traffic was diverted through the old canal.\n\n"
        "Repairs are expected to take two weeks, the authority said in a statement on its website, "
        "adding that inspectors found cracks in two hinges.\n\n"
        "Shipping firms said the closure would delay grain cargoes bound for the coast.\n")


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_slug_words():
    assert slug_words("https://news.example.org/2025/10/01/barge-strikes-lock-gate-river-closed") == [
        "barge", "strikes", "lock", "gate", "river", "closed"]
    assert slug_words("https://example.org/world/lock-closed-after-barge-crash-12345.html") == [
        "lock", "closed", "after", "barge", "crash"]
    assert slug_words("https://example.org/news/world") == []
    assert slug_words("https://example.org/?p=1234") == []


def test_line_spelling_the_slug():
    slug = slug_words("https://example.org/barges-lock-closed-after-crash-on-river")
    assert spells_slug("Barge’s lock closed after crash on river", slug)
    assert not spells_slug("Metro Daily News", slug)


def test_address_headline_beats_a_site_name_above_it(tmp_path):
    page = ("---\nurl: https://example.org/world/northern-lock-closed-after-barge-strikes-gate\n---\n\n"
            "Metro Daily News\n\nActions\n\nNorthern lock closed after barge strikes gate\n\n" + BODY)
    article = load_article(_write(tmp_path, "a.md", page), "s1")
    assert article.title == "Northern lock closed after barge strikes gate"
    assert article.title_basis == "headline"
    assert "Metro Daily News" not in article.text and "Actions" not in article.text
    assert article.text.startswith("The river authority closed")


def test_address_headline_below_a_teaser_with_a_byline(tmp_path):
    page = ("---\nurl: https://example.org/lock-closure-tests-shippers-patience\n---\n\n"
            "By Jane Roe and John Doe PORTVALE (Harbour Wire) -The river authority closed the lock […]\n"
            "Business\nLock closure tests shippers’ patience\nBy Jane Roe and John Doe\n"
            "PORTVALE (Harbour Wire) - " + BODY)
    article = load_article(_write(tmp_path, "a.md", page), "s1")
    assert article.title == "Lock closure tests shippers’ patience"
    assert "[…]" not in article.text


def test_a_slug_that_no_line_spells_changes_nothing(tmp_path):
    page = "---\nurl: https://example.org/news/story-19717439.php\n---\n\n" + BODY
    article = load_article(_write(tmp_path, "a.md", page), "s1")
    assert article.title_basis == "lead" and article.text.startswith("The river authority")


@pytest.mark.parametrize(
    "lead, title",
    [
        ("By Jane Roe and John Doe PORTVALE (Harbour Wire) -The river authority closed the lock on Tuesday.",
         "The river authority closed the lock on Tuesday"),
        ("(Harbour Wire) The river authority closed the lock on Tuesday.", "The river authority closed the lock on Tuesday"),
        ("Aug 24 – (Wire/Agency) — The river authority closed the lock.", "The river authority closed the lock"),
        ("PORTVALE, Norland: At least six barges were stranded on Tuesday.", "At least six barges were stranded on Tuesday"),
        ("PORTVALE (Harbour Wire) : The river authority closed the lock.", "The river authority closed the lock"),
    ],
)
def test_titles_from_leads_drop_bylines_and_datelines(lead, title):
    assert title_from_text(lead) == title


def test_a_clause_cut_that_leaves_a_fragment_is_not_taken():
    lead = ("Norland’s river authority, Rivco, has closed the northern lock for two weeks after a barge "
            "struck its gate on Tuesday, officials said.")
    assert title_from_text(lead).startswith("Norland’s river authority, Rivco, has closed")


def test_summary_datelines_are_stripped():
    assert strip_dateline("PORTVALE, Norland (Harbour Wire) — The lock closed.") == "The lock closed."


def test_logo_alt_text_is_furniture():
    assert is_boilerplate("Metro Daily LogoMetro Group Logo")
    assert not is_boilerplate("Club Unveils New Logo")


def test_bare_page_headline_below_a_site_name_and_menu(tmp_path):
    page = ("Metro Daily\n\nActions\n\nBarge strikes lock gate on the northern canal. Repairs to take weeks\n\n"
            "Shippers brace for delays\n\n" + BODY)
    article = load_article(_write(tmp_path, "a.txt", page), "s1")
    assert article.title == "Barge strikes lock gate on the northern canal. Repairs to take weeks"
    assert article.text.startswith("Shippers brace for delays") or article.text.startswith("The river")
    assert "Metro Daily" not in article.text


def test_bare_page_headline_below_a_teaser(tmp_path):
    page = ("By Jane Roe PORTVALE (Harbour Wire) -The river authority closed the lock, a blow to shippers […]\n\n"
            "Business\n\nLock closure tests shippers’ patience\n\n" + BODY)
    article = load_article(_write(tmp_path, "a.txt", page), "s1")
    assert article.title == "Lock closure tests shippers’ patience"


def test_a_real_short_headline_and_its_lead_stay(tmp_path):
    page = "Lock closed\n\n" + BODY
    article = load_article(_write(tmp_path, "a.txt", page), "s1")
    assert article.title == "Lock closed" and article.text.startswith("The river authority")
