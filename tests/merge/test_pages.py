"""Writing regenerated pages into briefings/ (generator/merge/pages.py, generator/merge/atomic.py).

Runs on the real briefing page fixtures of tests/data/pages/ (see tests/test_merge.py)
inside a temporary project folder, as ``briefing generate`` would call it.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.merge import atomic as writer
from generator.merge.conflicts import CONFLICT_END, CONFLICT_START
from generator.merge.pages import write_briefing
from generator.merge.threeway import merge_page
from generator.util.lines import split_lines
from tests.conftest import ROOT
from tests.merge.test_merge import BASE, NEXT, conflicting_page, edit_all_five

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


@contextmanager
def killed_when_replacing(monkeypatch, target: Path) -> Iterator[None]:
    """The block dies (KeyboardInterrupt, as a hard kill would) when it moves a file onto ``target``.

    Every other ``os.replace`` of :mod:`generator.merge.atomic` goes through; after the block,
    ``os.replace`` is the real one again.
    """
    real_replace = os.replace

    def replace_then_crash(src, dst):
        if Path(dst) == target:
            raise KeyboardInterrupt("killed")
        real_replace(src, dst)

    monkeypatch.setattr(writer.os, "replace", replace_then_crash)
    try:
        with pytest.raises(KeyboardInterrupt):
            yield
    finally:
        monkeypatch.setattr(writer.os, "replace", real_replace)


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
    with killed_when_replacing(monkeypatch, base()):  # the page is written, its base is not
        write_briefing(docs(), SLUG, NEXT)
    merged_once = page().read_text("utf-8")
    assert base().read_text("utf-8") == BASE  # the old base is still there
    outcome = write_briefing(docs(), SLUG, NEXT)
    assert outcome.status == "unchanged" and outcome.conflicts == ()
    assert page().read_text("utf-8") == merged_once
    assert base().read_text("utf-8") == NEXT
    assert not [p for p in docs().rglob("*.tmp")] and not [p for p in docs().rglob("*.pending")]


def test_crash_after_writing_a_conflicted_page_does_not_ask_twice(project, monkeypatch):
    generate_first(project)
    page().write_text(conflicting_page(), "utf-8")
    with killed_when_replacing(monkeypatch, base()):
        write_briefing(docs(), SLUG, NEXT)
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
    with killed_when_replacing(monkeypatch, page()):
        write_briefing(docs(), SLUG, NEXT)
    assert (docs() / ".generated" / f"{SLUG}.pending").exists()
    assert write_briefing(docs(), SLUG, NEXT).status == "merged"
    assert page().read_text("utf-8") == merge_page(BASE, edited, NEXT).text
    assert not (docs() / ".generated" / f"{SLUG}.pending").exists()


KILL_SCRIPT = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from generator.merge import atomic as writer
    from generator.merge.pages import write_briefing

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


def _count_folder_syncs(monkeypatch) -> list[Path]:
    """Record the folders :mod:`generator.merge.atomic` fsyncs (the real fsync still runs)."""
    synced: list[Path] = []
    real = writer._fsync_dir
    monkeypatch.setattr(writer, "_fsync_dir", lambda folder: (synced.append(folder), real(folder)))
    return synced


def test_batched_writes_sync_each_folder_once_at_the_end(project, monkeypatch):
    synced = _count_folder_syncs(monkeypatch)
    folders = [project / "briefings" / "actors", project / "briefings" / "sources"]
    with writer.batched_folder_sync():
        for i in range(6):
            writer.atomic_write(folders[i % 2] / f"p{i}.md", f"page {i}\n")
        assert synced == []  # the renames are done, their folders not yet synced
        assert (folders[1] / "p5.md").read_text("utf-8") == "page 5\n"
    assert synced == sorted(folders)
    writer.atomic_write(folders[0] / "alone.md", "one\n")  # outside a block: at once
    assert synced[-1] == folders[0] and len(synced) == 3


def test_a_nested_batch_leaves_the_sync_to_the_outer_one(project, monkeypatch):
    synced = _count_folder_syncs(monkeypatch)
    folder = project / "briefings" / "actors"
    with writer.batched_folder_sync():
        with writer.batched_folder_sync():
            writer.atomic_write(folder / "a.md", "a\n")
        assert synced == []
    assert synced == [folder]


# --------------------------------------------------------------------------- end to end
#
# `briefing generate` on the real seed set, in a temporary git repository: the first
# article, five hand edits, then the second article. Three copies of the set are generated
# together (one model load per run): one gets the five edits, one a conflicting edit, one
# is locked. Kept to three runs because each loads spaCy.

SEED = ROOT / "seeds" / "rutte-erdogan-ankara"
FIRST, SECOND = sorted(p.name for p in SEED.iterdir() if p.suffix in (".txt", ".md", ".html"))[:2]
EDITED, CONFLICTED, LOCKED = "ankara-edited", "ankara-conflict", "ankara-locked"
SUMMARY = "    Editor's summary: NATO's chief praised Türkiye as an ally and discussed Ukraine peace efforts in Ankara.\n"
NOTE = "## Analyst note\n\nThe offer to host talks builds on the 2022 Istanbul round; watch who attends.\n\n"


def run_briefing(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=repo, env=env,
        capture_output=True, text=True, timeout=900,
    )


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, text=True).stdout


def section(text: str, heading: str) -> str:
    start = text.index(f"\n{heading}\n")
    end = text.find("\n## ", start + len(heading) + 2)
    return text[start : end if end >= 0 else len(text)]


def five_edits(text: str, second_article: str) -> tuple[str, dict]:
    """The issue's five hand edits, chosen from whatever the generator wrote."""
    lines = text.splitlines(keepends=True)
    done: dict = {}
    # 1. fix a speaker: the last statement of the last speaker moves to the first speaker
    statements = section(text, "## Key statements")
    groups = [g for g in statements.split("\n### ")[1:]]
    first_head, last_group = groups[0].splitlines()[0], groups[-1]
    moved = [ln for ln in last_group.splitlines(keepends=True) if ln.startswith("- ")][-1]
    first_items = [ln for ln in groups[0].splitlines(keepends=True) if ln.startswith("- ")]
    i = lines.index(moved)
    del lines[i]
    lines.insert(lines.index(first_items[-1]) + 1, moved)
    done["moved"], done["to"] = moved, first_head
    # 2. reword the summary (the one-line summary in the "In brief" box)
    one_line = next(ln for ln in lines if ln.startswith("    ") and not ln.startswith("    -") and ln.strip())
    lines[lines.index(one_line)] = SUMMARY
    # 3. delete an actor the second article does not mention (row and front matter entry)
    # (a speaker's row links to its actor page, any other actor's row is anchored in place)
    rows = {ln: m[1] or m[2] for ln in lines
            if (m := re.match(r'\s*\| (?:\[([^\]]+)\]\(actors/|<span id="actor-[^"]+"></span>([^|]+?) \|)', ln))}
    row, name = next((r, n) for r, n in reversed(rows.items()) if n not in second_article)
    lines.remove(row)
    lines.remove(f"- {name}\n")  # first occurrence: the front matter's actors list
    done["actor_row"], done["actor"] = row, name
    # 4. an "Analyst note" section before the sources
    lines.insert(lines.index("## Sources\n"), NOTE)
    # 5. tags and status in the front matter
    lines.insert(lines.index("tags:\n") + 1, "- editor-pick\n")
    lines[lines.index("status: generated\n")] = "status: reviewed\n"
    return "".join(lines), done


