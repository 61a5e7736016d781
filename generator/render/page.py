"""Render a briefing record into its page: YAML front matter and the Markdown body.

The renderer only renders: it takes the :class:`~generator.render.record.BriefingRecord`
of a briefing and returns text; writing files is someone else's job (the merge stage for
briefing pages). Every value the template prints from the record goes through the
filters of :mod:`generator.render.filters`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.util.frontmatter import dump_front_matter
from generator.render.filters import meta_text, single_line
from generator.render.jinja import render_template
from generator.render.links import Refs, set_path
from generator.render.record import ActorRecord, BriefingRecord, SourceRecord, StatementRecord
from generator.util.ids import source_key

STATUS = "generated"
# How each kind of disagreement (analysis/differences.py) is named in "Where they differ".
DIFFERENCE_KINDS = {"number": "figure", "date": "day", "speaker": "who said", "denial": "denied"}

_KIND_LABELS = (("person", "People"), ("organisation", "Organisations"), ("country", "Countries"), ("group", "Groups"))
# The findings a source is counted for: the record's field and the noun a count reads with.
_FINDINGS = (("statements", "statement"), ("open_questions", "open question"), ("timeline", "dated event"))


@dataclass(frozen=True)
class SpeakerGroup:
    """The statements of one speaker; ``actor`` is the speaker's actor, when it is one."""

    name: str
    actor: ActorRecord | None
    statements: tuple[StatementRecord, ...]


@dataclass(frozen=True)
class SourceRow:
    """One source in the Sources section: its findings per kind and what it alone reports."""

    source: SourceRecord
    alone: tuple[str, ...]  # "2 statements", "1 open question"
    counts: dict[str, int]  # per _FINDINGS field


@dataclass(frozen=True)
class RoleDifference:
    """An actor the sources describe with different roles: ``(source, role)`` pairs."""

    name: str
    roles: tuple[tuple[str, str], ...]


def front_matter(record: BriefingRecord) -> dict[str, Any]:
    """The briefing page's front matter, keys in the DESIGN.md order (``description`` last)."""
    gen = record.generator
    return {
        "title": meta_text(record.title) or record.set,
        "slug": record.set,
        "date": record.date,
        "updated": record.updated,
        "status": STATUS,
        "tags": [meta_text(t) for t in record.tags if single_line(t)],
        "actors": [single_line(a.name) for a in record.actors],
        "places": [single_line(p.name) for p in record.places],
        "sources": [
            {
                "id": s.id,
                "title": single_line(s.title),
                "outlet": single_line(s.outlet) or None,
                "published": s.published,
                "url": s.url,
            }
            for s in record.sources
        ],
        **({"skipped": [{"file": single_line(s.file), "reason": single_line(s.reason)} for s in record.skipped]}
           if record.skipped else {}),
        "generator": {"version": gen.version, "hash": gen.hash},
        "description": meta_text(record.one_line) or None,
    }


def _speaker_groups(record: BriefingRecord) -> list[SpeakerGroup]:
    """Statements grouped by speaker, speakers in order of their first (highest-ranked) statement."""
    said: dict[str, list[StatementRecord]] = {}
    for st in record.statements:
        said.setdefault(st.speaker, []).append(st)
    actors = {a.name: a for a in record.actors}
    return [SpeakerGroup(name, actors.get(name), tuple(statements)) for name, statements in said.items()]


def _source_findings(record: BriefingRecord) -> list[SourceRow]:
    """For each source: how many findings it carries and what it alone reports."""
    rows = []
    for src in record.sources:
        alone: list[str] = []
        counts: dict[str, int] = {}
        for key, noun in _FINDINGS:
            items = [x for x in getattr(record, key) if src.id in x.sources]
            counts[key] = len(items)
            only = sum(1 for x in items if len(x.sources) == 1)
            if only and len(record.sources) > 1:
                alone.append(f"{only} {noun}{'s' if only != 1 else ''}")
        rows.append(SourceRow(src, tuple(alone), counts))
    return rows


def _actors_by_kind(record: BriefingRecord) -> list[tuple[str, list[ActorRecord]]]:
    """Actors in content tabs by kind (fixed labels; an unknown kind goes under "Others")."""
    known = dict(_KIND_LABELS)
    groups: dict[str, list[ActorRecord]] = {}
    for actor in record.actors:
        groups.setdefault(known.get(actor.kind, "Others"), []).append(actor)
    order = [label for _, label in _KIND_LABELS] + ["Others"]
    return [(label, groups[label]) for label in order if label in groups]


def _role_differences(record: BriefingRecord) -> list[RoleDifference]:
    """Actors the sources describe with different roles."""
    out = []
    for actor in record.actors:
        by_source: dict[str, str] = {}
        for item in actor.roles:
            by_source.setdefault(item.source, item.role)
        if len({r.casefold() for r in by_source.values()}) > 1:
            out.append(RoleDifference(actor.name, tuple(sorted(by_source.items(), key=lambda kv: source_key(kv[0])))))
    return out


def speaking_actors(record: BriefingRecord) -> set[str]:
    """Names of the record's actors who make a statement: each has an actor page."""
    names = {a.name for a in record.actors}
    return {st.speaker for st in record.statements if st.speaker in names}


def briefing_context(record: BriefingRecord) -> dict[str, Any]:
    """Everything ``briefing.md.j2`` reads, derived from the record only."""
    set_path(record.set)
    return {
        "r": record,
        "refs": Refs(record),
        "speakers": _speaker_groups(record),
        "actor_names": {a.name for a in record.actors},
        "speaking": speaking_actors(record),
        "source_rows": _source_findings(record),
        "shared": [st for st in record.statements if len(st.sources) > 1][:8],
        "role_differences": _role_differences(record),
        "actor_kinds": _actors_by_kind(record),
        "difference_kinds": DIFFERENCE_KINDS,
    }


def render_briefing(record: BriefingRecord) -> str:
    """The whole briefing page: YAML front matter and the Markdown body.

    Raises:
        BriefingError: when the set name cannot be a page name or a source id is not plain.
    """
    body = render_template("briefing.md.j2", **briefing_context(record))
    return dump_front_matter(front_matter(record)) + "\n" + body
