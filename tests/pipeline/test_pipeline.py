"""``generate``: the incremental plan, check mode, archiving, and whole runs on real sets.

The first group needs no language model: pages are written the way the page template
writes them (front matter with ``generator: {hash: …}``) for real seed folders, so the plan
and check logic are tested in isolation. The ``slow`` group runs the whole pipeline on the
seed set and a second real set (tests/data/sets/harbour-strike).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.merge.archive import ARCHIVE_NOTE
from generator.merge.state import stored_hash
from generator.pipeline import generate
from generator.pipeline.progress import PlainReporter, Reporter
from generator.pipeline.report import GenerateReport, SetOutcome
from generator.publish.hashing import Fingerprint, set_hash
from tests.conftest import DATA, SEEDS
from tests.publish.conftest import briefing_page

SEED = "rutte-erdogan-ankara"
SECOND = "harbour-strike"


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS / SEED, seeds / SEED)
    shutil.copytree(DATA / "sets" / SECOND, seeds / SECOND)
    return seeds


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def current(tmp_path: Path) -> tuple[Path, Path]:
    """Seeds and an out folder whose pages are up to date with them (as a run leaves them)."""
    seeds, out = _seeds(tmp_path), tmp_path / "briefings"
    fingerprint = Fingerprint.current()
    for slug in (SEED, SECOND):
        page = briefing_page(slug, set_hash(seeds / slug, fingerprint))
        (out / ".generated").mkdir(parents=True, exist_ok=True)
        (out / f"{slug}.md").write_text(page)
        (out / ".generated" / f"{slug}.md").write_text(page)
    return seeds, out


# --------------------------------------------------------------------------- report


def test_summary_line_counts_each_kind_of_outcome():
    page = Path("briefings/x.md")
    report = GenerateReport(
        outcomes=(
            SetOutcome("a", "created", page),
            SetOutcome("b", "merged", page),
            SetOutcome("c", "unchanged", page),
            SetOutcome("d", "locked", page),
            SetOutcome("e", "conflict", page, ("briefings/e.md:12", "briefings/e.md:40")),
        ),
        seconds=2.345,
    )
    assert report.summary() == "generated 2, unchanged 1, skipped 1 (locked), conflicts 1, in 2.3 s"
    assert report.conflict_lines() == ["CONFLICT briefings/e.md:12", "CONFLICT briefings/e.md:40"]
    assert not report.ok
    archived = GenerateReport(outcomes=(SetOutcome("f", "archived", page),), seconds=0.04)
    assert archived.summary() == "generated 0, unchanged 0, skipped 0 (locked), conflicts 0, archived 1, in 0.0 s"


# --------------------------------------------------------------------------- plan and check


def test_up_to_date_pages_pass_the_check_and_nothing_is_written(current):
    seeds, out = current
    before = _files(out)
    report = generate(seeds, out, check=True, reporter=Reporter())
    assert report.ok and report.stale == ()
    assert [(o.slug, o.status) for o in report.outcomes] == [(SECOND, "unchanged"), (SEED, "unchanged")]
    assert _files(out) == before
    assert report.summary().startswith("up to date 2, stale 0, conflicts 0, in ")


def test_check_names_every_page_that_needs_work(current, tmp_path):
    seeds, out = current
    # A new article in one set; a conflict block left in the other page.
    (seeds / SEED / "009_new.txt").write_text("A late report.\n\nOfficials said talks would resume on Monday.\n")
    page = out / f"{SECOND}.md"
    page.write_text(page.read_text() + "Edited line.\n<!-- briefing:conflict (you edited…)\nx\nbriefing:end -->\n")
    # A set whose folder is gone, and a new set never generated.
    (out / "gone.md").write_text(briefing_page("gone", "sha256:" + "3" * 64))
    (out / ".generated" / "gone.md").write_text(briefing_page("gone", "sha256:" + "3" * 64))
    shutil.copytree(DATA / "sets" / SECOND, seeds / "brand-new")
    before = _files(out)

    report = generate(seeds, out, check=True, reporter=Reporter())
    assert _files(out) == before
    stale = "\n".join(report.stale)
    assert f"{SEED}.md (inputs changed)" in stale
    assert f"{SECOND}.md (unresolved conflicts)" in stale
    assert "gone.md (source folder removed; not archived yet)" in stale
    assert "brand-new.md (page missing)" in stale
    assert len(report.stale) == 4
    assert report.conflict_lines() == [f"CONFLICT {page}:13"]  # the line the block opens on


def test_check_accepts_locked_and_deliberately_deleted_pages(current):
    seeds, out = current
    (seeds / SEED / "009_new.txt").write_text("A late report.\n\nOfficials said talks would resume.\n")
    locked = out / f"{SEED}.md"
    locked.write_text(locked.read_text().replace("slug:", "locked: true\nslug:", 1))
    (out / f"{SECOND}.md").unlink()  # the editor deleted it; its base remains
    report = generate(seeds, out, check=True, reporter=Reporter())
    assert report.ok
    assert {o.slug: o.status for o in report.outcomes} == {SEED: "locked", SECOND: "deleted"}


def _generate_without_model(seeds: Path, out: Path, *, show: str, force: bool = False) -> str:
    """Run ``generate`` in a fresh interpreter that fails if spaCy was imported; print ``show``.

    A fresh interpreter because this test session has long imported spaCy.
    """
    code = (
        "import sys\nfrom generator.pipeline import generate\nfrom generator.pipeline.progress import Reporter\n"
        f"r = generate({str(seeds)!r}, {str(out)!r}, force={force!r}, reporter=Reporter())\n"
        f"print({show})\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_a_run_with_nothing_to_do_loads_no_model(current):
    seeds, out = current
    shown = _generate_without_model(seeds, out, show="sorted((o.slug, o.status) for o in r.outcomes)")
    assert shown == f"[('{SECOND}', 'unchanged'), ('{SEED}', 'unchanged')]"


def test_locked_and_conflicted_pages_are_not_rebuilt(current):
    """Neither would be written, so neither costs a model load, even with force."""
    seeds, out = current
    for slug in (SEED, SECOND):
        (seeds / slug / "009_new.txt").write_text("A late report.\n\nOfficials said talks would resume.\n")
    locked = out / f"{SEED}.md"
    locked.write_text(locked.read_text().replace("slug:", "locked: true\nslug:", 1))
    conflicted = out / f"{SECOND}.md"
    conflicted.write_text(conflicted.read_text() + "<!-- briefing:conflict (x)\ny\nbriefing:end -->\n")
    before = _files(out)
    shown = _generate_without_model(seeds, out, force=True, show="r.summary().rsplit(',', 1)[0]")
    assert shown == "generated 0, unchanged 0, skipped 1 (locked), conflicts 1"
    after = _files(out)
    assert {k: after[k] for k in before} == before  # --force rewrote only the site's own pages


# --------------------------------------------------------------------------- whole runs


def _source_files(out: Path, slug: str) -> list[str]:
    """The article files the stored record (and so the page) was made from."""
    record = json.loads((out / ".generated" / f"{slug}.json").read_text("utf-8"))
    page = (out / f"{slug}.md").read_text("utf-8")
    assert page.split("\n---", 1)[0].count("\n- id: s") == len(record["sources"])  # one front-matter entry a source
    return [source["file"] for source in record["sources"]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory, nlp) -> tuple[Path, Path, GenerateReport]:
    """Two real sets generated once by the whole pipeline; tests work on copies."""
    root = tmp_path_factory.mktemp("generated")
    seeds, out = _seeds(root), root / "briefings"
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    return seeds, out, report


@pytest.fixture
def tree(generated, tmp_path) -> tuple[Path, Path]:
    seeds, out, _ = generated
    return Path(shutil.copytree(seeds, tmp_path / "seeds")), Path(shutil.copytree(out, tmp_path / "briefings"))


@pytest.mark.slow
def test_first_run_creates_pages_bases_records_and_site_pages(generated):
    seeds, out, report = generated
    assert [(o.slug, o.status) for o in report.outcomes] == [(SECOND, "created"), (SEED, "created")]
    fingerprint = Fingerprint.current()
    for slug in (SEED, SECOND):
        page = (out / f"{slug}.md").read_text("utf-8")
        assert (out / ".generated" / f"{slug}.md").read_text("utf-8") == page
        record = json.loads((out / ".generated" / f"{slug}.json").read_text("utf-8"))
        assert record["set"] == slug
        assert record["generator"]["hash"] == set_hash(seeds / slug, fingerprint)
        assert stored_hash(out, slug) == record["generator"]["hash"]
        assert "blocks" in record["sources"][0]  # stored with the text: site pages need it
    assert (out / "index.md").is_file()  # the cross-briefing pages were written
    assert report.summary().startswith("generated 2, unchanged 0, skipped 0 (locked), conflicts 0, in ")


@pytest.mark.slow
def test_second_run_skips_everything_without_spacy(tree):
    seeds, out = tree
    before = _files(out)
    code = (
        "import sys, time\nfrom generator.pipeline import generate\n"
        "from generator.pipeline.progress import PlainReporter\n"
        f"r = generate({str(seeds)!r}, {str(out)!r}, reporter=PlainReporter(sys.stdout))\n"
        "assert 'spacy' not in sys.modules, 'spacy was imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:2] == [f"[1/2] {SECOND}: unchanged", f"[2/2] {SEED}: unchanged"]
    assert lines[-1].startswith("generated 0, unchanged 2, skipped 0 (locked), conflicts 0, in ")
    print("no-op run:", lines[-1])
    assert _files(out) == before


@pytest.mark.slow
def test_removing_an_article_updates_its_page_only(tree, nlp):
    seeds, out = tree
    other = (out / f"{SEED}.md").read_bytes()
    articles = sorted((seeds / SECOND).glob("0*"))
    removed = articles[-1]
    removed.unlink()
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert {o.slug: o.status for o in report.outcomes} == {SECOND: "updated", SEED: "unchanged"}
    assert _source_files(out, SECOND) == [a.name for a in articles[:-1]]
    assert (out / f"{SEED}.md").read_bytes() == other


@pytest.mark.slow
def test_removing_a_set_archives_its_editedbriefing_page(tree, nlp):
    seeds, out = tree
    page = out / f"{SECOND}.md"
    page.write_text(page.read_text("utf-8") + "\nAn editor's closing note.\n", "utf-8")
    shutil.rmtree(seeds / SECOND)
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert {o.slug: o.status for o in report.outcomes} == {SECOND: "archived", SEED: "unchanged"}
    kept = (out / ".removed" / f"{SECOND}.md").read_text("utf-8")
    assert ARCHIVE_NOTE in kept and "An editor's closing note." in kept
    assert not page.exists() and not (out / ".generated" / f"{SECOND}.json").exists()
    # The site pages no longer list it, and the next run has nothing to do.
    assert SECOND not in (out / "index.md").read_text("utf-8")
    again = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert [(o.slug, o.status) for o in again.outcomes] == [(SEED, "unchanged")]


@pytest.mark.slow
def test_check_after_a_new_article_then_generate_makes_it_pass(tree, nlp):
    seeds, out = tree
    shutil.copy(DATA / "articles" / "flood-warning" / sorted(p.name for p in (DATA / "articles" / "flood-warning").iterdir())[0],
                seeds / SECOND / "009_extra.txt")
    check = generate(seeds, out, check=True, reporter=Reporter())
    assert [s.split(" ")[0].rsplit("/", 1)[-1] for s in check.stale] == [f"{SECOND}.md"]
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert {o.slug: o.status for o in report.outcomes}[SECOND] == "updated"
    assert _source_files(out, SECOND)[-1] == "009_extra.txt"
    assert generate(seeds, out, check=True, reporter=Reporter()).ok


@pytest.mark.slow
def test_parallel_jobs_write_the_same_bytes(generated, tmp_path, nlp):
    seeds = generated[0]
    parallel, serial = tmp_path / "parallel", tmp_path / "serial"
    report = generate(seeds, parallel, jobs=2, reporter=PlainReporter(sys.stdout))
    assert [(o.slug, o.status) for o in report.outcomes] == [(SECOND, "created"), (SEED, "created")]
    generate(seeds, serial, jobs=1, reporter=Reporter(), nlp=nlp)
    assert _files(parallel) == _files(serial)


def test_a_bad_article_stops_the_run_naming_the_file(tmp_path, nlp):
    from generator.errors import InputError

    seeds, out = _seeds(tmp_path), tmp_path / "briefings"
    broken = seeds / "a-broken-set" / "001_binary.txt"
    broken.parent.mkdir()
    broken.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError) as err:
        generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert "001_binary.txt" in err.value.format_message()
    assert not (out / ".generated" / "a-broken-set.json").exists()
