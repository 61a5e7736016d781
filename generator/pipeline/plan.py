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


def plan_sets(seeds: Path, out: Path) -> tuple[list[SetPlan], list[str]]:
    """One plan per set folder under ``seeds``, in slug order, against the pages in ``out``;
    and one line per folder that cannot be a set (a symbolic link, a name over the limit)."""
    from generator.ingest import scan_seeds

    fingerprint = Fingerprint.current()
    paths = SetFiles(out)
    plans = []
    scan = scan_seeds(seeds)
    for folder in scan.sets:
        page = paths.page(folder.name)
        locked, pending = page_state(page)
        plans.append(
            SetPlan(
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
        )
    return sorted(plans, key=lambda p: p.slug), [f"skipped {path}: {reason}" for path, reason in scan.rejected]


def removed_slugs(out: Path, plans: list[SetPlan]) -> list[str]:
    """Sets the generator wrote before whose folder is gone from the seeds, sorted."""
    return sorted(known_slugs(out) - {p.slug for p in plans})


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
