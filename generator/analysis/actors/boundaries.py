"""Entity boundaries the small model draws wrong, redrawn before any name is read.

The model cuts a person's name at its particles ("Lena van der | Vaart"), or takes a title,
its place and its holder as one entity ("Mayor of Oakridge Tom Bell"). These rules widen
or split the entities of one article; :mod:`.collect` reads the result.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from generator.analysis.actors.names import fold
from generator.analysis.document import doc_index

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



# "Governor of X", "Director for X": the words that tie a title to what it is the title of.
_TITLE_OF = frozenset({"of", "for"})


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
        if start in title_at and title_at[start].end < ent.end and doc[title_at[start].end].lower_ in _TITLE_OF:
            start = title_at[start].end + 1  # the title is inside the entity
        elif not (start >= 2 and doc[start - 1].lower_ in _TITLE_OF and (start - 2) in title_at):
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
    if i == ent.start or i < 2 or doc[i - 1].lower_ not in _TITLE_OF or (i - 2) not in title_at:
        return []
    if before and before[-1].end > i:
        return []
    place = doc[i : ent.start]
    label = "ORG" if fold(place[-1].text) in lex.heads or lex.organisation(place.text) else "GPE"
    return [Span(doc, i, ent.start, label=label)]


# Credit separators: "Jane Roe / Agency / Agency" under a photo.
_CREDIT = re.compile(r"\s/\s|\s/$|^/\s")
# What may follow a comma inside one name: "Acme, Inc.", "Tom Bell, Jr.".
_NAME_AFTER_COMMA = re.compile(r",\s*(?:inc|ltd|llc|plc|co|corp|jr|sr|[ivx]+)\b\.?", re.IGNORECASE)
# After a dateline's place: "OAKVALE, May 3 (Agency) –", "OAKVALE (Agency) -".
_DATELINE_TAIL = re.compile(r"[ \t]*(?:,|\(|—|–|-{1,2}\s)")


def no_mention(ent: "Span", lex: "Gazetteer") -> bool:
    """True for an entity that is page furniture or a broken name, not a mention of an actor.

    A photo credit ("Jane Roe / Agency"), a thing named by the noun after it (:data:`thing_nouns`: "the Fleet Tracking system"), a list the model took as one name ("Oakvale,
    Millbrook"), a dateline's place in capitals at the start of a line ("OAKVALE, May 3
    (Agency) –": where the story was filed, not who acts), and a name cut by the end of an
    excerpt (the last word of the text, with no punctuation after it: "the WH").
    """
    doc, text = ent.doc, ent.text
    full = doc_index(doc).text  # doc.text joins every token on each read
    if _CREDIT.search(text) or (ent.end < len(doc) and doc[ent.end].text == "/"):
        return True
    after = doc[ent.end] if ent.end < len(doc) else None
    if after is not None and after.is_lower and after.lower_ in lex.thing_nouns and ent.root.head.i == after.i:
        return True  # "the Fleet Tracking system": a thing
    if "," in text and not _NAME_AFTER_COMMA.search(text):
        return True
    at_line_start = ent.start_char == 0 or full[ent.start_char - 1] == "\n"
    letters = [c for c in text if c.isalpha()]
    if at_line_start and len(letters) >= 4 and text.isupper() and _DATELINE_TAIL.match(full, ent.end_char):
        return True
    return not full[ent.end_char :].strip() and ent[-1].is_alpha


# Small words inside an organisation's name: "Department of Works and Highways", "Gazette dello
# Sport". A name the model cut before one of them goes on over the capitalised words after it.
_INNER_WORDS = frozenset({"of", "for", "and", "&", "de", "del", "della", "dello", "di", "du", "des"})
# "and" joins two names as often as it sits inside one: only inside a long institutional
# name ("Department of X and Y"), one that already holds "of" or "for".
_AND_WORDS = frozenset({"and", "&"})
# Generational suffixes that end a person's name ("Tom Bell Jr.", "Henry Ford III").
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"})
_MAX_WIDEN = 6


def _free_word(doc, i: int, ent_at: dict, title_at: dict) -> bool:
    """True for a capitalised word at ``i`` outside any entity and title."""
    if not 0 <= i < len(doc):
        return False
    tok = doc[i]
    return tok.is_title and tok.is_alpha and i not in ent_at and i not in title_at and not tok.is_sent_start


def _widen_org(ent: "Span", ent_at: dict, title_at: dict) -> int:
    """The end of an organisation's name the model cut before "of"/"and" + capitalised words."""
    doc, end = ent.doc, ent.end
    inner = any(t.lower_ in {"of", "for"} for t in ent)
    while end + 1 < len(doc) and end - ent.end < _MAX_WIDEN:
        word = doc[end].lower_
        nxt = end + 1
        if doc[nxt].is_space and doc[nxt].text.count("\n") == 1:
            nxt += 1  # "Ministry of⏎Health": a hard-wrapped line
        if word not in _INNER_WORDS or (word in _AND_WORDS and not inner) or "\n" in doc[end - 1].whitespace_:
            break
        if not _free_word(doc, nxt, ent_at, title_at):
            break
        end = nxt + 1
        while _free_word(doc, end, ent_at, title_at) and end - ent.end < _MAX_WIDEN:
            end += 1
        inner = True
    return end


def _widen_person(ent: "Span", ent_at: dict, title_at: dict) -> tuple[int, int]:
    """A person's name with the given names and surname the model left out on either side.

    "Ana Lucia | Reyes", "Tomas | Ortiz Lima IV": capitalised words bound to the name as
    compounds (before it) or standing right after it, outside any entity or title.
    """
    doc, start, end = ent.doc, ent.start, ent.end
    while (
        start - 1 >= 0 and _free_word(doc, start - 1, ent_at, title_at) and doc[start - 1].dep_ == "compound"
        and doc[start - 1].pos_ == "PROPN" and start <= doc[start - 1].head.i < end and ent.start - start < 2
    ):
        start -= 1
    if _nickname_at(doc, end, ent_at, title_at):
        end += 4  # 'Barbara "Babs" Lane': the nickname in quotes, then the surname
    while end < len(doc) and end - ent.end < 2 and not doc[end - 1].whitespace_.count("\n") and (
        _free_word(doc, end, ent_at, title_at) and doc[end].pos_ == "PROPN"
        or doc[end].lower_ in _SUFFIXES and doc[end].text[:1].isupper()
    ):
        end += 1
    return start, end


_QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})


