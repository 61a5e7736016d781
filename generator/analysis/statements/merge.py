"""One statement per claim and speaker: statements found in several places merged into one."""
from __future__ import annotations

import re
from typing import Iterable, Sequence

from generator.analysis.document import ArticleDoc
from generator.analysis.statements.clauses import content_words
from generator.analysis.statements.found import Found
from generator.model import Statement

# A wire dateline opening the lead that a reported clause starts with: "OAKVALE, Norland: …",
# "OAKVALE (Agency) – …", "(Agency) …"
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z .’'-]{2,40}(?:,\s*[A-Z][\w .’'-]{1,40}?)?,?\s*(?:\([^)]{1,40}\)\s*)?[:–—-]|\([A-Z][^)]{1,40}\))\s+"
)


def merge_statements(
    found: Iterable[Found], docs: Sequence[ArticleDoc], stopwords: frozenset[str]
) -> tuple[Statement, ...]:
    """One statement per claim and speaker, with every source and evidence sentence.

    Two statements of the same speaker merge when their content words (``stopwords`` left
    out) overlap strongly (the smaller shares >= 80% of its words with the other and is at
    least half its size; across articles, where one source paraphrases what another quotes,
    65% of six or more), or when a short quoted fragment lies inside a longer statement found
    in the same sentence ("She said the plan is sound … “to keep the harbour open.”"). The
    longer text is kept, a direct quote before a paraphrase.
    """
    groups: list[list[Found]] = []
    # a group holds one speaker's statements: only that speaker's groups can take an item
    by_speaker: dict[str, list[list[Found]]] = {}
    for item in sorted(found, key=lambda f: (f.doc, f.start, f.kind, f.text)):
        own = by_speaker.setdefault(item.speaker, [])
        target = next((g for g in own if any(_same_claim(item, other, stopwords) for other in g)), None)
        if target is None:
            groups.append([item])
            own.append(groups[-1])
        else:
            target.append(item)
    out = []
    for group in groups:
        lead = max(group, key=lambda f: (len(content_words(f.text, stopwords)), f.kind == "direct", -f.doc, -f.start))
        in_order = sorted(group, key=lambda f: (f.doc, f.start))
        sources = tuple(dict.fromkeys(docs[f.doc].source for f in in_order))
        evidence = tuple(dict.fromkeys(e for f in in_order for e in f.evidence))
        # unsure only when no source names the speaker outright
        via = "pronoun" if all(f.via == "pronoun" for f in group) else None
        text = _DATELINE.sub("", lead.text, count=1) if lead.kind == "reported" else lead.text
        out.append(Statement(lead.speaker, lead.kind, text or lead.text, sources, evidence, None, lead.cue, via))
    return tuple(out)


def _same_claim(a: Found, b: Found, stopwords: frozenset[str]) -> bool:
    """Whether two statements of one speaker carry the same claim (see :func:`merge_statements`)."""
    if a.speaker != b.speaker:
        return False
    wa, wb = content_words(a.text, stopwords), content_words(b.text, stopwords)
    if not wa or not wb:
        return False
    small, large = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    shared = len(small & large) / len(small)
    if shared >= 0.8 and len(small) >= 0.5 * len(large):
        return True
    # one source quotes, another paraphrases: "will do everything it can to keep the city's harbour
    # safe and open" / "will do everything possible to keep the harbour running and safe"; long
    # enough that 2/3 shared words are no accident
    if a.doc != b.doc and shared >= 0.65 and len(small) >= 6 and len(small) >= 0.7 * len(large):
        return True
    same_sentence = bool(set(a.evidence) & set(b.evidence))
    return same_sentence and shared >= 0.9
