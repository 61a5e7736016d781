"""Open questions: what the sources present as unconfirmed, proposed, expected or disputed.

Steps of :func:`find_open_questions` (one module each):

1. find hedge cues in every sentence of running text (:mod:`.cues`);
2. keep a cue only where it concerns a pending event or decision (:mod:`.pending`): a modal
   on a state ("could be a turning point"), on the past ("may have been") or inside a
   relative clause, a negated or overtaken cue ("no plans to", "had planned to"), and a
   demand or expectation that names no event are not open questions;
3. word one question per sentence from the parse (:mod:`.wording`);
4. group the questions about the same matter — shared places, dates, names and event
   phrases (:mod:`.links`) — into one question with all its sources (:mod:`.grouping`);
   near-duplicates become evidence, the rest related items; sentences without a cue
   that name the same matter are added as related;
5. mark a group *disputed* when its sources give different days for the same pending event;
6. add the counts two sources give differently (:mod:`.disputes`).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

from generator.analysis.questions.cues import (
    Cue,
    HedgeLexicon,
    build_matcher,
    depth,
    find_cues,
    load_lexicon,
)
from generator.analysis.questions.disputes import find_disputed_counts
from generator.analysis.questions.grouping import (
    STATUS_RANK,
    Candidate,
    group_candidates,
    related_evidence,
    to_question,
    uncued_pool,
)
from generator.analysis.questions.links import ActorLookup, matter_of
from generator.analysis.questions.pending import concerns_event
from generator.analysis.questions.wording import Worder, Wording
from generator.model import Block, OpenQuestion, Sentence

# "RELATED STORY | …": an upper-case label, a bar, then another story's headline
TEASER_LABEL = re.compile(r"^[A-Z][A-Z ]{2,30}\s*[|:]\s")
BULLETS = ("•", "▪", "►")

if TYPE_CHECKING:
    from generator.analysis.questions.cues import CueMatcher
    from spacy.tokens import Span

    from generator.analysis.document import ArticleDoc


def find_open_questions(docs: list["ArticleDoc"], index: ActorLookup, *,
                        lexicon: HedgeLexicon | None = None) -> tuple[OpenQuestion, ...]:
    """Every open question of a source set, merged across its articles.

    Args:
        docs: the parsed articles (``parse_articles``).
        index: the actor index; used only to recognise names (canonical keys for linking,
            people whose titles are dropped from the wording). ``resolve()`` may return None.
        lexicon: the hedge cues and word lists; None reads the packaged ones (once per process).

    Returns:
        The questions in the order their first evidence appears in the sources.
    """
    if not docs:
        return ()
    if lexicon is None:
        lexicon = load_lexicon()
    matcher = build_matcher(docs[0].doc.vocab, lexicon)
    candidates = [c for pos, d in enumerate(docs) for c in _candidates(pos, d, matcher, lexicon, index)]
    groups = group_candidates(candidates)
    taken = {c.order for c in candidates}
    pool = uncued_pool(docs, taken, lexicon, index)
    position = {d.source: n for n, d in enumerate(docs)}
    questions = [to_question(g, related_evidence(g, pool), position) for g in groups]
    hedged = {(e.source, e.sentence) for q in questions for e in q.evidence}
    for dispute in find_disputed_counts(docs, index, lexicon.event_nouns):
        if not any((e.source, e.sentence) in hedged for e in dispute.evidence):
            questions.append(dispute)
    return tuple(sorted(questions, key=lambda q: (position[q.evidence[0].source], q.evidence[0].sentence)))


def _candidates(pos: int, doc: "ArticleDoc", matcher: "CueMatcher", lexicon: HedgeLexicon,
                index: ActorLookup) -> list[Candidate]:
    worder = Worder(doc.doc, lexicon, _person_test(index))
    teasers = teaser_blocks(doc.article.blocks)
    out = []
    for sentence, span in doc.prose():
        if sentence.block in teasers:
            continue
        candidate = _candidate(pos, doc, sentence, span, worder, matcher, lexicon, index)
        if candidate is not None:
            out.append(candidate)
    return out


def _candidate(pos: int, doc: "ArticleDoc", sentence: Sentence, span: "Span", worder: Worder,
               matcher: "CueMatcher", lexicon: HedgeLexicon, index: ActorLookup) -> Candidate | None:
    """The question of one sentence, if a cue in it concerns a pending event (steps 1-3)."""
    cues = find_cues(span, matcher, lexicon)
    kept = [(cue, worder.word(cue)) for cue in cues]
    kept = [(cue, w) for cue, w in kept if concerns_event(cue, w, span, lexicon)]
    worded = [(cue, w) for cue, w in kept if w is not None]
    if not worded:
        return None
    _, wording = min(worded, key=lambda cw: _preference(cw[0], cw[1], doc))
    status = min((c.status for c, _ in kept), key=STATUS_RANK.__getitem__)
    matter = matter_of(span, index, doc.article.published, lexicon.event_nouns)
    return Candidate((pos, sentence.index), sentence, tuple(c for c, _ in kept), wording, status, matter,
                     _continued(doc, sentence, span))


def _continued(doc: "ArticleDoc", sentence: Sentence, span: "Span") -> Sentence | None:
    """The sentence before, when this one goes on from it in the same paragraph: it opens
    with "But"/"And"/"Yet" (a quote or an argument continued), so it cannot stand alone."""
    words = [t for t in span if not t.is_punct]
    if not words or words[0].dep_ != "cc" or sentence.index == 0:
        return None
    before = doc.sentences[sentence.index - 1]
    return before if before.block == sentence.block else None


def teaser_blocks(blocks: "tuple[Block, ...]") -> set[int]:
    """Blocks that point to other stories, not the article's own text: a labelled link
    ("RELATED | …", "Read more | …") and a bulleted headline with the summary under it."""
    out: set[int] = set()
    for n, block in enumerate(blocks):
        text = block.text.lstrip()
        if TEASER_LABEL.match(text):
            out.add(n)
        elif text.startswith(BULLETS):
            out.add(n)
            if n + 1 < len(blocks) and not blocks[n + 1].text.lstrip().startswith(BULLETS):
                out.add(n + 1)
    return out


def _preference(cue: Cue, wording: Wording, doc: "ArticleDoc") -> tuple[int, int, int, int]:
    """Which cue words the sentence's question: built directly, a specific cue before a bare
    modal ("the proposed merger would …" asks about the merger), nearest the root, listed first."""
    key = doc.doc[cue.key]
    return (0 if wording.direct else 1, 1 if key.tag_ == "MD" else 0, depth(key), cue.rule.line)


def _person_test(index: ActorLookup) -> Callable[[str], bool]:
    def is_person(surface: str) -> bool:
        actor = index.resolve(surface)
        return actor is not None and actor.kind == "person"

    return is_person
