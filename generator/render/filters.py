"""Escaping and the Jinja filters: how a value from a record is printed into a page.

Article text is untrusted. Templates print it only through the ``md`` filter
(:func:`escape_markdown`), which turns every character that could start HTML, a link, an
image, emphasis, a table cell, an attribute list or a Jinja/HTML construct into inert
text. Autoescaping is off because the output is Markdown, not HTML; nothing a template
prints from a record is ever raw.
"""
from __future__ import annotations

import html
import re
from urllib.parse import quote, urlsplit

from unidecode import unidecode

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for and
# that can start inline structure: code, emphasis, links/images, attribute lists, table
# cells, headings' closing hashes. Block structure (lists, quotes, headings, front-matter
# fences) needs a line start, which escaped text never gets: whitespace is collapsed.
_MD_ESCAPED = frozenset("\\`*_{}[]#|")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE_TABLE = str.maketrans({**_HTML_ENTITIES, **{c: "\\" + c for c in _MD_ESCAPED}})
_SPACE = re.compile(r"\s+")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def escape_markdown(text: object) -> str:
    """Make ``text`` print as itself in Markdown: never HTML, a link or any structure.

    Whitespace runs (newlines included) become one space so no text can begin a line;
    ``& < >`` become HTML entities; Markdown's inline punctuation is backslash-escaped.

    >>> escape_markdown("[x](javascript:alert(1)) <b>*y*</b>")
    '\\\\[x\\\\](javascript:alert(1)) &lt;b&gt;\\\\*y\\\\*&lt;/b&gt;'
    """
    if text is None:
        return ""
    return _guard_line_start(_SPACE.sub(" ", str(text)).strip().translate(_ESCAPE_TABLE))


# Characters that start a block (list, admonition, tab, details, definition) when they
# open a line; escaped text may be printed at a line's start inside an indented block.
_LEAD_BACKSLASH = frozenset("-+!")
_LEAD_ENTITY = {"=": "&#61;", "?": "&#63;", ":": "&#58;", "~": "&#126;", "%": "&#37;"}
_ORDERED = re.compile(r"^(\d+)([.)])")


def _guard_line_start(text: str) -> str:
    """Defuse a first character that would open a block where the text starts a line."""
    if not text:
        return text
    if text[0] in _LEAD_BACKSLASH:
        return "\\" + text
    if text[0] in _LEAD_ENTITY:
        return _LEAD_ENTITY[text[0]] + text[1:]
    return _ORDERED.sub(lambda m: f"{m[1]}\\{m[2]}", text)


def single_line(text: object) -> str:
    """``text`` on one line: whitespace runs collapsed, ends trimmed (None → "")."""
    return _SPACE.sub(" ", str(text or "")).strip()


def link_title(text: object) -> str:
    """Text safe inside a Markdown link title ``"…"``: no quotes, backslashes or markup."""
    return re.sub(r"[\"\\<>`*_{}\[\]()#|&]", "", single_line(text)).strip()


def meta_text(text: object) -> str:
    """A front-matter value the theme prints into HTML (title, description, tags).

    Material prints ``title``, ``description`` and tag names into the page unescaped (the
    header, ``<meta content="…">``, tag chips), so they are HTML source: ``& < > "``
    become entities and display as themselves.
    """
    return html.escape(single_line(text), quote=False).replace('"', "&quot;")


def slugify(text: object, *, fallback: str = "item") -> str:
    """An ASCII file-name slug: ``"Gérald Darmanin"`` → ``"gerald-darmanin"``."""
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(str(text or "")).lower()).strip("-")
    return slug[:80].strip("-") or fallback


def actor_slug(name: str) -> str:
    """The file name (without ``.md``) of an actor's page; never ``index``."""
    slug = slugify(name, fallback="actor")
    return "index-actor" if slug == "index" else slug


def human_date(value: object) -> str:
    """``2025-05-13`` → ``13 May 2025``, ``2025-06`` → ``June 2025``, ``2025`` → ``2025``."""
    if not value:
        return ""
    text = str(value)
    parts = text.split("-")
    try:
        if len(parts) == 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        pass
    return escape_markdown(text)


def date_range(start: object, end: object = None) -> str:
    """A readable date or range (``14–15 May 2025``)."""
    if not end or end == start:
        return human_date(start)
    return f"{human_date(start)} – {human_date(end)}"


def safe_url(url: object) -> str | None:
    """An article's own URL, only when it is http(s); quoted so it cannot break the link."""
    if not url:
        return None
    text = str(url).strip()
    if urlsplit(text).scheme.lower() not in ("http", "https"):
        return None
    return quote(text, safe=":/?#@!$&*+,;=%~.-_")


# Statuses the stylesheet has a badge colour for; any other prints as "open".
_BADGES = frozenset({"unconfirmed", "proposed", "expected", "disputed", "open", "resolved",
                     "answered", "confirmed", "denied", "cancelled"})


def status_badge(status: object) -> str:
    """An open question's status as a small badge (the class only from a fixed set)."""
    text = str(status or "open")
    css = text if text in _BADGES else "open"
    return f'<span class="bs-badge bs-badge--{css}">{escape_markdown(text)}</span>'


def new_badge(since: object) -> str:
    """The "new since <date>" badge of an item a regeneration brought (empty when not new).

    One inline element on the item's own line, so an editor can delete it by hand and the
    three-way merge keeps the deletion.
    """
    if not since:
        return ""
    return f'<span class="bs-badge bs-badge--new">new since {human_date(since)}</span> '


STORY_WINDOW = 7  # a story of up to this many parts is listed whole on each briefing


def story_window(parts: list, own: str) -> list:
    """The parts a briefing's story line shows, as ``(number, part)`` with ``None`` for a gap.

    A short story is listed whole; a long one shows its first and last part and the parts
    beside this briefing, so a briefing's header stays the same size however long the story
    grows (the story page lists every part).
    """
    numbered = list(enumerate(parts, start=1))
    if len(numbered) <= STORY_WINDOW:
        return numbered
    here = next((n for n, p in numbered if p.set == own), 1)
    keep = {1, len(numbered), here - 1, here, here + 1}
    shown: list = []
    for n, part in numbered:
        if n in keep:
            shown.append((n, part))
        elif shown and shown[-1] is not None:
            shown.append(None)
    return shown
