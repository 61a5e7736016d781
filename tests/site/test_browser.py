"""The published site in a real browser: search, source links, actor pages, tags, phone
width, console errors, injection. Runs against the site ``briefing build`` made from the
seeds (see conftest.py); screenshots go to tests/screenshots/ (git-ignored).
"""
from __future__ import annotations

import re

import pytest

from generator.render.filters import actor_slug
from tests.site.conftest import INJECTION_SET, SCREENSHOTS

pytestmark = pytest.mark.browser

PAGES = ("", "questions/", "timeline/", "actors/", "archive/", "tags/")


def _briefing_url(base_url: str, record: dict) -> str:
    return f"{base_url}{record['set']}/"


def _first_statement_with_anchor(record: dict) -> dict:
    for st in record["statements"]:
        if st["anchors"]:
            return st
    pytest.fail(f"no statement of {record['set']} links to a source sentence")


def test_search_finds_briefing_and_opens_quote(page_factory, base_url, seed_record):
    page = page_factory()
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("staunch", delay=30)  # Material listens to key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=15000)
    hrefs = [results.nth(i).get_attribute("href") or "" for i in range(results.count())]
    target = next((h for h in hrefs if h.split("?")[0].split("#")[0].rstrip("/").endswith("/" + seed_record["set"])), None)
    assert target, f"search results for 'staunch' do not list the briefing: {hrefs}"
    page.locator(f".md-search-result__item a[href='{target}']").first.click()
    page.wait_for_url(re.compile(re.escape(seed_record["set"])))
    content = page.locator("article.md-content__inner").inner_text()
    assert "staunch and capable" in content.lower()
    assert page.locator("#key-statements").count() == 1
    assert page.errors == []


def test_statement_source_link_lands_on_highlighted_sentence(page_factory, base_url, seed_record):
    st = _first_statement_with_anchor(seed_record)
    anchor = st["anchors"][0]
    page = page_factory()
    page.goto(_briefing_url(base_url, seed_record))
    link = page.locator(f"article a[href$='#{anchor}']").first
    link.click()
    page.wait_for_url(re.compile(f"#{re.escape(anchor)}$"))
    target = page.locator(":target")
    assert target.get_attribute("id") == anchor
    assert "bs-sent" in (target.get_attribute("class") or "")
    background = target.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the linked sentence is not highlighted"
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 900, "the linked sentence is not scrolled into view"
    # The sentence's text is the article's sentence the record names as evidence.
    source, index = anchor.rsplit("-", 1)
    texts = [
        s["text"] for src in seed_record["sources"] if src["id"] == source
        for b in src["blocks"] for s in b["sentences"] if s["index"] == int(index)
    ]
    assert texts and target.inner_text().split()[:3] == texts[0].split()[:3]


def test_actor_link_opens_actor_page_with_statements(page_factory, base_url, seed_record):
    speaker = seed_record["statements"][0]["speaker"]
    page = page_factory()
    page.goto(_briefing_url(base_url, seed_record))
    page.locator(f"article a[href$='actors/{actor_slug(speaker)}/']").first.click()
    page.wait_for_url(re.compile("/actors/"))
    assert page.locator("h1").inner_text().strip() != ""
    content = page.locator("article.md-content__inner").inner_text()
    said = [st for st in seed_record["statements"] if st["speaker"] == speaker]
    assert "Statements" in content
    for st in said:
        assert " ".join(st["text"].split()[:5]) in " ".join(content.split())
    # ... and the actor page lists the briefing.
    assert page.locator(f"article a[href$='{seed_record['set']}/']").count() >= 1


def test_tags_index_lists_every_tagged_briefing(page_factory, base_url, records):
    tagged = [r for r in records if r["tags"]]
    assert tagged, "no briefing has tags (the injection set's set.yml gives some)"
    page = page_factory()
    page.goto(base_url + "tags/")
    content = page.locator("article.md-content__inner")
    for rec in tagged:
        for tag in rec["tags"]:
            assert tag in content.inner_text(), f"tag {tag!r} missing from the tags index"
        assert content.locator(f"a[href*='{rec['set']}/']").count() >= 1


def test_no_console_errors(page_factory, base_url, records):
    page = page_factory()
    urls = [base_url + p for p in PAGES]
    for rec in records:
        urls.append(base_url + rec["set"] + "/")
        urls.append(f"{base_url}sources/{rec['set']}/")
    for url in urls:
        response = page.goto(url)
        assert response is not None and response.ok, url
        page.wait_for_load_state("networkidle")
    assert page.errors == []


