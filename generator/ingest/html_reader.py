"""The HTML reader: trafilatura finds the article in the page and reads its metadata."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import lxml.etree
import lxml.html

from generator.errors import InputError
from generator.ingest.dates import coerce_date
from generator.ingest.markdown_reader import clean_field
from generator.ingest.units import RawArticle, Stated, Unit


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
    if _only_links(units, text):
        raise InputError("the page is navigation, not an article: every line of its text is a link", path)
    published = coerce_date(doc.date) if doc.date else None
    title = clean_field(doc.title) if doc.title else None
    stated = Stated(
        title=title,
        outlet=clean_field(doc.sitename) if doc.sitename else None,
        url=doc.url or None,
        author=clean_field(doc.author) if doc.author else None,
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


def _only_links(units: tuple[Unit, ...], html: str) -> bool:
    """True when every text line kept from the page is the text of one of its links.

    A menu, a section front or a list of headlines is all links; an article's paragraphs
    are not (a link inside a paragraph covers a few words of it, never the whole line).
    """
    try:
        root = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return False
    links = {" ".join(a.text_content().split()) for a in root.iter("a")}
    lines = [u.text for u in units if not u.heading]
    return bool(lines) and all(line in links for line in lines)


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
