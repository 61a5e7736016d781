"""The word lists the speaker rules read, from ``lexicons/statement_words.txt``."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Mapping


@dataclass(frozen=True)
class SpeakerWords:
    """Gender cues, person nouns and agent nouns (see the lexicon README for their origin).

    ``agent_noun`` matches a lemma that names people by what they do ("spokesman", "ministry",
    "analysts"): it ends in one of the ``[agent_endings]``, perhaps with a plural "s".
    """

    male: frozenset[str]
    female: frozenset[str]
    person_nouns: frozenset[str]
    not_agent_nouns: frozenset[str]
    messages: frozenset[str]
    agent_noun: re.Pattern[str]
    body_nouns: frozenset[str] = frozenset()
    public_body_nouns: frozenset[str] = frozenset()
    anonymous_nouns: frozenset[str] = frozenset()
    outlet_heads: frozenset[str] = frozenset()
    outlet_leads: frozenset[str] = frozenset()
    outlet_descriptors: frozenset[str] = frozenset()

    @classmethod
    def from_sections(cls, sections: Mapping[str, frozenset[str]]) -> "SpeakerWords":
        """The lists out of the lexicon's sections (:func:`generator.analysis.lexicons.statement_words`)."""
        endings = "|".join(re.escape(e) for e in sorted(sections["agent_endings"]))
        return cls(
            male=sections["male"],
            female=sections["female"],
            person_nouns=sections["person_nouns"],
            not_agent_nouns=sections["not_agent_nouns"],
            messages=sections["messages"],
            agent_noun=re.compile(f"(?:{endings})s?$"),
            body_nouns=sections.get("body_nouns", frozenset()),
            public_body_nouns=sections.get("public_body_nouns", frozenset()),
            anonymous_nouns=sections.get("anonymous_nouns", frozenset()),
            outlet_heads=sections.get("outlet_heads", frozenset()),
            outlet_leads=sections.get("outlet_leads", frozenset()),
            outlet_descriptors=sections.get("outlet_descriptors", frozenset()),
        )
