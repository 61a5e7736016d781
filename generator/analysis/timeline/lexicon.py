"""The word lists the timeline reads, loaded once per process from ``lexicons/``."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from generator.analysis.lexicons import read_lexicon, reporting_verbs, word_sections

WORDS_FILE = "timeline_words.txt"


@dataclass(frozen=True)
class TimelineLexicon:
    """The timeline's words: ``not_keys`` are the lemmas of attribution (the reporting verbs
    and "according to"), which say nothing about which event a sentence reports."""

    not_keys: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon() -> TimelineLexicon:
    """The packaged lexicon (read once per process; the files never change at run time)."""
    sections = word_sections(read_lexicon(WORDS_FILE))
    return TimelineLexicon(not_keys=reporting_verbs().verbs | sections.get("attribution", frozenset()))
