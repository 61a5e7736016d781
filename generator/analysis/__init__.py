"""Analyse a source set: one pass of spaCy per article, then one finder per kind of finding.

The finders live in their own modules (actors, places, statements, questions, timeline);
this module only runs them in order, because later finders need earlier results: speakers
and question wording resolve names through the actor index.
"""
from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from generator.model import Analysis, SourceSet, Statement

if TYPE_CHECKING:
    from spacy.language import Language

    from generator.analysis.document import ArticleDoc


def analyse(source_set: SourceSet, nlp: "Language") -> Analysis:
    """Find actors, places, statements, open questions and dated events in ``source_set``."""
    from generator.analysis.actors import find_actors
    from generator.analysis.document import parse_articles
    from generator.analysis.places import find_places
    from generator.analysis.questions import find_open_questions
    from generator.analysis.statements import find_statements
    from generator.analysis.timeline import find_events

    docs = parse_articles(source_set.articles, nlp)
    index = find_actors(docs)
    statements = tuple(_dated(st, docs) for st in find_statements(docs, index))
    return Analysis(
        sentences=tuple(s for d in docs for s in d.sentences),
        actors=index.actors,
        statements=statements,
        open_questions=find_open_questions(docs, index),
        timeline=find_events(docs),
        places=find_places(docs, index),
        model=nlp.meta.get("briefing_model", nlp.meta.get("name", "")),
    )


def _dated(statement: Statement, docs: list["ArticleDoc"]) -> Statement:
    """Give a statement the day it was made: a day named in its sentence, else its source's date.

    A statement usually carries no date of its own; the sentence that reports it often
    does ("said on Tuesday"), and otherwise the publication date is the best bound.
    """
    from generator.analysis.dates import resolve_dates

    if statement.date or not statement.evidence:
        return statement
    first = statement.evidence[0]
    doc = next(d for d in docs if d.source == first.source)
    reference = doc.article.published
    sentence = doc.sentences[first.sentence]
    span = doc.spans[first.sentence]
    days = [m for m in resolve_dates(sentence.text, reference, span=span) if len(m.value) == 10]
    if days:
        return dataclasses.replace(statement, date=days[0].value)
    if reference is not None:
        return dataclasses.replace(statement, date=reference.isoformat())
    return statement
