"""Source sets and articles: discovery, loading, and dates from the set's context.

Nothing outside ``seeds/`` is ever read: a symbolic link (to a file or a folder) is not
followed, with one warning line. One bad article never costs its set or the other sets their
page: it is skipped with a warning naming the file and the reason, and listed in the set's
:attr:`~generator.model.SourceSet.skipped`.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError
from generator.ingest.clean import CleanBlock, clean_body, split_glued
from generator.ingest.decode import read_text
from generator.ingest.headline import address_headline, top_headline
from generator.ingest.limits import Limits
from generator.ingest.metadata import outlet_from_url, read_header, source_url, title_from_text
from generator.ingest.published import choose_published, date_from_context, date_line_in_body
from generator.ingest.readers import READERS
from generator.ingest.setfile import SET_FILE, load_set_config
from generator.ingest.sourcefile import recorded_source
from generator.model import Article, Block, Skipped, SourceSet

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".html", ".htm")
_LEAD_WORDS = 5
LINK_REASON = "a symbolic link: not followed (nothing outside seeds/ is read)"


@dataclass(frozen=True)
class SeedScan:
    """The set folders under ``seeds`` and the folders that cannot be sets, with the reason."""

    sets: tuple[Path, ...]
    rejected: tuple[tuple[Path, str], ...] = ()


def scan_seeds(seeds: Path, limits: Limits | None = None) -> SeedScan:
    """The set folders under ``seeds`` (those holding an article), sorted by name.

    Dot folders (``.git``, ``.generated``) are passed over; a symlinked folder or a name over
    the set-name limit is rejected with a warning line.

    Raises:
        InputError: ``seeds`` is missing or not a folder.
    """
    if not seeds.is_dir():
        raise InputError("seeds folder not found: create it and add one folder per source set", seeds)
    limits = limits or Limits.from_env()
    sets, rejected = [], []
    for path in sorted(seeds.iterdir(), key=lambda p: p.name):
        if path.name.startswith(".") or not path.is_dir():
            continue
        reason = _folder_problem(path, limits)
        if reason:
            log.warning("skipped %s: %s", path, reason)
            rejected.append((path, reason))
        elif article_files(path):
            sets.append(path)
    return SeedScan(tuple(sets), tuple(rejected))


def discover_sets(seeds: Path) -> list[Path]:
    """The set folders under ``seeds`` (see :func:`scan_seeds`), sorted by name."""
    return list(scan_seeds(seeds).sets)


def _folder_problem(path: Path, limits: Limits) -> str | None:
    if path.is_symlink():
        return LINK_REASON
    if len(path.name) > limits.set_name:
        return (f"set folder name of {len(path.name)} characters is over the limit of {limits.set_name} "
                "(BRIEFING_MAX_SET_NAME); rename the folder")
    return None


def article_files(folder: Path) -> list[Path]:
    """The article files of a set folder, in file-name order (symbolic links included: the
    loader rejects them, so they are reported rather than silently ignored)."""
    return sorted(
        (p for p in folder.iterdir()
         if (p.is_file() or p.is_symlink()) and not p.name.startswith(".") and p.suffix.lower() in ARTICLE_SUFFIXES),
        key=lambda p: p.name,
    )


def load_source_set(path: Path, limits: Limits | None = None) -> SourceSet:
    """Read the set folder ``path``: every article file (ids ``s1``, ``s2``, … in file-name
    order of the articles read) and the optional ``set.yml``.

    An article that cannot be read is skipped with a warning and listed in ``skipped``. An
    article that states no date takes the set's reference date (``as_of`` from set.yml, else
    the latest date found in the other articles), marked inferred with basis "set context".

    Raises:
        InputError: the folder is missing, a symbolic link or holds no readable article, or
            its ``set.yml`` is bad.
    """
    limits = limits or Limits.from_env()
    if path.is_symlink() or not path.is_dir():
        raise InputError(LINK_REASON if path.is_symlink() else "source set folder not found", path)
    config = load_set_config(path / SET_FILE)
    files = article_files(path)
    if not files:
        raise InputError(f"no articles in the set folder (expected {', '.join('*' + s for s in ARTICLE_SUFFIXES)})", path)
    articles, skipped = _read_articles(files, limits)
    if not articles:
        first = skipped[0]
        more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
        raise InputError(f"no readable article in the set folder ({first.file}: {first.reason}{more})", path)
    for s in skipped:  # warned here, once the set is known to be built without them
        log.warning("skipped %s: %s", path / s.file, s.reason)
    return SourceSet(
        slug=path.name,
        path=path,
        articles=tuple(date_from_context(articles, config.as_of)),
        title=config.title,
        tags=config.tags,
        summary=config.summary,
        as_of=config.as_of,
        skipped=tuple(skipped),
    )


def _read_articles(files: list[Path], limits: Limits) -> tuple[list[Article], list[Skipped]]:
    """The readable articles (numbered in order) and the skipped files with the reason."""
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for number, path in enumerate(files, start=1):
        if len(articles) >= limits.articles_per_set:
            reason = f"over the limit of {limits.articles_per_set} articles per set (BRIEFING_MAX_ARTICLES)"
        else:
            try:
                articles.append(load_article(path, f"s{len(articles) + 1}", limits))
                continue
            except InputError as exc:
                reason = exc.reason
        skipped.append(Skipped(path.name, reason))
    return articles, skipped


def load_article(path: Path, article_id: str, limits: Limits | None = None) -> Article:
    """Decode, read, clean and describe one article file.

    Raises:
        InputError: a symbolic link, unknown file type, a file over the size limit,
            undecodable or empty, bad front matter, or no text left once boilerplate is
            removed (or more than the character limit).
    """
    limits = limits or Limits.from_env()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(f"not an article file: expected one of {', '.join(ARTICLE_SUFFIXES)}", path)
    _check_file(path, limits)
    decoded = read_text(path)
    raw = reader(path, decoded.text)
    removed: list[str] = []
    units = split_glued(list(raw.units), removed)
    header = read_header(units, raw.stated, removed)
    cleaned = clean_body(list(header.body), removed)
    stated = raw.stated
    record = recorded_source(path)  # sources.yml beside the file (briefing add) wins over the page
    url = record.url or stated.url or source_url(removed)
    headline, dateline, kept = _front_lines(stated, header, record, cleaned.blocks, url, removed)
    blocks, text = _body(kept, path, limits)
    title, title_inferred, title_basis = _title(stated, headline, blocks, path)
    lead = next((b.text for b in blocks if b.kind == "paragraph"), None)
    published = choose_published(
        record.published or stated.published, "sources.yml" if record.published else stated.basis,
        dateline, lead, url, text,
    )
    outlet, outlet_inferred = _outlet(stated.outlet, header.outlet or raw.site, url)
    return Article(
        id=article_id,
        path=path,
        file=path.name,
        title=title,
        text=text,
        blocks=blocks,
        published=published.value,
        published_inferred=published.inferred,
        title_inferred=title_inferred,
        outlet=outlet,
        outlet_inferred=outlet_inferred,
        url=url,
        author=stated.author or header.author,
        encoding=decoded.encoding,
        removed=tuple(removed),
        published_basis=published.basis,
        dateline_day=published.dateline_day,
        title_basis=title_basis,
    )


def _front_lines(stated, header, record, blocks, url, removed):
    """The headline and the dateline, each taken out of the body blocks it was found in."""
    headline, kept = address_headline(stated.title, header.title, blocks, url, removed)
    if not stated.title:
        headline, kept = top_headline(headline, kept, removed)
    dateline = header.published
    if dateline is None and not (record.published or stated.published):
        dateline, kept = date_line_in_body(kept, removed)
    return headline, dateline, kept


def _body(kept: list, path: Path, limits: Limits):
    """The article's blocks and text; refuses a body with no prose or over the character limit."""
    if not any(b.kind != "subhead" for b in kept):
        raise InputError("no article text left after removing headline and boilerplate", path)
    blocks, text = assemble(kept)
    if len(text) > limits.article_chars:
        raise InputError(f"article text of {len(text):,} characters is over the limit of "
                         f"{limits.article_chars:,} (BRIEFING_MAX_ARTICLE_CHARS)", path)
    return blocks, text


def _check_file(path: Path, limits: Limits) -> None:
    """Refuse a symbolic link or a file over the byte limit before a byte of it is read."""
    if path.is_symlink():
        raise InputError(LINK_REASON, path)
    size = path.stat().st_size
    if size > limits.article_bytes:
        raise InputError(f"file of {size:,} bytes is over the limit of {limits.article_bytes:,} "
                         "(BRIEFING_MAX_ARTICLE_BYTES)", path)


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
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    # a one-word badge or a stray label above the lead is no sentence to title by
    lead = next((p for p in paragraphs if len(p.split()) >= _LEAD_WORDS), paragraphs[0] if paragraphs else None)
    return (title_from_text(lead) if lead else path.stem), True, "lead"


def _outlet(stated: str | None, header: str | None, url: str | None) -> tuple[str | None, bool]:
    if stated:
        return stated, False
    inferred = header or outlet_from_url(url)
    return inferred, inferred is not None
