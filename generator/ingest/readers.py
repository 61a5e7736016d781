"""One reader per file type: raw text → paragraph units plus the metadata the file states.

In the manner of Pelican's readers, each reader declares the suffixes it reads and turns a
decoded file into a :class:`RawArticle`; cleaning, headline and dateline inference happen
later, the same way for every type.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import frontmatter
import lxml.etree
import lxml.html
import yaml

from generator.errors import InputError
from generator.ingest.dates import coerce_date
from generator.ingest.layout import split_units


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


# --------------------------------------------------------------------------- text


def read_txt(path: Path, text: str) -> RawArticle:
    """A plain-text article states nothing: every value is inferred later."""
    return RawArticle(units=tuple(Unit(u) for u in split_units(text)))


# --------------------------------------------------------------------------- markdown

_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")

# Front-matter fields and the check each value must pass (MkDocs-style: one line per option).
_FRONT_MATTER: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "title": ("a string", lambda v: _text(v)),
    "outlet": ("a string", lambda v: _text(v)),
    "url": ("a string", lambda v: _text(v)),
    "author": ("a string or a list of strings", lambda v: _names(v)),
    "published": ("a date such as 2025-05-14", lambda v: coerce_date(v)),
}


def read_md(path: Path, text: str) -> RawArticle:
    """A Markdown article, optionally with YAML front matter.

    Raises:
        InputError: the front matter is not valid YAML, not a mapping, or a field has the
            wrong type.
    """
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise InputError(f"malformed front matter: {_yaml_problem(exc)}", path) from exc
    if not isinstance(post.metadata, dict):
        raise InputError("malformed front matter: expected a mapping of fields", path)
    values = _check_front_matter(post.metadata, path)
    stated = Stated(**values, basis="front matter" if values else None)
    return RawArticle(units=tuple(_markdown_units(post.content)), stated=stated)


# Other names static-site generators use for the same fields (Jekyll, Hugo, Pelican).
_FRONT_MATTER_ALIASES = {"published": ("date",), "author": ("authors",), "outlet": ("source",)}


def _check_front_matter(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    meta = dict(meta)
    for key, aliases in _FRONT_MATTER_ALIASES.items():
        for alias in aliases:
            if meta.get(key) in (None, "") and meta.get(alias) not in (None, ""):
                meta[key] = meta[alias]
    values: dict[str, Any] = {}
    for key, (expected, convert) in _FRONT_MATTER.items():
        if meta.get(key) in (None, ""):
            continue
        value = convert(meta[key])
        if value is None:
            raise InputError(
                f"front matter field '{key}': expected {expected} but received: {meta[key]!r}", path
            )
        values[key] = value
    return values


def _text(value: Any) -> str | None:
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split()) or None
    return None


def _names(value: Any) -> str | None:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(" ".join(v.split()) for v in value)
    return _text(value)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{problem} (line {mark.line + 1})" if mark is not None else problem


def _markdown_units(body: str) -> list[Unit]:
    """Markdown body → units: headings flagged, list items and quotes unwrapped, inline markup dropped."""
    units: list[Unit] = []
    blocks: list[str] = []
    lines = [line for line in body.split("\n") if not _MD_LINKDEF.match(line)]

    def flush() -> None:
        if blocks:
            units.extend(Unit(_inline(u)) for u in split_units("\n".join(blocks)))
            blocks.clear()

    for i, line in enumerate(lines):
        stripped = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        heading = _MD_HEADING.match(stripped)
        if heading:
            flush()
            units.append(Unit(_inline(heading.group(2)), heading=True, level=len(heading.group(1))))
        elif stripped and _MD_SETEXT.match(nxt) and not blocks:
            units.append(Unit(_inline(stripped), heading=True, level=1 if nxt.startswith("=") else 2))
        elif _MD_SETEXT.match(stripped) and units and units[-1].heading and not blocks:
            continue  # the underline of a setext heading
        elif _MD_RULE.match(stripped):
            flush()
        elif _MD_LIST.match(stripped):
            flush()
            blocks.append(_MD_LIST.sub("", stripped))
            flush()
        else:
            blocks.append(_MD_QUOTE.sub("", line))
            if not stripped:
                flush()
    flush()
    return [u for u in units if u.text]


def _inline(text: str) -> str:
    """Drop inline Markdown (images, links, emphasis, code, HTML tags), keep the words."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REFLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***word***
        text = _MD_EMPHASIS.sub(r"\2", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())


