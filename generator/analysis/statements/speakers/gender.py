"""A person's gender, as far as the text shows it: only used to keep "she" off a man."""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING, Mapping, Sequence

from generator.analysis.statements.found import Ranges, inside
from generator.analysis.statements.speakers.words import SpeakerWords

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.analysis.statements.speakers.facts import MentionLike

_HE = frozenset({"he", "him", "his"})
_SHE = frozenset({"she", "her", "hers"})


def genders(
    doc: "Doc", mentions: Sequence["MentionLike"], kinds: Mapping[str, str], quoted: Ranges, words: SpeakerWords
) -> dict[str, str]:
    """Each person's gender ("m"/"f") where the text shows it, by majority of the cues.

    Cues: a title or kinship noun next to a mention ("Mr", "spokeswoman", "her father,
    X") and, in a sentence that names one person only, the pronouns that follow the name.
    """
    votes: dict[str, list[str]] = {}
    people = [m for m in mentions if kinds.get(m.actor) == "person"]
    starts = [p.start for p in people]  # mentions come sorted by start
    for m in people:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        head = span.root
        near = [t for t in doc[max(0, span.start - 2) : span.start]]
        near += [c for c in head.children if c.dep_ in ("appos", "compound")]
        if head.dep_ == "appos":
            near.append(head.head)
        cues = {t.lower_.rstrip(".") for t in near}
        votes.setdefault(m.actor, []).extend(["m"] * len(cues & words.male) + ["f"] * len(cues & words.female))
        sent = span.sent
        in_sentence = people[bisect_left(starts, sent.start_char) : bisect_left(starts, sent.end_char)]
        if {p.actor for p in in_sentence} == {m.actor}:
            after = {t.lower_ for t in doc[span.end : sent.end] if not inside(t.idx, quoted)}
            male, female = after & _HE, after & _SHE
            if bool(male) != bool(female):
                votes[m.actor].append("m" if male else "f")
    out = {}
    for name, vs in votes.items():
        m_votes, f_votes = vs.count("m"), vs.count("f")
        if m_votes != f_votes:
            out[name] = "m" if m_votes > f_votes else "f"
    return out


def person_noun(lemma: str, wanted: str, words: SpeakerWords) -> bool:
    """Whether a common noun names a person a pronoun of gender ``wanted`` ("m"/"f") can stand for."""
    if lemma in words.male:
        return wanted == "m"
    if lemma in words.female:
        return wanted == "f"
    return lemma in words.person_nouns
