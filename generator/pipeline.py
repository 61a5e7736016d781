"""``generate``: every source set to its briefing page, skipping the sets that did not change.

The run has three phases, like Pelican's generators-then-writers:

1. *Plan* — for each set under ``seeds/``, hash its inputs (:mod:`generator.publish.hashing`)
   and compare with the hash of the generation last merged into its page (the base page
   ``briefings/.generated/<slug>.md``, see :mod:`generator.publish.state`). This phase
   never imports spaCy, so a run where nothing changed takes a fraction of a second.
2. *Build* — analyse, condense and render the changed sets, in this process or in ``jobs``
   worker processes that each load the model once. Workers only compute: they return the
   page text and the record.
3. *Write* — in this process, in slug order, so the output does not depend on which worker
   finished first: merge each page with its hand edits (:func:`generator.pages.write_briefing`),
   store the record, archive the pages of removed sets (:mod:`generator.publish.archive`),
   rebuild the cross-briefing pages.

With ``check=True`` only the plan runs and nothing is written: the report lists the pages
that are stale or hold unresolved conflicts (``briefing generate --check``, the pre-push hook).
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from generator.publish.archive import archive_set
from generator.publish.hashing import Fingerprint, set_hash
from generator.publish.progress import Reporter, make_reporter
from generator.publish.state import GENERATED, SetFiles, conflict_locations, display, page_state, stored_hash

if TYPE_CHECKING:
    from spacy.language import Language

# WriteOutcome statuses meaning the page received the new generation (the summary's "generated").
GENERATED_STATUSES = ("created", "updated", "merged")


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class SetOutcome:
    """What happened to one set's page.

    ``status`` is a :class:`~generator.pages.WriteOutcome` status (created, updated, merged,
    unchanged, conflict, locked, deleted) or one the pipeline decides: ``archived`` (the
    set's folder is gone; its page moved to ``.removed/``) and, in check mode, ``stale``.
    ``conflicts`` are ``<page>:<line>`` locations of unresolved conflict blocks.
    """

    slug: str
    status: str
    path: Path
    conflicts: tuple[str, ...] = ()
    articles: int = 0
    reason: str = ""


@dataclass(frozen=True)
class GenerateReport:
    """The result of :func:`generate`: one outcome per set, stale pages, the time taken."""

    outcomes: tuple[SetOutcome, ...]
    stale: tuple[str, ...] = ()  # "briefings/x.md (inputs changed)", check mode
    seconds: float = 0.0
    check: bool = False

    def count(self, *statuses: str) -> int:
        """How many sets ended with one of ``statuses``."""
        return sum(1 for o in self.outcomes if o.status in statuses)

    def conflict_lines(self) -> list[str]:
        """``CONFLICT <page>:<line>`` for every unresolved conflict block, in slug order."""
        return [f"CONFLICT {where}" for o in self.outcomes for where in o.conflicts]

    @property
    def ok(self) -> bool:
        """No stale page and no conflict."""
        return not self.stale and not self.conflict_lines()

    def summary(self) -> str:
        """The final line: ``generated N, unchanged N, skipped N (locked), conflicts N, in S.S s``."""
        conflicts = sum(1 for o in self.outcomes if o.conflicts)
        if self.check:
            head = f"up to date {self.count('unchanged', 'locked', 'deleted')}, stale {len(self.stale)}"
        else:
            head = (
                f"generated {self.count(*GENERATED_STATUSES)}, unchanged {self.count('unchanged')}, "
                f"skipped {self.count('locked')} (locked)"
            )
        extras = [
            f"{label} {n}"
            for label, n in (("archived", self.count("archived")), ("kept deleted", self.count("deleted")))
            if n and not self.check
        ]
        parts = [head, f"conflicts {conflicts}", *extras]
        return f"{', '.join(parts)}, in {self.seconds:.1f} s"


@dataclass(frozen=True)
class Built:
    """A regenerated set as a worker returns it: plain strings, cheap to pickle."""

    slug: str
    page: str
    record: str  # BriefingRecord.to_json() + newline
    articles: int


@dataclass(frozen=True)
class _Plan:
    """One set as the plan phase sees it, before anything is built."""

    slug: str
    path: Path  # the set's folder
    content_hash: str
    stored_hash: str | None  # of the last generation merged into the page
    page: Path
    has_base: bool
    locked: bool = False
    pending: tuple[str, ...] = ()  # unresolved conflict blocks already in the page

    @property
    def changed(self) -> bool:
        """Whether the inputs differ from those of the generation last merged into the page."""
        return self.stored_hash != self.content_hash


# --------------------------------------------------------------------------- plan


def _plan(seeds: Path, out: Path) -> list[_Plan]:
    from generator.ingest import discover_sets

    fingerprint = Fingerprint.current()
    paths = SetFiles(out)
    plans = []
    for folder in discover_sets(seeds):
        page = paths.page(folder.name)
        locked, pending = page_state(page)
        plans.append(
            _Plan(
                slug=folder.name,
                path=folder,
                content_hash=set_hash(folder, fingerprint),
                stored_hash=stored_hash(out, folder.name),
                page=page,
                has_base=paths.base(folder.name).is_file(),
                locked=locked,
                pending=pending,
            )
        )
    return sorted(plans, key=lambda p: p.slug)


def _known_slugs(out: Path) -> set[str]:
    """Slugs the generator has written before: a stored record or a generated base page."""
    folder = out / GENERATED
    if not folder.is_dir():
        return set()
    return {p.stem for p in folder.glob("*.json")} | {p.stem for p in folder.glob("*.md")}


# --------------------------------------------------------------------------- build


def build_set(set_dir: Path, content_hash: str, nlp: "Language") -> Built:
    """Analyse, condense and render one set: its page text and its record (with texts)."""
    from generator.ingest import load_source_set
    from generator.render.page import render_briefing
    from generator.render.record import record_of_set

    source_set = load_source_set(set_dir)
    record = record_of_set(source_set, nlp, content_hash=content_hash, include_text=True)
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


def _build_all(
    plans: list[_Plan], *, jobs: int, nlp: "Language | None", reporter: Reporter
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


# --------------------------------------------------------------------------- write


def _write(out: Path, built: Built, *, force: bool) -> SetOutcome:
    """Merge the page with its hand edits, then store the record it was rendered from.

    The record goes last: it holds the hash, so a crash between the two writes makes the
    next run regenerate the set instead of skipping it.
    """
    from generator.pages import write_briefing
    from generator.writer import atomic_write

    outcome = write_briefing(out, built.slug, built.page, force=force)
    atomic_write(SetFiles(out).record(built.slug), built.record)
    page = Path(outcome.path)
    return SetOutcome(
        slug=built.slug,
        status=outcome.status,
        path=page,
        conflicts=conflict_locations(page),
        articles=built.articles,
    )


def _write_site(out: Path, slugs: list[str]) -> None:
    """Rebuild the cross-briefing pages from the stored records of the current sets."""
    from generator.site import write_site_pages

    records = []
    for slug in slugs:
        try:
            records.append(json.loads(SetFiles(out).record(slug).read_text("utf-8")))
        except OSError:
            continue  # a set whose build failed earlier has no record yet
    write_site_pages(records, out)


# --------------------------------------------------------------------------- check


def _check_one(plan: _Plan) -> tuple[SetOutcome, str | None]:
    """The outcome of one set in check mode and, when its page needs work, why."""
    shown = display(plan.page)
    if plan.pending:
        return SetOutcome(plan.slug, "conflict", plan.page, plan.pending), f"{shown} (unresolved conflicts)"
    if plan.locked:
        return SetOutcome(plan.slug, "locked", plan.page), None
    if not plan.page.is_file():
        if plan.has_base and not plan.changed:
            return SetOutcome(plan.slug, "deleted", plan.page), None  # an editor deleted it
        return SetOutcome(plan.slug, "stale", plan.page), f"{shown} (page missing)"
    if plan.stored_hash is None:
        return SetOutcome(plan.slug, "stale", plan.page), f"{shown} (never generated)"
    if plan.changed:
        return SetOutcome(plan.slug, "stale", plan.page), f"{shown} (inputs changed)"
    return SetOutcome(plan.slug, "unchanged", plan.page), None


# --------------------------------------------------------------------------- generate


def generate(
    seeds: Path,
    out: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    check: bool = False,
    reporter: Reporter | None = None,
    nlp: "Language | None" = None,
) -> GenerateReport:
    """Write or update one briefing page per source set under ``seeds`` into ``out``.

    Args:
        seeds: folder with one sub-folder per source set.
        out: the briefings folder (MkDocs' docs_dir).
        jobs: changed sets built in parallel processes, each loading the model once.
        force: regenerate every set, even unchanged ones (and re-create deleted pages).
        check: write nothing; report stale pages and unresolved conflicts.
        reporter: progress output; default: a live bar on a terminal, lines otherwise.
        nlp: a loaded pipeline to reuse in this process (``briefing serve``, tests).

    Returns:
        The :class:`GenerateReport`; the caller prints ``conflict_lines()`` and ``stale``
        and decides the exit code.

    Raises:
        InputError: a set's article or ``set.yml`` cannot be read (names the file).
    """
    started = time.perf_counter()
    reporter = reporter or make_reporter()
    seeds, out = Path(seeds), Path(out)
    plans = _plan(seeds, out)
    current = {p.slug for p in plans}
    removed = sorted(_known_slugs(out) - current)
    reporter.start(len(plans) + len(removed))

    try:
        if check:
            outcomes, stale = _check(plans, removed, out, reporter)
        else:
            outcomes = _generate(plans, removed, out, jobs=jobs, force=force, nlp=nlp, reporter=reporter)
            stale = []
        report = GenerateReport(
            outcomes=tuple(sorted(outcomes, key=lambda o: o.slug)),
            stale=tuple(stale),
            seconds=time.perf_counter() - started,
            check=check,
        )
        reporter.finish(report.summary())
    finally:
        reporter.close()  # a live progress bar must not outlive an error
    return report


def _check(
    plans: list[_Plan], removed: list[str], out: Path, reporter: Reporter
) -> tuple[list[SetOutcome], list[str]]:
    """Check mode: every set's outcome and the pages that need work; nothing is written."""
    outcomes: list[SetOutcome] = []
    stale: list[str] = []
    for plan in plans:
        outcome, why = _check_one(plan)
        outcomes.append(outcome)
        stale.extend([why] if why else [])
        reporter.done(plan.slug, outcome.status)
    for slug in removed:
        page = SetFiles(out).page(slug)
        outcomes.append(SetOutcome(slug, "stale", page, reason="source folder removed"))
        stale.append(f"{display(page)} (source folder removed; not archived yet)")
        reporter.done(slug, "stale")
    return outcomes, stale


def _skip_outcome(plan: _Plan, force: bool) -> SetOutcome | None:
    """The outcome of a set that is not rebuilt, or None when it must be rebuilt.

    Locked pages and pages with unresolved conflicts are left alone (``force`` included):
    :func:`write_briefing` would not touch them, so building them would only cost time.
    """
    if plan.locked:
        return SetOutcome(plan.slug, "locked", plan.page)
    if plan.pending:
        return SetOutcome(plan.slug, "conflict", plan.page, plan.pending)
    if force or plan.changed:
        return None
    if not plan.page.is_file():
        if plan.has_base:
            return SetOutcome(plan.slug, "deleted", plan.page)  # an editor removed it; --force restores
        return None
    return SetOutcome(plan.slug, "unchanged", plan.page)


def _generate(
    plans: list[_Plan],
    removed: list[str],
    out: Path,
    *,
    jobs: int,
    force: bool,
    nlp: "Language | None",
    reporter: Reporter,
) -> list[SetOutcome]:
    """Phases 2 and 3 of :func:`generate`: build the changed sets and write everything."""
    todo: list[_Plan] = []
    outcomes: list[SetOutcome] = []
    for plan in plans:
        skipped = _skip_outcome(plan, force)
        if skipped is None:
            todo.append(plan)
        else:
            outcomes.append(skipped)
            reporter.done(plan.slug, skipped.status)
    for built in _build_all(todo, jobs=jobs, nlp=nlp, reporter=reporter):
        outcome = _write(out, built, force=force)
        outcomes.append(outcome)
        reporter.done(built.slug, outcome.status, built.articles)
    for slug in removed:
        outcome = SetOutcome(slug, "archived", archive_set(out, slug), reason="source folder removed")
        outcomes.append(outcome)
        reporter.done(slug, f"archived to {display(outcome.path)}")
    if todo or removed or force:
        _write_site(out, [p.slug for p in plans])
    return outcomes
