"""Disputed figures: two sources give different numbers for the same count.

"At least 9 people were injured in the crash" in one article and "14 people were injured"
in another is an open question even though neither sentence is hedged. A count is the
number (``nummod``) on a noun together with the verb that noun is the subject or object of;
two counts from different sources are the same when noun and verb lemmas agree and the
sentences share a named place, entity or event phrase.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.analysis.questions.links import ActorLookup, Matter, matter_of
from generator.model import Evidence, OpenQuestion

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

    from generator.analysis.document import ArticleDoc


@dataclass(frozen=True)
class Count:
    """One figure: "12" people "killed", in one sentence."""

    noun: str  # lemma
    verb: str  # lemma
    value: str
    question: str  # "How many people were killed"
    evidence: Evidence
    matter: Matter


def find_disputed_counts(docs: list["ArticleDoc"], index: ActorLookup, event_nouns: frozenset[str]) -> list[OpenQuestion]:
    """One disputed question per count that two sources give differently."""
    counts = [c for d in docs for s, span in d.prose() for c in _counts(d, s.index, span, index, event_nouns)]
    out: list[OpenQuestion] = []
    done: set[tuple[str, str]] = set()
    for i, a in enumerate(counts):
        if (a.noun, a.verb) in done:
            continue
        rivals = [b for b in counts[i + 1:] if (b.noun, b.verb) == (a.noun, a.verb)
                  and b.evidence.source != a.evidence.source and _number(b.value) != _number(a.value)
                  and _shared(a.matter, b.matter)]
        if not rivals:
            continue
        done.add((a.noun, a.verb))
        group = [a, *rivals]
        values = []
        for c in group:
            if c.value not in values:
                values.append(c.value)
        sources = []
        for c in group:
            if c.evidence.source not in sources:
                sources.append(c.evidence.source)
        out.append(OpenQuestion(
            text=f"{a.question}: {' or '.join(values)}?",
            status="disputed",
            cues=tuple(values),
            sources=tuple(sources),
            evidence=tuple(c.evidence for c in group),
        ))
    return out


def sentence_counts(doc: "ArticleDoc", sentence: int, span: "Span", index: ActorLookup,
                    event_nouns: frozenset[str]) -> list[Count]:
    """The figures one sentence gives (a number on the subject or object of a verb)."""
    return _counts(doc, sentence, span, index, event_nouns)


def same_count(a: Count, b: Count) -> bool:
    """Two figures for the same count (noun and verb agree, the sentences share a matter)
    whose numbers differ."""
    return (a.noun, a.verb) == (b.noun, b.verb) and _number(a.value) != _number(b.value) and _shared(a.matter, b.matter)


def _number(value: str) -> str:
    """The figure without its hedges: "at least 12" → "12"."""
    return value.split()[-1].replace(",", "")


def _shared(a: Matter, b: Matter) -> bool:
    return bool((a.places & b.places) | (a.entities & b.entities) | (a.phrases & b.phrases)
                | (a.dates & b.dates))


def _counts(doc: "ArticleDoc", sentence: int, span: "Span", index: ActorLookup, event_nouns: frozenset[str]) -> list[Count]:
    out = []
    matter: Matter | None = None
    for tok in span:
        if tok.dep_ != "nummod" or not tok.like_num or tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
            continue
        noun, verb = tok.head, tok.head.head
        if noun.pos_ != "NOUN" or verb.pos_ != "VERB" or noun.dep_ not in ("nsubj", "nsubjpass", "dobj"):
            continue
        question = _how_many(noun, verb)
        if question is None:
            continue
        matter = matter or matter_of(span, index, doc.article.published, event_nouns)
        text = doc.sentences[sentence].text
        value = " ".join(t.lower_ for t in tok.subtree)  # "at least 12"
        out.append(Count(noun.lemma_.lower(), verb.lemma_.lower(), value, question,
                         Evidence(doc.source, sentence, text), matter))
    return out


def _how_many(noun: "Token", verb: "Token") -> str | None:
    """"How many people were killed" / "How many people died" from the parse."""
    nouns = noun.text.lower() if noun.tag_ == "NNS" else None
    if nouns is None:
        return None
    if noun.dep_ == "nsubjpass":
        aux = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
        return f"How many {nouns} {' '.join(aux + [verb.text])}"
    if noun.dep_ == "nsubj":
        return f"How many {nouns} {verb.text}"
    participle = verb.tag_ == "VBN" or (verb.tag_ == "VBD" and verb.lower_.endswith("ed"))
    return f"How many {nouns} were {verb.lower_}" if participle else None
