"""The site's own pages: what they list, actor merging, the feed, stale pages, the build."""
from __future__ import annotations

import copy
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import frontmatter
import pytest

from generator.errors import BriefingError
from generator.pipeline.write import publish_site_pages
from generator.publish.mkdocs import build_site
from generator.render.filters import actor_slug
from generator.render.page import render_briefing
from generator.render.record import BriefingRecord
from generator.render.site_actors import merge_actors
from generator.render.site_pages import MARKER, site_pages

ROOT = Path(__file__).resolve().parents[2]
ATOM = "{http://www.w3.org/2005/Atom}"


def _second_record(record: dict) -> dict:
    """Another briefing naming one actor differently (an alias) and one actor the same."""
    other = copy.deepcopy(record)
    other.update(set="second-set", title="A later meeting", date="2025-06-24", updated="2025-06-25", tags=["NATO"])
    erdogan = next(a for a in other["actors"] if a["name"].startswith("Recep"))
    erdogan["name"] = "Erdogan"  # an alias of the first briefing's actor
    erdogan["aliases"] = ["President Erdogan"]
    for st in other["statements"]:
        if st["speaker"].startswith("Recep"):
            st["speaker"] = "Erdogan"
    return other


def test_pages_cover_every_record(fixture_record):
    pages = site_pages([BriefingRecord.from_dict(fixture_record)])
    slug = fixture_record["set"]
    sources = pages[f"sources/{slug}.md"]  # one page holds every source of the briefing
    for src in fixture_record["sources"]:
        assert f"{{ #{src['id']} }}" in sources
    speakers = {st["speaker"] for st in fixture_record["statements"]}
    for actor in fixture_record["actors"]:
        # one briefing: only those who speak get a page; the others are anchored on the briefing
        assert (f"actors/{actor_slug(actor['name'])}.md" in pages) == (actor["name"] in speakers)
    for name in ("index.md", "questions.md", "timeline.md", "tags.md", "actors/index.md", "archive/index.md",
                 "archive/2025-05.md", "questions/2025-05.md", "timeline/2025.md", "feed.xml"):
        assert name in pages
    assert "<!-- material/tags -->" in pages["tags.md"]
    home = pages["index.md"]
    assert f"]({slug}.md)" in home and "2 sources · 4 open questions" in home
    for q in fixture_record["open_questions"]:
        assert q["text"].split()[1] in home and q["text"].split()[1] in pages["questions/2025-05.md"]


def test_home_lists_latest_first_and_questions_of_every_briefing(fixture_record):
    other = _second_record(fixture_record)
    home = site_pages([BriefingRecord.from_dict(fixture_record), BriefingRecord.from_dict(other)])["index.md"]
    assert home.index("(second-set.md)") < home.index(f"({fixture_record['set']}.md)")
    assert home.count("bs-badge--") == 2 * len(fixture_record["open_questions"])


def test_source_page_anchors_every_sentence_once(fixture_record):
    src = fixture_record["sources"][0]
    page = site_pages([BriefingRecord.from_dict(fixture_record)])[f"sources/{fixture_record['set']}.md"]
    for block in src["blocks"]:
        for sent in block["sentences"]:
            anchor = f"{src['id']}-{sent['index']}"
            assert page.count(f'id="{anchor}"') + page.count(f"#{anchor} ") == 1, anchor
    assert f"](../{fixture_record['set']}.md)" in page


def test_actors_merge_across_briefings_by_name_and_alias(fixture_record):
    other = _second_record(fixture_record)
    merged = {a.slug: a for a in merge_actors([BriefingRecord.from_dict(fixture_record), BriefingRecord.from_dict(other)])}
    erdogan = merged["recep-tayyip-erdogan"]
    assert erdogan.names == ["Erdogan", "Recep Tayyip Erdoğan"]
    assert sorted(rec.set for rec, _ in erdogan.entries) == ["rutte-erdogan-ankara", "second-set"]
    assert "erdogan" not in merged  # one actor, not two
    pages = site_pages([BriefingRecord.from_dict(fixture_record), BriefingRecord.from_dict(other)])
    page = pages["actors/recep-tayyip-erdogan.md"]
    assert "(../second-set.md)" in page and f"(../{fixture_record['set']}.md)" in page
    said = [st for st in fixture_record["statements"] if st["speaker"].startswith("Recep")]
    by_briefing = page.split("## Across briefings, by date")[0]
    assert by_briefing.count("\n- “") + by_briefing.count(" — *reported*") == 2 * len(said)
    # and once more in the dated list across briefings
    dated = page.split("## Across briefings, by date")[1].split("## Briefings")[0]
    assert dated.count("\n- **") == 2 * len(said)
    # the second briefing links to actors/erdogan.md: it exists and points to the merged page
    assert "](actors/erdogan.md)" in render_briefing(BriefingRecord.from_dict(other))
    assert "(recep-tayyip-erdogan.md)" in pages["actors/erdogan.md"]


def test_feed_is_valid_atom_with_record_dates(fixture_record):
    record = copy.deepcopy(fixture_record)
    record["title"] = "A <script>alert(1)</script> & more"
    text = site_pages([BriefingRecord.from_dict(record), BriefingRecord.from_dict(_second_record(record))], site_url="https://example.org/news")["feed.xml"]
    # the committed feed must not flip with the deploy URL (local 127.0.0.1 vs CI's Pages URL)
    assert text == site_pages([BriefingRecord.from_dict(record), BriefingRecord.from_dict(_second_record(record))], site_url="http://127.0.0.1:8000/")["feed.xml"]
    feed = ET.fromstring(text)
    assert feed.tag == f"{ATOM}feed"
    assert feed.find(f"{ATOM}updated").text == "2025-06-25T00:00:00Z"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == ["second-set/", "rutte-erdogan-ankara/"]
    assert len({e.find(f"{ATOM}id").text for e in entries}) == 2
    assert entries[1].find(f"{ATOM}title").text == "A <script>alert(1)</script> & more"
    assert entries[1].find(f"{ATOM}updated").text == "2025-05-14T00:00:00Z"


