"""The dated events of one article, before merging: every date of every prose sentence gets
its own event, with the keys the merge compares.

A quoted post is resolved against the date in its attribution line ("— Name (@handle) June 3,
2021"); "later that day" and "the previous day" resolve against the last day the article
named before. Skipped: dates inside quotation marks (quoted speech is a statement, not a
reported event), sentences that are nothing but a date (captions, datelines), a wire
dateline's own date.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from generator.analysis.document import sentence_entities
from generator.analysis.timeline.lexicon import DateWords, TimelineLexicon
from generator.analysis.timeline.resolve import DateMention, resolve_dates
from generator.analysis.timeline.wording import describe, governing_noun, mention_tokens, top_token
from generator.model import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Span

    from generator.analysis.document import ArticleDoc

# "later that day", "the same day": the day of the event the article just told
_ANAPHORIC = re.compile(r"\bthat\b|\bsame\b|\bin the day\b", re.I)


@dataclass(frozen=True)
class Found:
    """One dated event in one sentence, before merging."""

    date: str
    end: str | None
    date_text: str
    event: str
    source: str
    sentence: Sentence
    inferred: bool
    keys: frozenset[str]  # content lemmas of the event, for merging
    entities: frozenset[str]  # named entities of the sentence, lower-cased
    focus: str  # lemma of the noun the date modifies ("summit" in "the summit next month")
    link: tuple[str, int] | None = None  # the sentence whose day "later that day" refers to
    direct: bool = True  # the date dates its clause, not a noun inside the clause's subject


def article_events(doc: "ArticleDoc", lexicon: TimelineLexicon) -> Iterable[Found]:
    """The dated events of one article, sentence by sentence, keeping the last day named
    as the anchor of "later that day"."""
    article = doc.article
    anchor: dt.date | None = None
    anchor_at: tuple[str, int] | None = None
    for sentence, span in doc.prose():
        ents = sentence_entities(span)
        block = doc.block_of(sentence)
        offset = sentence.start - block.start  # the sentence inside its block's text
        post_day = _post_date(block.attribution, article.published, lexicon.dates) if block.kind == "post" else None
        mentions = resolve_dates(sentence.text, post_day or article.published, span=span, anchor=anchor,
                                 words=lexicon.dates, entities=ents)
        if not mentions or _only_dates(sentence.text, mentions):
            continue
        # resolved without any reference: the date does not rest on the publication date
        absolute = {(m.start, m.value) for m in resolve_dates(sentence.text, None, span=span, words=lexicon.dates,
                                                                   entities=ents)}
        told = [
            m for m in mentions
            if not _in_quotes(block.text, offset + m.start, offset + m.end) and not _dateline(sentence.text, m)
        ]
        for mention in told:
            anaphoric = anchor is not None and _ANAPHORIC.search(mention.text) and mention.value == anchor.isoformat()
            yield Found(
                date=mention.value,
                end=mention.end_value,
                date_text=mention.text,
                event=describe(span, sentence, mention, mentions),
                source=article.id,
                sentence=sentence,
                inferred=(mention.start, mention.value) not in absolute,
                keys=merge_keys(span, sentence, mention, lexicon.not_keys),
                entities=frozenset(e.text.lower() for e in ents if e.label_ not in _NON_NAMES),
                focus=focus_noun(span, sentence, mention),
                link=anchor_at if anaphoric else None,
                direct=dates_clause(span, sentence, mention),
            )
        days = [m for m in told if len(m.value) == 10]
        if days:
            anchor = dt.date.fromisoformat(days[-1].value)
            anchor_at = (article.id, sentence.index)


_NON_NAMES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}


def _post_date(attribution: str | None, reference: dt.date | None, words: DateWords) -> dt.date | None:
    """The date in a post's attribution line ("— Name (@handle) June 3, 2021"); a date
    without a year there takes the article's."""
    if not attribution:
        return None
    for mention in resolve_dates(attribution, reference, words=words):
        if len(mention.value) == 10:
            return dt.date.fromisoformat(mention.value)
    return None


_DATELINE_BEFORE = re.compile(r"^[A-Z][A-Z .,'/-]*,\s*$")
_DATELINE_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?[-–—:]")


def _dateline(text: str, mention: DateMention) -> bool:
    """The date of a wire dateline ("VELMORA, June 3 (Wire) — …"): the story's own date."""
    return bool(_DATELINE_BEFORE.match(text[: mention.start]) and _DATELINE_AFTER.match(text[mention.end:]))


def _only_dates(text: str, mentions: list[DateMention]) -> bool:
    """A sentence that is nothing but its dates ("Friday, July 21, 2017")."""
    rest = text
    for m in sorted(mentions, key=lambda m: -m.start):
        rest = rest[: m.start] + rest[m.end:]
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= 1


def _in_quotes(block: str, start: int, end: int) -> bool:
    """Whether ``block[start:end]`` lies inside quoted speech.

    The whole block (paragraph) is read, because a quotation often spans sentences.
    Straight double quotes pair up; a curly one is open when the last “ before the
    mention has no ” after it (a quote may run on to the paragraph's end); a single curly
    ‘ opens only at a word start, and ’ closes only when no letter follows (else it is an
    apostrophe).
    """
    before = block[:start]
    if before.count('"') % 2 == 1:
        return True
    if before.rfind("“") > before.rfind("”"):
        return True
    opening = max((m.start() for m in re.finditer(r"(?:^|(?<=[\s(\[—–-]))‘", before)), default=-1)
    if opening >= 0:
        closing = [m.start() for m in re.finditer(r"’(?![A-Za-z])", before) if m.start() > opening]
        if not closing and re.search(r"’(?![A-Za-z])", block[end:]):
            return True
    return False


def dates_clause(span: "Span", sentence: Sentence, mention: DateMention) -> bool:
    """Whether the date attaches to its clause rather than to a noun in the clause's subject."""
    tokens = mention_tokens(span, sentence, mention)
    if not tokens:
        return False
    node = top_token(tokens)
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        if node.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return False
        node = node.head
    return True


def merge_keys(span: "Span", sentence: Sentence, mention: DateMention, not_keys: frozenset[str]) -> frozenset[str]:
    """Content lemmas of the sentence (the event's words and its context), without dates and
    without ``not_keys`` (words of attribution, which any two news sentences share)."""
    date_ids = {t.i for t in mention_tokens(span, sentence, mention)}
    return frozenset(
        t.lemma_.lower().lstrip("#@")
        for t in span
        if t.i not in date_ids
        and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
        and not t.is_stop
        and t.ent_type_ not in ("DATE", "TIME")
        and len(t.text) > 2
        and t.lemma_.lower() not in not_keys
    )


def focus_noun(span: "Span", sentence: Sentence, mention: DateMention) -> str:
    """The lemma of the noun a date phrase modifies, or ""."""
    tokens = mention_tokens(span, sentence, mention)
    if not tokens:
        return ""
    noun = governing_noun(top_token(tokens))
    return noun.lemma_.lower() if noun is not None else ""
