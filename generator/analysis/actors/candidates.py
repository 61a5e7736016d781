"""The surface forms the actor finder collects before merging them, and their merge keys.

Shared by the steps of actor finding: collecting (:mod:`.collect`, :mod:`.titles`),
keying and merging (:mod:`.merge`), kinds and filters (:mod:`.kinds`), building the
actors (:mod:`.build`). Mutable while collecting; the frozen
:class:`~generator.model.Actor` is what leaves the finder.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.actors.gazetteer import Gazetteer

# A role: (the merge key of what qualifies the title, or None; the title; the role text).
Role = tuple[str | None, str, str]


def ckey(country: str) -> str:
    """The merge key of a country of the lexicon."""
    return "country:" + country


def okey(acronym: str) -> str:
    """The merge key of a well-known organisation of the lexicon."""
    return "org:" + acronym


@dataclass
class Candidate:
    """A surface form found in one article, before merging (mutable while collecting)."""

    source: str
    start: int
    end: int
    text: str
    label: str  # spaCy label; "HANDLE", "TITLE"; "NAME" (no vote: echo, short form); "THING"
    subhead: bool = False
    person: bool = False  # a title stands before it, or a post attribution names it
    acting: bool = False  # subject or possessor (decides capital city vs country)
    noun: bool = False  # used as a noun (NORP "Sami"), not an adjective ("Kenyan")
    role: Role | None = None  # (qualifier key, title, role text)
    described: Role | None = None  # an apposition beside a title
    org: bool = False  # the words or the text around say organisation (kinds)
    subject: bool = False  # grammatical subject of its clause ("Hart resigned")
    key: str = ""


@dataclass
class Collected:
    """Everything one pass over the articles of a set found."""

    cands: list[Candidate] = field(default_factory=list)
    titles: list[Candidate] = field(default_factory=list)  # title-only forms, e.g. "UN chief"
    pairs: list[tuple[str, str]] = field(default_factory=list)  # "Long Name (ACR)"
    attributions: dict[str, str] = field(default_factory=dict)  # handle (lower) → name
    handle_case: dict[str, str] = field(default_factory=dict)  # handle (lower) → as written
    words: Counter = field(default_factory=Counter)  # word forms of the set, case kept
    # Titles with a holder and nothing naming the office before them, per source:
    # (title start char, title token span) — an echoed name right before one qualifies it.
    open_titles: dict[str, list[tuple[int, "Span", int]]] = field(default_factory=dict)
    org_ents: set[tuple[str, int]] = field(default_factory=set)  # (source, entity start token)


@dataclass
class ArticleScan:
    """What the rules reading one article share while it is collected."""

    source: str
    lex: "Gazetteer"
    got: Collected
    subheads: list[tuple[int, int]]  # character spans of the article's subheads
    title_at: dict[int, "Span"]  # token → the title that covers it
    ent_at: dict[int, "Span"] = field(default_factory=dict)  # token → the entity that covers it
    named: dict[int, Role] = field(default_factory=dict)  # name start token → the role a title gives

    def in_subhead(self, char: int) -> bool:
        """True when character ``char`` of the article lies in a subhead."""
        return any(s <= char < e for s, e in self.subheads)
