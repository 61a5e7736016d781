"""What the speaker rules know of one article: its parse, its quotes, its actor mentions."""
from __future__ import annotations

import re
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, Sequence

from generator.analysis.lexicons import ReportingVerbs
from generator.analysis.statements.found import Ranges
from generator.analysis.statements.speakers.gender import genders
from generator.analysis.statements.speakers.words import SpeakerWords

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from generator.model import Actor


class MentionLike(Protocol):
    """One place where an article names an actor (offsets into ``Article.text``)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def text(self) -> str: ...

    @property
    def actor(self) -> str: ...


class IndexLike(Protocol):
    """What the finder needs of :class:`generator.analysis.actors.ActorIndex`."""

    actors: tuple["Actor", ...]

    def resolve(self, surface: str) -> "Actor | None": ...

    def mentions(self, source: str) -> Sequence[MentionLike]: ...


@dataclass(frozen=True)
class ArticleFacts:
    """One article as the speaker rules read it.

    ``mentions`` are sorted by (start, end); ``kinds`` and ``roles`` are keyed by actor name,
    ``roles`` holding every role word the sources give the actor; ``gender`` holds "m"/"f"
    for the people whose gender the text shows.
    """

    doc: "Doc"
    index: IndexLike
    lexicon: ReportingVerbs
    words: SpeakerWords
    quoted: Ranges  # names inside a quote are not antecedents
    mentions: list[MentionLike]
    kinds: dict[str, str]
    roles: dict[str, str]
    gender: dict[str, str]
    mentioned: Ranges = Ranges()  # the mentions' character ranges, for a bisected test


def article_facts(
    source: str, doc: "Doc", index: IndexLike, lexicon: ReportingVerbs, words: SpeakerWords, quoted: Ranges = ()
) -> ArticleFacts:
    """The facts of article ``source`` (parsed as ``doc``) that the speaker rules read."""
    mentions: list[MentionLike] = sorted(index.mentions(source), key=lambda m: (m.start, m.end))
    kinds, roles = per_index(index, _actor_tables)
    gender = genders(doc, mentions, kinds, quoted, words)
    mentioned = Ranges((m.start, m.end) for m in mentions)
    return ArticleFacts(doc, index, lexicon, words, quoted, mentions, kinds, roles, gender, mentioned)


def _actor_tables(index: IndexLike) -> tuple[dict[str, str], dict[str, str]]:
    """Every actor's kind, and its role words, by name."""
    kinds: dict[str, str] = {a.name: a.kind for a in index.actors}
    roles = {a.name: " ".join([a.role or "", *(r for _, r in a.roles)]).lower() for a in index.actors}
    # role words without punctuation, so "president" is found in "Deputy President,"
    return kinds, {k: re.sub(r"[^\w\s]", " ", v) for k, v in roles.items()}


# What the speaker rules read of the whole set's index, worked out once per index: built per
# article, it made the articles of a set times its actors, the square of a large set.
_PER_INDEX: "weakref.WeakKeyDictionary[object, dict]" = weakref.WeakKeyDictionary()


def per_index(index: IndexLike, build):
    """``build(index)``, computed once per index object (the index never changes once built)
    and kept while the index lives; the result is shared, so it must not be changed."""
    try:
        cached = _PER_INDEX.setdefault(index, {})
    except TypeError:  # an index that cannot be weakly referenced: no cache
        return build(index)
    if build not in cached:
        cached[build] = build(index)
    return cached[build]
