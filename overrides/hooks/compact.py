"""MkDocs hook: drop the indentation Material's templates leave in every built page.

Material's templates indent their markup deeply and keep the blank lines of every Jinja
block, about a fifth of each page's bytes on a generated actor or source page. A run of
whitespace holding a line break becomes one line break: HTML treats both as one space, so
the page renders the same. ``<pre>`` and ``<textarea>`` keep their whitespace, which is
shown as typed. MkDocs never copies a ``.py`` file of the theme folder into the site.
"""
from __future__ import annotations

import re

_KEEP = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.DOTALL | re.IGNORECASE)
_RUN = re.compile(r"[ \t]*\n\s*")


def compact(html: str) -> str:
    """``html`` with each whitespace run that holds a line break cut to one line break."""
    parts = _KEEP.split(html)
    # split() with one group: odd items are the kept blocks.
    return "".join(part if i % 2 else _RUN.sub("\n", part) for i, part in enumerate(parts))


def on_post_page(output: str, **_: object) -> str:
    """MkDocs event: the rendered page, compacted."""
    return compact(output)
