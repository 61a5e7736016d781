"""Links from a finding back to the source sentences it rests on, and the paths they use.

A briefing page links each statement, question and event to the sentences of its sources
page (``sources/<set>.md#s1-12``; a source without a sentence is ``#s1``): one page holds every
source of a briefing, so a site of a thousand briefings has a thousand source pages, not
one per article. Ids come from records, so every one is checked
before it becomes part of a path: a set name must be a plain page name, a source id and
an anchor plain ids.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Protocol
from urllib.parse import quote

from generator.errors import BriefingError
from generator.render.filters import link_title, single_line
from generator.render.record import BriefingRecord
from generator.util.ids import source_key
from generator.util.text import shorten

_ANCHOR = re.compile(r"^(?P<source>[A-Za-z0-9_]+)-(?P<index>\d+)$")
_SOURCE_ID = re.compile(r"^[A-Za-z0-9_]+$")
# Names the site pages use at the top of the docs folder; a set may not be called so.
RESERVED_SLUGS = frozenset({"index", "questions", "timeline", "tags", "actors", "sources", "archive", "feed", "assets"})


class Cited(Protocol):
    """A finding of a record: the sentences (``anchors``) and sources it rests on."""

    @property
    def anchors(self) -> tuple[str, ...]: ...

    @property
    def sources(self) -> tuple[str, ...]: ...


def split_anchor(anchor: str) -> tuple[str, int] | None:
    """``"s1-12"`` → ``("s1", 12)``; ``None`` for anything else (never trusted as a path)."""
    match = _ANCHOR.match(str(anchor))
    return (match["source"], int(match["index"])) if match else None


def set_path(slug: str) -> str:
    """Check a set's slug is usable as a file name under the docs folder."""
    if not slug or "/" in slug or "\\" in slug or slug.startswith(".") or slug in RESERVED_SLUGS:
        raise BriefingError(f"set name {slug!r} cannot be a page name (reserved or not a plain folder name)")
    return slug


def source_href(set_slug: str, source_id: str, anchor: str | None = None, *, prefix: str = "") -> str:
    """Relative link to a source (and sentence) on the briefing's sources page, from ``prefix``."""
    if not _SOURCE_ID.match(str(source_id)):
        raise BriefingError(f"source id {source_id!r} is not a plain id", set_slug)
    return f"{prefix}sources/{quote(set_slug)}.md#{anchor or source_id}"


class Refs:
    """Source links for one record, as Markdown reference links (``[s1][s1-12]``).

    Calling it on a finding returns the links to its evidence sentences (and to sources it
    names without a sentence); :meth:`definitions` returns the reference definitions to put
    at the end of the page, so the body stays readable for editors.
    """

    def __init__(self, record: BriefingRecord, prefix: str = "", *, inline: bool = False):
        self.set = record.set
        self.prefix = prefix
        # Pages that list several briefings link inline: ``s1-12`` is not unique across sets.
        self.inline = inline
        self.titles = {s.id: s.outlet or s.title or "" for s in record.sources}
        self._used: dict[str, tuple[str, int]] = {}

    def __call__(self, item: Cited) -> str:
        """Links to ``item``'s evidence: one per source, its first sentence anchored."""
        return self.links(anchors=item.anchors, sources=item.sources)

    def links(self, *, anchors: Iterable[str] = (), sources: Iterable[str] = ()) -> str:
        """Links to the sentences ``anchors``, then to ``sources`` no anchor names."""
        links: list[str] = []
        seen: set[str] = set()
        for anchor in anchors:
            parts = split_anchor(anchor)
            # One link per source (its first sentence): a quote spanning three sentences
            # reads better as "s1" than as "s1 s1 s1".
            if parts is None or parts[0] not in self.titles or parts[0] in seen:
                continue
            seen.add(parts[0])
            links.append(self._use(anchor, parts[0], parts[1]))
        for source in sources:
            if source not in seen and source in self.titles:
                seen.add(source)
                links.append(self._use(source, source, -1))
        return " ".join(links)

    def _use(self, ref: str, source: str, index: int) -> str:
        if self.inline:
            return f"[{source}]({self._href(ref, source, index)} \"{self._title(source, index)}\")"
        self._used[ref] = (source, index)
        return f"[{source}][{ref}]"

    def _href(self, ref: str, source: str, index: int) -> str:
        return source_href(self.set, source, ref if index >= 0 else None, prefix=self.prefix)

    def _title(self, source: str, index: int) -> str:
        where = f", sentence {index + 1}" if index >= 0 else ""
        title = shorten(single_line(self.titles.get(source, "")), 70, width=69)  # ellipsis included
        return link_title(f"{source}{where}: {title}")

    def definitions(self) -> str:
        """``[s1-12]: sources/<set>.md#s1-12 "…"`` lines for every link used, sorted."""
        lines = []
        for ref, (source, index) in sorted(self._used.items(), key=lambda kv: (source_key(kv[1][0]), kv[1][1])):
            lines.append(f'[{ref}]: {self._href(ref, source, index)} "{self._title(source, index)}"')
        return "\n".join(lines)
