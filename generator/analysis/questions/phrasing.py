"""A clause reshaped into a yes/no question: the subject after an inverted auxiliary (or
do-support, or "Will"), the verb, and what the verb governs after it, cut at a comma when long.

``mode`` says which question a clause makes: ``will`` (a future matter: "Will X sign …?"),
``tense`` (a reported fact keeps its tense: "Has X fled …?", "Did X flee …?") and
``tense-infinitive`` (an infinitive reported as fact: "is said to have fled" → "Did X flee?").
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.questions.clauses import AUX, DROP_DEPS, SUBJECTS, noun_phrase, subject_tokens
from generator.analysis.questions.cues import HedgeLexicon
from generator.analysis.questions.rendering import Renderer, pronoun

if TYPE_CHECKING:
    from spacy.tokens import Token

REPORTED_PRONOUNS = {"it", "they", "we", "i"}
MAX_REST = 14  # words after the verb beyond which the tail is cut at its first comma


class Phraser:
    """Words the clause of a verb as a question, with the words of one :class:`Renderer`."""

    def __init__(self, renderer: Renderer, lexicon: HedgeLexicon):
        self.renderer = renderer
        self.light_verbs = lexicon.light_verbs  # they ask nothing without their object

    def clause_question(self, verb: "Token", drop: set[int], mode: str,
                        subject: list["Token"] | None = None, swap: dict[int, str] | None = None) -> str | None:
        """Reshape the clause of ``verb`` into a yes/no question (``mode``: see the module
        docstring); None when it has no subject to ask about or lost its object."""
        subj = subject if subject is not None else subject_tokens(verb, self.renderer.title_words)
        if not subj or subj[0].tag_ in ("WDT", "WP", "WP$"):
            return None  # "which side will win …" is already a question about its subject
        subj_ids = {t.i for t in subj}
        auxes = [c for c in verb.children if c.dep_ in AUX and c.i < verb.i and c.i not in drop]
        rest = self._rest(verb, drop | subj_ids | {a.i for a in auxes})
        subj_text = self.renderer.subject_text(subj, swap) or self._reporter(subj)
        if not subj_text:
            return None
        if not rest and verb.lemma_ in self.light_verbs:
            return None  # "Did X not have?": the object was lost in the parse
        neg = " not" if any(a.dep_ == "neg" for a in auxes) else ""
        helpers = [a for a in auxes if a.dep_ != "neg" and a.lower_ != "to"]
        head, pred = _inverted(verb, helpers, mode, _plural(subj))
        return _assemble(head, subj_text, neg, pred, rest)

    def _reporter(self, subject: list["Token"]) -> str | None:
        """Who "it", "they", "we" or "I" stands for in reported speech: the named subject of the
        verb that reports the clause ("the service said it would …", "'We are ready,' the
        union said")."""
        if pronoun(subject) not in REPORTED_PRONOUNS:
            return None
        verb = subject[0].head
        while verb.dep_ in ("ccomp", "conj", "parataxis", "acl") and verb.head.i != verb.i:
            if verb.dep_ == "acl":  # "with officials saying they …": the noun is who says it
                noun = verb.head
                if noun.pos_ not in ("NOUN", "PROPN"):
                    return None
                return self.renderer.render(noun_phrase(noun, {t.i for t in verb.subtree}))
            verb = verb.head
            named = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            if named:
                return self.renderer.subject_text(subject_tokens(verb, self.renderer.title_words))
        return None

    def _rest(self, verb: "Token", skip: set[int]) -> str:
        """Everything the verb governs after it: objects, complements, time and place."""
        tokens: list["Token"] = []
        for child in verb.children:
            if child.i in skip or child.i < verb.i and child.dep_ not in ("dobj",):
                continue
            if child.dep_ in DROP_DEPS or child.dep_ in SUBJECTS:
                continue
            if child.dep_ == "advmod" and child.i < verb.i:
                continue
            if child.dep_ == "npadvmod" and child.ent_type_ not in ("DATE", "TIME"):
                continue  # keep "next week", drop "a day"
            tokens.extend(t for t in child.subtree if t.i not in skip)
        tokens = sorted(tokens, key=lambda t: t.i)
        return self.renderer.render(_cut(tokens))


def _inverted(verb: "Token", helpers: list["Token"], mode: str, plural: bool) -> tuple[str, str]:
    """The question word before the subject and the predicate after it."""
    passive = any(a.dep_ == "auxpass" for a in helpers)
    progressive = verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in helpers)
    if mode == "tense-infinitive":
        return _reported_fact(verb, helpers, passive, progressive, plural)
    if mode == "will":
        pred = f"be {verb.text}" if passive else ("be" if verb.lemma_ == "be" else verb.lemma_)
        if progressive and not passive:
            pred = f"be {verb.text}"
        return "Will", pred
    return _kept_tense(verb, helpers, passive)


def _reported_fact(verb: "Token", helpers: list["Token"], passive: bool, progressive: bool,
                   plural: bool) -> tuple[str, str]:
    """An infinitive reported as fact: "is said to have fled" → "Did X flee"."""
    if any(a.lemma_ == "have" for a in helpers):
        return ("Was", verb.text) if passive else ("Did", verb.lemma_)
    if progressive:
        return "Are" if plural else "Is", verb.text
    if verb.lemma_ == "be":
        return "Are" if plural else "Is", ""
    return "Do" if plural else "Does", verb.lemma_


def _kept_tense(verb: "Token", helpers: list["Token"], passive: bool) -> tuple[str, str]:
    """The clause's own tense: its first auxiliary inverted, or do-support."""
    modal = [a for a in helpers if a.tag_ == "MD"]
    if helpers and helpers[0].lower_ == "had" and not passive:  # "had crossed" → "Did … cross"
        return "Did", verb.lemma_
    if helpers:
        first, others = helpers[0], helpers[1:]
        head = "Will" if modal and first.lower_ in ("could", "may", "might") else first.text
        pred = " ".join([a.text for a in others] + [verb.text if first.lemma_ != "do" else verb.lemma_])
        return head.capitalize(), pred
    if verb.lemma_ == "be":
        return verb.text.capitalize(), ""
    return {"VBD": "Did", "VBZ": "Does", "VBP": "Do"}.get(verb.tag_, "Did"), verb.lemma_


def _plural(subject: list["Token"]) -> bool:
    """Whether a subject takes "are"/"do": a plural head or a coordination."""
    if any(t.lower_ == "and" and t.dep_ == "cc" for t in subject):
        return True
    heads = [t for t in subject if t.head.i not in {s.i for s in subject}]
    return any(t.tag_ in ("NNS", "NNPS") or t.lower_ in ("they", "we") for t in heads)


def _assemble(head: str, subject: str, neg: str, pred: str, rest: str) -> str:
    words = [head, subject + neg, pred, rest]
    text = " ".join(w for w in words if w).strip()
    text = text.replace(" ,", ",").replace(" .", "")
    return text.rstrip(" ,;:.") + "?"


def on_dates(tokens: list["Token"]) -> dict[int, str]:
    """"considered for Thursday" asks whether it happens *on* Thursday."""
    return {t.i: "on" for t in tokens if t.lower_ == "for" and any(
        c.dep_ == "pobj" and c.ent_type_ == "DATE" for c in t.children)}


def _cut(tokens: list["Token"]) -> list["Token"]:
    if len(tokens) <= MAX_REST:
        return tokens
    for n, tok in enumerate(tokens):
        if tok.text in (",", ";", "—", "–", "(") and n >= 3:
            return tokens[:n]
    return tokens
