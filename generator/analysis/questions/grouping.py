"""Grouping the hedged sentences about one matter into one question (steps 4-5 of the finder).

Two candidates join when their questions are near-duplicates or their matters agree
(:func:`~generator.analysis.questions.links.same_matter`, strict); the lead candidate words
the group's question, the near-duplicates are its evidence and the rest related items, with
the sentences without a cue that name the same matter. A group is *disputed* when two
sources give different days for the same pending matter.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from generator.analysis.questions.cues import Cue, HedgeLexicon
from generator.analysis.questions.links import ActorLookup, Matter, date_conflict, matter_of, same_matter, union
from generator.analysis.questions.wording import Wording
from generator.model import Evidence, OpenQuestion, Sentence
from generator.util.unionfind import DisjointSet

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.document import ArticleDoc

# When a sentence carries several cues, the question takes the most doubtful status.
STATUS_RANK = {"disputed": 0, "unconfirmed": 1, "proposed": 2, "expected": 3}
DUPLICATE_RATIO = 80  # rapidfuzz token_set_ratio above which two questions are the same
MAX_RELATED = 5


@dataclass(frozen=True)
class Candidate:
    """A hedged sentence with its question, before grouping."""

    order: tuple[int, int]  # (article position, sentence index)
    sentence: Sentence
    cues: tuple[Cue, ...]
    wording: Wording
    status: str
    matter: Matter


@dataclass(frozen=True)
class Pooled:
    """A sentence without a cue that names an event."""

    evidence: Evidence
    matter: Matter
    refers_back: bool  # opens with or holds "the/this meeting": about the event just named


def group_candidates(candidates: list[Candidate]) -> list[list[Candidate]]:
    """Join the candidates about the same matter; groups in order of first appearance."""
    sets = DisjointSet(range(len(candidates)))
    for i, a in enumerate(candidates):
        for j in range(i + 1, len(candidates)):
            b = candidates[j]
            duplicate = fuzz.token_set_ratio(a.wording.text, b.wording.text) >= DUPLICATE_RATIO
            if duplicate or same_matter(a.matter, b.matter, strict=True):
                sets.union(i, j)
    groups = [[candidates[i] for i in members] for members in sets.groups()]
    return sorted(groups, key=lambda g: g[0].order)


def to_question(group: list[Candidate], related: list[Evidence], position: dict[str, int]) -> OpenQuestion:
    """The open question of one group: the lead's wording, its near-duplicates as evidence,
    the other members and ``related`` as related items."""
    lead = _lead(group)
    same = list(group)  # every hedged sentence of the group is evidence of its question
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


def _lead(group: list[Candidate]) -> Candidate:
    """The candidate whose question stands for the group: most cues, most doubtful, first."""
    return min(group, key=lambda c: (-len(c.cues), STATUS_RANK[c.status], c.order))


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


def uncued_pool(docs: list["ArticleDoc"], taken: set[tuple[int, int]], lexicon: HedgeLexicon,
         index: ActorLookup) -> list[Pooled]:
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


def _refers_back(span: "Span", lexicon: HedgeLexicon) -> bool:
    return any(t.pos_ == "NOUN" and t.lemma_.lower() in lexicon.event_nouns
               and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children)
               and not any(c.dep_ in ("amod", "compound", "prep") for c in t.children)
               for t in span)


def related_evidence(group: list[Candidate], pool: list[Pooled]) -> list[Evidence]:
    """Sentences without a cue that name the same matter as the group (step 4), and the
    sentence right after one of them when it refers back to "the meeting" or "the talks"."""
    whole = union([c.matter for c in group])  # all its dates: a conflict with any one excludes
    out = [p.evidence for p in pool
           if same_matter(whole, p.matter) and any(same_matter(c.matter, p.matter) for c in group)]
    anchors = {(e.source, e.sentence) for e in out} | {(c.sentence.source, c.sentence.index) for c in group}
    out += [p.evidence for p in pool if p.refers_back and p.evidence not in out
            and (p.evidence.source, p.evidence.sentence - 1) in anchors]
    return out[:MAX_RELATED]
