"""Typed records passed between the stages: ingest → analyse → condense → render.

Every record is a frozen dataclass so a stage can never change what an earlier stage
produced; character offsets are plain ints into ``Article.text``. Dates are ISO strings
at the precision the text gives (``2025``, ``2025-06``, ``2025-05-15``) because a
``datetime.date`` cannot say "some day in June".
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

BlockKind = Literal["paragraph", "subhead", "post"]
ActorKind = Literal["person", "organisation", "country", "group"]
StatementKind = Literal["direct", "reported"]
QuestionStatus = Literal["unconfirmed", "proposed", "expected", "disputed"]


# --------------------------------------------------------------------------- ingest


@dataclass(frozen=True)
class Block:
    """One block of an article's cleaned text.

    ``paragraph`` blocks hold running text; ``subhead`` blocks are headings inside the
    article (never sentences); ``post`` blocks are quoted social-media posts such as an
    embedded tweet followed by ``— Name (@handle) date``.
    """

    kind: BlockKind
    text: str
    start: int  # offset of the block in Article.text
    attribution: str | None = None  # for posts: the "— Name (@handle) date" line


@dataclass(frozen=True)
class Article:
    """One news article after ingest: decoded, cleaned, with its metadata.

    ``text`` is the cleaned body: blocks joined by a blank line. Fields ending in
    ``_inferred`` say the value was guessed (headline line, file name, set context) rather
    than stated by the source.
    """

    id: str  # "s1", "s2", … in file-name order
    path: Path
    file: str  # file name inside the set folder
    title: str
    text: str
    blocks: tuple[Block, ...]
    published: dt.date | None = None
    published_inferred: bool = False
    title_inferred: bool = False
    outlet: str | None = None
    outlet_inferred: bool = False
    url: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    removed: tuple[str, ...] = ()  # boilerplate lines dropped by ingest, for the log
    # How ``published`` was obtained: "front matter", "dateline", "html metadata",
    # "set context" (taken from the other articles of the set or set.yml as_of) or None.
    published_basis: str | None = None
    # How ``title`` was obtained: "front matter", "headline" (the first line of a plain-text
    # article), "html metadata" or "lead" (shortened from the first sentence: no headline).
    title_basis: str | None = None
    # (month, day) of a dateline that gives no year ("Aug 24 – (Wire) —"), for the set's
    # context to complete when nothing else dates the article.
    dateline_day: tuple[int, int] | None = None


@dataclass(frozen=True)
class SourceSet:
    """A folder ``seeds/<slug>/`` with its articles and optional ``set.yml`` settings."""

    slug: str
    path: Path
    articles: tuple[Article, ...]
    title: str | None = None
    tags: tuple[str, ...] = ()
    summary: str | None = None
    as_of: dt.date | None = None
    skipped: tuple["Skipped", ...] = ()  # article files left out, each with the reason


@dataclass(frozen=True)
class Skipped:
    """An article file of a set that was not read: its name and why (one line)."""

    file: str
    reason: str


# --------------------------------------------------------------------------- analyse


@dataclass(frozen=True)
class Sentence:
    """A sentence of an article, as the analysis segmented it; source pages anchor on it."""

    source: str  # Article.id
    index: int  # 0-based position among the article's sentences; the anchor is s1-<index>
    start: int
    end: int
    text: str
    block: int  # index of the Block it lies in


@dataclass(frozen=True)
class Evidence:
    """Where a finding comes from: one sentence of one article."""

    source: str
    sentence: int
    text: str


@dataclass(frozen=True)
class Actor:
    """A person, organisation, country or group, with every name the sources use for it."""

    name: str
    kind: ActorKind
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    sources: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()  # social handles such as "@UNSpokesperson"
    roles: tuple[tuple[str, str], ...] = ()  # (source id, role as that source gives it)


@dataclass(frozen=True)
class Place:
    """A location that is not itself an actor (a city, region, venue)."""

    name: str
    mentions: int = 0
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Statement:
    """Direct or reported speech with its speaker (canonical actor name)."""

    speaker: str
    kind: StatementKind
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    date: str | None = None  # ISO date of the utterance, when known
    cue: str | None = None  # the reporting verb or attribution ("said", "according to")
    # how the speaker was found when the text does not name it: "pronoun" ("he said"), else None
    speaker_via: str | None = None


@dataclass(frozen=True)
class OpenQuestion:
    """Something the sources present as unconfirmed, proposed, expected, hedged or disputed."""

    text: str  # phrased as a question
    status: QuestionStatus
    cues: tuple[str, ...]
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    related: tuple[Evidence, ...] = ()  # linked items from other sentences or sources


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event; ``date`` is ISO at the precision the text gives."""

    date: str
    date_text: str
    event: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    end: str | None = None  # for ranges ("May 14–15")
    inferred: bool = False  # worked out from a relative expression or a weekday and an article's date


@dataclass(frozen=True)
class KeyPoint:
    """One ranked line of the summary with the sources that carry it."""

    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """Everything the analysis found in one source set, merged across its articles."""

    sentences: tuple[Sentence, ...]
    actors: tuple[Actor, ...]
    statements: tuple[Statement, ...]
    open_questions: tuple[OpenQuestion, ...]
    timeline: tuple[TimelineEvent, ...]
    places: tuple[Place, ...]
    model: str = ""  # the spaCy pipeline that produced it


# --------------------------------------------------------------------------- condense


@dataclass(frozen=True)
class Briefing:
    """What a briefing page shows: the set, its analysis, ranked and summarised."""

    source_set: SourceSet
    analysis: Analysis
    title: str
    date: str | None  # the event date (ISO)
    updated: str | None  # the newest publication date among the sources
    summary: tuple[KeyPoint, ...] = ()
    one_line: str = ""
    tags: tuple[str, ...] = ()
    content_hash: str = ""

    @property
    def slug(self) -> str:
        return self.source_set.slug

    @property
    def articles(self) -> tuple[Article, ...]:
        return self.source_set.articles
