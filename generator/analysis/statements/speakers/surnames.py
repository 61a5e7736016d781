"""A bare surname as speaker becomes the one full name the article or the index gives it."""
from __future__ import annotations

from typing import Iterable

from unidecode import unidecode

from generator.analysis.statements.speakers.facts import IndexLike


def full_names(speakers: Iterable[str], index: IndexLike) -> dict[str, str]:
    """Speaker → full name, for each one-word speaker ("Lenk says …") that exactly one full name
    among ``speakers`` and the index's people ends in ("Arvid Lenk"), where the actor index did
    not link the two."""
    speakers = set(speakers)
    names = speakers | {a.name for a in index.actors if a.kind == "person"}
    by_last: dict[str, set[str]] = {}
    for name in names:
        words = name.split()
        if len(words) >= 2 and words[-1][:1].isupper():
            by_last.setdefault(_fold(words[-1]), set()).add(name)
    out = {}
    for speaker in speakers:
        full = by_last.get(_fold(speaker), set()) if len(speaker.split()) == 1 else set()
        if len(full) == 1:
            out[speaker] = next(iter(full))
    return out


def _fold(word: str) -> str:
    return unidecode(word).casefold()
