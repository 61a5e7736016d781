"""Content hashes of what a briefing page is made from, so unchanged sets can be skipped.

A page depends on its set's files (articles and ``set.yml``, names and bytes), on the
generator version, on the package's code, templates and lexicons, and on the spaCy
pipeline that analysed it. All of them go into one SHA-256; the page stores it in its front
matter (``generator: {hash: …}``) and its record, and the next run compares.

The model name is read from the installed pipeline package's ``meta.json``, not from spaCy: importing spaCy
costs about a second, and a run where nothing changed must not pay it.
"""
from __future__ import annotations

import hashlib
import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from generator import __version__
from generator.analysis.nlp import MODEL_NAMES
from generator.ingest.limits import Limits  # the pipelines load_pipeline tries; imports no spaCy

PACKAGE_DIR = Path(__file__).resolve().parent.parent
# What every page depends on, relative to the package folder: the whole package — code,
# templates and lexicons — because a fixed rule in a finder changes pages as surely as a new
# template does, and a release number is not bumped for every fix. Hashing ~100 small
# files costs a few milliseconds.
SHARED_INPUTS = (".",)
# Build by-products that differ per machine and Python version: never inputs.
_IGNORED_DIRS = {"__pycache__"}
_IGNORED_SUFFIXES = {".pyc", ".pyo"}


def _is_hidden(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return (
        any(part.startswith(".") or part in _IGNORED_DIRS for part in parts)
        or path.suffix in _IGNORED_SUFFIXES
    )


def _files(root: Path) -> list[Path]:
    """Every regular, non-hidden file under ``root``, sorted by relative POSIX path.

    Hidden files (editor swap files, ``.DS_Store``) are no input of any stage.
    """
    if not root.is_dir():
        return []
    # A symbolic link counts by its name only: ingest does not follow it (and lists it as
    # skipped), so its target must not reach the hash, nor be read at all.
    found = [p for p in root.rglob("*")
             if (p.is_symlink() or p.is_file()) and not _is_hidden(p, root) and not _under_link(p, root)]
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _under_link(path: Path, root: Path) -> bool:
    return any((root / parent).is_symlink() for parent in path.relative_to(root).parents if parent != Path("."))


def _file_bytes(path: Path, limit: int) -> bytes:
    """The bytes of ``path``; a file over the article byte limit is hashed by its size:
    ingest refuses it unread, and reading 50 MB to hash it would cost the memory the limit saves."""
    if path.is_symlink():
        return b"<symbolic link, not followed>"
    size = path.stat().st_size
    return f"<{size} bytes, not read>".encode() if size > limit else path.read_bytes()


def _feed_tree(digest: "hashlib._Hash", label: str, root: Path) -> None:
    """Add each file's relative name and bytes to ``digest``, length-prefixed so that
    moving bytes from one file to the next or renaming a file changes the hash."""
    limit = Limits.from_env().article_bytes
    for path in _files(root):
        name = f"{label}/{path.relative_to(root).as_posix()}".encode("utf-8")
        # Line ends normalised: a checkout with core.autocrlf (Windows) must not make every
        # page look stale; ingest and the templates read CRLF and LF alike.
        data = _file_bytes(path, limit).replace(b"\r\n", b"\n")
        digest.update(len(name).to_bytes(8, "big") + name)
        digest.update(len(data).to_bytes(8, "big") + data)


def installed_model(names: tuple[str, ...] = MODEL_NAMES) -> str:
    """``name-version`` of the first installed pipeline of ``names``, as ``load_pipeline``
    names the one it loads (``nlp.meta["briefing_model"]``), or ``"none"``.

    Read from the package's own ``meta.json`` (every spaCy pipeline package ships one; it is
    what ``nlp.meta`` is loaded from), found without importing the package. This avoids
    both spaCy and ``importlib.metadata``, which alone costs a tenth of a second to import.
    """
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            try:
                meta = json.loads((Path(folder) / "meta.json").read_text("utf-8"))
            except (OSError, ValueError):
                continue
            return f"{name}-{meta.get('version', '?')}"
    return "none"


@dataclass(frozen=True)
class Fingerprint:
    """What every page depends on besides its own set: computed once per run."""

    version: str
    model: str
    shared: str  # SHA-256 of the package's code, templates and lexicons

    @classmethod
    def current(cls, package_dir: Path = PACKAGE_DIR) -> "Fingerprint":
        """The fingerprint of the installed generator."""
        digest = hashlib.sha256()
        for folder in SHARED_INPUTS:
            _feed_tree(digest, folder, package_dir / folder)
        return cls(version=__version__, model=installed_model(), shared=digest.hexdigest())


def set_hash(set_dir: Path, fingerprint: Fingerprint) -> str:
    """The content hash of one source set's page: ``sha256:<hex>``.

    Covers every non-hidden file of ``set_dir`` (names and bytes; removing an article
    changes it) and ``fingerprint``. The set's folder name is not part of it: the slug is
    the page's name, and renaming a folder is a removed set plus a new one.
    """
    digest = hashlib.sha256()
    for part in (fingerprint.version, fingerprint.model, fingerprint.shared):
        encoded = part.encode("utf-8")
        digest.update(len(encoded).to_bytes(8, "big") + encoded)
    _feed_tree(digest, "set", set_dir)
    return f"sha256:{digest.hexdigest()}"
