"""Where the sources disagree: pairs of sentences that say different things about one matter.

Four kinds, each from the parse, between two sources or within one article:

* *number*: two figures for the same count (:mod:`.questions.disputes`: the same noun and
  verb, a shared name, place or event phrase, different numbers);
* *date*: two days for the same event: a day written out ("10 March") attached (through
  its preposition) to the same event verb or noun, in sentences that share at least two
  names or places;
* *speaker*: the same quotation attributed to different speakers;
* *denial*: a sentence in which someone denies, rejects or rules out what another sentence
  reports as done (shared names and event words; the outcome verbs of
  :mod:`.questions.answers`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.questions.answers import (
    outcome_verbs,
    sentence_side,
    shared_names,
)
from generator.analysis.questions.cues import HedgeLexicon
from generator.analysis.questions.disputes import same_count, sentence_counts
from generator.analysis.questions.links import ActorLookup
from generator.analysis.timeline.resolve import resolve_dates
from generator.model import Difference, Evidence, Statement

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.analysis.document import ArticleDoc

# How far up the parse a day may hang from the event it dates ("met on Monday" is one step).
_DATE_REACH = 3
_SPACE = re.compile(r"\W+")


@dataclass(frozen=True)
class _Dated:
    """One event word with the day a sentence gives it."""

    event: str
    day: str
    day_text: str
    names: frozenset[str]
    evidence: Evidence


def _dated_event(tok: Token, lexicon: HedgeLexicon) -> str | None:
    """The event verb or noun a date token hangs from, within a few steps."""
    node = tok
    for _ in range(_DATE_REACH):
        if node.head.i == node.i:
            break
        node = node.head
        lemma = node.lemma_.lower()
        if (node.pos_ == "VERB" and lemma in lexicon.event_verbs) or (node.pos_ == "NOUN" and lemma in lexicon.event_nouns):
            return lemma
    return None


def _dates_of(doc: ArticleDoc, index: ActorLookup, lexicon: HedgeLexicon) -> list[_Dated]:
    out = []
    for sentence, span in doc.prose():
        if doc.block_of(sentence).kind == "post":
            continue  # a post's relative days count from its own date, not the article's
        names = None
        for m in resolve_dates(span.text, doc.article.published, span=span):
            # only a day the text writes out: a weekday or "today" is resolved against a date
            # that may not be the sentence's own (a post, a present-tense report)
            if len(m.value) != 10 or m.end_value or not any(ch.isdigit() for ch in m.text):
                continue
            found = span.char_span(m.start, m.end, alignment_mode="expand")
            event = _dated_event(found.root, lexicon) if found is not None else None
            if event is None:
                continue
            if names is None:
                side = sentence_side(span, doc, index, lexicon, answer=False)
                names = side.matter.entities | side.matter.places
            out.append(_Dated(event, m.value, m.text, names, Evidence(doc.source, sentence.index, sentence.text)))
    return out


def _date_differences(docs: list[ArticleDoc], index: ActorLookup, lexicon: HedgeLexicon) -> list[Difference]:
    dated = [d for doc in docs for d in _dates_of(doc, index, lexicon)]
    out = []
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            if a.evidence == b.evidence or a.event != b.event or a.day == b.day:
                continue
            if len(shared_names(a.names, b.names)) >= 2:
                out.append(Difference("date", a.event, (a.day_text, b.day_text), (a.evidence, b.evidence)))
    return out


def _number_differences(docs: list[ArticleDoc], index: ActorLookup, lexicon: HedgeLexicon) -> list[Difference]:
    """Each count's first figure against every later one that differs, and each figure
    against a different one later in its own article (a revision)."""
    counts = [c for d in docs for s, span in d.prose() for c in sentence_counts(d, s.index, span, index, lexicon.event_nouns)]
    out = []
    paired: set[int] = set()
    for i, a in enumerate(counts):
        for j, b in enumerate(counts[i + 1:], i + 1):
            same_article = a.evidence.source == b.evidence.source
            if a.evidence == b.evidence or not same_count(a, b) or (i in paired and not same_article):
                continue
            paired.add(j)
            out.append(Difference("number", a.question, (a.value, b.value), (a.evidence, b.evidence)))
    return out


def _speaker_differences(statements: tuple[Statement, ...]) -> list[Difference]:
    """The same quotation (direct speech, same words) given to different speakers."""
    first: dict[str, Statement] = {}
    out = []
    for st in statements:
        if st.kind != "direct" or not st.evidence:
            continue
        key = _SPACE.sub(" ", st.text.casefold()).strip()
        if len(key.split()) < 4:
            continue  # a short phrase ("staunch ally") is often quoted by several speakers
        seen = first.setdefault(key, st)
        # a description ("the union leader") is often the named speaker: only two names differ
        if seen.speaker != st.speaker and seen.speaker[:1].isupper() and st.speaker[:1].isupper():
            out.append(Difference("speaker", st.text, (seen.speaker, st.speaker), (seen.evidence[0], st.evidence[0])))
    return out


def _content(tokens) -> frozenset[str]:
    return frozenset(t.lemma_.lower() for t in tokens
                     if t.pos_ in ("NOUN", "PROPN", "VERB") and not t.is_stop and t.is_alpha)


def _denied_claims(span: Span) -> list[tuple[frozenset[str], str]]:
    """What each denial verb of the sentence denies (its clause or object): content words, text."""
    out = []
    for outcome, verb in outcome_verbs(span):
        if outcome != "denied":
            continue
        for child in verb.children:
            if child.dep_ in ("ccomp", "dobj", "xcomp"):
                words = _content(child.subtree)
                if len(words) >= 2:
                    tokens = list(child.subtree)
                    out.append((words, span.doc[tokens[0].i: tokens[-1].i + 1].text))
    return out


def _asserts(span: Span) -> bool:
    """The sentence reports something as done: a past verb, not negated, not a denial."""
    if any(o == "denied" for o, _ in outcome_verbs(span)):
        return False
    return any(t.tag_ == "VBD" and t.dep_ in ("ROOT", "ccomp") and not any(c.dep_ == "neg" for c in t.children)
               for t in span)


def _denial_differences(docs: list[ArticleDoc]) -> list[Difference]:
    """A denial against a sentence elsewhere that asserts what it denies (most of its words)."""
    sentences = [(doc.source, s, span) for doc in docs for s, span in doc.prose()]
    out = []
    for source, s, span in sentences:
        for claim, claim_text in _denied_claims(span):
            need = min(len(claim), 3)
            for other_source, o, other in sentences:
                if (other_source, o.index) != (source, s.index) and len(claim & _content(other)) >= need and _asserts(other):
                    out.append(Difference("denial", claim_text, ("denied", "reported"),
                                          (Evidence(source, s.index, s.text), Evidence(other_source, o.index, o.text))))
                    break
    return out


def find_differences(docs: list[ArticleDoc], index: ActorLookup, statements: tuple[Statement, ...],
                     lexicon: HedgeLexicon) -> tuple[Difference, ...]:
    """Every disagreement of the set (see the module docstring), each pair once, in text order."""
    found = [*_number_differences(docs, index, lexicon), *_date_differences(docs, index, lexicon),
             *_speaker_differences(statements), *_denial_differences(docs)]
    position = {d.source: n for n, d in enumerate(docs)}
    seen: set[tuple] = set()
    out = []
    for diff in sorted(found, key=lambda d: (position[d.evidence[0].source], d.evidence[0].sentence, d.kind)):
        key = (diff.kind, *(e.source for e in diff.evidence), *(e.sentence for e in diff.evidence))
        if key not in seen:
            seen.add(key)
            out.append(diff)
    return tuple(out)
