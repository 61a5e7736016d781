"""Classes of statement the speaker and clause rules must read, on one invented article.

tests/data/articles/quotes_roundup.txt is invented text (no publisher copy): a council story
that holds one example of each class — a pledge ("vowed to"), an outlet's reporting, a company
named by a description ("the Danish cement maker said"), a clause the parser reads as
an object of "said", a participle "adding, “…”" under a reported clause, a role noun with the
name after it, a call ("called for"), a subject left inside the reported clause, an age as the
speaker, and a quote signed on the next line with a quotation dash.
"""
from __future__ import annotations

import pytest

from generator.analysis.actors import find_actors
from generator.analysis.document import parse_articles
from generator.analysis.statements import find_statements
from generator.ingest.sources import load_article
from generator.model import Statement
from tests.conftest import DATA

ARTICLE = DATA / "articles" / "quotes_roundup.txt"


@pytest.fixture(scope="module")
def statements(nlp) -> tuple[Statement, ...]:
    docs = parse_articles([load_article(ARTICLE, "s1")], nlp)
    return find_statements(docs, find_actors(docs))


def _with(statements: tuple[Statement, ...], fragment: str) -> Statement:
    hits = [s for s in statements if fragment.lower() in s.text.lower()]
    assert hits, f"no statement holds {fragment!r}: {[(s.speaker, s.text) for s in statements]}"
    return hits[0]


@pytest.mark.parametrize(
    "fragment, speaker, kind",
    [
        # a commitment keeps its verb: the pledge is the statement
        ("vowed to reopen the Kessel bridge", "Tomas Berg", "reported"),
        # a call for something is a statement of whoever calls
        ("called for an independent review", "Pavel Dvorak", "reported"),
        # "the Danish cement maker" is the company last named, not a new speaker
        ("enough stock for the whole job", "Varda Cement Holdings", "reported"),
        # "said the council's reserves would cover …": a clause, though parsed as an object
        ("reserves would cover the first phase", "Ines Halvorsen", "reported"),
        # the participle hangs from "worked" (inside the clause); the one who emphasised speaks
        ("We will not stop until every road", "Tomas Berg", "direct"),
        # the name after the role noun speaks, not "local resident"
        ("never built for lorries", "Marta Quill", "direct"),
        # the subject the parser hung on the reported clause as an apposition
        ("shortage of steel beams", "Lena Sorensen", "reported"),
        # a quote on its own line signed on the next one with a quotation dash
        ("Nobody asked the people who live here", "Anna Petrov", "direct"),
    ],
)
def test_statement_class(statements, fragment, speaker, kind):
    found = _with(statements, fragment)
    assert (found.speaker, found.kind) == (speaker, kind)


def test_an_outlet_s_reporting_is_no_statement(statements):
    """"The Valley Courier reported that …": the press reporting the story speaks for no one."""
    assert not [s for s in statements if "repair bill had doubled" in s.text]
    assert not [s for s in statements if "Courier" in s.speaker]


def test_an_age_stands_for_the_person_last_named(statements):
    """"the 67-year-old said": the person named before (here the resident quoted just before)."""
    found = _with(statements, "crossed that bridge every day")
    assert found.speaker == "Marta Quill"
