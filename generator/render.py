"""Render briefing records into Markdown pages with Jinja2 templates.

The renderer only renders: it takes the JSON-safe *record* of a briefing
(:func:`generator.export.briefing_record`) and returns text; writing files is someone
else's job (``generator.pages`` for briefing pages, :mod:`generator.site` for the rest).

Article text is untrusted. Templates print it only through the ``md`` filter
(:func:`escape_markdown`), which turns every character that could start HTML, a link, an
image, emphasis, a table cell, an attribute list or a Jinja/HTML construct into inert
text. Autoescaping is off because the output is Markdown, not HTML; nothing a template
prints from a record is ever raw.
"""
from __future__ import annotations

import html
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any
from urllib.parse import quote, urlsplit

import jinja2
from unidecode import unidecode

from generator.errors import BriefingError
from generator.util.frontmatter import dump_front_matter

STATUS = "generated"

# Characters Python-Markdown (with the tables extension) accepts a backslash escape for and
# that can start inline structure: code, emphasis, links/images, attribute lists, table
# cells, headings' closing hashes. Block structure (lists, quotes, headings, front-matter
# fences) needs a line start, which escaped text never gets: whitespace is collapsed.
_MD_ESCAPED = frozenset("\\`*_{}[]#|")
_HTML_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ESCAPE_TABLE = str.maketrans({**_HTML_ENTITIES, **{c: "\\" + c for c in _MD_ESCAPED}})
_SPACE = re.compile(r"\s+")
_ANCHOR = re.compile(r"^(?P<source>[A-Za-z0-9_]+)-(?P<index>\d+)$")
_SOURCE_ID = re.compile(r"^[A-Za-z0-9_]+$")
_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
# Names the site pages use at the top of the docs folder; a set may not be called so.
RESERVED_SLUGS = frozenset({"index", "questions", "timeline", "tags", "actors", "sources", "archive", "feed", "assets"})


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


def link_title(text: object) -> str:
    """Text safe inside a Markdown link title ``"…"``: no quotes, backslashes or markup."""
    return re.sub(r"[\"\\<>`*_{}\[\]()#|&]", "", _clean(text)).strip()


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


def split_anchor(anchor: str) -> tuple[str, int] | None:
    """``"s1-12"`` → ``("s1", 12)``; ``None`` for anything else (never trusted as a path)."""
    match = _ANCHOR.match(str(anchor))
    return (match["source"], int(match["index"])) if match else None


def set_path(slug: str) -> str:
    """Check a set's slug is usable as a file name under the docs folder."""
    if not slug or "/" in slug or "\\" in slug or slug.startswith(".") or slug in RESERVED_SLUGS:
        raise BriefingError(f"set name {slug!r} cannot be a page name (reserved or not a plain folder name)")
    return slug


def source_href(set_slug: str, source_id: str, anchor: str | None = None, *, prefix: str = "") -> str:
    """Relative link to a source page (and sentence) from a page ``prefix`` levels up."""
    if not _SOURCE_ID.match(str(source_id)):
        raise BriefingError(f"source id {source_id!r} is not a plain id", set_slug)
    href = f"{prefix}sources/{quote(set_slug)}/{source_id}.md"
    return f"{href}#{anchor}" if anchor else href


def safe_url(url: object) -> str | None:
    """An article's own URL, only when it is http(s); quoted so it cannot break the link."""
    if not url:
        return None
    text = str(url).strip()
    if urlsplit(text).scheme.lower() not in ("http", "https"):
        return None
    return quote(text, safe=":/?#@!$&*+,;=%~.-_")


