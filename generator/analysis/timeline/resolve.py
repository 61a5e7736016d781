"""Find and resolve the date expressions of one sentence to ISO dates.

Why our own resolver on top of dateparser: dateparser reads "June 14–15" as 2015, returns
nothing for "mid-2023" and picks a weekday's week without looking at the verb's tense. News
text needs that tense: "the talks ended on Tuesday" is the most recent Tuesday, "will meet on
Thursday" the next one. So candidate expressions are found with regular expressions
(:mod:`.patterns`, plus spaCy ``DATE`` entities as a fallback, parsed by dateparser) and
resolved (:mod:`.absolute`, :mod:`.relative`, with the clause's tense from :mod:`.tense`)
against the publication date (``reference``) and, for anaphoric phrases ("later that day"),
an ``anchor`` date from the context.

Values are ISO strings at the precision the text gives: ``2025``, ``2025-06``,
``2025-05-15``. A range ("June 14–15", "between 2004 and 2008", "the 1990s", "last week")
carries ``end_value``. Durations ("two years", "48 hours", "a 12-year gap"), times of day
and vague expressions ("recently", "the day") are not dates and are skipped.

Decisions taken from the GUM news gold (``shared/dev/gum-news``): a weekday in a past-tense
clause that equals the publication day is that day ("opened the bridge on Tuesday" in an
article of Tuesday); weeks run Monday to Sunday; "this weekend" in a past clause is the
weekend just gone.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Sequence

from generator.analysis.document import sentence_entities
from generator.analysis.timeline.lexicon import DateWords, date_words
from generator.analysis.timeline.patterns import candidates
from generator.analysis.timeline.reckoning import Context, Resolved, dateparser_day
from generator.analysis.timeline.tense import tense_from_span, tense_from_text, tokens_in

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text, with offsets relative to that text.

    ``value`` is ISO at the text's precision; ``end_value`` closes a range.
    """

    start: int
    end: int
    text: str
    value: str
    end_value: str | None = None


# "from X to Y", "between X and Y", "X–Y": two mentions of the same precision make a range.
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|—|to|through|till|until|and)\s*$", re.I)
_RANGE_OPEN = re.compile(r"\b(?:between|from)\s+$", re.I)


def _not_a_date(name: str, text: str, m: re.Match, span: "Span | None", base: int, words: DateWords) -> bool:
    """A bare year that is a quantity, a bare month name that is no date (see below)."""
    if name == "year":
        return _skip_year(text, m, span, base, words)
    return name == "month_alone" and not _month_alone_ok(text, m, span, base)


def _skip_year(text: str, m: re.Match, span: "Span | None", base: int, words: DateWords) -> bool:
    """A bare four-digit number that is a quantity, not a year ("2000 year old", "1850 pupils")."""
    after = text[m.end():]
    following = re.match(r"[\s-]*([A-Za-z]+)", after)
    if following and following.group(1).lower() in words.quantity_words:
        return True
    if span is not None:
        number = int(m["y"])
        for token in tokens_in(span, base, m.start(), m.end()):
            if token.dep_ == "nummod" and token.head.tag_ in ("NNS", "NNPS") and _counts(token, number, words.year_measures):
                return True
            if token.ent_type_ in ("MONEY", "PERCENT", "QUANTITY"):
                return True
    return False


def _counts(token: "Token", number: int, year_measures: frozenset[str]) -> bool:
    """Whether a number before a plural noun counts it ("1850 pupils", "2000 troops")
    rather than dating it ("the 2016 strikes", "2000 levels", "2024 elections")."""
    if any(c.dep_ in ("det", "poss") for c in token.head.children if c.i < token.i):
        return False
    if token.head.lemma_.lower() in year_measures:  # "2000 levels"
        return False
    return not 1900 <= number <= 2099 or number % 100 == 0


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    while start < end and text[start] in " ,":
        start += 1
    return start, end


def _span_base(span: "Span | None", text: str) -> int | None:
    """Document offset of ``text``'s first character inside ``span``, or None."""
    if span is None:
        return None
    at = span.text.find(text)
    if at < 0:
        return None
    return span.start_char + at


def resolve_dates(
    text: str,
    reference: dt.date | None,
    *,
    span: "Span | None" = None,
    anchor: dt.date | None = None,
    words: DateWords | None = None,
    entities: "Sequence[Span] | None" = None,
) -> list[DateMention]:
    """Find and resolve every date expression in one sentence.

    Args:
        text: the sentence.
        reference: the publication date that relative expressions ("Tuesday", "next
            month") resolve against; with None only absolute expressions resolve.
        span: the sentence's spaCy span, when parsed: gives the tense of the clause each
            date attaches to (past → the most recent such weekday, future → the next one)
            and marks numbers that are quantities rather than years.
        anchor: the date of the event in context, for "later that day" or "the previous
            day"; defaults to ``reference``.
        words: the resolver's word lists; None reads the packaged ones (once per process).
        entities: the entities of ``span`` when the caller has them (see
            :func:`generator.analysis.document.sentence_entities`); None reads them from
            the document's one index.

    Returns:
        The mentions in text order, offsets relative to ``text``; ranges carry ``end_value``.
    """
    if span is not None and not hasattr(span, "start_char"):
        span = span[:]  # a whole Doc was passed
    base = _span_base(span, text)
    words = date_words() if words is None else words
    resolved = _resolved(text, reference, anchor, span, base, words)
    mentions = _join_ranges(text, resolved)
    if span is not None and base is not None:
        ents = sentence_entities(span) if entities is None else entities
        mentions = _fallback_entities(text, reference, ents, base, mentions)
    return sorted(mentions, key=lambda d: (d.start, d.end))


