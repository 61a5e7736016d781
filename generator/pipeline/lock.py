"""One run at a time per briefings folder: a second ``generate`` waits, then gives up clearly.

Two runs writing the same pages at once could interleave a page and its stored base. An
advisory ``flock`` on ``<briefings>/.lock`` (a dot file: MkDocs never publishes it, and
``.gitignore`` keeps it out of commits) serialises them. The lock is held by the open file,
so a killed run releases it with its process: no stale lock to clean up by hand. Read-only
runs (``--check``) take no lock.
"""
from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BriefingError

LOCK_FILE = ".lock"
WAIT_VARIABLE = "BRIEFING_LOCK_WAIT"
DEFAULT_WAIT = 30.0  # seconds a second run waits for the first before giving up


@contextmanager
def run_lock(out: Path, *, write: bool = True, wait: float | None = None) -> Iterator[None]:
    """Hold the run lock of the briefings folder ``out`` while writing (``write=False``: none).

    Raises:
        BriefingError: another run held the lock for longer than ``wait`` seconds
            (default ``$BRIEFING_LOCK_WAIT`` or 30).
    """
    import fcntl

    if not write:
        # A check writes nothing (not even a lock file) and every write is atomic, so it
        # sees each file whole, old or new.
        yield
        return
    out.mkdir(parents=True, exist_ok=True)
    path = out / LOCK_FILE
    limit = _wait_seconds() if wait is None else wait
    with open(path, "a+b") as handle:
        mode = fcntl.LOCK_EX
        deadline = time.monotonic() + limit
        while True:
            try:
                fcntl.flock(handle.fileno(), mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise BriefingError(
                        f"another briefing run is writing this folder (lock held on {path}); "
                        f"waited {limit:.0f} s — try again when it has finished", out
                    ) from None
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _wait_seconds() -> float:
    raw = os.environ.get(WAIT_VARIABLE, "").strip()
    try:
        return max(0.0, float(raw)) if raw else DEFAULT_WAIT
    except ValueError:
        raise BriefingError(f"expected a number of seconds but received: {raw!r}", f"${WAIT_VARIABLE}") from None
