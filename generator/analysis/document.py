"""An article parsed by spaCy, with its sentences numbered and tied to their blocks."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from generator.model import Article, Block, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# Texts per spaCy batch: one batch of articles is parsed at a time.
BATCH_SIZE = 32

@dataclass(frozen=True)
class ArticleDoc:
    """An :class:`Article`, its spaCy ``Doc`` and its sentences.

    ``spans[i]`` is the spaCy span of ``sentences[i]``; subheads are sentences too (so a
    source page can anchor them) but :meth:`prose` skips them.
    """

    article: Article
    doc: "Doc"
    sentences: tuple[Sentence, ...]
    spans: tuple["Span", ...]

    @property
    def source(self) -> str:
        return self.article.id

    def block_of(self, sentence: Sentence) -> Block:
        return self.article.blocks[sentence.block]

    def prose(self) -> Iterator[tuple[Sentence, "Span"]]:
        """Sentences of running text and posts, without subheads."""
        for sent, span in zip(self.sentences, self.spans):
            if self.article.blocks[sent.block].kind != "subhead":
                yield sent, span

    @cached_property
    def _starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _by_block(self) -> dict[int, list[int]]:
        found: dict[int, list[int]] = {}
        for sent in self.sentences:
            found.setdefault(sent.block, []).append(sent.index)
        return found

    def sentence_at(self, char: int) -> Sentence:
        """The sentence that contains character offset ``char``."""
        return self.sentences[max(0, bisect_right(self._starts, char) - 1)]

    def overlapping(self, start: int, end: int) -> list[tuple[Sentence, "Span"]]:
        """The sentences (with their spans) that share a character with ``[start, end)``, in
        order; found by bisection, so a caller looping over quotes or statements stays linear."""
        first = max(0, bisect_right(self._starts, start) - 1)
        last = bisect_left(self._starts, end)
        return [(self.sentences[i], self.spans[i]) for i in range(first, last)
                if self.sentences[i].end > start and self.sentences[i].start < end]

    def in_block(self, block: int) -> list[tuple[Sentence, "Span"]]:
        """The sentences of block ``block`` with their spans, in order."""
        return [(self.sentences[i], self.spans[i]) for i in self._by_block.get(block, [])]


def parse_articles(
    articles: list[Article] | tuple[Article, ...], nlp: "Language", *, parsed: "Sequence[Doc] | None" = None
) -> list[ArticleDoc]:
    """Run the pipeline over every article once (batched) and number the sentences.

    ``parsed`` are the articles' ``Doc`` objects when the caller parsed them already (one
    stream over many sets, :func:`parse_stream`), in the order of ``articles``.
    """
    docs = parsed if parsed is not None else nlp.pipe([a.text for a in articles], batch_size=BATCH_SIZE)
    return [_article_doc(article, doc) for article, doc in zip(articles, docs)]


def parse_stream(groups: "Iterable[Sequence[Article]]", nlp: "Language") -> "Iterator[list[Doc]]":
    """The ``Doc`` objects of each group of articles in turn, from one ``nlp.pipe`` over all of them.

    One stream keeps spaCy's batches full across the small sets of a run (a call per set
    parses a few articles at a time), and it is consumed lazily: only the batch being parsed
    and the group being analysed are held, however many groups follow.
    """
    groups = list(groups)
    docs = nlp.pipe((a.text for group in groups for a in group), batch_size=BATCH_SIZE)
    for group in groups:
        yield [next(docs) for _ in group]


def _article_doc(article: Article, doc: "Doc") -> ArticleDoc:
    block_starts = [b.start for b in article.blocks]
    sentences: list[Sentence] = []
    spans: list[Span] = []
    for span in doc.sents:
        text = span.text.strip()
        if not text:
            continue
        lead = len(span.text) - len(span.text.lstrip())
        start = span.start_char + lead
        block = max(0, bisect_right(block_starts, start) - 1) if block_starts else 0
        sentences.append(Sentence(article.id, len(sentences), start, start + len(text), text, block))
        spans.append(span)
    return ArticleDoc(article, doc, tuple(sentences), tuple(spans))


_INDEX = "briefing.doc_index"


class DocIndex:
    """What spaCy recomputes on every read of a ``Doc``, read once: ``doc.text`` joins every
    token and ``doc.ents`` / ``span.ents`` walk the whole document, so reading them inside a
    loop over sentences, entities or quotes makes the cost grow with the square of the length."""

    def __init__(self, doc: "Doc"):
        self.text: str = doc.text
        self.ents: tuple["Span", ...] = tuple(doc.ents)
        self._starts = [e.start for e in self.ents]
        self._ends = [e.end for e in self.ents]  # entities never overlap: sorted too

    def ents_within(self, start: int, end: int) -> list["Span"]:
        """The entities inside tokens ``[start, end)``: what ``doc[start:end].ents`` gives."""
        found = []
        for ent in self.ents[bisect_left(self._starts, start):]:
            if ent.end > end:
                break
            found.append(ent)
        return found


    def last_before(self, i: int, label: str) -> "Span | None":
        """The last entity labelled ``label`` that ends at or before token ``i``."""
        for k in range(bisect_right(self._ends, i) - 1, -1, -1):
            if self.ents[k].label_ == label:
                return self.ents[k]
        return None


def sentence_entities(span: "Span") -> list["Span"]:
    """``span.ents``, from the document's :class:`DocIndex` (one walk of the document, not one
    per sentence)."""
    return doc_index(span.doc).ents_within(span.start, span.end)


def doc_index(doc: "Doc") -> DocIndex:
    """The :class:`DocIndex` of ``doc``, made on first use and kept in ``doc.user_data``."""
    index = doc.user_data.get(_INDEX)
    if index is None:
        index = doc.user_data[_INDEX] = DocIndex(doc)
    return index
