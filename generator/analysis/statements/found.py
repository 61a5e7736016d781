"""A statement as one finder finds it in one article, and where things lie in that article.

Every finder of this package yields :class:`Found` records; :mod:`.merge` turns them into
:class:`generator.model.Statement` across articles.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from generator.analysis.document import ArticleDoc
from generator.model import Evidence, StatementKind


class Ranges(tuple):
    """(start, end) character ranges, end exclusive, sorted: the article's quoted spans.

    :func:`inside` is asked once per token of many sentences; a scan of every quote each time
    would make long articles cost the square of their length, so the starts and the furthest
    end so far are kept for a bisection.
    """

    def __new__(cls, ranges=()):
        self = super().__new__(cls, sorted(ranges))
        self.starts = [s for s, _ in self]
        self.reach = list(accumulate((e for _, e in self), max))
        return self

    def holds(self, char: int) -> bool:
        """Whether ``char`` lies in one of the ranges."""
        k = bisect_right(self.starts, char)  # the ranges that start at or before ``char``
        return k > 0 and self.reach[k - 1] > char


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
    if isinstance(ranges, Ranges):
        return ranges.holds(char)
    return any(s <= char < e for s, e in ranges)


def sentences_between(adoc: ArticleDoc, start: int, end: int) -> tuple[Evidence, ...]:
    """Evidence for every sentence overlapping [start, end)."""
    return tuple(Evidence(s.source, s.index, s.text) for s, _ in adoc.overlapping(start, end))


def block_start(adoc: ArticleDoc, block: int) -> int:
    """Where block ``block`` starts in the article's text (near ``Block.start``)."""
    b = adoc.article.blocks[block]
    return adoc.article.text.find(b.text, max(0, b.start - 2)) if b.text else b.start
