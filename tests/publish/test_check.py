"""``briefing check`` logic (generator/publish/check.py) on real briefing pages."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.merge.pages import write_briefing
from generator.publish.check import Problem, check_pages
from tests.merge.test_merge import BASE, NEXT, conflicting_page, edit_all_five, replace_once

SLUG = "rutte-erdogan-ankara"


@pytest.fixture
def docs(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = Path("briefings")
    write_briefing(folder, SLUG, BASE)
    return folder


def page(docs: Path) -> Path:
    return docs / f"{SLUG}.md"


def lines_of(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def test_generated_and_hand_edited_pages_are_valid(docs):
    assert check_pages(docs) == []
    page(docs).write_text(edit_all_five(BASE), "utf-8")
    write_briefing(docs, SLUG, NEXT)
    assert check_pages(docs) == []


def test_a_sources_page_named_like_its_briefing_is_not_a_briefing(docs):
    """``sources/<set>.md`` shares its briefing's name (and so its stored base): only a page at
    the top of the docs folder is a briefing, so the sources page is checked for conflicts only."""
    from generator.render.record import BriefingRecord
    from generator.render.site_pages import site_pages

    root = Path(__file__).resolve().parents[2]
    record = BriefingRecord.from_json((root / "briefings" / ".generated" / f"{SLUG}.json").read_text("utf-8"))
    sources = docs / "sources" / f"{SLUG}.md"
    sources.parent.mkdir()
    sources.write_text(site_pages([record])[f"sources/{SLUG}.md"], "utf-8")
    assert check_pages(docs) == []
    sources.write_text(sources.read_text("utf-8") + "<<<<<<< ours\nx\n=======\ny\n>>>>>>> theirs\n", "utf-8")
    assert {p.path for p in check_pages(docs)} == {str(Path("briefings/sources") / f"{SLUG}.md")}


def test_site_pages_without_slug_or_base_are_not_briefings(docs):
    (docs / "index.md").write_text("---\ntitle: Briefings\n---\n\n# Briefings\n", "utf-8")
    (docs / "about.md").write_text("# About\n\nNo front matter at all.\n", "utf-8")
    assert check_pages(docs) == []


def test_unresolved_conflict_fails_with_its_line(docs):
    page(docs).write_text(conflicting_page(), "utf-8")
    outcome = write_briefing(docs, SLUG, NEXT)
    line = int(outcome.conflicts[0].rsplit(":", 1)[1])
    assert lines_of(check_pages(docs)) == [
        f"briefings/{SLUG}.md:{line}: unresolved merge conflict: keep what you want, then delete the comment block"
    ]


def test_git_conflict_markers_are_problems(docs):
    text = replace_once(BASE, "## Timeline\n", "<<<<<<< HEAD\n## Timeline\n=======\n## Dates\n>>>>>>> other\n")
    page(docs).write_text(text, "utf-8")
    found = check_pages(docs)
    assert [p.message.split(":")[0] for p in found] == ["git conflict marker", "git conflict marker"]
    assert found[0].line == text.splitlines().index("<<<<<<< HEAD") + 1


def test_front_matter_schema_violations_name_the_key_and_its_line(docs):
    text = replace_once(BASE, "tags:\n- nato\n- diplomacy\n", "tags:\n- nato\n- 2025\n")
    text = replace_once(text, "date: '2025-05-13'", "date: 13 May")
    page(docs).write_text(text, "utf-8")
    assert lines_of(check_pages(docs)) == [
        f"briefings/{SLUG}.md:4: front matter `date`: '13 May' does not match '^\\\\d{{4}}(-\\\\d{{2}}(-\\\\d{{2}})?)?$'",
        f"briefings/{SLUG}.md:7: front matter `tags[1]`: 2025 is not of type 'string'",
    ]


def test_unquoted_yaml_dates_are_accepted(docs):
    page(docs).write_text(replace_once(BASE, "date: '2025-05-13'", "date: 2025-05-13"), "utf-8")
    assert check_pages(docs) == []


def test_invalid_yaml_is_reported_at_its_line(docs):
    page(docs).write_text(replace_once(BASE, "status: generated", "status: [reviewed"), "utf-8")
    (problem,) = check_pages(docs)
    assert problem.path == f"briefings/{SLUG}.md" and problem.line in (6, 7)
    assert problem.message.startswith("front matter is not valid YAML")


def test_missing_title_and_wrong_slug(docs):
    text = replace_once(BASE, "slug: rutte-erdogan-ankara", "slug: rutte-in-ankara")
    text = text.replace(text.splitlines(keepends=True)[1], "", 1)  # the title line
    page(docs).write_text(text, "utf-8")
    assert lines_of(check_pages(docs)) == [
        f"briefings/{SLUG}.md:1: front matter: 'title' is a required property",
        f"briefings/{SLUG}.md:2: slug 'rutte-in-ankara' does not match the file name {SLUG}.md",
    ]


def test_missing_stored_generated_version(docs):
    (docs / ".generated" / f"{SLUG}.md").unlink()
    assert lines_of(check_pages(docs)) == [
        f"briefings/{SLUG}.md: no stored generated version (briefings/.generated/{SLUG}.md): "
        "run `briefing generate` and commit it"
    ]


def test_page_that_lost_its_front_matter_is_still_checked(docs):
    page(docs).write_text(BASE.split("---\n", 2)[2], "utf-8")
    assert lines_of(check_pages(docs)) == [
        f"briefings/{SLUG}.md:1: no front matter: a briefing page starts with a --- block"
    ]


def test_problem_str_without_line():
    assert str(Problem("briefings/x.md", None, "boom")) == "briefings/x.md: boom"
    assert str(Problem("briefings/x.md", 3, "boom")) == "briefings/x.md:3: boom"
