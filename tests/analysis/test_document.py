"""Sentence segmentation as the finders and source pages see it."""
from __future__ import annotations

import pytest

from generator.analysis.document import parse_articles
from generator.ingest import load_source_set
from tests.conftest import DATA, SEEDS


@pytest.mark.parametrize(
    "text, expected",
    [
        ('He said the walkout would continue "until they put a fair offer on the table." Then he left.',
         ['He said the walkout would continue "until they put a fair offer on the table."', "Then he left."]),
        ("It was “an insult to every worker.” She left.", ["It was “an insult to every worker.”", "She left."]),
        ("A short subhead\n\nThe first sentence of the story.", ["A short subhead", "The first sentence of the story."]),
        ("Highlighting Turkey’s military and operational contributions, President Erdoğgan announced a new command.",
         ["Highlighting Turkey’s military and operational contributions, President Erdoğgan announced a new command."]),
    ],
)
def test_sentences_keep_closing_quotes_and_never_cross_blocks(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected


def test_every_sentence_lies_in_one_block_and_is_numbered(nlp):
    for folder in (SEEDS / "rutte-erdogan-ankara", DATA / "sets" / "harbour-strike"):
        source_set = load_source_set(folder)
        for doc in parse_articles(source_set.articles, nlp):
            text = doc.article.text
            assert [s.index for s in doc.sentences] == list(range(len(doc.sentences)))
            for sentence in doc.sentences:
                block = doc.block_of(sentence)
                assert text[sentence.start:sentence.end] == sentence.text
                assert block.start <= sentence.start and sentence.end <= block.start + len(block.text)
                assert sentence.text.count('"') % 2 == 0 or block.text.count('"') % 2 == 1


def test_prose_skips_subheads(nlp):
    source_set = load_source_set(SEEDS / "rutte-erdogan-ankara")
    doc = parse_articles(source_set.articles[:1], nlp)[0]
    prose = [s.text for s, _ in doc.prose()]
    assert "Turkey’s balancing act" not in prose
    assert any(s.text == "Turkey’s balancing act" for s in doc.sentences)
