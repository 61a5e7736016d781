"""``make bench-site`` run small: a site of replicated briefings builds, and its pages keep
the shape that lets it scale (one sources page per briefing, bounded listings, listings out
of search). Asserts structure, never a time."""
from __future__ import annotations

import json

from bench.scale import replica, run, _records
from generator.render.site_lists import MONTH_ENTRIES

BRIEFINGS = 20


def test_replicas_get_their_own_slug_names_and_dates():
    original = _records()[0]
    first, second = replica(original, 0), replica(original, 1)
    assert first["set"] != second["set"] and first["set"] != original["set"]
    assert second["date"] != original["date"]  # each replica moves by its own number of days
    own = [a["name"] for a in first["actors"]]
    assert len(own) == len(set(own))  # renaming never makes two actors one name
    assert [a["name"] for a in first["actors"]] != [a["name"] for a in original["actors"]]


def test_small_site_builds_with_bounded_pages(tmp_path):
    result = run(BRIEFINGS, flat_pages=0, keep=tmp_path / "kept")
    assert result["build"]["ok"] and result["assemble"]["ok"]
    site = tmp_path / "kept" / "site"
    kinds = result["kinds"]
    assert kinds["briefing"]["pages"] == BRIEFINGS
    assert kinds["sources"]["pages"] == BRIEFINGS  # one sources page per briefing
    assert sum(1 for _ in (site / "sources").iterdir()) == BRIEFINGS
    # no listing page embeds every briefing: a month page lists at most MONTH_ENTRIES
    for month in (tmp_path / "kept" / "briefings" / "archive").glob("*.md"):
        if month.name != "index.md":
            assert month.read_text("utf-8").count("\n- **[") <= MONTH_ENTRIES
    home = (site / "index.html").read_text("utf-8")
    assert home.count("brief-00") < 2 * BRIEFINGS
    # listing pages are not in the search index; every briefing is
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    assert not any(loc.startswith(("archive/", "questions/", "timeline/", "actors/by-name/")) for loc in locations)
    assert {f"brief-{i + 1:04d}/" for i in range(BRIEFINGS)} <= locations
    # the compacting hook ran: no page keeps Material's deep indentation
    assert "\n        " not in (site / "brief-0001" / "index.html").read_text("utf-8")
