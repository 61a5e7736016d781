"""The polite client against the local test site: every way a fetch can go wrong says why."""
from __future__ import annotations

import time

import pytest

from generator import __version__
from generator.collect.fetch import FEED_TYPES, FetchError, Fetcher, FetchLimits


@pytest.fixture()
def fetcher():
    with Fetcher(FetchLimits(timeout=1.0, max_bytes=500_000, max_redirects=3)) as f:
        yield f


def test_a_page_arrives_with_its_final_address_and_http_date(web, fetcher):
    base, _ = web
    page = fetcher.get(f"{base}/moved")
    assert page.final_url == f"{base}/news/3.html"
    assert page.content_type == "text/html"
    assert b"bridge 3 closed" in page.body
    assert page.http_date and page.http_date.endswith("GMT")
    assert page.fetched.endswith("Z")


def test_the_user_agent_names_the_tool_and_its_version(web, fetcher):
    base, site = web
    fetcher.get(f"{base}/news/4.html")
    agents = {agent for path, agent in site.requests if path == "/news/4.html"}
    assert agents == {f"briefing-site/{__version__} (news briefing generator; honours robots.txt)"}


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/missing.html", "HTTP 404 Not Found"),
        ("/loop-a", "redirect loop at {base}/loop-a"),
        ("/data.json", "not a page: content type application/json"),
        ("/private/secret.html", "disallowed by robots.txt of 127.0.0.1:{port}"),
        ("/huge", "page too large: 2,400,026 bytes (limit 500,000)"),
        ("/huge-chunked", "page too large: over 500,000 bytes"),
        ("/slow", "timed out after 1 s"),
    ],
)
def test_each_failure_is_one_short_reason(web, fetcher, path, reason):
    base, _ = web
    with pytest.raises(FetchError) as info:
        fetcher.get(base + path)
    assert info.value.reason == reason.format(base=base, port=base.rsplit(":", 1)[1])
    assert str(info.value) == f"{base}{path}: {info.value.reason}"


def test_a_timeout_does_not_wait_for_the_slow_server(web, fetcher):
    base, _ = web
    start = time.monotonic()
    with pytest.raises(FetchError):
        fetcher.get(f"{base}/slow")
    assert time.monotonic() - start < 2.5  # the server answers after 3 s


def test_robots_txt_is_read_once_per_site(web):
    base, site = web
    with Fetcher() as f:
        before = sum(path == "/robots.txt" for path, _ in site.requests)
        f.get(f"{base}/news/5.html")
        f.get(f"{base}/news/6.html")
        assert sum(path == "/robots.txt" for path, _ in site.requests) == before + 1


def test_a_feed_is_accepted_only_where_feeds_are_asked_for(web, fetcher):
    base, _ = web
    assert fetcher.get(f"{base}/feed.xml", accept=FEED_TYPES).content_type == "application/rss+xml"
    with pytest.raises(FetchError, match="content type application/rss"):
        fetcher.get(f"{base}/feed.xml")


def test_only_http_urls_are_fetched(fetcher):
    with pytest.raises(FetchError, match="not an http"):
        fetcher.get("file:///etc/passwd")


def test_a_closed_port_is_a_network_error():
    import socket

    with socket.socket() as s:  # a port nobody listens on: bind, then close
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(FetchLimits(timeout=1.0)) as f, pytest.raises(FetchError) as info:
        f.get(f"http://127.0.0.1:{port}/x.html")
    assert info.value.reason.startswith(f"robots.txt of 127.0.0.1:{port} unreachable")
