"""What is on disk for each set: where its files live, the hash of its last generation,
its lock and its unresolved conflicts. Read-only, and fast: no language model, no full
front-matter parse unless a page needs it.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.merging.conflicts import find_conflicts

GENERATED = ".generated"


@dataclass(frozen=True)
class SetFiles:
    """Where a set's files live under ``out`` (the briefings folder)."""

    out: Path

    def page(self, slug: str) -> Path:
        """The editor's page."""
        return self.out / f"{slug}.md"

    def base(self, slug: str) -> Path:
        """The page as last generated (the merge base)."""
        return self.out / GENERATED / f"{slug}.md"

    def record(self, slug: str) -> Path:
        """The record the base was rendered from, with the sources' text."""
        return self.out / GENERATED / f"{slug}.json"


def display(path: Path) -> str:
    """``path`` as a user typed it: relative to the working folder when it lies inside it.

    The one way every message (pipeline, merge, ``check``) shows a path.
    """
    path = Path(path)
    if path.is_absolute():
        try:
            return path.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return path.as_posix()
    return path.as_posix()


def front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a page ({} when it has none or it does not parse)."""
    # Imported here: a run where nothing changed reads every page's hash by pattern
    # (:func:`_hash_in_page`) and should not pay for loading PyYAML.
    from generator.merging.frontmatter import parse_front_matter, split_front_matter

    return parse_front_matter(split_front_matter(text)[0]) or {}


def _head(text: str) -> str:
    """The text up to the front matter's closing ``---``: a cheap stand-in for the block.

    Good enough to look for a key with a pattern before paying for a YAML parse.
    """
    return text.split("\n---", 1)[0] if text.startswith("---") else ""


# The hash as the page template writes it under ``generator:``. Read with a pattern first:
# parsing a long front matter with PyYAML costs milliseconds a page, on every run.
_HASH_LINE = re.compile(r"(?m)^\s+hash:\s*['\"]?(sha256:[0-9a-f]{64})['\"]?\s*$")


def _hash_in_page(text: str) -> str | None:
    """The ``generator.hash`` of a page's front matter."""
    found = _HASH_LINE.search(_head(text))
    if found:
        return found.group(1)
    generator = front_matter(text).get("generator")
    value = generator.get("hash") if isinstance(generator, dict) else None
    return str(value) if value else None


def stored_hash(out: Path, slug: str) -> str | None:
    """The content hash of the generation last merged into a set's page.

    The base page (``.generated/<slug>.md``) is the authority: :func:`write_briefing` updates
    it only when the generation reached the page, not for a locked page or one with
    unresolved conflicts, so those are regenerated once they are unlocked or resolved. The
    stored record is the fallback when there is no base.
    """
    paths = SetFiles(out)
    try:
        return _hash_in_page(paths.base(slug).read_text("utf-8"))
    except (OSError, UnicodeDecodeError):
        pass
    try:
        record = json.loads(paths.record(slug).read_text("utf-8"))
        value = record.get("generator", {}).get("hash")
        return str(value) if value else None
    except (OSError, ValueError, AttributeError):
        return None


def _read(page: Path) -> str | None:
    """A page's text, or None when it is missing or unreadable (``check`` reports those)."""
    try:
        return page.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _conflicts_in(page: Path, text: str) -> tuple[str, ...]:
    """``<page>:<line>`` of every conflict block in ``text``, the text of ``page``."""
    shown = display(page)
    return tuple(f"{shown}:{line}" for line in find_conflicts(text))


def _locked_in(text: str) -> bool:
    """Whether a page's front matter says ``locked: true``."""
    # Most pages have no ``locked`` key: a substring test spares them the YAML parse, and
    # the run the import of PyYAML.
    from generator.merging.frontmatter import is_locked as locked_front_matter

    return "\nlocked:" in _head(text) and locked_front_matter(text)


def conflict_locations(page: Path) -> tuple[str, ...]:
    """``<page>:<line>`` of every conflict block still marked in ``page`` (1-based lines)."""
    text = _read(page)
    return () if text is None else _conflicts_in(page, text)


def is_locked(page: Path) -> bool:
    """True when ``page`` exists and its front matter says ``locked: true``."""
    text = _read(page)
    return text is not None and _locked_in(text)


def page_state(page: Path) -> tuple[bool, tuple[str, ...]]:
    """``(is_locked(page), conflict_locations(page))`` from a single read of the page."""
    text = _read(page)
    if text is None:
        return False, ()
    return _locked_in(text), _conflicts_in(page, text)
