"""Who speaks when a document is the subject: "the statement said", "the ministry's letter reads".

A document speaks only for whoever owns it: a possessor or a body named in the noun phrase, or,
for "the statement" alone, whoever issued one or spoke through one in the sentences before.
Both rules return the owner's token; the resolver turns it into a speaker.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.statements.found import inside
from generator.analysis.statements.speakers.facts import ArticleFacts
from generator.analysis.statements.speakers.subjects import subject_of

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def document_owner(noun: "Token") -> "Token | None":
    """The owner named in a document's own noun phrase, or None."""
    # "Halvorsen's statement added …": the statement's author speaks; "the report says …": nobody
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
    if owner is None:  # "The Dock Board letter reads …": a named body's document
        owner = next((c for c in noun.children if c.dep_ == "compound" and c.ent_type_ in ("ORG", "GPE")), None)
    if owner is None:  # "a statement from the ministry", "a letter by the mayor"
        owner = next(
            (g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
             for g in c.children if g.dep_ == "pobj"),
            None,
        )
    return owner


def document_issuer(facts: ArticleFacts, noun: "Token") -> "Token | None":
    """Who put out "the statement" a reporting verb has as subject: the subject of the verb
    whose object the same noun was in this sentence or the two before ("The ministry issued
    a statement …"). Only a definite noun refers back."""
    if not any(c.lower_ == "the" for c in noun.children):
        return None
    spans = [noun.sent]
    while len(spans) < 3 and spans[-1].start > 0:
        spans.append(facts.doc[spans[-1].start - 1].sent)
    issuer = _issuer(facts, noun, spans)
    return issuer if issuer is not None else _messenger(facts, noun, spans[1:])


def _issuer(facts: ArticleFacts, noun: "Token", spans: list["Span"]) -> "Token | None":
    """The subject of the last verb before ``noun`` whose object has the noun's lemma."""
    for span in spans:
        for tok in reversed(list(span)):
            if tok.i >= noun.i or tok.lemma_ != noun.lemma_ or tok.dep_ not in ("dobj", "pobj"):
                continue
            verb = tok.head if tok.dep_ == "dobj" else tok.head.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.lemma_.lower() not in facts.lexicon.not_speakers:
                return subj
    return None


def _messenger(facts: ArticleFacts, noun: "Token", spans: list["Span"]) -> "Token | None":
    """The one who spoke through a document of the noun's kind in ``spans`` ("In an email, a city
    spokesperson said …. “…,” the statement said")."""
    lexicon = facts.lexicon
    documents = lexicon.not_speakers | lexicon.speech_nouns
    lemma = noun.lemma_.lower()
    kin = facts.words.messages if lemma in facts.words.messages else {lemma}  # a report is not a statement
    for span in spans:
        if not any(t.lemma_.lower() in kin and t.pos_ == "NOUN" for t in span):
            continue
        for verb in span:
            if verb.pos_ == "VERB" and verb.lemma_.lower() in lexicon.frames and not inside(verb.idx, facts.quoted):
                subj = subject_of(verb, lexicon)
                if subj is not None and subj.lemma_.lower() not in documents and not inside(subj.idx, facts.quoted):
                    return subj
    return None
