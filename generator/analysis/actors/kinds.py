"""Kinds and filters: what a surface form or a merged group of them is, if an actor at all.

Cues read while collecting: a junk or calendar word is no name (:func:`plausible_name`),
a name after "the town of" is a place (:func:`after_place_noun`), a corporate last word or
an introducing noun says organisation (:func:`organisation_cue`), "the X" is a thing, not a
person (:func:`determined`), a plural NORP is a group of people (:func:`group_noun`).

After merging, the kind is a vote of spaCy's labels and these cues (a title before a name
votes person, an organisation cue outvotes a PERSON tag). Groups that are no actors are
dropped: common nouns ("Sulphur" / "sulphur"), things the model called people ("the Orbital
Express"), and one-word generic names ("the Alliance") that join their organisation.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from generator.analysis.actors.candidates import Candidate
from generator.analysis.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.actors.gazetteer import Gazetteer

ARTICLES = frozenset({"the", "a", "an"})
NOUN_POS = frozenset({"NOUN", "PROPN"})
# Classes of entity_heads.tsv: a last word that makes a name an organisation, and the
# common nouns that introduce one ("the company X", "the carrier X").
ORG_LAST = frozenset({"organisation", "generic"})
ORG_INTRO = frozenset({"organisation", "generic", "descriptor"})
# Determiners and possessives that may stand before the introducing noun.
_INTRO_DETS = frozenset({"the", "a", "an", "its", "their", "his", "her", "state", "state-owned"})


def plausible_name(text: str, lex: Gazetteer) -> bool:
    """False for junk entities: one letter, numbers, dates, lower-case words, handles."""
    if len(text) < 2 or text.startswith("@") or not any(c.isupper() for c in text):
        return False
    words = text.split()
    if not any(c.isalpha() for c in text) or text[0].isdigit() or words[-1].isdigit():
        return False
    if any(c.isdigit() for c in text) and not lex.organisation(text):
        return False  # model numbers and codes: "A320", "XR-7" (but "G7" is a body)
    lead = re.split(r"[-\s]", text, maxsplit=1)[0]
    if not text[0].isupper() and lead.lower() not in lex.name_particles:
        return False  # "pro-Brussels": an adjective, not a name
    return fold(text) not in lex.calendar


def after_place_noun(span: "Span", lex: Gazetteer) -> bool:
    """True for a name introduced as a place: "the town of X", "the city of X"."""
    doc, i = span.doc, span.start
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in lex.place_nouns


def organisation_cue(span: "Span", lex: Gazetteer) -> bool:
    """True when the words of ``span`` or the noun before it make it an organisation."""
    words = fold(span.text).split()
    if len(words) >= 2 and lex.heads.get(words[-1]) in ORG_LAST:
        return True
    return _introduced(span, lex)


def _introduced(span: "Span", lex: Gazetteer) -> bool:
    """"the port operator X", "the company X", "the airline, X,": a noun of companies."""
    doc = span.doc
    root = span.root
    # Apposition: "the port operator Meridian Terminals" parses the name as an appos of
    # "operator" (or the noun as a compound of the name); either way the noun is adjacent.
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return False
    noun = doc[i]
    if not noun.is_lower or noun.pos_ != "NOUN" or lex.heads.get(noun.lower_) not in ORG_INTRO:
        return False
    linked = (root.dep_ == "appos" and root.head.i == noun.i) or (
        noun.dep_ in {"compound", "nmod"} and noun.head.i in range(span.start, span.end)
    ) or noun.head.i == root.i
    if not linked and doc[span.start - 1].text != ",":
        # The parse did not tie them, but "the company X" with a determiner is clear.
        j = noun.i - 1
        while j >= 0 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"}:
            j -= 1
        linked = j >= 0 and doc[j].lower_ in _INTRO_DETS
    return linked


def determined(span: "Span") -> bool:
    """True for a name after "the"/"a" that heads its phrase ("the Orbital Express").

    A person's name takes no article, except as a modifier ("the Ana Lopes video", "a
    Tom Reyes print") or a family in the plural ("the Smiths").
    """
    doc, root = span.doc, span.root
    first = span[0] if span[0].lower_ in ARTICLES else (doc[span.start - 1] if span.start else None)
    if first is None or first.lower_ not in ARTICLES:
        return False
    if root.dep_ in {"compound", "amod", "nmod", "poss", "conj"} or root.tag_ == "NNPS":
        return False
    # "a Mara Holt and Tom Reyes exhibit": a coordinated modifier, parsed loosely.
    return not any(child.dep_ == "conj" for child in root.children)


def group_noun(root) -> bool:
    """A NORP word used as a noun for people: "Peruvians", "the Sami", "One Sami".

    Not an adjective ("French President", "mainly Catholic"): a group noun is plural or
    has a determiner or number before it.
    """
    if root.pos_ not in NOUN_POS or root.dep_ in {"amod", "compound", "nmod", "acomp", "attr", "npadvmod"}:
        return False
    prev = root.doc[root.i - 1] if root.i > 0 else None
    counted = prev is not None and prev.pos_ in {"DET", "NUM"}
    return root.tag_ in {"NNS", "NNPS"} or root.text.endswith("s") or counted


def is_common_noun(word: str, counts: Counter) -> bool:
    """True when the set writes ``word`` in lower case at least as often as capitalised.

    A name is written with a capital everywhere; a common noun only at the start of a
    sentence or in a heading, which is where the model mistakes it for a name.
    """
    if not word.isalpha() or word.isupper() or not word[:1].isupper():
        return False
    lower = counts.get(word.lower(), 0)
    return lower >= 2 and lower >= counts.get(word, 0)


# --------------------------------------------------------------------------- groups


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

    "the Orbital Express" is no person, so neither is "Orbital Express Vega"; a title
    before the name ("Prince …") keeps it a person.
    """
    things = sorted(r for r, m in groups.items() if kinds[r] is None and any(c.label == "THING" for c in m))
    for root, members in groups.items():
        if kinds[root] != "person" or any(c.person for c in members):
            continue
        if any(root.startswith(t + " ") for t in things):
            kinds[root] = None


def drop_common_nouns(groups: dict[str, list[Candidate]], words: Counter) -> None:
    """Drop one-word "names" the set writes in lower case as well ("Sulphur" / "sulphur").

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
    one-word "person" that is never the subject of a clause ("on Bluesky", "Firefox's share")
    is a product or a place; a name made of words the set also writes in lower case
    ("Orbital Express" beside "an orbital express") is a thing, and so is a name that begins
    with it ("Orbital Express Vega").
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
    first word is another person's surname ("Reyes Polaroid") is no given name.
    """
    if root.startswith("country:"):
        return "country"
    if root.startswith("org:"):
        return "organisation"
    votes: Counter = Counter()
    # A full name tagged PERSON outvotes what the model calls its bare surname ("Holt"
    # ORG, "Lima" GPE): a lone surname is the model's usual slip.
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
