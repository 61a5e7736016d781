"""Cost grows with the articles of one set no worse than n log n (issue 13).

No time is asserted. The analysis and condensing of one set (parse excluded) is counted in
profiler calls at n and 4n articles (linear code makes about 4 times the calls, code that
compares every sentence or name with every other about 16); the cross-source support of
:mod:`generator.condense`, whose scores are computed in C where the profiler cannot see them,
is counted in pairs of sentences scored.
"""
from __future__ import annotations

import cProfile
import pstats
import re

import pytest

from bench.corpus import _body, write_one_set
from generator.analysis import analyse
from generator.analysis.document import parse_articles
from generator.condense import _WordIndex, condense
from generator.ingest import load_source_set

MAX_GROWTH = 8.0  # from n to 4n: 4 is linear, 16 quadratic; see tests/analysis/test_linear_cost.py


def _calls(fn) -> int:
    prof = cProfile.Profile()
    prof.runcall(fn)
    return pstats.Stats(prof).total_calls


@pytest.fixture(scope="module")
def parsed(nlp, tmp_path_factory):
    root = tmp_path_factory.mktemp("growth")
    out = {}
    for n in (12, 48):
        source_set = load_source_set(write_one_set(root, n))
        out[n] = source_set, [d.doc for d in parse_articles(source_set.articles, nlp)]
    return out


def test_analysis_and_condensing_of_one_set_grow_no_worse_than_n_log_n(nlp, parsed):
    def run(n):
        source_set, docs = parsed[n]
        return lambda: condense(source_set, analyse(source_set, nlp, parsed=docs))

    run(12)()  # lexicons and matchers load once per process: not part of the count
    small, large = _calls(run(12)), _calls(run(48))
    assert large / small < MAX_GROWTH, f"{small} calls at 12 articles, {large} at 48"


def test_support_pairs_grow_no_worse_than_n_log_n(tmp_path):
    def pairs(n: int) -> tuple[int, int]:
        folder = write_one_set(tmp_path, n)
        texts = [s for p in sorted(folder.glob("*.md")) for s in re.split(r"(?<=[.!?])\s+", _body(p)) if s]
        index = _WordIndex(texts)
        return len(texts), sum(len(index.sharing(t)) for t in texts)

    (n_small, small), (n_large, large) = pairs(250), pairs(1000)
    assert n_large > 3 * n_small
    assert large / small < MAX_GROWTH, (small, large)
    assert large < n_large * n_large / 10  # far from every pair
