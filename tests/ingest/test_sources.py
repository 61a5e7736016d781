"""Entry points: discover_sets and load_source_set on the seeds, Wikinews and our sets."""
from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator.errors import InputError
from generator.ingest import ARTICLE_SUFFIXES, discover_sets, load_article, load_source_set
from tests.ingest.conftest import ARTICLES, FERRY, FLOOD, GUM_FILES, HARBOUR, SEED, SEED_000, SEED_002, by_file, copy_into
from tests.conftest import SEEDS


def test_suffixes():
    assert ARTICLE_SUFFIXES == (".txt", ".md", ".html", ".htm")


def test_discover_sets_finds_article_folders_only(tmp_path):
    found = discover_sets(ARTICLES)  # other tests keep articles here too
    assert {FERRY, FLOOD, HARBOUR} <= set(found) and found == sorted(found)
    assert all(p.is_dir() for p in found)
    assert SEED in discover_sets(SEEDS)
    copy_into(tmp_path / "b-set", SEED_002)
    copy_into(tmp_path / "a-set", SEED_000)
    copy_into(tmp_path / ".hidden", SEED_000)
    (tmp_path / "no-articles").mkdir()
    (tmp_path / "no-articles" / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "stray.txt").write_text("not a set")
    assert discover_sets(tmp_path) == [tmp_path / "a-set", tmp_path / "b-set"]


def test_discover_sets_without_seeds_folder(tmp_path):
    with pytest.raises(InputError) as err:
        discover_sets(tmp_path / "seeds")
    assert str(tmp_path / "seeds") in err.value.format_message()


@pytest.mark.quality
def test_seed_set(seed_set, gold):
    assert seed_set.slug == "rutte-erdogan-ankara"
    assert [a.id for a in seed_set.articles] == ["s1", "s2"]
    assert [a.file for a in seed_set.articles] == sorted(gold["articles"])
    s1, s2 = seed_set.articles
    assert s1.title == gold["articles"][s1.file]["title"] and s1.title_inferred
    assert s1.published == gold["articles"][s1.file]["published"]
    assert (s1.published_inferred, s1.published_basis) == (True, "dateline")
    assert s1.outlet is None and not s1.outlet_inferred
    # 002 has no headline and no date: title from the lead, date from the set's context
    assert s2.title == "Turkish President Recep Tayyip Erdogan has reiterated support for the Russia-Ukraine ceasefire"
    assert s2.title_inferred
    assert (s2.published, s2.published_inferred, s2.published_basis) == (dt.date(2025, 5, 14), True, "set context")


@pytest.mark.parametrize("fixture", ["seed_set", "harbour_set"])
def test_text_is_blocks_joined_and_offsets_hold(request, fixture):
    for article in request.getfixturevalue(fixture).articles:
        assert article.text == "\n\n".join(b.text for b in article.blocks)
        for block in article.blocks:
            assert article.text[block.start : block.start + len(block.text)] == block.text
            assert block.text == block.text.strip() and "\n" not in block.text


def test_mixed_set(harbour_set):
    got = [
        (a.id, a.encoding, a.published, a.published_basis, a.published_inferred, a.outlet, a.outlet_inferred)
        for a in harbour_set.articles
    ]
    assert got == [
        ("s1", "utf-8", dt.date(2024, 3, 6), "dateline", True, "Coastal Wire", True),
        ("s2", "utf-8", dt.date(2024, 3, 7), "front matter", False, "Portside News", False),
        ("s3", "utf-8", dt.date(2024, 3, 7), "html metadata", False, "The Harbour Daily", False),
        ("s4", "cp1252", dt.date(2024, 3, 8), "dateline", True, None, False),
        # no date anywhere in the file: the latest date of the other articles
        ("s5", "utf-8-sig", dt.date(2024, 3, 8), "set context", True, None, False),
    ]
    assert by_file(harbour_set, "003_harbour-daily.html").author == "Priya Nandakumar"
    assert by_file(harbour_set, "001_coastal-wire.txt").author == "Jane Okafor"
    legacy = by_file(harbour_set, "004_legacy-bulletin.txt")
    assert legacy.title == "Strikers promise to stay out “as long as it takes”" and legacy.title_inferred
    assert "José Martínez, a crane operator" in legacy.text


def test_as_of_dates_undated_articles():
    flood = load_source_set(FLOOD)
    assert (flood.title, flood.tags, flood.as_of) == ("River Alder flood warning", ("weather", "floods"), dt.date(2023, 11, 2))
    assert [(a.published, a.published_basis) for a in flood.articles] == [
        (dt.date(2023, 11, 2), "set context"),
        (dt.date(2023, 11, 2), "set context"),
        (dt.date(2023, 11, 1), "dateline"),  # its own "Posted on" line
    ]
    assert flood.articles[1].title == "Flood barriers go up in Millbrook" and not flood.articles[1].title_inferred


