"""Open questions: what the sources present as unconfirmed, proposed, expected or disputed.

Steps (one helper each):

1. find hedge cues in every sentence of running text (:mod:`generator.analysis.hedges`);
2. keep a cue only where it concerns a pending event or decision: a modal on a state
   ("could be a turning point"), on the past ("may have been") or inside a relative clause,
   a negated or overtaken cue ("no plans to", "had planned to"), and a demand or
   expectation that names no event are not open questions;
3. word one question per sentence from the parse (:mod:`generator.analysis.question_wording`);
4. group the questions about the same matter — shared places, dates, names and event
   phrases (:mod:`generator.analysis.question_links`) — into one question with all its
   sources; near-duplicates become evidence, the rest related items; sentences without a cue
   that name the same matter are added as related;
5. mark a group *disputed* when its sources give different days for the same pending event;
6. add the counts two sources give differently (:mod:`generator.analysis.question_disputes`).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from generator.analysis.hedges import Cue, HedgeLexicon, build_matcher, depth, find_cues, load_lexicon
from generator.analysis.question_disputes import find_disputed_counts
from generator.analysis.question_links import Matter, date_conflict, matter_of, same_matter, union
from generator.analysis.question_wording import Wording, Worder
from generator.model import Evidence, OpenQuestion, Sentence

if TYPE_CHECKING:
    from spacy.matcher import Matcher
    from spacy.tokens import Span, Token

    from generator.analysis.actors import ActorIndex
    from generator.analysis.document import ArticleDoc

log = logging.getLogger(__name__)

# When a sentence carries several cues, the question takes the most doubtful status.
STATUS_RANK = {"disputed": 0, "unconfirmed": 1, "proposed": 2, "expected": 3}
DUPLICATE_RATIO = 80  # rapidfuzz token_set_ratio above which two questions are the same
MAX_RELATED = 5
NEGATIVE_SUBJECTS = {"neither", "no", "none", "nobody", "nothing", "nor"}


@dataclass(frozen=True)
class Candidate:
    """A hedged sentence with its question, before grouping."""

    order: tuple[int, int]  # (article position, sentence index)
    sentence: Sentence
    cues: tuple[Cue, ...]
    wording: Wording
    status: str
    matter: Matter


def find_open_questions(docs: list["ArticleDoc"], index: "ActorIndex") -> tuple[OpenQuestion, ...]:
    """Every open question of a source set, merged across its articles.

    Args:
        docs: the parsed articles (``parse_articles``).
        index: the actor index; used only to recognise names (canonical keys for linking,
            people whose titles are dropped from the wording). ``resolve()`` may return None.

    Returns:
        The questions in the order their first evidence appears in the sources.
    """
    if not docs:
        return ()
    lexicon = load_lexicon()
    matcher = build_matcher(docs[0].doc.vocab, lexicon)
    candidates = [c for pos, d in enumerate(docs) for c in _candidates(pos, d, matcher, lexicon, index)]
    groups = _group(candidates)
    taken = {c.order for c in candidates}
    pool = _pool(docs, taken, lexicon, index)
    position = {d.source: n for n, d in enumerate(docs)}
    questions = [_question(g, _related(g, pool), position) for g in groups]
    hedged = {(e.source, e.sentence) for q in questions for e in q.evidence}
    for dispute in find_disputed_counts(docs, index, lexicon.event_nouns):
        if not any((e.source, e.sentence) in hedged for e in dispute.evidence):
            questions.append(dispute)
    return tuple(sorted(questions, key=lambda q: (position[q.evidence[0].source], q.evidence[0].sentence)))


# --------------------------------------------------------------------------- step 1-3


def _candidates(pos: int, doc: "ArticleDoc", matcher: "Matcher", lexicon: HedgeLexicon,
                index: Any) -> list[Candidate]:
    worder = Worder(doc.doc, lexicon, _person_test(index))
    out = []
    for sentence, span in doc.prose():
        try:
            candidate = _candidate(pos, doc, sentence, span, worder, matcher, lexicon, index)
        except Exception:  # noqa: BLE001 — one odd parse must not cost the whole briefing
            log.warning("%s: sentence %d: open-question wording failed", doc.article.path, sentence.index,
                        exc_info=True)
            continue
        if candidate is not None:
            out.append(candidate)
    return out


def _candidate(pos: int, doc: "ArticleDoc", sentence: Sentence, span: "Span", worder: Worder,
               matcher: "Matcher", lexicon: HedgeLexicon, index: Any) -> Candidate | None:
    """The question of one sentence, if a cue in it concerns a pending event (steps 1-3)."""
    cues = find_cues(span, matcher, lexicon)
    kept = [(cue, worder.word(cue)) for cue in cues]
    kept = [(cue, w) for cue, w in kept if _concerns_event(cue, w, span, lexicon)]
    worded = [(cue, w) for cue, w in kept if w is not None]
    if not worded:
        return None
    _, wording = min(worded, key=lambda cw: _preference(cw[0], cw[1], doc))
    status = min((c.status for c, _ in kept), key=STATUS_RANK.__getitem__)
    matter = matter_of(span, index, doc.article.published, lexicon.event_nouns)
    return Candidate((pos, sentence.index), sentence, tuple(c for c, _ in kept), wording, status, matter)


def _preference(cue: Cue, wording: Wording, doc: "ArticleDoc") -> tuple[int, int, int]:
    """Which cue words the sentence's question: built directly, nearest the root, listed first."""
    return (0 if wording.direct else 1, depth(doc.doc[cue.key]), cue.rule.line)


