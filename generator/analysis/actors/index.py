"""The actor index: the actors of a set, their mentions, and every way to name them again.

Later finders (speakers, open questions, places) resolve a surface form through
:meth:`ActorIndex.resolve`: an alias in any spelling, a handle, a surname alone, a
one-letter slip, a title form, or a country's capital, variant or demonym.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.analysis.actors.gazetteer import Gazetteer
from generator.analysis.actors.names import (
    clean_surface,
    fold,
    is_spelling_variant,
    is_typo,
    match_handle,
    without_particles,
)
from generator.analysis.actors.titles import office_holder
from generator.model import Actor


@dataclass(frozen=True)
class Mention:
    """One place where an article names an actor; offsets are into ``Article.text``."""

    source: str
    start: int
    end: int
    text: str
    actor: str  # canonical actor name


class ActorIndex:
    """The actors of a set and how to find them again from any surface form."""

    def __init__(
        self,
        actors: tuple[Actor, ...],
        mentions: dict[str, list[Mention]],
        surfaces: dict[str, str],
        offices: dict[tuple[str, str], tuple[str, ...]],
        lexicon: Gazetteer,
    ):
        self.actors = actors
        self._by_name = {a.name: a for a in actors}
        self._mentions = mentions
        self._surfaces = surfaces  # folded alias → actor name
        self._offices = offices  # (qualifier actor name, title) → person names
        self._lexicon = lexicon
        # For one-slip look-ups: aliases and surnames by first letter and length.
        self._near: dict[tuple[str, int], list[tuple[str, str]]] = defaultdict(list)
        self._surnames: dict[str, list[str]] = defaultdict(list)
        for alias, name in sorted(surfaces.items()):
            self._near[(alias[:1], len(alias))].append((alias, name))
        particles = lexicon.name_particles
        for a in actors:
            if a.kind == "person":
                words = fold(a.name).split()
                last = words[-1] if words else ""
                self._surnames[last].append(a.name)
                # "von der Leyen", "bin Salman": the surname with its particles.
                for i in range(1, len(words) - 1):
                    tail = " ".join(words[i:])
                    if words[i] in particles and without_particles(tail, particles) == last:
                        self._surnames[tail].append(a.name)
                self._near[(last[:1], len(last))].append((last, a.name))
        # surnames by first letter: a spelling variant starts with the same letter, and a scan
        # of every surname per look-up would cost the square of the number of people
        self._by_initial: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)
        for last, names in self._surnames.items():
            self._by_initial[last[:1]].append((last, names))

    def mentions(self, source: str) -> list[Mention]:
        """Every actor mention in article ``source``, sorted by start (longest first).

        A title form may contain the mention of its qualifier: "UN chief" is a mention of
        the person and holds a mention of NATO.
        """
        return list(self._mentions.get(source, []))

    def resolve(self, surface: str) -> Actor | None:
        """The actor ``surface`` names, or None.

        Understands aliases in any spelling ("Sanchez"), handles ("@UNSpokesperson"),
        surnames, one-letter slips of a known name, title forms ("the French President",
        "UN chief", "President Sanchez"), a country's capital, variant or demonym.
        """
        text = clean_surface(surface or "")
        if not text:
            return None
        key = fold(text)
        if len(key) <= 3 and not text.replace(".", "").isupper():
            return None  # "us", "who": words, not the US or the WHO
        if key in self._surfaces:
            return self._by_name[self._surfaces[key]]
        if text.startswith("@"):
            name = match_handle(text, [a for a in self.actors if a.kind != "country"])
            return self._by_name.get(name) if name else None
        country = self._country_actor(text)
        if country:
            return country
        return self._resolve_title(text) or self._resolve_loose(key)

    def _country_actor(self, text: str) -> Actor | None:
        lex = self._lexicon
        name = lex.country(text) or lex.demonyms.get(fold(text)) or lex.capitals.get(fold(text))
        return self._by_name.get(name) if name else None

    def _resolve_title(self, text: str) -> Actor | None:
        words = text.split()
        # "President Sanchez": strip leading titles and resolve the rest.
        for n in range(min(4, len(words) - 1), 0, -1):
            if " ".join(words[:n]).lower() in self._lexicon.titles:
                return self.resolve(" ".join(words[n:]))
        # "French President", "UN chief", "Czech Industry Minister": qualifier + title.
        if not any(" ".join(words[k:]).lower() in self._lexicon.titles for k in range(1, len(words))):
            return None
        for n in range(1, len(words)):
            qualifier = self.resolve(" ".join(words[:n]))
            if qualifier is not None:
                title = " ".join(words[n:]).lower()
                name = office_holder(self._offices, qualifier.name, title, self._lexicon)
                return self._by_name.get(name) if name else None
        return None

    def _resolve_loose(self, key: str) -> Actor | None:
        """A surname alone, or a one-letter slip of a known name or surname."""
        last = self._surnames.get(key, [])
        if len(last) == 1:
            return self._by_name[last[0]]
        near = (x for n in (-1, 0, 1) for x in self._near.get((key[:1], len(key) + n), ()))
        hits = {name for alias, name in near if is_typo(alias, key)}
        if not hits and " " not in key:  # a surname spelt another way ("Bauchtman")
            same_letter = self._by_initial.get(key[:1], ())
            hits = {n for last, names in same_letter if is_spelling_variant(last, key) for n in names}
        return self._by_name[hits.pop()] if len(hits) == 1 else None
