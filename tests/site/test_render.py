"""The briefing page renderer: escaping, front matter, links back to source sentences."""
from __future__ import annotations

import copy
import re
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

import frontmatter
import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.errors import BriefingError
from generator.render.filters import actor_slug, escape_markdown, human_date, safe_url
from generator.render.page import render_briefing
from generator.render.record import BriefingRecord

ROOT = Path(__file__).resolve().parents[2]

NASTY = (
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    "![img](http://x/y.png)",
    '<a href="javascript:alert(2)">here</a>',
    "<img src=x onerror=alert(3)>",
    "{{ 7*7 }} and {% if true %}x{% endif %}",
    "---\ntitle: hijacked\n---",
    "# heading\n* item\n_under_ **bold** `code`",
    "| a | b |\n| --- | --- |\n| c | d |",
    "<!-- material/tags --> <https://example.org> &amp; &lt;",
    "text {: #id .class } and [^1] and *[HTML]: Hyper",
    "!!! note \"x\"\n    admonition\n=== \"tab\"\n??? details",
    "back\\slash \\* \\\\ end\\",
    "[ref][1]\n\n[1]: javascript:alert(1)",
    "- starts like a list",
    "1. starts like an ordered list",
    "=== \"tab\"",
    "??? details",
    "!!! note",
    ":   definition",
    "> quote",
)


