"""Fixtures for the site tests: one real build of the seeds, a local server, a browser.

The site is built once per session by the real command (``briefing build``) in a copy of
the project whose seeds are the repository's seeds plus ``tests/site/data/`` (an
injection set). A build failure fails the tests that need it; it never skips them.
"""
from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = Path(__file__).with_name("data")
FIXTURES = Path(__file__).with_name("fixtures")
SCREENSHOTS = ROOT / "tests" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
INJECTION_SET = "harbour-vote-injection"


def _briefing_command() -> list[str]:
    script = Path(sys.executable).with_name("briefing")
    return [str(script)] if script.exists() else [sys.executable, "-m", "generator"]


@pytest.fixture(scope="session")
def built_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project built by ``briefing build`` (seeds + the injection set).

    ``BRIEFING_TEST_PROJECT=<folder>`` uses a project already built that way instead (its
    ``site/`` and ``briefings/.generated/``), to iterate on the tests without rebuilding.
    """
    if os.environ.get("BRIEFING_TEST_PROJECT"):
        return Path(os.environ["BRIEFING_TEST_PROJECT"])
    project = tmp_path_factory.mktemp("project")
    shutil.copy2(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(DATA / INJECTION_SET, project / "seeds" / INJECTION_SET)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BRIEFING_SITE_URL", None)
    proc = subprocess.run(
        [*_briefing_command(), "build"], cwd=project, env=env, capture_output=True, text=True, timeout=900
    )
    if proc.returncode != 0:
        pytest.fail(f"`briefing build` failed ({proc.returncode}):\n{proc.stderr[-3000:]}")
    return project


@pytest.fixture(scope="session")
def site_dir(built_project: Path) -> Path:
    return built_project / "site"


@pytest.fixture(scope="session")
def records(built_project: Path) -> list[dict]:
    """The records the pipeline stored next to the pages (``.generated/<set>.json``)."""
    paths = sorted((built_project / "briefings" / ".generated").glob("*.json"))
    assert paths, "the build stored no records under briefings/.generated/"
    return [json.loads(p.read_text("utf-8")) for p in paths]


@pytest.fixture(scope="session")
def seed_record(records: list[dict]) -> dict:
    """The record of the repository's real seed set (not the injection set)."""
    return next(r for r in records if r["set"] != INJECTION_SET)


@pytest.fixture(scope="session")
def fixture_record() -> dict:
    """A hand-made record from the seed articles' real text (see fixtures/build_fixture.py)."""
    return json.loads((FIXTURES / "rutte-record.json").read_text("utf-8"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        pass


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built site served on 127.0.0.1 at a free port, for the whole session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (Playwright cannot download its own here)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: `make browser-deps` should install it")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); browser tests need it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page_factory(browser):
    """New pages in fresh contexts; console errors and page errors collected per page."""
    contexts = []

    def make(width: int = 1280, height: int = 900, color_scheme: str = "light"):
        context = browser.new_context(viewport={"width": width, "height": height}, color_scheme=color_scheme)
        contexts.append(context)
        page = context.new_page()
        page.errors = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("console", lambda m: m.type == "error" and page.errors.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: page.errors.append(f"pageerror: {e}"))

        def on_dialog(dialog):
            page.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        return page

    yield make
    for context in contexts:
        context.close()
