"""The site's own pages written into ``briefings/``: home, actors, sources, timeline, feed.

:func:`generator.render.site_pages.site_pages` builds their text; this module writes it and
removes the pages a previous run wrote that no longer exist. Every page carries
:data:`~generator.render.site_pages.MARKER`, a comment saying it is generated. An editor may
still change one: like a briefing page, each is stored as last generated
(``.generated/site-pages/<path>``) and a page that differs from it is merged three ways with
the new generation, so the edit is kept, and a conflict is marked in the page and reported.
The briefing pages themselves (``<set>.md``) are written by :mod:`generator.merge.pages`.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from generator.merge.atomic import batched_folder_sync, write_if_changed
from generator.merge.conflicts import find_conflicts
from generator.merge.state import GENERATED, display
from generator.merge.threeway import merge_page
from generator.render.site_pages import MARKER_PREFIX, OWNED_DIRS

log = logging.getLogger(__name__)

BASES = "site-pages"  # under .generated/: each site page as last generated


@dataclass(frozen=True)
class SiteWrite:
    """What writing the site pages did: the pages written, and ``<page>:<line>`` of every
    conflict between an editor's change and the new generation."""

    written: tuple[Path, ...]
    conflicts: tuple[str, ...] = ()


def write_site_pages(pages: Mapping[str, str], docs_dir: Path) -> SiteWrite:
    """Write ``pages`` (path relative to ``docs_dir`` → text), keeping hand edits; remove stale ones.

    A page whose text is unchanged is not rewritten; a page with unresolved conflict blocks
    is left alone until an editor resolves them.
    """
    merged: list[tuple[Path, Path, str, str]] = []
    conflicts: list[str] = []
    for rel, text in sorted(pages.items()):
        path, base_path = docs_dir / rel, _base(docs_dir, rel)
        page, lines = _merged_page(path, base_path, text)
        conflicts += lines
        if page is not None:
            merged.append((path, base_path, page, text))
    # Every page before any base (see _merged_page), each step's folders synced once.
    with batched_folder_sync():
        for path, _base_path, page, _text in merged:
            write_if_changed(path, page)
    with batched_folder_sync():
        for _path, base_path, _page, text in merged:
            write_if_changed(base_path, text)
    _remove_stale(docs_dir, {docs_dir / rel for rel in pages})
    return SiteWrite(tuple(docs_dir / rel for rel in sorted(pages)), tuple(conflicts))


def _base(docs_dir: Path, rel: str) -> Path:
    return docs_dir / GENERATED / BASES / rel


def _merged_page(path: Path, base_path: Path, text: str) -> tuple[str | None, list[str]]:
    """One site page's new text (the generation, or its merge with an editor's change) and
    its conflicts; None when the page holds unresolved conflict blocks and is left alone.

    The caller writes the page before its base, so a run killed in between merges the same
    change again; a base ahead of its page would keep the old page as if it were an edit.
    """
    current = path.read_text("utf-8") if path.is_file() else None
    base = base_path.read_text("utf-8") if base_path.is_file() else None
    if current is not None and find_conflicts(current):
        return None, [f"{display(path)}:{n}" for n in find_conflicts(current)]
    if current is None or base is None or current == base:
        return text, []
    result = merge_page(base, current, text)
    log.info("kept the hand edit of %s", display(path))
    return result.text, [f"{display(path)}:{n}" for n in result.conflicts]


def _remove_stale(docs_dir: Path, keep: set[Path]) -> None:
    """Delete pages a previous run wrote (they carry the marker comment) that ``keep`` lacks.

    A file without the marker was put there by a person and is never removed; a generated
    page an editor changed is kept, with a warning, until the editor removes it.
    """
    for folder in OWNED_DIRS:
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            if path in keep:
                continue
            text = path.read_text("utf-8", errors="replace")
            if MARKER_PREFIX not in text:
                continue
            base = _base(docs_dir, path.relative_to(docs_dir).as_posix())
            if base.is_file() and base.read_text("utf-8") != text:
                log.warning("kept %s: no longer generated, but edited by hand; delete it when done", display(path))
                continue
            log.info("removing stale page %s", path)
            path.unlink()
            base.unlink(missing_ok=True)
        _remove_empty_dirs(root)


def _remove_empty_dirs(root: Path) -> None:
    for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
        if not any(sub.iterdir()):
            sub.rmdir()
