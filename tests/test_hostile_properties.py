"""Property test (issue 12): random Unicode, random bytes and random Markdown, through ingest →
analysis → render → ``mkdocs build --strict``.

For every generated source set: no exception escapes but the one-line :class:`InputError` of
an unreadable set, the page's front matter parses back to what was rendered, and nothing an
article carries becomes live in the built site (a ``<script>``, an ``on…=`` handler or a
``javascript:`` link). Every hostile fragment carries the token ``PWN``, so a live copy of
one is found by that token inside markup, while Material's own scripts are left alone.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from generator.analysis import analyse
from generator.condense import condense
from generator.errors import InputError
from generator.ingest import load_source_set
from generator.pipeline.write import publish_site_pages
from generator.publish.mkdocs import build_site
from generator.render.page import front_matter, render_briefing
from generator.render.record import record_of
from generator.util.frontmatter import read_front_matter
from tests.conftest import ROOT

HOSTILE = [
    '<script>alert("PWN")</script>', '<img src=x onerror="alert(\'PWN\')">', "[click](javascript:alert('PWN'))",
    '<a href="javascript:alert(\'PWN\')">PWN link</a>', "{{ PWN }} {% raw %}", "---\ntitle: PWN\n---",
    '" onmouseover="alert(\'PWN\')', "<!-- PWN -->", "<style>body{display:none}</style>PWN", "| PWN | table |",
    "# PWN heading", "> quoted PWN", "*PWN* _emph_ `code PWN`", "<iframe src=\"javascript:PWN\"></iframe>",
]


def live_fragments(html: str) -> list[str]:
    """Every place in ``html`` where a hostile fragment (token PWN) would run: a script's text,
    an ``on…`` handler attribute, or a ``javascript:`` URL — found by parsing, as a browser does."""
    import lxml.html

    found = []
    for el in lxml.html.fromstring(html).iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "script" and "PWN" in (el.text or ""):
            found.append(f"<script>{el.text[:60]}")
        for name, value in el.attrib.items():
            if "PWN" not in value:
                continue
            if name.lower().startswith("on") or value.strip().lower().startswith("javascript:"):
                found.append(f"<{el.tag} {name}={value[:60]!r}>")
    return found


SENTENCES = ["The council said on Monday that it would vote on the plan next week.",
             "“We will not accept this,” the union leader told reporters.",
             "Officials could not confirm the figure, according to local media."]

line = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(SENTENCES), st.text(min_size=1, max_size=60))
markdown = st.lists(line, min_size=1, max_size=8).map("\n\n".join)
article = st.one_of(
    markdown.map(lambda t: (".md", t.encode("utf-8"))),
    markdown.map(lambda t: (".txt", t.encode("utf-8", "surrogatepass"))),
    markdown.map(lambda t: (".html", f"<html><body><p>{t}</p></body></html>".encode("utf-8", "surrogatepass"))),
    st.binary(min_size=0, max_size=300).map(lambda b: (".txt", b)),
)


def _project(root: Path) -> Path:
    project = root / "project"
    project.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "briefings" / ".generated").mkdir(parents=True)
    return project


def _page(folder: Path, nlp):
    """The rendered page of one set, or None when the set is refused (as one InputError)."""
    try:
        source_set = load_source_set(folder)
    except InputError as exc:
        assert "\n" not in exc.format_message() and exc.format_message().startswith(str(folder))
        return None
    record = record_of(condense(source_set, analyse(source_set, nlp)), include_text=True)
    page = render_briefing(record)
    assert read_front_matter(page) == {k: v for k, v in front_matter(record).items()}
    return record, page


@pytest.mark.slow
@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture, HealthCheck.data_too_large])
@given(sets=st.lists(st.lists(article, min_size=1, max_size=3), min_size=1, max_size=3))
def test_random_input_never_escapes_and_never_goes_live(sets, nlp):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        project = _project(root)
        records = []
        for i, files in enumerate(sets):
            folder = root / "seeds" / f"set-{i}"
            folder.mkdir(parents=True)
            for j, (suffix, data) in enumerate(files):
                (folder / f"{j:03d}{suffix}").write_bytes(data)
            built = _page(folder, nlp)
            if built:
                records.append(built[0])
                (project / "briefings" / f"set-{i}.md").write_text(built[1], "utf-8")
        publish_site_pages(records, project / "briefings")
        build_site(project)  # --strict: any warning fails the build
        for html in (project / "site").rglob("*.html"):
            assert live_fragments(html.read_text("utf-8")) == [], html


def test_the_live_check_finds_live_markup_and_passes_escaped_text():
    assert live_fragments('<p><img src=x onerror="alert(\'PWN\')"></p>')
    assert live_fragments("<p><a href=\"javascript:alert('PWN')\">x</a></p>")
    assert live_fragments('<div><script>alert("PWN")</script></div>')
    assert not live_fragments('<p>&lt;script&gt;alert("PWN")&lt;/script&gt; and onerror=PWN</p>')
    assert not live_fragments('<meta content="&#34; onmouseover=&#34;alert(PWN)">')
