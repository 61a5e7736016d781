"""Direct quotes: where the quotation marks open and close, and who is quoted.

:func:`find_quote_spans` works on characters, not tokens, because news text mixes straight
and curly marks, leaves quotes unbalanced and runs a quote over paragraph breaks; a tokenizer
sees none of that. :func:`direct_quotes` then gives each quote its speaker: the speaker of a
reporting verb outside the quote in the same sentence (a verb whose clause holds the quote
first, then the nearest); a quote with no verb of its own takes the speaker of a colon-ended
introduction ("She continued: “…”", "Okafor said:"), of the quote it continues, or of the
last statement of its paragraph or of the paragraph before ("floating" quotes, as
GenderGapTracker calls them), or of the person the sentence before introduces ("The chief
executive, Ingrid Solberg, rejected the claims." / "“…”"); a pull quote signed "— Name" takes
that name, one signed with no name we know takes nobody. When the quote's own sentence has a
verb right after it whose subject the parse lost, the name between the two speaks and context
is never asked. One- to three-word quotes count only under a verb of saying or naming, or when
they are a sentence of their own ("“We'll see,” she added"); else they are scare quotes; quoted
names and titles never count. :func:`unmarked_quotes` reads quotes whose marks the page lost (a
signed pull quote in plain text, a block quote after a colon).

News conventions handled (see the Notes of :func:`find_quote_spans`):

- double quotes, straight ``"…"`` or curly ``“…”`` (also ``„…“``);
- single curly quotes used as quotation marks (``‘staunch and capable ally’``) and, more
  cautiously, straight single quotes around words (``'courageous achievement'``);
- a quote that runs over a paragraph break: the paragraph ends with the quote still open and
  the next paragraph opens with a quotation mark; the parts form one quote;
- unbalanced marks: an opening mark with no closing one ends at the end of its paragraph; a
  closing mark with no opening one at the start of a paragraph closes a quote opened there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from generator.analysis.attribution import SpeakerResolver, inside, source_phrase
from generator.analysis.document import ArticleDoc
from generator.analysis.lexicons import ReportingVerbs
from generator.model import Article, Evidence, StatementKind

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OPENING_DOUBLE = "“„"
CLOSING_DOUBLE = "”"
STRAIGHT_DOUBLE = '"'
ALL_DOUBLE = OPENING_DOUBLE + CLOSING_DOUBLE + STRAIGHT_DOUBLE
SCARE_QUOTE_WORDS = 3  # a quote this short is a term, not a statement, unless a verb governs it
# The characters a quote's content is trimmed of (marks, spaces, the comma before "he said").
_TRIM = " \t\n" + ALL_DOUBLE + "‘’'"
_TRAILING = ",;:"

# ‘…’: the opening mark follows a space, a bracket, a dash or the start; the closing mark is
# not followed by a letter (that would be an apostrophe: "Turkey’s").
_SINGLE_CURLY = re.compile(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))‘(?=\S)((?:[^‘’\n]|’(?=[A-Za-z]))+?)(?<=\S)’(?![A-Za-z])")
# '…' straight single quotes are also apostrophes; only short runs between non-word
# characters count (``'courageous achievement'``), never across a possessive ("girls' ").
_SINGLE_STRAIGHT = re.compile(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))'(?=[^\s'])([^'\n]{1,120}?)(?<=[^\s'])'(?![\w])")


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted span: ``start``/``end`` include the marks, ``text`` is the content.

    ``group`` is shared by the parts of one quote that runs over a paragraph break;
    ``block`` is the index of the block it lies in. ``single`` marks single-quote spans.
    """

    start: int
    end: int
    text: str
    block: int
    group: int
    single: bool = False

    def words(self) -> int:
        return len(self.text.split())


