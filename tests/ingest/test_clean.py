"""Boilerplate removal, subheads and social posts on the seeds, Wikinews and our articles."""
from __future__ import annotations


import pytest

from generator.ingest import load_article
from generator.ingest.clean import clean_body, is_boilerplate, split_glued
from generator.ingest.readers import Unit
from tests.ingest.conftest import FERRY, GUM, SEED_000, SEED_002, by_file


@pytest.mark.quality
def test_seed_boilerplate_is_gone(seed_set, gold):
    for name, expected in gold["articles"].items():
        article = by_file(seed_set, name)
        removed = "\n".join(article.removed)
        for phrase in expected.get("boilerplate", []):
            assert phrase not in article.text, (name, phrase)
            assert phrase in removed, (name, phrase)


@pytest.mark.quality
def test_seed_subheads_match_gold(seed_set, gold):
    for name, expected in gold["articles"].items():
        article = by_file(seed_set, name)
        assert [b.text for b in article.blocks if b.kind == "subhead"] == expected["subheads"], name


def test_seed_byline_line_and_headline_are_not_content(seed_set):
    article = by_file(seed_set, SEED_000.name)
    assert article.blocks[0].text.startswith("NATO Secretary General Mark Rutte arrived in Ankara")
    assert "Middle East, News" not in article.text
    assert article.text.endswith("but as a pillar of NATO’s 21st-century architecture.")


def test_embedded_post_with_attribution(seed_set):
    article = by_file(seed_set, SEED_000.name)
    posts = [b for b in article.blocks if b.kind == "post"]
    assert len(posts) == 1
    post = posts[0]
    assert post.attribution == "— Mark Rutte (@SecGenNATO) May 13, 2025"
    assert post.text.startswith("Excellent to meet with President @RTErdogan in Ankara today")
    assert post.text.endswith("real window of opportunity for progress towards peace.")
    assert "pic.twitter" not in article.text and "(@SecGenNATO)" not in article.text


def test_glued_comment_prompt_is_split_off_and_the_sentence_survives(tmp_path):
    # Two articles pasted into one file: the prompt closing the first runs into the lead of
    # the second ("Leave a commentTurkish President …").
    path = tmp_path / "pasted.txt"
    path.write_bytes(SEED_000.read_bytes() + SEED_002.read_bytes())
    article = load_article(path, "s1")
    assert "Leave a comment" not in article.text
    assert "Leave a comment" in article.removed
    lead = "Turkish President Recep Tayyip Erdogan has reiterated support for the Russia-Ukraine ceasefire"
    assert any(b.text.startswith(lead) for b in article.blocks)


def test_split_glued_leaves_running_text_alone():
    removed: list[str] = []
    unit = Unit("Readers can leave a comment below the article, the editor said, and 5 minute read times are shown.")
    assert split_glued([unit], removed) == [unit] and removed == []


@pytest.mark.parametrize(
    "line",
    [
        "Share this:",
        "Click to share on Facebook (Opens in new window)",
        "Read more: Port pay talks resume after two-week pause",
        "Follow us on Facebook and Instagram for the latest updates",
        "Subscribe to our daily newsletter",
        "(Reporting by Jane Okafor; Editing by Mark Ellison)",
        "4 min read",
        "pic.twitter.com/lopF9rpEgA",
        "© 2024 The Harbour Daily. All rights reserved.",
        "Advertisement",
        "BREAKING NEWS:",
        "Live updates",
        "No comments yet",
        "3 Comments",
        "Associated Press writer Maria Lopez in Eastmere contributed to this report.",
        "Copyright 2024 Coastal Wire. Redistribution prohibited.",
        "Related stories: Port pay talks resume after two-week pause",
    ],
)
def test_furniture_lines_are_boilerplate(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        # content that merely starts like a prompt
        "Subscribers to the service complained that deliveries were late.",
        "Share prices of the port operator fell 4% on Thursday after the union announced the strike.",
        "Read the full statement, the union said, and judge for yourselves whether the offer is fair.",
        "Turkey’s balancing act",
        "No comment was made by the ministry.",
        "No comments on the proposal were received before the deadline, the council said.",
        "Related efforts by the union to reopen talks were blocked.",
        "Copyright infringement cases rose by a tenth last year.",
        "Reporting by the local broadcaster revealed that the ferry had been inspected in May.",
    ],
)
def test_content_lines_are_not_boilerplate(line):
    assert not is_boilerplate(line)


def test_wire_story_furniture_removed(harbour_set):
    article = by_file(harbour_set, "001_coastal-wire.txt")
    for junk in ("Share this", "Click to share", "Read more", "Reporting by", "Follow us", "Subscribe", "min read", "World, Business"):
        assert junk not in article.text, junk
    assert [b.text for b in article.blocks if b.kind == "subhead"] == ["What happens next"]
    assert article.blocks[0].text.startswith("PORTHAVEN, March 6 (Coastal Wire) - Dock workers")


