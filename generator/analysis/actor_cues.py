"""Cues from the text around a name that say what kind of actor it is, or that it is none.

spaCy's small model often calls a company a person ("Meridian Terminals"), a person an
organisation ("Thibaut Courtois"), a substance at the start of a sentence a person
("Iodine deficiency can …"), and misses repeated mentions of a name it tagged elsewhere.
:mod:`~generator.analysis.actors` counts these cues as votes:

- :func:`organisation_cue` — a name whose last word is a corporate suffix or a plural
  business noun ("Holdings", "Airlines", "Ltd"), or which a common noun of organisations
  introduces ("the port operator X", "the company X", "the carrier, X,").
- :func:`is_common_noun` — a one-word name whose lower-case form the set uses at least as
  often as the capitalised one is a common noun ("Iodine" / "iodine").
- :func:`echoes` — other occurrences of a multi-word name the set already names, where the
  model saw no entity ("Meridian Terminals said in a statement").
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING, Iterator

from generator.analysis.names import Gazetteer, clean_surface, fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

# Classes of entity_heads.tsv: a last word that makes a name an organisation, and the
# common nouns that introduce one ("the company X", "the carrier X").
ORG_LAST = frozenset({"organisation", "generic"})
ORG_INTRO = frozenset({"organisation", "generic", "descriptor"})
# Determiners and possessives that may stand before the introducing noun.
# Words as written, hyphenated compounds whole ("pan-democrat"), without possessives.
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_INTRO_DETS = frozenset({"the", "a", "an", "its", "their", "his", "her", "state", "state-owned"})


def organisation_cue(span: "Span", lex: Gazetteer) -> bool:
    """True when the words of ``span`` or the noun before it make it an organisation."""
    words = fold(span.text).split()
    if len(words) >= 2 and lex.heads.get(words[-1]) in ORG_LAST:
        return True
    return _introduced(span, lex)


def _introduced(span: "Span", lex: Gazetteer) -> bool:
    """"the port operator X", "the company X", "the airline, X,": a noun of companies."""
    doc = span.doc
    root = span.root
    # Apposition: "the port operator Meridian Terminals" parses the name as an appos of
    # "operator" (or the noun as a compound of the name); either way the noun is adjacent.
    i = span.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return False
    noun = doc[i]
    if not noun.is_lower or noun.pos_ != "NOUN" or lex.heads.get(noun.lower_) not in ORG_INTRO:
        return False
    linked = (root.dep_ == "appos" and root.head.i == noun.i) or (
        noun.dep_ in {"compound", "nmod"} and noun.head.i in range(span.start, span.end)
    ) or noun.head.i == root.i
    if not linked and doc[span.start - 1].text != ",":
        # The parse did not tie them, but "the company X" with a determiner is clear.
        j = noun.i - 1
        while j >= 0 and doc[j].is_lower and doc[j].pos_ in {"NOUN", "ADJ"}:
            j -= 1
        linked = j >= 0 and doc[j].lower_ in _INTRO_DETS
    return linked


def word_counts(docs: list["Doc"]) -> Counter:
    """How often each word form (case kept) occurs in the set, for :func:`is_common_noun`."""
    counts: Counter = Counter()
    for doc in docs:
        counts.update(t.text for t in doc if t.is_alpha)
        counts.update(w for w in _WORD.findall(doc.text) if "-" in w)
    return counts


def is_common_noun(word: str, counts: Counter) -> bool:
    """True when the set writes ``word`` in lower case at least as often as capitalised.

    A name is written with a capital everywhere; a common noun only at the start of a
    sentence or in a heading, which is where the model mistakes it for a name.
    """
    if not word.isalpha() or word.isupper() or not word[:1].isupper():
        return False
    lower = counts.get(word.lower(), 0)
    return lower >= 2 and lower >= counts.get(word, 0)


def strip_leading_word(span: "Span", counts: Counter, lex: Gazetteer) -> int:
    """How many tokens of a sentence-initial entity are a lower-case word, not the name.

    "Nonpartisan Paul Tse", "Pro-Beijing DAB": the model takes the capitalised first word
    of a sentence into the name. It is cut when the set writes it in lower case elsewhere
    and what stays is a name: an acronym, or two to four capitalised words none of which
    the set writes in lower case.
    """
    doc = span.doc
    if span.start != span.sent.start and not (span.start > 0 and doc[span.start - 1].is_punct):
        return 0
    words = span.text.split()
    if len(words) < 2 or not words[0][:1].isupper():
        return 0
    first = words[0]
    if not (counts.get(first.lower()) or counts.get(first[0].lower() + first[1:])):
        return 0  # never written in lower case ("pro-Beijing" counts)
    rest = clean_surface(" ".join(words[1:])).split()  # "DAB's" → "DAB"
    if not rest:
        return 0
    acronym = len(rest) == 1 and rest[0].isupper() and len(rest[0]) >= 2
    named = 2 <= len(rest) <= 4 and fold(rest[-1]) not in lex.heads and all(
        w[:1].isupper() and not counts.get(w.lower()) for w in rest
    )
    if not (acronym or named):
        return 0
    first_end = span.start_char + len(words[0])
    return sum(1 for t in span if t.idx < first_end)


def echoes(doc: "Doc", names: list[str], taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Character spans where ``doc`` repeats one of ``names`` outside any ``taken`` span.

    Names are matched whole, case kept, longest first; ``taken`` holds the model's entity
    spans (a name inside a longer entity is part of that entity, not an echo).
    """
    if not names:
        return
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    pattern = re.compile(rf"(?<![\w@])(?:{alternatives})(?![\w])")
    spans = sorted(taken)
    for match in pattern.finditer(doc.text):
        start, end = match.span()
        if not any(s < end and start < e for s, e in spans):
            yield start, end
