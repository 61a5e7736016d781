"""``briefing add --feed``: the items of an RSS or Atom feed newer than the last run.

The feed is fetched with the same polite client as the pages and parsed by feedparser.
How far a run got is kept in the set folder's ``sources.yml`` (``feeds: URL: newest:``):
the date of the newest item such that every item up to it was added or found there. An
item that failed is therefore tried again next time; one that succeeded is found again by
its URL and reported as already there.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from generator.collect.add import ADDED, ALREADY, Candidate, Outcome, add_urls
from generator.collect.fetch import FEED_TYPES, FetchError, Fetcher
from generator.collect.store import open_set, save_sources


@dataclass(frozen=True)
class FeedItem:
    """One feed entry: its link and, when the feed dates it, its time (UTC, ISO 8601)."""

    url: str
    when: str | None


def read_feed(fetcher: Fetcher, url: str) -> list[FeedItem]:
    """The linked items of the feed at ``url``, oldest first (undated ones in feed order, last).

    Raises:
        FetchError: the feed cannot be fetched, or is neither RSS nor Atom.
    """
    import feedparser

    page = fetcher.get(url, accept=FEED_TYPES)
    parsed = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    if not parsed.entries and (parsed.bozo or not parsed.version):
        raise FetchError(url, "not an RSS or Atom feed")
    items = [FeedItem(e.link, _when(e)) for e in parsed.entries if e.get("link")]
    dated = sorted((i for i in items if i.when), key=lambda i: i.when)
    return dated + [i for i in items if not i.when]


def _when(entry) -> str | None:
    """The entry's published (else updated) time as ``YYYY-MM-DDTHH:MM:SSZ``."""
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    if not stamp:
        return None
    moment = dt.datetime.fromtimestamp(calendar.timegm(stamp), tz=dt.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def add_feed(feed_url: str, folder: Path, fetcher: Fetcher) -> list[Outcome]:
    """Add the items of ``feed_url`` newer than the last run into ``folder``.

    Raises:
        FetchError: the feed itself cannot be read (the items' failures are outcomes).
    """
    state = open_set(folder).feeds.get(feed_url, {})
    newest = state.get("newest")
    items = [i for i in read_feed(fetcher, feed_url) if not (newest and i.when and i.when <= newest)]
    candidates = [Candidate(i.url, published=i.when[:10] if i.when else None, feed=feed_url) for i in items]
    outcomes = add_urls(candidates, folder, fetcher)
    reached = _reached(items, outcomes, newest)
    store = open_set(folder)  # re-read: add_urls has just written the articles
    store.feeds[feed_url] = {k: v for k, v in {"newest": reached}.items() if v}
    save_sources(store)
    return outcomes


def _reached(items: list[FeedItem], outcomes: list[Outcome], newest: str | None) -> str | None:
    """The newest date up to which every dated item is in the set (stops at the first failure)."""
    for item, outcome in zip(items, outcomes):
        if not item.when:
            break
        if outcome.status not in (ADDED, ALREADY):
            break
        newest = max(newest or item.when, item.when)
    return newest