def find_quote_spans(article: Article) -> list[QuoteSpan]:
    """Every quoted span in the article's paragraphs, in text order.

    Notes:
        Double-quote spans come first; a single-quote span counts only outside them (inside a
        double quote it is a quote within the quote and belongs to it). Post blocks are left
        out: a quoted post is a statement as a whole (see :mod:`statements`).
    """
    spans: list[QuoteSpan] = []
    open_from_previous = False
    last_group = -1  # the group of the last double-quoted span, for continued quotes
    for bi, block in enumerate(article.blocks):
        if block.kind != "paragraph":
            open_from_previous = False
            continue
        base = _block_offset(article, bi)
        raw, still_open = _double_spans(block.text)
        if open_from_previous and _caption_between(article, bi):
            continue  # the quote goes on after a picture caption the page put inside it
        continues = open_from_previous and block.text.lstrip()[:1] in ALL_DOUBLE + "‘"
        for k, (s, e) in enumerate(raw):
            group = last_group if (k == 0 and continues and last_group >= 0) else len(spans)
            text = _content(block.text[s:e])
            if text:
                spans.append(QuoteSpan(base + s, base + e, text, bi, group))
                last_group = group
        open_from_previous = still_open
        spans.extend(_single_spans(block.text, base, bi, raw, len(spans)))
    return sorted(spans, key=lambda q: (q.start, q.end))


_CAPTION_WORDS = 25


def _caption_between(article: Article, bi: int) -> bool:
    """Whether block ``bi``, met while a quote is open, is a caption inside the quote: one short
    sentence without quotation marks, and the next paragraph opens with a quotation mark."""
    block = article.blocks[bi]
    nxt = article.blocks[bi + 1] if bi + 1 < len(article.blocks) else None
    if nxt is None or nxt.kind != "paragraph" or nxt.text.lstrip()[:1] not in ALL_DOUBLE:
        return False
    text = block.text.strip()
    one_sentence = not re.search(r"[.!?]\s+[A-Z]", text.rstrip(".!?"))
    return len(text.split()) <= _CAPTION_WORDS and one_sentence and not any(ch in ALL_DOUBLE for ch in text)


def _block_offset(article: Article, index: int) -> int:
    """The block's offset in ``article.text``, trusting ``Block.start`` when it matches."""
    block = article.blocks[index]
    if article.text[block.start : block.start + len(block.text)] == block.text:
        return block.start
    found = article.text.find(block.text)
    return found if found >= 0 else block.start


def _double_spans(text: str) -> tuple[list[tuple[int, int]], bool]:
    """(start, end) of each double-quoted span of one paragraph, and whether one is left open.

    A small state machine over the marks; straight marks open when nothing is open and close
    otherwise. An unmatched closing mark as the paragraph's first mark closes a quote that
    began at the paragraph start (its opening mark was lost or is in the previous paragraph).
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    first = True
    for i, ch in enumerate(text):
        if ch not in ALL_DOUBLE:
            continue
        if ch in OPENING_DOUBLE or (ch == STRAIGHT_DOUBLE and opened is None and _opens(text, i, first)):
            if opened is not None:  # a second opening mark: the first quote was never closed
                spans.append((opened, i))
            opened = i
        elif opened is not None:
            spans.append((opened, i + 1))
            opened = None
        elif first:
            spans.append((0, i + 1))
        first = False
    if opened is not None:
        spans.append((opened, len(text)))
    return spans, opened is not None


def _opens(text: str, i: int, first: bool) -> bool:
    """Whether a straight ``"`` at ``i`` (with no quote open) opens one."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isspace() or before in "([—–-:":
        return True
    # "word" glued to the previous word ("said:"Yes") vs a closing mark ("yes," he said)
    return not first and not after.isspace() and after not in ".,;:!?)"


def _single_spans(text: str, base: int, block: int, doubles: list[tuple[int, int]], n: int) -> list[QuoteSpan]:
    """Single-quoted spans of one paragraph that lie outside its double-quoted spans."""
    out: list[QuoteSpan] = []
    for pattern in (_SINGLE_CURLY, _SINGLE_STRAIGHT):
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in doubles):
                continue
            if any(q.start <= base + m.start() < q.end for q in out):
                continue
            content = _content(m.group(1))
            if content and len(content.split()) <= 40:
                out.append(QuoteSpan(base + m.start(), base + m.end(), content, block, n + len(out), True))
    return out


def _content(raw: str) -> str:
    """A quote's words without its marks, surrounding space or the comma before "he said"."""
    text = raw.strip(_TRIM).rstrip(_TRAILING).strip(_TRIM)
    return re.sub(r"\s+", " ", text)


