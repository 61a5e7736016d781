"""Support between sentences looked up through shared words gives what scoring every pair gives.

In a large set :class:`generator.condense._Alike` scores a sentence only against the
sentences that share a word with it; on real text (a set of many varied articles, several
telling the same story) the supporting sentences must be the same as with every pair scored.
"""
from __future__ import annotations

from bench.corpus import write_one_set
from generator.analysis.document import parse_articles
from generator.condense import _WORD, _Alike
from generator.ingest import load_source_set


def test_blocked_support_equals_support_over_every_pair(nlp, tmp_path):
    folder = write_one_set(tmp_path, 70)  # the pool cycled: some articles tell one story twice
    docs = parse_articles(load_source_set(folder).articles, nlp)
    by_source = {d.source: list(d.sentences) for d in docs}
    every, blocked = _Alike(by_source, block_from=10**9), _Alike(by_source, block_from=0)
    assert every.words is None and blocked.words is not None
    supported = 0
    for d in docs:
        for s in d.sentences:
            if not 8 <= len(_WORD.findall(s.text)) <= 60:
                continue  # only a sentence that can be a key point is looked up (_candidates)
            want = every.support(s)
            assert blocked.support(s) == want, s.text
            supported += bool(want)
    assert supported > 50
