"""The sharded path of both pipelines (BRIEFING_SHARDS > 1): its shape, the shard list, and a
run of every shard's and the assemble job's own shell steps in fresh clones of the repository."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.pipeline.shard import shard_number
from tests.conftest import ROOT
from tests.publish.conftest import GIT_ENV, GITLAB, WORKFLOW, git

SHARDED = "(vars.BRIEFING_SHARDS || '1') != '1'"
GITLAB_SHARDED = [{"if": '$BRIEFING_SHARDS && $BRIEFING_SHARDS != "1"'}]
# What the assemble job runs between applying the shards' patches and committing.
ASSEMBLE = [
    ".venv/bin/briefing generate --assemble",
    ".venv/bin/briefing generate --check",
    ".venv/bin/briefing check",
    ".venv/bin/mkdocs build --strict",
]
COLLECT = ["mkdir -p shards", "git add --all -- briefings", "git diff --cached --binary -- briefings > "]


def _runs(workflow: dict, job: str) -> list[str]:
    return [s["run"].strip() for s in workflow["jobs"][job]["steps"] if "run" in s]


def _step(workflow: dict, job: str, name: str) -> dict:
    return next(s for s in workflow["jobs"][job]["steps"] if s.get("name") == name)


def _lines(script: str) -> list[str]:
    """A script's commands, without comments and blank lines."""
    return [line.strip() for line in script.splitlines() if line.strip() and not line.strip().startswith("#")]


def _bash(script: str, cwd: Path, env: dict[str, str], timeout: float = 900) -> subprocess.CompletedProcess:
    """``script`` as a runner runs a step: bash, stopping at the first failing command."""
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


# --------------------------------------------------------------------------- GitHub Actions


def test_the_sharded_jobs_run_only_when_briefing_shards_is_over_one(workflow):
    jobs = workflow["jobs"]
    assert jobs["shards"]["if"] == SHARDED
    assert jobs["shard"]["needs"] == "shards" and jobs["assemble"]["needs"] == "shard"
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.shards.outputs.list) }}"
    assert jobs["shards"]["outputs"]["list"] == "${{ steps.list.outputs.list }}"


def test_each_shard_regenerates_its_sets_and_uploads_its_changes_as_a_patch(workflow):
    shard = workflow["jobs"]["shard"]
    assert workflow["jobs"]["build"]["env"].items() <= shard["env"].items()  # pages as `build` makes them
    assert shard["env"]["SHARD"] == "${{ matrix.shard }}"
    assert shard["env"]["SHARDS"] == "${{ needs.shards.outputs.total }}"
    runs = _runs(workflow, "shard")
    assert runs[:2] == ["make install", '.venv/bin/briefing generate --shard "$SHARD/$SHARDS"']
    collect = _lines(runs[2])
    assert collect[:2] == COLLECT[:2] and collect[2] == COLLECT[2] + '"shards/shard-$SHARD.patch"'
    upload = _step(workflow, "shard", "Upload the shard's changes")
    assert upload["uses"] == "actions/upload-artifact@v4"
    assert upload["with"]["name"] == "briefings-shard-${{ matrix.shard }}" and upload["with"]["path"] == "shards/"


def test_assemble_applies_every_patch_assembles_checks_builds_then_commits(workflow):
    jobs = workflow["jobs"]
    assert jobs["assemble"]["env"] == jobs["build"]["env"]  # the same site URL
    download = _step(workflow, "assemble", "Download the shards' changes")
    assert download["with"] == {"pattern": "briefings-shard-*", "path": "shards", "merge-multiple": True}
    runs = _runs(workflow, "assemble")
    assert runs[0] == "make install" and "git apply" in runs[1] and runs[2:6] == ASSEMBLE
    assert runs[6] == _step(workflow, "build", "Commit regenerated pages")["run"].strip()
    commit = _step(workflow, "assemble", "Commit regenerated pages")
    upload = _step(workflow, "assemble", "Upload site")
    assert commit["if"] == upload["if"] == "github.event_name != 'pull_request'"
    assert upload == _step(workflow, "build", "Upload site")


