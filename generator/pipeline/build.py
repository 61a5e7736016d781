"""Phase 2 of ``generate``: analyse, condense and render the changed sets.

In this process or in ``jobs`` worker processes that each load the model once. Workers only
compute: they return the page text and the record, and never touch ``briefings/``. The
stages are imported inside the functions that run them: the plan phase imports this
module, and must not pay for spaCy or the templates on a run where nothing changed.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.model import Briefing, SourceSet
from generator.pipeline.plan import SetPlan
from generator.pipeline.progress import Reporter
from generator.pipeline.report import SetOutcome

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Built:
    """A regenerated set as a worker returns it: plain strings, cheap to pickle."""

    slug: str
    page: str
    record: str  # BriefingRecord.to_json() + newline
    articles: int


def briefing_for(
    source_set: SourceSet, nlp: "Language", *, content_hash: str = "", parsed: "Sequence[Doc] | None" = None
) -> Briefing:
    """Analyse and condense one loaded set: the briefing ``generate`` and ``extract`` both start from.

    ``content_hash`` is the set's input hash (:func:`generator.publish.hashing.set_hash`),
    stored in the briefing so the next run can skip an unchanged set; ``extract`` has none.
    ``parsed``: the articles' ``Doc`` objects from a run's one parse stream, if any.
    """
    from generator.analysis import analyse
    from generator.condense import condense

    return condense(source_set, analyse(source_set, nlp, parsed=parsed), content_hash=content_hash)


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


def build_set(
    source_set: SourceSet, content_hash: str, nlp: "Language", previous: str | None = None,
    parsed: "Sequence[Doc] | None" = None,
) -> Built:
    """Analyse, condense and render one read set: its page text and its record (with texts).

    ``previous`` is the stored record of the set's last generation (JSON text): what it did
    not hold is marked new, and its list of updates is carried (:mod:`generator.render.updates`).
    ``parsed``: the articles' ``Doc`` objects, when the run parsed them in one stream.
    """
    from generator.render.page import render_briefing
    from generator.render.record import record_of
    from generator.render.updates import mark_updates, previous_record

    record = record_of(briefing_for(source_set, nlp, content_hash=content_hash, parsed=parsed), include_text=True)
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


# A worker's task: a few sets, so that one parse stream keeps spaCy's batches full.
CHUNK_ARTICLES = 32  # a task holds sets until it has this many articles (a batch) ...
CHUNK_SETS = 8  # ... or this many sets
TASKS_PER_WORKER = 8  # ... and no more than a worker's share of the run over this


def build_sets(
    sets: Sequence[tuple[SourceSet, str]], previous: Iterable[str | None], nlp: "Language"
) -> Iterator[Built]:
    """Build ``sets`` (each with its content hash) in order, their articles parsed in one
    lazily read stream; ``previous`` gives each one's stored record as it is reached."""
    from generator.analysis.document import parse_stream

    stream = parse_stream((s.articles for s, _ in sets), nlp)
    for (source_set, content_hash), before, parsed in zip(sets, previous, stream):
        yield build_set(source_set, content_hash, nlp, before, parsed)


def _build_in_worker(sets: list[tuple[SourceSet, str]], previous: list[str | None]) -> list[Built]:
    assert _WORKER_NLP is not None, "worker started without _init_worker"
    return list(build_sets(sets, previous, _WORKER_NLP))


def chunks(plans: list[tuple[SetPlan, SourceSet]], workers: int = 1) -> list[list[int]]:
    """The workers' tasks as positions in ``plans``: the largest sets first (a large set
    started last would leave the other workers idle at the end), small sets grouped.

    A task stops at a batch of articles, or at an eighth of one worker's share of the run:
    with full batches only, 100 articles made three tasks for two workers, and one worker
    did two thirds of the run.
    """
    total = sum(len(s.articles) for _, s in plans)
    share = -(-total // (max(1, workers) * TASKS_PER_WORKER))  # rounded up
    limit = max(1, min(CHUNK_ARTICLES, share))
    order = sorted(range(len(plans)), key=lambda i: (-len(plans[i][1].articles), plans[i][0].slug))
    tasks: list[list[int]] = []
    size = 0
    for i in order:
        if not tasks or size >= limit or len(tasks[-1]) >= CHUNK_SETS:
            tasks.append([])
            size = 0
        tasks[-1].append(i)
        size += len(plans[i][1].articles)
    return tasks


@dataclass(frozen=True)
class Workers:
    """A run's started worker processes (:func:`worker_pool`) and how many there are."""

    pool: "ProcessPoolExecutor"
    count: int


def _warm() -> None:
    """A no-op task: submitting one per worker starts the workers (and their model loads)."""


@contextmanager
def worker_pool(jobs: int, sets: int) -> Iterator[Workers | None]:
    """The worker processes of a run of ``sets`` sets with ``jobs``, or None for one process.

    The workers are started at once, so they load the model while this process still reads
    the sets (every set is read before any is built, to report bad input first).
    """
    workers = min(jobs, sets)
    if workers <= 1:
        yield None
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # "spawn": a fresh interpreter per worker, safe whatever threads the parent runs
    # (fork after rich's live display thread or a tokenizer pool can deadlock).
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker) as pool:
        for _ in range(workers):
            pool.submit(_warm)
        yield Workers(pool, workers)


def build_all(
    plans: list[tuple[SetPlan, SourceSet]], *, jobs: int, nlp: "Language | None", reporter: Reporter,
    pool: Workers | None = None,
) -> Iterator[Built]:
    """Yield the built sets in the order of ``plans`` (slug order), building ``jobs`` at once
    (in ``pool``, when the caller started it with :func:`worker_pool`)."""
    if not plans:
        return
    if pool is not None:
        yield from _build_in_workers(plans, pool, reporter)
        return
    if min(jobs, len(plans)) <= 1:
        if nlp is None:
            from generator.analysis.nlp import load_pipeline

            reporter.note("loading the language model")
            nlp = load_pipeline()
        sets = [(s, p.content_hash) for p, s in plans]
        previous = (p.previous_record() for p, _ in plans)  # read one at a time, as each set is built
        yield from _announced(plans, reporter, build_sets(sets, previous, nlp))
        return
    with worker_pool(jobs, len(plans)) as started:
        yield from _build_in_workers(plans, started, reporter)


def _announced(plans: list[tuple[SetPlan, SourceSet]], reporter: Reporter, built: Iterator[Built]) -> Iterator[Built]:
    """``built``, each set announced to the reporter before it is built."""
    for plan, _ in plans:
        reporter.begin(plan.slug)
        yield next(built)


def _build_in_workers(plans: list[tuple[SetPlan, SourceSet]], workers: Workers,
                      reporter: Reporter) -> Iterator[Built]:
    """:func:`build_all` in the processes of ``workers``, each loading the model once."""
    tasks = chunks(plans, workers.count)
    reporter.note(f"building {len(plans)} sets in {workers.count} processes")
    pool = workers.pool
    futures = [pool.submit(_build_in_worker, [(plans[i][1], plans[i][0].content_hash) for i in task],
                           [plans[i][0].previous_record() for i in task]) for task in tasks]
    where = {i: (f, k) for f, task in zip(futures, tasks) for k, i in enumerate(task)}
    try:
        for n, (plan, _) in enumerate(plans):  # slug order, whichever task finished first
            reporter.begin(plan.slug)
            future, k = where[n]
            yield future.result()[k]
    except BaseException:
        pool.shutdown(cancel_futures=True)  # a bad set stops the run: drop queued work
        raise
