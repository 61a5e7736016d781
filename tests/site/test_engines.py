"""Both site engines (MkDocs and Zensical) build the seed site cleanly, with every link whole.

The seed site is the repository's own ``briefings/`` (the committed pages of the seed sets),
built by :func:`build_site` with each engine in a copy of the project; no language model runs.
One test goes through ``briefing build --engine zensical`` on the project the other site tests
built.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.publish.engines import ENGINES
from generator.publish.mkdocs import build_site
from tests.site.conftest import _briefing_command
from tests.site.links import check_links

ROOT = Path(__file__).resolve().parents[2]
# mkdocs.yml's site_url: the environment's when set, as both engines read it
SITE_URL = os.environ.get("BRIEFING_SITE_URL", "http://127.0.0.1:8000/")
# Where each engine writes its search index (Zensical: one file at the site root).
SEARCH_INDEX = {"mkdocs": "search/search_index.json", "zensical": "search.json"}


def _copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", dest / "overrides")
    shutil.copytree(ROOT / "briefings", dest / "briefings", ignore=shutil.ignore_patterns(".lock"))
    return dest


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """engine → a copy of the project whose ``site/`` that engine built (strict)."""
    built = {}
    for engine in ENGINES:
        project = _copy_project(tmp_path_factory.mktemp(engine) / "project")
        build_site(project, engine=engine)  # raises on any warning of the engine
        built[engine] = project
    return built


def _pages(docs: Path) -> list[str]:
    """The site paths of the Markdown pages under ``docs`` (``x/y.md`` → ``x/y/index.html``)."""
    paths = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs)
        if rel.parts[0].startswith("."):
            continue
        stem = rel.with_suffix("")
        paths.append("index.html" if stem.name == "index" and stem.parent == Path(".")
                     else (stem.parent if stem.name == "index" else stem).as_posix() + "/index.html")
    return paths


@pytest.mark.parametrize("engine", ENGINES)
def test_engine_builds_every_seed_page_and_keeps_the_stored_versions_private(sites, engine):
    project = sites[engine]
    site = project / "site"
    expected = _pages(project / "briefings")
    assert len(expected) > 10
    assert [p for p in expected if not (site / p).is_file()] == []
    assert (site / "feed.xml").read_bytes() == (project / "briefings" / "feed.xml").read_bytes()
    assert (site / SEARCH_INDEX[engine]).stat().st_size > 1000
    assert not any(".generated" in p.as_posix() for p in site.rglob("*"))
    # neither the half-built folder nor Zensical's derived configuration is left behind
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".") and p.name != ".cache") == []


@pytest.mark.parametrize("engine", ENGINES)
def test_every_internal_link_and_anchor_resolves(sites, engine):
    report = check_links(sites[engine] / "site", site_url=SITE_URL)
    assert [str(b) for b in report.broken] == []
    assert report.pages >= len(_pages(sites[engine] / "briefings"))
    # the checker saw the links a briefing is made of: pages, sources and their sentences
    assert report.links > 20 * report.pages and report.anchors > 100


def test_both_engines_publish_the_same_pages(sites):
    found = {engine: sorted(p.relative_to(sites[engine] / "site").as_posix()
                            for p in (sites[engine] / "site").rglob("*.html")) for engine in ENGINES}
    assert found["zensical"] == found["mkdocs"]


@pytest.mark.parametrize("engine", ENGINES)
def test_engine_output_is_the_same_on_a_second_build(sites, engine, tmp_path):
    project = sites[engine]
    again = _copy_project(tmp_path / "again")
    build_site(again, engine=engine)
    first = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*") if p.is_file()}
    second = {p.relative_to(again / "site"): p.read_bytes() for p in (again / "site").rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [str(p) for p in first if first[p] != second[p]] == []


@pytest.mark.parametrize(("engine", "message"), [
    ("mkdocs", "does not contain an anchor '#no-such-line'"),
    ("zensical", "Warning: anchor does not exist (questions.md:"),
])
def test_a_broken_anchor_fails_the_build_and_keeps_the_previous_site(sites, engine, message, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(sites[engine], project)
    before = (project / "site" / "index.html").read_bytes()
    page = project / "briefings" / "questions.md"
    page.write_text(page.read_text("utf-8") + "\nSee [the timeline](timeline.md#no-such-line).\n", "utf-8")
    with pytest.raises(BriefingError, match=f"{engine} build failed: .*{message.replace('(', '.')}"):
        build_site(project, engine=engine)
    assert (project / "site" / "index.html").read_bytes() == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".") and p.name != ".cache") == []


def test_the_checker_reports_each_kind_of_broken_link(tmp_path):
    site = tmp_path / "site"
    (site / "guide").mkdir(parents=True)
    (site / "guide" / "index.html").write_text('<h2 id="steps">Steps</h2><a name="old-steps"></a>', "utf-8")
    (site / "index.html").write_text(
        '<link rel="stylesheet" href="style.css"><link rel="canonical" href="https://example.org/docs/">'
        '<a href="guide/">ok</a> <a href="guide/#steps">ok</a> <a href="guide/index.html#old-steps">ok</a>'
        '<a href="/docs/guide/">ok</a> <a href="#top" id="top">ok</a> <a href="https://elsewhere.example/x">away</a>'
        '<a href="mailto:desk@example.org">mail</a> <a href="guide/#missing">no anchor</a> <a href="gone/">no page</a>'
        '<a href="/guide/">outside</a> <img src="pics/a%20b.png"> <script src="https://example.org/docs/app.js"></script>',
        "utf-8",
    )
    (site / "style.css").write_text("", "utf-8")
    report = check_links(site, site_url="https://example.org/docs/")
    assert [str(b) for b in report.broken] == [
        "index.html: guide/#missing (no element with id 'missing')",
        "index.html: gone/ (no such file)",
        "index.html: /guide/ (outside the site)",
        "index.html: pics/a%20b.png (no such file)",
        "index.html: https://example.org/docs/app.js (no such file)",
    ]
    (site / "pics").mkdir()
    (site / "pics" / "a b.png").write_bytes(b"")
    assert len(check_links(site, site_url="https://example.org/docs/").broken) == 4
    assert report.pages == 2 and report.links == 12


def test_build_refuses_an_unknown_engine():
    proc = subprocess.run([*_briefing_command(), "build", "--engine", "jekyll"], cwd=ROOT,
                          capture_output=True, text=True)
    assert proc.returncode == 2
    assert "Invalid value for '--engine': 'jekyll' is not one of 'mkdocs', 'zensical'." in proc.stderr


def test_briefing_build_with_the_zensical_engine(built_project, tmp_path):
    """The command end to end, on a copy of the project the other site tests built (so the
    generation before the site build has nothing to do)."""
    project = tmp_path / "project"
    shutil.copytree(built_project, project, ignore=shutil.ignore_patterns("site", ".cache"))
    proc = subprocess.run([*_briefing_command(), "build", "--engine", "zensical"], cwd=project,
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stderr.strip().endswith("(zensical)")
    assert (project / "site" / SEARCH_INDEX["zensical"]).is_file()
    assert not (project / "site" / SEARCH_INDEX["mkdocs"]).exists()
    assert [str(b) for b in check_links(project / "site", site_url=SITE_URL).broken] == []
