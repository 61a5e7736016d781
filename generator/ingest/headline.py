"""Where the headline is when the top of a page is cluttered.

The headline a page's address spells: news sites build the last path segment from the
headline ("/2024/03/07/harbour-strike-ends-after-talks"), so a line near the top whose words
are the slug's is the headline, even when a site name, a menu or a teaser stands above it.
Without an address, a headline-shaped line above the first paragraph of prose beats a header
"headline" of a few words (a site or section name).
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.ingest.clean import CleanBlock
from generator.ingest.metadata import is_headline

_SCAN = 12  # the headline sits near the top; never look further than this many blocks
_MIN_SLUG_WORDS = 4  # shorter slugs ("/news/world") say nothing about the headline
_MAX_WORDS = 30
_WORD = re.compile(r"[a-z0-9]+")


def slug_words(url: str | None) -> list[str]:
    """The words of an address's last meaningful path segment, without ids and extensions."""
    if not url:
        return []
    path = urlsplit(url if "//" in url else f"//{url}").path
    for segment in reversed([s for s in path.split("/") if s]):
        segment = re.sub(r"\.[a-z]{2,5}$", "", segment.lower())
        words = [w for w in re.split(r"[-_+]+", segment) if w and not w.isdigit()]
        if len(words) >= _MIN_SLUG_WORDS:
            return words
        if words and segment not in ("print", "amp", "index"):
            return []  # the last named segment is no headline slug
    return []


def _line_words(text: str) -> list[str]:
    return _WORD.findall(re.sub(r"[’'`]", "", text.lower()))


def spells_slug(line: str, slug: list[str]) -> bool:
    """Whether ``line`` carries nearly all of the slug's words and little else."""
    words = _line_words(line)
    if not slug or not words or len(words) > _MAX_WORDS:
        return False
    have, wanted = set(words), set(slug)
    return len(have & wanted) >= 0.8 * len(wanted) and len(have & wanted) >= 0.6 * len(have)


def headline_index(lines: list[str], url: str | None) -> int | None:
    """Index of the first of ``lines`` (the top of an article) that its address spells."""
    slug = slug_words(url)
    if not slug:
        return None
    for i, line in enumerate(lines[:_SCAN]):
        if spells_slug(line, slug):
            return i
    return None


def address_headline(
    stated: str | None, found: str | None, blocks: tuple[CleanBlock, ...], url: str | None, removed: list[str]
) -> tuple[str | None, tuple[CleanBlock, ...]]:
    """The headline and the body once the address has had its say.

    A stated title, or a headline line the address spells, stands. Otherwise a block near
    the top that the address spells is the headline: it leaves the body, and so does what
    stands above it (a site name, a kicker, a teaser), as long as most of the text remains.
    """
    slug = slug_words(url)
    if stated or not slug or (found and spells_slug(found, slug)):
        return found, blocks
    at = headline_index([b.text for b in blocks], url)
    if at is None:
        return found, blocks
    rest = blocks[at + 1:]
    total = sum(len(b.text) for b in blocks)
    if not any(b.kind == "paragraph" for b in rest) or sum(len(b.text) for b in rest) < 0.5 * total:
        return found, blocks
    removed.extend(b.text for b in blocks[: at + 1])
    return blocks[at].text, rest


_SITE_NAME_WORDS = 3  # a "headline" this short above the lead is more often a site or section name
_HEADLINE_WORDS = 5
_PROSE_WORDS = 12
_PROSE_END = re.compile(r"[.!?][\"”’)]?$")


def _is_prose(text: str) -> bool:
    return len(text.split()) >= _PROSE_WORDS and bool(_PROSE_END.search(text))


def top_headline(
    found: str | None, blocks: tuple[CleanBlock, ...], removed: list[str]
) -> tuple[str | None, tuple[CleanBlock, ...]]:
    """A headline-shaped line among the page furniture above the first paragraph of prose
    ("Metro News / Actions / <headline> / <standfirst> / <lead>"), when the header found no
    headline or only a name of a few words. It and what stands above it leave the body."""
    if found and len(found.split()) > _SITE_NAME_WORDS:
        return found, blocks
    for i, block in enumerate(blocks[:_SCAN]):
        words = len(block.text.split())
        # a short sentence closed by its full stop is already the article (a lead, a standfirst):
        # headlines and page furniture above it carry no closing stop
        if _is_prose(block.text) or (words >= _HEADLINE_WORDS and _PROSE_END.search(block.text)):
            break
        if (block.kind != "post" and words >= _HEADLINE_WORDS and is_headline(block.text)
                and not block.text.lower().startswith("by ") and any(_is_prose(b.text) for b in blocks[i + 1:])):
            removed.extend(b.text for b in blocks[: i + 1])
            return block.text, blocks[i + 1:]
    return found, blocks
