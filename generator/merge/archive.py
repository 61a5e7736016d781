"""Removed source sets: their pages are archived, never deleted.

When a set's folder disappears from the seeds, its page (with every hand edit) moves to
``briefings/.removed/<slug>.md`` with a note on top, and its stored generated version and
record move to ``briefings/.generated/.removed/``.
"""
from __future__ import annotations

import os
from pathlib import Path

from generator.merge.atomic import atomic_write
from generator.merge.state import GENERATED, SetFiles

# Pages of removed sets move here. A dot folder: MkDocs does not publish it (the page's links
# to its source pages would break once those are gone, and `mkdocs build --strict` would
# fail), while git keeps it, with every hand edit, for an editor to read or restore.
REMOVED = ".removed"
ARCHIVE_NOTE = (
    '!!! warning "Source set removed"\n'
    "    This set's source folder was removed on regeneration; the page is kept as it was "
    "and is no longer updated. Put the folder back under the seeds to publish it again.\n\n"
)


def _free_name(folder: Path, name: str) -> Path:
    """``folder/name.md``, or ``name-2.md``… when a set of that name was archived before."""
    candidate = folder / f"{name}.md"
    n = 2
    while candidate.exists():
        candidate = folder / f"{name}-{n}.md"
        n += 1
    return candidate


def _with_note(text: str) -> str:
    """``text`` with :data:`ARCHIVE_NOTE` at the top of its body (below the front matter)."""
    if ARCHIVE_NOTE in text:
        return text
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            cut = end + len("\n---\n")
            return f"{text[:cut]}\n{ARCHIVE_NOTE}{text[cut:].lstrip(chr(10))}"
    return ARCHIVE_NOTE + text


def archive_set(out: Path, slug: str) -> Path:
    """Move the page of a removed set to ``.removed/`` with a note on top; nothing is deleted.

    The page keeps every hand edit. Its generated base and record move to
    ``.generated/.removed/`` so the set no longer counts as current, and a set of the same
    name that comes back later starts afresh. Returns where the page now is.
    """
    paths = SetFiles(out)
    page = paths.page(slug)
    target = _free_name(out / REMOVED, slug)
    if page.is_file():
        atomic_write(target, _with_note(page.read_text("utf-8")))
        page.unlink()
    stored = out / GENERATED / REMOVED
    stored.mkdir(parents=True, exist_ok=True)
    for source in (paths.base(slug), paths.record(slug)):
        if source.is_file():
            os.replace(source, stored / f"{target.stem}{source.suffix}")
    return target
