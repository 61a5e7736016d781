"""Bad, hostile and huge input (issue 12): every case with real files on disk.

One bad file never costs the others, nothing outside seeds/ is read, the site is never left
broken. Articles are our own test articles (tests/data/articles, invented events). Each test
names the case of the issue it covers.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.errors import BriefingError, InputError
from generator.ingest import load_article, load_source_set, scan_seeds
from generator.ingest.limits import Limits
from generator.pipeline import generate
from generator.pipeline.lock import run_lock
from generator.pipeline.progress import Reporter
from generator.publish.check import check_pages
from tests.conftest import DATA, ROOT

ARTICLES = DATA / "articles"
GOOD = ARTICLES / "quotes_port.txt"
OTHER = ARTICLES / "quotes_storm.txt"
SECRET = "root:x:0:0:a line only /etc/passwd holds"


def briefing(*args: str, cwd: Path = ROOT, env: dict | None = None, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})})


def _set(seeds: Path, name: str, *files: Path) -> Path:
    folder = seeds / name
    folder.mkdir(parents=True)
    for f in files:
        shutil.copy(f, folder / f.name)
    return folder


def _tree_text(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(folder.rglob("*")) if p.is_file())


# --------------------------------------------------------------------------- 1 symlinks


def test_1_symlinks_are_never_followed(tmp_path, nlp):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text(f"{SECRET}\nThe minister said the talks would go on.\n")
    seeds, out = tmp_path / "seeds", tmp_path / "briefings"
    folder = _set(seeds, "x", GOOD)
    (folder / "c.txt").symlink_to(outside / "passwd.txt")
    (seeds / "linked-set").symlink_to(outside)
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert SECRET not in _tree_text(out)
    assert [o.slug for o in report.outcomes] == ["x"]
    assert any("c.txt: a symbolic link: not followed" in p for p in report.problems)
    assert any("linked-set: a symbolic link" in p for p in report.problems)
    assert "c.txt" in (out / "x.md").read_text("utf-8").split("---")[1]  # listed as skipped


# --------------------------------------------------------------------------- 2 killed build


def _built_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copytree(ROOT / "briefings", project / "briefings")
    from generator.publish.mkdocs import build_site

    build_site(project)
    return project


def _mkdocs_children(site_dir_part: str) -> list[int]:
    pids = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
            except OSError:
                continue
            if "mkdocs" in cmd and site_dir_part in cmd:
                pids.append(int(proc.name))
    return pids


@pytest.mark.slow
def test_2_a_killed_build_leaves_the_previous_site_and_no_orphan(tmp_path):
    project = _built_project(tmp_path)
    before = sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*"))
    child = subprocess.Popen([sys.executable, "-c", "from pathlib import Path; from generator.publish.mkdocs import "
                              f"build_site; build_site(Path({str(project)!r}))"], cwd=ROOT)
    deadline = time.monotonic() + 60
    while not _mkdocs_children(str(project)) and time.monotonic() < deadline:
        time.sleep(0.05)  # until MkDocs is busy building
    assert _mkdocs_children(str(project)), "mkdocs never started"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    for _ in range(100):  # the kernel delivers the parent-death signal at once; allow it a moment
        if not _mkdocs_children(str(project)):
            break
        time.sleep(0.05)
    assert _mkdocs_children(str(project)) == []
    assert sorted(p.relative_to(project / "site") for p in (project / "site").rglob("*")) == before
    from generator.publish.mkdocs import build_site

    build_site(project)  # the next build clears what the killed one left
    assert not list(project.glob(".site.*"))


# --------------------------------------------------------------------------- 3 one bad article


@pytest.mark.slow
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_3_one_bad_article_never_costs_the_others(tmp_path, jobs):
    seeds, out = tmp_path / "seeds", tmp_path / "briefings"
    (_set(seeds, "aaa") / "x.txt").write_text("")
    _set(seeds, "zzz-good", GOOD)
    mixed = _set(seeds, "mixed", GOOD, OTHER)
    (mixed / "empty.txt").write_text("")
    proc = briefing("generate", "--seeds", str(seeds), "--out", str(out), "--jobs", jobs)
    assert proc.returncode == 1
    assert (out / "zzz-good.md").is_file() and (out / "mixed.md").is_file() and not (out / "aaa.md").exists()
    lines = proc.stderr.splitlines()
    warning = next(i for i, line in enumerate(lines) if "aaa" in line and line.startswith("warning: skipped"))
    loading = next((i for i, line in enumerate(lines) if "loading the language model" in line or "processes" in line), len(lines))
    assert warning < loading  # reported before the model is loaded
    assert f"warning: skipped {mixed / 'empty.txt'}: empty file: nothing to read" in lines
    assert "skipped:\n- file: empty.txt\n  reason: 'empty file: nothing to read'" in (out / "mixed.md").read_text("utf-8")
    assert lines[-1].startswith("error: ") and "skipped" in lines[-1]


# --------------------------------------------------------------------------- 4 broken hand edit


def test_4_a_page_with_broken_front_matter_fails_check_build_and_the_hook(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(ROOT / "briefings", project / "briefings")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    page = project / "briefings" / "rutte-erdogan-ankara.md"
    page.write_text(page.read_text("utf-8").replace("title: ", "title: [unclosed ", 1), "utf-8")
    for command in (["build"], ["generate", "--check"]):
        proc = briefing(*command, cwd=project)
        assert proc.returncode == 1, (command, proc.stderr)
        assert "rutte-erdogan-ankara.md:" in proc.stderr and "front matter is not valid YAML" in proc.stderr
    assert not (project / "site").exists()


# --------------------------------------------------------------------------- 5 site page edits


@pytest.mark.slow
def test_5_a_hand_edit_of_a_site_page_is_kept(tmp_path, nlp):
    seeds, out = tmp_path / "seeds", tmp_path / "briefings"
    _set(seeds, "port-talks", GOOD)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    home = out / "index.md"
    text = home.read_text("utf-8")
    assert "<!-- generated by briefing-site" in text  # the page says it is generated
    home.write_text(text + "\nA note the desk keeps on the home page.\n", "utf-8")
    _set(seeds, "storm", OTHER)  # a new set: the home page is regenerated
    report = generate(seeds, out, reporter=Reporter(), nlp=nlp)
    merged = home.read_text("utf-8")
    assert "A note the desk keeps on the home page." in merged
    assert "storm.md" in merged  # and the new generation came in around it
    assert report.site_conflicts == ()


# --------------------------------------------------------------------------- 6 a 50 MB article


def test_6_a_huge_article_is_refused_unread(tmp_path):
    folder = _set(tmp_path / "seeds", "big", GOOD)
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(50 * 2**20)  # 50 MB of zeros, sparse on disk
    source_set = load_source_set(folder)
    assert [s.file for s in source_set.skipped] == ["huge.txt"]
    assert "52,428,800 bytes is over the limit of 2,000,000 (BRIEFING_MAX_ARTICLE_BYTES)" in source_set.skipped[0].reason
    assert len(source_set.articles) == 1


def test_6_limits_are_configurable(tmp_path):
    assert Limits.from_env({"BRIEFING_MAX_ARTICLE_BYTES": "100"}).article_bytes == 100
    with pytest.raises(InputError, match="BRIEFING_MAX_ARTICLES: expected a positive whole number"):
        Limits.from_env({"BRIEFING_MAX_ARTICLES": "many"})
    with pytest.raises(InputError, match="over the limit of 100"):
        load_article(GOOD, "s1", Limits(article_bytes=100))


# --------------------------------------------------------------------------- 7 impossible dates


def test_7_impossible_dates_give_one_line_not_a_traceback(tmp_path):
    folder = _set(tmp_path / "seeds", "dates", GOOD)
    (folder / "bad.md").write_text("---\ntitle: A title\npublished: 2025-13-45\n---\n\nThe council met.\n")
    source_set = load_source_set(folder)
    assert [(s.file, s.reason) for s in source_set.skipped] == [
        ("bad.md", "malformed front matter: impossible date (month must be in 1..12)")]
    (folder / "set.yml").write_text("as_of: 2025-02-30\n")
    with pytest.raises(InputError, match=r"set.yml: impossible date: day is out of range for month"):
        load_source_set(folder)


def test_7_an_impossible_date_in_a_page_is_a_check_problem(tmp_path):
    docs = tmp_path / "briefings"
    shutil.copytree(ROOT / "briefings", docs)
    page = docs / "rutte-erdogan-ankara.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("\nupdated: ", "\nupdated: 2025-13-45\nold_updated: ", 1), "utf-8")
    problems = [str(p) for p in check_pages(docs)]
    assert any("front matter holds an impossible value: month must be in 1..12" in p for p in problems)


# --------------------------------------------------------------------------- 8 serve


def test_8_serve_refuses_a_bad_or_busy_port_in_one_line():
    proc = briefing("serve", "--port", "99999")
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1
    assert "99999 is not in the range 1<=x<=65535" in proc.stderr
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = briefing("serve", "--port", str(port))
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert f"error: cannot serve on 127.0.0.1:{port}:" in proc.stderr


@pytest.mark.slow
def test_8_serve_prints_the_address_it_serves_on(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "seeds", project / "seeds")
    shutil.copytree(ROOT / "briefings", project / "briefings")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    child = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--port", str(port)], cwd=project,
                             stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            line = child.stderr.readline()
            seen.append(line)
            if "serving on" in line or not line:
                break
        assert f"serving on http://127.0.0.1:{port}/" in "".join(seen)
    finally:
        child.kill()
        child.wait()


# --------------------------------------------------------------------------- 10 not an article


def test_10_navigation_only_html_and_broken_front_matter_are_refused(tmp_path):
    nav = tmp_path / "menu.html"
    nav.write_text("<html><head><title>Metro News</title></head><body><ul>"
                   + "".join(f'<li><a href="/{w}">{w.title()} News</a></li>' for w in ("world", "sport", "money"))
                   + '</ul><p><a href="/a">Bridge opens in the harbour district</a></p></body></html>')
    with pytest.raises(InputError, match="the page is navigation, not an article"):
        load_article(nav, "s1")
    unclosed = tmp_path / "unclosed.md"
    unclosed.write_text("---\ntitle: A headline\n\nThe council met on Monday to vote.\n")
    with pytest.raises(InputError, match="front matter opened with '---' on line 1 is never closed"):
        load_article(unclosed, "s1")
    listed = tmp_path / "listed.md"
    listed.write_text("---\n- title\n- date\n---\n\nThe council met on Monday to vote.\n")
    with pytest.raises(InputError, match="expected a mapping of fields but received a list"):
        load_article(listed, "s1")


# --------------------------------------------------------------------------- 11 long set names


def test_11_a_set_name_over_the_limit_is_skipped_saying_so(tmp_path):
    seeds = tmp_path / "seeds"
    _set(seeds, "x" * 250, GOOD)
    _set(seeds, "fine", GOOD)
    scan = scan_seeds(seeds)
    assert [p.name for p in scan.sets] == ["fine"]
    assert "name of 250 characters is over the limit of 100 (BRIEFING_MAX_SET_NAME)" in scan.rejected[0][1]


# --------------------------------------------------------------------------- 12 concurrent runs


def test_12_a_second_run_waits_then_gives_up_clearly(tmp_path):
    seeds, out = tmp_path / "seeds", tmp_path / "briefings"
    _set(seeds, "port-talks", GOOD)
    with run_lock(out):
        proc = briefing("generate", "--seeds", str(seeds), "--out", str(out), env={"BRIEFING_LOCK_WAIT": "0.5"})
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1
    assert "another briefing run is writing this folder" in proc.stderr
    assert not (out / "port-talks.md").exists()
    with run_lock(out, wait=0):  # released when the holder is done
        pass
    with run_lock(out):
        with pytest.raises(BriefingError, match="waited 0 s"):
            with run_lock(out, wait=0):
                pass


# --------------------------------------------------------------------------- raw front matter


def test_markup_in_front_matter_material_prints_raw_is_a_check_problem(tmp_path):
    docs = tmp_path / "briefings"
    shutil.copytree(ROOT / "briefings", docs)
    page = docs / "rutte-erdogan-ankara.md"
    text = page.read_text("utf-8")
    page.write_text(text.replace("title: ", "title: <img src=x onerror=alert(1)> ", 1), "utf-8")
    problems = [str(p) for p in check_pages(docs)]
    assert any("front matter `title` holds HTML markup" in p for p in problems)
