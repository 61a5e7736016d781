"""The gazetteer: the lexicons of ``lexicons/`` the actor and place finders look words up in.

Countries, titles, organisations and name heads (four TSV files, keyed by
:func:`~.names.fold`) and the word lists of ``actor_words.txt``. :func:`packaged_gazetteer`
reads them once per process through :mod:`generator.analysis.lexicons`; the finders take
the result as their ``lexicon`` argument and hand it down to every rule that looks a word up.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from generator.analysis.actors.names import clean_surface, fold
from generator.analysis.lexicons import read_lexicon, tsv_rows, word_sections


@dataclass(frozen=True)
class Gazetteer:
    """The general lexicons of ``lexicons/``, keyed by :func:`fold` (see its README)."""

    countries: dict[str, str]  # name or variant → canonical country name
    demonyms: dict[str, str]  # "kenyan" → "Kenya"
    capitals: dict[str, str]  # "nairobi" → "Kenya"
    takes_the: frozenset[str]  # canonical names said with "the" ("the United States")
    titles: dict[str, str]  # "prime minister" → "head" | "office" | "honorific"
    organisations: dict[str, str]  # acronym or full name → the acronym (group id)
    org_nouns: dict[str, tuple[str, ...]]  # "alliance" → acronyms the press calls so
    heads: dict[str, str]  # last word of a name → "venue" | "event" | "generic" | …
    # The sections of actor_words.txt (its header says what each holds).
    name_particles: frozenset[str]  # "van", "der", "bin": lower-case words inside names
    calendar: frozenset[str]  # "monday", "utc": capitalised, yet no name
    place_nouns: frozenset[str]  # "town": "the town of X" is a place
    everyday_titles: frozenset[str]  # "head": a title only after a qualifier
    generic_heads: frozenset[str]  # "chief": no office of its own
    title_words: dict[str, str] = field(default_factory=dict)  # "sen." → "senator"

    def country(self, surface: str) -> str | None:
        """The canonical country that ``surface`` names (not its demonym or capital)."""
        return _short_ok(surface, self.countries)

    def country_of(self, surface: str, *, acting: bool) -> str | None:
        """The country a name stands for: its name, a variant, or its capital when acting."""
        name = self.country(surface)
        if name is None and acting:
            name = self.capitals.get(fold(surface))
        return name

    def organisation(self, surface: str) -> str | None:
        """The acronym of the well-known organisation ``surface`` names, if any."""
        return _short_ok(surface, self.organisations)


def _short_ok(surface: str, table: dict[str, str]) -> str | None:
    key = fold(surface)
    # Short keys ("us", "who", "un") are only names when written in capitals.
    if len(key) <= 3 and not clean_surface(surface).replace(".", "").isupper():
        return None
    return table.get(key)


def _alts(cell: str) -> list[str]:
    return [x.strip() for x in cell.split("|") if x.strip()]


@lru_cache(maxsize=1)
def packaged_gazetteer() -> Gazetteer:
    """The packaged gazetteer, read once per process (the lexicons are read-only data)."""
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    capitals: dict[str, str] = {}
    takes_the: set[str] = set()
    for row in tsv_rows("countries.tsv"):
        name, variants, people, caps, article = (row + [""] * 5)[:5]
        for alt in [name, *_alts(variants)]:
            countries.setdefault(fold(alt), name)
        for alt in _alts(people):
            demonyms.setdefault(fold(alt), name)
        for alt in _alts(caps):
            capitals.setdefault(fold(alt), name)
        if article.strip() == "the":
            takes_the.add(name)
    title_rows = tsv_rows("titles.tsv")
    titles = {row[0].strip().lower(): row[1].strip() for row in title_rows}
    title_words = {row[0].strip().lower(): row[2].strip() for row in title_rows if len(row) > 2 and row[2].strip()}
    organisations, org_nouns = _organisations()
    heads = {row[0].strip(): row[1].strip() for row in tsv_rows("entity_heads.tsv")}
    words = word_sections(read_lexicon("actor_words.txt"))
    return Gazetteer(
        countries, demonyms, capitals, frozenset(takes_the), titles, organisations, org_nouns, heads,
        name_particles=words["name_particles"], calendar=words["calendar"], place_nouns=words["place_nouns"],
        everyday_titles=words["everyday_titles"], generic_heads=words["generic_heads"], title_words=title_words,
    )


def _organisations() -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """organisations.tsv: every name → its acronym, and each common noun → the acronyms."""
    organisations: dict[str, str] = {}
    org_nouns: dict[str, list[str]] = {}
    for row in tsv_rows("organisations.tsv"):
        acronym, names_, nouns = (row + [""] * 3)[:3]
        for alt in [acronym, *_alts(names_)]:
            organisations.setdefault(fold(alt), acronym)
        for noun in _alts(nouns):
            org_nouns.setdefault(fold(noun), []).append(acronym)
    return organisations, {k: tuple(v) for k, v in org_nouns.items()}
