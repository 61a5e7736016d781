"""Speakers of quotes without a frame verb of their own, from the quote's context.

A quote with no reporting verb in its sentence takes the speaker of a colon-ended
introduction ("She continued: “…”", "Okafor said:"), of the quote it continues, or of the
last statement of its paragraph or of the paragraph before ("floating" quotes, as
GenderGapTracker calls them), or of the person the sentence before introduces ("The chief
executive, Ingrid Solberg, rejected the claims." / "“…”"). A pull quote signed "— Name" takes
that name; one signed with no name we know takes nobody.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.found import Ranges, block_start, inside
from generator.analysis.statements.spans import QuoteSpan
from generator.analysis.statements.speakers import SpeakerResolver
from generator.model import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# (speaker, cue), both None when nobody is found
Speaker = tuple[str | None, str | None]
_NOBODY: Speaker = (None, None)

_CAPTION = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Video|File photo)\s*:", re.IGNORECASE)
_DASHES = "—–―‒-"
_SIGNATURE_WORDS = 12  # "— Peter Hallström, union leader at the Kvarn plant"


def speaker_from_context(
    adoc: ArticleDoc,
    first: QuoteSpan,
    last_by_block: dict[int, tuple[str, str | None]],
    quoted: Ranges,
    resolver: SpeakerResolver,
    named: frozenset[str],
) -> Speaker:
    """A speaker for a quote whose own sentence has no reporting verb.

    In order: a colon introduces the quote in its own sentence and the clause before names a
    person ("She continued: “…”"); the sentence before ends in a colon and names the speaker
    ("Okafor said:"); the quote opens its sentence and an earlier quote of the same paragraph,
    or of the paragraph before when the quote opens its paragraph, has a known speaker (news
    writing goes on quoting the same speaker); the sentence before introduces a person.
    """
    sent = adoc.sentence_at(first.start)
    lead = adoc.article.text[sent.start : first.start].strip()
    if lead:
        if lead.endswith(":"):
            return _colon_speaker(adoc.spans[sent.index], first.start, quoted, resolver, named)
        return _NOBODY
    found = _introduced_just_before(adoc, sent, quoted, resolver, named)
    if found[0]:
        return found
    earlier = _earlier_speaker(adoc, first, last_by_block)
    if earlier is not None:
        return earlier
    return _introduced_person_before(adoc, first, sent, quoted, resolver, named)


def _introduced_just_before(
    adoc: ArticleDoc, sent: Sentence, quoted: Ranges, resolver: SpeakerResolver, named: frozenset[str]
) -> Speaker:
    """The speaker a sentence ending in a colon or comma names ("Okafor said:", "Brekke stated,"
    ending a paragraph), for the quote that opens the next sentence."""
    if sent.index == 0:
        return _NOBODY
    prev_span = adoc.spans[sent.index - 1]
    if prev_span.text.rstrip()[-1:] not in (":", ","):
        return _NOBODY
    verb = last_frame_verb(prev_span, quoted, resolver.lexicon)
    found = (resolver.speaker_of_verb(verb, named), verb.lemma_.lower()) if verb is not None else _NOBODY
    if not found[0]:
        found = _colon_speaker(prev_span, prev_span.end_char, quoted, resolver, named)
    return found


def _earlier_speaker(
    adoc: ArticleDoc, first: QuoteSpan, last_by_block: dict[int, tuple[str, str | None]]
) -> tuple[str, str | None] | None:
    """The last speaker of the quote's paragraph, or of the paragraph before when the quote opens
    its own (captions between them skipped)."""
    if first.block in last_by_block:
        return last_by_block[first.block]
    block = adoc.article.blocks[first.block]
    opens_block = not adoc.article.text[block_start(adoc, first.block) : first.start].strip()
    before = _previous_text_block(adoc, first.block)
    if opens_block and before in last_by_block:
        if adoc.article.blocks[before].kind == "paragraph" and block.kind == "paragraph":
            return last_by_block[before]
    return None


def _introduced_person_before(
    adoc: ArticleDoc, first: QuoteSpan, sent: Sentence, quoted: Ranges, resolver: SpeakerResolver, named: frozenset[str]
) -> Speaker:
    """For a sentence that is all quote: the person the sentence before introduces, when it lies
    in the same paragraph or ends the paragraph before a paragraph that is all quote."""
    if not (_fills_sentence(adoc, sent, quoted) and sent.index > 0 and adoc.article.blocks[first.block].kind == "paragraph"):
        return _NOBODY
    prev = adoc.sentences[sent.index - 1]
    same = prev.block == first.block
    if (same or (prev.block == first.block - 1 and _fills_block(adoc, first.block, quoted))) and (
        adoc.article.blocks[prev.block].kind == "paragraph"
    ):
        return _introduced_person(adoc.spans[sent.index - 1], quoted, resolver, named)
    return _NOBODY


def _fills_sentence(adoc: ArticleDoc, sent: Sentence, quoted: Ranges) -> bool:
    """Whether a sentence is all quote: nothing but marks and punctuation outside its quotes."""
    text = adoc.article.text[sent.start : sent.end]
    return not any(ch.isalnum() for i, ch in enumerate(text) if not inside(sent.start + i, quoted))


def _previous_text_block(adoc: ArticleDoc, block: int) -> int:
    """The block before ``block``, skipping up to two picture captions ("… Photo: A. Reporter.") the
    page put between a quote and the paragraph that goes on with it."""
    prev = block - 1
    while prev > 0 and block - prev <= 2 and _CAPTION.search(adoc.article.blocks[prev].text):
        prev -= 1
    return prev


def _fills_block(adoc: ArticleDoc, block: int, quoted: Ranges) -> bool:
    """Whether the paragraph is all quote: nothing but marks and punctuation outside its quotes."""
    start = block_start(adoc, block)
    text = adoc.article.blocks[block].text
    outside = "".join(ch for i, ch in enumerate(text) if not inside(start + i, quoted))
    return not any(ch.isalnum() for ch in outside)


def _introduced_person(span: "Span", quoted: Ranges, resolver: SpeakerResolver, named: frozenset[str]) -> Speaker:
    """The person a paragraph ends on, as the speaker of a quote paragraph that follows with no frame.

    News writing introduces a speaker in a sentence of his own and quotes him in the next
    paragraph ("The chief executive, Ingrid Solberg, rejected the claims." / "“…”"). Only the
    active subject of the paragraph's last sentence counts, and only a person: "Police arrested
    Smith." or "Smith was arrested." introduce no one who speaks next.
    """
    # the sentence's own subject, or the subject of a verb of saying in it ("As Brekke told the
    # Evening Courier, prices have dropped." / "“…”")
    verbs = [span.root] + [
        t for t in span if t.lemma_.lower() in resolver.lexicon.frames and t.pos_ == "VERB" and t is not span.root
    ]
    for verb in verbs:
        if verb.pos_ not in ("VERB", "AUX") or inside(verb.idx, quoted) or any(t.dep_ == "neg" for t in verb.children):
            continue
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or (subj.pos_ == "PRON" and subj.lower_ not in ("he", "she")):
            continue
        who = resolver.speaker(subj, named)
        if who and resolver.kinds.get(who) == "person":
            return who, verb.lemma_.lower()
    return _NOBODY


def signed_by(adoc: ArticleDoc, parts: list[QuoteSpan], resolver: SpeakerResolver) -> Speaker:
    """The speaker of a quote signed with a dash: "“…” — Name, Title", on its line or the next.

    The quote must open its line; only a dash line counts, and only a name right after the
    dash (an actor, or a person's name the parser marks): a bare line of words after a quote
    is as likely a caption or the next paragraph.
    """
    text = adoc.article.text
    first, last = parts[0], parts[-1]
    line_start = text.rfind("\n", 0, first.start) + 1
    if text[line_start : first.start].strip():
        return _NOBODY
    start = last.end
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    if not text[start:end].strip():  # the signature on the line after the quote
        start = end + 1
        while start < len(text) and text[start] in "\n ":
            start += 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
    rest = text[start:end]
    stripped = rest.lstrip()
    if stripped[:1] not in _DASHES or len(stripped.split()) > _SIGNATURE_WORDS:
        return _NOBODY
    name_at = start + (len(rest) - len(stripped)) + 1
    while name_at < len(text) and text[name_at] in _DASHES + " ":
        name_at += 1
    hit = next((m for m in resolver.mentions if m.start == name_at), None)
    if hit is not None and resolver.kinds.get(hit.actor) in ("person", "organisation"):
        return hit.actor, "signed"
    name = _person_at(adoc, name_at)
    return (name, "signed") if name else _NOBODY


def _person_at(adoc: ArticleDoc, at: int) -> str | None:
    """The person's name the parser marks starting at character ``at``, if any."""
    for ent in adoc.doc.ents:
        if ent.start_char == at and ent.label_ == "PERSON" and len(ent) >= 2:
            return ent.text
        if ent.start_char > at:
            break
    return None


def signature_follows(adoc: ArticleDoc, last: QuoteSpan, quoted: Ranges) -> bool:
    """Whether the quote's paragraph ends in a signature that names no one we know ("“…”
    Retired teacher, “Letters page”"): a few words after the quote with no verb. The quote is
    someone else's than the paragraph before's, so context must not give it a speaker."""
    sent = adoc.sentence_at(last.end)
    start = block_start(adoc, last.block)
    rest = adoc.article.text[last.end : start + len(adoc.article.blocks[last.block].text)].strip(" ,;" + _DASHES)
    if not rest[:1].isupper() or len(rest.split()) > _SIGNATURE_WORDS:
        return False
    after = range(sent.index, len(adoc.sentences))
    span = next((adoc.spans[i] for i in after if adoc.sentences[i].end > last.end), None)
    tokens = [t for t in span if t.idx >= last.end] if span is not None else []
    return bool(tokens) and not any(t.pos_ in ("VERB", "AUX") and not inside(t.idx, quoted) for t in tokens)


def _colon_speaker(
    span: "Span", before: int, quoted: Ranges, resolver: SpeakerResolver, named: frozenset[str]
) -> Speaker:
    """The person who speaks in "Brekke defended the record: “…”": the subject of the clause before the colon.

    Any verb may introduce a quote this way, so only a person (or a pronoun for one) counts;
    "The newspaper cited examples: “…”" gives no speaker.
    """
    for tok in span:
        if tok.idx >= before or inside(tok.idx, quoted) or tok.pos_ not in ("VERB", "AUX"):
            continue
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        who = resolver.speaker(subj, named)
        if who and resolver.kinds.get(who) == "person":
            return who, tok.lemma_.lower()
        return _NOBODY
    return _NOBODY


def last_frame_verb(span: "Span", quoted: Ranges, lexicon: ReportingVerbs) -> "Token | None":
    """The last verb of saying of ``span`` outside its quotes."""
    verbs = [
        t for t in span if t.lemma_.lower() in lexicon.frames and t.pos_ in ("VERB", "AUX") and not inside(t.idx, quoted)
    ]
    return verbs[-1] if verbs else None
