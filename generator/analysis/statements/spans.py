"""Quoted spans: where the quotation marks of an article open and close.

:func:`find_quote_spans` works on characters, not tokens, because news text mixes straight
and curly marks, leaves quotes unbalanced and runs a quote over paragraph breaks; a tokenizer
sees none of that. Who is quoted is decided elsewhere (:mod:`.direct`).

News conventions handled:

- double quotes, straight ``"…"`` or curly ``“…”`` (also ``„…“``);
- single curly quotes used as quotation marks (``‘a reliable and steady partner’``) and, more
  cautiously, straight single quotes around words (``'remarkable progress'``);
- a quote that runs over a paragraph break: the paragraph ends with the quote still open and
  the next paragraph opens with a quotation mark; the parts form one quote;
- unbalanced marks: an opening mark with no closing one ends at the end of its paragraph; a
  closing mark with no opening one at the start of a paragraph closes a quote opened there.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Article

OPENING_DOUBLE = "“„"
CLOSING_DOUBLE = "”"
STRAIGHT_DOUBLE = '"'
ALL_DOUBLE = OPENING_DOUBLE + CLOSING_DOUBLE + STRAIGHT_DOUBLE
SCARE_QUOTE_WORDS = 3  # a quote this short is a term, not a statement, unless a verb governs it
# The characters a quote's content is trimmed of (marks, spaces, the comma before "he said").
TRIM = " \t\n" + ALL_DOUBLE + "‘’'"
_TRAILING = ",;:"

# ‘…’: the opening mark follows a space, a bracket, a dash or the start; the closing mark is
# not followed by a letter (that would be an apostrophe: "the council’s").
_SINGLE_CURLY = re.compile(r"(?:(?<=^)|(?<=[\s(\[“\"—–-]))‘(?=\S)((?:[^‘’\n]|’(?=[A-Za-z]))+?)(?<=\S)’(?![A-Za-z])")
# '…' straight single quotes are also apostrophes; only short runs between non-word
# characters count (``'remarkable progress'``), never across a possessive ("players' ").
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
        """How many words the quote's content has."""
        return len(self.text.split())


def find_quote_spans(article: Article) -> list[QuoteSpan]:
    """Every quoted span in the article's paragraphs, in text order.

    Notes:
        Double-quote spans come first; a single-quote span counts only outside them (inside a
        double quote it is a quote within the quote and belongs to it). Post blocks are left
        out: a quoted post is a statement as a whole (see :mod:`.posts`).
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
        # a closing mark typed for an opening one at a line's start (”Never again,” …) opens
        miskeyed = ch in CLOSING_DOUBLE and opened is None and (i == 0 or text[i - 1] == "\n") and text[i + 1 : i + 2].isalnum()
        if ch in OPENING_DOUBLE or miskeyed or (ch == STRAIGHT_DOUBLE and opened is None and _opens(text, i, first)):
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
    text = raw.strip(TRIM).rstrip(_TRAILING).strip(TRIM)
    return re.sub(r"\s+", " ", text)
