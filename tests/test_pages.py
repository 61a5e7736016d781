"""Writing regenerated pages into briefings/ (generator/pages.py, generator/writer.py).

Runs on the real briefing page fixtures of tests/data/pages/ (see tests/test_merge.py)
inside a temporary project folder, as ``briefing generate`` would call it.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator import writer
from generator.errors import BriefingError
from generator.merge import CONFLICT_START, merge_page, split_lines
from generator.pages import write_briefing
from tests.conftest import ROOT
from tests.test_merge import BASE, NEXT, conflicting_page, edit_all_five

SLUG = "rutte-erdogan-ankara"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder as the working directory; pages go to ./briefings."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def docs() -> Path:
    return Path("briefings")


def page() -> Path:
    return docs() / f"{SLUG}.md"


def base() -> Path:
    return docs() / ".generated" / f"{SLUG}.md"


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def generate_first(project: Path) -> None:
    outcome = write_briefing(docs(), SLUG, BASE)
    assert outcome.status == "created"


# --------------------------------------------------------------------------- statuses


def test_first_generation_writes_page_and_base(project):
    outcome = write_briefing(docs(), SLUG, BASE)
    assert (outcome.slug, outcome.status, outcome.conflicts) == (SLUG, "created", ())
    assert outcome.path == page()
    assert page().read_text("utf-8") == BASE and base().read_text("utf-8") == BASE


def test_regenerating_twice_with_no_change_changes_no_byte(project):
    generate_first(project)
    page().write_text(edit_all_five(BASE), "utf-8")
    assert write_briefing(docs(), SLUG, NEXT).status == "merged"
    before = snapshot(project)
    mtimes = {p: p.stat().st_mtime_ns for p in (page(), base())}
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "unchanged"
    assert snapshot(project) == before
    assert {p: p.stat().st_mtime_ns for p in (page(), base())} == mtimes  # not even rewritten


def test_untouched_page_is_replaced(project):
    generate_first(project)
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "updated"
    assert page().read_text("utf-8") == NEXT and base().read_text("utf-8") == NEXT


def test_hand_edits_are_merged_and_the_base_becomes_the_new_generation(project):
    generate_first(project)
    page().write_text(edit_all_five(BASE), "utf-8")
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "merged" and outcome.conflicts == ()
    text = page().read_text("utf-8")
    assert "## Analyst note" in text and "Hakan Fidan" in text and "status: reviewed" in text
    assert base().read_text("utf-8") == NEXT


def test_conflict_is_reported_with_file_and_line_and_blocks_later_merges(project):
    generate_first(project)
    page().write_text(conflicting_page(), "utf-8")
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "conflict"
    assert len(outcome.conflicts) == 1
    where, line = outcome.conflicts[0].rsplit(":", 1)
    assert where == "briefings/rutte-erdogan-ankara.md"
    assert split_lines(page().read_text("utf-8"))[int(line) - 1].startswith(CONFLICT_START)
    assert outcome.report_lines() == (f"CONFLICT {outcome.conflicts[0]}",)
    # until the editor resolves it, the page (and its base) are left exactly as they are
    before = snapshot(project)
    again = write_briefing(docs(), SLUG, NEXT.replace("hash: 9be0417c55d2", "hash: 0000"))
    assert again.status == "conflict" and again.conflicts == outcome.conflicts
    assert snapshot(project) == before


def test_resolved_conflict_then_merges_again(project):
    generate_first(project)
    page().write_text(conflicting_page(), "utf-8")
    write_briefing(docs(), SLUG, NEXT)
    text = page().read_text("utf-8")
    start = text.index(CONFLICT_START)
    end = text.index("briefing:end -->\n", start) + len("briefing:end -->\n\n")
    page().write_text(text[:start] + text[end:], "utf-8")  # the editor keeps their count
    assert write_briefing(docs(), SLUG, NEXT).status == "unchanged"
    assert "@SecGenNATO | 6 | [s1][s1] |" in page().read_text("utf-8")


def test_locked_page_is_never_rewritten_and_its_base_is_kept(project):
    generate_first(project)
    locked = edit_all_five(BASE).replace("status: reviewed\n", "status: reviewed\nlocked: true\n")
    page().write_bytes(locked.encode("utf-8").replace(b"\n", b"\r\n"))  # even its line ends survive
    before = snapshot(project)
    outcome = write_briefing(docs(), SLUG, NEXT, force=True)
    assert outcome.status == "locked" and outcome.conflicts == ()
    assert snapshot(project) == before
    # unlocking later merges everything the generator changed meanwhile
    page().write_text(locked.replace("locked: true\n", ""), "utf-8")
    assert write_briefing(docs(), SLUG, NEXT).status == "merged"
    text = page().read_text("utf-8")
    assert "Hakan Fidan" in text and "## Analyst note" in text


def test_deleted_page_is_not_resurrected_unless_forced(project):
    generate_first(project)
    page().unlink()
    assert write_briefing(docs(), SLUG, NEXT).status == "deleted"
    assert not page().exists() and base().read_text("utf-8") == BASE
    assert write_briefing(docs(), SLUG, NEXT, force=True).status == "created"
    assert page().read_text("utf-8") == NEXT and base().read_text("utf-8") == NEXT


def test_missing_base_keeps_the_editors_page_and_reports_conflicts(project):
    generate_first(project)
    page().write_text(edit_all_five(BASE), "utf-8")
    base().unlink()
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "conflict" and outcome.conflicts
    text = page().read_text("utf-8")
    assert "## Analyst note" in text and "status: reviewed" in text
    assert base().read_text("utf-8") == NEXT


def test_dry_run_writes_nothing(project):
    generate_first(project)
    page().write_text(edit_all_five(BASE), "utf-8")
    before = snapshot(project)
    assert write_briefing(docs(), SLUG, NEXT, dry_run=True).status == "merged"
    assert snapshot(project) == before


@pytest.mark.parametrize("slug", ["", "../x", ".hidden", "a/b", " x"])
def test_unusable_slug_is_refused(project, slug):
    with pytest.raises(BriefingError, match="not a usable page name"):
        write_briefing(docs(), slug, BASE)


# --------------------------------------------------------------------------- crashes


def test_failed_page_write_leaves_the_old_page_and_no_temporary_file(project, monkeypatch):
    generate_first(project)
    edited = edit_all_five(BASE)
    page().write_text(edited, "utf-8")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writer.os, "replace", broken_replace)
    with pytest.raises(BriefingError, match="No space left on device"):
        write_briefing(docs(), SLUG, NEXT)
    assert page().read_text("utf-8") == edited and base().read_text("utf-8") == BASE
    assert sorted(p.name for p in docs().iterdir()) == [".generated", f"{SLUG}.md"]
    monkeypatch.undo()
    monkeypatch.chdir(project)
    assert write_briefing(docs(), SLUG, NEXT).status == "merged"


def test_crash_between_page_and_base_write_loses_nothing_on_the_next_run(project, monkeypatch):
    generate_first(project)
    page().write_text(edit_all_five(BASE), "utf-8")
    real_replace = os.replace

    def replace_then_crash(src, dst):
        if Path(dst).name == f"{SLUG}.md" and Path(dst).parent.name == ".generated":
            raise KeyboardInterrupt("killed")  # the page is written, its base is not
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", replace_then_crash)
    with pytest.raises(KeyboardInterrupt):
        write_briefing(docs(), SLUG, NEXT)
    merged_once = page().read_text("utf-8")
    assert base().read_text("utf-8") == BASE  # the old base is still there
    monkeypatch.setattr(writer.os, "replace", real_replace)
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "unchanged" and outcome.conflicts == ()
    assert page().read_text("utf-8") == merged_once
    assert base().read_text("utf-8") == NEXT
    assert not [p for p in docs().rglob("*.tmp")] and not [p for p in docs().rglob("*.pending")]


def test_crash_after_writing_a_conflicted_page_does_not_ask_twice(project, monkeypatch):
    generate_first(project)
    page().write_text(conflicting_page(), "utf-8")
    real_replace = os.replace

    def replace_then_crash(src, dst):
        if Path(dst) == base():
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", replace_then_crash)
    with pytest.raises(KeyboardInterrupt):
        write_briefing(docs(), SLUG, NEXT)
    monkeypatch.setattr(writer.os, "replace", real_replace)
    assert base().read_text("utf-8") == BASE and CONFLICT_START in page().read_text("utf-8")
    # the next run completes the interrupted base write from the journal
    assert write_briefing(docs(), SLUG, NEXT).status == "conflict"
    assert base().read_text("utf-8") == NEXT
    assert not (docs() / ".generated" / f"{SLUG}.pending").exists()
    # so once the editor resolves the conflict (keeping their count), nothing is asked again
    text = page().read_text("utf-8")
    start = text.index(CONFLICT_START)
    page().write_text(text[:start] + text[text.index("briefing:end -->\n", start) + len("briefing:end -->\n\n"):], "utf-8")
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert (outcome.status, outcome.conflicts) == ("unchanged", ())


def test_journal_of_a_page_write_that_never_happened_is_dropped(project, monkeypatch):
    generate_first(project)
    edited = edit_all_five(BASE)
    page().write_text(edited, "utf-8")
    real_replace = os.replace

    def fail_page(src, dst):
        if Path(dst) == page():
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", fail_page)
    with pytest.raises(KeyboardInterrupt):
        write_briefing(docs(), SLUG, NEXT)
    monkeypatch.setattr(writer.os, "replace", real_replace)
    assert (docs() / ".generated" / f"{SLUG}.pending").exists()
    assert write_briefing(docs(), SLUG, NEXT).status == "merged"
    assert page().read_text("utf-8") == merge_page(BASE, edited, NEXT).text
    assert not (docs() / ".generated" / f"{SLUG}.pending").exists()


KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from generator import writer
    from generator.pages import write_briefing

    docs, slug, page_file, flag, stop_at = sys.argv[1:]
    real_fsync, real_replace = os.fsync, os.replace

    def slow_fsync(fd):
        real_fsync(fd)
        if stop_at == "fsync":  # the temporary page is complete, not yet in place
            Path(flag).write_text("ready")
            time.sleep(60)

    def slow_replace(src, dst):
        real_replace(src, dst)
        if stop_at == "between" and Path(dst) == Path(docs) / f"{slug}.md":  # page in place, base not yet
            Path(flag).write_text("ready")
            time.sleep(60)

    writer.os.fsync = slow_fsync
    writer.os.replace = slow_replace
    write_briefing(Path(docs), slug, Path(page_file).read_text("utf-8"))
    """
)


