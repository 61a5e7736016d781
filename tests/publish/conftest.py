"""Fixtures for the publish tests: git repositories in temporary folders, a generated tree."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS

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


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: runs the whole pipeline (spaCy) or the CI steps")


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


def copy_seeds(target: Path) -> Path:
    """A copy of the project's seeds folder under ``target``."""
    shutil.copytree(SEEDS, target, ignore=shutil.ignore_patterns(".*"))
    return target


@pytest.fixture
def project_root() -> Path:
    return ROOT
