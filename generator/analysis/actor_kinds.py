"""Kinds and filters: what each merged group of surface forms is, if an actor at all.

The kind is a vote of spaCy's labels and the cues of :mod:`actor_cues` (a title before a
name votes person, an organisation cue outvotes a PERSON tag). Groups that are no actors
are dropped: common nouns ("Iodine"), things the model called people ("the Space
Shuttle"), and one-word generic names ("the Alliance") that join their organisation.
"""
from __future__ import annotations

from collections import Counter

from generator.analysis.actor_cands import Candidate
from generator.analysis.actor_cues import is_common_noun
from generator.analysis.names import Gazetteer, fold


def join_org_nouns(groups: dict[str, list[Candidate]], lex: Gazetteer) -> None:
    """A one-word generic name ("Alliance", "the Bloc") joins the one organisation it can be.

    Otherwise it is dropped: a common noun in capitals is not an actor of its own.
    """
    for root in sorted(groups):
        members = groups[root]
        words = root.split()
        if ":" in root or len(words) != 1 or not all(c.label == "ORG" for c in members):
            continue
        if root not in lex.org_nouns and lex.heads.get(root) != "generic":
            continue
        fits = [r for r in sorted(groups) if r != root and (
            (r.startswith("org:") and r[4:] in lex.org_nouns.get(root, ()))
            or (":" not in r and r.split()[-1] == root and len(r.split()) > 1)
        )]
        if len(fits) == 1:
            groups[fits[0]].extend(members)
        del groups[root]


def things_named_alike(groups: dict[str, list[Candidate]], kinds: dict[str, str | None]) -> None:
    """A "person" whose name starts with the name of a thing is a thing of that kind too.

    "the Space Shuttle" is no person, so neither is "Space Shuttle Atlantis"; a title
    before the name ("Prince …") keeps it a person.
    """
    things = sorted(r for r, m in groups.items() if kinds[r] is None and any(c.label == "THING" for c in m))
    for root, members in groups.items():
        if kinds[root] != "person" or any(c.person for c in members):
            continue
        if any(root.startswith(t + " ") for t in things):
            kinds[root] = None


def drop_common_nouns(groups: dict[str, list[Candidate]], words: Counter) -> None:
    """Drop one-word "names" the set writes in lower case as well ("Iodine" / "iodine").

    The model tags a capitalised common noun at the start of a sentence as a name; a real
    name is capitalised everywhere. A title before it ("Minister Key") keeps it.
    """
    for root in sorted(groups):
        members = groups[root]
        if ":" in root or " " in root or any(c.person or " " in c.text for c in members):
            continue
        if all(is_common_noun(c.text, words) for c in members):
            del groups[root]


def drop_unlikely_people(groups: dict[str, list[Candidate]], words: Counter) -> None:
    """Drop "people" that only the model's PERSON tag makes people, with nothing else for it.

    News introduces a person by full name, a title or an honorific. Without any of these, a
    one-word "person" that is never the subject of a clause ("on Twitter", "Chrome's share")
    is a product or a place; a name made of words the set also writes in lower case
    ("Space Shuttle" beside "the shuttle") is a thing, and so is a name that begins with it
    ("Space Shuttle Atlantis").
    """
    def bare(members: list[Candidate]) -> bool:
        return not any(
            c.label not in {"PERSON", "THING", "NAME", "PRODUCT"} or c.person or c.role or c.org
            for c in members
        ) and any(c.label in {"PERSON", "THING"} for c in members)

    things = []
    for root in sorted(groups):
        members = groups[root]
        if ":" in root or not bare(members):
            continue
        texts = {c.text for c in members}
        if all(" " not in t for t in texts):
            if not any(c.subject for c in members):
                del groups[root]
        elif all(all(words.get(w.lower(), 0) for w in t.split()) for t in texts):
            things.append(root)
            del groups[root]
    for root in sorted(groups):
        if ":" not in root and bare(groups[root]) and any(root.startswith(t + " ") for t in things):
            del groups[root]


def kind_of(root: str, members: list[Candidate], lasts: Counter) -> str | None:
    """person / organisation / country / group by the labels' vote; None for places.

    ``lasts`` counts the last words of the set's multi-word PERSON forms: a name whose
    first word is another person's surname ("Warhol Polaroid") is no given name.
    """
    if root.startswith("country:"):
        return "country"
    if root.startswith("org:"):
        return "organisation"
    votes: Counter = Counter()
    # A full name tagged PERSON outvotes what the model calls its bare surname ("Dewar"
    # ORG, "Paris" GPE): a lone surname is the model's usual slip.
    surnames = {fold(c.text).split()[-1] for c in members if _person_shaped(c, lasts)}
    for c in members:
        if c.org:
            votes["organisation"] += 3
        elif c.person:
            votes["person"] += 2
        elif c.label != "PERSON" and fold(c.text) in surnames and not c.text.isupper():
            continue
        elif c.label == "PERSON":
            votes["person"] += 1
        elif c.label == "ORG":
            votes["organisation"] += 1
        elif c.label == "NORP":  # spaCy often calls a people ORG; its NORP use says more
            votes["group"] += 2
        elif c.label in {"GPE", "LOC", "FAC"}:
            votes["place"] += 1
    order = ["person", "group", "organisation", "place"]
    best = max(order, key=lambda k: (votes[k], -order.index(k)))
    return None if best == "place" or not votes[best] else best


def _person_shaped(c: Candidate, lasts: Counter) -> bool:
    """A PERSON form of two to four capitalised words, the first no surname of the set."""
    words = c.text.split()
    if c.label != "PERSON" or c.org or not 2 <= len(words) <= 4:
        return False
    if not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    return lasts.get(fold(words[0]), 0) == 0
