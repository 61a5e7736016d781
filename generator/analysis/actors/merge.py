"""Keys and merging: which surface forms of a set name one actor.

Every candidate gets a key — a country of the lexicon (``country:``), a well-known
organisation (``org:``), or its :func:`~.names.fold` — and keys are joined (one
:class:`~generator.util.unionfind.DisjointSet`, where a lexicon key always stays the root)
when one is the other's surname or first name, a slip or spelling variant of a name seen
elsewhere, an acronym given in brackets or spelling the initials, or the shorter form of a
longer organisation name ("Nordvik" / "Nordvik Motors").
"""
from __future__ import annotations

import re
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
        elif c.label in {"LOC", "FAC"} and not c.person and not c.org and lex.head_class(key) != "institution":
            continue
        elif lex.head_class(key) in {"venue", "event"} and not c.person:
            continue  # a venue or an event, not an actor
        else:
            org = lex.organisation(c.text)
            c.key = okey(org) if org else key
        out.append(c)
    _one_country_for_short_names(out)
    return out


def _one_country_for_short_names(cands: list[Candidate]) -> None:
    """A bare short name ("Korea") is the country of the set that ends so ("South Korea").

    The lexicon gives a short name to one country; when the set names another country whose
    name ends with that word, and never the first one in full, the short form is the other.
    """
    named = {fold(c.text) for c in cands}
    countries = sorted({c.key for c in cands if c.key.startswith("country:")})
    for c in cands:
        short = fold(c.text)
        if not c.key.startswith("country:") or " " in short or fold(c.key[8:]) in named:
            continue
        others = [k for k in countries if k != c.key and fold(k[8:]).split()[-1] == short]
        if len(others) == 1:
            c.key = others[0]


def merge(cands: list[Candidate], got: Collected, lex: Gazetteer) -> DisjointSet[str]:
    """Join the keys that name one actor (see the module docstring)."""
    counts = Counter(c.key for c in cands)
    uf = DisjointSet(sorted(counts), prefer=_lexicon_root)
    person_votes = Counter(c.key for c in cands if c.label == "PERSON" or c.person)
    people = sorted((k for k in counts if " " in k and person_votes[k]), key=lambda k: (-counts[k], k))
    orgs = Counter(c.key for c in cands if c.label == "ORG" or c.org)
    _join_surnames(uf, counts, people, lex.name_particles, {k for k in counts if 2 * orgs[k] > counts[k]})
    _join_typos(uf, cands, counts, people)
    key_of = {}
    for c in cands:
        key_of.setdefault(fold(c.text), c.key)
    for long, short in got.pairs:
        # "Libre" may only be written as "the Libre Party": the short form and a generic head.
        shorts = [short] if short in key_of else [
            k for k in sorted(key_of) if k.startswith(short + " ") and lex.heads.get(k[len(short) + 1 :]) == "generic"
        ]
        if long in key_of:
            for s in shorts:
                uf.union(key_of[s], key_of[long])
    _join_acronyms(uf, cands, lex, {short: long for long, short in got.pairs})
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
    names = {fold(c.text) for c in cands} | set(counts)
    places = Counter(c.key for c in cands if c.label in {"GPE", "LOC", "FAC"})
    for key in short:  # "Nordvik" → "Nordvik Motors" when only one name starts so
        if 2 * places[key] > counts[key]:
            continue  # a place ("Ruritania") does not shorten the body named after it
        longer = [o for o in orgs if o.startswith(key + " ") and not _product_of(o, key, names, lex)]
        legal = [o for o in longer if all(lex.heads.get(w) == "legal" for w in o[len(key):].split())]
        for o in legal or longer[:1] if len(longer) == 1 or legal else ():
            uf.union(key, o)  # "Acme Inc" and "Acme Corporation" are "Acme" whatever else starts so
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


