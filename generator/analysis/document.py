"""An article parsed by spaCy, with its sentences numbered and tied to their blocks."""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from generator.model import Article, Block, Sentence

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span


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

    def sentence_at(self, char: int) -> Sentence:
        """The sentence that contains character offset ``char``."""
        starts = [s.start for s in self.sentences]
        return self.sentences[max(0, bisect_right(starts, char) - 1)]


def parse_articles(articles: list[Article] | tuple[Article, ...], nlp: "Language") -> list[ArticleDoc]:
    """Run the pipeline over every article once (batched) and number the sentences."""
    docs = nlp.pipe([a.text for a in articles], batch_size=16)
    return [_article_doc(article, doc) for article, doc in zip(articles, docs)]


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
