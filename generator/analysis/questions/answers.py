"""Questions that get answered: a later article reports that a question's event happened, was
called off, confirmed or denied.

A sentence answers an open question when (1) one of its verbs reports an outcome
(``lexicons/answer_cues.txt``, or the question's own event verb in the past) in the past
tense, not under a modal or a condition; (2) it names one of the question's actors or places
and one of its event words (lemmas of event nouns and verbs), the event word tied to the
outcome verb in the parse; (3) it names no day the question's days contradict; (4) its
article was published after the question was first raised (the sentence may be one the
question's grouping took as evidence: a report of the outcome names the same matter).
The best-matching sentence (most shared keys, then the earliest) is the answer.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.analysis.document import sentence_entities
from generator.analysis.lexicons import read_lexicon, word_sections
from generator.analysis.questions.cues import HedgeLexicon
from generator.analysis.questions.links import (
    ActorLookup,
    Matter,
    canonical,
    date_conflict,
    matter_of,
    union,
)
from generator.model import Answer, Evidence, OpenQuestion, Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.analysis.document import ArticleDoc

ANSWER_FILE = "answer_cues.txt"
OUTCOMES = ("happened", "cancelled", "confirmed", "denied")
# The status a question moves to for each outcome.
STATUS = {"happened": "answered", "cancelled": "cancelled", "confirmed": "confirmed", "denied": "denied"}
# The words of a date name that pick one day ("thursday"); "year" or "week" pick none.
_DAY_NAMES = frozenset(("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
# Clause links an event word may not cross to reach a happening verb: the verb of another clause.
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "xcomp", "acl", "conj", "parataxis"})


@lru_cache(maxsize=1)
def answer_cues() -> dict[str, tuple[tuple[str, ...], ...]]:
    """The outcome verbs of ``answer_cues.txt`` by outcome, each as its words."""
    sections = word_sections(read_lexicon(ANSWER_FILE))
    return {k: tuple(sorted(tuple(e.split()) for e in sections.get(k, ()))) for k in OUTCOMES}


@dataclass(frozen=True)
class Side:
    """What a sentence (or a question's sentences) names, for matching."""

    matter: Matter
    events: frozenset[str]  # event-noun and event-verb lemmas
    day_words: frozenset[str] = frozenset()  # the words of its date names ("thursday")


def _event_words(span: Span, lexicon: HedgeLexicon) -> frozenset[str]:
    return frozenset(
        t.lemma_.lower() for t in span
        if (t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.event_nouns)
        or (t.pos_ == "VERB" and t.lemma_.lower() in lexicon.event_verbs)
    )


def _matches(tok: Token, words: tuple[str, ...]) -> bool:
    if tok.lemma_.lower() != words[0]:
        return False
    return len(words) == 1 or any(c.lower_ == words[1] or c.lemma_.lower() == words[1] for c in tok.children)


def _reported_past(tok: Token) -> bool:
    """A verb in the past (simple, perfect or passive), not under a modal or a condition."""
    # a verb inside a relative clause describes a noun ("the quarter, which ended…"), not the outcome
    if tok.tag_ not in ("VBD", "VBN") or tok.dep_ in ("amod", "acl", "relcl"):
        return False
    kids = list(tok.children)
    if any(c.tag_ == "MD" or (c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether")) for c in kids):
        return False
    return tok.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") for c in kids)


@dataclass(frozen=True)
class PastVerb:
    """A verb of a sentence reported in the past, and the outcomes the lexicon reads in it:
    what :func:`outcome_verbs` needs of it, whatever the question."""

    token: Token
    lemma: str
    negated: bool
    cues: frozenset[str]  # the outcomes whose entries of answer_cues.txt it matches


def past_verbs(span: Span) -> list[PastVerb]:
    """The verbs of ``span`` in the past, not under a modal or a condition, in order."""
    found = []
    for tok in span:
        if tok.pos_ not in ("VERB", "AUX") or not _reported_past(tok):
            continue
        cues = frozenset(o for o, entries in answer_cues().items() if any(_matches(tok, w) for w in entries))
        found.append(PastVerb(tok, tok.lemma_.lower(), any(c.dep_ == "neg" for c in tok.children), cues))
    return found


def outcome_verbs(span: Span, own_verbs: frozenset[str] = frozenset(), *,
                  verbs: list[PastVerb] | None = None) -> list[tuple[str, Token]]:
    """Every (outcome, verb) the sentence reports; a negated happening is a cancellation.

    ``verbs``: the sentence's :func:`past_verbs`, when the caller keeps them (a set's
    sentences are read for many questions).
    """
    found = []
    for verb in past_verbs(span) if verbs is None else verbs:
        for outcome in OUTCOMES:  # the order of answer_cues()
            hit = outcome in verb.cues or (outcome == "happened" and verb.lemma in own_verbs)
            if hit and not (verb.negated and outcome != "happened"):
                found.append(("cancelled" if verb.negated else outcome, verb.token))
                break
    return found


def _tied(verb: Token, outcome: str, words: frozenset[str]) -> bool:
    """An event word is the verb itself or hangs from it within its clause; only a
    confirmation or denial reaches into the clause it governs ("confirmed the vote went ahead")."""
    if verb.lemma_.lower() in words:
        return True
    for tok in verb.subtree:
        if tok.i == verb.i or tok.lemma_.lower() not in words:
            continue
        node, crossed = tok, False
        while node.i != verb.i:
            reach = outcome in ("confirmed", "denied") and node.head.i == verb.i and node.dep_ == "ccomp"
            crossed = crossed or (node.dep_ in _CLAUSE_DEPS and not reach)
            node = node.head
        if not crossed:
            return True
    return False


def shared_names(ours: frozenset[str], theirs: frozenset[str]) -> set[str]:
    """The names both sides give, a shorter form counting for a longer one that starts with
    the same word and holds all its words ("the port council", "the port city council");
    "china" does not stand for "air china"."""
    shared = set()
    for a in sorted(ours):
        for b in sorted(theirs):
            wa, wb = a.split(), b.split()
            if wa and wb and wa[0] == wb[0] and (set(wa) <= set(wb) or set(wb) <= set(wa)):
                shared.add(min(a, b, key=len))
    return shared


def _beyond_own_verb(verb: Token, outcome: str, words: frozenset[str]) -> bool:
    """A verb that reports the outcome only because the question used it too ("reached an
    agreement" against "reached the wrong conclusion") must also govern another of the
    question's event words or name its day (see :func:`_score`); the lexicon's verbs need not."""
    lemma = verb.lemma_.lower()
    if outcome != "happened" or any(words_[0] == lemma for words_ in answer_cues()["happened"]):
        return True
    return any(t.i != verb.i and t.lemma_.lower() in words - {lemma} for t in verb.subtree)


def _score(question: Side, answer: Side, outcome: str, *, own_only: bool = False) -> int:
    """Shared keys, or 0 when an actor or place, an event word or the days do not agree.

    Days are compared as resolved dates and as the words naming them: a later report often
    names the day relative to its own date, and a weekday it names may resolve elsewhere.
    A report that the event took place must name the question's day when the question has one
    (an earlier meeting of the same people is not the pending one); a cancellation need not.
    """
    who = shared_names(question.matter.entities | question.matter.places, answer.matter.entities | answer.matter.places)
    events = question.events & answer.events
    same_day = bool(question.matter.dates & answer.matter.dates or question.day_words & answer.day_words)
    if not who or not events or (date_conflict(question.matter, answer.matter) and not same_day):
        return 0
    if outcome == "happened" and any(len(d) == 10 for d in question.matter.dates) and not same_day:
        return 0
    if own_only and not same_day:
        return 0  # the question's own verb, with nothing else of the question: not enough
    return len(who) + len(events) + int(same_day)


def sentence_side(span: Span, doc: ArticleDoc, index: ActorLookup, lexicon: HedgeLexicon, *, answer: bool) -> Side:
    """What one sentence names; with ``answer`` its days after publication are dropped."""
    matter = matter_of(span, index, doc.article.published, lexicon.event_nouns)
    published = doc.article.published
    if answer and published is not None:
        # an answer reports the past: a day after its publication is a misread weekday
        matter = replace(matter, dates=frozenset(d for d in matter.dates if d[:10] <= published.isoformat()))
    ents = sentence_entities(span)  # span.ents walks the whole document on every read
    days = frozenset(t.lower_ for e in ents if e.label_ == "DATE" for t in e if t.lower_ in _DAY_NAMES)
    # a country ties too many stories to count as the shared actor: people, bodies and places do
    countries = {e.text for e in ents if (a := index.resolve(e.text)) is not None and a.kind == "country"}
    keys = {canonical(c, index)[0] for c in countries}
    matter = replace(matter, entities=matter.entities - keys)
    return Side(matter, _event_words(span, lexicon), days)


def _question_side(q: OpenQuestion, spans: dict[tuple[str, int], tuple[Span, ArticleDoc]],
                   index: ActorLookup, lexicon: HedgeLexicon, *, lead_only: bool = False) -> Side:
    """What the question's sentences name; with ``lead_only`` only the sentence it is worded from."""
    evidence = q.evidence[:1] if lead_only else q.evidence
    sides = [sentence_side(*spans[(e.source, e.sentence)], index, lexicon, answer=False)
             for e in evidence if (e.source, e.sentence) in spans]
    return Side(union([s.matter for s in sides]), frozenset().union(*(s.events for s in sides)),
                frozenset().union(*(s.day_words for s in sides)))


def _first_raised(q: OpenQuestion, docs: list[ArticleDoc]) -> str | None:
    days = sorted(d.article.published.isoformat() for d in docs
                  if d.source in q.sources and d.article.published is not None)
    return days[0] if days else None


class _EventIndex:
    """The prose sentences of a set by the event words they name, read once per set.

    A sentence that names none of a question's event words scores 0 against it
    (:func:`_score`), so each question looks only at the sentences the index gives for its
    words, in the order of the articles and their sentences, not at every sentence.
    """

    def __init__(self, docs: list[ArticleDoc], lexicon: HedgeLexicon):
        self.rows: list[tuple[int, Sentence, Span]] = []
        self.by_word: dict[str, list[int]] = {}
        self._verbs: dict[int, list[PastVerb]] = {}  # past_verbs per row, read once
        for n, doc in enumerate(docs):
            for sentence, span in doc.prose():
                for word in _event_words(span, lexicon):
                    self.by_word.setdefault(word, []).append(len(self.rows))
                self.rows.append((n, sentence, span))

    def sharing(self, words: frozenset[str]) -> list[int]:
        """The rows of the sentences that name one of ``words``, in order."""
        return sorted({i for w in words for i in self.by_word.get(w, ())})

    def verbs(self, row: int) -> list[PastVerb]:
        """The :func:`past_verbs` of the sentence of ``row`` (found on first use)."""
        if row not in self._verbs:
            self._verbs[row] = past_verbs(self.rows[row][2])
        return self._verbs[row]


def _later(doc: ArticleDoc, raised: str) -> bool:
    """Whether ``doc`` was published after ``raised``; only a stated date makes an article
    later: one taken from the set's context is not."""
    published = doc.article.published
    return published is not None and doc.article.published_basis != "set context" and published.isoformat() > raised


def _best_answer(q: OpenQuestion, sides: tuple[Side, Side], docs: list[ArticleDoc], index: ActorLookup,
                 lexicon: HedgeLexicon, events: _EventIndex) -> Answer | None:
    """The best later sentence that answers ``q`` (see the module docstring), or None.

    ``sides`` are the question's lead sentence (the one it is worded from) and all its
    sentences: a match must hold against all of them, and the best one is the one that
    matches the lead best (the grouped sentences may name a neighbouring matter).
    """
    lead, side = sides
    raised = _first_raised(q, docs)
    if raised is None:
        return None
    best: tuple[tuple[int, int], Answer] | None = None
    for row in events.sharing(side.events):
        n, sentence, span = events.rows[row]
        doc = docs[n]
        if not _later(doc, raised):
            continue
        for outcome, verb in outcome_verbs(span, side.events, verbs=events.verbs(row)):
            if not _tied(verb, outcome, side.events):
                continue
            answer_side = sentence_side(span, doc, index, lexicon, answer=True)
            own_only = not _beyond_own_verb(verb, outcome, side.events)
            score = (_score(lead, answer_side, outcome, own_only=own_only),
                     _score(side, answer_side, outcome, own_only=own_only))
            if score[1] and (best is None or score > best[0]):
                evidence = Evidence(doc.source, sentence.index, sentence.text)
                best = (score, Answer(STATUS[outcome], evidence, doc.article.published.isoformat(), verb.lemma_.lower()))
            break
    return best[1] if best else None


def answer_questions(questions: tuple[OpenQuestion, ...], docs: list[ArticleDoc], index: ActorLookup,
                     lexicon: HedgeLexicon) -> tuple[OpenQuestion, ...]:
    """``questions`` with the answer a later article gives, where one does (the rest unchanged)."""
    if not questions:
        return questions
    spans = {(d.source, s.index): (span, d) for d in docs for s, span in zip(d.sentences, d.spans)}
    events = _EventIndex(docs, lexicon)
    out = []
    for q in questions:
        sides = (_question_side(q, spans, index, lexicon, lead_only=True), _question_side(q, spans, index, lexicon))
        answer = _best_answer(q, sides, docs, index, lexicon, events)
        out.append(replace(q, answer=answer) if answer else q)
    return tuple(out)
