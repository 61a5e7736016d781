"""Crawl the built site from its home page and follow every internal link."""
from __future__ import annotations

import urllib.error
import urllib.request
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urldefrag, urljoin, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and tag in ("a", "link", "script", "img"):
                self.links.append(attrs[key])


def _fetch(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            kind = response.headers.get_content_type()
            body = response.read().decode("utf-8", "replace") if kind == "text/html" else ""
            return response.status, kind, body
    except urllib.error.HTTPError as exc:
        return exc.code, "", ""


def test_every_internal_link_resolves(base_url: str, site_dir: Path):
    host = urlsplit(base_url).netloc
    pages: dict[str, _Links] = {}
    status: dict[str, int] = {}
    fragments: list[tuple[str, str, str]] = []  # (from page, target page, fragment)
    queue = deque([base_url])
    while queue:
        url = queue.popleft()
        if url in status:
            continue
        code, kind, body = _fetch(url)
        status[url] = code
        if code != 200 or kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body)
        pages[url] = parser
        for link in parser.links:
            target, fragment = urldefrag(urljoin(url, link))
            if urlsplit(target).netloc != host or urlsplit(target).scheme not in ("http", "https"):
                continue
            target = target.split("?")[0]
            if fragment:
                fragments.append((url, target, fragment))
            if target not in status:
                queue.append(target)
    broken = sorted(u for u, code in status.items() if code != 200)
    assert broken == [], f"broken internal links: {broken}"
    missing = sorted(
        f"{src} -> {target}#{frag}" for src, target, frag in fragments
        if target in pages and frag not in pages[target].ids and not frag.startswith("__")
    )
    assert missing == [], f"links to missing anchors: {missing[:20]}"
    # Every page MkDocs wrote can be reached by following links from the home page.
    on_disk = set()
    for path in site_dir.rglob("index.html"):
        rel = path.parent.relative_to(site_dir).as_posix()
        on_disk.add(base_url if rel == "." else f"{base_url}{quote(rel)}/")
    unreached = sorted(on_disk - set(pages))
    assert unreached == [], f"pages no link leads to: {unreached}"
    assert len(pages) >= 10
