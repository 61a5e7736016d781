"""Direct quotes: each quoted span with its speaker, from its frame verb or its context.

A quote takes the speaker of a reporting verb outside the quote in the same sentence (a verb
whose clause holds the quote first, then the nearest). When the quote's own sentence has a
verb right after it whose subject the parse lost, the name between the two speaks and context
is never asked. A quote with no verb of its own is left to :mod:`.floating` (a colon-ended
introduction, the quote it continues, the paragraph's last speaker, a signature).

One- to three-word quotes count only under a verb of saying or naming, or when they are a
sentence of their own ("“Not yet,” she added"); else they are scare quotes. Quoted names and
titles never count.
"""
from __future__ import annotations

import heapq
from collections.abc import Mapping
from typing import TYPE_CHECKING, Iterator, Sequence

from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.clauses import partial_quote_clause
from generator.analysis.statements.floating import signature_follows, signed_by, speaker_from_context
from generator.analysis.statements.found import Found, Ranges, inside, sentences_between
from generator.analysis.statements.spans import ALL_DOUBLE, SCARE_QUOTE_WORDS, TRIM, QuoteSpan
from generator.analysis.statements.speakers import SpeakerResolver
from generator.analysis.statements.speakers.subjects import source_phrase

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

# (block, start, speaker, cue) of a statement already attributed in the article
Said = tuple[int, int, str, str]

_FRAME_GAP = 6  # tokens between a quote's closing mark and its verb ("“…,” agency director Lena Hoff told")
_FRAGMENT_TOKENS = 20  # "Name claimed on social media without giving proof." is still only the frame
_SPLIT_FRAME_WORDS = 8  # words between the two parts of "“A,” she said, “B.”"
_TITLE_WORDS = 8
_TITLE_SMALL_WORDS = ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at")


def direct_quotes(
    adoc: ArticleDoc, n: int, quotes: list[QuoteSpan], resolver: SpeakerResolver, reported: Sequence[Found] = ()
) -> Iterator[Found]:
    """Quoted statements of article ``n`` with the speaker their sentence (or the one before) gives them.

    ``reported``: the article's reported statements; a quote with no speaker of its own
    continues the speaker of a reported statement earlier in its paragraph ("X warned that
    …. “…”").
    """
    said: list[Said] = [(adoc.sentences[f.evidence[0].sentence].block, f.start, f.speaker, f.cue or "") for f in reported]
    last = _LastSpeakers(said)  # and the attributed quotes, added as they are found
    for parts in _quote_groups(adoc, quotes):
        if _is_title(parts):
            continue
        last_by_block = last.before(parts[0].start)
        speaker, cue, verb = _quote_speaker(adoc, parts, resolver, last_by_block)
        if not speaker:
            continue
        via = resolver.last_via if verb is not None else None
        for p in parts:
            last.add((p.block, p.start, speaker, cue or ""))
        sentences = sentences_between(adoc, parts[0].start, parts[-1].end)
        clause = partial_quote_clause(verb, parts, resolver.quoted) if verb is not None and _is_short(adoc, parts) else None
        if clause:  # "called the plan “reckless”": the claim is the clause, the quote only its word
            yield Found(speaker, "reported", clause, n, parts[0].start, sentences, cue, via)
            continue
        yield Found(speaker, "direct", " ".join(p.text for p in parts), n, parts[0].start, sentences, cue, via)


def _is_short(adoc: ArticleDoc, parts: list[QuoteSpan]) -> bool:
    """A short quote is a term or a scare quote, unless it is a sentence of its own ("Not yet," she added)."""
    return sum(p.words() for p in parts) <= SCARE_QUOTE_WORDS and not _opens_sentence(adoc, parts[0])


def _quote_speaker(
    adoc: ArticleDoc, parts: list[QuoteSpan], resolver: SpeakerResolver, last_by_block: dict[int, tuple[str, str | None]]
) -> "tuple[str | None, str | None, Token | None]":
    """(speaker, cue, frame verb) of one quote: its frame verb's, the name before that verb, its
    signature's or its context's; the verb is the one that gave the speaker, if any."""
    quoted = resolver.quoted
    short = _is_short(adoc, parts)
    named = frozenset(m.actor for p in parts for m in resolver.mentions_in(p.start, p.end))
    speaker, cue, framed, verb = _framed_speaker(adoc, parts, resolver, short, named)
    if speaker is None and framed is not None and not short:
        # the parse lost the verb's subject: the one person named between the quote and the verb
        speaker, cue = _named_before_verb(_part_for(parts, framed), framed, resolver), framed.lemma_.lower()
        if not speaker:
            return None, None, None  # the sentence says who speaks; the paragraph before must not
        verb = framed
    if speaker is None:  # a signed pull quote may be short: it fills its paragraph
        speaker, cue = signed_by(adoc, parts, resolver)
    if speaker is None and not short and not signature_follows(adoc, parts[-1], quoted):
        speaker, cue = speaker_from_context(adoc, parts[0], last_by_block, quoted, resolver, named)
    return speaker, cue, verb


