"""Internal links of a built site, checked on disk: the checker the engine tests share.

Every HTML file under the site is parsed; every ``href``/``src`` that stays inside the site
(relative, site-absolute, or absolute under ``site_url``) must name a file that exists — a
folder URL means its ``index.html`` — and a ``#fragment`` must name an element of that page
with that ``id`` (or an ``<a name>``). Nothing is served and no engine is assumed, so the
same check runs over a MkDocs and a Zensical build.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# Which attribute of which element is a link the browser follows or loads.
LINK_ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href",
    "img": "src", "script": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
}
# Links that are not addresses of files (nothing on disk to check).
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:")
# An address the site can never have, standing for it when no site_url is given.
PLACEHOLDER_URL = "http://site.invalid/"


class _Page(HTMLParser):
    """The ids and the links of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value for key, value in attrs if value is not None}
        if "id" in values:
            self.ids.add(values["id"])
        if tag == "a" and "name" in values:
            self.ids.add(values["name"])
        if (key := LINK_ATTRIBUTES.get(tag)) and values.get(key, "").strip():
            self.links.append(values[key].strip())


@dataclass(frozen=True)
class BrokenLink:
    """A link on ``page`` (a path inside the site) that leads nowhere, and why."""

    page: str
    link: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.link} ({self.reason})"


@dataclass
class LinkReport:
    """What :func:`check_links` looked at, and what it found broken."""

    pages: int = 0
    links: int = 0
    anchors: int = 0
    broken: list[BrokenLink] = field(default_factory=list)


def check_links(site: Path, *, site_url: str = PLACEHOLDER_URL) -> LinkReport:
    """Check every internal link of every HTML file under ``site``.

    ``site_url`` is the address the site is published at: absolute links under it are
    internal, and a site-absolute link (``/x/``) must fall inside its path.
    """
    base = site_url if site_url.endswith("/") else site_url + "/"
    pages = {path.relative_to(site).as_posix(): _parse(path) for path in sorted(site.rglob("*.html"))}
    report = LinkReport(pages=len(pages))
    for rel, page in pages.items():
        for link in page.links:
            if link.lower().startswith(NOT_FILES):
                continue
            target, fragment = urldefrag(urljoin(base + rel, link))
            if urlsplit(target)[:2] != urlsplit(base)[:2]:
                continue  # another site
            report.links += 1
            if (reason := _missing(site, base, target, fragment, pages)) is not None:
                report.broken.append(BrokenLink(rel, link, reason))
            elif fragment:
                report.anchors += 1
    return report


def _missing(site: Path, base: str, target: str, fragment: str, pages: dict[str, _Page]) -> str | None:
    """Why ``target#fragment`` cannot be followed on disk, or None when it can."""
    path = urlsplit(target).path
    prefix = urlsplit(base).path
    if not path.startswith(prefix):
        return "outside the site"
    rel = unquote(path[len(prefix):])
    if rel == "" or rel.endswith("/") or (site / rel).is_dir():
        rel = f"{rel.rstrip('/')}/index.html".lstrip("/")
    if not (site / rel).is_file():
        return "no such file"
    if fragment and rel in pages and unquote(fragment) not in pages[rel].ids:
        return f"no element with id {unquote(fragment)!r}"
    return None


def _parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    return page