def _nickname_at(doc, i: int, ent_at: dict, title_at: dict) -> bool:
    """True for a quoted nickname and a surname at ``i``: ' "Babs" Lane'."""
    if i + 3 >= len(doc) or doc[i].text not in _QUOTES or doc[i + 2].text not in _QUOTES:
        return False
    nick, last = doc[i + 1], doc[i + 3]
    tagged = ent_at.get(i + 3)
    return nick.is_title and nick.is_alpha and last.is_title and last.is_alpha and i + 3 not in title_at and (
        tagged is None or tagged.label_ == "PERSON" and tagged.start == i + 3
    )


def widen_names(ents: list, title_at: dict, governing: frozenset[str] = frozenset()) -> list:
    """The entities with the words of their names the model left out put back.

    An organisation cut before "of"/"and" ("the Department of Works | and Highways"), a person
    cut inside a long name ("Ana Lucia | Reyes"); see :func:`_widen_org`, :func:`_widen_person`.
    """
    from spacy.tokens import Span

    ent_at = {i: e for e in ents for i in range(e.start, e.end)}
    out: list = []
    for ent in ents:
        if out and ent.end <= out[-1].end:
            continue  # swallowed by the name before it
        start, end = ent.start, ent.end
        if ent.label_ in {"ORG", "FAC"}:
            end = _widen_org(ent, ent_at, title_at)
        elif ent.label_ == "PERSON" or ent.label_ == "ORG" and len(ent) >= 2:
            start, end = _widen_person(ent, ent_at, title_at)
        label = ent.label_
        nxt = ent.doc[end] if end < len(ent.doc) else None
        if label in {"PERSON", "ORG"} and nxt is not None and nxt.lower_ in governing and nxt.is_lower and (
            ent.root.head.i == nxt.i
        ):
            end, label = end + 1, "ORG"  # "the Reyes administration": a body, not the person
        if out and start < out[-1].end:
            start = ent.start
        if (start, end) == (ent.start, ent.end):
            out.append(ent)
        else:
            out.append(Span(doc=ent.doc, start=start, end=end, label=label))
            for i in range(start, end):
                ent_at[i] = out[-1]
    return out
