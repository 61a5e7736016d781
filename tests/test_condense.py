"""Condense on real sets: key points ranked and corroborated, event date, tags, title."""
from __future__ import annotations

import pytest

from generator.analysis import analyse
from generator.condense import condense
from generator.ingest import load_source_set
from tests.conftest import DATA, SEEDS


@pytest.fixture(scope="module")
def seed_briefing(nlp):
    source_set = load_source_set(SEEDS / "rutte-erdogan-ankara")
    return condense(source_set, analyse(source_set, nlp))


@pytest.fixture(scope="module")
def strike_briefing(nlp):
    source_set = load_source_set(DATA / "sets" / "harbour-strike")
    return condense(source_set, analyse(source_set, nlp))


def test_summary_has_a_few_distinct_points_each_with_sources(seed_briefing):
    points = seed_briefing.summary
    assert 2 <= len(points) <= 4
    assert len({p.text for p in points}) == len(points)
    for point in points:
        assert point.sources and all(e.source in point.sources for e in point.evidence)


def test_a_claim_both_sources_carry_is_credited_to_both(seed_briefing):
    lead = seed_briefing.summary[0]
    assert lead.sources == ("s1", "s2"), lead


def test_event_date_is_the_reported_meeting_not_the_publication_day(seed_briefing):
    assert seed_briefing.date == "2025-05-13"
    assert seed_briefing.updated == "2025-05-14"


def test_title_prefers_a_stated_headline(seed_briefing, strike_briefing):
    assert seed_briefing.title.startswith("NATO chief")
    assert strike_briefing.title == "Dock workers walk out at Port Calder as wage talks stall"


def test_tags_are_the_most_present_organisations_and_countries(strike_briefing):
    assert "Meridian Terminals" in strike_briefing.tags
    assert all(t for t in strike_briefing.tags)


def test_statements_carry_the_day_they_were_made(strike_briefing):
    by_speaker = {}
    for st in strike_briefing.analysis.statements:
        by_speaker.setdefault(st.speaker, []).append(st)
    lindqvist = [st for name, sts in by_speaker.items() if "Lindqvist" in name for st in sts]
    assert lindqvist and all(st.date == "2026-03-03" or st.date == "2026-03-04" for st in lindqvist)


def test_summary_and_title_never_open_with_a_dateline_or_byline(nlp, tmp_path):
    folder = tmp_path / "lock-closure"
    folder.mkdir()
    (folder / "001_wire.txt").write_text(
        "By Jane Roe and John Doe PORTVALE, Norland (Harbour Wire) — The river authority closed the northern "
        "lock on Tuesday after a barge struck its gate, officials said.\n\n"
        "Repairs to the northern lock are expected to take two weeks, the river authority said on Wednesday.\n",
        encoding="utf-8")
    (folder / "002_daily.txt").write_text(
        "PORTVALE, Norland: The river authority closed the northern lock on Tuesday after a barge struck its "
        "gate, the authority said.\n\nShipping firms said the closure would delay grain cargoes.\n",
        encoding="utf-8")
    source_set = load_source_set(folder)
    briefing = condense(source_set, analyse(source_set, nlp))
    assert briefing.title.startswith("The river authority closed the northern lock")
    for point in briefing.summary:
        assert not point.text.startswith(("By ", "PORTVALE")), point.text
