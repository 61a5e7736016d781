"""Reading the word lists of this folder: one reader, and the lexicons more than one finder uses.

The files are data (see README.md for where each came from); this module only reads them.
Each finder receives its lexicon as an argument (``find_x(docs, *, lexicon=…)``), and
:func:`generator.analysis.analyse` loads every lexicon once per run. A file that cannot be
read is a broken install, reported with its path.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from generator.errors import BriefingError


def read_lexicon(name: str) -> str:
    """The text of ``lexicons/<name>``.

    Raises:
        BriefingError: the file is missing or unreadable (a broken install), naming it.
    """
    path = resources.files(__name__).joinpath(name)
    try:
        return path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefingError(f"cannot read lexicon ({exc}); reinstall the package", str(path)) from exc


def tsv_rows(name: str) -> list[list[str]]:
    """The tab-separated rows of ``lexicons/<name>``, blank and ``#`` lines left out."""
    lines = read_lexicon(name).splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def word_sections(text: str) -> dict[str, frozenset[str]]:
    """A ``[section]``-headed word list (one lower-cased lemma a line, ``#`` comments) as sets."""
    sections: dict[str, set[str]] = {}
    current = None
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], set())
        elif current is not None:
            current.add(line)
    return {k: frozenset(v) for k, v in sections.items()}


@dataclass(frozen=True)
class ReportingVerbs:
    """The sections of ``reporting_verbs.txt`` as lemma sets (statements and the timeline use it)."""

    verbs: frozenset[str]
    urge: frozenset[str]
    object: frozenset[str]
    speech_nouns: frozenset[str]
    short_quote: frozenset[str]
    negating: frozenset[str]
    not_speakers: frozenset[str]
    quote_only: frozenset[str] = frozenset()
    object_bare: frozenset[str] = frozenset()
    empty_objects: frozenset[str] = frozenset()
    commit: frozenset[str] = frozenset()

    @property
    def frames(self) -> frozenset[str]:
        """Verbs that frame a direct quote: the verbs of saying plus those that only frame quotes."""
        return self.verbs | self.quote_only


@lru_cache(maxsize=1)
def reporting_verbs() -> ReportingVerbs:
    """The packaged reporting-verb lexicon, read once per process."""
    sections = word_sections(read_lexicon("reporting_verbs.txt"))
    keys = ("verbs", "urge", "object", "speech_nouns", "short_quote", "negating", "not_speakers", "quote_only", "object_bare", "empty_objects", "commit")
    return ReportingVerbs(*(sections.get(k, frozenset()) for k in keys))


@lru_cache(maxsize=1)
def statement_words() -> dict[str, frozenset[str]]:
    """The packaged word lists of the statement finder (``statement_words.txt``) by section, read once."""
    return word_sections(read_lexicon("statement_words.txt"))
