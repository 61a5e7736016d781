"""Quotes whose marks the page lost: a pull quote signed with a bare name, a block quote after a colon.

Scraped pages drop the styling of pull quotes and block quotes, leaving their words as a
plain paragraph: "We were never warned … . Jane Doe" (first-person words, then the speaker's
name, perhaps with a title) or "The ministry rejected the findings:" followed by the
statement's own paragraph. Only paragraphs without any quotation mark are read this way.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterator

from generator.analysis.document import ArticleDoc
from generator.analysis.statements.floating import last_frame_verb
from generator.analysis.statements.found import Found, block_start
from generator.analysis.statements.spans import ALL_DOUBLE, SCARE_QUOTE_WORDS
from generator.analysis.statements.speakers import SpeakerResolver
from generator.model import Evidence

if TYPE_CHECKING:
    from spacy.tokens import Span

_FIRST_PERSON = frozenset("i me my mine we us our ours".split())
_SIGNATURE_MAX = 10  # words of "Name, Title (Party)" closing a pull quote


def unmarked_quotes(adoc: ArticleDoc, n: int, resolver: SpeakerResolver) -> Iterator[Found]:
    """Quotes of article ``n`` whose marks the page lost (see the module's docstring)."""
    blocks = adoc.article.blocks
    for bi, block in enumerate(blocks):
        if block.kind != "paragraph" or any(ch in ALL_DOUBLE for ch in block.text):
            continue
        found = _signed_paragraph(adoc, n, bi, resolver)
        if found is None and bi > 0 and blocks[bi - 1].kind == "paragraph" and blocks[bi - 1].text.rstrip().endswith(":"):
            found = _block_quote(adoc, n, bi, resolver)
        if found is not None:
            yield found


def _block_sentences(adoc: ArticleDoc, block: int) -> list[tuple[int, "Span"]]:
    """(index, span) of the sentences of block ``block``."""
    return [(s.index, span) for s, span in adoc.in_block(block)]


def _signed_paragraph(adoc: ArticleDoc, n: int, block: int, resolver: SpeakerResolver) -> Found | None:
    """ "We were never told … . Jane Doe": first-person words closed by a person's bare name."""
    sents = _block_sentences(adoc, block)
    if not sents:
        return None
    start = block_start(adoc, block)
    end = start + len(adoc.article.blocks[block].text)
    # the signature: a person's mention right after a sentence-final mark, a few words from the end
    text = adoc.article.text
    if text[start:end].rstrip()[-1:] in ".!?":
        return None
    hit = next(
        (
            m for m in resolver.mentions
            if start < m.start < end
            and text[start : m.start].rstrip()[-1:] in ".!?"
            and len(text[m.end : end].split()) <= _SIGNATURE_MAX
            and resolver.kinds.get(m.actor) == "person"
        ),
        None,
    )
    if hit is None:
        return None
    last_stop = text.rfind(text[start : hit.start].rstrip()[-1], start, hit.start)
    body = text[start : last_stop + 1]
    words = re.findall(r"[A-Za-z]+", body.lower())
    if not words or not (_FIRST_PERSON & set(words)) or any(m.actor == hit.actor for m in resolver.mentions
                                                             if start <= m.start < last_stop):
        return None  # a pull quote speaks in the first person and does not name its speaker
    evidence = tuple(Evidence(adoc.source, i, span.text) for i, span in sents if span.start_char <= last_stop)
    return Found(hit.actor, "direct", re.sub(r"\s+", " ", body).strip(), n, start, evidence, "signed")


def _block_quote(adoc: ArticleDoc, n: int, block: int, resolver: SpeakerResolver) -> Found | None:
    """The paragraph after "X rejected the findings:" as X's words, up to where narration resumes.

    Narration resumes at a sentence with a verb of saying outside the first person ("They also
    argued …") or one that names the speaker.
    """
    prev = _block_sentences(adoc, block - 1)
    if not prev:
        return None
    verb = last_frame_verb(prev[-1][1], resolver.quoted, resolver.lexicon)
    speaker = resolver.speaker_of_verb(verb) if verb is not None else None
    if not speaker:  # "The board rejected the criticism:": a verb that answers introduces the words too
        root = prev[-1][1].root
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        answers = root.lemma_.lower() in resolver.lexicon.negating | resolver.lexicon.frames
        # not "The minister listed three priorities:": a list that follows is the reporter's
        speaker = resolver.speaker(subj) if subj is not None and answers and root.pos_ == "VERB" else None
        verb = root
    if not speaker:
        return None
    kept: list[tuple[int, "Span"]] = []
    for i, span in _block_sentences(adoc, block):
        if _narrates(span, speaker, resolver):
            break
        kept.append((i, span))
    if not kept:
        return None
    body = re.sub(r"\s+", " ", " ".join(span.text for _, span in kept)).strip()
    if len(body.split()) <= SCARE_QUOTE_WORDS:
        return None
    evidence = tuple(Evidence(adoc.source, i, span.text) for i, span in kept)
    cue = verb.lemma_.lower() if verb is not None else None
    return Found(speaker, "direct", body, n, kept[0][1].start_char, evidence, cue)


def _narrates(span: "Span", speaker: str, resolver: SpeakerResolver) -> bool:
    """Whether a sentence is the reporter's again: it names the speaker, or a third person says something."""
    if any(m.actor == speaker and span.start_char <= m.start < span.end_char for m in resolver.mentions):
        return True
    frames = resolver.lexicon.frames
    for tok in span:
        if tok.lemma_.lower() in frames and tok.pos_ == "VERB":
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.lower_ not in _FIRST_PERSON:
                return True
    return False