@dataclass(frozen=True)
class Found:
    """A statement found in one article, before merging across articles."""

    speaker: str
    kind: StatementKind
    text: str
    doc: int  # position of the article in ``docs``
    start: int  # character offset where it was found, for ordering
    evidence: tuple[Evidence, ...]
    cue: str | None


# --------------------------------------------------------------------------- direct quotes


def direct_quotes(
    adoc: ArticleDoc, n: int, quotes: list[QuoteSpan], resolver: SpeakerResolver, reported: list[Found] = ()
) -> Iterator[Found]:
    """Quoted statements with the speaker their sentence (or the one before) gives them.

    ``reported``: the article's reported statements; a quote with no speaker of its own
    continues the speaker of a reported statement earlier in its paragraph ("X warned that
    …. “…”").
    """
    quoted = resolver.quoted
    said = [(adoc.sentences[f.evidence[0].sentence].block, f.start, f.speaker, f.cue or "") for f in reported]
    quoted_by: list[tuple[int, int, str, str]] = []  # (block, start, speaker, cue) of attributed quotes
    for parts in _quote_groups(adoc, quotes):
        last_by_block = _last_speakers(said + quoted_by, parts[0].start)
        words = sum(p.words() for p in parts)
        if _is_title(parts):
            continue
        # a short quote is a term or a scare quote, unless it is a sentence of its own ("We'll see," she added)
        short = words <= SCARE_QUOTE_WORDS and not _opens_sentence(adoc, parts[0])
        named = frozenset(m.actor for m in resolver.mentions if any(p.start <= m.start < p.end for p in parts))
        speaker, cue = None, None
        framed: "Token | None" = None  # a verb right after the quote ("“…,” WHO director X told")
        for part in parts:
            for verb in _frame_verbs(adoc, part, quoted, resolver.lexicon):
                if short and not _short_quote_cue(verb, part, resolver.lexicon):
                    continue
                speaker = resolver.speaker_of_verb(verb, named)
                cue = source_phrase(verb) or verb.lemma_.lower()
                if speaker:
                    break
                if framed is None and _right_after(adoc, part, verb):
                    framed = verb
            if speaker:
                break
        if speaker is None and framed is not None and not short:
            # the parse lost the verb's subject: the one person named between the quote and the verb
            speaker, cue = _named_before_verb(adoc, part_for(parts, framed), framed, resolver), framed.lemma_.lower()
            if not speaker:
                continue  # the sentence says who speaks; the paragraph before must not
        if speaker is None:  # a signed pull quote may be short: it fills its paragraph
            speaker, cue = _signed_by(adoc, parts, resolver)
        if speaker is None and not short and not _signature_follows(adoc, parts[-1], quoted):
            speaker, cue = _speaker_from_context(adoc, parts[0], last_by_block, quoted, resolver, named)
        if not speaker:
            continue
        quoted_by.extend((p.block, p.start, speaker, cue or "") for p in parts)
        sentences = sentences_between(adoc, parts[0].start, parts[-1].end)
        yield Found(speaker, "direct", " ".join(p.text for p in parts), n, parts[0].start, sentences, cue)


def part_for(parts: list[QuoteSpan], verb: "Token") -> QuoteSpan:
    """The part of a quote that ``verb`` follows."""
    return max((p for p in parts if p.end <= verb.idx), key=lambda p: p.end, default=parts[-1])


_FRAME_GAP = 6  # tokens between a quote's closing mark and its verb ("“…,” WHO director Hans Kluge told")


def _right_after(adoc: ArticleDoc, part: QuoteSpan, verb: "Token") -> bool:
    """Whether ``verb`` follows the quote closely, with only a comma, a mark and a name between."""
    if verb.idx < part.end or source_phrase(verb):
        return False
    between = [t for t in verb.doc[:verb.i] if t.idx >= part.end]
    # no part-of-speech test: a name between the quote and the verb is what the tagger gets wrong
    return len(between) <= _FRAME_GAP and not any(t.text in ".;:!?" or t.is_quote for t in between)