def test_source_line_gives_url_and_outlet_of_a_text_article():
    echo = load_article(FLOOD / "03_millbrook-echo.txt", "s3")
    assert echo.url == "https://www.millbrookecho.example.co.uk/news/2023/11/01/rest-centre-opens"
    assert (echo.outlet, echo.outlet_inferred) == ("millbrookecho.example.co.uk", True)
    assert echo.title == "River Alder: council opens rest centre at Millbrook school"
    assert "Tags:" not in echo.text and "https://" not in echo.text


def test_as_of_wins_over_other_articles_dates(tmp_path):
    folder = copy_into(tmp_path / "set", SEED_000, SEED_002)
    (folder / "set.yml").write_text("as_of: 2025-05-20\n")
    s1, s2 = load_source_set(folder).articles
    assert s1.published == dt.date(2025, 5, 14)  # its own date stays
    assert s2.published == dt.date(2025, 5, 20)


def test_no_date_anywhere_leaves_published_empty(tmp_path):
    folder = copy_into(tmp_path / "set", SEED_002)
    (article,) = load_source_set(folder).articles
    assert (article.published, article.published_inferred, article.published_basis) == (None, False, None)


def test_folder_without_articles(tmp_path):
    (tmp_path / "empty-set").mkdir()
    (tmp_path / "empty-set" / "set.yml").write_text("title: Nothing yet\n")
    with pytest.raises(InputError) as err:
        load_source_set(tmp_path / "empty-set")
    assert err.value.format_message().startswith(f"{tmp_path / 'empty-set'}: no articles")


def test_bad_article_in_set_names_the_article(tmp_path, caplog):
    # issue 12: the bad article is skipped with a warning naming it; the rest of the set is read
    folder = copy_into(tmp_path / "set", SEED_000)
    (folder / "001_empty.md").write_text("")
    source_set = load_source_set(folder)
    assert [a.file for a in source_set.articles] == [SEED_000.name]
    assert [(s.file, s.reason) for s in source_set.skipped] == [("001_empty.md", "empty file: nothing to read")]
    assert f"skipped {folder / '001_empty.md'}: empty file" in caplog.text


def test_article_of_only_boilerplate(tmp_path):
    path = tmp_path / "share.txt"
    path.write_text("Share this:\nClick to share on Facebook (Opens in new window)\nLeave a comment\n")
    with pytest.raises(InputError, match="no article text left"):
        load_article(path, "s1")


def test_htm_suffix_is_read_as_html(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    shutil.copy(HARBOUR / "003_harbour-daily.html", folder / "page.HTM")
    (article,) = load_source_set(folder).articles
    assert article.title == "Dock workers walk out as port talks collapse"


@pytest.mark.parametrize("path", GUM_FILES, ids=lambda p: p.stem)
def test_wikinews_articles(path):
    import frontmatter

    meta = frontmatter.loads(path.read_text("utf-8")).metadata
    article = load_article(path, "s1")
    assert article.title == " ".join(meta["title"].split()) and not article.title_inferred
    assert article.published == dt.date.fromisoformat(meta["published"])
    assert (article.published_basis, article.published_inferred) == ("front matter", False)
    assert (article.outlet, article.url) == ("Wikinews", meta["url"])
    # the weekday dateline opening every body is metadata, not content
    first = article.blocks[0].text
    assert not first.split(",")[0] in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    assert any(r.split(",")[0].endswith("day") for r in article.removed)
    assert all(b.text for b in article.blocks)
    assert sum(len(b.text) for b in article.blocks if b.kind == "paragraph") > 0.8 * len(article.text)


def test_loading_is_deterministic():
    assert load_source_set(HARBOUR) == load_source_set(HARBOUR)


def test_html_page_title_suffix_and_markdown_front_matter_aliases():
    quay, watch = load_source_set(FERRY).articles
    assert (quay.outlet, quay.outlet_inferred) == ("Quay Times", True)
    assert (quay.published, quay.published_basis) == (dt.date(2022, 10, 15), "html metadata")
    # "date:" and an "author:" list, as Jekyll/Hugo write them
    assert (watch.published, watch.published_basis, watch.published_inferred) == (dt.date(2022, 10, 16), "front matter", False)
    assert watch.author == "Sam Okonjo, Ruth Lindqvist"
    assert (watch.outlet, watch.outlet_inferred) == ("harbourwatch.example.net", True)
