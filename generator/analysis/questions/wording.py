"""Word an open question from the parse of a hedged sentence.

General rules, one per cue *frame* (see ``lexicons/hedge_cues.txt``): the subject and the
predicate the cue governs are reshaped into a yes/no question —

* future matters (expected, proposed, demanded) → ``Will <subject> <base verb> …?``;
* reported or denied facts keep their tense → ``Did/Has/Is <subject> …?``;
* an event noun without a verb → ``Will <noun phrase> take place …?`` or
  ``Will there be <noun phrase>?``; a party edging towards one → ``Will <subject> move to …?``

Titles before a name are dropped ("Velmoran President Mara Quist" → "Mara Quist") and long
tails are cut at the first comma, so a question stays one readable line. This module picks
the frame; the parts of the clause come from :mod:`.clauses`, the question's word order from
:mod:`.phrasing` and its words from :mod:`.rendering`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from generator.analysis.questions.clauses import (
    content_clause,
    infinitive,
    infinitive_subject,
    noun_phrase,
    object_of,
    setting_phrases,
    subject_tokens,
)
from generator.analysis.questions.cues import Cue, HedgeLexicon
from generator.analysis.questions.phrasing import Phraser, on_dates
from generator.analysis.questions.rendering import Renderer, pronoun

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


@dataclass(frozen=True)
class Wording:
    """A question, the verb or noun it is about (for the event checks) and how it was built."""

    text: str
    anchor: int  # doc index of the predicate or event noun the question asks about
    direct: bool  # built from the cue's own arguments (not found by searching around it)


class Worder:
    """Words questions for one document; ``is_person`` says whether a proper noun names a person."""

    def __init__(self, doc: "Doc", lexicon: HedgeLexicon, is_person: Callable[[str], bool] | None = None):
        self.doc = doc
        self.lexicon = lexicon
        self.renderer = Renderer(doc, lexicon.titles, is_person or (lambda surface: False))
        self.phraser = Phraser(self.renderer, lexicon)

    # ------------------------------------------------------------------ entry point

    def word(self, cue: Cue) -> Wording | None:
        """The question for ``cue``, or None when its frame finds nothing to ask about."""
        key = self.doc[cue.key]
        drop = set(range(cue.start, cue.end))
        frame = cue.rule.frame
        future = cue.rule.status in ("proposed", "expected")
        if frame == "clause":
            if key.pos_ == "VERB":
                drop = set()  # the cue is the predicate itself ("is being reviewed"): keep its words
            return self._clause_frame(key, drop, future)
        if frame == "xcomp":
            return self._xcomp_frame(key, drop, future)
        if frame in ("take", "move", "there"):
            return self._noun_frame(key, drop, frame)
        return self._content_frame(key, drop, "will" if future else "tense", cue.rule.status == "disputed")

    # ------------------------------------------------------------------ frames

    def _clause_frame(self, key: "Token", drop: set[int], future: bool) -> Wording | None:
        if key.pos_ == "ADJ" and key.dep_ == "acomp":  # "the cause remains unclear"
            subject = self.renderer.subject_text(self._subject(key.head))
            return Wording(f"Is {subject} known?", key.head.i, True) if subject else None
        own = key.pos_ in ("VERB", "AUX") and key.tag_ != "MD" and key.dep_ not in ("prep", "advcl")
        verb = key if own else key.head  # "according to sources, X …" is about X
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        going = [c for c in verb.children if c.dep_ == "xcomp"] if verb.lemma_ == "go" and verb.tag_ == "VBG" else []
        if going:  # "are probably going to meet": the future of "meet"
            verb, future = going[0], True
        clause = content_clause(verb)
        if clause is not None and verb.lemma_ in self.lexicon.clause_reporting_verbs:
            verb = clause  # "sources say the talks will resume": ask about the reported clause
        mode = "will" if future else "tense"
        if key.tag_ == "MD" and any(c.lemma_ == "have" and c.i > key.i for c in verb.children):
            mode = "tense-infinitive"  # "may have been driven" → "Was X driven?"
        text = self.phraser.clause_question(verb, drop, mode)
        return Wording(text, verb.i, True) if text else None

    def _xcomp_frame(self, key: "Token", drop: set[int], future: bool) -> Wording | None:
        if key.pos_ in ("ADV", "PART") and key.head.i != key.i:
            key = key.head  # "have yet to be reached": the infinitive hangs on "have"
        target = infinitive(key)
        if target is None:
            return self._noun_frame(key, drop, "there")
        subject = infinitive_subject(key, target, self.renderer.title_words, self.lexicon)
        mode = "will" if future else "tense-infinitive"
        text = self.phraser.clause_question(target, drop, mode, subject=subject)
        return Wording(text, target.i, True) if text else None

    def _noun_frame(self, key: "Token", drop: set[int], frame: str) -> Wording | None:
        if frame == "take" and key.pos_ in ("VERB", "AUX"):  # "a meeting is being considered"
            subject = next((c for c in key.children if c.dep_ == "nsubjpass"), None)
            if subject is not None and subject.pos_ in ("NOUN", "PROPN"):
                return self._take_place(key, subject, self._subject(key), drop)
        obj = object_of(key, self.lexicon)
        if obj is None:
            return None
        if obj.pos_ in ("VERB", "AUX"):  # "interest in holding talks", "readiness to negotiate"
            subject = self._subject(key) if key.pos_ in ("VERB", "AUX") else self._subject(key.head)
            text = self.phraser.clause_question(obj, drop, "will", subject=subject)
            return Wording(text, obj.i, True) if text else None
        phrase = self.renderer.render(noun_phrase(obj, drop))
        if not phrase:
            return None
        if frame == "move":
            subject = self.renderer.subject_text(self._subject(key))
            if not subject:
                return None
            return Wording(f"Will {subject} move to {phrase}?", obj.i, True)
        if frame == "there":
            return Wording(f"Will there be {phrase}?", obj.i, True)
        return self._take_place(key, obj, noun_phrase(obj, drop), drop)

    def _take_place(self, key: "Token", noun: "Token", words: list["Token"], drop: set[int]) -> Wording | None:
        """"Will <event> take place <when/where>?", the setting taken from the cue's phrases."""
        if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            return None  # "no date has been set": nothing named to ask about
        phrase = self.renderer.render(words)
        if not phrase:
            return None
        settings = setting_phrases(key, drop | {t.i for t in words})
        where = self.renderer.render(settings, swap=on_dates(settings))
        tail = f" {where}" if where else ""
        return Wording(f"Will {phrase} take place{tail}?", noun.i, True)

    def _content_frame(self, key: "Token", drop: set[int], mode: str, denial: bool = False) -> Wording | None:
        clause = content_clause(key)
        for noun in (c for c in key.children if c.dep_ in ("dobj", "nsubjpass", "pobj")):
            clause = clause or content_clause(noun)
        if clause is not None:
            subject = self._subject(clause)
            speaker = self._subject(key)
            if pronoun(subject) in ("it", "they", "he", "she"):
                # "X denied that it had …": the pronoun is the one who denies
                subject = speaker or subject
            elif speaker and subject and subject[0].tag_ == "PRP$" and subject[0].lower_ in ("its", "their"):
                # "X claimed that its forces …" → "X's forces"
                swap = {subject[0].i: self.renderer.render(speaker) + "'s"}
                text = self.phraser.clause_question(clause, drop, mode, subject=subject, swap=swap)
                return Wording(text, clause.i, True) if text else None
            text = self.phraser.clause_question(clause, drop, mode, subject=subject)
            return Wording(text, clause.i, True) if text else None
        denied = self._denied_object(key, drop) if denial else None
        if denied is not None:
            return denied
        subject = next((c for c in key.children if c.dep_ == "nsubjpass"), None)
        if subject is not None and subject.lemma_.lower() in self.lexicon.event_nouns:
            # "the attack has not been confirmed": did it happen at all?
            phrase = self.renderer.render(noun_phrase(subject, drop))
            return Wording(f"Did {phrase} take place?", subject.i, True) if phrase else None
        if key.pos_ in ("VERB", "AUX"):
            return None  # a verb's content is its own clause: "claiming compensation" asks nothing
        for up in (key.head, key.head.head):  # "unconfirmed reports said X", "unclear whether X"
            clause = content_clause(up, exclude=key)
            if clause is not None:
                text = self.phraser.clause_question(clause, drop, mode)
                return Wording(text, clause.i, False) if text else None
        return None

    def _denied_object(self, key: "Token", drop: set[int]) -> Wording | None:
        """A denial of a thing, not a clause: "denied the allegations of fraud" →
        "Are the allegations of fraud true?"; "denied any involvement in the attack" →
        "Did the militia have any involvement in the attack?". A bare object ("denied visas") is a
        refusal and asks nothing."""
        if key.pos_ != "VERB" or any(c.dep_ in ("auxpass", "nsubjpass", "dative") for c in key.children):
            return None  # "was denied entry", "denied him a visa": a refusal
        obj = next((c for c in key.children if c.dep_ == "dobj"), None)
        if obj is None or not any(c.dep_ in ("prep", "acl") for c in obj.children):
            return None
        phrase = self.renderer.render(noun_phrase(obj, drop))
        if obj.lemma_.lower() in self.lexicon.claim_nouns:
            verb = "Are" if obj.tag_ == "NNS" else "Is"
            return Wording(f"{verb} {phrase} true?", obj.i, True)
        subject = self.renderer.subject_text(self._subject(key))
        return Wording(f"Did {subject} have {phrase}?", obj.i, True) if subject else None

    def _subject(self, verb: "Token") -> list["Token"]:
        return subject_tokens(verb, self.renderer.title_words)
