"""The on-disk state of a set: stored hash, lock, conflict locations."""
from __future__ import annotations

import json

from generator.merge.state import conflict_locations, is_locked, page_state, stored_hash
from tests.publish.conftest import briefing_page


def test_stored_hash_reads_the_base_page_then_the_record(tmp_path):
    out = tmp_path / "briefings"
    (out / ".generated").mkdir(parents=True)
    assert stored_hash(out, "x") is None
    record_hash, base_hash = "sha256:" + "1" * 64, "sha256:" + "2" * 64
    (out / ".generated" / "x.json").write_text(json.dumps({"generator": {"hash": record_hash}}))
    assert stored_hash(out, "x") == record_hash
    (out / ".generated" / "x.md").write_text(briefing_page("x", base_hash))
    assert stored_hash(out, "x") == base_hash
    quoted = briefing_page("x", f"'{base_hash}'")
    (out / ".generated" / "x.md").write_text(quoted)
    assert stored_hash(out, "x") == base_hash


def test_lock_and_conflicts_are_read_from_thebriefing_page(tmp_path):
    page = tmp_path / "x.md"
    assert not is_locked(page) and conflict_locations(page) == ()
    page.write_text(briefing_page("x", "sha256:" + "1" * 64, extra="locked: true\n"))
    assert is_locked(page)
    page.write_text(briefing_page("x", "sha256:" + "1" * 64, body="Text mentioning locked: true\n"))
    assert not is_locked(page)
    page.write_text(briefing_page("x", "sha256:" + "1" * 64, body="Mine.\n<!-- briefing:conflict (x)\ny\nbriefing:end -->\n"))
    assert conflict_locations(page) == (f"{page.as_posix()}:12",)


def test_page_state_reads_lock_and_conflicts_together(tmp_path):
    page = tmp_path / "x.md"
    assert page_state(page) == (False, ())
    conflict = "Mine.\n<!-- briefing:conflict (x)\ny\nbriefing:end -->\n"
    page.write_text(briefing_page("x", "sha256:" + "1" * 64, extra="locked: true\n", body=conflict))
    assert page_state(page) == (True, (f"{page.as_posix()}:13",))
    assert page_state(page) == (is_locked(page), conflict_locations(page))
    page.write_text(briefing_page("x", "sha256:" + "1" * 64, body="Text mentioning locked: true\n"))
    assert page_state(page) == (False, ())
