"""What a regeneration marks as new: the seed set, then the seed plus an invented follow-up
article (tests/data/stories/followups/), through the whole pipeline and through the record."""
from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from generator.pipeline import generate
from generator.pipeline.progress import Reporter
from generator.render.page import render_briefing
from generator.render.record import BriefingRecord
from generator.render.updates import mark_updates, previous_record
from tests.conftest import DATA, ROOT, SEEDS

SEED = "rutte-erdogan-ankara"
FOLLOWUP = DATA / "stories" / "followups" / "003_followup-wire.md"
STORED = ROOT / "briefings" / ".generated" / f"{SEED}.json"
BADGE = 'class="bs-badge bs-badge--new"'


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _items(record: BriefingRecord):
    return [*record.statements, *record.open_questions, *record.timeline]


def _without_source(record: BriefingRecord, source: str) -> BriefingRecord:
    """The record as it would have been without one source: its file, its sole findings and
    its sentences in the evidence of the findings it shares."""
    src = next(s for s in record.sources if s.id == source)
    gone = {sent.text for block in src.blocks or () for sent in block.sentences}

    def strip(item):
        parts = [p for p in item.evidence.split(" … ") if p not in gone]
        return dataclasses.replace(item, evidence=" … ".join(parts),
                                   sources=tuple(s for s in item.sources if s != source))

    keep = lambda items: tuple(strip(x) for x in items if x.sources != (source,))
    return dataclasses.replace(
        record,
        sources=tuple(s for s in record.sources if s.id != source),
        statements=keep(record.statements),
        open_questions=keep(record.open_questions),
        timeline=keep(record.timeline),
    )


# --------------------------------------------------------------------------- the record


def test_items_only_the_added_source_carries_are_marked_with_the_previous_date():
    full = BriefingRecord.from_json(STORED.read_text("utf-8"))
    before = _without_source(full, "s2")
    marked = mark_updates(full, before)
    fresh = [x for x in _items(marked) if x.new_since]
    expected = [x for x in _items(full) if x.sources == ("s2",)]
    assert fresh and len(fresh) == len(expected)
    assert {x.new_since for x in fresh} == {before.updated}
    assert all(x.sources == ("s2",) for x in fresh)
    (update,) = marked.updates
    assert [a.file for a in update.articles] == [full.sources[1].file]
    assert update.date == full.sources[1].published
    assert (update.statements, update.open_questions, update.timeline) == (
        len(full.statements) - len(before.statements),
        len(full.open_questions) - len(before.open_questions),
        len(full.timeline) - len(before.timeline),
    )


def test_a_rebuild_without_new_articles_carries_marks_and_history_unchanged():
    full = BriefingRecord.from_json(STORED.read_text("utf-8"))
    once = mark_updates(full, _without_source(full, "s2"))
    again = mark_updates(full, once)  # same inputs, the marked record as the previous one
    assert again.to_json() == once.to_json()
    assert render_briefing(again) == render_briefing(once)


def test_first_generation_and_unreadable_previous_record_mark_nothing():
    full = BriefingRecord.from_json(STORED.read_text("utf-8"))
    assert mark_updates(full, None) is full
    assert previous_record("{not json") is None
    assert BADGE not in render_briefing(full) and "## Updates" not in render_briefing(full)


def test_a_second_update_moves_the_marks_and_extends_the_history():
    full = BriefingRecord.from_json(STORED.read_text("utf-8"))
    first = mark_updates(_without_source(full, "s2"), _without_source(_without_source(full, "s2"), "s1"))
    assert first.updates and len(first.updates) == 1
    second = mark_updates(full, first)
    assert len(second.updates) == 2 and second.updates[0] == first.updates[0]
    assert all(x.new_since is None or x.sources == ("s2",) for x in _items(second))


# --------------------------------------------------------------------------- the whole run


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory, nlp):
    """The seed generated, then regenerated with the follow-up article added."""
    root = tmp_path_factory.mktemp("updates")
    seeds, out = root / "seeds", root / "briefings"
    shutil.copytree(SEEDS / SEED, seeds / SEED)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    before = json.loads((out / ".generated" / f"{SEED}.json").read_text("utf-8"))
    shutil.copy(FOLLOWUP, seeds / SEED / FOLLOWUP.name)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    return seeds, out, before