@pytest.mark.parametrize("value, listed", [("2", "[1,2]"), ("5", "[1,2,3,4,5]"), ("256", None)])
def test_the_shard_list_counts_one_to_n(workflow, tmp_path, value, listed):
    output = tmp_path / "output"
    step = _step(workflow, "shards", "List the shards")
    done = _bash(step["run"], tmp_path, {**os.environ, "BRIEFING_SHARDS": value, "GITHUB_OUTPUT": str(output)})
    assert done.returncode == 0, done.stdout + done.stderr
    written = dict(line.split("=", 1) for line in output.read_text().splitlines())
    assert written["total"] == value
    assert written["list"] == (listed or "[" + ",".join(str(n) for n in range(1, 257)) + "]")


@pytest.mark.parametrize("value", ["0", "257", "02", "-1", "two", "2 ", ""])
def test_the_shard_list_refuses_what_is_not_a_count(workflow, tmp_path, value):
    output = tmp_path / "output"
    step = _step(workflow, "shards", "List the shards")
    done = _bash(step["run"], tmp_path, {**os.environ, "BRIEFING_SHARDS": value, "GITHUB_OUTPUT": str(output)})
    assert done.returncode == 1
    assert done.stdout == f"::error::BRIEFING_SHARDS must be a whole number from 1 to 256, not '{value}'\n"
    assert not output.exists()


# --------------------------------------------------------------------------- GitLab CI


def test_gitlab_shards_with_parallel_then_assembles(gitlab, workflow):
    assert gitlab["build"]["rules"] == [{**GITLAB_SHARDED[0], "when": "never"}, {"when": "on_success"}]
    shard, assemble = gitlab["shard"], gitlab["assemble"]
    assert shard["rules"] == assemble["rules"] == GITLAB_SHARDED
    assert isinstance(shard["parallel"], int) and shard["parallel"] >= 2
    assert gitlab["stages"].index(shard["stage"]) < gitlab["stages"].index(assemble["stage"])
    assert shard["script"][1:3] == ["make install", '.venv/bin/briefing generate --shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"']
    assert shard["script"][3:5] == COLLECT[:2] and shard["script"][5] == COLLECT[2] + '"shards/shard-$CI_NODE_INDEX.patch"'
    assert shard["artifacts"]["paths"] == ["shards/"]
    assert shard["variables"] == gitlab["build"]["variables"]
    assert assemble["needs"] == ["shard"]  # every parallel job, with its artifacts
    assert assemble["variables"] == gitlab["build"]["variables"]
    apply = _step(workflow, "assemble", "Apply the shards' changes")["run"]
    assert assemble["script"][0] == "make install" and _lines(assemble["script"][1]) == _lines(apply)
    assert assemble["script"][2:6] == ASSEMBLE
    assert assemble["script"][6] == gitlab["build"]["script"][4]  # the same commit step
    assert assemble["artifacts"] == gitlab["build"]["artifacts"]


@pytest.mark.parametrize("shards, total, ok", [("2", "2", True), ("3", "2", False), ("2", "4", False)])
def test_gitlab_shard_stops_when_the_variable_and_parallel_differ(gitlab, tmp_path, shards, total, ok):
    env = {**os.environ, "BRIEFING_SHARDS": shards, "CI_NODE_TOTAL": total}
    done = _bash(gitlab["shard"]["script"][0], tmp_path, env)
    assert (done.returncode == 0) == ok
    if not ok:
        assert done.stderr == (f"BRIEFING_SHARDS is {shards} but the shard job runs parallel: {total}; "
                               "set both to one number\n")


# --------------------------------------------------------------------------- a real run


def _clone(remote: Path, into: Path) -> Path:
    subprocess.run(["git", "clone", "--quiet", str(remote), str(into)], check=True)
    (into / ".venv").symlink_to(ROOT / ".venv")
    return into


def _push_a_seed_change(remote: Path, into: Path) -> str:
    """An editor's commit that changes the seed set, so its shard must regenerate it; its slug."""
    editor = _clone(remote, into)
    slug = next(p.name for p in sorted((editor / "seeds").iterdir()) if p.is_dir())
    article = sorted((editor / "seeds" / slug).glob("*.txt"))[0]
    article.write_text(article.read_text("utf-8") + "\nA further meeting is expected next month, officials said.\n", "utf-8")
    git(editor, "commit", "--quiet", "-am", "An article gains a paragraph")
    git(editor, "push", "--quiet", "origin", "HEAD")  # the branch the runners check out
    return slug


