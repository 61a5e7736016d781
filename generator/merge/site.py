"""The site's own pages written into ``briefings/``: home, actors, sources, timeline, feed.

:func:`generator.site.site_pages` builds their text from the briefing records; this module
writes it and removes the pages a previous run wrote that no longer exist. These pages are
written whole, never merged: they carry :data:`generator.site.MARKER` and tell editors to
edit the briefing pages instead. The briefing pages themselves (``<set>.md``) are written
by :mod:`generator.merge.pages`.
"""
from __future__ import annotations

import html
import logging
import os
from pathlib import Path

from generator.merge.atomic import write_if_changed
from generator.site import DEFAULT_SITE_URL, MARKER, OWNED_DIRS, SITE_NAME, site_pages
from generator.util.frontmatter import read_front_matter

log = logging.getLogger(__name__)


def write_site_pages(
    records: list[dict], docs_dir: Path, *, site_url: str | None = None, site_name: str = SITE_NAME
) -> list[Path]:
    """Write the site's own pages into ``docs_dir`` and remove stale ones it wrote before.

    ``site_url`` (used by the Atom feed) defaults to ``$BRIEFING_SITE_URL``, then
    ``http://127.0.0.1:8000/`` — the same rule ``mkdocs.yml`` follows. Returns the written
    paths, sorted. Output depends only on the records: same records, same bytes.
    """
    url = site_url or os.environ.get("BRIEFING_SITE_URL") or DEFAULT_SITE_URL
    published = []
    for record in records:
        page = docs_dir / f"{record['set']}.md"
        if not page.is_file():  # deleted by an editor: nothing to link to
            log.info("no page %s: left out of the site's index pages", page)
            continue
        published.append(_with_page_edits(record, page))
    pages = site_pages(published, site_url=url, site_name=site_name)
    written = []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        write_if_changed(path, text)
        written.append(path)
    _remove_stale(docs_dir, {docs_dir / rel for rel in pages})
    return written


def _with_page_edits(record: dict, page: Path) -> dict:
    """The record with the title, tags and description an editor set on the page.

    The index pages and the feed then show what the briefing page shows. A page whose
    front matter cannot be read (say, a merge conflict) keeps the generated values.
    """
    # Blank lines before the opening ``---`` are forgiven here (and only here): the index
    # pages have always shown an editor's edits on such pages too.
    try:
        meta = read_front_matter(page.read_text("utf-8").lstrip())
    except (OSError, ValueError, RecursionError):
        # Unreadable, not UTF-8, or YAML that parses but builds no value (a 13th month, a
        # list nested past Python's recursion limit): `briefing check` reports it.
        return record
    edited = dict(record)
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        edited["title"] = html.unescape(meta["title"])  # front matter holds it HTML-escaped
    if isinstance(meta.get("description"), str):
        edited["one_line"] = html.unescape(meta["description"])
    if isinstance(meta.get("tags"), list):
        edited["tags"] = [html.unescape(str(t)) for t in meta["tags"]]
    return edited


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
