"""Phase 2 of ``generate``: analyse, condense and render the changed sets.

In this process or in ``jobs`` worker processes that each load the model once. Workers only
compute: they return the page text and the record, and never touch ``briefings/``. The
stages are imported inside the functions that run them: the plan phase imports this
module, and must not pay for spaCy or the templates on a run where nothing changed.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.model import Briefing, SourceSet
from generator.pipeline.plan import SetPlan
from generator.pipeline.progress import Reporter

if TYPE_CHECKING:
    from spacy.language import Language


@dataclass(frozen=True)
class Built:
    """A regenerated set as a worker returns it: plain strings, cheap to pickle."""

    slug: str
    page: str
    record: str  # BriefingRecord.to_json() + newline
    articles: int


def briefing_for(source_set: SourceSet, nlp: "Language", *, content_hash: str = "") -> Briefing:
    """Analyse and condense one loaded set: the briefing ``generate`` and ``extract`` both start from.

    ``content_hash`` is the set's input hash (:func:`generator.publish.hashing.set_hash`),
    stored in the briefing so the next run can skip an unchanged set; ``extract`` has none.
    """
    from generator.analysis import analyse
    from generator.condense import condense

    return condense(source_set, analyse(source_set, nlp), content_hash=content_hash)


def build_set(set_dir: Path, content_hash: str, nlp: "Language") -> Built:
    """Analyse, condense and render one set: its page text and its record (with texts)."""
    from generator.ingest import load_source_set
    from generator.render.page import render_briefing
    from generator.render.record import record_of

    source_set = load_source_set(set_dir)
    record = record_of(briefing_for(source_set, nlp, content_hash=content_hash), include_text=True)
    return Built(
        slug=set_dir.name,
        page=render_briefing(record),
        record=record.to_json() + "\n",
        articles=len(source_set.articles),
    )


# One pipeline per worker process, loaded by the pool's initializer: a worker builds many
# sets, and loading the model is the slowest step. This is the only module-level state.
_WORKER_NLP: "Language | None" = None


def _init_worker() -> None:
    global _WORKER_NLP
    from generator.analysis.nlp import load_pipeline

    _WORKER_NLP = load_pipeline()


def _build_in_worker(set_dir: Path, content_hash: str) -> Built:
    assert _WORKER_NLP is not None, "worker started without _init_worker"
    return build_set(set_dir, content_hash, _WORKER_NLP)


def build_all(
    plans: list[SetPlan], *, jobs: int, nlp: "Language | None", reporter: Reporter
) -> Iterator[Built]:
    """Yield the built sets in the order of ``plans`` (slug order), building ``jobs`` at once."""
    if not plans:
        return
    workers = min(jobs, len(plans))
    if workers <= 1:
        if nlp is None:
            from generator.analysis.nlp import load_pipeline

            reporter.note("loading the language model")
            nlp = load_pipeline()
        for plan in plans:
            reporter.begin(plan.slug)
            yield build_set(plan.path, plan.content_hash, nlp)
        return
    yield from _build_in_workers(plans, workers, reporter)


def _build_in_workers(plans: list[SetPlan], workers: int, reporter: Reporter) -> Iterator[Built]:
    """:func:`build_all` in ``workers`` processes, each loading the model once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs
    # (fork after rich's live display thread or a tokenizer pool can deadlock).
    context = multiprocessing.get_context("spawn")
    reporter.note(f"building {len(plans)} sets in {workers} processes")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        futures = [pool.submit(_build_in_worker, p.path, p.content_hash) for p in plans]
        try:
            for plan, future in zip(plans, futures):
                reporter.begin(plan.slug)
                yield future.result()
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a bad set stops the run: drop queued work
            raise