class Refs:
    """Source links for one record, as Markdown reference links (``[s1][s1-12]``).

    Calling it on an item returns the links to the item's evidence sentences (and to
    sources it names without a sentence); :meth:`definitions` returns the reference
    definitions to put at the end of the page, so the body stays readable for editors.
    """

    def __init__(self, record: Mapping[str, Any], prefix: str = "", *, inline: bool = False):
        self.set = record["set"]
        self.prefix = prefix
        # Pages that list several briefings link inline: ``s1-12`` is not unique across sets.
        self.inline = inline
        self.titles = {s["id"]: s.get("outlet") or s.get("title") or "" for s in record.get("sources", [])}
        self._used: dict[str, tuple[str, int]] = {}

    def __call__(self, item: Mapping[str, Any]) -> str:
        """Links to ``item``'s evidence: one per source, its first sentence anchored."""
        links: list[str] = []
        seen: set[str] = set()
        for anchor in item.get("anchors") or ():
            parts = split_anchor(anchor)
            # One link per source (its first sentence): a quote spanning three sentences
            # reads better as "s1" than as "s1 s1 s1".
            if parts is None or parts[0] not in self.titles or parts[0] in seen:
                continue
            seen.add(parts[0])
            links.append(self._use(anchor, parts[0], parts[1]))
        for source in item.get("sources") or ():
            if source not in seen and source in self.titles:
                seen.add(source)
                links.append(self._use(source, source, -1))
        return " ".join(links)

    def _use(self, ref: str, source: str, index: int) -> str:
        if self.inline:
            return f"[{source}]({self._href(ref, source, index)} \"{self._title(source, index)}\")"
        self._used[ref] = (source, index)
        return f"[{source}][{ref}]"

    def _href(self, ref: str, source: str, index: int) -> str:
        return source_href(self.set, source, ref if index >= 0 else None, prefix=self.prefix)

    def _title(self, source: str, index: int) -> str:
        where = f", sentence {index + 1}" if index >= 0 else ""
        return link_title(f"{source}{where}: {_short(self.titles.get(source, ''), 70)}")

    def definitions(self) -> str:
        """``[s1-12]: sources/<set>/s1.md#s1-12 "…"`` lines for every link used, sorted."""
        lines = []
        for ref, (source, index) in sorted(self._used.items(), key=lambda kv: (_id_key(kv[1][0]), kv[1][1])):
            lines.append(f'[{ref}]: {self._href(ref, source, index)} "{self._title(source, index)}"')
        return "\n".join(lines)


def _id_key(source: str) -> tuple[int, str]:
    """Sort key putting ``s2`` before ``s10``."""
    digits = re.sub(r"\D", "", source)
    return (int(digits) if digits else 0, source)


def _short(text: str, limit: int) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    text = _clean(text)
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# Statuses the stylesheet has a badge colour for; any other prints as "open".
_BADGES = frozenset({"unconfirmed", "proposed", "expected", "disputed", "open", "resolved"})


def status_badge(status: object) -> str:
    """An open question's status as a small badge (the class only from a fixed set)."""
    text = str(status or "open")
    css = text if text in _BADGES else "open"
    return f'<span class="bs-badge bs-badge--{css}">{escape_markdown(text)}</span>'


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The Jinja2 environment for every page template (Markdown: autoescape off)."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        # Pages are Markdown: autoescape is off and untrusted text goes through `md`. The
        # Atom feed is XML and autoescaped.
        autoescape=jinja2.select_autoescape(enabled_extensions=("xml.j2",), default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        md=escape_markdown,
        date=human_date,
        title_attr=link_title,
        badge=status_badge,
        actor_slug=actor_slug,
        url=safe_url,
    )
    env.globals.update(date_range=date_range, source_href=source_href, split_anchor=split_anchor)
    return env


def render_template(name: str, **context: Any) -> str:
    """Render ``templates/<name>`` and tidy blank lines (at most one in a row)."""
    text = environment().get_template(name).render(**context)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


def _clean(text: object) -> str:
    """``text`` on one line: whitespace runs collapsed, ends trimmed (None → "")."""
    return _SPACE.sub(" ", str(text or "")).strip()


def meta_text(text: object) -> str:
    """A front-matter value the theme prints into HTML (title, description, tags).

    Material prints ``title``, ``description`` and tag names into the page unescaped (the
    header, ``<meta content="…">``, tag chips), so they are HTML source: ``& < > "``
    become entities and display as themselves.
    """
    return html.escape(_clean(text), quote=False).replace('"', "&quot;")


