"""Name normalisation and matching: the keys under which the analysis merges surface forms.

Every way a text spells one name must fold to one key: accents and transliterations
(``Sánchez`` / ``Sanchez``, ``Türkiye`` / ``Turkiye``) fold with :mod:`unidecode`, the
possessive and a leading article are dropped, dots vanish (``U.S.`` → ``us``). Typos are
matched with the optimal-string-alignment distance of :mod:`rapidfuzz` (one deletion,
insertion, substitution or swap of two neighbours: ``Sánchezz``, ``Untied``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA
from unidecode import unidecode

from generator.errors import BriefingError

_POSSESSIVE = re.compile(r"[’'`]s?$")
_EDGE_JUNK = re.compile(r"^[^\w@(]+|[^\w.)]+$")
_ARTICLE = re.compile(r"^(?:the)\s+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[^\w@\s-]")
_SPACES = re.compile(r"\s+")

# Lower-case particles inside person names ("Ursula von der Leyen", "Jan van der Berg",
# "Abdulaziz bin Salman", "Maria da Silva", "Ahmed al-Rashidi"): they belong to the surname.
NAME_PARTICLES = frozenset(
    "von vom zu zum zur van der den ter ten de des del della dello di da do dos das du la le "
    "lo bin bint ibn ben al el".split()
)

# A typo is only believed on names long enough that one slip cannot turn one real name
# into another ("Iran" / "Iraq").
TYPO_MIN_LENGTH = 5
# A spelling variant of a surname ("Bauchtman" / "Buchtmann": a swap and a doubled letter)
# is believed only on long names, by normalised similarity rather than a slip count.
VARIANT_MIN_LENGTH = 7
VARIANT_MIN_RATIO = 88


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


def without_particles(key: str) -> str:
    """A folded name without its leading particles: "von der leyen" → "leyen".

    A surname written with its particles ("von der Leyen", "bin Salman") is still a surname
    alone; "al-rashidi" keeps its hyphen, as the full name does.
    """
    words = key.split()
    while len(words) > 1 and words[0] in NAME_PARTICLES:
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
    :data:`VARIANT_MIN_RATIO` (a swap plus a doubled letter is two edits, but 89 %% alike).
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


# --------------------------------------------------------------------------- lexicons

LEXICONS = Path(__file__).resolve().parent / "lexicons"


@dataclass(frozen=True)
class Gazetteer:
    """The general lexicons of ``lexicons/``, keyed by :func:`fold` (see its README)."""

    countries: dict[str, str]  # name or variant → canonical country name
    demonyms: dict[str, str]  # "turkish" → "Türkiye"
    capitals: dict[str, str]  # "ankara" → "Türkiye"
    takes_the: frozenset[str]  # canonical names said with "the" ("the United States")
    titles: dict[str, str]  # "prime minister" → "head" | "office" | "honorific"
    organisations: dict[str, str]  # acronym or full name → the acronym (group id)
    org_nouns: dict[str, tuple[str, ...]]  # "alliance" → acronyms the press calls so
    heads: dict[str, str]  # last word of a name → "venue" | "event" | "generic" | …
    title_words: dict[str, str] = field(default_factory=dict)  # "sen." → "senator"

    def country(self, surface: str) -> str | None:
        """The canonical country that ``surface`` names (not its demonym or capital)."""
        return _short_ok(surface, self.countries)

    def organisation(self, surface: str) -> str | None:
        """The acronym of the well-known organisation ``surface`` names, if any."""
        return _short_ok(surface, self.organisations)


def _short_ok(surface: str, table: dict[str, str]) -> str | None:
    key = fold(surface)
    # Short keys ("us", "who", "un") are only names when written in capitals.
    if len(key) <= 3 and not clean_surface(surface).replace(".", "").isupper():
        return None
    return table.get(key)


def _rows(name: str) -> list[list[str]]:
    path = LEXICONS / name
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:  # a broken install, not bad input: say which file
        raise BriefingError(f"cannot read lexicon: {exc}", path) from exc
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def _alts(field: str) -> list[str]:
    return [x.strip() for x in field.split("|") if x.strip()]


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """Load the lexicons once per process (they are read-only data)."""
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    takes_the: set[str] = set()
    for row in _rows("countries.tsv"):
        name, variants, people, caps, article = (row + [""] * 5)[:5]
        for alt in [name, *_alts(variants)]:
            countries.setdefault(fold(alt), name)
        for alt in _alts(people):
            demonyms.setdefault(fold(alt), name)
        for alt in _alts(caps):
            capitals.setdefault(fold(alt), name)
        if article.strip() == "the":
            takes_the.add(name)
    title_rows = _rows("titles.tsv")
    titles = {row[0].strip().lower(): row[1].strip() for row in title_rows}
    title_words = {row[0].strip().lower(): row[2].strip() for row in title_rows if len(row) > 2 and row[2].strip()}
    organisations: dict[str, str] = {}
    org_nouns: dict[str, list[str]] = {}
    for row in _rows("organisations.tsv"):
        acronym, names_, nouns = (row + [""] * 3)[:3]
        for alt in [acronym, *_alts(names_)]:
            organisations.setdefault(fold(alt), acronym)
        for noun in _alts(nouns):
            org_nouns.setdefault(fold(noun), []).append(acronym)
    heads = {row[0].strip(): row[1].strip() for row in _rows("entity_heads.tsv")}
    return Gazetteer(
        countries, demonyms, capitals, frozenset(takes_the), titles, organisations,
        {k: tuple(v) for k, v in org_nouns.items()}, heads, title_words,
    )
