"""The page says where it is unsure (issue 11, build 4): undated articles, a set where no
article states its date, and timeline dates worked out from a weekday or relative phrase."""
from __future__ import annotations

import copy

from generator.render.page import render_briefing
from generator.render.record import BriefingRecord

NO_DATE_NOTE = '!!! note "No article states its date"'


def _timeline_section(page: str) -> str:
    return page.split("## Timeline", 1)[1].split("## Sources", 1)[0]


def test_no_note_when_articles_are_dated(fixture_record):
    page = render_briefing(BriefingRecord.from_dict(fixture_record))
    assert NO_DATE_NOTE not in page and "*undated*" not in page


def test_undated_set_says_so_and_marks_each_source(fixture_record):
    record = copy.deepcopy(fixture_record)
    for source in record["sources"]:
        source["published"] = None
        source["published_inferred"] = False
    page = render_briefing(BriefingRecord.from_dict(record))
    assert NO_DATE_NOTE in _timeline_section(page)
    sources = page.split("## Sources", 1)[1]
    assert sources.count("*undated*") == len(record["sources"])


def test_inferred_timeline_dates_are_marked(fixture_record):
    record = copy.deepcopy(fixture_record)
    assert record["timeline"], "the fixture has a timeline"
    for i, event in enumerate(record["timeline"]):
        event["inferred"] = i == 0
    section = _timeline_section(render_briefing(BriefingRecord.from_dict(record)))
    assert section.count("*(inferred)*") == 1
