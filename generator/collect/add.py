"""``briefing add``: fetch pages into a set folder, one report line per URL.

URLs are fetched concurrently through one shared :class:`~generator.collect.fetch.Fetcher`
(kept-alive connections, robots.txt read once per site), then checked and stored in the
order given, so file numbers do not depend on which server answered first. A failing URL
is reported and never stops the others.
"""
from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.collect.fetch import FetchError, Fetcher, Page
from generator.collect.store import SetFolder, open_set, save_sources, text_key, url_key, write_atomic
from generator.errors import InputError

log = logging.getLogger(__name__)

ADDED, ALREADY, FAILED = "added", "already there", "failed"
_WORKERS = 8  # enough to hide latency; few enough not to hammer one site
_MIN_WORDS = 20  # fewer words than a short news item: a login wall, a cookie notice, an index


@dataclass(frozen=True)
class Candidate:
    """A URL to add, with what a feed said about it."""

    url: str
    published: str | None = None  # ISO date from the feed item
    feed: str | None = None  # the feed it came from


@dataclass(frozen=True)
class Outcome:
    """What became of one URL."""

    url: str
    status: str  # ADDED, ALREADY or FAILED
    file: str | None = None  # the stored file, or the one it duplicates
    detail: str = ""  # why it failed, or what made it a duplicate
    published: str | None = None

    def line(self) -> str:
        """The report line: ``added URL -> 003_x.html``, ``already there URL (…)``, ``failed URL: …``."""
        if self.status == ADDED:
            return f"added          {self.url} -> {self.file}"
        if self.status == ALREADY:
            return f"already there  {self.url} ({self.file}, {self.detail})"
        return f"failed         {self.url}: {self.detail}"


@dataclass(frozen=True)
class PageFacts:
    """What the page says about itself, read with trafilatura."""

    canonical: str | None
    outlet: str | None
    published: str | None
    text: str


def describe(body: bytes | str, source: str) -> PageFacts:
    """The canonical address (``<link rel=canonical>``, ``og:url``), site name, date and
    article text of an HTML page.

    Raises:
        InputError: trafilatura finds no article text in the page.
    """
    import trafilatura  # heavy import; only needed once a page has arrived

    doc = trafilatura.bare_extraction(body, with_metadata=True, include_comments=False, deduplicate=False)
    if doc is None or len((doc.text or "").split()) < _MIN_WORDS:
        raise InputError("no article text found in the page", source)
    return PageFacts(canonical=doc.url or None, outlet=doc.sitename or None, published=doc.date or None, text=doc.text)


def add_urls(candidates: list[Candidate], folder: Path, fetcher: Fetcher, *, workers: int = _WORKERS) -> list[Outcome]:
    """Fetch and store every candidate not yet in ``folder``; one :class:`Outcome` each, in
    the order given. ``sources.yml`` is written once at the end (and only when a page was added)."""
    store = open_set(folder, extra_keys=hand_saved_keys(folder))
    pending = {}
    for c in candidates:  # a URL already in the set, or given twice, is fetched at most once
        if url_key(c.url) not in store.urls:
            pending.setdefault(url_key(c.url), c.url)
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(pending)))) as pool:
        fetched = dict(zip(pending, pool.map(lambda u: _fetch(fetcher, u), pending.values())))
    outcomes = [_store_one(store, c, fetched.get(url_key(c.url))) for c in candidates]
    if any(o.status == ADDED for o in outcomes):
        save_sources(store)
    return outcomes


def _fetch(fetcher: Fetcher, url: str) -> Page | FetchError:
    try:
        return fetcher.get(url)
    except FetchError as exc:
        return exc


def _store_one(store: SetFolder, c: Candidate, result: Page | FetchError | None) -> Outcome:
    """Check one fetched page against the set and write it when it is new."""
    seen = store.duplicate([c.url], None)
    if seen:
        return Outcome(c.url, ALREADY, seen[0], seen[1])
    if isinstance(result, FetchError) or result is None:
        return Outcome(c.url, FAILED, detail=result.reason if result else "not fetched")
    try:
        facts = describe(result.body, c.url)
    except InputError:
        return Outcome(c.url, FAILED, detail="no article text found in the page")
    text_hash = text_key(facts.text)
    seen = store.duplicate([result.final_url, facts.canonical or ""], text_hash)
    if seen:
        return Outcome(c.url, ALREADY, seen[0], seen[1])
    file = store.next_name(facts.outlet or _host(result.final_url))
    write_atomic(store.path / file, result.body)
    published = c.published or facts.published
    url = facts.canonical or result.final_url
    store.remember(file, {
        "url": url,
        "requested": c.url if url_key(c.url) != url_key(url) else None,
        "final_url": result.final_url if url_key(result.final_url) not in (url_key(url), url_key(c.url)) else None,
        "fetched": result.fetched,
        "http_date": result.http_date,
        "last_modified": result.last_modified,
        "published": published,
        "text_sha256": text_hash,
        "feed": c.feed,
    })
    return Outcome(c.url, ADDED, file, published=published)


def _host(url: str) -> str:
    from generator.ingest.metadata import outlet_from_url

    return outlet_from_url(url) or "page"


def hand_saved_keys(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    """``(url, text_key)`` of the articles in ``folder`` that ``sources.yml`` does not
    describe (saved by hand), so a URL or text already there is not added again.

    A file that cannot be read is left out here; ``briefing generate`` reports it.
    """
    from generator.collect.store import SOURCES_FILE, read_sources
    from generator.ingest.sources import article_files, load_article

    if not folder.is_dir():
        return {}
    known = read_sources(folder / SOURCES_FILE)["articles"]
    keys: dict[str, tuple[str | None, str | None]] = {}
    for path in article_files(folder):
        if path.name in known:
            continue
        try:
            if path.suffix.lower() in (".html", ".htm"):
                facts = describe(path.read_bytes(), str(path))
                keys[path.name] = (facts.canonical, text_key(facts.text))
            else:
                article = load_article(path, "s0")
                keys[path.name] = (article.url, text_key(article.text))
        except (InputError, OSError) as exc:
            log.debug("not checked for duplicates: %s", exc)
    return keys
