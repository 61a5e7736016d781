"""A local web site for the collect tests: ``http.server`` on 127.0.0.1 in a thread.

Nothing leaves the machine. The site serves invented news pages (every event, person and
outlet is made up), a feed, and the ways fetching goes wrong: a slow answer, a 404, a
redirect loop, a huge page, a page that is not HTML, paths robots.txt forbids, and a page
whose text repeats another's under a new address.
"""
from __future__ import annotations

import threading
import time
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

ROBOTS = "User-agent: *\nDisallow: /private/\n"
TOWNS = ["Arlow", "Bexmoor", "Corran", "Dunfell", "Elsby", "Farrowgate", "Glenmere", "Harlby", "Ivesholm", "Jorvale"]
PEOPLE = ["Ada Quell", "Bram Osei", "Cora Lindqvist", "Dev Pranath", "Edda Morrow", "Felix Ruane", "Greta Solberg",
          "Hugo Tamsin", "Ilse Varga", "Jonas Wexley"]


def article_page(n: int, *, canonical: str | None = None, date: str = "2026-03-04") -> str:
    """Invented article ``n``: a bridge inspection in one of ten invented towns."""
    town, person = TOWNS[n % 10], PEOPLE[(n * 3) % 10]
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{town} bridge {n} closed for inspection - Test Gazette</title>{link}
<meta property="og:site_name" content="Test Gazette">
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><nav><a href="/">Home</a></nav><article><h1>{town} bridge {n} closed for inspection</h1>
<p>The old bridge number {n} in {town} was closed on Tuesday after engineers found {n + 3} cracked bolts, said {person}, who leads the county roads office.</p>
<p>Buses will take a detour of {n + 7} kilometres through the {town} valley until the repairs end, {person} said.</p>
<p>Residents of {town} had asked the county to check the bridge since the floods of spring, a local councillor said.</p>
</article><footer>Test Gazette</footer></body></html>"""


def rss(items: list[tuple[str, str]]) -> str:
    """An RSS 2.0 feed of ``(path, RFC 822 date)`` items."""
    body = "".join(
        f"<item><title>Item {path}</title><link>{{base}}{path}</link><pubDate>{date}</pubDate><guid>{{base}}{path}</guid></item>"
        for path, date in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test Gazette</title><link>{{base}}/</link>{body}</channel></rss>'


class Site:
    """The routes; ``feed_items`` can be changed by a test between runs."""

    def __init__(self):
        self.feed_items = [("/news/1.html", "Tue, 04 Mar 2026 08:00:00 GMT"), ("/news/2.html", "Wed, 05 Mar 2026 08:00:00 GMT")]
        self.requests: list[tuple[str, str]] = []  # (path, user agent)
        self.lock = threading.Lock()


def make_handler(site: Site, base_holder: dict):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as real servers do

        def log_message(self, *args):  # keep the test output clean
            pass

        def send(self, status: int, body: bytes | str, content_type: str = "text/html; charset=utf-8", headers=None):
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Date", formatdate(usegmt=True))
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(data)

        def redirect(self, location: str, status: int = 302):
            self.send(status, "", headers={"Location": location})

        def do_GET(self):  # noqa: N802 - http.server's name
            with site.lock:
                site.requests.append((self.path, self.headers.get("User-Agent", "")))
            route(self)

    base = lambda: base_holder["base"]  # noqa: E731

    def route(h: Handler) -> None:
        path = h.path
        if path == "/robots.txt":
            h.send(200, ROBOTS, "text/plain")
        elif path.startswith("/news/") and path.endswith(".html"):
            n = int(path[len("/news/") : -len(".html")])
            h.send(200, article_page(n))
        elif path == "/syndicated.html":  # another address, the same words as /news/1.html
            h.send(200, article_page(1).replace("Test Gazette", "Other Daily"))
        elif path == "/amp/1.html":  # names /news/1.html as its canonical address
            h.send(200, article_page(1, canonical=base() + "/news/1.html").replace("bridge number", "span number"))
        elif path == "/moved":
            h.redirect("/news/3.html", 301)
        elif path in ("/loop-a", "/loop-b"):
            h.redirect("/loop-b" if path == "/loop-a" else "/loop-a")
        elif path == "/slow":
            time.sleep(3)
            h.send(200, article_page(9))
        elif path == "/huge":
            h.send(200, "<html><body>" + "<p>word </p>" * 200_000 + "</body></html>")
        elif path == "/huge-chunked":
            h.send_response(200)
            h.send_header("Content-Type", "text/html")
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            chunk = b"<p>" + b"x" * 65_536 + b"</p>"
            for _ in range(40):
                h.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            h.wfile.write(b"0\r\n\r\n")
        elif path == "/data.json":
            h.send(200, '{"not": "a page"}', "application/json")
        elif path.startswith("/private/"):
            h.send(200, article_page(5))
        elif path == "/empty.html":
            h.send(200, "<html><head><title>x</title></head><body><nav>Home</nav></body></html>")
        elif path == "/feed.xml":
            h.send(200, rss(site.feed_items).replace("{base}", base()), "application/rss+xml")
        else:
            h.send(404, "<html><body>not found</body></html>")

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (a timeout test) is expected; anything else is reported."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@pytest.fixture(scope="session")
def web():
    """``(base_url, site)`` of the local test site, served for the whole session."""
    site = Site()
    holder: dict = {}
    server = QuietServer(("127.0.0.1", 0), make_handler(site, holder))
    holder["base"] = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield holder["base"], site
    finally:
        server.shutdown()
        server.server_close()
