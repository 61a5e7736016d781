"""The word lists the timeline and its date resolver read, loaded once per process from
``lexicons/`` (``timeline_words.txt`` and the reporting verbs)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from generator.analysis.lexicons import read_lexicon, reporting_verbs, word_sections

WORDS_FILE = "timeline_words.txt"


@dataclass(frozen=True)
class DateWords:
    """The resolver's words (see the header of ``timeline_words.txt``): lemmas and lower-cased
    words that decide the tense of a clause and whether a number or a weekday is a date."""

    future_verbs: frozenset[str]
    future_modifiers: frozenset[str]
    present_attribution: frozenset[str]
    quantity_words: frozenset[str]
    year_measures: frozenset[str]
    weekday_name_before: re.Pattern[str]  # matches the text before a weekday that names it
    weekday_name_after: re.Pattern[str]  # matches the text after a weekday that names it


@dataclass(frozen=True)
class TimelineLexicon:
    """The timeline's words: ``not_keys`` are the lemmas of attribution (the reporting verbs
    and "according to"), which say nothing about which event a sentence reports."""

    not_keys: frozenset[str]
    dates: DateWords


def _names(entries: frozenset[str]) -> str:
    """An alternation of capitalised names; the words of a name may be spaced any way."""
    return "|".join(r"\s+".join(re.escape(w.capitalize()) for w in e.split()) for e in sorted(entries)) or "(?!)"


def date_words_from(sections: dict[str, frozenset[str]]) -> DateWords:
    """The resolver's words from the sections of a word list."""
    empty: frozenset[str] = frozenset()
    return DateWords(
        future_verbs=sections.get("future_verbs", empty),
        future_modifiers=sections.get("future_modifiers", empty),
        present_attribution=sections.get("present_attribution", empty),
        quantity_words=sections.get("quantity_words", empty),
        year_measures=sections.get("year_measures", empty),
        weekday_name_before=re.compile(r"\b(?:" + _names(sections.get("weekday_name_before", empty)) + r")\s+$"),
        weekday_name_after=re.compile(r"^\s+(?:" + _names(sections.get("weekday_name_after", empty)) + r")\b"),
    )


@lru_cache(maxsize=1)
def date_words() -> DateWords:
    """The packaged resolver words (read once per process)."""
    return date_words_from(word_sections(read_lexicon(WORDS_FILE)))


@lru_cache(maxsize=1)
def load_lexicon() -> TimelineLexicon:
    """The packaged timeline lexicon (read once per process; the files never change at run time)."""
    sections = word_sections(read_lexicon(WORDS_FILE))
    return TimelineLexicon(
        not_keys=reporting_verbs().verbs | sections.get("attribution", frozenset()),
        dates=date_words(),
    )