def test_writing_is_deterministic_and_removes_stale_pages(fixture_record, tmp_path):
    other = _second_record(fixture_record)
    first, second = tmp_path / "a", tmp_path / "b"
    for docs in (first, second):
        docs.mkdir()
        for rec in (fixture_record, other):
            (docs / f"{rec['set']}.md").write_text(render_briefing(BriefingRecord.from_dict(rec)), "utf-8")
    publish_site_pages([BriefingRecord.from_dict(r) for r in [fixture_record, other]], first)
    publish_site_pages([BriefingRecord.from_dict(r) for r in [copy.deepcopy(other), copy.deepcopy(fixture_record)]], second)
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert all((first / f).read_bytes() == (second / f).read_bytes() for f in files)

    hand_made = first / "actors" / "notes.md"
    hand_made.write_text("# Notes an editor keeps here\n", "utf-8")
    (first / "second-set.md").unlink()  # the editor deletes a briefing page
    written = publish_site_pages([BriefingRecord.from_dict(r) for r in [fixture_record, other]], first).written
    assert not (first / "sources" / "second-set").exists()
    assert not (first / "actors" / "erdogan.md").exists()
    assert not (first / "archive" / "2025-06.md").exists()
    assert hand_made.exists()  # not ours: no marker, never removed
    assert all(MARKER in p.read_text("utf-8") for p in written if p.suffix == ".md")


def test_generated_pages_have_title_and_description(fixture_record):
    for name, text in site_pages([BriefingRecord.from_dict(fixture_record)]).items():
        if name.endswith(".md"):
            meta = frontmatter.loads(text).metadata
            assert meta.get("title"), name


def test_reserved_set_names_are_refused(fixture_record):
    with pytest.raises(BriefingError, match="cannot be a page name"):
        site_pages([BriefingRecord.from_dict(dict(fixture_record, set="questions"))])


@pytest.fixture
def project(tmp_path: Path, fixture_record: dict) -> Path:
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", tmp_path / "overrides")
    docs = tmp_path / "briefings"
    (docs / ".generated").mkdir(parents=True)
    (docs / f"{fixture_record['set']}.md").write_text(render_briefing(BriefingRecord.from_dict(fixture_record)), "utf-8")
    (docs / ".generated" / "secret.md").write_text("# not for publication\n", "utf-8")
    publish_site_pages([BriefingRecord.from_dict(r) for r in [fixture_record]], docs)
    return tmp_path


def test_strict_build_passes_and_keeps_generated_folder_private(project, fixture_record):
    build_site(project)
    site = project / "site"
    assert (site / fixture_record["set"] / "index.html").is_file()
    assert (site / "sources" / fixture_record["set"] / "index.html").is_file()
    assert (site / "feed.xml").is_file() and (site / "sitemap.xml").is_file()
    assert not any(".generated" in str(p) for p in site.rglob("*"))
    briefing = (site / fixture_record["set"] / "index.html").read_text("utf-8")
    assert '<meta name="description"' in briefing and 'property="og:title"' in briefing


def test_strict_build_fails_with_mkdocs_message_on_a_broken_anchor(project, fixture_record):
    page = project / "briefings" / f"{fixture_record['set']}.md"
    page.write_text(page.read_text("utf-8") + "\n[gone](sources/rutte-erdogan-ankara.md#s1-9999)\n", "utf-8")
    with pytest.raises(BriefingError, match="does not contain an anchor '#s1-9999'"):
        build_site(project)


def test_index_pages_show_the_title_and_tags_an_editor_set(fixture_record, tmp_path):
    page = tmp_path / f"{fixture_record['set']}.md"
    text = render_briefing(BriefingRecord.from_dict(fixture_record)).replace(
        f"title: {fixture_record['title']}", "title: An editor's title &amp; more", 1
    ).replace("- diplomacy\n", "- edited tag\n", 1)
    page.write_text(text, "utf-8")
    publish_site_pages([BriefingRecord.from_dict(r) for r in [fixture_record]], tmp_path)
    home = (tmp_path / "index.md").read_text("utf-8")
    assert f"**[An editor's title &amp; more]({fixture_record['set']}.md)**" in home
    feed = ET.fromstring((tmp_path / "feed.xml").read_text("utf-8"))
    assert feed.find(f"{ATOM}entry/{ATOM}title").text == "An editor's title & more"
    assert [c.get("term") for c in feed.findall(f"{ATOM}entry/{ATOM}category")] == ["NATO", "edited tag"]


def test_source_page_keeps_one_paragraph_per_block(seed_record):
    """Real pipeline output: each paragraph of the article is its own Markdown paragraph."""
    src = seed_record["sources"][0]
    lines = site_pages([BriefingRecord.from_dict(seed_record)])[f"sources/{seed_record['set']}.md"].split("\n")
    paragraphs = [b for b in src["blocks"] if b["kind"] == "paragraph" and b["sentences"]]
    assert len(paragraphs) > 3
    for block in paragraphs:
        first = f'<span id="{src["id"]}-{block["sentences"][0]["index"]}"'
        at = next(i for i, line in enumerate(lines) if line.startswith(first))
        assert lines[at - 1] == "" and lines[at + 1] == "", f"block starting {first} runs into its neighbours"
