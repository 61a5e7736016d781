"""Where the sources disagree: an invented three-article set (tests/data/stories/differences/)
that disagrees on a figure, a day, a speaker and a denial, across articles and within one."""
from __future__ import annotations

import pytest

from generator.analysis import analyse
from generator.ingest import load_source_set
from generator.render.page import render_briefing
from generator.render.record import BriefingRecord
from tests.conftest import DATA, SEEDS

DIFFERENCES = DATA / "stories" / "differences"


@pytest.fixture(scope="module")
def found(nlp):
    return analyse(load_source_set(DIFFERENCES), nlp).differences


def _of(found, kind):
    return [d for d in found if d.kind == kind]


def test_a_figure_two_articles_give_differently_is_listed_with_both_sentences(found):
    pairs = {(d.values, tuple(e.source for e in d.evidence)) for d in _of(found, "number")}
    assert (("at least 9", "14"), ("s1", "s2")) in pairs
    first = next(d for d in _of(found, "number") if d.values == ("at least 9", "14"))
    assert first.evidence[0].text.startswith("At least 9 passengers")
    assert first.evidence[1].text.startswith("14 passengers")


def test_a_figure_revised_within_one_article_is_listed(found):
    within = [d for d in _of(found, "number") if {e.source for e in d.evidence} == {"s3"}]
    assert [d.values for d in within] == [("11", "12")]


def test_two_days_for_the_same_departure_are_listed(found):
    (date,) = _of(found, "date")
    assert date.values == ("10 March", "9 March") and date.topic == "leave"
    assert [e.source for e in date.evidence] == ["s1", "s2"]


def test_one_quotation_given_to_two_speakers_and_a_denial_are_listed(found):
    (speaker,) = _of(found, "speaker")
    assert speaker.values == ("Ivo Rask", "Hana Olsby")
    (denial,) = _of(found, "denial")
    assert "denied" in denial.evidence[0].text and "engine failure" in denial.evidence[1].text
    assert denial.evidence[0].source != denial.evidence[1].source


def test_sets_whose_sources_agree_list_nothing(nlp):
    for folder in (SEEDS / "rutte-erdogan-ankara", DATA / "sets" / "harbour-strike"):
        assert analyse(load_source_set(folder), nlp).differences == ()


def test_the_page_lists_them_side_by_side(nlp):
    from generator.condense import condense
    from generator.render.record import record_of

    source_set = load_source_set(DIFFERENCES)
    record = record_of(condense(source_set, analyse(source_set, nlp)))
    page = render_briefing(BriefingRecord.from_json(record.to_json()))
    section = page.split("### Where they differ")[1]
    assert "| Differ on | One sentence | The other |" in section
    assert "**at least 9** — At least 9 passengers" in section and "**14** — 14 passengers" in section
    assert "who said:" in section and "day: leave" in section
