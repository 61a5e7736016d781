"""Stories that move, in a real browser: the seed and an invented set built, then rebuilt
with an invented follow-up article (tests/data/stories/followups/) and a second invented set
of the same story (tests/data/stories/story/). Checks the "new since" badges, the Updates
section, the answered questions on the briefing page and on the home page, and that they link.
Screenshots go to $STORIES_SHOTS (default tests/screenshots/stories)."""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from tests.site.conftest import ROOT, SCREENSHOTS, _briefing_command, _QuietHandler

pytestmark = pytest.mark.browser

SEED = "rutte-erdogan-ankara"
FOLLOWUP = ROOT / "tests" / "data" / "stories" / "followups" / "003_followup-wire.md"
STORY = ROOT / "tests" / "data" / "stories" / "story"
FIRST, SECOND = "bridge-vote-called", "bridge-vote-held"
SHOTS = Path(os.environ.get("STORIES_SHOTS") or SCREENSHOTS / "stories")


def _build(project: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRIEFING_SITE_URL", None)
    proc = subprocess.run([*_briefing_command(), "build"], cwd=project, env=env,
                          capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]


@pytest.fixture(scope="module")
def updated_url(tmp_path_factory):
    project = tmp_path_factory.mktemp("stories")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "seeds" / SEED, project / "seeds" / SEED)
    shutil.copytree(STORY / FIRST, project / "seeds" / FIRST)
    _build(project)
    shutil.copytree(STORY / SECOND, project / "seeds" / SECOND)
    shutil.copy(FOLLOWUP, project / "seeds" / SEED / FOLLOWUP.name)
    _build(project)
    handler = functools.partial(_QuietHandler, directory=str(project / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def test_badges_updates_and_answers_render_and_link(page_factory, updated_url):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = page_factory()
    page.goto(f"{updated_url}{SEED}/")
    badges = page.locator("article .bs-badge--new")
    assert badges.count() >= 3
    assert badges.first.inner_text().lower().startswith("new since 14 may 2025")
    assert badges.first.is_visible()
    colour = badges.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    badges.first.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "badges.png"))

    updates = page.locator("h2#updates")
    assert updates.count() == 1
    updates.scroll_into_view_if_needed()
    section = page.locator("h2#updates + ul").inner_text()
    assert "1 article added" in section and "called off" in section
    page.screenshot(path=str(SHOTS / "updates.png"))

    answered = page.locator("h3#answered-questions")
    assert answered.count() == 1
    answered.scroll_into_view_if_needed()
    assert page.locator("article .bs-badge--cancelled").count() >= 1
    page.screenshot(path=str(SHOTS / "answered.png"))
    link = page.locator("h3#answered-questions + ol a[href*='s3-']").first
    link.click()
    page.wait_for_url(re.compile(r"/sources/[^/]+/#s3-\d+$"))
    assert "called off" in page.locator(":target").inner_text() or page.locator(":target").count() == 1
    assert page.errors == []


def test_home_page_lists_answered_questions_apart_and_links_the_briefing(page_factory, updated_url):
    page = page_factory()
    page.goto(updated_url)
    heading = page.locator("h2#answered")
    assert heading.count() == 1
    heading.scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "home-answered.png"))
    still_open = page.locator("h2#still-open ~ *").all_inner_texts()
    assert still_open
    page.locator("h2#answered + ul a").first.click()
    page.wait_for_url(re.compile(re.escape(SEED)))
    assert page.locator("h3#answered-questions").count() == 1
    assert page.errors == []


def test_story_page_lists_the_parts_in_order_and_links_both_ways(page_factory, updated_url):
    page = page_factory()
    page.goto(f"{updated_url}{SECOND}/")
    part_of = page.locator("article .bs-story")
    assert part_of.count() == 1 and "Part of:" in part_of.inner_text()
    part_of.locator("a").first.click()
    page.wait_for_url(re.compile(r"/stories/story-" + re.escape(FIRST) + r"/$"))
    headings = page.locator("article h2").all_inner_texts()
    assert [h.split(". ", 1)[0] for h in headings[:2]] == ["1", "2"]
    assert "decide" in headings[0].lower() and "approves" in headings[1].lower()
    assert "Carried from earlier" in page.locator("article").inner_text()
    page.screenshot(path=str(SHOTS / "story.png"), full_page=True)
    page.locator("article h2 a").first.click()
    page.wait_for_url(re.compile(re.escape(FIRST) + "/$"))
    assert page.locator("article .bs-story a[href*='" + SECOND + "']").count() == 1
    seed = page_factory()
    seed.goto(f"{updated_url}{SEED}/")
    assert seed.locator("article .bs-story").count() == 0  # an unrelated briefing is in no story
    assert page.errors == [] and seed.errors == []
