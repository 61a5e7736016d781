"""The site's own pages written into ``briefings/``: home, actors, sources, timeline, feed.

:func:`generator.render.site_pages.site_pages` builds their text; this module writes it and
removes the pages a previous run wrote that no longer exist. These pages are written whole,
never merged: they carry :data:`~generator.render.site_pages.MARKER` and tell editors to edit
the briefing pages instead. The briefing pages themselves (``<set>.md``) are written by
:mod:`generator.merge.pages`.
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from generator.merge.atomic import write_if_changed
from generator.render.site_pages import MARKER, OWNED_DIRS

log = logging.getLogger(__name__)


def write_site_pages(pages: Mapping[str, str], docs_dir: Path) -> list[Path]:
    """Write ``pages`` (path relative to ``docs_dir`` → text) and remove stale ones written before.

    Returns the written paths, sorted; a page whose text is unchanged is not rewritten.
    """
    written = []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        write_if_changed(path, text)
        written.append(path)
    _remove_stale(docs_dir, {docs_dir / rel for rel in pages})
    return written


def _remove_stale(docs_dir: Path, keep: set[Path]) -> None:
    """Delete pages a previous run wrote (they carry :data:`MARKER`) that ``keep`` lacks.

    A file without the marker was put there by a person and is never removed.
    """
    for folder in OWNED_DIRS:
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            if path not in keep and MARKER in path.read_text("utf-8", errors="replace"):
                log.info("removing stale page %s", path)
                path.unlink()
        for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()
