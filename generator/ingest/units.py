"""What a reader hands on: paragraph units and the metadata a file states itself."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Unit:
    """A paragraph-sized piece of an article; ``heading`` when the markup says so."""

    text: str
    heading: bool = False
    level: int = 0  # heading level (1 = the page title) when the markup gives one


@dataclass(frozen=True)
class Stated:
    """Metadata the file states itself (front matter, HTML metadata); None when absent."""

    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.date | None = None
    basis: str | None = None  # where the stated values come from


@dataclass(frozen=True)
class RawArticle:
    """A file read by its reader: units in reading order and stated metadata."""

    units: tuple[Unit, ...]
    stated: Stated = field(default_factory=Stated)
    site: str | None = None  # an outlet name guessed from the page (not stated as such)
