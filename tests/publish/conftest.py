"""Helpers for the publish tests: git repositories in temporary folders, briefing pages."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

# A fixed identity and no user or system git config, so the tests behave the same on every
# machine (and never sign commits or run the developer's own hooks).
GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git(repo: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    """Run git in ``repo`` with the test identity; output captured as text."""
    return subprocess.run(
        ["git", *args], cwd=repo, env={**os.environ, **GIT_ENV},
        capture_output=True, text=True, check=check,
    )


def init_repo(path: Path) -> Path:
    """A new git repository on branch main."""
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q", "-b", "main")
    return path


def briefing_page(slug: str, content_hash: str, body: str = "Generated body.\n", extra: str = "") -> str:
    """A page as the briefing template lays out its front matter (title … generator)."""
    return (
        f"---\ntitle: A briefing\nslug: {slug}\n{extra}generator:\n  version: 0.1.0\n"
        f"  hash: {content_hash}\n---\n\n# A briefing\n\n{body}"
    )


# The two CI files, read once per test module by the fixtures below.
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    """The GitHub Actions workflow, parsed."""
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


@pytest.fixture(scope="module")
def gitlab() -> dict:
    """The GitLab pipeline, parsed."""
    return yaml.safe_load(GITLAB.read_text("utf-8"))
