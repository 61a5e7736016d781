"""Analyse a source set: one pass of spaCy per article, then one finder per kind of finding.

The finders live in their own sub-packages (actors, statements, questions, timeline) and
``places.py``; this module loads their lexicons once and runs them in order, because later
finders need earlier results: speakers and question wording resolve names through the actor
index, and statements take the days the timeline found.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from generator.model import Analysis, SourceSet, Statement, TimelineEvent

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from generator.analysis.actors.gazetteer import Gazetteer
    from generator.analysis.document import ArticleDoc
    from generator.analysis.lexicons import ReportingVerbs
    from generator.analysis.questions.cues import HedgeLexicon
    from generator.analysis.timeline.lexicon import TimelineLexicon


@dataclass(frozen=True)
class Lexicons:
    """Every finder's lexicon, loaded once per run and passed to the finders."""

    gazetteer: "Gazetteer"
    reporting: "ReportingVerbs"
    statement_words: Mapping[str, frozenset[str]]  # the sections of statement_words.txt
    hedges: "HedgeLexicon"
    timeline: "TimelineLexicon"

    @classmethod
    def load(cls) -> "Lexicons":
        """The packaged lexicons (each loader caches, so a second load costs nothing)."""
        from generator.analysis.actors.gazetteer import packaged_gazetteer
        from generator.analysis.lexicons import reporting_verbs, statement_words
        from generator.analysis.questions.cues import load_lexicon as hedge_lexicon
        from generator.analysis.timeline.lexicon import load_lexicon as timeline_lexicon

        return cls(packaged_gazetteer(), reporting_verbs(), statement_words(), hedge_lexicon(), timeline_lexicon())


def analyse(
    source_set: SourceSet, nlp: "Language", *, lexicons: Lexicons | None = None, parsed: "Sequence[Doc] | None" = None
) -> Analysis:
    """Find actors, places, statements, open questions and dated events in ``source_set``.

    ``parsed``: the articles' ``Doc`` objects, when the caller parsed them already
    (:func:`~generator.analysis.document.parse_stream`); else they are parsed here.
    """
    from generator.analysis.actors import find_actors
    from generator.analysis.differences import find_differences
    from generator.analysis.document import parse_articles
    from generator.analysis.places import find_places
    from generator.analysis.questions import find_open_questions
    from generator.analysis.questions.answers import answer_questions
    from generator.analysis.statements import find_statements
    from generator.analysis.timeline import find_events

    lex = lexicons or Lexicons.load()
    docs = parse_articles(source_set.articles, nlp, parsed=parsed)
    index = find_actors(docs, lexicon=lex.gazetteer)
    timeline = find_events(docs, lexicon=lex.timeline)
    days = _sentence_days(timeline, docs)
    found = find_statements(docs, index, lexicon=lex.reporting, words=lex.statement_words)
    firsts = _first_days(days)
    statements = tuple(_dated(st, docs, days, firsts) for st in found)
    return Analysis(
        sentences=tuple(s for d in docs for s in d.sentences),
        actors=index.actors,
        statements=statements,
        open_questions=answer_questions(find_open_questions(docs, index, lexicon=lex.hedges), docs, index, lex.hedges),
        timeline=timeline,
        places=find_places(docs, index, lexicon=lex.gazetteer),
        model=nlp.meta.get("briefing_model", nlp.meta.get("name", "")),
        differences=find_differences(docs, index, statements, lex.hedges),
    )


def _sentence_days(timeline: tuple[TimelineEvent, ...], docs: list["ArticleDoc"]) -> dict[tuple[str, int], str]:
    """The day each sentence reports as past (on or before its article's date), by (source, index)."""
    reference = {d.source: d.article.published for d in docs}
    days: dict[tuple[str, int], str] = {}
    for event in timeline:
        if len(event.date) != 10:
            continue
        for ev in event.evidence:
            ref = reference.get(ev.source)
            if ref is None or event.date <= ref.isoformat():
                key = (ev.source, ev.sentence)
                days[key] = max(days.get(key, event.date), event.date)
    return days


def _first_days(days: dict[tuple[str, int], str]) -> dict[str, str]:
    """The day of each source's first sentence that names one (read once, not per statement)."""
    first: dict[str, int] = {}
    for src, i in days:
        first[src] = min(first.get(src, i), i)
    return {src: days[(src, i)] for src, i in first.items()}


def _dated(
    statement: Statement, docs: list["ArticleDoc"], days: dict[tuple[str, int], str], firsts: dict[str, str]
) -> Statement:
    """Give a statement the day it was made.

    A statement rarely carries a date of its own. The day its sentence reports ("said on
    Tuesday") is best; else the first past day the article names, because a news lead
    states the occasion the rest of the story reports on (a nearer earlier day is often a
    flashback); else the publication date, the latest it can have been made.
    """
    if statement.date or not statement.evidence:
        return statement
    first = statement.evidence[0]
    day = days.get((first.source, first.sentence))
    if day is None:
        day = firsts.get(first.source)
    if day is None:
        doc = next(d for d in docs if d.source == first.source)
        if doc.article.published is not None:
            day = doc.article.published.isoformat()
    return dataclasses.replace(statement, date=day) if day else statement
