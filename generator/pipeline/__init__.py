"""The run: ``generate`` takes every source set to its briefing page, skipping unchanged sets.

Three phases, like Pelican's generators-then-writers, one module each:

1. *Plan* (:mod:`.plan`) — hash each set's inputs and compare with the generation last
   merged into its page; never imports spaCy, so a run where nothing changed takes a
   fraction of a second.
2. *Build* (:mod:`.build`) — analyse, condense and render the changed sets, in this process
   or in ``jobs`` worker processes that each load the model once.
3. *Write* (:mod:`.write`) — hand each page and record to :mod:`generator.merge`, the only
   writer of ``briefings/``, then archive removed sets and rebuild the cross-briefing pages.

:mod:`.progress` reports the run as it goes; :mod:`.report` is what it returns.

Past one machine (:mod:`.shard`): ``generate(..., shard=Shard(i, n))`` runs the three phases
for the sets shard ``i`` of ``n`` owns, writing only their pages, records and merge bases
(and archiving only its removed sets); :func:`assemble` then rebuilds what spans the sets —
story links and the cross-briefing pages — from the stored records, without the model. With
``check=True`` only the plan runs and nothing is written: the report lists the pages that
are stale or hold unresolved conflicts (``briefing generate --check``, the pre-push hook).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from generator.merge.state import SetFiles, display, known_slugs
from generator.pipeline.build import build_all, read_sets, worker_pool
from generator.pipeline.lock import run_lock
from generator.pipeline.plan import SetPlan, check_outcome, plan_sets, skip_outcome
from generator.pipeline.progress import Reporter, make_reporter
from generator.pipeline.report import GenerateReport, SetOutcome
from generator.pipeline.shard import Shard
from generator.pipeline.write import archive_removed, write_built, write_cross_pages

if TYPE_CHECKING:
    from spacy.language import Language


def generate(
    seeds: Path,
    out: Path,
    *,
    jobs: int = 1,
    force: bool = False,
    check: bool = False,
    reporter: Reporter | None = None,
    nlp: "Language | None" = None,
    shard: Shard | None = None,
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
        shard: build (or check) only the sets this shard owns, and archive only its removed
            sets; the cross-briefing pages and story links are left to :func:`assemble`.

    Returns:
        The :class:`GenerateReport`; the caller prints ``conflict_lines()`` and ``stale``
        and decides the exit code.

    Raises:
        InputError: a set's article or ``set.yml`` cannot be read (names the file).
    """
    started = time.perf_counter()
    reporter = reporter or make_reporter()
    seeds, out = Path(seeds), Path(out)
    with run_lock(out, write=not check):
        plans, removed, problems = plan_sets(seeds, out, shard=shard)
        reporter.start(len(plans) + len(removed))
        try:
            site_conflicts: tuple[str, ...] = ()
            if check:
                outcomes, stale = _check(plans, removed, out, reporter)
            else:
                (outcomes, site_conflicts), stale = _generate(plans, removed, out, jobs=jobs, force=force, nlp=nlp,
                                                              reporter=reporter, problems=problems,
                                                              whole=shard is None), []
            in_order = tuple(sorted(outcomes, key=lambda o: o.slug))
            report = GenerateReport(in_order, stale=tuple(stale), seconds=time.perf_counter() - started,
                                    check=check, problems=tuple(problems), site_conflicts=site_conflicts)
            reporter.finish(report.summary())
        finally:
            reporter.close()  # a live progress bar must not outlive an error
    return report


def _check(
    plans: list[SetPlan], removed: list[str], out: Path, reporter: Reporter
) -> tuple[list[SetOutcome], list[str]]:
    """Check mode: every set's outcome and the pages that need work; nothing is written."""
    outcomes: list[SetOutcome] = []
    stale: list[str] = []
    for plan in plans:
        outcome, why = check_outcome(plan)
        outcomes.append(outcome)
        stale.extend([why] if why else [])
        reporter.done(plan.slug, outcome.status)
    for slug in removed:
        page = SetFiles(out).page(slug)
        outcomes.append(SetOutcome(slug, "stale", page, reason="source folder removed"))
        stale.append(f"{display(page)} (source folder removed; not archived yet)")
        reporter.done(slug, "stale")
    return outcomes, stale