def _person_test(index: Any):
    def is_person(surface: str) -> bool:
        resolve = getattr(index, "resolve", None)
        try:
            actor = resolve(surface) if resolve else None
        except Exception:  # another stage's index must not break the wording
            return False
        return actor is not None and getattr(actor, "kind", None) == "person"

    return is_person


def _concerns_event(cue: Cue, wording: Wording | None, span: "Span", lexicon: HedgeLexicon) -> bool:
    """Whether ``cue`` marks a pending event or decision rather than an opinion (step 2)."""
    doc = span.doc
    key = doc[cue.key]
    if cue.rule.status == "disputed" and key.dep_ in ("amod", "compound"):
        return False  # "the disputed territory" names a thing; nobody disputes anything here
    if cue.rule.check == "strong":
        return True
    if wording is None or _in_relative_clause(key) or _negated(key) or _past_perfect(key):
        return False
    if key.tag_ == "MD" and not _open_modal(key, lexicon):
        return False
    anchor = doc[wording.anchor]
    if anchor.pos_ in ("VERB", "AUX") and anchor.lemma_.lower() in lexicon.stative_verbs:
        return False
    if cue.rule.check == "action":
        return True
    cue_words = set(range(cue.start, cue.end))
    scope = anchor.subtree if anchor.pos_ in ("VERB", "AUX") else [anchor, *anchor.subtree]
    return any(
        t.i not in cue_words
        and (t.lemma_.lower() in lexicon.event_nouns if t.pos_ in ("NOUN", "PROPN")
             else t.pos_ == "VERB" and t.lemma_.lower() in lexicon.event_verbs)
        for t in scope
    )


def _in_relative_clause(token: "Token") -> bool:
    """Inside "…, which could …": background on something else, not the matter itself.
    (Reduced relatives — "the meeting set to take place" — are ``acl`` and stay.)"""
    while token.head.i != token.i:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _past_perfect(key: "Token") -> bool:
    """"had planned/hoped/been expected to": a plan overtaken by events."""
    return any(c.dep_ == "aux" and c.lower_ in ("had", "'d") for c in key.children)


