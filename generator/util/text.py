"""Cutting text at a word with an ellipsis: the one helper every stage shortens text with."""
from __future__ import annotations

ELLIPSIS = "…"


def shorten(text: str, limit: int, *, width: int | None = None, trim: str = "") -> str:
    """``text`` itself when it has at most ``limit`` characters, else cut at a word with "…".

    The cut keeps the words that end within the first ``width`` characters (default
    ``limit``): ``limit - 1`` keeps the result, ellipsis included, within ``limit``;
    ``limit + 1`` keeps a word that ends exactly at the limit. ``trim`` lists characters
    stripped from the end of the cut before the ellipsis (a dangling comma or colon).

    >>> shorten("The committee met on Tuesday, and then again", 30, trim=",")
    'The committee met on Tuesday…'
    """
    if len(text) <= limit:
        return text
    cut = text[: limit if width is None else width].rsplit(" ", 1)[0]
    return cut.rstrip(trim) + ELLIPSIS if trim else cut + ELLIPSIS
