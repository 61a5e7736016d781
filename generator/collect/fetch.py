"""One polite HTTP client for ``briefing add``: httpx with a timeout, a size cap while
streaming, a user agent naming the tool and its version, robots.txt honoured (RFC 9309,
read with :mod:`urllib.robotparser` and fetched with the same client), redirects followed
up to a cap and checked against robots.txt hop by hop, and a content-type check.

A :class:`Fetcher` is shared by threads: httpx's client is thread-safe and keeps connections
alive, so twenty pages on one host cost one handshake; robots.txt is read once per origin.
"""
from __future__ import annotations

import datetime as dt
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlsplit

import httpx

from generator import __version__

ROBOTS_AGENT = "briefing-site"  # the product token robots.txt rules are matched against
USER_AGENT = f"{ROBOTS_AGENT}/{__version__} (news briefing generator; honours robots.txt)"
HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
    "text/xml", "application/feed+json",
)
_ROBOTS_MAX_BYTES = 500_000  # RFC 9309 §2.5: parse at least 500 KiB; more is never needed


@dataclass(frozen=True)
class FetchLimits:
    """What one fetch may cost."""

    timeout: float = 10.0  # seconds for one request, headers and the whole body
    max_bytes: int = 5_000_000  # a news page is well under 1 MB; beyond 5 MB it is not an article
    max_redirects: int = 5


@dataclass(frozen=True)
class Page:
    """A response that passed every check: the final address and the body as sent."""

    url: str  # as requested
    final_url: str  # after redirects
    content_type: str
    body: bytes
    fetched: str  # ISO 8601 UTC time the response arrived
    http_date: str | None = None  # the server's Date header, as sent
    last_modified: str | None = None


class FetchError(Exception):
    """A URL that could not be fetched; ``reason`` is a short phrase for the report line."""

    def __init__(self, url: str, reason: str):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class Fetcher:
    """Fetches pages politely; use as a context manager so the connections are closed."""

    def __init__(self, limits: FetchLimits = FetchLimits(), *, clock: Callable[[], str] = _utc_now):
        self.limits = limits
        self._clock = clock
        self._client = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"},
            timeout=httpx.Timeout(limits.timeout),
            follow_redirects=False,  # followed by hand, so robots.txt is checked on every hop
            limits=httpx.Limits(max_connections=16, max_keepalive_connections=16),
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the pooled connections."""
        self._client.close()

    def get(self, url: str, accept: tuple[str, ...] = HTML_TYPES) -> Page:
        """Fetch ``url``, following redirects, and return the page.

        Raises:
            FetchError: not http(s), disallowed by robots.txt, a network error or timeout, an
                HTTP error status, a redirect loop or too many redirects, a body over the size
                cap, or a content type outside ``accept``.
        """
        current, seen = url, {url}
        for _hop in range(self.limits.max_redirects + 1):
            self._check_url(url, current)
            location = self._exchange(url, current, accept)
            if isinstance(location, Page):
                return location
            if location in seen:
                raise FetchError(url, f"redirect loop at {location}")
            seen.add(location)
            current = location
        raise FetchError(url, f"more than {self.limits.max_redirects} redirects")

    def _check_url(self, url: str, current: str) -> None:
        parts = urlsplit(current)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(url, f"not an http(s) URL: {current}")
        verdict = self._robots_for(f"{parts.scheme}://{parts.netloc}")
        if isinstance(verdict, str):
            raise FetchError(url, verdict)
        if not verdict.can_fetch(ROBOTS_AGENT, current):
            raise FetchError(url, f"disallowed by robots.txt of {parts.netloc}")

    def _exchange(self, url: str, current: str, accept: tuple[str, ...]) -> Page | str:
        """One request: the page, or the next address when the answer is a redirect."""
        deadline = time.monotonic() + self.limits.timeout
        try:
            with self._client.stream("GET", current) as response:
                if response.is_redirect:
                    return str(response.url.join(response.headers.get("location", "")))
                if response.status_code >= 400:
                    raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                content_type = _media_type(response.headers.get("content-type", ""))
                if content_type not in accept:
                    raise FetchError(url, f"not a page: content type {content_type or 'missing'}")
                body = self._read_capped(url, response, deadline, self.limits.max_bytes)
                return Page(
                    url=url,
                    final_url=str(response.url),
                    content_type=content_type,
                    body=body,
                    fetched=self._clock(),
                    http_date=response.headers.get("date"),
                    last_modified=response.headers.get("last-modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(url, f"timed out after {self.limits.timeout:g} s") from exc
        except httpx.HTTPError as exc:
            raise FetchError(url, f"network error: {_describe(exc)}") from exc

    def _read_capped(self, url: str, response: httpx.Response, deadline: float, cap: int) -> bytes:
        """The body, refused as soon as it passes ``cap`` bytes or the deadline (a server that
        drips bytes never trips the per-read timeout)."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise FetchError(url, f"page too large: {int(declared):,} bytes (limit {cap:,})")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise FetchError(url, f"page too large: over {cap:,} bytes")
            if time.monotonic() > deadline:
                raise FetchError(url, f"timed out after {self.limits.timeout:g} s")
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_for(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The parsed robots.txt of ``origin`` (read once), or the reason nothing may be fetched."""
        with self._guard:
            lock = self._locks.setdefault(origin, threading.Lock())
        with lock:  # one read per origin, even when twenty threads ask at once
            if origin not in self._robots:
                self._robots[origin] = self._read_robots(origin)
            return self._robots[origin]

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """RFC 9309 §2.3.1: a 4xx answer means no rules; a 5xx answer or no answer means
        the site may not be crawled for now."""
        parser = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._client.get(f"{origin}/robots.txt", follow_redirects=True)
        except httpx.TimeoutException:
            return f"robots.txt of {urlsplit(origin).netloc} timed out"
        except httpx.HTTPError as exc:
            return f"robots.txt of {urlsplit(origin).netloc} unreachable: {_describe(exc)}"
        if response.status_code >= 500:
            return f"robots.txt of {urlsplit(origin).netloc} unavailable (HTTP {response.status_code})"
        if response.status_code >= 400:
            parser.parse([])
        else:
            text = response.content[:_ROBOTS_MAX_BYTES].decode("utf-8", errors="replace")
            parser.parse(text.splitlines())
        return parser


def _media_type(header: str) -> str:
    return header.split(";", 1)[0].strip().lower()


def _describe(exc: Exception) -> str:
    """httpx's message, or the exception's name when it has none (a reset connection)."""
    text = " ".join(str(exc).split())
    return text or type(exc).__name__