def _named_before_verb(adoc: ArticleDoc, part: QuoteSpan, verb: "Token", resolver: SpeakerResolver) -> str | None:
    """The one person (or body) mentioned between the quote and ``verb``."""
    hits = {m.actor for m in resolver.mentions if part.end <= m.start < verb.idx}
    people = sorted(a for a in hits if resolver.kinds.get(a) == "person")
    if len(people) == 1:
        return people[0]
    return next(iter(hits)) if len(hits) == 1 else None


def _last_speakers(said: list[tuple[int, int, str, str]], before: int) -> dict[int, tuple[str, str | None]]:
    """Block index → (speaker, cue) of the last statement found in it before offset ``before``."""
    last: dict[int, tuple[str, str | None]] = {}
    for block, _, who, cue in sorted(x for x in said if x[1] < before):
        last[block] = (who, cue or None)
    return last


def _quote_groups(adoc: ArticleDoc, quotes: list[QuoteSpan]) -> list[list[QuoteSpan]]:
    """Quote parts that form one quote: continued over a paragraph break, or split by a frame.

    A split quote is "“A,” Varga said, “B.”": the first part ends in a comma, the words
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
                and len(between.split()) <= 8
                and adoc.sentence_at(last.end - 1) == adoc.sentence_at(parts[0].start)
            )
            if split:
                groups[-1].extend(parts)
                continue
        groups.append(list(parts))
    return groups


def _frame_verbs(adoc: ArticleDoc, part: QuoteSpan, quoted, lexicon: ReportingVerbs) -> list["Token"]:
    """Reporting verbs (and "according to") of ``part``'s sentence(s) outside every quote."""
    found = []
    # +3: the sentence splitter may cut "“…,” added the agency." after the closing mark
    for sent, span in zip(adoc.sentences, adoc.spans):
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
    words stand before it ("“We'll see,” she added." / "… he said. “Everybody saw it.”")."""
    sent = adoc.sentence_at(part.start)
    before = adoc.article.text[sent.start : part.start]
    # the punctuation inside the marks tells a sentence from a quoted title ("“Frozen” was a hit")
    closes = adoc.article.text[part.start : part.end].rstrip(_TRIM)[-1:] in ".,!?"
    return not any(ch.isalnum() for ch in before) and part.text[:1].isupper() and closes


_FRAGMENT_TOKENS = 10


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
    """A quoted name or title ("Better Idea of Afghan Girls"): short, capitalised, no sentence."""
    words = [w for p in parts for w in p.text.split()]
    if not words or len(words) > 8 or parts[-1].text[-1:] in ".!?":
        return False
    small = ("of", "the", "a", "an", "and", "in", "on", "for", "to", "at")
    capitals = [w for w in words if w[:1].isupper() or not w[:1].isalpha()]
    fits = all(w in capitals or w.lower() in small for w in words)
    return len(words) > 1 and fits and len(capitals) >= 2


def _speaker_from_context(
    adoc: ArticleDoc,
    first: QuoteSpan,
    last_by_block: dict[int, tuple[str, str | None]],
    quoted,
    resolver: SpeakerResolver,
    named: frozenset[str],
) -> tuple[str | None, str | None]:
    """A speaker for a quote whose own sentence has no reporting verb.

    In order: a colon introduces the quote in its own sentence and the clause before names a
    person ("She continued: “…”"); the sentence before ends in a colon and names the speaker
    ("Okafor said:"); the quote opens its sentence and an earlier quote of the same paragraph,
    or of the paragraph before when the quote opens its paragraph, has a known speaker (news
    writing goes on quoting the same speaker).
    """
    text = adoc.article.text
    sent = adoc.sentence_at(first.start)
    lead = text[sent.start : first.start].strip()
    if lead.endswith(":"):
        found = _colon_speaker(adoc.spans[sent.index], first.start, quoted, resolver, named)
        if found[0]:
            return found
    if sent.index > 0 and not lead:
        prev_span = adoc.spans[sent.index - 1]
        if prev_span.text.rstrip()[-1:] in (":", ","):  # "Rathbun stated," ending a paragraph
            verb = _last_verb(prev_span, quoted, resolver.lexicon)
            found = (resolver.speaker_of_verb(verb, named), verb.lemma_.lower()) if verb is not None else (None, None)
            if not found[0]:
                found = _colon_speaker(prev_span, prev_span.end_char, quoted, resolver, named)
            if found[0]:
                return found
    if lead:
        return None, None
    if first.block in last_by_block:
        return last_by_block[first.block]
    block = adoc.article.blocks[first.block]
    opens_block = not text[_block_start(adoc, first.block) : first.start].strip()
    before = _previous_text_block(adoc, first.block)
    if opens_block and before in last_by_block:
        if adoc.article.blocks[before].kind == "paragraph" and block.kind == "paragraph":
            return last_by_block[before]
    if _fills_sentence(adoc, sent, quoted) and sent.index > 0 and block.kind == "paragraph":
        prev = adoc.sentences[sent.index - 1]
        same = prev.block == first.block
        if (same or (prev.block == first.block - 1 and _fills_block(adoc, first.block, quoted))) and (
            adoc.article.blocks[prev.block].kind == "paragraph"
        ):
            found = _introduced_person(adoc.spans[sent.index - 1], quoted, resolver, named)
            if found[0]:
                return found
    return None, None


def _fills_sentence(adoc: ArticleDoc, sent, quoted) -> bool:
    """Whether a sentence is all quote: nothing but marks and punctuation outside its quotes."""
    text = adoc.article.text[sent.start : sent.end]
    return not any(ch.isalnum() for i, ch in enumerate(text) if not inside(sent.start + i, quoted))


_CAPTION = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Video|File photo)\s*:", re.IGNORECASE)


def _previous_text_block(adoc: ArticleDoc, block: int) -> int:
    """The block before ``block``, skipping up to two picture captions ("… Image: NASA.") the page
    put between a quote and the paragraph that goes on with it."""
    prev = block - 1
    while prev > 0 and block - prev <= 2 and _CAPTION.search(adoc.article.blocks[prev].text):
        prev -= 1
    return prev


def _fills_block(adoc: ArticleDoc, block: int, quoted) -> bool:
    """Whether the paragraph is all quote: nothing but marks and punctuation outside its quotes."""
    start = _block_start(adoc, block)
    text = adoc.article.blocks[block].text
    outside = "".join(ch for i, ch in enumerate(text) if not inside(start + i, quoted))
    return not any(ch.isalnum() for ch in outside)


def _introduced_person(
    span: "Span", quoted, resolver: SpeakerResolver, named: frozenset[str]
) -> tuple[str | None, str | None]:
    """The person a paragraph ends on, as the speaker of a quote paragraph that follows with no frame.

    News writing introduces a speaker in a sentence of his own and quotes him in the next
    paragraph ("The chief executive, Ingrid Solberg, rejected the claims." / "“…”"). Only the
    active subject of the paragraph's last sentence counts, and only a person: "Police arrested
    Smith." or "Smith was arrested." introduce no one who speaks next.
    """
    # the sentence's own subject, or the subject of a verb of saying in it ("As Heald told The
    # Huffington Post, ozone has dropped." / "“…”")
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
    return None, None


_DASHES = "—–-"
_SIGNATURE_WORDS = 12  # "— Peter Hallström, union leader at the Kvarn plant"


def _signed_by(adoc: ArticleDoc, parts: list[QuoteSpan], resolver: SpeakerResolver) -> tuple[str | None, str | None]:
    """The speaker of a pull quote signed with a dash: "“…” — Name, Title", on its line or the next.

    The quote must open its paragraph; only a dash line counts, and only a name right after
    the dash: a bare line of words after a quote is as likely a caption or the next paragraph.
    """
    text = adoc.article.text
    last = parts[-1]
    if parts[0].block != last.block or text[_block_start(adoc, last.block) : parts[0].start].strip():
        return None, None
    block = adoc.article.blocks[last.block]
    block_end = _block_start(adoc, last.block) + len(block.text)
    rest = text[last.end : block_end]
    start = last.end
    if not rest.strip():
        if last.block + 1 >= len(adoc.article.blocks):
            return None, None
        nxt = adoc.article.blocks[last.block + 1]
        start = _block_start(adoc, last.block + 1)
        rest = text[start : start + len(nxt.text)]
    stripped = rest.lstrip()
    if stripped[:1] not in _DASHES or len(stripped.split()) > _SIGNATURE_WORDS:
        return None, None
    name_at = start + (len(rest) - len(stripped)) + 1
    while name_at < len(text) and text[name_at] in _DASHES + " ":
        name_at += 1
    hit = next((m for m in resolver.mentions if m.start == name_at), None)
    if hit is None or resolver.kinds.get(hit.actor) not in ("person", "organisation"):
        return None, None
    return hit.actor, "signed"


def _signature_follows(adoc: ArticleDoc, last: QuoteSpan, quoted) -> bool:
    """Whether the quote's paragraph ends in a signature that names no one we know ("“…”
    Anonymous blogger, “Title”"): a few words after the quote with no verb. The quote is
    someone else's than the paragraph before's, so context must not give it a speaker."""
    sent = adoc.sentence_at(last.end)
    start = _block_start(adoc, last.block)
    rest = adoc.article.text[last.end : start + len(adoc.article.blocks[last.block].text)].strip(" ,;—–-")
    if not rest[:1].isupper() or len(rest.split()) > _SIGNATURE_WORDS:
        return False
    span = next((sp for s, sp in zip(adoc.sentences, adoc.spans) if s.index >= sent.index and s.end > last.end), None)
    tokens = [t for t in span if t.idx >= last.end] if span is not None else []
    return bool(tokens) and not any(t.pos_ in ("VERB", "AUX") and not inside(t.idx, quoted) for t in tokens)


def _colon_speaker(
    span: "Span", before: int, quoted, resolver: SpeakerResolver, named: frozenset[str]
) -> tuple[str | None, str | None]:
    """The person who speaks in "Sunak defended the record: “…”": the subject of the clause before the colon.

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
        return None, None
    return None, None