def _resolved(text: str, reference: dt.date | None, anchor: dt.date | None,
              span: "Span | None", base: int | None, words: DateWords) -> list[tuple[DateMention, str]]:
    """Each candidate expression of ``text`` that resolves, with the kind of its result."""
    resolved: list[tuple[DateMention, str]] = []
    for start, end, name, m, handler in candidates(text):
        if _not_a_date(name, text, m, span if base is not None else None, base or 0, words):
            continue
        before = text[:start]
        s, e = _strip(text, start, end)
        # the tense from the mention's own words: a closing "." would attach it to the root
        tense = tense_from_span(span, base, s, e, words) if base is not None else None
        tense = tense or tense_from_text(before)
        ctx = Context(reference, anchor, tense, before.lower(), text[end:], before, words)
        try:
            result = handler(m, ctx)
        except (OverflowError, ValueError):  # "99999 days ago" runs off the calendar
            continue
        if result is None or not _well_formed(result):
            continue
        resolved.append((DateMention(s, e, text[s:e], result.value, result.end_value), result.kind))
    return resolved


_ISO_SHAPE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")


def _well_formed(result: Resolved) -> bool:
    """An ISO value of years 1–9999 ("2025 years ago" would give year -25)."""
    values = [result.value] + ([result.end_value] if result.end_value else [])
    return all(_ISO_SHAPE.fullmatch(v) and v[:4] != "0000" for v in values)


def _month_alone_ok(text: str, m: re.Match, span: "Span | None", base: int) -> bool:
    """A bare month name is a date only after a cue or a preposition ("in March"), and not
    when the parse names a person by it ("a letter to May")."""
    if span is not None and any(
        t.ent_type_ in ("PERSON", "ORG") for t in tokens_in(span, base, m.start("m"), m.end("m"))
    ):
        return False
    if m.groupdict().get("cue"):
        return True
    before = text[: m.start()]
    return bool(re.search(r"\b(?:in|since|by|until|till|through|during|of|from|to|before|after|early|late|mid|last|next|this)\s+$", before, re.I))


def _join_ranges(text: str, items: list[tuple[DateMention, str]]) -> list[DateMention]:
    """Join "from X to Y", "between X and Y" and "X–Y" into one range mention.

    The first part takes its year from the second when only the second gives one
    ("January 23 – March 9, 2014").
    """
    out: list[DateMention] = []
    i = 0
    while i < len(items):
        first, kind = items[i]
        if i + 1 < len(items):
            second, kind2 = items[i + 1]
            gap = text[first.end:second.start]
            opener = _RANGE_OPEN.search(text[: first.start])
            joined = _RANGE_JOIN.match(gap)
            and_ok = not gap.strip().lower() == "and" or (opener and opener.group(0).lower().startswith("between"))
            if (
                joined
                and and_ok
                and first.end_value is None
                and second.end_value is None
                and len(first.value) == len(second.value)  # same precision
                and (opener or gap.strip() in "-–—" or gap.strip().lower() in ("through", "until", "till"))
            ):
                value = first.value
                if kind == "monthday" and kind2 in ("date",):
                    value = _borrow_year(first.value, second.value)
                if value < second.value:
                    out.append(DateMention(first.start, second.end, text[first.start:second.end], value, second.value))
                    i += 2
                    continue
        out.append(first)
        i += 1
    return out


def _borrow_year(value: str, closing: str) -> str:
    year = int(closing[:4])
    if value[5:] > closing[5:]:
        year -= 1
    return f"{year:04d}{value[4:]}"


def _fallback_entities(
    text: str, reference: dt.date | None, ents: "Sequence[Span]", base: int, mentions: list[DateMention]
) -> list[DateMention]:
    """spaCy DATE entities that no pattern covered, parsed by dateparser when they hold a
    full date (other spellings such as "5/13/2025" or "2025/05/13"); dateparser must find a
    day, a month and a year, so partial or vague entities are left alone."""
    out = list(mentions)
    for ent in ents:
        if ent.label_ != "DATE":
            continue
        s, e = ent.start_char - base, ent.end_char - base
        if s < 0 or any(s < m.end and m.start < e for m in out):
            continue
        if not re.search(r"\d", ent.text) or not re.search(r"(?:1[0-9]|20)\d\d|\d[./]\d", ent.text):
            continue  # only full dates (with a year) reach dateparser
        parsed = dateparser_day(ent.text, reference)
        if parsed:
            out.append(DateMention(s, e, ent.text, parsed.isoformat()))
    return out


