"""One reader per file type: raw text → paragraph units plus the metadata the file states.

In the manner of Pelican's readers, each reader turns a decoded file into a
:class:`~generator.ingest.units.RawArticle`; cleaning, headline and dateline inference
happen later, the same way for every type. ``READERS`` maps a suffix to its reader.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from generator.ingest.html_reader import read_html
from generator.ingest.layout import split_units
from generator.ingest.markdown_reader import read_md
from generator.ingest.units import RawArticle, Stated, Unit

__all__ = ["READERS", "RawArticle", "Stated", "Unit", "read_html", "read_md", "read_txt"]


def read_txt(path: Path, text: str) -> RawArticle:
    """A plain-text article states nothing: every value is inferred later."""
    return RawArticle(units=tuple(Unit(u) for u in split_units(text)))


READERS: dict[str, Callable[[Path, str], RawArticle]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
}