def _framed_speaker(
    adoc: ArticleDoc, parts: list[QuoteSpan], resolver: SpeakerResolver, short: bool, named: frozenset[str]
) -> "tuple[str | None, str | None, Token | None, Token | None]":
    """(speaker, cue, framed, verb) from the quote's frame verbs; ``framed`` is a verb right after
    the quote that gave no speaker ("“…,” agency director X told"), ``verb`` the one that gave it."""
    speaker, cue = None, None
    framed: Token | None = None
    for part in parts:
        for verb in _frame_verbs(adoc, part, resolver.quoted, resolver.lexicon):
            if short and not _short_quote_cue(verb, part, resolver.lexicon):
                continue
            speaker = resolver.speaker_of_verb(verb, named)
            cue = source_phrase(verb) or verb.lemma_.lower()
            if speaker:
                return speaker, cue, framed, verb
            if framed is None and _right_after(part, verb):
                framed = verb
    return speaker, cue, framed, None


def _part_for(parts: list[QuoteSpan], verb: "Token") -> QuoteSpan:
    """The part of a quote that ``verb`` follows."""
    return max((p for p in parts if p.end <= verb.idx), key=lambda p: p.end, default=parts[-1])


def _right_after(part: QuoteSpan, verb: "Token") -> bool:
    """Whether ``verb`` follows the quote closely, with only a comma, a mark and a name between."""
    if verb.idx < part.end or source_phrase(verb):
        return False
    between = [t for t in verb.doc[:verb.i] if t.idx >= part.end]
    # no part-of-speech test: a name between the quote and the verb is what the tagger gets wrong
    return len(between) <= _FRAME_GAP and not any(t.text in ".;:!?" or t.is_quote for t in between)


def _named_before_verb(part: QuoteSpan, verb: "Token", resolver: SpeakerResolver) -> str | None:
    """The one person (or body) mentioned between the quote and ``verb``."""
    hits = {m.actor for m in resolver.mentions_in(part.end, verb.idx)}
    people = sorted(a for a in hits if resolver.kinds.get(a) == "person")
    if len(people) == 1:
        return people[0]
    return next(iter(hits)) if len(hits) == 1 else None


class _LastSpeakers:
    """:func:`_last_speakers` asked at increasing offsets, kept up to date instead of sorting
    every statement again for each quote (which costs the square of the quotes)."""

    def __init__(self, said: list[Said]):
        self._all: list[Said] = list(said)
        self._waiting = [(start, block, who, cue) for block, start, who, cue in said]  # a heap by start
        heapq.heapify(self._waiting)
        self._best: dict[int, tuple[int, str, str]] = {}  # block → (start, who, cue) of its last
        self._at = -1

    def add(self, item: Said) -> None:
        """Count one more statement from the next query on."""
        self._all.append(item)
        block, start, who, cue = item
        if start < self._at:
            self._take(block, (start, who, cue))
        else:
            heapq.heappush(self._waiting, (start, block, who, cue))

    def before(self, offset: int) -> Mapping[int, tuple[str, str | None]]:
        """Block → (speaker, cue) of the last statement before ``offset``."""
        if offset < self._at:  # asked out of order: answer from scratch
            return _last_speakers(self._all, offset)
        self._at = offset
        while self._waiting and self._waiting[0][0] < offset:
            start, block, who, cue = heapq.heappop(self._waiting)
            self._take(block, (start, who, cue))
        return _BlockView(self._best)

    def _take(self, block: int, said: tuple[int, str, str]) -> None:
        self._best[block] = max(self._best.get(block, said), said)


class _BlockView(Mapping):
    """Block → (speaker, cue), read from the kept bests on access (no copy per quote)."""

    def __init__(self, best: dict[int, tuple[int, str, str]]):
        self._best = best

    def __getitem__(self, block: int) -> tuple[str, str | None]:
        _, who, cue = self._best[block]
        return who, cue or None

    def __iter__(self):
        return iter(self._best)

    def __len__(self) -> int:
        return len(self._best)


def _last_speakers(said: list[Said], before: int) -> dict[int, tuple[str, str | None]]:
    """Block index → (speaker, cue) of the last statement found in it before offset ``before``."""
    last: dict[int, tuple[str, str | None]] = {}
    for block, _, who, cue in sorted(x for x in said if x[1] < before):
        last[block] = (who, cue or None)
    return last