def _last_verb(span: "Span", quoted, lexicon: ReportingVerbs) -> "Token | None":
    verbs = [
        t for t in span if t.lemma_.lower() in lexicon.frames and t.pos_ in ("VERB", "AUX") and not inside(t.idx, quoted)
    ]
    return verbs[-1] if verbs else None


def _block_start(adoc: ArticleDoc, block: int) -> int:
    b = adoc.article.blocks[block]
    return adoc.article.text.find(b.text, max(0, b.start - 2)) if b.text else b.start


# --------------------------------------------------------------------------- helpers


def sentences_between(adoc: ArticleDoc, start: int, end: int) -> tuple[Evidence, ...]:
    """Evidence for every sentence overlapping [start, end)."""
    return tuple(Evidence(s.source, s.index, s.text) for s in adoc.sentences if s.start < end and s.end > start)


# --------------------------------------------------------------------------- quotes without marks

_FIRST_PERSON = frozenset("i me my mine we us our ours".split())
_SIGNATURE_MAX = 10  # words of "Name, Title (Party)" closing a pull quote


def unmarked_quotes(adoc: ArticleDoc, n: int, resolver: SpeakerResolver) -> Iterator[Found]:
    """Quotes whose marks the page lost: a pull quote signed with a bare name, a block quote after a colon.

    Scraped pages drop the styling of pull quotes and block quotes, leaving their words as a
    plain paragraph: "I was told … . Valeska Paris" (first-person words, then the speaker's name,
    perhaps with a title) or "The ministry denied the claims:" followed by the statement's own
    paragraph. Only paragraphs without any quotation mark are read this way.
    """
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
    return [(s.index, span) for s, span in zip(adoc.sentences, adoc.spans) if s.block == block]


def _signed_paragraph(adoc: ArticleDoc, n: int, block: int, resolver: SpeakerResolver) -> Found | None:
    """ "I was basically hauled in … . Jane Doe": first-person words closed by a person's bare name."""
    sents = _block_sentences(adoc, block)
    if not sents:
        return None
    start = _block_start(adoc, block)
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
    """The paragraph after "X denied these allegations:" as X's words, up to where narration resumes.

    Narration resumes at a sentence with a verb of saying outside the first person ("They also
    claimed …") or one that names the speaker.
    """
    prev = _block_sentences(adoc, block - 1)
    if not prev:
        return None
    verb = _last_verb(prev[-1][1], resolver.quoted, resolver.lexicon)
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
