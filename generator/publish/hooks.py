"""The git pre-push hook: refuse a push while briefing pages are stale or in conflict.

The hook runs ``briefing generate --check``, which writes nothing and needs no language
model, so it costs a fraction of a second. It prefers the project's own ``.venv`` so it
works from a git GUI or a shell where the venv is not activated.
"""
from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

from generator.errors import BriefingError

MARKER = "# briefing-site pre-push hook"
HOOK_NAME = "pre-push"
BACKUP_SUFFIX = ".before-briefing"

HOOK_SCRIPT = f"""#!/bin/sh
{MARKER} (installed by `briefing hooks install`; reinstalling replaces it).
# Refuses a push while a briefing page is stale (its seeds changed since it was generated)
# or holds an unresolved merge conflict. Skip once with `git push --no-verify`.
cd "$(git rev-parse --show-toplevel)" || exit 1
if [ -x .venv/bin/briefing ]; then
  briefing=.venv/bin/briefing
elif command -v briefing >/dev/null 2>&1; then
  briefing=briefing
else
  echo "pre-push: the briefing command is missing; run \\`make install\\` first" >&2
  exit 1
fi
if ! "$briefing" generate --check; then
  echo "pre-push: push refused: run \\`briefing generate\\`, resolve any conflicts, commit, then push again" >&2
  exit 1
fi
"""


def hooks_dir(repo: Path) -> Path:
    """The folder git runs hooks from in ``repo`` (honours ``core.hooksPath`` and worktrees)."""
    try:
        done = subprocess.run(
            ["git", "rev-parse", "--git-path", "hooks"],
            cwd=repo, capture_output=True, text=True, check=True,
        )
    except (OSError, subprocess.CalledProcessError) as exc:
        raise BriefingError("not a git repository (or git is not installed)", repo) from exc
    path = Path(done.stdout.strip())
    return path if path.is_absolute() else (repo / path)


def is_briefing_hook(path: Path) -> bool:
    """True when ``path`` is a hook this module wrote."""
    try:
        return MARKER in path.read_text("utf-8", errors="replace")
    except OSError:
        return False


def install_hooks(repo: Path, *, force: bool = False) -> Path:
    """Install the pre-push hook into ``repo`` and return its path.

    Installing again rewrites the same file (idempotent). A pre-push hook that briefing
    did not write is kept: without ``force`` the install is refused; with ``force`` the old
    hook is moved aside to ``pre-push.before-briefing`` first.

    Raises:
        BriefingError: ``repo`` is not a git repository, or another pre-push hook exists.
    """
    repo = Path(repo)
    folder = hooks_dir(repo)
    hook = folder / HOOK_NAME
    if hook.exists() and not is_briefing_hook(hook):
        if not force:
            raise BriefingError(
                "a pre-push hook briefing did not write is already installed; merge it by hand, "
                "or run `briefing hooks install --force` to move it aside",
                hook,
            )
        os.replace(hook, hook.with_name(HOOK_NAME + BACKUP_SUFFIX))
    folder.mkdir(parents=True, exist_ok=True)
    hook.write_text(HOOK_SCRIPT, encoding="utf-8")
    mode = hook.stat().st_mode
    hook.chmod(mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    return hook