def _quote_groups(adoc: ArticleDoc, quotes: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Quote parts that form one quote: continued over a paragraph break, or split by a frame.

    A split quote is "“A,” she said, “B.”": the first part ends in a comma, the words
    between (at most eight) end in a comma or colon, and both lie in the same sentence.
    """
    by_group: dict[int, list[QuoteSpan]] = {}
    for q in quotes:
        by_group.setdefault(q.group, []).append(q)
    groups: list[list[QuoteSpan]] = []
    text = adoc.article.text
    for parts in sorted(by_group.values(), key=lambda ps: ps[0].start):
        if groups and not parts[0].single and not groups[-1][-1].single:
            last = groups[-1][-1]
            between = text[last.end : parts[0].start].strip()
            split = (
                text[last.start : last.end].rstrip(ALL_DOUBLE + " ").endswith(",")
                and between[-1:] in (",", ":")
                and len(between.split()) <= _SPLIT_FRAME_WORDS
                and adoc.sentence_at(last.end - 1) == adoc.sentence_at(parts[0].start)
            )
            if split:
                groups[-1].extend(parts)
                continue
        groups.append(list(parts))
    return groups


def _frame_verbs(adoc: ArticleDoc, part: QuoteSpan, quoted: Ranges, lexicon: ReportingVerbs) -> list["Token"]:
    """Reporting verbs (and "according to") of ``part``'s sentence(s) outside every quote."""
    found = []
    # +3: the sentence splitter may cut "“…,” added the agency." after the closing mark;
    # only the sentences near the quote can match (bisected, not a scan of the article)
    for sent, span in adoc.overlapping(part.start, part.end + 4):
        after = sent.block == part.block and part.end <= sent.start <= part.end + 3
        if after and _attribution_fragment(span, lexicon):
            pass  # "“… our town.” Resident Anna Smith said.": the quote's own frame, cut off by its period
        elif sent.block != part.block or not (sent.start < part.end + 3 and sent.end > part.start):
            continue
        elif sent.start >= part.end and (sent.text[:1].isupper() or sent.text[:1] in "“\"‘"):
            continue  # a new sentence after the quote, not its cut-off tail
        for tok in span:
            if inside(tok.idx, quoted):
                continue
            is_verb = tok.lemma_.lower() in lexicon.frames | lexicon.urge and tok.pos_ in ("VERB", "AUX")
            is_according = source_phrase(tok) is not None
            if is_verb or is_according:
                dist = part.start - tok.idx if tok.idx < part.start else tok.idx - part.end
                governs = any(part.start <= t.idx < part.end for t in tok.subtree)
                if not governs and tok.tag_ == "VBG" and not is_according:
                    continue  # "“…”, the government recommending “…”": a participle frames its own quote only
                found.append((not governs, dist, tok.i, tok))
    # a verb whose clause holds the quote first ("X said “…”"), then the nearest one
    return [f[-1] for f in sorted(found, key=lambda f: f[:3])]


def _opens_sentence(adoc: ArticleDoc, part: QuoteSpan) -> bool:
    """Whether a quote is a sentence in its own right: it opens its sentence with a capital and no
    words stand before it ("“Not yet,” she added." / "… he said. “Everybody saw it.”")."""
    sent = adoc.sentence_at(part.start)
    before = adoc.article.text[sent.start : part.start]
    # the punctuation inside the marks tells a sentence from a quoted title ("“Frozen” was a hit")
    closes = adoc.article.text[part.start : part.end].rstrip(TRIM)[-1:] in ".,!?"
    return not any(ch.isalnum() for ch in before) and part.text[:1].isupper() and closes


def _attribution_fragment(span: "Span", lexicon: ReportingVerbs) -> bool:
    """Whether a sentence is only "Name said." / "said the minister.": a verb of saying with a
    subject and nothing said of its own (no clause, no object, no quote)."""
    root = span.root
    if len(span) > _FRAGMENT_TOKENS or root.lemma_.lower() not in lexicon.frames or root.pos_ != "VERB":
        return False
    own = ("ccomp", "xcomp", "mark") + (() if root.lemma_.lower() == "tell" else ("dobj",))  # "told reporters"
    if any(c.dep_ in own for c in root.children) or any(t.is_quote for t in span):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children) or any(c.dep_ in ("attr",) for c in root.children)


def _short_quote_cue(verb: "Token", part: QuoteSpan, lexicon: ReportingVerbs) -> bool:
    """Whether a one- to three-word quote is said: a verb of saying or naming governs it
    ("called the ruling “dangerous”"); otherwise it is a term or a scare quote."""
    if verb.lemma_.lower() not in lexicon.short_quote:
        return False
    return any(part.start <= t.idx < part.end for t in verb.subtree)


def _is_title(parts: list[QuoteSpan]) -> bool:
    """A quoted name or title ("Harbour Lights of the North"): short, capitalised, no sentence."""
    words = [w for p in parts for w in p.text.split()]
    if not words or len(words) > _TITLE_WORDS or parts[-1].text[-1:] in ".!?":
        return False
    capitals = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
    fits = all(w in capitals or w.lower() in _TITLE_SMALL_WORDS for w in words)
    return len(words) > 1 and fits and len(capitals) >= 2
