"""The `make eval` figures, with floors: every annotated corpus under EVAL_DATA at once.

The same harness and official scorers as `make eval` (eval/harness.py), run once for the
session with two extract processes. Floors sit just under the figures reached (eval/README.md
logs them), so a change that lowers any corpus fails here, not only on the set it was made for.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from rich.console import Console

from tests.conftest import EVAL_DATA

pytestmark = pytest.mark.quality

# (corpus, part, figure) -> floor; macro over the sets unless the part says micro
FLOORS = {
    ("sets", "actors", "f1"): 0.89,
    ("sets", "statements", "f1"): 0.79,
    ("sets", "open_questions", "f1"): 0.74,
    ("sets", "timeline", "f1"): 0.86,
    ("meantime", "actors", "recall"): 0.94,
    ("meantime", "statements", "recall"): 0.59,
    ("meantime", "open_questions", "recall"): 0.28,
    ("meantime", "timeline", "recall"): 0.75,
    ("seed", "actors", "f1"): 1.0,
    ("seed", "statements", "f1"): 0.84,
    ("seed", "open_questions", "f1"): 1.0,
    ("seed", "timeline", "f1"): 0.88,
}
POLNEAR_FLOORS = {"f1": 0.875, "speaker_accuracy": 0.95}
GUM_FLOORS = {("quotes", "recall"): 0.93, ("dates", "recall"): 0.66}


@pytest.fixture(scope="module")
def results():
    from eval.harness import run

    briefing = str(Path(sys.executable).with_name("briefing"))
    return run(EVAL_DATA, briefing, jobs=2, console=Console(stderr=True, quiet=True))


def test_every_corpus_is_scored(results):
    assert results["missing"] == []
    assert set(results["corpora"]) == {"seed", "sets", "meantime", "polnear", "gum"}
    assert len(results["corpora"]["sets"]["sets"]) >= 8
    assert len(results["corpora"]["meantime"]["sets"]) >= 60


@pytest.mark.parametrize("corpus, part, figure", sorted(FLOORS))
def test_macro_floor(results, corpus, part, figure):
    value = results["corpora"][corpus]["macro"][part][figure]
    assert value >= FLOORS[(corpus, part, figure)], f"{corpus} {part} {figure} = {value}"


def test_polnear_floor(results):
    total = results["corpora"]["polnear"]["total"]
    assert total["quotes"]["f1"] >= POLNEAR_FLOORS["f1"], total
    assert total["speaker_accuracy"] >= POLNEAR_FLOORS["speaker_accuracy"], total


@pytest.mark.parametrize("part, figure", sorted(GUM_FLOORS))
def test_gum_floor(results, part, figure):
    value = results["corpora"]["gum"]["total"][part][figure]
    assert value >= GUM_FLOORS[(part, figure)], f"gum {part} {figure} = {value}"
