"""One parse stream over the sets of a run, and the workers' tasks, largest sets first."""
from __future__ import annotations

from pathlib import Path

from generator.analysis.document import parse_articles, parse_stream
from generator.ingest import load_source_set
from generator.pipeline.build import CHUNK_SETS, TASKS_PER_WORKER, chunks
from generator.pipeline.plan import SetPlan
from tests.conftest import DATA, SEEDS


def _sets():
    folders = [SEEDS / "rutte-erdogan-ankara", *sorted(p for p in (DATA / "articles").iterdir() if p.is_dir())]
    return [load_source_set(f) for f in folders]


def _signature(doc):
    return [(t.text, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_, t.is_sent_start) for t in doc]


def test_one_stream_parses_each_set_as_a_call_per_set(nlp):
    sets = _sets()
    streamed = list(parse_stream((s.articles for s in sets), nlp))
    assert [len(d) for d in streamed] == [len(s.articles) for s in sets]
    for source_set, docs in zip(sets, streamed):
        alone = parse_articles(source_set.articles, nlp)
        assert [_signature(d) for d in docs] == [_signature(a.doc) for a in alone]
        assert [a.sentences for a in parse_articles(source_set.articles, nlp, parsed=docs)] == [a.sentences for a in alone]


def test_tasks_take_the_largest_sets_first_and_group_small_ones():
    sizes = {"a-small": 1, "b-big": 40, "c-mid": 6, "d-mid": 6, **{f"e-{i:02d}": 1 for i in range(12)}}
    plans = [(SetPlan(slug, Path(slug), "", None, Path(slug), False), _Fake(n)) for slug, n in sorted(sizes.items())]
    tasks = chunks(plans)
    assert sorted(i for t in tasks for i in t) == list(range(len(plans)))  # every set once
    assert plans[tasks[0][0]][0].slug == "b-big" and len(tasks[0]) == 1  # a full batch alone
    firsts = [len(plans[t[0]][1].articles) for t in tasks]
    assert firsts == sorted(firsts, reverse=True)
    assert all(len(t) <= CHUNK_SETS for t in tasks) and len(tasks) < len(plans)


def test_tasks_share_a_run_of_small_sets_evenly_between_the_workers():
    plans = [(SetPlan(f"s-{i:02d}", Path(f"s-{i:02d}"), "", None, Path("x"), False), _Fake(5)) for i in range(20)]
    for workers in (2, 3):
        tasks = chunks(plans, workers)
        assert sorted(i for t in tasks for i in t) == list(range(20))
        # 100 articles: each task at most its part of a worker's share, plus the set that passed it
        assert len(tasks) >= 2 * workers
        assert max(sum(len(plans[i][1].articles) for i in t) for t in tasks) <= 100 / (TASKS_PER_WORKER * workers) + 5
    assert max(len(t) for t in chunks(plans, 1)) > max(len(t) for t in chunks(plans, 3))


class _Fake:
    """A read set of ``n`` articles, for the task split (which reads only how many)."""

    def __init__(self, n: int):
        self.articles = tuple(range(n))
