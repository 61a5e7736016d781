"""The git pre-push hook: installing it safely, and what it does on a push."""
from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from generator.errors import BriefingError
from generator.publish.hooks import BACKUP_SUFFIX, MARKER, install_hooks
from tests.conftest import ROOT
from tests.publish.conftest import git, init_repo

FOREIGN_HOOK = "#!/bin/sh\necho 'my own checks'\n"


def test_install_writes_an_executable_hook_idempotently(tmp_path):
    repo = init_repo(tmp_path / "repo")
    hook = install_hooks(repo)
    assert hook == repo / ".git" / "hooks" / "pre-push"
    assert hook.stat().st_mode & stat.S_IXUSR
    text = hook.read_text("utf-8")
    assert text.startswith("#!/bin/sh\n") and MARKER in text
    assert "generate --check" in text and ".venv/bin/briefing" in text
    assert install_hooks(repo) == hook  # again: same file, no complaint
    assert hook.read_text("utf-8") == text
    assert not list(hook.parent.glob("*" + BACKUP_SUFFIX))


def test_a_foreign_hook_is_kept_unless_forced(tmp_path):
    repo = init_repo(tmp_path / "repo")
    hook = repo / ".git" / "hooks" / "pre-push"
    hook.write_text(FOREIGN_HOOK)
    with pytest.raises(BriefingError) as err:
        install_hooks(repo)
    message = err.value.format_message()
    assert str(hook) in message and "--force" in message
    assert hook.read_text() == FOREIGN_HOOK

    install_hooks(repo, force=True)
    assert MARKER in hook.read_text()
    assert (hook.parent / ("pre-push" + BACKUP_SUFFIX)).read_text() == FOREIGN_HOOK


def test_install_follows_core_hooks_path(tmp_path):
    repo = init_repo(tmp_path / "repo")
    git(repo, "config", "core.hooksPath", "githooks")
    assert install_hooks(repo) == repo / "githooks" / "pre-push"


def test_install_outside_a_repository_says_so(tmp_path):
    with pytest.raises(BriefingError, match="not a git repository"):
        install_hooks(tmp_path)


# --------------------------------------------------------------------------- a real push


def _push(repo: Path):
    return git(repo, "push", "origin", "main", check=False)


def _briefing(repo: Path, *args: str):
    import subprocess

    return subprocess.run([str(repo / ".venv" / "bin" / "briefing"), *args], cwd=repo,
                          capture_output=True, text=True)


@pytest.mark.slow
def test_push_is_refused_while_a_page_is_stale(tmp_path):
    """Commit seeds → refused; generate + commit → passes; new article → refused, naming the
    page; generate + commit → passes. The remote only ever receives current pages."""
    from tests.conftest import DATA

    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    repo = init_repo(tmp_path / "repo")
    git(repo, "remote", "add", "origin", str(remote))
    (repo / ".venv").symlink_to(ROOT / ".venv")  # the hook prefers the project's venv
    (repo / ".gitignore").write_text(".venv\nsite/\n")
    shutil.copytree(DATA / "sets" / "harbour-strike", repo / "seeds" / "harbour-strike")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "seeds")
    install_hooks(repo)

    refused = _push(repo)
    assert refused.returncode != 0
    assert "briefings/harbour-strike.md (page missing)" in refused.stderr
    assert "push refused" in refused.stderr
    assert git(remote, "branch", "--list").stdout == ""  # nothing arrived

    generated = _briefing(repo, "generate")
    assert generated.returncode == 0, generated.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "briefings")
    accepted = _push(repo)
    assert accepted.returncode == 0, accepted.stderr

    article = sorted((DATA / "articles" / "flood-warning").glob("*.txt"))[0]
    shutil.copy(article, repo / "seeds" / "harbour-strike" / "009_late_report.txt")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "a new article")
    refused = _push(repo)
    assert refused.returncode != 0
    assert "briefings/harbour-strike.md (inputs changed)" in refused.stderr
    assert git(remote, "rev-parse", "main").stdout != git(repo, "rev-parse", "HEAD").stdout

    generated = _briefing(repo, "generate")
    assert generated.returncode == 0, generated.stderr
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "regenerated")
    accepted = _push(repo)
    assert accepted.returncode == 0, accepted.stderr
    assert git(remote, "rev-parse", "main").stdout == git(repo, "rev-parse", "HEAD").stdout
