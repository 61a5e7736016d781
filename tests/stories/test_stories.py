"""Briefings that belong together: two invented sets about consecutive events of one story
(tests/data/stories/story/) and an unrelated invented set (tests/data/stories/differences/)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.merge.state import stored_records
from generator.pipeline import generate
from generator.pipeline.progress import Reporter
from generator.render.stories import find_stories, linked
from tests.conftest import DATA

STORY = DATA / "stories" / "story"
FIRST, SECOND, OTHER = "bridge-vote-called", "bridge-vote-held", "ferry-differences"


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def site(tmp_path_factory, nlp):
    """The first and the unrelated set generated, then the second set added."""
    root = tmp_path_factory.mktemp("stories")
    seeds, out = root / "seeds", root / "briefings"
    shutil.copytree(STORY / FIRST, seeds / FIRST)
    shutil.copytree(DATA / "stories" / "differences", seeds / OTHER)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    alone = (out / f"{FIRST}.md").read_text("utf-8")
    shutil.copytree(STORY / SECOND, seeds / SECOND)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    return seeds, out, alone


@pytest.mark.slow
def test_consecutive_sets_link_to_each_other_and_their_story_page(site):
    _, out, alone = site
    assert "Part of:" not in alone  # one briefing is no story
    first, second = ((out / f"{s}.md").read_text("utf-8") for s in (FIRST, SECOND))
    story = f"stories/story-{FIRST}.md"
    assert f"]({story})" in first and f"]({story})" in second
    assert f"]({SECOND}.md)" in first and f"]({FIRST}.md)" in second
    assert first.index("**1. this briefing**") < first.index(f"]({SECOND}.md)")
    page = (out / story).read_text("utf-8")
    assert page.index(f"](../{FIRST}.md)") < page.index(f"](../{SECOND}.md)")  # date order
    carried = page.split(f"](../{SECOND}.md)")[1]
    assert "Carried from earlier" in carried and "vote on the new harbour bridge" in carried


@pytest.mark.slow
def test_the_unrelated_set_is_in_no_story(site):
    _, out, _ = site
    other = (out / f"{OTHER}.md").read_text("utf-8")
    assert "Part of:" not in other and "stories/" not in other
    records = stored_records(out, [FIRST, SECOND, OTHER])
    assert [[p.set for p in s.parts] for s in find_stories(records)] == [[FIRST, SECOND]]
    assert not linked(records[0], records[2]) and not linked(records[1], records[2])


@pytest.mark.slow
def test_linking_is_stable_and_hand_edits_survive(site, nlp, tmp_path):
    seeds, out, _ = site
    out = Path(shutil.copytree(out, tmp_path / "briefings"))
    page = out / f"{FIRST}.md"
    page.write_text(page.read_text("utf-8").replace("## Key statements", "Editor's note: kept.\n\n## Key statements"), "utf-8")
    before = _files(out)
    generate(seeds, out, reporter=Reporter(), nlp=nlp, force=True)
    assert _files(out) == before
    shutil.rmtree(seeds / SECOND)  # the story ends: the first set's page loses its line
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    text = page.read_text("utf-8")
    assert "Part of:" not in text and "Editor's note: kept." in text
    assert not (out / "stories").exists() or not any((out / "stories").glob("*.md"))


@pytest.mark.slow
def test_an_actor_page_lists_statements_across_briefings_by_date(site):
    _, out, _ = site
    actor = (out / "actors" / "ilse-varkonen.md").read_text("utf-8")
    dated = actor.split("## Across briefings, by date")[1].split("## Briefings")[0]
    lines = [ln for ln in dated.splitlines() if ln.startswith("- **")]
    assert len(lines) >= 2
    assert f"](../{FIRST}.md)" in dated and f"](../{SECOND}.md)" in dated
    # the list runs by date: the earlier briefing's statements come first
    assert dated.index(f"](../{FIRST}.md)") < dated.index(f"](../{SECOND}.md)")


@pytest.mark.slow
def test_the_name_index_misses_no_linked_pair(site):
    from generator.render.stories import _date_key, candidate_pairs

    _, out, _ = site
    recs = sorted(stored_records(out, [FIRST, SECOND, OTHER]), key=_date_key)
    every = [(i, j) for i in range(len(recs)) for j in range(i + 1, len(recs))]
    pairs = candidate_pairs(recs)
    assert set(pairs) <= set(every) and len(set(pairs)) == len(pairs)
    assert [p for p in every if linked(recs[p[0]], recs[p[1]])] == [p for p in pairs if linked(recs[p[0]], recs[p[1]])]
    assert any(linked(recs[i], recs[j]) for i, j in pairs)
