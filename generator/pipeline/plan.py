"""Phase 1 of ``generate``: what each set needs, decided from hashes and page state alone.

For each set under ``seeds/``, hash its inputs (:mod:`generator.publish.hashing`) and
compare with the hash of the generation last merged into its page (the base page
``briefings/.generated/<slug>.md``, see :mod:`generator.merge.state`). This phase never
imports spaCy, so a run where nothing changed takes a fraction of a second.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.merge.state import SetFiles, display, known_slugs, page_state, stored_hash
from generator.pipeline.report import SetOutcome
from generator.pipeline.shard import Shard
from generator.publish.hashing import Fingerprint, set_hash


@dataclass(frozen=True)
class SetPlan:
    """One set as the plan phase sees it, before anything is built."""

    slug: str
    path: Path  # the set's folder
    content_hash: str
    stored_hash: str | None  # of the last generation merged into the page
    page: Path
    has_base: bool
    locked: bool = False
    pending: tuple[str, ...] = ()  # unresolved conflict blocks already in the page
    record: Path | None = None  # the stored record of the last generation (may not exist)

    def previous_record(self) -> str | None:
        """The stored record's JSON text, or None before a first generation."""
        try:
            return self.record.read_text(encoding="utf-8") if self.record else None
        except FileNotFoundError:
            return None

    @property
    def changed(self) -> bool:
        """Whether the inputs differ from those of the generation last merged into the page."""
        return self.stored_hash != self.content_hash


def plan_sets(
    seeds: Path, out: Path, *, shard: Shard | None = None
) -> tuple[list[SetPlan], list[str], list[str]]:
    """What a run has to do, against the pages in ``out``: one plan per set folder under
    ``seeds`` (in slug order), the sets removed since they were generated (sorted), and one
    line per folder that cannot be a set (a symbolic link, a name over the limit).

    With ``shard``, only the sets that shard owns: the others are not even hashed, and a
    removed set is left to the shard that owned it.
    """
    from generator.ingest import scan_seeds

    scan = scan_seeds(seeds)
    removed = sorted(known_slugs(out) - {folder.name for folder in scan.sets})
    folders, rejected = scan.sets, scan.rejected
    if shard is not None:
        folders = [f for f in folders if shard.owns(f.name)]
        rejected = [(path, why) for path, why in rejected if shard.owns(Path(path).name)]
        removed = shard.select(removed)
    fingerprint = Fingerprint.current()
    plans = [_plan(folder, out, fingerprint) for folder in folders]
    problems = [f"skipped {path}: {reason}" for path, reason in rejected]
    return sorted(plans, key=lambda p: p.slug), removed, problems


def _plan(folder: Path, out: Path, fingerprint: Fingerprint) -> SetPlan:
    """The plan of one set folder: its input hash against the state of its page."""
    paths = SetFiles(out)
    page = paths.page(folder.name)
    locked, pending = page_state(page)
    return SetPlan(
        slug=folder.name,
        path=folder,
        content_hash=set_hash(folder, fingerprint),
        stored_hash=stored_hash(out, folder.name),
        page=page,
        has_base=paths.base(folder.name).is_file(),
        locked=locked,
        pending=pending,
        record=paths.record(folder.name),
    )


def check_outcome(plan: SetPlan) -> tuple[SetOutcome, str | None]:
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


def skip_outcome(plan: SetPlan, force: bool) -> SetOutcome | None:
    """The outcome of a set that is not rebuilt, or None when it must be rebuilt.

    Locked pages and pages with unresolved conflicts are left alone (``force`` included):
    :func:`~generator.merge.pages.write_briefing` would not touch them, so building them
    would only cost time.
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
