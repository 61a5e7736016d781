"""Questions that get answered: invented follow-up articles (tests/data/stories/answers/) added
to an invented first article, and the seed with an invented follow-up."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analysis import analyse
from generator.ingest import load_source_set
from tests.conftest import DATA, SEEDS

ANSWERS = DATA / "stories" / "answers"
FIRST = ANSWERS / "001_early.txt"
NEGATIVES = sorted(ANSWERS.glob("neg_*.txt"))


def _questions(tmp_path: Path, nlp, *later: Path, base: Path = FIRST):
    folder = tmp_path / "set"
    folder.mkdir()
    if base.is_dir():
        for f in base.iterdir():
            shutil.copy(f, folder / f.name)
    else:
        shutil.copy(base, folder / base.name)
    for n, f in enumerate(later, 2):
        shutil.copy(f, folder / f"{n:03d}_{f.name}")
    return analyse(load_source_set(folder), nlp).open_questions


def _answered(questions):
    return {q.text: q.answer for q in questions if q.answer}


@pytest.mark.parametrize(("article", "words", "status"), [
    ("pos_vote_held.txt", "vote on the new harbour bridge", "answered"),
    ("pos_vote_postponed.txt", "vote on the new harbour bridge", "cancelled"),
    ("pos_mayor_denies.txt", "resign", "denied"),
])
def test_a_later_report_of_the_outcome_moves_exactly_that_question(tmp_path, nlp, article, words, status):
    questions = _questions(tmp_path, nlp, ANSWERS / article)
    answered = _answered(questions)
    assert len(answered) == 1, answered
    (text, answer), = answered.items()
    assert words in text and answer.status == status
    assert answer.date == "2024-09-06" and answer.evidence.source == "s2"
    assert answer.evidence.text in (ANSWERS / article).read_text("utf-8")


def test_the_first_article_alone_answers_nothing(tmp_path, nlp):
    questions = _questions(tmp_path, nlp)
    assert len(questions) >= 3 and not _answered(questions)


@pytest.mark.parametrize("article", NEGATIVES, ids=lambda p: p.stem)
def test_an_unrelated_or_undecided_later_article_answers_nothing(tmp_path, nlp, article):
    # other places, other events, the same actor doing something else, a future or
    # conditional outcome, a modal postponement
    assert len(NEGATIVES) >= 10
    assert _answered(_questions(tmp_path, nlp, article)) == {}


def test_a_followup_that_reports_the_meeting_called_off_moves_the_seed_question(tmp_path, nlp):
    followup = DATA / "stories" / "followups" / "003_followup-wire.md"
    questions = _questions(tmp_path, nlp, base=SEEDS / "rutte-erdogan-ankara")
    assert not _answered(questions)
    folder = tmp_path / "set"
    shutil.copy(followup, folder / followup.name)
    answered = analyse(load_source_set(folder), nlp).open_questions
    cancelled = [q for q in answered if q.answer and q.answer.status == "cancelled"]
    assert len(cancelled) == 1
    assert "take place" in cancelled[0].text and "called off" in cancelled[0].answer.evidence.text
    assert cancelled[0].answer.date == "2025-05-16"