def _generate(
    plans: list[SetPlan],
    removed: list[str],
    out: Path,
    *,
    jobs: int,
    force: bool,
    nlp: "Language | None",
    reporter: Reporter,
    problems: list[str],
    whole: bool = True,
) -> tuple[list[SetOutcome], tuple[str, ...]]:
    """Phases 2 and 3 of :func:`generate`: read the changed sets, build them, write everything;
    the outcomes and the conflicts in hand-edited site pages.

    ``whole`` is False for a shard: it sees only its own sets, so the story links and the
    cross-briefing pages, which depend on all of them, are left to :func:`assemble`.

    Every changed set is read (ingest: no model) before the model loads, so bad input is
    reported at once; a set that cannot be read is skipped and the others are built.
    """
    todo: list[SetPlan] = []
    outcomes: list[SetOutcome] = []
    for plan in plans:
        skipped = skip_outcome(plan, force)
        if skipped is None:
            todo.append(plan)
        else:
            outcomes.append(skipped)
            reporter.done(plan.slug, skipped.status)
    with worker_pool(jobs, len(todo)) as workers:  # they start loading the model now
        ready, unreadable = read_sets(todo, problems)
        for outcome in unreadable:
            outcomes.append(outcome)
            reporter.done(outcome.slug, "skipped")
        todo = [plan for plan, _ in ready]
        for built in build_all(ready, jobs=jobs, nlp=nlp, reporter=reporter, pool=workers):
            outcome = write_built(out, built, force=force)
            outcomes.append(outcome)
            reporter.done(built.slug, outcome.status, built.articles)
    for slug in removed:
        outcome = archive_removed(out, slug)
        outcomes.append(outcome)
        reporter.done(slug, f"archived to {display(outcome.path)}")
    if not whole or not (todo or removed or force):
        return outcomes, ()
    _linked, site_conflicts = write_cross_pages(out, [p.slug for p in plans])
    return outcomes, site_conflicts


def assemble(out: Path, *, reporter: Reporter | None = None) -> GenerateReport:
    """Rebuild what spans the briefings after a sharded run: story links and site pages.

    Every shard has written its own sets' pages, records and merge bases into ``out``
    (``generate(..., shard=...)``); this reads the stored records of all of them
    (``.generated/<set>.json``) and does what an unsharded run does once its sets are
    written: gives each page its story (:func:`~generator.pipeline.write.link_stories`) and
    rebuilds the index, questions, timeline, actors, archive, tags, story pages and feed
    (:func:`~generator.pipeline.write.write_cross_pages`). No set is analysed, so the language
    model is never loaded. Shards then assemble give the same bytes as one unsharded run.

    Returns:
        The report: one outcome per page whose story line changed, and the conflicts in
        hand-edited pages.

    Raises:
        BriefingError: ``out`` holds no briefings folder.
    """
    from generator.errors import BriefingError

    started = time.perf_counter()
    out = Path(out)
    if not out.is_dir():
        raise BriefingError("briefings folder not found; run `briefing generate --shard I/N` first", display(out))
    reporter = reporter or make_reporter()
    with run_lock(out):
        slugs = sorted(known_slugs(out))  # the sets the shards wrote (removed ones are archived)
        try:
            linked, site_conflicts = write_cross_pages(out, slugs)
            reporter.start(len(linked))  # the pages whose story line changed are its progress
            for outcome in linked:
                reporter.done(outcome.slug, f"story line {outcome.status}")
            report = GenerateReport(tuple(linked), seconds=time.perf_counter() - started,
                                    site_conflicts=site_conflicts, assembled=len(slugs))
            reporter.finish(report.summary())
        finally:
            reporter.close()
    return report
