"""The ``add`` and ``sort`` commands behind ``generator/cli.py``: run a stage, print its report.

Kept apart from ``cli.py`` so the command module stays a table of options; everything
printed here goes to stdout (the report), errors go up as :class:`BriefingError`.
"""
from __future__ import annotations

import re
from pathlib import Path

import click

from generator.collect.similarity import SortSettings

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def run_add(urls: list[str], feeds: list[str], seeds: Path, slug: str, *, timeout: float, max_bytes: int) -> tuple[int, int]:
    """Add ``urls`` and the new items of ``feeds`` to ``seeds/slug``, printing one line per
    URL (and one per feed that cannot be read); ``(failed, total)``."""
    from generator.collect.add import FAILED, Candidate, add_urls
    from generator.collect.feeds import add_feed
    from generator.collect.fetch import FetchError, Fetcher, FetchLimits

    if not _SLUG.match(slug):
        raise click.UsageError(f"--set: expected a folder name of lower-case letters, digits and hyphens but received: {slug!r}")
    folder = seeds / slug
    failed = total = 0
    with Fetcher(FetchLimits(timeout=timeout, max_bytes=max_bytes)) as fetcher:
        outcomes = add_urls([Candidate(u) for u in urls], folder, fetcher) if urls else []
        for feed in feeds:
            try:
                outcomes += add_feed(feed, folder, fetcher)
            except FetchError as exc:
                click.echo(f"failed         {feed}: {exc.reason}")
                failed, total = failed + 1, total + 1
    for outcome in outcomes:
        click.echo(outcome.line())
    failed += sum(o.status == FAILED for o in outcomes)
    return failed, total + len(outcomes)


def run_sort(inbox: Path, into: Path, *, fmt: str, apply: bool, window: int) -> None:
    """Propose sets for ``inbox``, print them (text or TSV) and, with ``apply``, move them."""
    from generator.collect.sort import apply_proposal, sort_inbox

    proposal = sort_inbox(inbox, into, SortSettings(window_days=window))
    for line in proposal.unreadable:
        click.echo(f"unreadable: {line}", err=True)
    lines = tsv_lines(proposal) if fmt == "tsv" else text_lines(proposal, into)
    if lines:
        click.echo("\n".join(lines))
    if apply:
        for folder in apply_proposal(proposal, inbox, into):
            click.echo(f"moved into {folder}/", err=True)


def tsv_lines(proposal) -> list[str]:
    """``file<TAB>set`` for every sorted article; the ones that fit no set as ``# no set: file``
    comment lines, which scorers skip (so they count as singletons)."""
    rows = sorted((a.file, s.slug) for s in proposal.sets for a in s.articles)
    return [f"{file}\t{slug}" for file, slug in rows] + [f"# no set: {a.file}" for a in proposal.unsorted]


def text_lines(proposal, into: Path) -> list[str]:
    """The proposal for a person: each set with its articles' files and headlines."""
    lines: list[str] = []
    for s in proposal.sets:
        dates = sorted(a.published.isoformat() for a in s.articles if a.published)
        span = f", {dates[0]}" + (f" to {dates[-1]}" if dates[-1] != dates[0] else "") if dates else ""
        lines.append(f"{into / s.slug}/  ({len(s.articles)} articles{span}): {s.title}")
        lines += [f"  {a.file}  {_short(a.title)}" for a in sorted(s.articles, key=lambda a: a.file)]
    if proposal.unsorted:
        lines.append(f"stays in the inbox ({len(proposal.unsorted)} article(s) fit no set):")
        lines += [f"  {a.file}  {_short(a.title)}" for a in proposal.unsorted]
    if not proposal.sets:
        lines.append("no set proposed: no two articles report the same event")
    return lines


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