def _product_of(longer: str, key: str, names: set[str], lex: Gazetteer) -> bool:
    """True for "<Maker> <Product>" ("Acme Skyrunner"): what follows the maker's name is a
    name of its own in the set ("the Skyrunner"), and no organisation's last word."""
    rest = longer[len(key) + 1 :]
    return rest in names and lex.head_class(rest) is None


def _join_surnames(
    uf: DisjointSet[str], counts: Counter, people: list[str], particles: frozenset[str], bodies: set[str]
) -> None:
    """"Sanchez" → "Jose Luis Sanchez"; "Jose Sanchez" → the longest matching name.

    ``bodies`` are keys mostly tagged as organisations: "Acme" is no first name of "Acme
    Skyrunner", whatever the model tagged the longer name.
    """
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
                or _run_of(words, fw)
            ):
                uf.union(key, full)
                break
    # A first name alone ("Daniel") joins the one full name that starts with it.
    surnames = {p.split()[-1] for p in people}
    for key in sorted(counts):
        if " " in key or ":" in key or key in surnames or key in bodies or uf.find(key) != key:
            continue
        firsts = [p for p in people if p.split()[0] == key]
        if len(firsts) == 1:
            uf.union(key, firsts[0])


def _run_of(words: list[str], full: list[str]) -> bool:
    """True when ``words`` (two or more) stand together inside ``full``: "Ortiz Lima IV" in
    "Tomas Ortiz Lima IV", "Babs Lane" in "Barbara Babs Lane" (a nickname)."""
    n = len(words)
    return n >= 2 and any(full[i : i + n] == words for i in range(1, len(full) - n + 1))


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
    # mentions of each group, kept up to date at each union (a sum over every name per pair
    # would cost the square of the number of names)
    totals: dict[str, int] = defaultdict(int)
    for k, n in counts.items():
        totals[uf.find(k)] += n
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
            n_target = totals[uf.find(target)]
            surname = (single or same_first) and " " in target
            if lexical or surname or (counts[key] == 1 and n_target >= 2) or (
                n_target >= 3 * counts[key]
            ):
                roots = uf.find(key), uf.find(target)
                totals[uf.union(key, target)] = sum(totals.pop(r, 0) for r in roots)
                break


def _join_acronyms(uf: DisjointSet[str], cands: list[Candidate], lex: Gazetteer, defined: dict[str, str]) -> None:
    """"UNIFIL"-style acronyms join the organisations whose initials they are.

    The initials are taken with and without the small words ("DOH" = Department of Health,
    "DH" too) and "&" ("J&J" = Johnson & Johnson). Names of two nations are never one body:
    "the Irish X Authority" and "the Italian X Authority" share their initials, so an
    acronym the text defines in brackets (``defined``: short → long form) joins no name of
    another nation, and one that fits names of two nations joins none.
    """
    orgs = {c.key: c.text for c in cands if c.label == "ORG" and ":" not in c.key}
    acronyms = {c.key: c.text for c in cands if c.label == "ORG" and c.text.isupper() and ":" not in c.key}
    for akey, acronym in sorted(acronyms.items()):
        letters = re.sub(r"[.&]", "", acronym)
        fits = [
            org_key for org_key, name in sorted(orgs.items())
            if org_key != akey and " " in name and letters in (initials(name.split()), _all_initials(name))
        ]
        nations = {_nation(k, lex) for k in fits} - {None}
        if akey in defined:
            own = _nation(defined[akey], lex)
            fits = [k for k in fits if _nation(k, lex) in (None, own)]
        elif len(nations) > 1:
            continue
        for k in fits:
            uf.union(akey, k)


def _nation(key: str, lex: Gazetteer) -> str | None:
    """The country a folded name's first word names or is the demonym of ("irish x" → Ireland)."""
    first = key.split()[0] if key else ""
    return lex.countries.get(first) or lex.demonyms.get(first)


def _all_initials(name: str) -> str:
    """First letters of every word, small words too: "Department of Health" → "DOH"."""
    return "".join(w[0] for w in name.split() if w[0].isalpha()).upper()