def _negated(key: "Token") -> bool:
    """"no plans to …", "did not call for …": the cue is denied, nothing is pending."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in key.children)


def _open_modal(modal: "Token", lexicon: HedgeLexicon) -> bool:
    """"could/may/might" on a future act: not perfect ("may have been"), not negated
    ("could not reach"), not conditional, not on a state."""
    verb = modal.head
    siblings = [c for c in verb.children if c.i > modal.i and c.i < verb.i]
    if any(c.lemma_ == "have" or c.dep_ == "neg" for c in siblings):
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lower_ in NEGATIVE_SUBJECTS or any(d.lower_ in NEGATIVE_SUBJECTS for d in c.children)
           for c in subjects):
        return False  # "neither side could score": a past inability, not a pending event
    if any(c.dep_ in ("advcl", "conj") and c.tag_ == "VBD" for c in verb.children):
        return False  # "could … as it ended": narrative past, "could" as the past of "can"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
        return False
    if any(c.dep_ == "advcl" and any(m.lower_ in ("if", "unless") for m in c.children if m.dep_ == "mark")
           for c in verb.children):
        return False  # "could fall if …": a condition, not an expectation
    return verb.lemma_.lower() not in lexicon.stative_verbs


# --------------------------------------------------------------------------- step 4-5


def _group(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Union the candidates about the same matter; groups in order of first appearance."""
    parent = list(range(len(candidates)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            duplicate = fuzz.token_set_ratio(a.wording.text, b.wording.text) >= DUPLICATE_RATIO
            if duplicate or same_matter(a.matter, b.matter, strict=True):
                parent[find(j)] = find(i)
    groups: dict[int, list[Candidate]] = {}
    for i, c in enumerate(candidates):
        groups.setdefault(find(i), []).append(c)
    return sorted(groups.values(), key=lambda g: g[0].order)


def _lead(group: list[Candidate]) -> Candidate:
    """The candidate whose question stands for the group: most cues, most doubtful, first."""
    return min(group, key=lambda c: (-len(c.cues), STATUS_RANK[c.status], c.order))


def _question(group: list[Candidate], related: list[Evidence], position: dict[str, int]) -> OpenQuestion:
    lead = _lead(group)
    same = [c for c in group if c is lead
            or fuzz.token_set_ratio(c.wording.text, lead.wording.text) >= DUPLICATE_RATIO]
    others = [c for c in group if not any(c is s for s in same)]
    evidence = [_evidence(c) for c in [lead] + sorted((c for c in same if c is not lead), key=lambda c: c.order)]
    linked = sorted({*(_evidence(c) for c in others), *related} - set(evidence),
                    key=lambda e: (position[e.source], e.sentence))
    cues: list[str] = []
    for c in [lead] + [c for c in same if c is not lead]:
        for cue in c.cues:
            if cue.text not in cues:
                cues.append(cue.text)
    status = "disputed" if _days_differ(group) else lead.status
    sources = sorted({e.source for e in evidence + linked}, key=position.__getitem__)
    return OpenQuestion(
        text=lead.wording.text,
        status=status,  # type: ignore[arg-type]
        cues=tuple(cues),
        sources=tuple(sources),
        evidence=tuple(evidence),
        related=tuple(linked),
    )


def _days_differ(group: list[Candidate]) -> bool:
    """Two sources give different days for the same pending matter."""
    for i, a in enumerate(group):
        for b in group[i + 1:]:
            if a.sentence.source != b.sentence.source and a.matter.places & b.matter.places \
                    and date_conflict(a.matter, b.matter):
                return True
    return False


def _evidence(c: Candidate) -> Evidence:
    return Evidence(c.sentence.source, c.sentence.index, c.sentence.text)


def _pool(docs: list["ArticleDoc"], taken: set[tuple[int, int]], lexicon: HedgeLexicon,
          index: Any) -> list["Pooled"]:
    """The sentences without a cue that name an event, with their matter (computed once)."""
    out = []
    for pos, doc in enumerate(docs):
        for sentence, span in doc.prose():
            if (pos, sentence.index) in taken:
                continue
            if not any(t.lemma_.lower() in lexicon.event_nouns for t in span if t.pos_ == "NOUN"):
                continue
            matter = matter_of(span, index, doc.article.published, lexicon.event_nouns)
            out.append(Pooled(Evidence(sentence.source, sentence.index, sentence.text), matter,
                              _refers_back(span, lexicon)))
    return out


@dataclass(frozen=True)
class Pooled:
    """A sentence without a cue that names an event."""

    evidence: Evidence
    matter: Matter
    refers_back: bool  # opens with or holds "the/this meeting": about the event just named


def _refers_back(span: "Span", lexicon: HedgeLexicon) -> bool:
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.event_nouns
               and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
               and not any(c.dep_ in ("amod", "compound", "prep") for c in t.children)
               for t in span)


def _related(group: list[Candidate], pool: list[Pooled]) -> list[Evidence]:
    """Sentences without a cue that name the same matter as the group (step 4), and the
    sentence right after one of them when it refers back to "the meeting" or "the talks"."""
    whole = union([c.matter for c in group])  # all its dates: a conflict with any one excludes
    out = [p.evidence for p in pool
           if same_matter(whole, p.matter) and any(same_matter(c.matter, p.matter) for c in group)]
    anchors = {(e.source, e.sentence) for e in out} | {(c.sentence.source, c.sentence.index) for c in group}
    out += [p.evidence for p in pool if p.refers_back and p.evidence not in out
            and (p.evidence.source, p.evidence.sentence - 1) in anchors]
    return out[:MAX_RELATED]
