"""Name forms: the keys under which surface forms merge, and how a social handle spells a name.

Every way a text spells one name must fold to one key: accents and transliterations
(``Sánchez`` / ``Sanchez``, ``Türkiye`` / ``Turkiye``) fold with :mod:`unidecode`, the
possessive and a leading article are dropped, dots vanish (``U.S.`` → ``us``). Typos are
matched with the optimal-string-alignment distance of :mod:`rapidfuzz` (one deletion,
insertion, substitution or swap of two neighbours: ``Sánchezz``, ``Natinoal``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Iterable

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from unidecode import unidecode

if TYPE_CHECKING:
    from generator.model import Actor

_POSSESSIVE = re.compile(r"[’'`]s?$")
_EDGE_JUNK = re.compile(r"^[^\w@(]+|[^\w.)]+$")
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w@\s-]")
_SPACES = re.compile(r"\s+")

# A typo is only believed on names long enough that one slip cannot turn one real name
# into another ("Iran" / "Iraq").
TYPO_MIN_LENGTH = 5
# A spelling variant of a surname ("Kesslerman" / "Kelsserman": a letter moved two places)
# is believed only on long names, by normalised similarity rather than a slip count.
VARIANT_MIN_LENGTH = 7
VARIANT_MIN_RATIO = 88
# How alike (rapidfuzz ratio) a handle must be to one of a name's handle forms.
MIN_HANDLE_SIMILARITY = 85


@lru_cache(maxsize=1 << 16)  # pure and called for every entity and every look-up
def clean_surface(text: str) -> str:
    """The surface form without edge punctuation, emoji, a leading "the" or a possessive."""
    text = _EDGE_JUNK.sub("", _SPACES.sub(" ", text).strip())
    if text.count("(") > text.count(")"):  # "World Health Organisation (WHO"
        text = text.split("(")[0] if not text.startswith("(") else text.replace("(", "")
    elif text.count(")") > text.count("("):
        text = text.replace(")", "")
    text = _POSSESSIVE.sub("", text)
    text = _ARTICLE.sub("", text)
    text = _EDGE_JUNK.sub("", text)
    # A dot that ends a name is sentence punctuation unless the name is an abbreviation.
    if text.endswith(".") and not re.search(r"\b\w\.\w\.$", text):
        text = text[:-1]
    return text.strip()


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """The matching key of a name: ASCII, lower case, no dots, possessives or articles.

    >>> fold("the Türkiye’s")
    'turkiye'
    >>> fold("U.S.")
    'us'
    """
    text = clean_surface(text)
    text = unidecode(text).casefold().replace(".", "")
    text = _NOT_WORD.sub(" ", text)
    return _SPACES.sub(" ", text).strip()


def without_particles(key: str, particles: frozenset[str]) -> str:
    """A folded name without its leading ``particles``: "van der vaart" → "vaart".

    A surname written with its particles ("von der Leyen", "bin Salman") is still a surname
    alone; "al-rashidi" keeps its hyphen, as the full name does.
    """
    words = key.split()
    while len(words) > 1 and words[0] in particles:
        words = words[1:]
    return " ".join(words)


def compact(text: str) -> str:
    """``fold`` without spaces, hyphens or underscores, for comparing social handles."""
    return re.sub(r"[\s_-]+", "", fold(text.lstrip("@")))


def has_diacritics(text: str) -> bool:
    """True when ``text`` holds a letter outside ASCII (the properly accented spelling)."""
    return any(ord(c) > 127 and c.isalpha() for c in text)


def is_typo(a: str, b: str) -> bool:
    """True when folded keys ``a`` and ``b`` differ by exactly one slip.

    Both must be at least :data:`TYPO_MIN_LENGTH` long and start with the same letter
    (a first-letter slip is rare in print, a different first letter usually a different
    name: "Jordan" / "Gordon").
    """
    if a == b or min(len(a), len(b)) < TYPO_MIN_LENGTH or a[0] != b[0]:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


def is_spelling_variant(a: str, b: str) -> bool:
    """True when folded surnames ``a`` and ``b`` are two spellings of one name.

    One slip (:func:`is_typo`), or on names of :data:`VARIANT_MIN_LENGTH` letters or more
    with the same first letter, a :func:`rapidfuzz.fuzz.ratio` of at least
    :data:`VARIANT_MIN_RATIO` (a letter moved two places is two edits, but 90 %% alike).
    Callers must only compare surnames whose given names do not conflict.
    """
    if is_typo(a, b):
        return True
    if a == b or min(len(a), len(b)) < VARIANT_MIN_LENGTH or a[0] != b[0]:
        return False
    return fuzz.ratio(a, b) >= VARIANT_MIN_RATIO


def initials(words: list[str]) -> str:
    """First letters of the capitalised words, skipping function words ("of", "the")."""
    skip = {"of", "the", "and", "for", "on", "in", "de", "du", "des", "la", "le", "&"}
    return "".join(w[0] for w in words if w and w.casefold() not in skip and w[0].isalpha()).upper()


def handle_forms(name: str) -> set[str]:
    """Strings a social handle of the person ``name`` is commonly built from.

    For "José Luis Sánchez": ``joseluissanchez`` (all, no spaces), ``sanchez``,
    ``josesanchez``, ``jlsanchez`` (initials + surname), ``jsanchez``…
    """
    words = fold(name).replace("-", " ").split()
    if not words:
        return set()
    last = words[-1]
    forms = {"".join(words), last}
    if len(words) > 1:
        first = words[0]
        forms |= {
            first + last,
            "".join(w[0] for w in words[:-1]) + last,
            first[0] + last,
            first + last[0],
            last + first,
        }
    return forms


def match_handle(handle: str, actors: Iterable["Actor"]) -> str | None:
    """The actor whose name the handle spells, exactly or closely (one best, no ties)."""
    h = compact(handle)
    if len(h) < 3:
        return None
    scored = []
    for a in actors:
        forms = handle_forms(a.name) if a.kind == "person" else {compact(a.name)}
        if h in forms:
            return a.name
        best = max((fuzz.ratio(h, f) for f in forms), default=0)
        scored.append((best, a.name))
    scored.sort(reverse=True)
    if scored and scored[0][0] >= MIN_HANDLE_SIMILARITY and (
        len(scored) == 1 or scored[1][0] < scored[0][0]
    ):
        return scored[0][1]
    return None
