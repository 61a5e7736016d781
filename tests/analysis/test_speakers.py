"""Who said it: quote recall, precision and speaker accuracy on the GUM news articles (quality figures).

The quote spans come from the GUM corpus (CC BY 4.0, github.com/amir-zeldes/gum) over Wikinews
texts (CC BY 2.5) in ../shared/dev/gum-news; the speaker of each span is our own annotation in
tests/data/speakers/<article>.yml (see the header of each file). Every article goes through the
real pipeline pieces: ingest, parse, actors, statements.

* recall: a gold span is found when one statement holds at least 60% of its content words (the
  scorer's statement threshold; the best-overlapping statement is its match);
* precision: a direct statement is right when it overlaps a gold span (60% of the span's words, or
  60% of its own words lie inside one span), or is one of the real quotes the GUM spans leave out
  (``extra_quotes`` in the speaker file, our annotation) with the right speaker. GUM marks quoted
  spans in only some articles, so precision is counted on the articles that have spans;
* speaker accuracy: over found spans with a named speaker, the predicted speaker shares the
  annotated surname or an alias (case- and accent-insensitive).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from unidecode import unidecode

from generator.analysis.actors import find_actors
from generator.analysis.document import parse_articles
from generator.analysis.statements import find_statements
from generator.ingest.sources import load_article
from generator.model import Statement
from tests.analysis.test_statements import _scorer
from tests.conftest import DATA, GUM_FILES

SPEAKERS = DATA / "speakers"
THRESHOLD = 0.6

# Floors reached when these were last raised (see the printed figures).
RECALL_FLOOR = 0.93
PRECISION_FLOOR = 0.97
SPEAKER_FLOOR = 0.96


def _words(name: str) -> set[str]:
    return set(unidecode(name).lower().replace("-", " ").replace("'s", " ").replace(".", " ").split())


def same_speaker(predicted: str, speaker: str, aliases: list[str]) -> bool:
    """Whether ``predicted`` names the annotated speaker: its surname (last word) or an alias."""
    got = _words(predicted)
    keys = [sorted(_words(speaker.split()[-1]))] + [sorted(_words(a)) for a in aliases]
    return any(key and set(key) <= got for key in keys)


@dataclass
class Figures:
    gold: int = 0
    found: int = 0
    named: int = 0
    right_speaker: int = 0
    predicted: int = 0
    predicted_right: int = 0
    extra: int = 0  # predicted direct statements that are real quotes outside the GUM spans
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


def _score_article(name: str, statements: tuple[Statement, ...], figures: Figures) -> None:
    tokens = _scorer().tokens
    spec = yaml.safe_load((SPEAKERS / f"{name}.yml").read_text(encoding="utf-8"))
    items = spec.get("quotes") or []
    said = [(s, tokens(s.text)) for s in statements]
    golds = [tokens(item["quote"]) for item in items]
    for item, want in zip(items, golds):
        if not want:
            continue
        figures.gold += 1
        share, best = max(((len(want & got) / len(want), s) for s, got in said),
                          key=lambda pair: pair[0], default=(0.0, None))
        if best is None or share < THRESHOLD:
            figures.misses.append(f"{name}: {item['quote'][:80]}")
            continue
        figures.found += 1
        if item["speaker"] == "unnamed":
            continue
        figures.named += 1
        if same_speaker(best.speaker, item["speaker"], item.get("aliases") or []):
            figures.right_speaker += 1
        else:
            figures.wrong.append(f"{name}: {best.speaker!r} for {item['speaker']!r}: {item['quote'][:60]}")
    if not items:
        return
    extras = [(tokens(item["quote"]), item) for item in spec.get("extra_quotes") or []]
    for s, got in said:
        if s.kind != "direct" or not got:
            continue
        figures.predicted += 1
        if any(want and _matches(want, got) for want in golds):
            figures.predicted_right += 1
            continue
        extra = next((item for want, item in extras if _matches(want, got)), None)
        if extra is None:
            figures.spurious.append(f"{name}: {s.speaker!r}: {s.text[:80]}")
            continue
        # a real quote the GUM spans leave out: right, if its speaker is
        figures.extra += 1
        if same_speaker(s.speaker, extra["speaker"], extra.get("aliases") or []):
            figures.predicted_right += 1
        else:
            figures.wrong.append(f"{name} (extra): {s.speaker!r} for {extra['speaker']!r}: {extra['quote'][:60]}")


def _matches(want: set[str], got: set[str]) -> bool:
    shared = len(want & got)
    return shared / len(want) >= THRESHOLD or shared / len(got) >= THRESHOLD


@pytest.fixture(scope="module")
def figures(nlp) -> Figures:
    files = GUM_FILES
    assert len(files) == 24 and len(list(SPEAKERS.glob("*.yml"))) == 24
    docs = parse_articles([load_article(path, "s1") for path in files], nlp)
    result = Figures()
    for path, adoc in zip(files, docs):
        _score_article(Path(path).stem, find_statements([adoc], find_actors([adoc])), result)
    return result


def test_same_speaker_by_surname_or_alias():
    assert same_speaker("Hernán Darío Gómez", "Hernan Dario Gomez", [])
    assert same_speaker("Mr. Toccafondi", "Toccafondi", [])
    assert same_speaker("KCNA", "Korean Central News Agency", ["KCNA"])
    assert not same_speaker("Harry Kane", "Nabil Maaloul", [])
    assert not same_speaker("France", "Valeska Paris", [])


# quality: it counts words with the official scorer's tokens() (from $EVAL_DATA/../scripts)
@pytest.mark.quality
def test_gum_quotes_found_with_their_speakers(figures: Figures):
    f = figures
    recall = f.found / f.gold
    precision = f.predicted_right / f.predicted
    accuracy = f.right_speaker / f.named
    f1 = 2 * precision * recall / (precision + recall)
    print(f"\nGUM quotes: recall {f.found}/{f.gold} = {recall:.3f}; direct precision {f.predicted_right}/{f.predicted}"
          f" = {precision:.3f} ({f.extra} of them real quotes the GUM spans leave out, see extra_quotes);"
          f" F1 {f1:.3f}; speaker accuracy {f.right_speaker}/{f.named} = {accuracy:.3f}")
    print("missed:\n  " + "\n  ".join(f.misses))
    print("wrong speaker:\n  " + "\n  ".join(f.wrong))
    print("direct statements matching no span:\n  " + "\n  ".join(f.spurious))
    assert f.gold == 84
    assert recall >= RECALL_FLOOR
    assert precision >= PRECISION_FLOOR
    assert accuracy >= SPEAKER_FLOOR


def test_the_company_is_the_organisation_last_the_subject(nlp):
    """"The company argued …" speaks for the organisation that was the subject before; one named
    inside what a body says is not that body (invented sentences)."""
    from tests.analysis.test_statements import statements_for, make_article

    text = ("Orvela Systems, which is backed by a large bank, has lost its appeal.\n"
            "The company argued that the fine was far too high for a firm of its size.\n"
            "The Coastal Data Regulator fined Orvela Systems last week.\n"
            "The penalty reflects Orvela Systems’ cooperation during the inquiry, the regulator noted.")
    by_text = {s.text: s.speaker for s in statements_for(nlp, [make_article(text)])}
    assert by_text["the fine was far too high for a firm of its size"] == "Orvela Systems"
    said = [who for claim, who in by_text.items() if claim.startswith("The penalty reflects")]
    assert said == ["Coastal Data Regulator"]


def test_a_speaker_found_through_a_pronoun_says_so(nlp):
    """"“…,” she said" takes its speaker from the sentence before and is marked as such; a named
    speaker is not (invented sentences)."""
    from tests.analysis.test_statements import statements_for, make_article

    text = ("Mayor Elena Varga visited the harbour on Monday.\n"
            "“This wall will protect four thousand homes,” she said.\n"
            "Harbour master Jonas Lind said the work would take a year.")
    got = {s.speaker: s.speaker_via for s in statements_for(nlp, [make_article(text)])}
    assert got == {"Elena Varga": "pronoun", "Jonas Lind": None}


def test_a_speaker_named_in_another_source_is_not_unsure(nlp):
    """One source says "she said", another names her: the merged statement is not marked."""
    from tests.analysis.test_statements import statements_for, make_article

    first = "Mayor Elena Varga visited the harbour.\n“This wall will protect four thousand homes,” she said."
    second = "“This wall will protect four thousand homes,” Mayor Elena Varga said on Monday."
    sts = statements_for(nlp, [make_article(first, "s1"), make_article(second, "s2")])
    assert [(s.speaker, s.sources, s.speaker_via) for s in sts] == [("Elena Varga", ("s1", "s2"), None)]


def test_a_court_finds_and_rules_and_the_regulator_is_not_the_firm(nlp):
    """"The court found that …" and "ruled that …" report the court; "the regulator" does not
    stand for the firm it fined, only for a body whose name says regulator (invented sentences)."""
    from tests.analysis.test_statements import statements_for, make_article

    text = ("The Northern Appeals Court heard the case of Orvela Systems on Monday.\n"
            "The court found that the contract had been signed under pressure from the bank.\n"
            "Orvela Systems said it would pay the fine within a month.\n"
            "The regulator found that the firm had kept customer records for too long.")
    by_text = {s.text: s.speaker for s in statements_for(nlp, [make_article(text)])}
    assert by_text["the contract had been signed under pressure from the bank"] == "Northern Appeals Court"
    assert by_text["the firm had kept customer records for too long"] == "The regulator"


def test_parts_of_a_long_name_are_one_speaker():
    """"Ortega Ruiz IV", "Juan Carlos" and "Ortega" are the one "Juan Carlos Ortega Ruiz IV";
    a surname two people share stays as it is (invented names)."""
    from generator.analysis.statements.speakers.surnames import full_names

    class NoIndex:
        actors = ()

    speakers = ["Juan Carlos Ortega Ruiz IV", "Ortega Ruiz IV", "Juan Carlos", "Ortega", "Ana Lenk", "Ben Lenk", "Lenk"]
    assert full_names(speakers, NoIndex()) == {
        "Juan Carlos": "Juan Carlos Ortega Ruiz IV",
        "Ortega": "Juan Carlos Ortega Ruiz IV",
        "Ortega Ruiz IV": "Juan Carlos Ortega Ruiz IV",
    }


def test_unnamed_sources_make_no_statement(nlp):
    """"Sources said …" is the outlet's own reporting; a named agent still speaks (invented)."""
    from tests.analysis.test_statements import statements_for, make_article

    text = ("Sources said the harbour board has eyed the old shipyard for years.\n"
            "Port officials said the shipyard would be sold in the spring.")
    assert [s.speaker for s in statements_for(nlp, [make_article(text)])] == ["Port officials"]


def test_analysts_and_victims_are_agents(nlp):
    """Person nouns that end unlike agent nouns ("analyst", "victim") still speak (invented)."""
    from tests.analysis.test_statements import statements_for, make_article

    text = "The harbour deal is a risky bet that trade will keep growing, according to analysts."
    assert [s.speaker for s in statements_for(nlp, [make_article(text)])] == ["analysts"]
