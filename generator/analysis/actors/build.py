"""Building the actors: from the merged groups of surface forms to the :class:`.ActorIndex`.

Groups that are no actors are dropped and the rest get a kind (:mod:`.kinds`); each actor
gets a canonical name (the fullest, accented form, or the lexicon name), its roles and its
social handles. Title forms ("the Ruritanian President", "UN chief") join the one person
the set gives that office; a handle joins the person a post attribution names, or the
person whose name it spells ("@TBell" ~ initial + surname).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from generator.analysis.actors.candidates import Candidate, Collected
from generator.analysis.actors.gazetteer import Gazetteer
from generator.analysis.actors.index import ActorIndex, Mention
from generator.analysis.actors.kinds import (
    drop_common_nouns,
    drop_unlikely_people,
    join_org_nouns,
    kind_of,
    things_named_alike,
)
from generator.analysis.actors.merge import keyed, merge
from generator.analysis.actors.names import fold, has_diacritics, match_handle
from generator.analysis.actors.titles import offices_of, title_form_holder
from generator.model import Actor
from generator.util.unionfind import DisjointSet


def build_index(got: Collected, lex: Gazetteer) -> ActorIndex:
    """Key and merge the collected surface forms, keep the groups that are actors, index them."""
    cands = keyed(got, lex)
    uf = merge(cands, got, lex)
    groups, kinds = _actor_groups(cands, got, lex, uf)
    names = {root: _canonical(root, members, kinds[root], lex) for root, members in groups.items()}
    offices = offices_of(groups, uf)
    for t in got.titles:
        holder = title_form_holder(t, offices, uf, lex)
        if holder:
            t.key = holder
            groups[holder].append(t)
    handles = _handles(got, groups, names, kinds, uf)
    actors, surfaces, mentions = _actors(groups, names, kinds, handles)
    office_names = {
        (names[q] if q in names else q, t): tuple(sorted(names[h] for h in holders))
        for (q, t), holders in offices.items()
    }
    return ActorIndex(actors, mentions, surfaces, office_names, lex)


def _actor_groups(
    cands: list[Candidate], got: Collected, lex: Gazetteer, uf: DisjointSet[str]
) -> tuple[dict[str, list[Candidate]], dict[str, str | None]]:
    """The merged groups that are actors (root → members), and the kind of every group."""
    groups: dict[str, list[Candidate]] = defaultdict(list)
    for c in cands:
        groups[uf.find(c.key)].append(c)
    join_org_nouns(groups, lex)
    drop_common_nouns(groups, got.words)
    drop_unlikely_people(groups, got.words)
    lasts = Counter(fold(c.text).split()[-1] for c in cands if c.label == "PERSON" and " " in c.text)
    kinds = {root: kind_of(root, members, lasts) for root, members in groups.items()}
    things_named_alike(groups, kinds)
    # A name only ever seen in subheads is a heading's word, not an actor of the set.
    groups = {r: m for r, m in groups.items() if kinds[r] and not all(c.subhead for c in m)}
    return groups, kinds


def _actors(
    groups: dict[str, list[Candidate]], names: dict[str, str], kinds: dict, handles: dict[str, tuple[str, ...]]
) -> tuple[tuple[Actor, ...], dict[str, str], dict[str, list[Mention]]]:
    """The actors, most mentioned first; folded alias → actor name; source → its mentions."""
    actors, surfaces, mentions = [], {}, defaultdict(list)
    for root, members in groups.items():
        actor = _actor(names[root], kinds[root], members, handles.get(root, ()))
        actors.append(actor)
        for c in members:
            surfaces.setdefault(fold(c.text), actor.name)
            mentions[c.source].append(Mention(c.source, c.start, c.end, c.text, actor.name))
        surfaces.setdefault(fold(actor.name), actor.name)
        for h in actor.handles:
            surfaces[fold(h)] = actor.name
    actors.sort(key=lambda a: (-a.mentions, a.name))
    for source in mentions:
        mentions[source] = sorted(set(mentions[source]), key=lambda m: (m.start, -m.end, m.actor))
    return tuple(actors), surfaces, dict(mentions)


def _canonical(root: str, members: list[Candidate], kind: str, lex: Gazetteer) -> str:
    """The fullest, properly accented name; the lexicon name for a country."""
    if kind == "country":
        return root.split(":", 1)[1]
    counts = Counter(c.text for c in members)
    pool = [c.text for c in members if c.label == "PERSON" or c.person] if kind == "person" else []
    pool = pool or list(counts)

    if kind == "organisation":  # "Nordvik" is short for "Nordvik Motors": never the name
        pool = [t for t in pool if not any(o.startswith(t + " ") for o in counts)] or pool

    def rank(text: str):
        words = len(text.split())
        return (-words if kind == "person" else 0, -counts[text], not has_diacritics(text), -len(text), text)

    best = min(pool, key=rank)
    # Of the spellings that fold alike, the accented one: "Sanchez" → "Sánchez".
    same = [t for t in counts if fold(t) == fold(best)]
    return min(same, key=lambda t: (not has_diacritics(t), -counts[t], t))


def _handles(
    got: Collected, groups: dict[str, list[Candidate]], names: dict[str, str], kinds: dict, uf: DisjointSet[str]
) -> dict[str, tuple[str, ...]]:
    """Tie each social handle to an actor and record it as one of its mentions (root → handles)."""
    by_name = {fold(names[r]): r for r in groups}
    people = [(r, names[r]) for r in sorted(groups) if kinds[r] in {"person", "organisation"}]
    found: dict[str, set[str]] = defaultdict(set)
    for c in got.cands:
        if c.label != "HANDLE":
            continue
        root = None
        named = got.attributions.get(c.text.casefold())
        if named:
            root = by_name.get(fold(named)) or _root_of(named, groups, uf)
        if root is None:
            match = match_handle(c.text, [Actor(n, kinds[r]) for r, n in people])
            root = next((r for r, n in people if n == match), None)
        if root is not None:
            c.key = root
            groups[root].append(c)
            found[root].add(c.text)
    # A handle may only appear in an attribution kept apart from the text: no mention then.
    for handle, named in sorted(got.attributions.items()):
        root = by_name.get(fold(named)) or _root_of(named, groups, uf)
        if root is not None and not any(h.casefold() == handle for h in found[root]):
            found[root].add(got.handle_case.get(handle, handle))
    return {r: tuple(sorted(h)) for r, h in found.items()}


def _root_of(name: str, groups: dict[str, list[Candidate]], uf: DisjointSet[str]) -> str | None:
    key = uf.find(fold(name))
    return key if key in groups else None


def _actor(name: str, kind: str, members: list[Candidate], handles: tuple[str, ...]) -> Actor:
    """The frozen actor of one group: aliases by use, mentions, sources, roles, handles."""
    counts = Counter(c.text for c in members if c.label != "HANDLE")
    aliases = tuple(t for t, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if t != name)
    spans = {(c.source, c.start, c.end) for c in members}
    sources = tuple(sorted({c.source for c in members}))
    roles = _roles(members) if kind == "person" else ()
    return Actor(
        name=name,
        kind=kind,  # type: ignore[arg-type]
        role=_best_role(roles, members),
        aliases=aliases,
        mentions=len(spans),
        sources=sources,
        handles=handles,
        roles=roles,
    )


def _roles(members: list[Candidate]) -> tuple[tuple[str, str], ...]:
    """(source, role) pairs; a bare title is left out where the source also qualifies it."""
    pairs = {
        (c.source, r[2]) for c in members if c.label != "TITLE" for r in (c.role, c.described) if r
    }
    # One spelling per source and role whatever the case ("Union Leader" / "union leader").
    cased: dict[tuple[str, str], str] = {}
    for s, r in sorted(pairs, key=lambda p: (p[0], p[1].islower(), p[1])):
        cased.setdefault((s, r.lower()), r)
    pairs = {(s, r) for (s, _), r in cased.items()}
    return tuple(sorted(
        (s, r) for s, r in pairs
        if not any(s2 == s and r2.lower() != r.lower() and r.lower() in r2.lower() for s2, r2 in pairs)
    ))


def _best_role(roles: tuple[tuple[str, str], ...], members: list[Candidate]) -> str | None:
    """The most informative role: qualified ("President of X") before bare, then most used."""
    if not roles:
        return None
    # Qualified by a country or organisation, or an apposition's description: informative.
    rich = {c.role[2] for c in members if c.role and c.role[0] is not None}
    rich |= {c.described[2] for c in members if c.described}
    rich |= {c.role[2] for c in members if c.role and not c.person}  # apposition only
    used = Counter(r for _, r in roles)
    return min(used, key=lambda r: (r not in rich, -used[r], -len(r), r))