def _record(out: Path) -> BriefingRecord:
    return BriefingRecord.from_json((out / ".generated" / f"{SEED}.json").read_text("utf-8"))


@pytest.mark.slow
def test_adding_an_article_marks_exactly_what_it_brought(regenerated):
    _, out, before = regenerated
    record = _record(out)
    new_id = next(s.id for s in record.sources if s.file == FOLLOWUP.name)
    old_texts = {st["text"] for st in before["statements"]}
    for st in record.statements:
        # new exactly when the statement is not in the previous generation and comes from the new article
        assert bool(st.new_since) == (st.text not in old_texts and new_id in st.sources), st.text
    marked = [x for x in _items(record) if x.new_since]
    assert marked and {x.new_since for x in marked} == {before["updated"]}
    assert all(new_id in x.sources for x in marked)
    assert any("report back to the capital" in st.text for st in record.statements if st.new_since)
    page = (out / f"{SEED}.md").read_text("utf-8")
    assert page.count(BADGE) == len(marked)
    assert "## Updates" in page and "Istanbul leaders' meeting called off" in page
    feed = (out / "feed.xml").read_text("utf-8")
    assert feed.count(":update-") == 1 and "1 article added" in feed


@pytest.mark.slow
def test_a_no_op_run_and_a_forced_rebuild_change_nothing(regenerated, nlp, tmp_path):
    seeds, out, _ = regenerated
    out = Path(shutil.copytree(out, tmp_path / "briefings"))
    before = _files(out)
    generate(seeds, out, reporter=Reporter(), nlp=nlp)
    assert _files(out) == before
    generate(seeds, out, reporter=Reporter(), nlp=nlp, force=True)
    assert _files(out) == before


@pytest.mark.slow
def test_a_badge_the_editor_deleted_stays_deleted(regenerated, nlp, tmp_path):
    seeds, out, _ = regenerated
    out = Path(shutil.copytree(out, tmp_path / "briefings"))
    page = out / f"{SEED}.md"
    text = page.read_text("utf-8")
    line = next(ln for ln in text.splitlines() if BADGE in ln and "report back" in ln)
    edited = line.replace(line[line.index("<span"): line.index("</span> ") + len("</span> ")], "")
    page.write_text(text.replace(line, edited), "utf-8")
    generate(seeds, out, reporter=Reporter(), nlp=nlp, force=True)
    after = page.read_text("utf-8")
    assert edited in after and line not in after
    assert after.count(BADGE) == text.count(BADGE) - 1


@pytest.mark.slow
def test_answered_questions_are_shown_apart_on_the_page_board_and_home(regenerated):
    _, out, _ = regenerated
    record = _record(out)
    answered = [q for q in record.open_questions if q.answer]
    assert answered and any(q.answer.status == "cancelled" for q in answered)
    page = (out / f"{SEED}.md").read_text("utf-8")
    still_open, done = page.split("### Answered questions")
    for q in answered:
        assert q.text not in still_open.split("## Open questions")[1]
        assert q.text in done.split("## Actors")[0]
    home = (out / "index.md").read_text("utf-8")
    assert "## Answered" in home and all(q.text in home.split("## Answered")[1] for q in answered)
    board = (out / "questions.md").read_text("utf-8")
    assert "### Answered since" in board and 'bs-badge--cancelled' in board


@pytest.mark.slow
def test_the_record_with_updates_and_answers_keeps_the_extract_contract(regenerated):
    import jsonschema

    from generator.render.record import extract_schema

    _, out, _ = regenerated
    data = json.loads((out / ".generated" / f"{SEED}.json").read_text("utf-8"))
    assert data["updates"] and any("answer" in q for q in data["open_questions"])
    jsonschema.Draft202012Validator(extract_schema()).validate(data)
    broken = json.loads(json.dumps(data))
    next(q for q in broken["open_questions"] if "answer" in q)["answer"]["status"] = "maybe"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(extract_schema()).validate(broken)