@pytest.fixture(scope="module")
def e2e(tmp_path_factory):
    repo = tmp_path_factory.mktemp("repo")
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "editor@example.org")
    git(repo, "config", "user.name", "Editor")
    for name in (EDITED, CONFLICTED, LOCKED):
        (repo / "seeds" / name).mkdir(parents=True)
        (repo / "seeds" / name / FIRST).write_bytes((SEED / FIRST).read_bytes())
    first = run_briefing(repo, "generate")
    assert first.returncode == 0, first.stderr
    check_after_first = run_briefing(repo, "check")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first article")

    pages = {name: repo / "briefings" / f"{name}.md" for name in (EDITED, CONFLICTED, LOCKED)}
    second_text = (SEED / SECOND).read_text("utf-8")
    edited, done = five_edits(pages[EDITED].read_text("utf-8"), second_text)
    pages[EDITED].write_text(edited, "utf-8")
    # the conflicting edit: the line counting the sources, which the second article must change
    text = pages[CONFLICTED].read_text("utf-8")
    body_start = text.index("\n---\n", 4)
    assert re.search(r"\b1 source\b", text[body_start:]), "the page no longer says '1 source' anywhere"
    conflicted = text[:body_start] + re.sub(r"\b1 source\b", "a single source", text[body_start:], count=1)
    pages[CONFLICTED].write_text(conflicted, "utf-8")
    locked = pages[LOCKED].read_text("utf-8").replace("status: generated\n", "status: generated\nlocked: true\n", 1)
    pages[LOCKED].write_text(locked, "utf-8")
    git(repo, "commit", "-q", "-am", "hand edits")
    for name in (EDITED, CONFLICTED, LOCKED):
        (repo / "seeds" / name / SECOND).write_bytes((SEED / SECOND).read_bytes())

    second = run_briefing(repo, "generate")
    check_after_second = run_briefing(repo, "check")
    return {
        "repo": repo, "pages": pages, "done": done, "first": first, "second": second,
        "check1": check_after_first, "check2": check_after_second, "locked": locked,
    }


