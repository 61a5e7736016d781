"""``briefing add --feed``: items newer than the last run, the state kept in sources.yml."""
from __future__ import annotations

import pytest
import yaml

from generator.collect.feeds import add_feed, read_feed
from generator.collect.fetch import FetchError, Fetcher, FetchLimits
from tests.collect.test_add import briefing


@pytest.fixture()
def feed_site(web):
    base, site = web
    saved = list(site.feed_items)
    yield base, site
    site.feed_items = saved


def test_feed_items_come_oldest_first_with_their_dates(feed_site):
    base, site = feed_site
    site.feed_items = [("/news/31.html", "Wed, 05 Mar 2026 08:00:00 GMT"), ("/news/30.html", "Tue, 04 Mar 2026 08:00:00 GMT")]
    with Fetcher() as f:
        items = read_feed(f, f"{base}/feed.xml")
    assert [(i.url, i.when) for i in items] == [
        (f"{base}/news/30.html", "2026-03-04T08:00:00Z"), (f"{base}/news/31.html", "2026-03-05T08:00:00Z")]


def test_a_second_run_adds_only_the_newer_items(feed_site, tmp_path):
    base, site = feed_site
    site.feed_items = [("/news/40.html", "Tue, 04 Mar 2026 08:00:00 GMT"), ("/news/41.html", "Wed, 05 Mar 2026 08:00:00 GMT")]
    first = briefing("add", "--feed", f"{base}/feed.xml", "--set", "f", "--seeds", str(tmp_path))
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        f"added          {base}/news/40.html -> 001_test-gazette.html",
        f"added          {base}/news/41.html -> 002_test-gazette.html",
    ]
    record = yaml.safe_load((tmp_path / "f" / "sources.yml").read_text(encoding="utf-8"))
    assert record["feeds"] == {f"{base}/feed.xml": {"newest": "2026-03-05T08:00:00Z"}}
    assert record["articles"]["001_test-gazette.html"]["feed"] == f"{base}/feed.xml"
    assert record["articles"]["002_test-gazette.html"]["published"] == "2026-03-05"  # the feed's date
    site.feed_items.append(("/news/42.html", "Thu, 06 Mar 2026 08:00:00 GMT"))
    second = briefing("add", "--feed", f"{base}/feed.xml", "--set", "f", "--seeds", str(tmp_path))
    assert second.stdout.splitlines() == [f"added          {base}/news/42.html -> 003_test-gazette.html"]


def test_a_failed_item_is_tried_again_next_time(feed_site, tmp_path):
    base, site = feed_site
    site.feed_items = [("/news/50.html", "Tue, 04 Mar 2026 08:00:00 GMT"), ("/gone.html", "Wed, 05 Mar 2026 08:00:00 GMT"),
                       ("/news/51.html", "Thu, 06 Mar 2026 08:00:00 GMT")]
    with Fetcher() as f:
        outcomes = add_feed(f"{base}/feed.xml", tmp_path / "f", f)
        assert [o.status for o in outcomes] == ["added", "failed", "added"]
        again = add_feed(f"{base}/feed.xml", tmp_path / "f", f)
    # the state stopped before the failure: the failed item is retried, the later one found again
    assert [(o.url.rsplit("/", 1)[1], o.status) for o in again] == [("gone.html", "failed"), ("51.html", "already there")]


def test_a_page_that_is_not_a_feed_fails_in_one_line(web, tmp_path):
    base, _ = web
    with Fetcher(FetchLimits(timeout=2)) as f, pytest.raises(FetchError, match="content type text/html"):
        add_feed(f"{base}/news/1.html", tmp_path / "f", f)
    proc = briefing("add", "--feed", f"{base}/missing.xml", "--set", "f", "--seeds", str(tmp_path))
    assert (proc.returncode, proc.stdout, proc.stderr) == (
        1, f"failed         {base}/missing.xml: HTTP 404 Not Found\n", "error: 1 of 1 URL(s) failed\n")
