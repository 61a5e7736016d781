"""``briefing add`` as a user runs it, against the local test site (nothing leaves the machine)."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import yaml

from generator.collect.add import Candidate, add_urls
from generator.collect.fetch import Fetcher
from generator.ingest import load_source_set
from tests.conftest import ROOT


def briefing(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def sources(folder: Path) -> dict:
    return yaml.safe_load((folder / "sources.yml").read_text(encoding="utf-8"))


def test_pages_are_stored_with_where_they_came_from(web, tmp_path):
    base, _ = web
    proc = briefing("add", f"{base}/news/1.html", f"{base}/moved", "--set", "bridges", "--seeds", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        f"added          {base}/news/1.html -> 001_test-gazette.html",
        f"added          {base}/moved -> 002_test-gazette.html",
    ]
    folder = tmp_path / "bridges"
    assert (folder / "001_test-gazette.html").read_bytes().startswith(b"<!DOCTYPE html>")
    entry = sources(folder)["articles"]["002_test-gazette.html"]
    assert entry["url"] == f"{base}/news/3.html"  # where the redirect led
    assert entry["requested"] == f"{base}/moved"
    assert entry["published"] == "2026-03-04"
    assert entry["http_date"].endswith("GMT") and entry["fetched"].endswith("Z")
    assert len(entry["text_sha256"]) == 64


def test_ingest_reads_the_url_and_date_from_sources_yml(web, tmp_path):
    base, _ = web
    assert briefing("add", f"{base}/moved", "--set", "bridges", "--seeds", str(tmp_path)).returncode == 0
    folder = tmp_path / "bridges"
    record = sources(folder)
    record["articles"]["001_test-gazette.html"]["published"] = "2026-03-02"  # an editor's correction
    (folder / "sources.yml").write_text(yaml.safe_dump(record), encoding="utf-8")
    article = load_source_set(folder).articles[0]
    assert (article.url, article.published.isoformat(), article.published_basis) == (
        f"{base}/news/3.html", "2026-03-02", "sources.yml")
    assert article.outlet == "Test Gazette" and "cracked bolts" in article.text


def test_a_url_or_text_already_in_the_set_is_not_added_again(web, tmp_path):
    base, _ = web
    assert briefing("add", f"{base}/news/1.html", "--set", "s", "--seeds", str(tmp_path)).returncode == 0
    proc = briefing("add", f"{base}/news/1.html?utm_source=feed", f"{base}/amp/1.html", f"{base}/syndicated.html",
                    "--set", "s", "--seeds", str(tmp_path))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines() == [
        f"already there  {base}/news/1.html?utm_source=feed (001_test-gazette.html, same URL)",
        f"already there  {base}/amp/1.html (001_test-gazette.html, same URL)",  # its canonical address
        f"already there  {base}/syndicated.html (001_test-gazette.html, same text)",
    ]
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["001_test-gazette.html", "sources.yml"]


def test_a_page_saved_by_hand_counts_as_already_there(web, tmp_path):
    base, _ = web
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "000_saved.md").write_text(f"---\ntitle: Saved\nurl: {base}/news/2.html\n---\n\nA saved text.\n", encoding="utf-8")
    proc = briefing("add", f"{base}/news/2.html", "--set", "s", "--seeds", str(tmp_path))
    assert proc.stdout.strip() == f"already there  {base}/news/2.html (000_saved.md, same URL)"


def test_a_failing_url_never_stops_the_others_and_exits_1(web, tmp_path):
    base, _ = web
    urls = [f"{base}/missing.html", f"{base}/news/7.html", f"{base}/loop-a", f"{base}/data.json",
            f"{base}/private/a.html", f"{base}/huge", f"{base}/empty.html", f"{base}/slow", f"{base}/news/8.html"]
    proc = briefing("add", *urls, "--set", "s", "--seeds", str(tmp_path), "--timeout", "0.5", "--max-mb", "1")
    assert proc.returncode == 1
    port = base.rsplit(":", 1)[1]
    assert proc.stdout.splitlines() == [
        f"failed         {base}/missing.html: HTTP 404 Not Found",
        f"added          {base}/news/7.html -> 001_test-gazette.html",
        f"failed         {base}/loop-a: redirect loop at {base}/loop-a",
        f"failed         {base}/data.json: not a page: content type application/json",
        f"failed         {base}/private/a.html: disallowed by robots.txt of 127.0.0.1:{port}",
        f"failed         {base}/huge: page too large: 2,400,026 bytes (limit 1,000,000)",
        f"failed         {base}/empty.html: no article text found in the page",
        f"failed         {base}/slow: timed out after 0.5 s",
        f"added          {base}/news/8.html -> 002_test-gazette.html",
    ]
    assert proc.stderr == "error: 7 of 9 URL(s) failed\n"


def test_twenty_urls_take_under_five_seconds(web, tmp_path):
    """Timed in process: the interpreter's start-up on a loaded machine is not the fetcher's cost."""
    base, _ = web
    urls = [f"{base}/news/{n}.html" for n in range(101, 121)]
    start = time.monotonic()
    with Fetcher() as fetcher:
        outcomes = add_urls([Candidate(u) for u in urls], tmp_path / "many", fetcher)
    elapsed = time.monotonic() - start
    assert [o.status for o in outcomes] == ["added"] * 20
    names = sorted(p.name for p in (tmp_path / "many").glob("*.html"))
    assert names == [f"{n:03d}_test-gazette.html" for n in range(1, 21)]  # numbered in the order given
    assert b"bridge 101 " in (tmp_path / "many" / "001_test-gazette.html").read_bytes()
    assert elapsed <= 5.0, f"{elapsed:.1f} s"


def test_usage_errors_exit_2(tmp_path):
    proc = briefing("add", "--set", "s", "--seeds", str(tmp_path))
    assert (proc.returncode, proc.stderr) == (2, "error: give at least one URL or --feed URL (see `briefing add --help`)\n")
    proc = briefing("add", "http://127.0.0.1:9/x", "--set", "Bad Name", "--seeds", str(tmp_path))
    assert proc.returncode == 2
    assert "expected a folder name of lower-case letters, digits and hyphens but received: 'Bad Name'" in proc.stderr
