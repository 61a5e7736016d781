"""Key statements: direct quotes and reported speech, with their speakers, merged across sources.

:func:`find_statements` runs these finders over every article, then merges what they find:

1. :func:`.spans.find_quote_spans` marks the article's quoted spans (characters, not tokens);
2. :func:`.reported.reported_speech`: reporting verbs (lexicon, on lemmas) with a that-clause
   or clausal complement, "saying …"/"adding …" participles, "urged X to …"/"called on X
   to …", "confirmed plans to …", "according to X, …" and speech nouns;
3. :func:`.direct.direct_quotes`: each quote with the speaker of its frame verb, else of its
   context (:mod:`.floating`: the sentence before, the paragraph's last speaker, a signature);
4. :func:`.unmarked.unmarked_quotes`: quotes whose marks the page lost;
5. :func:`.posts.quoted_posts`: a quoted social-media post (a ``post`` block) is one direct
   statement by the account named in its "— Name (@handle) date" line;
6. statements in a page's list of other stories (a subhead over bulleted headlines) are
   dropped; a part of a name as speaker becomes the one full name it stands for
   (:func:`.speakers.surnames.full_names`), and :func:`.merge.merge_statements` merges one
   speaker's statements of the same claim.

Speakers are resolved by :class:`.speakers.SpeakerResolver`; a statement whose speaker
cannot be resolved to an actor or an agent phrase is dropped, never guessed. The set's news
outlets (:func:`.speakers.outlets.outlet_actors`) report the story: what they report is no
reported statement, and a speaker their clause names speaks instead.
"""
from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs, reporting_verbs, statement_words
from generator.analysis.statements.direct import direct_quotes
from generator.analysis.statements.found import Found, Ranges
from generator.analysis.statements.merge import merge_statements
from generator.analysis.statements.posts import quoted_posts
from generator.analysis.statements.reported import reported_speech
from generator.analysis.statements.spans import find_quote_spans
from generator.analysis.statements.speakers import SpeakerResolver
from generator.analysis.statements.speakers.facts import IndexLike
from generator.analysis.statements.speakers.outlets import outlet_actors
from generator.analysis.statements.speakers.surnames import full_names
from generator.analysis.statements.speakers.words import SpeakerWords
from generator.analysis.statements.unmarked import unmarked_quotes
from generator.model import Statement


def find_statements(
    docs: Sequence[ArticleDoc],
    index: IndexLike,
    *,
    lexicon: ReportingVerbs | None = None,
    words: Mapping[str, frozenset[str]] | None = None,
) -> tuple[Statement, ...]:
    """Direct and reported statements of every article, merged across sources.

    Args:
        docs: the parsed articles (:func:`generator.analysis.document.parse_articles`).
        index: the set's actor index (``.actors``, ``.resolve(surface)``, ``.mentions(source)``).
        lexicon: the reporting-verb lexicon; None reads the packaged one
            (:func:`generator.analysis.lexicons.reporting_verbs`).
        words: the statement word lists by section; None reads the packaged ones
            (:func:`generator.analysis.lexicons.statement_words`).

    Returns:
        Statements ordered by the first article and position they occur at; ``date`` is left
        None (the pipeline dates them).
    """
    lexicon = lexicon if lexicon is not None else reporting_verbs()
    words = words if words is not None else statement_words()
    speaker_words = SpeakerWords.from_sections(words)
    stopwords = words["claim_stopwords"]
    outlets = outlet_actors(docs, index, speaker_words)
    found: list[Found] = []
    for n, adoc in enumerate(docs):
        found.extend(_article_statements(adoc, n, index, lexicon, speaker_words, stopwords, outlets))
    return merge_statements(found, docs, stopwords)


def _article_statements(
    adoc: ArticleDoc,
    n: int,
    index: IndexLike,
    lexicon: ReportingVerbs,
    speaker_words: SpeakerWords,
    stopwords: frozenset[str],
    outlets: frozenset[str] = frozenset(),
) -> list[Found]:
    """Every statement of article ``n`` (direct, reported, posts), not yet merged."""
    quotes = find_quote_spans(adoc.article)
    quoted = Ranges((q.start, q.end) for q in quotes)
    resolver = SpeakerResolver(adoc.source, adoc.doc, index, lexicon, speaker_words, quoted, outlets)
    reported = list(reported_speech(adoc, n, resolver, stopwords))
    out = list(direct_quotes(adoc, n, quotes, resolver, reported))
    out.extend(unmarked_quotes(adoc, n, resolver))
    out.extend(reported)
    out.extend(quoted_posts(adoc, n, index))
    tail = _teaser_list_start(adoc)
    out = [f for f in out if f.start < tail]
    names = full_names((f.speaker for f in out), index)
    return [dataclasses.replace(f, speaker=names[f.speaker]) if f.speaker in names else f for f in out]


_BULLETS = ("•", "·", "▪", "►", "■")


def _teaser_list_start(adoc: ArticleDoc) -> int:
    """Where a page's list of other stories begins: a subhead ("More from …") followed by two or
    more bulleted headlines with their teasers; what they report is not this story's. The
    article's length when there is none."""
    blocks = adoc.article.blocks
    for i, block in enumerate(blocks):
        if block.kind != "subhead":
            continue
        rest = blocks[i + 1 :]
        if rest and rest[0].text.lstrip()[:1] in _BULLETS and sum(b.text.lstrip()[:1] in _BULLETS for b in rest) >= 2:
            return block.start
    return len(adoc.article.text) + 1
