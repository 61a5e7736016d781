"""Source sets and articles: discovery, loading, and dates from the set's context."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from generator.errors import InputError
from generator.ingest.clean import CleanBlock, clean_body, split_glued
from generator.ingest.decode import read_text
from generator.ingest.metadata import outlet_from_url, read_header, source_url, title_from_text
from generator.ingest.readers import READERS
from generator.ingest.setfile import SET_FILE, load_set_config
from generator.ingest.sourcefile import recorded_source
from generator.model import Article, Block, SourceSet

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm")
CONTEXT_BASIS = "set context"


def discover_sets(seeds: Path) -> list[Path]:
    """The set folders under ``seeds`` (those holding at least one article), sorted by name.

    Dot folders (``.git``, ``.generated``) are skipped.

    Raises:
        InputError: ``seeds`` is missing or not a folder.
    """
    if not seeds.is_dir():
        raise InputError("seeds folder not found: create it and add one folder per source set", seeds)
    return sorted(
        (p for p in seeds.iterdir() if p.is_dir() and not p.name.startswith(".") and article_files(p)),
        key=lambda p: p.name,
    )


def article_files(folder: Path) -> list[Path]:
    """The article files of a set folder, in file-name order."""
    return sorted(
        (p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.name,
    )


def load_source_set(path: Path) -> SourceSet:
    """Read the set folder ``path``: every article file (ids ``s1``, ``s2``, … in file-name
    order) and the optional ``set.yml``.

    An article that states no date takes the set's reference date (``as_of`` from set.yml,
    else the latest date found in the other articles), marked inferred with basis "set context".

    Raises:
        InputError: the folder is missing or holds no article, or a file is unreadable.
    """
    if not path.is_dir():
        raise InputError("source set folder not found", path)
    config = load_set_config(path / SET_FILE)
    files = article_files(path)
    if not files:
        raise InputError(f"no articles in the set folder (expected {', '.join('*' + s for s in ARTICLE_SUFFIXES)})", path)
    articles = [load_article(f, f"s{i}") for i, f in enumerate(files, start=1)]
    return SourceSet(
        slug=path.name,
        path=path,
        articles=tuple(_date_from_context(articles, config.as_of)),
        title=config.title,
        tags=config.tags,
        summary=config.summary,
        as_of=config.as_of,
    )


def load_article(path: Path, article_id: str) -> Article:
    """Decode, read, clean and describe one article file.

    Raises:
        InputError: unknown file type, undecodable or empty file, bad front matter, or no
            text left once boilerplate is removed.
    """
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"not an article file: expected one of {', '.join(ARTICLE_SUFFIXES)}", path)
    decoded = read_text(path)
    raw = reader(path, decoded.text)
    removed: list[str] = []
    units = split_glued(list(raw.units), removed)
    header = read_header(units, raw.stated, removed)
    cleaned = clean_body(list(header.body), removed)
    if not any(b.kind != "subhead" for b in cleaned.blocks):
        raise InputError("no article text left after removing headline and boilerplate", path)
    blocks, text = assemble(cleaned.blocks)
    stated = raw.stated
    record = recorded_source(path)  # sources.yml beside the file (briefing add) wins over the page
    url = record.url or stated.url or source_url(removed)
    title, title_inferred, title_basis = _title(stated, header.title, blocks, path)
    published, basis, published_inferred = _published(
        record.published or stated.published, "sources.yml" if record.published else stated.basis, header.published
    )
    outlet, outlet_inferred = _outlet(stated.outlet, header.outlet or raw.site, url)
    return Article(
        id=article_id,
        path=path,
        file=path.name,
        title=title,
        text=text,
        blocks=blocks,
        published=published,
        published_inferred=published_inferred,
        title_inferred=title_inferred,
        outlet=outlet,
        outlet_inferred=outlet_inferred,
        url=url,
        author=stated.author or header.author,
        encoding=decoded.encoding,
        removed=tuple(removed),
        published_basis=basis,
        title_basis=title_basis,
    )


def assemble(cleaned: tuple[CleanBlock, ...]) -> tuple[tuple[Block, ...], str]:
    """Blocks with their offsets, and the article text: the blocks joined by a blank line."""
    blocks: list[Block] = []
    offset = 0
    for b in cleaned:
        blocks.append(Block(kind=b.kind, text=b.text, start=offset, attribution=b.attribution))
        offset += len(b.text) + 2
    return tuple(blocks), "\n\n".join(b.text for b in blocks)


def _title(stated, headline: str | None, blocks: tuple[Block, ...], path: Path) -> tuple[str, bool, str]:
    if stated.title:
        return stated.title, False, stated.basis or "front matter"
    if headline:
        return headline, True, "headline"
    lead = next((b.text for b in blocks if b.kind == "paragraph"), None)
    return (title_from_text(lead) if lead else path.stem), True, "lead"


def _published(
    stated: dt.date | None, stated_basis: str | None, dateline: dt.date | None
) -> tuple[dt.date | None, str | None, bool]:
    if stated:
        return stated, stated_basis, False
    if dateline:
        return dateline, "dateline", True
    return None, None, False


def _outlet(stated: str | None, header: str | None, url: str | None) -> tuple[str | None, bool]:
    if stated:
        return stated, False
    inferred = header or outlet_from_url(url)
    return inferred, inferred is not None


def _date_from_context(articles: list[Article], as_of: dt.date | None) -> list[Article]:
    """Give undated articles the set's reference date, marked as inferred from context."""
    dated = [a.published for a in articles if a.published is not None]
    reference = as_of or (max(dated) if dated else None)
    if reference is None:
        return articles
    return [
        a
        if a.published is not None
        else dataclasses.replace(a, published=reference, published_inferred=True, published_basis=CONTEXT_BASIS)
        for a in articles
    ]