# --------------------------------------------------------------------------- html

# trafilatura's XML body: <head> for headings, <p>, <list><item>, <quote>, <table> rows.
_HTML_BLOCK_TAGS = ("p", "item", "quote", "cell")
# Containers whose own loose text is article text (not, say, a leftover <nav> label).
_HTML_CONTAINERS = ("body", "quote", "list", "table", "row")


def read_html(path: Path, text: str) -> RawArticle:
    """An HTML page: trafilatura finds the article body (dropping navigation, footers and
    share bars) and the page's metadata; its XML body keeps headings as ``<head>``.

    Raises:
        InputError: trafilatura finds no article text in the page.
    """
    import trafilatura  # heavy import; only needed when a set has an HTML article

    doc = trafilatura.bare_extraction(
        text,
        with_metadata=True,
        include_comments=False,
        include_formatting=True,
        include_tables=False,
        include_images=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    units = tuple(_html_units(doc.body)) if doc is not None and doc.body is not None else ()
    if sum(not u.heading for u in units) <= 1:
        # On very short pages trafilatura falls back to a baseline that runs every block
        # into one paragraph; the page's own block elements keep the structure.
        own = _page_units(text)
        if sum(not u.heading for u in own) > 1:
            units = own
    if not any(not u.heading for u in units):
        raise InputError("no article text found in the HTML page", path)
    published = coerce_date(doc.date) if doc.date else None
    title = _text(doc.title) if doc.title else None
    stated = Stated(
        title=title,
        outlet=_text(doc.sitename) if doc.sitename else None,
        url=doc.url or None,
        author=_text(doc.author) if doc.author else None,
        published=published,
        basis="html metadata",
    )
    return RawArticle(units=units, stated=stated, site=_outlet_from_page_title(text, title))


def _html_units(body: Any) -> list[Unit]:
    """Walk trafilatura's XML body in document order; text between elements (such as the
    "— Name (@handle) date" line after an embedded post's paragraph) becomes a unit too."""
    units: list[Unit] = []

    def add(text: str | None) -> None:
        text = " ".join((text or "").split())
        if text:
            units.append(Unit(text))

    def walk(el: Any) -> None:
        add(el.text if el.tag in _HTML_CONTAINERS else None)
        for child in el:
            if child.tag == "head":
                rend = child.get("rend", "h2")
                level = int(rend[1]) if re.fullmatch(r"h[1-6]", rend) else 2
                text = " ".join("".join(child.itertext()).split())
                if text:
                    units.append(Unit(text, heading=True, level=level))
            elif child.tag in _HTML_BLOCK_TAGS and child.find(".//p") is None:
                add("".join(child.itertext()))
            else:
                walk(child)
            add(child.tail)

    walk(body)
    return units


# Page furniture never holding article text, dropped before the fallback walk.
_PAGE_FURNITURE = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form", "button", "iframe", "svg")


def _page_units(html: str) -> tuple[Unit, ...]:
    """Headings, paragraphs, list items and quotes of the page in document order."""
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return ()
    for el in list(root.iter(*_PAGE_FURNITURE)):
        if el.getparent() is not None:
            el.drop_tree()
    units: list[Unit] = []
    for el in root.iter("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"):
        if el.tag in ("li", "blockquote") and el.find(".//p") is not None:
            continue
        text = " ".join(el.text_content().split())
        if text:
            heading = el.tag.startswith("h")
            units.append(Unit(text, heading=heading, level=int(el.tag[1]) if heading else 0))
    return tuple(units)


def _outlet_from_page_title(html: str, title: str | None) -> str | None:
    """The site name a page's <title> appends to the headline ("Headline - Site", "Headline | Site")."""
    if not title:
        return None
    try:
        page_title = lxml.html.fromstring(html).findtext(".//title") or ""
    except (ValueError, lxml.etree.ParserError):
        return None
    page_title = " ".join(page_title.split())
    for sep in (" | ", " - ", " – ", " — ", " :: "):
        head, _, site = page_title.rpartition(sep)
        if head and " ".join(head.split()) == title and 0 < len(site.split()) <= 5:
            return site
    return None


READERS: dict[str, Callable[[Path, str], RawArticle]] = {
    ".txt": read_txt,
    ".md": read_md,
    ".html": read_html,
    ".htm": read_html,
}