def test_e2e_first_generation_is_valid(e2e):
    assert e2e["check1"].returncode == 0, e2e["check1"].stderr
    tracked = git(e2e["repo"], "ls-files", "briefings/.generated").split()
    assert f"briefings/.generated/{EDITED}.md" in tracked


def test_e2e_every_hand_edit_survives_the_second_article(e2e):
    page = e2e["pages"][EDITED].read_text("utf-8")
    done = e2e["done"]
    assert f"CONFLICT briefings/{EDITED}.md" not in e2e["second"].stderr
    # 1. the statement now sits under the first speaker
    first_group = section(page, "## Key statements").split("\n### ")[1]
    assert first_group.startswith(done["to"])
    moved_quote = done["moved"].split(" — ")[0]
    assert moved_quote in first_group
    # 2. the reworded summary
    assert SUMMARY in page
    # 3. the deleted actor stays deleted
    assert done["actor_row"] not in page
    assert f"\n- {done['actor']}\n" not in page.split("\n---\n", 1)[0]
    # 4. the analyst note, still right before the sources
    assert NOTE + "## Sources\n" in page
    # 5. the editor's tag and status
    assert "- editor-pick\n" in page and "status: reviewed\n" in page
    # and the second article arrived: its source, its statements, its actor
    assert f"sources/{EDITED}.md#s2" in section(page, "## Sources")
    assert "[s2][s2-" in section(page, "## Key statements")
    assert "Hakan Fidan" in page


def test_e2e_conflict_keeps_the_editors_text_and_reports_file_and_line(e2e):
    second = e2e["second"]
    assert second.returncode == 1
    reported = [ln for ln in second.stderr.splitlines() if ln.startswith(f"CONFLICT briefings/{CONFLICTED}.md:")]
    assert len(reported) == 1, second.stderr
    line = int(reported[0].rsplit(":", 1)[1])
    page = e2e["pages"][CONFLICTED].read_text("utf-8").splitlines()
    assert page[line - 1].startswith(CONFLICT_START)
    assert any("a single source" in ln for ln in page[: line - 1])  # the editor's line, above
    proposal = "\n".join(page[line - 1 :])
    assert re.search(r"\b2 sources\b", proposal[: proposal.index(CONFLICT_END)])  # the generator's, in the comment
    assert f"sources/{CONFLICTED}.md#s2" in "\n".join(page)  # everything else merged
    # briefing check fails on it, naming the same place
    check = e2e["check2"]
    assert check.returncode == 1
    assert f"briefings/{CONFLICTED}.md:{line}: unresolved merge conflict" in check.stderr


def test_e2e_locked_page_is_untouched_byte_for_byte(e2e):
    assert e2e["pages"][LOCKED].read_text("utf-8") == e2e["locked"]


def test_e2e_regenerating_without_input_change_changes_no_byte(e2e):
    repo = e2e["repo"]
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "second article")
    again = run_briefing(repo, "generate", "--force")
    assert again.returncode == 1  # the conflict is still unresolved
    # The briefing pages and their stored bases (the site's index pages are site.py's).
    ours = [f"briefings/{n}.md" for n in (EDITED, CONFLICTED, LOCKED)]
    ours += [f"briefings/.generated/{n}.md" for n in (EDITED, CONFLICTED, LOCKED)]
    status = git(repo, "status", "--porcelain", "--untracked-files=all", "--", "briefings")
    assert "??" not in status  # no journal or temporary file left behind
    # Only the inputs' content hash may differ, and only when the generator's templates or
    # lexicons changed between the runs (they are part of that hash; in a shared checkout
    # a colleague may be editing them): every other byte is the same.
    changed = [
        line for line in git(repo, "diff", "--unified=0", "--", *ours).splitlines()
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert all(re.search(r'^[+-]\s*"?hash"?: "?sha256:[0-9a-f]+"?,?$', line) for line in changed), changed