def _runner_env(clone: Path, extra: dict[str, str]) -> dict[str, str]:
    """The environment of a runner: no author identity (the commit step sets its own), the
    clone's own code on PYTHONPATH, ``extra`` on top."""
    isolated = {k: v for k, v in GIT_ENV.items() if k.startswith("GIT_CONFIG")}
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))}
    return {**base, **isolated, "CI": "true", "PYTHONPATH": str(clone), "NO_MKDOCS_2_WARNING": "1",
            "BRIEFING_SITE_URL": "https://editors.github.io/briefings/", **extra}


def _run_all(scripts: list[str], clone: Path, env: dict[str, str]) -> None:
    for script in scripts:
        if script.strip() == "make install":  # the clone shares this checkout's .venv instead
            continue
        done = _bash(script, clone, env)
        assert done.returncode == 0, f"{script!r} failed:\n{done.stdout}\n{done.stderr}"


def _github_jobs(workflow: dict, tmp_path: Path) -> tuple[list[tuple[list[str], dict]], list[str], dict]:
    """The shard jobs (scripts, env) the matrix fans out to, and the assemble job's scripts and env."""
    output = tmp_path / "github-output"
    listed = _bash(_step(workflow, "shards", "List the shards")["run"], tmp_path,
                   {**os.environ, "BRIEFING_SHARDS": "2", "GITHUB_OUTPUT": str(output)})
    assert listed.returncode == 0, listed.stdout
    outputs = dict(line.split("=", 1) for line in output.read_text().splitlines())
    shards = [(_runs(workflow, "shard"), {"SHARD": str(n), "SHARDS": outputs["total"]})
              for n in yaml.safe_load(outputs["list"])]
    return shards, _runs(workflow, "assemble"), {"GITHUB_REF_NAME": "main"}


def _gitlab_jobs(gitlab: dict) -> tuple[list[tuple[list[str], dict]], list[str], dict]:
    total = gitlab["shard"]["parallel"]
    env = {"BRIEFING_SHARDS": str(total), "CI_NODE_TOTAL": str(total)}
    shards = [(gitlab["shard"]["script"], {**env, "CI_NODE_INDEX": str(n)}) for n in range(1, total + 1)]
    # The default branch without BRIEFING_PUSH_TOKEN: pages are published, not pushed.
    return shards, gitlab["assemble"]["script"], {"CI_COMMIT_BRANCH": "main", "CI_DEFAULT_BRANCH": "main"}


@pytest.mark.slow
@pytest.mark.parametrize("provider", ["github", "gitlab"])
def test_sharded_steps_pass_in_fresh_clones(tmp_path, workflow, gitlab, provider):
    """Every shard job's steps in a clone of its own, their patches handed over as the
    artifacts would be, then the assemble job's steps in another clone: the site is built,
    and the branch ends with pages current with the seeds."""
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(remote)], check=True)
    slug = _push_a_seed_change(remote, tmp_path / "editor")
    shards, assemble, assemble_env = _github_jobs(workflow, tmp_path) if provider == "github" else _gitlab_jobs(gitlab)
    final = _clone(remote, tmp_path / "assemble")
    (final / "shards").mkdir()
    for n, (scripts, env) in enumerate(shards, start=1):
        clone = _clone(remote, tmp_path / f"shard-{n}")
        _run_all(scripts, clone, _runner_env(clone, env))
        patch = clone / "shards" / f"shard-{n}.patch"
        # Only the shard that owns the changed set has anything to hand over.
        assert (f"briefings/{slug}.md" in patch.read_text("utf-8")) == (n == shard_number(slug, len(shards)))
        shutil.copy(patch, final / "shards")
    env = _runner_env(final, assemble_env)
    _run_all(assemble, final, env)
    assert (final / "site" / "index.html").is_file()
    check = subprocess.run([".venv/bin/briefing", "generate", "--check"], cwd=final, env=env, capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    if provider == "github":  # committed and pushed: the branch holds the assembled pages
        assert git(final, "status", "--porcelain", "--", "briefings").stdout == ""
        assert git(remote, "rev-parse", "main").stdout == git(final, "rev-parse", "HEAD").stdout
