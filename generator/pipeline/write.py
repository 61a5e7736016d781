"""Phase 3 of ``generate``: hand every built set to :mod:`generator.merge`, in slug order.

Runs in this process, in slug order, so the output does not depend on which worker finished
first. The pipeline writes nothing itself: merge writes each page with its hand edits and
stores its record, archives the pages of removed sets and rebuilds the cross-briefing pages.
Each writer is imported by the function that uses it: a run where nothing changed writes
nothing, and loads none of them (nor the templates the site pages need).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from generator.merge.state import conflict_locations, stored_records
from generator.pipeline.build import Built
from generator.pipeline.report import SetOutcome

if TYPE_CHECKING:
    from generator.merge.site import SiteWrite
    from generator.render.record import BriefingRecord


def write_built(out: Path, built: Built, *, force: bool) -> SetOutcome:
    """Merge a built page with its hand edits and store its record (:func:`~generator.merge.pages.write_set`)."""
    from generator.merge.pages import write_set

    outcome = write_set(out, built.slug, built.page, built.record, force=force)
    page = Path(outcome.path)
    return SetOutcome(
        slug=built.slug,
        status=outcome.status,
        path=page,
        conflicts=conflict_locations(page),
        articles=built.articles,
    )


def archive_removed(out: Path, slug: str) -> SetOutcome:
    """Archive the page of a set whose folder is gone (:func:`~generator.merge.archive.archive_set`)."""
    from generator.merge.archive import archive_set

    return SetOutcome(slug, "archived", archive_set(out, slug), reason="source folder removed")


def link_stories(out: Path, records: list[BriefingRecord]) -> tuple[list[SetOutcome], list[BriefingRecord]]:
    """Give every set the story it is part of now (:mod:`generator.render.stories`).

    A set joins or leaves a story when another set changes, so the page of an unchanged set
    may need its "Part of" line: it is rendered again from its stored record (no analysis)
    and merged like any page, keeping hand edits. A set whose story is unchanged is not touched.

    Returns:
        An outcome per page rewritten, and the records as now stored (``records`` in order,
        each with its new story where it was written).
    """
    from generator.merge.pages import write_set
    from generator.render.page import render_briefing
    from generator.render.stories import with_stories

    outcomes, current = [], []
    for before, after in zip(records, with_stories(records)):
        if before.story == after.story or not (out / f"{after.set}.md").is_file():
            current.append(before)
            continue
        outcome = write_set(out, after.set, render_briefing(after), after.to_json() + "\n")
        outcomes.append(SetOutcome(slug=after.set, status=outcome.status, path=Path(outcome.path),
                                   conflicts=conflict_locations(Path(outcome.path))))
        current.append(after)
    return outcomes, current


def write_cross_pages(out: Path, slugs: list[str]) -> tuple[list[SetOutcome], tuple[str, ...]]:
    """Link the stories of the current sets (:func:`link_stories`), then rebuild the
    cross-briefing pages from their records, read once for both; the outcome of each page
    whose story line changed, and ``<page>:<line>`` of each conflict between a hand edit of a
    site page and the new generation."""
    linked, records = link_stories(out, stored_records(out, slugs))
    return linked, publish_site_pages(records, out).conflicts


def publish_site_pages(
    records: Sequence[BriefingRecord], docs_dir: Path, *, site_url: str | None = None
) -> SiteWrite:
    """Render the cross-briefing pages of ``records`` and hand them to merge to write.

    Only records whose page exists are published, with the edits the page shows. ``site_url``
    (used by the Atom feed) defaults to ``$BRIEFING_SITE_URL``, then ``http://127.0.0.1:8000/``
    — the same rule ``mkdocs.yml`` follows. Output depends only on the records and pages.
    """
    from generator.merge.site import write_site_pages
    from generator.merge.state import published_records
    from generator.render.site_pages import DEFAULT_SITE_URL, site_pages

    url = site_url or os.environ.get("BRIEFING_SITE_URL") or DEFAULT_SITE_URL
    pages = site_pages(published_records(list(records), docs_dir), site_url=url)
    return write_site_pages(pages, docs_dir)
