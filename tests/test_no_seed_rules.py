"""Nothing in generator/ is written for the seed event.

General lexicons may list countries, capitals and international organisations (the seed's
countries and NATO among hundreds of others), but no person, event, venue or other named
thing from the seed articles may appear anywhere in the package — code, comments or data —
so the rules stay general and are not tuned on the wording of the seeds.
"""
from __future__ import annotations

import re

import yaml

from tests.conftest import ROOT, SHARED

GOLD = SHARED / "gold" / "rutte-erdogan-ankara.yml"
# Kinds of gold actors a general lexicon may legitimately hold.
LEXICON_KINDS = {"country", "organisation"}
# Seed names that are also general lexicon entries (capitals, regions, countries).
GENERAL = {"ankara", "moscow", "kyiv", "syria", "iraq", "kosovo", "europe", "eastern europe",
           "middle east", "balkans", "black sea", "western", "x", "nato", "united states", "u.s.",
           "us", "türkiye", "turkey", "turkiye", "russia", "ukraine", "sweden", "china",
           "north atlantic treaty organization", "alliance", "the alliance"}


def _seed_names() -> set[str]:
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    names: set[str] = set()
    for actor in gold["actors"]:
        forms = [actor["name"], *actor.get("aliases", [])]
        if actor["kind"] in LEXICON_KINDS and actor["name"].casefold() in GENERAL:
            continue
        names.update(forms)
    names.update(gold.get("places", []))
    names.update(gold.get("tolerated", []))
    # the family names of the seed's people, whatever comes before them
    for actor in gold["actors"]:
        if actor["kind"] == "person":
            names.update(w for w in actor["name"].split()[1:] if len(w) > 3)
    return {n for n in names if n.casefold() not in GENERAL and len(n) > 2}


def test_no_seed_person_event_or_venue_in_the_package():
    # case-sensitive: the names are proper nouns, and "mark" or "chief" in prose are not them
    pattern = re.compile("|".join(re.escape(n) for n in sorted(_seed_names(), key=len, reverse=True)))
    hits = []
    for path in sorted((ROOT / "generator").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            text = path.read_text(encoding="utf-8", errors="replace")
            for number, line in enumerate(text.splitlines(), 1):
                for m in pattern.finditer(line):
                    # whole words only: "Fidan" yes, "confidante" no
                    before = line[m.start() - 1: m.start()]
                    after = line[m.end(): m.end() + 1]
                    if not (before.isalnum() or after.isalnum()):
                        hits.append(f"{path.relative_to(ROOT)}:{number}: {m.group(0)}")
    assert hits == [], "\n".join(hits)
