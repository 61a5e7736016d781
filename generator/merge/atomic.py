"""Atomic file writes: a reader (or a crash) only ever sees the old file or the new one.

Every file the generator writes under ``briefings/`` goes through :func:`atomic_write`.
The recipe is the usual POSIX one (it is what ``git`` does for its index and what
``atomicwrites``/``safeatomic`` packages wrap): write a temporary file in the *same*
folder, ``fsync`` it, ``os.replace`` it over the target (atomic within one file system),
then ``fsync`` the folder so the rename itself survives a power cut. A temporary file lives
in the same folder because ``os.replace`` across file systems is not atomic.

The temporary name starts with a dot, so a leftover after a hard kill is skipped by MkDocs
(dot files are never published) and ignored by :func:`generator.publish.check.check_pages`.
"""
from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from generator.errors import BriefingError


def _temp_path(path: Path) -> Path:
    # Random suffix: two processes writing the same page never share a temporary file.
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")


# Folders whose renames wait for one fsync at the end of a :func:`batched_folder_sync` block.
_PENDING: ContextVar[set[Path] | None] = ContextVar("pending_folder_syncs", default=None)


@contextmanager
def batched_folder_sync() -> Iterator[None]:
    """Within the block, each folder a write renamed into is fsynced once, when it ends.

    Each file is still fsynced before its rename (its content is whole on disk before it
    replaces the old one); only the folder's own fsync, which makes the rename survive a
    power cut, is shared by the writes into that folder: a site of thousands of pages in a
    few dozen folders made two fsyncs a page. A caller whose writes must reach the disk in
    order (a page before its base) closes one block before opening the next.
    """
    outer = _PENDING.get()
    pending: set[Path] = set()
    token = _PENDING.set(pending)
    try:
        yield
    finally:
        _PENDING.reset(token)
        for folder in sorted(pending):
            if outer is None:
                _fsync_dir(folder)
            else:
                outer.add(folder)


def _fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (no-op where folders cannot be opened, e.g. Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, ``\\n`` line ends) to ``path`` atomically, creating parent folders.

    After a crash at any point the file holds either its previous content or ``text`` in
    full, never a mix. The file gets the usual ``0o666 & ~umask`` mode, not the ``0o600``
    of :mod:`tempfile`, so a page stays readable by the web server and by other users.

    Raises:
        BriefingError: the folder cannot be created or the file cannot be written.
    """
    path = Path(path)
    data = text.encode("utf-8")
    tmp = _temp_path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BriefingError(f"cannot write file: {exc.strerror or exc}", path) from exc
    except BaseException:
        # KeyboardInterrupt or an injected failure: leave no temporary file behind.
        tmp.unlink(missing_ok=True)
        raise
    pending = _PENDING.get()
    if pending is None:
        _fsync_dir(path.parent)
    else:
        pending.add(path.parent)


def write_if_changed(path: Path, text: str) -> bool:
    """:func:`atomic_write` ``text`` to ``path`` unless the file already holds it; whether it wrote.

    A second run with the same input then touches no file (and no modification time).
    """
    if path.is_file() and path.read_text("utf-8") == text:
        return False
    atomic_write(path, text)  # creates the folder
    return True
