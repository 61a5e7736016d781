"""Nothing in generator/ is written for the seed event.

General lexicons may list countries, capitals and international organisations (the seed's
countries and NATO among hundreds of others), but no person, event, venue or other named
thing from the seed articles may appear anywhere in the package — code, comments or data —
so the rules stay general and are not tuned on the wording of the seeds.
"""
from __future__ import annotations

import json
import re

import pytest
import yaml

from tests.conftest import ROOT, SEED_GOLD

# The seed's briefing record as generated and committed: its actors and places are the
# seed's named things, so this check needs nothing outside the repository.
SEED_RECORD = ROOT / "briefings" / ".generated" / "rutte-erdogan-ankara.json"
# Kinds of gold actors a general lexicon may legitimately hold.
LEXICON_KINDS = {"country", "organisation"}
# Seed names that are also general lexicon entries (capitals, regions, countries).
GENERAL = {"ankara", "moscow", "kyiv", "syria", "iraq", "kosovo", "europe", "eastern europe",
           "middle east", "balkans", "black sea", "western", "x", "nato", "united states", "u.s.",
           "us", "türkiye", "turkey", "turkiye", "russia", "ukraine", "sweden", "china",
           "north atlantic treaty organization", "alliance", "the alliance"}


def _seed_names(gold: dict) -> set[str]:
    """Every name of ``gold`` (a gold file, or the seed record: the same keys) that no general
    lexicon may hold."""
    names: set[str] = set()
    for actor in gold["actors"]:
        forms = [actor["name"], *actor.get("aliases", [])]
        if actor["kind"] in LEXICON_KINDS and actor["name"].casefold() in GENERAL:
            continue
        names.update(forms)
    names.update(p if isinstance(p, str) else p["name"] for p in gold.get("places", []))
    names.update(gold.get("tolerated", []))
    # the family names of the seed's people, whatever comes before them
    for actor in gold["actors"]:
        if actor["kind"] == "person":
            names.update(w for w in actor["name"].split()[1:] if len(w) > 3)
    return {n for n in names if n.casefold() not in GENERAL and len(n) > 2}


def _hits(names: set[str]) -> list[str]:
    """``path:line: name`` for every whole-word occurrence of a name inside generator/."""
    # case-sensitive: the names are proper nouns, and "mark" or "chief" in prose are not them
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
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
    return hits


def test_no_seed_person_event_or_venue_in_the_package():
    record = json.loads(SEED_RECORD.read_text(encoding="utf-8"))
    names = _seed_names(record)
    assert {"Hakan Fidan", "Presidential Complex"} <= names  # the record holds the seed's names
    hits = _hits(names)
    assert hits == [], "\n".join(hits)


@pytest.mark.quality
def test_no_seed_name_of_the_gold_in_the_package():
    """The gold names more than the record finds (venues, events): none of them either."""
    hits = _hits(_seed_names(yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))))
    assert hits == [], "\n".join(hits)
