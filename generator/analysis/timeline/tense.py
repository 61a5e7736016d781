"""The tense of the clause a date attaches to, which decides which Tuesday "Tuesday" is:
"the talks ended on Tuesday" is the most recent one, "will meet on Thursday" the next.
Read from the parse when there is one, else roughly from the words before the mention.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.analysis.timeline.lexicon import DateWords
from generator.analysis.timeline.reckoning import Tense

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def tokens_in(span: "Span", base: int, start: int, end: int) -> list["Token"]:
    """The tokens of ``span`` between ``start`` and ``end`` (offsets after ``base``)."""
    return [t for t in span if start <= t.idx - base < end]


def _governor(token: "Token") -> "Token":
    """The verb (or clause head) a date token attaches to."""
    seen = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and seen < 12:
        token = token.head
        seen += 1
    return token


def _verb_tense(verb: "Token", date_tokens: list["Token"], words: DateWords) -> Tense:
    """Past, present or future from the governing verb, its auxiliaries and its head."""
    future_verbs = words.future_verbs  # "plans to meet on Friday", "is set for May"
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    aux_lower = {a.lower_ for a in aux}
    # "would" is mostly the future of reported speech in news ("said it would vote on Thursday")
    if aux_lower & {"will", "shall", "'ll", "wo", "’ll", "would"}:
        return "future"
    # "may return on Sunday"; not "could" ("could not be reached on Tuesday" is past) and
    # not with "have" ("may have met on Tuesday")
    if aux_lower & {"may", "might", "must", "should", "can"} and "have" not in aux_lower:
        return "future"
    if verb.lemma_ in future_verbs and verb.tag_ in ("VBN", "VBZ", "VBP", "VBG", "JJ"):
        return "future"
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and (verb.tag_ == "VB" or "to" in aux_lower):
        if head.lemma_ in future_verbs | {"be", "want", "go"} and head.tag_ != "VBD":
            return "future"
    # "are to travel", "is set to meet", "plans to visit": the clause looks ahead
    if verb.lemma_ in future_verbs | {"be"} and verb.tag_ != "VBD" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in verb.children
    ):
        return "future"
    if any(a.tag_ == "VBD" for a in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and "had" in aux_lower:
        return "past"
    if verb.tag_ == "VBN" and aux_lower & {"has", "have"}:
        # present perfect: "has called a rally on March 18" may look ahead; for weekdays
        # "present" still reads as the most recent such day
        return "present"
    if verb.tag_ == "VBN" and {"to", "be"} <= aux_lower:  # "an event to be held on May 3"
        return "future"
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):  # "the talks held on Monday"
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") or aux_lower & {"is", "are", "am", "being"}:
        progressive = "being" in aux_lower or (verb.tag_ == "VBG" and bool(aux_lower & {"is", "are", "am"}))
        prep = {t.head.lower_ for t in date_tokens if t.head.dep_ == "prep"}
        if progressive or prep & {"for", "until", "till", "by"}:
            return "future"
        # in running text a simple present with a date is a timetable ("the trial resumes
        # on Monday"), except for attribution ("says on Tuesday", headline style)
        if verb.tag_ in ("VBZ", "VBP") and not aux and verb.lemma_ not in words.present_attribution:
            return "future"
        return "present"
    return None


def tense_from_span(span: "Span", base: int, start: int, end: int, words: DateWords) -> Tense:
    """The tense of the clause the mention at ``start:end`` attaches to, from the parse."""
    tokens = tokens_in(span, base, start, end)
    if not tokens:
        return None
    root = min(tokens, key=lambda t: len(list(t.ancestors)))
    # "the upcoming meeting on June 9": a future-looking modifier on the noun it dates
    for anc in [root, *root.ancestors]:
        if anc.pos_ in ("VERB", "AUX"):
            break
        if any(c.lower_ in words.future_modifiers for c in anc.children):
            return "future"
    return _verb_tense(_governor(root), tokens, words)


_FUTURE_TEXT = re.compile(
    r"\b(?:will|shall|'ll|’ll|is\s+to|are\s+to|set\s+to|due\s+to|scheduled|expected|planned|plans?\s+to|upcoming|going\s+to)\b",
    re.I,
)
_PAST_TEXT = re.compile(r"\b(?:was|were|had|did|\w+ed)\b", re.I)


def tense_from_text(before: str) -> Tense:
    """A rough tense from the words before the mention, when no parse is given."""
    if _FUTURE_TEXT.search(before):
        return "future"
    if _PAST_TEXT.search(before):
        return "past"
    return None


