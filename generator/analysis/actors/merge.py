"""Keys and merging: which surface forms of a set name one actor.

Every candidate gets a key — a country of the lexicon (``country:``), a well-known
organisation (``org:``), or its :func:`~.names.fold` — and keys are joined (one
:class:`~generator.util.unionfind.DisjointSet`, where a lexicon key always stays the root)
when one is the other's surname or first name, a slip or spelling variant of a name seen
elsewhere, an acronym given in brackets or spelling the initials, or the shorter form of a
longer organisation name ("Nordvik" / "Nordvik Motors").
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from generator.analysis.actors.candidates import Candidate, Collected, ckey, okey
from generator.analysis.actors.names import fold, initials, is_spelling_variant, is_typo, without_particles
from generator.util.unionfind import DisjointSet

if TYPE_CHECKING:
    from generator.analysis.actors.gazetteer import Gazetteer


def _lexicon_root(ra: str, rb: str) -> str:
    """The root that stays when ``ra``'s group joins ``rb``'s: ``rb``, unless only ``ra`` is a
    lexicon key (``country:``, ``org:``), which always stays the root."""
    return ra if ":" in ra and ":" not in rb else rb


def keyed(got: Collected, lex: Gazetteer) -> list[Candidate]:
    """Give every candidate its key; drop the ones that are places, events or adjectives."""
    full_names = {fold(c.text) for c in got.cands if c.label == "PERSON" and " " in c.text and not c.org}
    surnames = {k.split()[-1] for k in full_names} | {k.split()[0] for k in full_names}
    # First words of multi-word names: "Meridian" alone is short for "Meridian Terminals".
    firsts = {fold(c.text).split()[0] for c in got.cands if c.label in {"ORG", "NAME"} or c.org
              if len(c.text.split()) >= 2}
    out = []
    for c in got.cands:
        if c.label == "HANDLE":
            continue
        key = fold(c.text)
        words = key.split()
        name_part = key in surnames and not c.person
        if name_part and c.label == "PERSON":
            country = None  # "Georgia" in a set about Georgia Reyes
        elif name_part:
            # A word of a person's name is never read as a capital ("Tomas Lima …
            # Lima claims"); a country's own name still is.
            country = lex.country(c.text)
        else:
            country = lex.country_of(c.text, acting=c.acting or c.label in {"PERSON", "ORG"})
        if country:
            c.key = ckey(country)
        elif not name_part and (key in lex.capitals or key in lex.demonyms and not c.noun):
            continue  # a capital as a place, or an adjective ("French President")
        elif c.label == "NORP":
            if key in firsts and key not in lex.demonyms and len(words) == 1 and c.acting:
                c.label = "NAME"  # "until Meridian puts …": a short name, not a people
            elif not c.noun or key in lex.demonyms:
                continue
            c.key = key
        elif c.label in {"LOC", "FAC"} and not c.person:
            continue
        elif words and lex.heads.get(words[-1]) in {"venue", "event"} and not c.person:
            continue  # a venue or an event, not an actor
        else:
            org = lex.organisation(c.text)
            c.key = okey(org) if org else key
        out.append(c)
    return out


def merge(cands: list[Candidate], got: Collected, lex: Gazetteer) -> DisjointSet[str]:
    """Join the keys that name one actor (see the module docstring)."""
    counts = Counter(c.key for c in cands)
    uf = DisjointSet(sorted(counts), prefer=_lexicon_root)
    person_votes = Counter(c.key for c in cands if c.label == "PERSON" or c.person)
    people = sorted((k for k in counts if " " in k and person_votes[k]), key=lambda k: (-counts[k], k))
    _join_surnames(uf, counts, people, lex.name_particles)
    _join_typos(uf, cands, counts, people)
    key_of = {}
    for c in cands:
        key_of.setdefault(fold(c.text), c.key)
    for long, short in got.pairs:
        if long in key_of and short in key_of:
            uf.union(key_of[short], key_of[long])
    _join_acronyms(uf, cands, counts)
    _join_prefixed(uf, cands, counts, lex, {p.split()[-1] for p in people})
    return uf


def _join_prefixed(
    uf: DisjointSet[str], cands: list[Candidate], counts: Counter, lex: Gazetteer, surnames: set[str]
) -> None:
    """"Chilean Water Agency" and "Water Agency" are one organisation.

    A name joins the shorter name it ends with when what comes before is a country, a
    demonym or another actor of the set.
    """
    orgs = sorted({c.key for c in cands if (c.label == "ORG" or c.org) and ":" not in c.key})
    # A short form the model tagged PERSON joins too ("Brightwater said"), unless a title
    # made it a person; person names never reach here as orgs (no org label or cue).
    short = sorted({
        c.key for c in cands
        if c.label in {"ORG", "NAME", "PERSON"} and not c.person and ":" not in c.key
        and (c.label != "PERSON" or " " not in c.key) and c.key not in surnames
    })
    for key in short:  # "Nordvik" → "Nordvik Motors" when only one name starts so
        longer = [o for o in orgs if o.startswith(key + " ")]
        if len(longer) == 1:
            uf.union(key, longer[0])
    for key in orgs:
        words = key.split()
        for n in range(1, len(words) - 1):
            prefix, rest = " ".join(words[:n]), " ".join(words[n:])
            if rest in counts and (
                prefix in counts or prefix in lex.countries or prefix in lex.demonyms
                or prefix in lex.organisations
            ):
                uf.union(rest, key)
                break


def _join_surnames(uf: DisjointSet[str], counts: Counter, people: list[str], particles: frozenset[str]) -> None:
    """"Sanchez" → "Jose Luis Sanchez"; "Jose Sanchez" → the longest matching name."""
    by_last: dict[str, list[str]] = defaultdict(list)
    for full in people:  # most mentioned first: an ambiguous surname goes to it
        by_last[full.split()[-1]].append(full)
    for key in sorted(counts):
        if ":" in key:
            continue
        words = key.split()
        # "von der leyen", "bin salman": a surname with its particles ends the full name
        # ("ben chan" is a given name and a surname: it does not join "gary chan").
        tail = without_particles(key, particles) != key
        for full in by_last.get(words[-1], ()):
            fw = full.split()
            if full != key and len(fw) > len(words) and (
                len(words) == 1 or fw[0] == words[0] or tail and fw[-len(words):] == words
            ):
                uf.union(key, full)
                break
    # A first name alone ("Daniel") joins the one full name that starts with it.
    surnames = {p.split()[-1] for p in people}
    for key in sorted(counts):
        if " " in key or ":" in key or key in surnames or uf.find(key) != key:
            continue
        firsts = [p for p in people if p.split()[0] == key]
        if len(firsts) == 1:
            uf.union(key, firsts[0])


def _join_typos(uf: DisjointSet[str], cands: list[Candidate], counts: Counter, people: list[str]) -> None:
    """A one-letter slip of a name seen elsewhere in the set joins that name.

    Only a rare form joins a common one (a typo is seldom repeated), unless the other form
    is a lexicon name; two forms both used twice or more are two names.
    """
    forms: dict[str, str] = {}  # folded surface or surname → the key it stands for
    for c in sorted(cands, key=lambda c: c.key):
        forms.setdefault(fold(c.text), c.key)
    surnames = set()
    for full in people:
        forms.setdefault(full.split()[-1], full)
        surnames.add(full.split()[-1])
    # Only forms with the same first letter and a length within one can be one slip away.
    buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
    for form in sorted(forms):
        buckets[(form[:1], len(form))].append(form)
    for key in sorted(counts):
        if ":" in key:
            continue
        near = [f for n in (-2, -1, 0, 1, 2) for f in buckets.get((key[:1], len(key) + n), ())]
        for form in sorted(near):
            target = forms[form]
            if target == key or uf.find(target) == uf.find(key):
                continue
            # A surname alone, or a full name with the same first name, that differs by one
            # letter from a full name's surname: a slip or a transliteration ("Dmitriev" /
            # "Dmitriyev"), whatever the counts; the full name is the anchor. Such surnames
            # may also differ by more, if they stay alike ("Kesslerman" / "Kelsserman").
            single = " " not in key and form in surnames and key not in surnames
            same_first = " " in key and " " in form and target in people and (
                key.split()[0] == form.split()[0]
            )
            if not is_typo(key, form) and not (
                (single or same_first) and is_spelling_variant(key.split()[-1], form.split()[-1])
            ):
                continue
            lexical = ":" in target
            n_target = sum(n for k, n in counts.items() if uf.find(k) == uf.find(target))
            surname = (single or same_first) and " " in target
            if lexical or surname or (counts[key] == 1 and n_target >= 2) or (
                n_target >= 3 * counts[key]
            ):
                uf.union(key, target)
                break


def _join_acronyms(uf: DisjointSet[str], cands: list[Candidate], counts: Counter) -> None:
    """"UNIFIL"-style acronyms join the organisation whose initials they are."""
    orgs = {c.key: c.text for c in cands if c.label == "ORG" and ":" not in c.key}
    acronyms = {c.key: c.text for c in cands if c.label == "ORG" and c.text.isupper() and ":" not in c.key}
    for akey, acronym in sorted(acronyms.items()):
        for org_key, name in sorted(orgs.items()):
            if org_key != akey and " " in name and initials(name.split()) == acronym.replace(".", ""):
                uf.union(akey, org_key)
                break