def front_matter(record: Mapping[str, Any]) -> dict[str, Any]:
    """The briefing page's front matter, keys in the DESIGN.md order (``description`` last)."""
    gen = record.get("generator", {})
    return {
        "title": meta_text(record.get("title")) or record["set"],
        "slug": record["set"],
        "date": record.get("date"),
        "updated": record.get("updated"),
        "status": STATUS,
        "tags": [meta_text(t) for t in record.get("tags", []) if _clean(t)],
        "actors": [_clean(a["name"]) for a in record.get("actors", [])],
        "places": [_clean(p["name"]) for p in record.get("places", [])],
        "sources": [
            {
                "id": s["id"],
                "title": _clean(s.get("title")),
                "outlet": _clean(s.get("outlet")) or None,
                "published": s.get("published"),
                "url": s.get("url"),
            }
            for s in record.get("sources", [])
        ],
        "generator": {"version": gen.get("version"), "hash": gen.get("hash")},
        "description": meta_text(record.get("one_line")) or None,
    }


def _speaker_groups(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Statements grouped by speaker, speakers in order of their first (highest-ranked) statement."""
    actors = {a["name"]: a for a in record.get("actors", [])}
    groups: dict[str, dict[str, Any]] = {}
    for st in record.get("statements", []):
        name = st["speaker"]
        group = groups.setdefault(name, {"name": name, "actor": actors.get(name), "statements": []})
        group["statements"].append(st)
    return list(groups.values())


def _source_findings(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """For each source: how many findings it carries and what it alone reports."""
    kinds = (("statements", "statement"), ("open_questions", "open question"), ("timeline", "dated event"))
    rows = []
    for src in record.get("sources", []):
        sid = src["id"]
        alone: list[str] = []
        counts: dict[str, int] = {}
        for key, noun in kinds:
            items = [x for x in record.get(key, []) if sid in x.get("sources", [])]
            counts[key] = len(items)
            only = sum(1 for x in items if len(x.get("sources", [])) == 1)
            if only and len(record.get("sources", [])) > 1:
                alone.append(f"{only} {noun}{'s' if only != 1 else ''}")
        rows.append({"source": src, "alone": alone, "counts": counts})
    return rows


_KIND_LABELS = (("person", "People"), ("organisation", "Organisations"), ("country", "Countries"), ("group", "Groups"))


def _actors_by_kind(record: Mapping[str, Any]) -> list[tuple[str, list[dict[str, Any]]]]:
    """Actors in content tabs by kind (fixed labels; an unknown kind goes under "Others")."""
    known = dict(_KIND_LABELS)
    groups: dict[str, list[dict[str, Any]]] = {}
    for actor in record.get("actors", []):
        groups.setdefault(known.get(actor.get("kind"), "Others"), []).append(actor)
    order = [label for _, label in _KIND_LABELS] + ["Others"]
    return [(label, groups[label]) for label in order if label in groups]


def _role_differences(record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Actors the sources describe with different roles."""
    out = []
    for actor in record.get("actors", []):
        by_source: dict[str, str] = {}
        for item in actor.get("roles", []):
            by_source.setdefault(item["source"], item["role"])
        if len({r.casefold() for r in by_source.values()}) > 1:
            out.append({"name": actor["name"], "roles": sorted(by_source.items(), key=lambda kv: _id_key(kv[0]))})
    return out


def briefing_context(record: Mapping[str, Any]) -> dict[str, Any]:
    """Everything ``briefing.md.j2`` reads, derived from the record only."""
    set_path(record["set"])
    actor_names = {a["name"] for a in record.get("actors", [])}
    return {
        "r": record,
        "refs": Refs(record),
        "speakers": _speaker_groups(record),
        "actor_names": actor_names,
        "source_rows": _source_findings(record),
        "shared": [st for st in record.get("statements", []) if len(st.get("sources", [])) > 1][:8],
        "role_differences": _role_differences(record),
        "actor_kinds": _actors_by_kind(record),
    }


def render_briefing(record: Mapping[str, Any]) -> str:
    """The whole briefing page: YAML front matter and the Markdown body.

    Raises:
        BriefingError: when the set name cannot be a page name or a source id is not plain.
    """
    body = render_template("briefing.md.j2", **briefing_context(record))
    return dump_front_matter(front_matter(record)) + "\n" + body