@lru_cache(maxsize=1)
def _site_markdown() -> markdown.Markdown:
    """Python-Markdown configured with exactly the extensions mkdocs.yml enables."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def _render(text: str) -> _Tags:
    md = _site_markdown()
    md.reset()
    parser = _Tags()
    parser.feed(md.convert(text))
    return parser


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_renders_as_one_plain_paragraph(text):
    out = _render(escape_markdown(text))
    assert out.tags == ["p"]
    assert "".join(out.text) == " ".join(text.split())


@pytest.mark.parametrize("text", NASTY)
def test_escaped_text_stays_plain_inside_list_items_and_table_cells(text):
    out = _render(f"- item {escape_markdown(text)} [s1](#s1)\n")
    assert out.tags == ["ul", "li", "a"]
    table = _render(f"| A | B |\n| --- | --- |\n| {escape_markdown(text)} | x |\n")
    assert table.tags.count("td") == 2 and "a" not in table.tags and "img" not in table.tags


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")) | st.sampled_from("<>&[]()*_`#|{}\\!-:\n"), max_size=60))
def test_any_text_round_trips_through_markdown(text):
    out = _render(escape_markdown(text))
    assert set(out.tags) <= {"p"}
    assert "".join(out.text).strip() == " ".join(text.split())
    # ... also where templates print it at a line's start inside an indented block.
    nested = _render(f"- item\n\n    {escape_markdown(text)}\n")
    assert set(nested.tags) <= {"ul", "li", "p"}
    assert "".join(nested.text).replace("item", "", 1).strip() == " ".join(text.split())


def test_jinja_never_evaluates_article_text(fixture_record):
    record = copy.deepcopy(fixture_record)
    record["statements"][0]["text"] = "It is {{ 7*7 }} {% if true %}yes{% endif %} {# c #}"
    page = render_briefing(BriefingRecord.from_dict(record))
    assert "49" not in page.split("## Key statements")[1].split("## Open questions")[0]
    assert r"\{\{ 7\*7 \}\} \{% if true %\}yes\{% endif %\} \{\# c \#\}" in page


def test_front_matter_keys_in_order_and_injection_stays_inside_values(fixture_record):
    record = copy.deepcopy(fixture_record)
    record["title"] = "Title\n---\nlocked: true\n---\n# <script>alert(1)</script>"
    record["tags"] = ["a: b", "---"]
    page = render_briefing(BriefingRecord.from_dict(record))
    post = frontmatter.loads(page)
    assert list(post.metadata) == [
        "title", "slug", "date", "updated", "status", "tags", "actors", "places", "sources", "generator", "description",
    ]
    assert post["status"] == "generated"
    assert "locked" not in post.metadata
    assert post["title"] == "Title --- locked: true --- # &lt;script&gt;alert(1)&lt;/script&gt;"
    assert post["tags"] == ["a: b", "---"]
    assert post.content.startswith("# Title --- locked: true --- \\# &lt;script&gt;")
    assert post["sources"][0] == {
        "id": "s1", "title": record["sources"][0]["title"], "outlet": None, "published": "2025-05-14", "url": None,
    }


def test_every_finding_links_to_its_source_sentences(fixture_record):
    page = render_briefing(BriefingRecord.from_dict(fixture_record))
    refs = dict(re.findall(r"^\[([^\]]+)\]: (\S+)", page, flags=re.M))
    slug = fixture_record["set"]
    for key in ("summary", "statements", "open_questions"):
        for item in fixture_record[key]:
            firsts = {}
            for anchor in item["anchors"]:  # one link per source: its first sentence
                firsts.setdefault(anchor.split("-")[0], anchor)
            for source, anchor in firsts.items():
                assert f"[{source}][{anchor}]" in page
                assert refs[anchor] == f"sources/{slug}.md#{anchor}"
    for ev in fixture_record["timeline"]:
        for source in ev["sources"]:
            assert refs[source] == f"sources/{slug}.md#{source}"


def test_sections_in_reading_order_and_speakers_link_to_actor_pages(fixture_record):
    page = render_briefing(BriefingRecord.from_dict(fixture_record))
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    assert headings == ["Key statements", "Open questions", "Actors", "Timeline", "Sources"]
    assert page.index("!!! abstract") < page.index("## Key statements")
    actors = {a["name"] for a in fixture_record["actors"]}
    for statement in fixture_record["statements"]:
        if statement["speaker"] in actors:
            assert f"### [{statement['speaker']}](actors/{actor_slug(statement['speaker'])}.md)" in page
    speakers = {st["speaker"] for st in fixture_record["statements"]}
    for actor in fixture_record["actors"]:
        name, slug = escape_markdown(actor["name"]), actor_slug(actor["name"])
        if actor["name"] in speakers:  # a speaker has an actor page
            assert f"| [{name}](actors/{slug}.md) |" in page
        else:  # an actor who only appears is anchored here, where the actors index links
            assert f'| <span id="actor-{slug}"></span>{name} |' in page
            assert f"actors/{slug}.md" not in page


def test_a_speaker_found_through_a_pronoun_is_marked(fixture_record):
    """The page says where it is unsure: a speaker the text names only as "he" or "they"."""
    record = copy.deepcopy(fixture_record)
    record["statements"][0]["speaker_via"] = "pronoun"
    section = render_briefing(BriefingRecord.from_dict(record)).split("## Key statements")[1].split("## Open questions")[0]
    assert section.count("*(speaker inferred from a pronoun)*") == 1
    plain = render_briefing(BriefingRecord.from_dict(fixture_record))
    assert "speaker inferred" not in plain
    assert "speaker_via" not in BriefingRecord.from_dict(fixture_record).to_json()  # left out when None


def test_rendering_is_deterministic(fixture_record):
    assert render_briefing(BriefingRecord.from_dict(fixture_record)) == render_briefing(BriefingRecord.from_dict(copy.deepcopy(fixture_record)))


@pytest.mark.parametrize("slug", ["index", "tags", "../x", ".generated", ""])
def test_set_names_that_cannot_be_pages_are_refused(fixture_record, slug):
    record = dict(fixture_record, set=slug)
    with pytest.raises(BriefingError, match="cannot be a page name"):
        render_briefing(BriefingRecord.from_dict(record))


def test_source_links_only_for_plain_anchors(fixture_record):
    record = copy.deepcopy(fixture_record)
    record["statements"][0]["anchors"] = ["s1-3", "../../x-1", "s1-3#y", "javascript:alert(1)"]
    page = render_briefing(BriefingRecord.from_dict(record))
    assert "javascript" not in page.lower().replace("javascript\\:", "")
    assert "../../x" not in page


def test_only_http_urls_become_links():
    assert safe_url("https://example.org/a b?q=(1)") == "https://example.org/a%20b?q=%281%29"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url(None) is None


@pytest.mark.parametrize(
    ("iso", "shown"), [("2025-05-13", "13 May 2025"), ("2025-06", "June 2025"), ("2025", "2025"), (None, "")]
)
def test_dates_read_at_their_precision(iso, shown):
    assert human_date(iso) == shown


def test_escaped_html_entities_show_as_typed():
    assert "".join(_render(escape_markdown("&lt;b&gt; & <b>")).text) == "&lt;b&gt; & <b>"
