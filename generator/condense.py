"""Condense a set's analysis into a briefing: its title, event date, tags and ranked key points.

The summary is extractive: a sentence ranks high when it is early in its article (news
puts the essentials first), names the set's most-mentioned actors, and is corroborated by a
similar sentence in another source. Near-duplicates are dropped (maximal marginal
relevance), and each key point lists every source that carries it.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.ingest.metadata import strip_dateline
from generator.model import Analysis, Briefing, Evidence, KeyPoint, Sentence, SourceSet
from generator.util.ids import source_key
from generator.util.text import shorten

SUMMARY_POINTS = 4
# Token-set similarity at or above which two sentences say the same thing for the summary.
SAME_CLAIM = 62
MAX_TAGS = 4
ONE_LINE_MAX = 220  # characters of the one-line summary before its ellipsis
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# Support in a set whose other sentences pass this many is looked for among the sentences that
# share a word, and a word in more than COMMON_WORD sentences ties none (see _Alike): below it,
# every pair is scored, as before. About sixty articles: from there every pair costs more than
# the lookup (at 3,000, a set of 300 articles scored 7 million pairs, half its run), and sets
# of ordinary size stay below it (tests/test_condense_blocking.py: the same support either way).
BLOCK_FROM = 1000
COMMON_WORD = 400


@dataclass(frozen=True)
class _Candidate:
    sentence: Sentence
    score: float
    support: tuple[Sentence, ...]  # similar sentences in other sources


def condense(source_set: SourceSet, analysis: Analysis, *, content_hash: str = "") -> Briefing:
    """Rank and summarise ``analysis`` into the :class:`Briefing` a page is rendered from."""
    summary = key_points(source_set, analysis)
    published = sorted(a.published.isoformat() for a in source_set.articles if a.published)
    one_line = source_set.summary or (summary[0].text if summary else "")
    return Briefing(
        source_set=source_set,
        analysis=analysis,
        title=briefing_title(source_set),
        date=event_date(analysis, published[-1] if published else None),
        updated=published[-1] if published else None,
        summary=summary,
        one_line=shorten(one_line, ONE_LINE_MAX, trim=",;:"),
        tags=source_set.tags or derived_tags(analysis),
        content_hash=content_hash,
    )


def briefing_title(source_set: SourceSet) -> str:
    """The set's own title, else the first real headline among its articles (file order).

    A title cut from a lead sentence, because the article had no headline, is the last resort.
    """
    if source_set.title:
        return source_set.title
    headlines = [a for a in source_set.articles if a.title_basis != "lead"]
    return (headlines or list(source_set.articles))[0].title


def event_date(analysis: Analysis, newest: str | None) -> str | None:
    """The day the set is about: the best-attested past day in the timeline.

    Days on or after the newest publication date are usually announcements of what is to
    come, so a day before it wins when there is one.
    """
    days = [e for e in analysis.timeline if len(e.date) == 10]
    if not days:
        return newest

    def rank(e):
        past = newest is None or e.date < newest
        return (past, len(e.sources), len(e.evidence), e.date)

    return max(days, key=rank).date


def derived_tags(analysis: Analysis) -> tuple[str, ...]:
    """Tags for a set that names none: its most-mentioned organisations and countries."""
    kinds = ("organisation", "country")
    ranked = [a for a in analysis.actors if a.kind in kinds and a.mentions >= 2]
    ranked.sort(key=lambda a: (-len(a.sources), -a.mentions, a.name))
    return tuple(a.name for a in ranked[:MAX_TAGS])


def key_points(source_set: SourceSet, analysis: Analysis, *, limit: int = SUMMARY_POINTS) -> tuple[KeyPoint, ...]:
    """The ``limit`` most important sentences of the set, each with its supporting sources."""
    candidates = _candidates(source_set, analysis)
    chosen: list[_Candidate] = []
    for cand in sorted(candidates, key=lambda c: (-c.score, c.sentence.source, c.sentence.index)):
        if len(chosen) == limit:
            break
        if any(_similar(cand.sentence.text, c.sentence.text) for c in chosen):
            continue
        if any(_similar(s.text, c.sentence.text) for c in chosen for s in cand.support):
            continue
        chosen.append(cand)
    points = []
    for cand in chosen:
        evidence = (cand.sentence, *cand.support)
        sources = tuple(sorted({s.source for s in evidence}, key=source_key))
        points.append(
            KeyPoint(
                text=strip_dateline(cand.sentence.text),  # "CITY, Country (Wire) —" is no news
                sources=sources,
                evidence=tuple(Evidence(s.source, s.index, s.text) for s in evidence),
            )
        )
    return tuple(points)


def _candidates(source_set: SourceSet, analysis: Analysis) -> list[_Candidate]:
    prose = _prose_sentences(source_set, analysis)
    weights = _actor_weights(analysis)
    by_source: dict[str, list[Sentence]] = {}
    position_of: dict[tuple[str, int], int] = {}  # list.index() per sentence would cost the square
    for s in prose:
        group = by_source.setdefault(s.source, [])
        position_of.setdefault((s.source, s.index), len(group))
        group.append(s)
    out = []
    alike = _Alike(by_source)
    names = _NameFinder(weights)
    for s in prose:
        words = len(_WORD.findall(s.text))
        if words < 8 or words > 60:
            continue  # fragments and run-on captions make poor key points
        position = position_of[(s.source, s.index)]
        lead = 1.0 / (1 + position) ** 0.7
        salience = names.salience(s.text.casefold())
        support = alike.support(s)
        score = 2.0 * lead + min(salience, 3.0) + 1.5 * len(support)
        out.append(_Candidate(s, score, support))
    return out


def _prose_sentences(source_set: SourceSet, analysis: Analysis) -> list[Sentence]:
    kinds = {a.id: [b.kind for b in a.blocks] for a in source_set.articles}
    return [
        s
        for s in analysis.sentences
        if kinds[s.source] and kinds[s.source][s.block] == "paragraph" and not s.text.startswith(("“", '"'))
    ]


def _actor_weights(analysis: Analysis) -> dict[str, float]:
    """Weight per lowercased actor name or alias: share of all actor mentions, capped."""
    total = sum(a.mentions for a in analysis.actors) or 1
    weights: Counter[str] = Counter()
    for actor in analysis.actors:
        weight = min(1.0, 8 * actor.mentions / total)
        for name in (actor.name, *actor.aliases):
            if len(name) > 2:
                weights[name.casefold()] = max(weights[name.casefold()], weight)
    return dict(weights)


class _NameFinder:
    """The actor names a sentence contains (as substrings, like ``name in text``), found by
    looking up each three-letter window of the sentence instead of testing every name of
    the set: a set's names grow with its articles, and so would the cost per sentence."""

    def __init__(self, weights: dict[str, float]):
        self.weights = weights
        self.rank = {name: n for n, name in enumerate(weights)}
        self.by_head: dict[str, list[str]] = {}
        self.short = [name for name in weights if len(name) < 3]  # none, unless casefold shrank one
        for name in weights:
            if len(name) >= 3:
                self.by_head.setdefault(name[:3], []).append(name)

    def salience(self, lowered: str) -> float:
        """The sum of the weights of the names in ``lowered``, added in the order of
        ``weights`` (the order a plain sum over it takes: the same float)."""
        found = {name for i in range(len(lowered) - 2) for name in self.by_head.get(lowered[i:i + 3], ())
                 if lowered.startswith(name, i)} | {name for name in self.short if name in lowered}
        return sum(self.weights[name] for name in sorted(found, key=self.rank.__getitem__))


