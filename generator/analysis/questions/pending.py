"""Whether a hedge cue concerns a pending event or decision (step 2 of the finder).

A modal on a state ("could be a turning point"), on the past ("may have been") or inside a
relative clause, a negated or overtaken cue ("no plans to", "had planned to"), and a demand
or expectation that names no event are not open questions.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.questions.cues import Cue, HedgeLexicon
from generator.analysis.questions.wording import Wording

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

NEGATIVE_SUBJECTS = {"neither", "no", "none", "nobody", "nothing", "nor"}
FUTURE_MODALS = {"will", "shall", "would"}
# "may have been driven by …": a guess about the past, still unconfirmed
PAST_HEDGES = {"may", "might", "could"}
TIME_MARKS = {"when", "once", "until", "after", "before"}
PAST_ADVERBS = {"previously", "formerly", "once", "earlier"}
# Arcs through which a clause inherits the verb that reports it ("said X will … and Y will …").
REPORTED_ARCS = {"ccomp", "conj", "xcomp", "advcl", "parataxis"}


def concerns_event(cue: Cue, wording: Wording | None, span: "Span", lexicon: HedgeLexicon) -> bool:
    """Whether ``cue`` marks a pending event or decision rather than an opinion (step 2)."""
    doc = span.doc
    key = doc[cue.key]
    if cue.rule.status == "disputed" and key.dep_ in ("amod", "compound"):
        return False  # "the disputed territory" names a thing; nobody disputes anything here
    if cue.rule.frame == "content" and key.pos_ == "VERB" and wording is not None \
            and wording.anchor < key.i and cue.status != "disputed" \
            and any(t.is_quote for t in doc[span.start:key.i]):
        return False  # '"Shares rose," X reported': the attribution of a quote, not a hedge
    if cue.rule.check == "strong":
        return True
    if wording is None or _in_relative_clause(key) or _negated(key) or _past_perfect(key):
        return False
    if _overtaken(key) or (cue.rule.frame == "xcomp" and cue.status == "expected" and _past_tense(key)):
        return False
    if key.tag_ == "MD" and not _open_modal(key, lexicon):
        return False
    if key.tag_ == "MD" and key.lemma_.lower() in FUTURE_MODALS and _on_record(key.head, lexicon):
        return False
    anchor = doc[wording.anchor]
    if anchor.pos_ in ("VERB", "AUX") and _stative(anchor, key, lexicon):
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


def _overtaken(key: "Token") -> bool:
    """"previously threatening to …", "had earlier planned to …": a cue of the past."""
    return any(c.dep_ == "advmod" and c.lower_ in PAST_ADVERBS for c in key.children)


def _past_tense(key: "Token") -> bool:
    """"was scheduled/expected/due to …": an expectation of the past, since met or missed."""
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in key.children) \
        or (key.lemma_ == "be" and key.tag_ == "VBD")


def _negated(key: "Token") -> bool:
    """"no plans to …", "did not call for …": the cue is denied, nothing is pending."""
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in key.children)


def _open_modal(modal: "Token", lexicon: HedgeLexicon) -> bool:
    """"could/may/might" on a future act: not perfect ("may have been"), not negated
    ("could not reach"), not conditional, not on a state."""
    verb = modal.head
    siblings = [c for c in verb.children if c.i > modal.i and c.i < verb.i]
    if any(c.dep_ == "neg" for c in siblings):
        return False
    if any(c.lemma_ == "have" for c in siblings) and modal.lemma_.lower() not in PAST_HEDGES:
        return False  # "would have raised": a counterfactual, nothing is pending
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
    return not _stative(verb, modal, lexicon)


def _stative(verb: "Token", cue: "Token", lexicon: HedgeLexicon) -> bool:
    """A verb of state, unless it stands for an act: "will be able to return" (ability to
    act), "will be empty when it returns" (a state the future brings at a stated time)."""
    if verb.lemma_.lower() not in lexicon.stative_verbs:
        return False
    if verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "able" for c in verb.children):
        return False
    future = cue.tag_ == "MD" and cue.lemma_.lower() in ("will", "shall")
    return not (future and verb.lemma_ == "be" and _timed(verb))


def _timed(verb: "Token") -> bool:
    """The clause says when: a date, or "when/once/until/after/before …"."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree):
        return True
    return any(c.dep_ == "advcl" and any(m.lower_ in TIME_MARKS for m in c.children
                                         if m.dep_ in ("mark", "advmod"))
               for c in verb.children)


def _on_record(verb: "Token", lexicon: HedgeLexicon) -> bool:
    """A future that is decided or a pledge of effort, not a pending event: "announced that
    the plant will close", "decided that the crew will return", "will do its utmost"."""
    if any(c.lemma_.lower() == "do" and any(o.dep_ == "dobj" and o.lower_ in lexicon.effort_objects
                                            for o in c.subtree) for c in [verb, *verb.children]):
        return True
    token = verb
    while token.dep_ in REPORTED_ARCS and token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.settling_verbs:
            return True
        if _past_perfect(token):
            return True  # "had hoped the mission would …": overtaken by events
    return False
