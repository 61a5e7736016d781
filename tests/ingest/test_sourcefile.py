"""``sources.yml`` beside the articles (written by ``briefing add``): ingest takes ``url``
and ``published`` from it, over what the file says."""
from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.ingest import load_article
from generator.ingest.sourcefile import recorded_source

ARTICLE = """Harbour crane collapses in Portlow

A crane fell onto an empty quay in Portlow on Monday, the port authority said. Nobody was hurt.

Engineers from the crane's maker will examine the wreck on Tuesday, said port director Sanne Holt.
"""


def test_sources_yml_gives_the_url_and_date(tmp_path):
    (tmp_path / "001_portlow.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yml").write_text(
        "articles:\n  001_portlow.txt:\n    url: https://news.example/crane\n    published: 2026-04-06\n"
        "    fetched: 2026-04-06T10:00:00Z\n", encoding="utf-8")
    article = load_article(tmp_path / "001_portlow.txt", "s1")
    assert (article.url, article.published.isoformat(), article.published_basis, article.published_inferred) == (
        "https://news.example/crane", "2026-04-06", "sources.yml", False)
    assert article.outlet == "news.example"


def test_an_article_sources_yml_does_not_name_is_read_as_before(tmp_path):
    (tmp_path / "002_portlow.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("articles:\n  other.html:\n    url: https://x.example/\n", encoding="utf-8")
    article = load_article(tmp_path / "002_portlow.txt", "s1")
    assert (article.url, article.published) == (None, None)
    assert recorded_source(tmp_path / "002_portlow.txt") == recorded_source(tmp_path / "none.txt")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("articles: [1, 2]\n", "'articles' must map each name to its fields"),
        ("articles:\n  a.txt:\n    published: soon\n", "'published' of a.txt: expected a date such as 2025-05-14 but received: 'soon'"),
        ("articles: {a: [\n", "invalid YAML"),
    ],
)
def test_a_malformed_sources_yml_is_one_error_naming_it(tmp_path, text, message):
    (tmp_path / "sources.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as info:
        recorded_source(tmp_path / "a.txt")
    assert str(info.value.format_message()).startswith(f"{tmp_path / 'sources.yml'}: {message}")
