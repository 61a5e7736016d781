"""Phase 2 of ``generate``: analyse, condense and render the changed sets.

In this process or in ``jobs`` worker processes that each load the model once. Workers only
compute: they return the page text and the record, and never touch ``briefings/``. The
stages are imported inside the functions that run them: the plan phase imports this
module, and must not pay for spaCy or the templates on a run where nothing changed.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model import Briefing, SourceSet
from generator.pipeline.plan import SetPlan
from generator.pipeline.progress import Reporter
from generator.pipeline.report import SetOutcome

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


def read_sets(plans: list[SetPlan], problems: list[str]) -> tuple[list[tuple[SetPlan, SourceSet]], list[SetOutcome]]:
    """Read every planned set (no model): the sets to build, and an outcome per unreadable set.

    One line per skipped article or set is appended to ``problems`` (each already logged as
    a warning by ingest, or here).
    """
    import logging

    from generator.errors import InputError
    from generator.ingest import load_source_set

    ready: list[tuple[SetPlan, SourceSet]] = []
    unreadable: list[SetOutcome] = []
    for plan in plans:
        try:
            source_set = load_source_set(plan.path)
        except InputError as exc:
            logging.getLogger(__name__).warning("skipped %s", exc.format_message())
            problems.append(f"skipped {exc.format_message()}")
            unreadable.append(SetOutcome(plan.slug, "skipped", plan.page, reason=exc.reason))
            continue
        problems.extend(f"skipped {plan.path / s.file}: {s.reason}" for s in source_set.skipped)
        ready.append((plan, source_set))
    return ready, unreadable


def build_set(source_set: SourceSet, content_hash: str, nlp: "Language", previous: str | None = None) -> Built:
    """Analyse, condense and render one read set: its page text and its record (with texts).

    ``previous`` is the stored record of the set's last generation (JSON text): what it did
    not hold is marked new, and its list of updates is carried (:mod:`generator.render.updates`).
    """
    from generator.render.page import render_briefing
    from generator.render.record import record_of
    from generator.render.updates import mark_updates, previous_record

    record = record_of(briefing_for(source_set, nlp, content_hash=content_hash), include_text=True)
    record = mark_updates(record, previous_record(previous))
    return Built(
        slug=source_set.slug,
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


def _build_in_worker(source_set: SourceSet, content_hash: str, previous: str | None) -> Built:
    assert _WORKER_NLP is not None, "worker started without _init_worker"
    return build_set(source_set, content_hash, _WORKER_NLP, previous)


def build_all(
    plans: list[tuple[SetPlan, SourceSet]], *, jobs: int, nlp: "Language | None", reporter: Reporter
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
        for plan, source_set in plans:
            reporter.begin(plan.slug)
            yield build_set(source_set, plan.content_hash, nlp, plan.previous_record())
        return
    yield from _build_in_workers(plans, workers, reporter)


def _build_in_workers(plans: list[tuple[SetPlan, SourceSet]], workers: int, reporter: Reporter) -> Iterator[Built]:
    """:func:`build_all` in ``workers`` processes, each loading the model once."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs
    # (fork after rich's live display thread or a tokenizer pool can deadlock).
    context = multiprocessing.get_context("spawn")
    reporter.note(f"building {len(plans)} sets in {workers} processes")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        futures = [pool.submit(_build_in_worker, s, p.content_hash, p.previous_record()) for p, s in plans]
        try:
            for (plan, _), future in zip(plans, futures):
                reporter.begin(plan.slug)
                yield future.result()
        except BaseException:
            pool.shutdown(cancel_futures=True)  # a bad set stops the run: drop queued work
            raise
