"""Places: cities, regions and venues apart from actors, on real text.

Texts: the seed set, tests/data/articles/actors_company and actors_sports (written for the
actor tests), and GUM's Wikinews article korea.md (Wikinews CC BY 2.5; GUM CC BY 4.0).
"""
from __future__ import annotations

import pytest

from generator.analysis.actors import find_actors
from generator.analysis.document import parse_articles
from generator.analysis.places import find_places
from generator.ingest import load_article, load_source_set
from tests.conftest import DATA, GUM, SEEDS


def _places(nlp, articles):
    docs = parse_articles(list(articles), nlp)
    index = find_actors(docs)
    return index, {p.name: p for p in find_places(docs, index)}


@pytest.fixture(scope="module")
def seed(nlp):
    return _places(nlp, load_source_set(SEEDS / "rutte-erdogan-ankara").articles)


def test_seed_places(seed):
    index, places = seed
    assert {"Istanbul", "Antalya", "Presidential Complex", "Ankara"} <= set(places)
    assert places["Istanbul"].sources == ("s1", "s2")
    # Countries, demonyms and people are actors or nothing, never places.
    for name in ("Türkiye", "Turkey", "Turkish", "Ukraine", "Erdogan", "Staunch"):
        assert name not in places
    assert not set(places) & {a.name for a in index.actors}


def test_seed_places_are_sorted_and_stable(nlp, seed):
    _, places = seed
    ranked = list(places.values())
    assert ranked == sorted(ranked, key=lambda p: (-p.mentions, p.name))
    assert _places(nlp, load_source_set(SEEDS / "rutte-erdogan-ankara").articles)[1] == places


def test_capital_is_a_place_only_where_it_is_one(nlp):
    _, places = _places(nlp, load_source_set(DATA / "articles" / "actors_company").articles)
    # "Prague has long argued" (s1) is the country; "flew to Prague" (s2) is the city.
    assert places["Prague"].sources == ("s2",)
    assert "Czech Republic" not in places and "Czechia" not in places


def test_venues_and_cities(nlp):
    _, places = _places(nlp, load_source_set(DATA / "articles" / "actors_sports").articles)
    assert {"Eastgate Stadium", "Dublin"} <= set(places)
    assert "Poland" not in places


def test_gum_korea_drops_bare_directions(nlp):
    _, places = _places(nlp, [load_article(GUM / "korea.md", "s1")])
    assert "Yeoncheon" in places  # "the town of Yeoncheon", though spaCy calls it ORG
    assert "North" not in places and "South" not in places
    assert "North Korea" not in places


def test_capital_in_a_person_name_is_no_place(nlp):
    """"Valeska Paris … Paris claims" (GUM imprisoned.md): Paris is a person here."""
    index, places = _places(nlp, [load_article(GUM / "imprisoned.md", "s1")])
    assert "Paris" not in places
    assert index.resolve("Paris").name == "Valeska Paris"
