"""A part of a name as speaker becomes the one full name the article or the index gives it."""
from __future__ import annotations

from typing import Iterable

from unidecode import unidecode

from generator.analysis.statements.speakers.facts import IndexLike, per_index

# generational suffixes: "… Ortega IV" is still "Ortega", "… Lenk Jr." still "Lenk"
_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "v"}


def full_names(speakers: Iterable[str], index: IndexLike) -> dict[str, str]:
    """Speaker → full name, where the actor index did not link the two.

    A speaker that is the end ("Lenk Ruiz"), a surname ("Lenk", "Ruiz") or the first names ("Arvid Lenk") of
    exactly one longer name ("Arvid Lenk Ruiz IV") becomes that name. The index's people are
    asked first, the other speakers only for a part no person of the index has; a person of
    the index keeps its name.
    """
    speakers = set(speakers)
    known, people = per_index(index, _people)
    others = _parts(sorted(speakers))
    out = {}
    for speaker in sorted(speakers):
        if speaker in known:
            continue  # a person of the index keeps the name the index gives
        key = _fold(_core(speaker))
        full = (people.get(key) or others.get(key) or set()) - {speaker}
        if len(full) == 1:
            name = next(iter(full))
            if len(_core(name)) > len(_core(speaker)):
                out[speaker] = name
    return out


def _people(index: IndexLike) -> tuple[frozenset[str], dict[str, set[str]]]:
    """The index's people, and their name parts (:func:`_parts`); once per index."""
    known = sorted({a.name for a in index.actors if a.kind == "person"})
    return frozenset(known), _parts(known)


def _parts(names: list[str]) -> dict[str, set[str]]:
    """Folded name parts (its ends, any word after the first, its first two or more names) → the
    names that have them."""
    parts: dict[str, set[str]] = {}
    for name in names:
        core = _core(name)
        if len(core) < 2 or not core[-1][:1].isupper():
            continue
        for k in range(1, len(core)):
            parts.setdefault(_fold(core[k:]), set()).add(name)
            parts.setdefault(_fold(core[k : k + 1]), set()).add(name)  # one of two surnames
            if k >= 2:
                parts.setdefault(_fold(core[:k]), set()).add(name)
    return parts


def _core(name: str) -> list[str]:
    words = name.split()
    while len(words) > 1 and words[-1].lower().rstrip(",") in _SUFFIXES:
        words = words[:-1]
    return words


def _fold(words: list[str]) -> str:
    return unidecode(" ".join(words)).casefold()
