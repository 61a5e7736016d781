"""Entity boundaries the small model draws wrong, redrawn before any name is read.

The model cuts a person's name at its particles ("Lena van der | Vaart"), or takes a title,
its place and its holder as one entity ("Mayor of Oakridge Tom Bell"). These rules widen
or split the entities of one article; :mod:`.collect` reads the result.
"""
from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from generator.analysis.actors.names import fold

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.actors.gazetteer import Gazetteer


def _particle_run(doc, i: int, step: int, particles: frozenset[str]) -> int:
    """How many name particles ("von der", "bin", "al -") run from token ``i`` on."""
    n = 0
    while 0 <= i < len(doc) and (
        doc[i].lower_ in particles or doc[i].text == "-" and n and not doc[i].whitespace_
    ):
        n, i = n + 1, i + step
    return n



def with_particles(ents, particles: frozenset[str]) -> list:
    """The entities with the particles of person names put back into them.

    The small model cuts a name at its particles: "Ursula von der | Leyen" (the surname may
    be tagged a place), "Van der | Berg". A person's name ending in particles takes the
    capitalised word after them; a surname right after particles takes them, if they are
    written in lower case or open the sentence, and then it names a person. An entity
    swallowed by such a name is dropped.
    """
    from spacy.tokens import Span

    if not ents:
        return []
    doc = ents[0].doc
    out: list = []
    taken = -1  # last token of the previous name widened to the right
    for ent in ents:
        if ent.start <= taken:
            continue
        start, end, label = ent.start, ent.end, ent.label_
        if label == "PERSON":
            back = 0
            while back < len(ent) - 1 and ent[len(ent) - 1 - back].lower_ in particles:
                back += 1
            run = back + _particle_run(doc, end, 1, particles)
            nxt = ent.end + run - back
            if run and nxt < len(doc) and doc[nxt].is_title and doc[nxt].is_alpha:
                end = nxt + 1  # "Ursula von der" + "Leyen"
        run = _particle_run(doc, start - 1, -1, particles)
        if run and label in {"PERSON", "GPE", "ORG", "NORP"} and len(ent) == 1 and ent[0].is_title:
            first = doc[start - run]
            if first.is_lower or first.is_sent_start or (first.i and doc[first.i - 1].is_punct):
                # "von der | Leyen" (tagged a place), "Van der | Berg"; an organisation keeps
                # its label ("al- | Haraka" would be a body, not a person).
                start, label = start - run, "ORG" if label == "ORG" else "PERSON"
        if (start, end, label) == (ent.start, ent.end, ent.label_):
            out.append(ent)
        else:
            out.append(Span(doc, start, end, label=label))
            taken = end - 1
    return out



def _name_tail(span: "Span", particles: frozenset[str]) -> int:
    """Where a person's name starts at the end of ``span``: a given name, particles, a
    surname ("Tom Bell", "Ahmed al-Rashidi"); -1 if the end is no such name."""
    doc, i = span.doc, span.end - 1
    if not (doc[i].is_title and doc[i].is_alpha):
        return -1
    i -= 1 + _particle_run(doc, i - 1, -1, particles)  # "al -", "von der"
    if i < span.start + 1 or not (doc[i].is_title and doc[i].is_alpha and doc[i].pos_ == "PROPN"):
        return -1  # the qualifier needs a word of its own
    return i



def split_title_of(ents: list, title_at: dict, lex: Gazetteer, words: Counter) -> list:
    """Split "<Title> of <Place> <Given> <Surname>" the model took as one entity.

    "Governor of Ruritania Tom Bell", "Mayor of Oakridge Lena Hart": the model
    may tag the place and the name as one ORG or PERSON (with or without the title). The
    place becomes the title's qualifier (GPE, or ORG after an organisation's head word) and
    the last words the holder's name, so the title is kept as the role, not in the name.
    Not split: a name used as a modifier ("the National Salt Intake study"), a place
    part with lower-case words ("Office for Safety of …"), a tail the set writes in lower
    case.
    """
    from spacy.tokens import Span

    out: list = []
    for ent in ents:
        doc, start = ent.doc, ent.start
        if start in title_at and title_at[start].end < ent.end and doc[title_at[start].end].lower_ == "of":
            start = title_at[start].end + 1  # the title is inside the entity
        elif not (start >= 2 and doc[start - 1].lower_ == "of" and (start - 2) in title_at):
            out += [*_untagged_place(ent, title_at, lex, out), ent]
            continue
        if start < ent.end and doc[start].lower_ == "the":
            start += 1
        tail = _name_tail(doc[start : ent.end], lex.name_particles)
        whole = doc[start : ent.end].text
        if (
            ent.label_ not in {"PERSON", "ORG", "GPE"} or tail < 0 or lex.country(whole)
            or lex.organisation(whole) or ent.root.dep_ in {"compound", "amod", "nmod"}
            or not all(t.is_title for t in doc[start:tail])
            or any(words.get(t.lower_) or t.lower_ in lex.heads for t in doc[tail : ent.end])
        ):
            out.append(ent)
            continue
        place = doc[start:tail]
        label = "ORG" if fold(place[-1].text) in lex.heads or lex.organisation(place.text) else "GPE"
        out += [Span(doc, start, tail, label=label), Span(doc, tail, ent.end, label="PERSON")]
    return out



def _untagged_place(ent: "Span", title_at: dict, lex: Gazetteer, before: list) -> list:
    """The qualifier the model left untagged in "<Title> of <Words> <PERSON>".

    "Chief Executive of Meridian Ports Karl Olsen": the capitalised words between "of" and
    the person name the body or place whose title the person holds.
    """
    from spacy.tokens import Span

    doc, i = ent.doc, ent.start
    if ent.label_ != "PERSON" or (before and before[-1].end > i - 1):
        return []
    while i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and (i - 1) not in title_at:
        i -= 1
    if i == ent.start or i < 2 or doc[i - 1].lower_ != "of" or (i - 2) not in title_at:
        return []
    if before and before[-1].end > i:
        return []
    place = doc[i : ent.start]
    label = "ORG" if fold(place[-1].text) in lex.heads or lex.organisation(place.text) else "GPE"
    return [Span(doc, i, ent.start, label=label)]