class _Alike:
    """For one sentence, the sentence most alike (``token_set_ratio``) of every other source
    that holds one :func:`_similar` to it, sources in their order.

    A Python call per pair of sentences made a set of a few hundred articles spend most of its
    time here; one row of scores per sentence is computed in C (``rapidfuzz.process.cdist``),
    the same scores, and only the pairs over the cut are checked further. In a set whose
    other sentences pass :data:`BLOCK_FROM`, a row against all of them would still cost the
    square of the set's size: there a sentence is scored only against the sentences that share
    a word with it (:class:`_WordIndex`), as alike sentences do.
    """

    def __init__(self, by_source: dict[str, list[Sentence]], *, block_from: int = BLOCK_FROM):
        import numpy as np

        groups = sorted(by_source.items(), key=lambda kv: source_key(kv[0]))
        self.sources = [src for src, _ in groups]
        self.flat = [o for _, others in groups for o in others]
        self.owner = np.array([g for g, (_, others) in enumerate(groups) for _ in others], dtype=np.int64)
        ends = np.cumsum([len(others) for _, others in groups])
        self.bounds = [(int(e) - len(others), int(e)) for e, (_, others) in zip(ends, groups)]
        self.texts = [o.text for o in self.flat]
        self.group = {src: g for g, src in enumerate(self.sources)}
        self.words = _WordIndex(self.texts) if len(self.texts) > block_from else None
        self.scored = 0  # pairs of sentences scored: what the growth test counts

    def support(self, s: Sentence) -> tuple[Sentence, ...]:
        """The supporting sentences of ``s`` (see the class docstring)."""
        if not self.texts:
            return ()
        # the sentence's own source is never support: score only the others (one long article
        # alone would otherwise be compared with itself, the square of its length)
        a, b = self.bounds[self.group[s.source]] if s.source in self.group else (0, 0)
        if self.words is None:
            return self._support_all(s, a, b)
        return self._support_among(s, [i for i in self.words.sharing(s.text) if not a <= i < b])

    def _support_all(self, s: Sentence, a: int, b: int) -> tuple[Sentence, ...]:
        """:meth:`support` over a row of scores against every sentence of the other sources."""
        import numpy as np
        from rapidfuzz import process

        row = np.zeros(len(self.texts), dtype=np.float64)
        self.scored += len(self.texts) - (b - a)
        for lo, hi in ((0, a), (b, len(self.texts))):
            if hi > lo:
                row[lo:hi] = process.cdist([s.text], self.texts[lo:hi], scorer=fuzz.token_set_ratio, dtype=np.float64)[0]
        hit = self._hits(s, np.nonzero(row >= SAME_CLAIM)[0])
        # argmax takes the first of equal scores, as max() over the source's sentences did
        return tuple(self.flat[a + int(np.argmax(row[a:b]))] for g in sorted(hit) for a, b in [self.bounds[g]])

    def _support_among(self, s: Sentence, among: list[int]) -> tuple[Sentence, ...]:
        """:meth:`support` scored against the sentences ``among`` only (positions, in order)."""
        import numpy as np
        from rapidfuzz import process

        if not among:
            return ()
        self.scored += len(among)
        scores = process.cdist([s.text], [self.texts[i] for i in among], scorer=fuzz.token_set_ratio, dtype=np.float64)[0]
        hit = self._hits(s, [among[k] for k in np.nonzero(scores >= SAME_CLAIM)[0]])
        best: dict[int, tuple[float, int]] = {}
        for score, i in zip(scores.tolist(), among):  # the first of equal scores, as argmax
            g = int(self.owner[i])
            if g in hit and (g not in best or score > best[g][0]):
                best[g] = (score, i)
        return tuple(self.flat[best[g][1]] for g in sorted(hit))

    def _hits(self, s: Sentence, over: "Iterable[int]") -> set[int]:
        """The sources (group numbers) of which a sentence at a position in ``over`` (scored
        over the cut) is also alike by ``token_sort_ratio``."""
        hit: set[int] = set()
        for i in over:
            g = int(self.owner[i])
            if g in hit or self.sources[g] == s.source:
                continue
            if fuzz.token_sort_ratio(s.text, self.texts[i]) >= SAME_CLAIM - 20:
                hit.add(g)
        return hit


class _WordIndex:
    """Sentences by the words they hold (case folded); a word found in
    more than :data:`COMMON_WORD` sentences is left out: it ties too many to narrow anything."""

    def __init__(self, texts: list[str]):
        found: dict[str, list[int]] = {}
        for i, text in enumerate(texts):
            for word in _words_of(text):
                found.setdefault(word, []).append(i)
        self.by_word = {w: at for w, at in found.items() if len(at) <= COMMON_WORD}

    def sharing(self, text: str) -> list[int]:
        """The positions of the sentences that share an indexed word with ``text``, in order."""
        return sorted({i for w in _words_of(text) for i in self.by_word.get(w, ())})


def _words_of(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def _similar(a: str, b: str) -> bool:
    return fuzz.token_set_ratio(a, b) >= SAME_CLAIM and fuzz.token_sort_ratio(a, b) >= SAME_CLAIM - 20
