"""The `briefing` command as a user runs it: help, exit codes, one-line errors, extract output."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from generator.render.record import extract_schema
from tests.conftest import DATA, ROOT, SCRIPTS, SEED_GOLD, SEEDS

COMMANDS = ["generate", "build", "serve", "extract", "check", "hooks", "hooks install"]


def briefing(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def seed_extract(tmp_path_factory) -> tuple[Path, dict]:
    proc = briefing("extract", str(SEEDS / "rutte-erdogan-ankara"), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    path = tmp_path_factory.mktemp("extract") / "seed.json"
    path.write_text(proc.stdout, encoding="utf-8")
    return path, json.loads(proc.stdout)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command):
    proc = briefing(*command.split(), "--help")
    assert proc.returncode == 0
    assert "Example:" in proc.stdout or command == "hooks"


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for command in COMMANDS:
        assert f"briefing {command}" in readme, command


def test_extract_matches_the_json_schema(seed_extract):
    _, data = seed_extract
    jsonschema.validate(data, extract_schema())
    assert data["set"] == "rutte-erdogan-ankara"
    assert [s["id"] for s in data["sources"]] == ["s1", "s2"]


def test_extract_sources_say_what_was_inferred(seed_extract):
    _, data = seed_extract
    first, second = data["sources"]
    # a plain-text article states nothing formally: its byline date is read, and marked so
    assert (first["published"], first["published_basis"]) == ("2025-05-14", "dateline")
    # the second article states no date: it takes one from the set and says so
    assert second["published_inferred"] is True
    assert second["title"] and second["title_inferred"] is True


@pytest.mark.quality
def test_score_script_runs_on_extract(seed_extract):
    path, _ = seed_extract
    proc = subprocess.run(
        [sys.executable, str(SCRIPTS / "score_extraction.py"), str(SEED_GOLD), str(path)],
        capture_output=True, text=True,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1].startswith("score: actors.f1=")


def test_extract_is_deterministic(seed_extract):
    _, data = seed_extract
    again = briefing("extract", str(SEEDS / "rutte-erdogan-ankara"), "--format", "json")
    assert json.loads(again.stdout) == data


def test_extract_several_sets_gives_json_lines():
    proc = briefing("extract", str(SEEDS / "rutte-erdogan-ankara"), str(DATA / "sets" / "harbour-strike"))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["set"] for r in records] == ["rutte-erdogan-ankara", "harbour-strike"]
    for record in records:
        jsonschema.validate(record, extract_schema())


def test_missing_set_is_a_usage_error_on_one_line():
    proc = briefing("extract", "no/such/set")
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1
    assert proc.stderr.startswith("error: ") and "no/such/set" in proc.stderr


def test_bad_article_names_the_file_and_exits_1(tmp_path):
    bad = tmp_path / "broken-set"
    bad.mkdir()
    (bad / "001.md").write_text("---\ntitle: [unclosed\n---\nBody text.\n", encoding="utf-8")
    proc = briefing("extract", str(bad))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1
    assert "001.md" in proc.stderr


def test_unknown_command_is_exit_2():
    proc = briefing("frobnicate")
    assert proc.returncode == 2
    assert proc.stderr.startswith("error: No such command")
