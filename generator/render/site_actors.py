"""Actors merged across briefings: one actor page per person or body, whatever each briefing calls it."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from generator.render.filters import actor_slug, slugify
from generator.render.record import ActorRecord, BriefingRecord
from generator.util.unionfind import DisjointSet


def newest_first(date: str) -> str:
    """A sort key putting later ISO dates first in an ascending sort (characters inverted)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in date)


def recency_key(record: BriefingRecord) -> tuple[str, str]:
    """Sort key: newest briefing first (by event date, else updated), then by set name."""
    date = record.date or record.updated or ""
    return (newest_first(date) if date else "\U0010ffff", record.set)


@dataclass
class SiteActor:
    """One actor merged across briefings: every name, role, statement and briefing."""

    name: str
    slug: str
    kind: str
    names: list[str] = field(default_factory=list)  # the names briefings use for it
    aliases: list[str] = field(default_factory=list)
    handles: list[str] = field(default_factory=list)
    roles: list[tuple[str, str]] = field(default_factory=list)  # (role, set)
    entries: list[tuple[BriefingRecord, ActorRecord]] = field(default_factory=list)

    @property
    def role(self) -> str | None:
        """The role the newest briefing gives (entries are newest first)."""
        return self.roles[0][0] if self.roles else None

    @property
    def speaks(self) -> bool:
        """Whether any briefing gives this actor a statement."""
        return any(st.speaker == actor.name for rec, actor in self.entries for st in rec.statements)

    @property
    def has_page(self) -> bool:
        """Whether the actor gets its own page: it speaks, or appears in two or more briefings.

        The others appear in one briefing only and live in that page's Actors table (an
        anchor, :attr:`anchor_href`): most actors of a large site are such names, and a page
        each would outnumber the briefings many times over.
        """
        return self.speaks or len({rec.set for rec, _ in self.entries}) >= 2

    @property
    def anchor_href(self) -> str:
        """Link (from a page one folder down) to the actor's row on its first briefing's page."""
        rec, actor = self.entries[0]
        return f"../{rec.set}.md#actor-{actor_slug(actor.name)}"

    @property
    def link_slugs(self) -> list[str]:
        """Slugs briefing pages link to other than the page's own: one per name the actor
        speaks under (briefing pages link only speakers to actor pages)."""
        spoken = {actor.name for rec, actor in self.entries if any(st.speaker == actor.name for st in rec.statements)}
        return sorted({actor_slug(n) for n in spoken} - {self.slug})


def merge_actors(records: Iterable[BriefingRecord]) -> list[SiteActor]:
    """Merge the actors of every briefing into one list, sorted by name.

    Two actors are one when their names give the same slug (``Müller``/``Muller``), or
    when one's name is an alias of the other and their kinds agree. A briefing page links
    to ``actors/<slug of its own name>.md``; every such slug resolves to exactly one
    merged actor, whose page lives at the slug of its most used name.
    """
    entries = [(rec, actor) for rec in records for actor in rec.actors]
    slugs: DisjointSet[str] = DisjointSet()  # the smaller slug stays root: deterministic
    kind_of: dict[str, set[str]] = {}
    for _, actor in entries:
        slug = actor_slug(actor.name)
        slugs.add(slug)
        kind_of.setdefault(slug, set()).add(actor.kind)
    for _, actor in entries:
        slug = actor_slug(actor.name)
        for alias in actor.aliases:
            other = actor_slug(alias)
            if other != slug and other in kind_of and actor.kind in kind_of[other]:
                slugs.union(slug, other)

    groups: dict[str, list[tuple[BriefingRecord, ActorRecord]]] = {}
    for rec, actor in entries:
        groups.setdefault(slugs.find(actor_slug(actor.name)), []).append((rec, actor))
    return sorted((_site_actor(items) for items in groups.values()), key=lambda a: (slugify(a.name), a.name))


def _site_actor(items: list[tuple[BriefingRecord, ActorRecord]]) -> SiteActor:
    """One merged actor from its briefings' items: named as most briefings name it."""
    uses: dict[str, set[str]] = {}
    for rec, actor in items:
        uses.setdefault(actor.name, set()).add(rec.set)
    name = sorted(uses, key=lambda n: (-len(uses[n]), -len(n), n))[0]
    kinds = sorted({a.kind for _, a in items}, key=lambda k: (-sum(a.kind == k for _, a in items), k))
    site = SiteActor(name=name, slug=actor_slug(name), kind=kinds[0], names=sorted(uses))
    # Sets beside the lists keep this linear in the actor's briefings: an actor named in
    # hundreds of briefings would otherwise rescan every alias list per briefing.
    others = [n for n in uses if n != name]  # after the first entry's own aliases
    seen_aliases: set[str] = {name}
    seen_handles: set[str] = set()
    seen_roles: set[str] = set()
    for rec, actor in sorted(items, key=lambda it: recency_key(it[0])):
        site.entries.append((rec, actor))
        for alias in [*actor.aliases, *others]:
            if alias not in seen_aliases:
                seen_aliases.add(alias)
                site.aliases.append(alias)
        others = []
        for handle in actor.handles:
            if handle not in seen_handles:
                seen_handles.add(handle)
                site.handles.append(handle)
        if actor.role and actor.role not in seen_roles:
            seen_roles.add(actor.role)
            site.roles.append((actor.role, rec.set))
    return site
