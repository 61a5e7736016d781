"""A set folder as ``briefing add`` keeps it: the pages as fetched and ``sources.yml``.

``sources.yml`` says where each stored page came from and, for feeds, how far the last run
got. Ingest reads ``url`` and ``published`` of an article from it (an editor may correct
either there); everything else is a record::

    articles:
      003_coast-courier.html:
        url: https://courier.example/news/storm     # the page's canonical address
        requested: https://courier.example/s/42     # as given, when different
        fetched: 2026-02-03T09:12:40Z               # when the response arrived (UTC)
        http_date: Tue, 03 Feb 2026 09:12:40 GMT    # the server's Date header
        published: 2026-02-03                       # from the feed item or the page
        text_sha256: 5f1c…                          # of the page's text, for duplicates
    feeds:
      https://courier.example/rss:
        newest: 2026-02-03T08:00:00Z                # items up to here have been added

Duplicates are found by the URL (requested, final or canonical, normalised by
:func:`url_key`) and by the hash of the article text (:func:`text_key`), so a story reached
through two addresses, or syndicated word for word, is stored once.
"""
from __future__ import annotations

import hashlib
import os
import re
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml
from unidecode import unidecode

from generator.errors import InputError
from generator.ingest.sourcefile import SOURCES_FILE, read_sources

__all__ = ["SOURCES_FILE", "SetFolder", "open_set", "read_sources", "save_sources", "text_key", "url_key", "write_atomic"]
_NUMBERED = re.compile(r"^(\d{3,})_")
# Query parameters that only track the reader; two URLs differing in them are one page.
_TRACKING = re.compile(r"^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|smid)$", re.I)
_ENTRY_KEYS = ("url", "requested", "final_url", "fetched", "http_date", "last_modified", "published", "text_sha256", "feed")


def url_key(url: str) -> str:
    """A URL reduced to what names the page: lower-case scheme and host, no ``www.``, no
    default port, fragment or tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    port = f":{parts.port}" if parts.port and parts.port not in (80, 443) else ""
    query = urlencode(sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)))
    path = parts.path.rstrip("/") or "/"
    # http and https name the same page (sites move between them); the key only compares
    scheme = "http" if parts.scheme.lower() in ("http", "https") else parts.scheme.lower()
    return urlunsplit((scheme, host + port, path, query, ""))


def text_key(text: str) -> str:
    """The SHA-256 of a text's words, case-folded: the same article extracted twice, with
    other spacing or line breaks, gets the same key."""
    words = re.findall(r"\w+", text.casefold())
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def outlet_slug(name: str) -> str:
    """``"Coast Courier"`` → ``"coast-courier"``: the ``<outlet>`` part of a stored file name."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(name).lower()).strip("-")
    return slug[:40].strip("-") or "page"


@dataclass
class SetFolder:
    """A set folder's ``sources.yml`` in memory, with the keys used to spot duplicates."""

    path: Path
    articles: dict[str, dict[str, Any]] = field(default_factory=dict)
    feeds: dict[str, dict[str, Any]] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)  # url_key → file
    texts: dict[str, str] = field(default_factory=dict)  # text_key → file

    def duplicate(self, urls: list[str], text_hash: str | None) -> tuple[str, str] | None:
        """``(file, why)`` when one of ``urls`` or the text is already in the set."""
        for url in urls:
            if url and url_key(url) in self.urls:
                return self.urls[url_key(url)], "same URL"
        if text_hash and text_hash in self.texts:
            return self.texts[text_hash], "same text"
        return None

    def remember(self, file: str, entry: dict[str, Any]) -> None:
        """Record ``entry`` for ``file`` and index its URLs and text hash."""
        self.articles[file] = {k: entry[k] for k in _ENTRY_KEYS if entry.get(k)}
        for key in ("url", "requested", "final_url"):
            if entry.get(key):
                self.urls.setdefault(url_key(entry[key]), file)
        if entry.get("text_sha256"):
            self.texts.setdefault(entry["text_sha256"], file)

    def next_name(self, outlet: str, suffix: str = ".html") -> str:
        """``NNN_<outlet>.html`` numbered after the highest number in the folder."""
        numbers = [int(m.group(1)) for p in self._names() if (m := _NUMBERED.match(p))]
        return f"{max(numbers, default=0) + 1:03d}_{outlet_slug(outlet)}{suffix}"

    def _names(self) -> list[str]:
        return sorted(set(self.articles) | ({p.name for p in self.path.iterdir()} if self.path.is_dir() else set()))


def open_set(folder: Path, extra_keys: dict[str, tuple[str | None, str | None]] | None = None) -> SetFolder:
    """The set folder ``folder`` (which need not exist yet) with its duplicate keys.

    ``extra_keys`` maps files that ``sources.yml`` does not describe (articles saved by hand)
    to their ``(url, text_key)``, so they count as duplicates too.
    """
    data = read_sources(folder / SOURCES_FILE)
    store = SetFolder(path=folder, feeds=data["feeds"])
    for file in sorted(data["articles"]):
        store.remember(file, data["articles"][file])
    for file in sorted(extra_keys or {}):
        url, text_hash = extra_keys[file]
        if url:
            store.urls.setdefault(url_key(url), file)
        if text_hash:
            store.texts.setdefault(text_hash, file)
    return store


def save_sources(store: SetFolder) -> None:
    """Write ``sources.yml`` atomically, files and feeds in sorted order."""
    data = {
        "articles": {f: store.articles[f] for f in sorted(store.articles)},
        "feeds": {u: store.feeds[u] for u in sorted(store.feeds)},
    }
    text = "# Where each article came from; written by `briefing add`. Ingest reads `url` and `published`.\n"
    text += yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=1000)
    write_atomic(store.path / SOURCES_FILE, text.encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``.

    Bytes, not text: a page is stored exactly as the server sent it, in its own encoding
    (``generator.writer.atomic_write`` writes UTF-8 text).

    Raises:
        InputError: the folder or the file cannot be written.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise InputError(f"cannot write file: {exc.strerror or exc}", path) from exc
