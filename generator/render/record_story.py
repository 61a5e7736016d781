"""The parts of the briefing record that span generations and briefings: the updates a set
went through (:mod:`.updates`) and the story it is part of (:mod:`.stories`). Kept apart from
:mod:`.record`, which re-exports them, to keep that module small."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UpdateArticleRecord:
    """An article a regeneration brought into the set."""

    file: str
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class UpdateRecord:
    """One regeneration that brought articles: dated by its newest article (see render/updates.py)."""

    date: str | None
    since: str | None = None  # the previous generation's ``updated`` date
    articles: tuple[UpdateArticleRecord, ...] = ()
    statements: int = 0
    open_questions: int = 0
    timeline: int = 0


@dataclass(frozen=True)
class StoryPartRecord:
    """One briefing of a story."""

    set: str
    title: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class StoryRecord:
    """The story a briefing is part of (render/stories.py): its page and its parts in date order."""

    slug: str
    title: str
    parts: tuple[StoryPartRecord, ...] = ()
