"""The named entities of each sentence, read from one list per document.

Why: ``Span.ents`` (and ``Doc.ents``) walk the whole document's tokens on every call, so
asking each sentence for its entities costs the square of the article's length (a 100k
character article took a minute). The document's entities are read once here and each
sentence's share is found by bisecting on token offsets.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span


class DocEntities:
    """The entities of one spaCy ``Doc``, in order, for per-sentence look-up."""

    def __init__(self, doc: "Doc") -> None:
        self._ents: tuple["Span", ...] = tuple(doc.ents)
        self._starts = [e.start for e in self._ents]

    def within(self, span: "Span") -> list["Span"]:
        """The entities that lie wholly inside ``span`` (as ``span.ents`` gives them)."""
        out = []
        for ent in self._ents[bisect_left(self._starts, span.start):]:
            if ent.start >= span.end:
                break
            if ent.end <= span.end:
                out.append(ent)
        return out


_CACHE_KEY = "briefing.doc_entities"


def sentence_entities(span: "Span") -> list["Span"]:
    """``span.ents``, from one :class:`DocEntities` per document kept in ``doc.user_data``.

    Why: callers outside the timeline (question links, answers, differences) resolve dates
    sentence by sentence without an index at hand; the cache keeps each of them linear.
    """
    data = span.doc.user_data
    index = data.get(_CACHE_KEY)
    if index is None:
        index = data[_CACHE_KEY] = DocEntities(span.doc)
    return index.within(span)
