"""``briefing sort`` against ECB+ and a pile of the dev sets (``make eval-sort``'s figures).

The same script as ``make eval-sort`` (eval/sort_eval.py), running the real command. Floors
sit just under the figures reached with the one configuration in
``generator/collect/similarity.py`` (issue 15's targets: ECB+ event level B³ ≥ 0.93 and
pairwise ≥ 0.90; the dev-set pile pairwise ≥ 0.95).
"""
from __future__ import annotations

import sys

import pytest

from tests.conftest import EVAL_DATA

pytestmark = pytest.mark.quality

FLOORS = {  # part → (B³ F1, pairwise F1)
    "all topics": (0.96, 0.94),
    "half A (odd ranks)": (0.95, 0.93),
    "half B (even ranks)": (0.96, 0.95),
}


@pytest.fixture(scope="module")
def results():
    from eval.sort_eval import evaluate

    if not (EVAL_DATA / "ecbplus" / "groups.tsv").is_file():
        pytest.skip(f"ECB+ not found at {EVAL_DATA / 'ecbplus'}; set EVAL_DATA")
    return evaluate(EVAL_DATA, [sys.executable, "-m", "generator"])


@pytest.mark.parametrize("part", sorted(FLOORS))
def test_ecbplus_events(results, part):
    figures = results["ecbplus (event level)"][part]
    b3, pairwise = FLOORS[part]
    assert figures["b3"]["f1"] >= b3, figures
    assert figures["pairwise"]["f1"] >= pairwise, figures


def test_the_dev_sets_come_back_from_one_pile(results):
    figures = results["dev-set pile"]
    assert figures["pairwise"]["f1"] >= 0.95, figures
    assert figures["predicted"] == figures["gold"] == 8
