"""The surface forms :mod:`~generator.analysis.actors` collects before merging them.

Shared by the stages of actor finding: collecting (``actors``), keying and merging
(``actor_merge``), kinds and filters (``actor_kinds``). Mutable while collecting; the
frozen :class:`~generator.model.Actor` is what leaves the stage.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span


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
    noun: bool = False  # used as a noun (NORP "Rohingya"), not an adjective ("Turkish")
    role: tuple[str | None, str, str] | None = None  # (qualifier key, title, role text)
    described: tuple[str | None, str, str] | None = None  # an apposition beside a title
    org: bool = False  # the words or the text around say organisation (actor_cues)
    subject: bool = False  # grammatical subject of its clause ("Gloria died")
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