def test_post_in_bom_file_and_subhead(harbour_set):
    article = by_file(harbour_set, "005_bom-bulletin.txt")
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "paragraph", "subhead", "paragraph", "post", "paragraph"]
    post = article.blocks[4]
    assert post.attribution == "— Porthaven Port Authority (@PorthavenPort) March 7, 2024"
    assert post.text.endswith("Customers should contact their shipping line for updates.")
    assert "pic.twitter.com/Xy12AbC9dE" in article.removed


def _gum(name: str):
    return load_article(GUM / name, "s1")


def test_wikinews_media_credits_are_stripped_from_captions():
    article = _gum("expo.md")
    assert "Image: Nick Moreau" not in article.text
    assert any(b.text == "A showdown at the 501st Legion booth." for b in article.blocks)


def test_wikinews_sources_section_is_cut():
    article = _gum("sensitive.md")
    assert "Sources" in article.removed
    assert "CBC.ca" not in article.text and "Categories:" not in article.text
    assert article.blocks[-1].kind == "paragraph"


def test_wikinews_subheads_and_captions():
    warhol = _gum("warhol.md")
    assert [b.text for b in warhol.blocks if b.kind == "subhead"] == [
        "University exhibits", "Superstars", "Warhol's photographic legacy", "USI exhibit"
    ]
    # A short line above all running text is a caption, not a subhead.
    stampede = _gum("stampede.md")
    assert stampede.blocks[0].text == "The Plains of Arafat on the day of Hajj"
    assert stampede.blocks[0].kind == "paragraph"


def test_markup_headings_are_subheads_even_with_question_marks(harbour_set):
    article = by_file(harbour_set, "002_portside-news.md")
    assert [b.text for b in article.blocks if b.kind == "subhead"] == ["Why are workers striking?", "What does the port say?"]
    assert "Subscribe to Portside News" not in article.text


def test_run_of_short_lines_is_not_a_set_of_subheads():
    units = [Unit(t) for t in (
        "The match results of the day were as follows.",
        "Group F — Sweden 1 – 0 Korea Republic",
        "Group G — Belgium 3 – 0 Panama",
        "Group G — Tunisia 1 – 2 England",
        "England's win came from two late goals.",
    )]
    cleaned = clean_body(units, [])
    assert [b.kind for b in cleaned.blocks] == ["paragraph"] * 5


def test_embedded_post_in_html_blockquote():
    article = load_article(FERRY / "01_quay-times.htm", "s1")
    posts = [b for b in article.blocks if b.kind == "post"]
    assert [p.attribution for p in posts] == ["— Westholm Ferries (@WestholmFerries) October 15, 2022"]
    assert posts[0].text.startswith("Our morning sailing from Westholm made contact with the harbour wall")
    assert posts[0].text.endswith("cooperating fully with the authorities.")
    for junk in ("Log in", "Subscribe", "Sign up", "Copyright", "Weather"):
        assert junk not in article.text


def test_attribution_run_into_the_post_text_is_split_off():
    article = load_article(FERRY / "02_harbour-watch.md", "s2")
    post = article.blocks[-1]
    assert post.kind == "post"
    assert post.text == "The ferry operator said it would not comment while the investigation was under way."
    assert post.attribution == "— Westholm Ferries (@WestholmFerries) October 16, 2022"
    assert "t.co/" not in article.text and "Follow us" not in article.text


def test_parenthesised_photo_credit_marks_a_caption():
    units = [Unit(t) for t in (
        "The damaged bow of the ferry at Eastmere quay (Photo by Amir Haddad/Quay Times)",
        "Fourteen passengers were taken to hospital on Saturday, the coastguard said.",
    )]
    removed: list[str] = []
    cleaned = clean_body(units, removed)
    assert cleaned.blocks[0].text == "The damaged bow of the ferry at Eastmere quay"
    assert cleaned.blocks[0].kind == "paragraph"  # a caption, not a subhead
    assert removed == ["(Photo by Amir Haddad/Quay Times)"]


def test_short_post_ending_in_a_hashtag_is_still_a_post():
    units = [Unit(t) for t in (
        "The ferry operator's chief executive thanked the crew on social media.",
        "Proud of every one of our crew today #Westholm",
        "— Hanna Berg (@HannaBergCEO) October 15, 2022",
        "Sailings resumed on Sunday morning.",
    )]
    cleaned = clean_body(units, [])
    assert [b.kind for b in cleaned.blocks] == ["paragraph", "post", "paragraph"]
    assert cleaned.blocks[1].attribution == "— Hanna Berg (@HannaBergCEO) October 15, 2022"
