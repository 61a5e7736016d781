"""Listings split into bounded pages (generator/render/site_lists.py), on copies of the
hand-made record under other slugs: no listing page holds more than its limit, every
briefing is on exactly one part, and the parts link each other."""
from __future__ import annotations

import copy
import re

from generator.render.record import BriefingRecord
import pytest

from generator.render import site_lists
from generator.render.site_pages import site_pages

# Small limits, so a dozen briefings (the story search compares every pair) fill several pages.
MONTH_ENTRIES, TIMELINE_ENTRIES, LATEST_QUESTIONS = 5, 7, 3
COPIES = 2 * MONTH_ENTRIES + 2  # one month's briefings fill three archive pages


@pytest.fixture(autouse=True)
def small_limits(monkeypatch):
    monkeypatch.setattr(site_lists, "MONTH_ENTRIES", MONTH_ENTRIES)
    monkeypatch.setattr(site_lists, "TIMELINE_ENTRIES", TIMELINE_ENTRIES)
    monkeypatch.setattr(site_lists, "LATEST_QUESTIONS", LATEST_QUESTIONS)


def _copies(fixture_record: dict, n: int) -> list[BriefingRecord]:
    out = []
    for i in range(n):
        data = copy.deepcopy(fixture_record)
        data["set"] = f"copy-{i:03d}"
        data["title"] = f"Copy {i} of a briefing"
        out.append(BriefingRecord.from_dict(data))
    return out


def test_a_full_month_is_split_into_linked_parts(fixture_record):
    pages = site_pages(_copies(fixture_record, COPIES))
    month = fixture_record["date"][:7]
    parts = [f"archive/{month}.md", f"archive/{month}-2.md", f"archive/{month}-3.md"]
    assert all(p in pages for p in parts) and f"archive/{month}-4.md" not in pages
    listed = [re.findall(r"\]\(\.\./(copy-\d+)\.md\)", pages[p]) for p in parts]
    assert [len(x) for x in listed] == [MONTH_ENTRIES, MONTH_ENTRIES, COPIES - 2 * MONTH_ENTRIES]
    assert sorted(sum(listed, [])) == [f"copy-{i:03d}" for i in range(COPIES)]
    assert f"({month}-3.md)" in pages[parts[0]] and f"({month}.md)" in pages[parts[2]]  # parts link each other
    assert f"({month}-2.md)" in pages["archive/index.md"]


def test_board_timeline_and_actors_stay_bounded(fixture_record):
    pages = site_pages(_copies(fixture_record, COPIES))
    board = pages["questions.md"]
    assert len(re.findall(r"^## \[", board, flags=re.M)) == LATEST_QUESTIONS
    for path, text in pages.items():
        if path.startswith("timeline/"):
            assert text.count("\n- **") <= TIMELINE_ENTRIES, path
        if path.startswith(("archive/", "questions/", "timeline/", "actors/by-name/")):
            assert "search:\n  exclude: true" in text, path  # listings stay out of search
    # every actor appears in every copy: each has a page, reached from its letter page
    letters = "".join(t for p, t in pages.items() if p.startswith("actors/by-name/"))
    for actor in fixture_record["actors"]:
        assert actor["name"].split()[0] in letters