@pytest.mark.parametrize("stop_at", ["fsync", "between"])
def test_sigkill_during_a_write_leaves_a_valid_page(project, stop_at):
    generate_first(project)
    edited = edit_all_five(BASE)
    page().write_text(edited, "utf-8")
    (project / "next.md").write_text(NEXT, "utf-8")
    flag = project / "flag"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, "briefings", SLUG, "next.md", str(flag), stop_at],
        cwd=project, env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not flag.exists():
            assert child.poll() is None, "the writer exited before reaching the kill point"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    text = page().read_text("utf-8")
    if stop_at == "fsync":
        assert text == edited  # the old page, whole
    else:
        assert "## Analyst note" in text and "Hakan Fidan" in text  # the new page, whole
    # the next run finishes the job without losing an edit
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.conflicts == ()
    assert outcome.status == ("unchanged" if stop_at == "between" else "merged")
    final = page().read_text("utf-8")
    assert "## Analyst note" in final and "Hakan Fidan" in final and "status: reviewed" in final
    assert base().read_text("utf-8") == NEXT


def test_atomic_write_creates_folders_and_readable_files(project):
    target = project / "briefings" / ".generated" / "x.md"
    writer.atomic_write(target, "héllo\n")
    assert target.read_bytes() == "héllo\n".encode("utf-8")
    umask = os.umask(0)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask
