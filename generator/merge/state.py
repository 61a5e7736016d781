"""What is on disk for each set: where its files live, the hash of its last generation,
its lock and its unresolved conflicts. Read-only, and fast: no language model, no full
front-matter parse unless a page needs it.
"""
from __future__ import annotations

import dataclasses
import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.errors import BriefingError
from generator.merge.conflicts import find_conflicts

if TYPE_CHECKING:
    from generator.render.record import BriefingRecord

log = logging.getLogger(__name__)

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


def read_page(path: Path) -> str | None:
    """A page's text (universal newlines, a UTF-8 BOM dropped), or None when it does not exist.

    Raises:
        BriefingError: the file is not UTF-8 or cannot be read (names the file).
    """
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError as exc:
        raise BriefingError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", display(path)) from exc
    except OSError as exc:
        raise BriefingError(f"cannot read file: {exc.strerror or exc}", display(path)) from exc


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
    # Imported here: a run where nothing changed finds every hash by the pattern above and
    # should not pay for loading PyYAML.
    from generator.util.frontmatter import read_front_matter

    generator = read_front_matter(text).get("generator")
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


def known_slugs(out: Path) -> set[str]:
    """Slugs the generator has written before: a stored record or a generated base page."""
    folder = out / GENERATED
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.json")} | {p.stem for p in folder.glob("*.md")}


def stored_records(out: Path, slugs: list[str]) -> list["BriefingRecord"]:
    """The stored records of ``slugs``, in that order; a set without one is left out."""
    from generator.render.record import BriefingRecord

    records = []
    for slug in slugs:
        try:
            records.append(BriefingRecord.from_json(SetFiles(out).record(slug).read_text("utf-8")))
        except OSError:
            continue  # a set whose build failed earlier has no record yet
    return records


def published_records(records: list["BriefingRecord"], docs_dir: Path) -> list["BriefingRecord"]:
    """The records whose page exists, each with the title, tags and description its page shows.

    The index pages and the feed then show what the briefing page shows; a page an editor
    deleted has nothing to link to and is left out.
    """
    published = []
    for record in records:
        page = docs_dir / f"{record.set}.md"
        if not page.is_file():
            log.info("no page %s: left out of the site's index pages", page)
            continue
        published.append(_with_page_edits(record, page))
    return published


def _with_page_edits(record: "BriefingRecord", page: Path) -> "BriefingRecord":
    """``record`` with the title, tags and description an editor set on ``page``.

    A page whose front matter cannot be read (say, a merge conflict) keeps the generated values.
    """
    import html

    from generator.util.frontmatter import read_front_matter

    # Blank lines before the opening ``---`` are forgiven here (and only here): the index
    # pages have always shown an editor's edits on such pages too.
    try:
        meta = read_front_matter(page.read_text("utf-8").lstrip())
    except (OSError, ValueError, RecursionError):
        # Unreadable, not UTF-8, or YAML that parses but builds no value (a 13th month, a
        # list nested past Python's recursion limit): `briefing check` reports it.
        return record
    edits: dict[str, Any] = {}
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        edits["title"] = html.unescape(meta["title"])  # front matter holds it HTML-escaped
    if isinstance(meta.get("description"), str):
        edits["one_line"] = html.unescape(meta["description"])
    if isinstance(meta.get("tags"), list):
        edits["tags"] = tuple(html.unescape(str(t)) for t in meta["tags"])
    return dataclasses.replace(record, **edits)


def locked_in(text: str) -> bool:
    """True when the front matter of the page text ``text`` says ``locked: true``."""
    # Imported here, like the YAML parse in :func:`_hash_in_page`.
    from generator.util.frontmatter import parse_front_matter, split_front_matter

    block = split_front_matter(text)[0]
    data = parse_front_matter(block)
    if data is not None:
        return data.get("locked") is True
    # Unparsable front matter (say, an editor's typo elsewhere in it): a plain
    # ``locked: true`` line still protects the page.
    return re.search(r"(?m)^locked:[ \t]*(?:true|True|TRUE|yes|on)[ \t]*$", block or "") is not None


def _read_or_none(page: Path) -> str | None:
    """A page's text, or None when it is missing or unreadable (``check`` reports those)."""
    try:
        return page.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _conflicts_in(page: Path, text: str) -> tuple[str, ...]:
    """``<page>:<line>`` of every conflict block in ``text``, the text of ``page``."""
    shown = display(page)
    return tuple(f"{shown}:{line}" for line in find_conflicts(text))


def _locked_quick(text: str) -> bool:
    """:func:`locked_in`, with a cheap test first."""
    # Most pages have no ``locked`` key: a substring test spares them the YAML parse, and
    # the run the import of PyYAML.
    return "\nlocked:" in _head(text) and locked_in(text)


def conflict_locations(page: Path) -> tuple[str, ...]:
    """``<page>:<line>`` of every conflict block still marked in ``page`` (1-based lines)."""
    text = _read_or_none(page)
    return () if text is None else _conflicts_in(page, text)


def is_locked(page: Path) -> bool:
    """True when ``page`` exists and its front matter says ``locked: true``."""
    text = _read_or_none(page)
    return text is not None and _locked_quick(text)


def page_state(page: Path) -> tuple[bool, tuple[str, ...]]:
    """``(is_locked(page), conflict_locations(page))`` from a single read of the page."""
    text = _read_or_none(page)
    if text is None:
        return False, ()
    return _locked_quick(text), _conflicts_in(page, text)
