"""Write a regenerated briefing page into ``briefings/`` without losing a hand edit.

For each page two files are kept: ``briefings/<slug>.md`` (the page the editor edits) and
``briefings/.generated/<slug>.md`` (the *base*: the page exactly as last generated,
committed with the site, skipped by MkDocs because it is in a dot folder). A regeneration
merges three ways with :func:`generator.merge.threeway.merge_page`; :func:`write_set` then
stores the record the page was rendered from beside the base (``.generated/<slug>.json``).

Decisions (each is what keeps an editor's text safe):

* **Write order: journal, page, base, then drop the journal.** Each write is atomic
  (:func:`generator.merge.atomic.atomic_write`), so the page is always the editor's old page or
  the whole merged one. The base must never run ahead of the page: a *new* base beside the
  *old* page would make the next run see ``theirs == base``, keep the old page and read
  every difference as an editor's edit, so the new content would never arrive. A base
  written late mostly heals by itself (the next run merges ``(old base, merged page, new
  page)``, and the generator's changes, present on both sides, are taken once), but not
  always: a page left with conflict blocks is not merged again, so an old base would make
  the editor meet the same conflicts twice. Hence the journal (``.generated/<slug>.pending``:
  the new base and the digest of the page written with it), from which the next run
  completes the base when the page on disk is the one that write produced.
* **Locked pages** (``locked: true``) are not touched, and neither is their base: the base
  must stay what the editor's page was last merged from, so that after an unlock every
  change the generator made meanwhile arrives by the ordinary merge. Updating the base
  while locked would make those changes look like edits the editor had reverted.
* **A page with unresolved conflict blocks** is left alone (page and base), as git refuses
  to merge over conflict markers: merging on top would nest proposals inside proposals.
  It is reported as ``conflict`` until the editor resolves it.
* **A deleted page** (base present, page missing) stays deleted unless ``force``.
* **No base** but a page on disk (the base was deleted, or the page was written by hand):
  the editor's text wins and every difference is reported as a conflict with the
  generator's proposal beside it (:func:`generator.merge.threeway.merge_without_base`).
* Files are rewritten only when their bytes change, so a second run with the same input
  writes nothing.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BriefingError
from generator.merge.atomic import atomic_write
from generator.merge.conflicts import MergeResult, find_conflicts
from generator.merge.state import SetFiles, display, locked_in, read_page
from generator.merge.threeway import merge_page, merge_without_base

_SLUG = re.compile(r"[^./\\\s][^/\\]*")


@dataclass(frozen=True)
class WriteOutcome:
    """What :func:`write_briefing` did to one page.

    ``status`` is one of ``created``, ``updated`` (untouched page replaced), ``merged``
    (hand edits kept, new content merged in), ``unchanged``, ``conflict``, ``locked`` or
    ``deleted`` (the editor deleted the page; not re-created). ``conflicts`` holds
    ``"<page path>:<line>"`` strings, one per conflict block.
    """

    slug: str
    path: Path
    status: str
    conflicts: tuple[str, ...] = ()

    def report_lines(self) -> tuple[str, ...]:
        """``CONFLICT <path>:<line>`` lines for the command's output."""
        return tuple(f"CONFLICT {where}" for where in self.conflicts)


def _check_slug(slug: str) -> None:
    if not _SLUG.fullmatch(slug):
        raise BriefingError(f"not a usable page name: {slug!r}")


def _merge(base: str | None, ours: str, page: str) -> MergeResult:
    return merge_without_base(ours, page) if base is None else merge_page(base, ours, page)


def write_briefing(
    docs_dir: Path, slug: str, page: str, *, force: bool = False, dry_run: bool = False
) -> WriteOutcome:
    """Write the freshly generated ``page`` for ``slug`` into ``docs_dir``, keeping hand edits.

    Stores ``page`` as the new base in ``docs_dir/.generated/<slug>.md``. With ``force`` a
    page the editor deleted is written again; ``force`` never overrides ``locked: true``.
    With ``dry_run`` nothing is written and the outcome says what would happen (for
    ``briefing generate --check``).

    Raises:
        BriefingError: an unusable slug, or a page or base that cannot be read or written.
    """
    _check_slug(slug)
    paths = SetFiles(Path(docs_dir))
    target, stored = paths.page(slug), paths.base(slug)
    shown = display(target)
    ours = read_page(target)
    base = _recover(stored, ours, dry_run=dry_run)

    def outcome(status: str, lines: tuple[int, ...] = ()) -> WriteOutcome:
        return WriteOutcome(slug, target, status, tuple(f"{shown}:{n}" for n in lines))

    if ours is None:
        if base is not None and not force:
            return outcome("deleted")
        if not dry_run:
            _write_pair(target, page, stored, page)
        return outcome("created")
    if locked_in(ours):
        return outcome("locked")
    pending = find_conflicts(ours)
    if pending:
        return outcome("conflict", pending)
    result = _merge(base, ours, page)
    if not dry_run:
        _write_pair(target, None if result.text == ours else result.text, stored, None if base == page else page)
    if result.conflicts:
        return outcome("conflict", result.conflicts)
    if result.text == ours:
        return outcome("unchanged")
    return outcome("updated" if ours == base else "merged")


def write_set(out: Path, slug: str, page: str, record: str, *, force: bool = False) -> WriteOutcome:
    """Write a set's regenerated ``page`` (see :func:`write_briefing`), then store its ``record``.

    ``record`` is the JSON text the page was rendered from. It goes last: it holds the
    hash, so a crash between the two writes makes the next run regenerate the set instead
    of skipping it.
    """
    outcome = write_briefing(out, slug, page, force=force)
    atomic_write(SetFiles(Path(out)).record(slug), record)
    return outcome


def journal_path(stored: Path) -> Path:
    """The journal of an unfinished page-and-base write (``.generated/<slug>.pending``)."""
    return stored.with_suffix(".pending")


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _write_pair(target: Path, text: str | None, stored: Path, base: str | None) -> None:
    """Write the page, then its base (None: leave that file as it is), journalled.

    When both change, a journal holding the new base and the digest of the new page is
    written first and removed last. If the process dies between the two writes, the next
    run (:func:`_recover`) sees the page it wrote and completes the base, so the merge that
    follows starts from exactly the state a finished run would have left.
    """
    journal = journal_path(stored)
    if text is not None and base is not None:
        atomic_write(journal, f"sha256:{_digest(text)}\n{base}")
    if text is not None:
        atomic_write(target, text)
    if base is not None:
        atomic_write(stored, base)
    if text is not None and base is not None:
        journal.unlink(missing_ok=True)


def _recover(stored: Path, ours: str | None, *, dry_run: bool) -> str | None:
    """The base to merge against, finishing a write a crash interrupted (see :func:`_write_pair`).

    The journal's base is taken only when the page on disk is the one that write produced;
    otherwise the page write never happened and the stored base is still right.
    """
    journal = journal_path(stored)
    entry = read_page(journal)
    if entry is None:
        return read_page(stored)
    header, _, base = entry.partition("\n")
    finished = ours is not None and header == f"sha256:{_digest(ours)}"
    if dry_run:
        return base if finished else read_page(stored)
    if finished:
        atomic_write(stored, base)
    journal.unlink(missing_ok=True)
    return read_page(stored)

