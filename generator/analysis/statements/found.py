"""A statement as one finder finds it in one article, and where things lie in that article.

Every finder of this package yields :class:`Found` records; :mod:`.merge` turns them into
:class:`generator.model.Statement` across articles.
"""
from __future__ import annotations

from dataclasses import dataclass

from generator.analysis.document import ArticleDoc
from generator.model import Evidence, StatementKind

# (start, end) character ranges, end exclusive: the article's quoted spans.
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Found:
    """A statement found in one article, before merging across articles."""

    speaker: str
    kind: StatementKind
    text: str
    doc: int  # position of the article in ``docs``
    start: int  # character offset where it was found, for ordering
    evidence: tuple[Evidence, ...]
    cue: str | None
    via: str | None = None  # "pronoun": the speaker is a pronoun's antecedent


def inside(char: int, ranges: Ranges) -> bool:
    """Whether offset ``char`` lies in one of the (start, end) ``ranges``."""
    return any(s <= char < e for s, e in ranges)


def sentences_between(adoc: ArticleDoc, start: int, end: int) -> tuple[Evidence, ...]:
    """Evidence for every sentence overlapping [start, end)."""
    return tuple(Evidence(s.source, s.index, s.text) for s in adoc.sentences if s.start < end and s.end > start)


def block_start(adoc: ArticleDoc, block: int) -> int:
    """Where block ``block`` starts in the article's text (near ``Block.start``)."""
    b = adoc.article.blocks[block]
    return adoc.article.text.find(b.text, max(0, b.start - 2)) if b.text else b.start