@pytest.mark.parametrize("path", [*PAGES, "BRIEFING", "SOURCE", "ACTOR"])
def test_phone_width_has_no_horizontal_overflow(page_factory, base_url, seed_record, path):
    url = _resolve(base_url, seed_record, path)
    page = page_factory(375, 800)
    page.goto(url)
    width = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"{url}: page is {width[0]} px wide on a {width[1]} px screen"


def _resolve(base_url: str, record: dict, path: str) -> str:
    if path == "BRIEFING":
        return f"{base_url}{record['set']}/"
    if path == "SOURCE":
        return f"{base_url}sources/{record['set']}/"
    if path == "ACTOR":
        return f"{base_url}actors/{actor_slug(record['statements'][0]['speaker'])}/"
    return base_url + path


def test_screenshots(page_factory, base_url, seed_record):
    """Desktop and phone screenshots of the main page kinds, for a human to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    anchor = _first_statement_with_anchor(seed_record)["anchors"][0]
    pages = {
        "home": base_url,
        "briefing": _resolve(base_url, seed_record, "BRIEFING"),
        "actor": _resolve(base_url, seed_record, "ACTOR"),
        "source": _resolve(base_url, seed_record, "SOURCE") + f"#{anchor}",
    }
    for width, label in ((1280, "desktop"), (375, "phone")):
        page = page_factory(width, 900 if width > 400 else 800)
        for name, url in pages.items():
            page.goto(url)
            page.wait_for_load_state("networkidle")
            path = SCREENSHOTS / f"{name}-{label}.png"
            page.screenshot(path=str(path))  # what a reader sees first
            assert path.stat().st_size > 10_000
            if name != "source":  # the source page is opened at the linked sentence
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}-full.png"), full_page=True)
        assert page.errors == []
    # The dark palette follows the reader's system setting.
    dark = page_factory(1280, 900, color_scheme="dark")
    dark.goto(pages["briefing"])
    assert dark.locator("body").get_attribute("data-md-color-scheme") == "slate"
    dark.screenshot(path=str(SCREENSHOTS / "briefing-desktop-dark.png"))


def test_injection_renders_as_plain_text(page_factory, base_url, records):
    """Article text with script, javascript: links, Jinja and Markdown syntax stays text."""
    rec = next(r for r in records if r["set"] == INJECTION_SET)
    urls = [f"{base_url}{INJECTION_SET}/", base_url, base_url + "questions/", base_url + "timeline/"]
    urls += [f"{base_url}sources/{INJECTION_SET}/"]
    speakers = {st["speaker"] for st in rec["statements"]}  # actors with a page of their own
    urls += [f"{base_url}actors/{actor_slug(a['name'])}/" for a in rec["actors"] if a["name"] in speakers]
    page = page_factory()
    for url in urls:
        page.goto(url)
        page.wait_for_load_state("networkidle")
        assert page.dialogs == [], f"{url}: a dialog fired: {page.dialogs}"
        html = page.content()
        assert page.locator("a[href^='javascript:' i]").count() == 0, url
        assert page.locator("img[src='http://x/y.png'], img[src='x']").count() == 0, url
        scripts = page.locator("script").evaluate_all("els => els.map(e => e.textContent)")
        assert not [s for s in scripts if "alert(" in s], f"{url}: injected script element"
        assert "onerror=alert" not in html.replace("&lt;img src=x onerror=alert", ""), url
    # Search results render titles and snippets of the injected page as text too.
    page.goto(base_url)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("harbour", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert page.dialogs == [] and page.locator(".md-search-result script, .md-search-result img").count() == 0
    # The source page shows the payloads as the article's literal text.
    page.goto(f"{base_url}sources/{INJECTION_SET}/")
    text = page.locator("article.md-content__inner").inner_text()
    for literal in ("<script>alert(1)</script>", "{{ 7*7 }}", "{% if true %}", "[the petition](javascript:alert(1))",
                    "[img](http://x/y.png)", '<a href="javascript:alert(2)">', "<img src=x onerror=alert(3)>",
                    "# Not a heading", "_not emphasis_", "| not | a | table |"):
        assert literal in text, f"{literal!r} is not shown as text on the source page"
    assert "49 percent" not in text
    assert page.locator("article table").count() == 0
    assert page.locator("article h1").count() == 1
    assert page.errors == []
