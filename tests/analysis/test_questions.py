"""Open questions: hedge cues, the event filter, question wording, linking and disputes.

Real text throughout: the seed set, sentences from the GUM news articles in
../shared/dev/gum-news (Wikinews, CC BY 2.5), and two articles written for these tests
(tests/data/articles/questions_summit_*.txt, a fictional border row).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from generator.analysis.document import parse_articles
from generator.analysis.questions.cues import load_lexicon, parse_rules
from generator.analysis.questions import find_open_questions
from generator.errors import BriefingError
from generator.ingest.sources import load_source_set
from generator.model import OpenQuestion
from tests.conftest import DATA, GUM, SEED_GOLD, SEEDS, gold_scorer

SUMMIT = sorted((DATA / "articles").glob("questions_summit_*.txt"))


class NoActors:
    """An actor index that knows nobody: the finder must work when ``resolve`` gives None."""

    actors = ()

    def resolve(self, surface):
        return None

    def mentions(self, source):
        return []


def _index(docs):
    from generator.analysis.actors import find_actors

    return find_actors(docs)


def _set(tmp_path: Path, files: list[Path], replace: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "set"
    folder.mkdir(exist_ok=True)
    for f in files:
        text = f.read_text(encoding="utf-8")
        for old, new in (replace or {}).items():
            text = text.replace(old, new)
        (folder / f.name).write_text(text, encoding="utf-8")
    return folder


def _questions(folder: Path, nlp, index=None) -> tuple[OpenQuestion, ...]:
    docs = parse_articles(load_source_set(folder).articles, nlp)
    return find_open_questions(docs, index if index is not None else _index(docs))


def _one(nlp, sentence: str) -> tuple[OpenQuestion, ...]:
    """The questions of a one-sentence article (built through ingest, as in production)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "001_test.txt").write_text(f"Test article\nPublished: 5 June 2024\n\n{sentence}\n", encoding="utf-8")
        docs = parse_articles(load_source_set(folder).articles, nlp)
    return find_open_questions(docs, NoActors())


@pytest.fixture(scope="module")
def seed_questions(nlp):
    docs = parse_articles(load_source_set(SEEDS / "rutte-erdogan-ankara").articles, nlp)
    return find_open_questions(docs, _index(docs))


# --------------------------------------------------------------------------- the seed set


def test_seed_reported_meeting_is_worded_from_the_parse(seed_questions):
    meeting = [q for q in seed_questions if "reportedly" in q.cues]
    assert len(meeting) == 1
    q = meeting[0]
    assert q.text == ("Will a high-level meeting involving Putin, Zelenskyy and Donald Trump "
                      "take place on Thursday in Istanbul?")
    assert q.status == "unconfirmed"
    assert {"reportedly", "being considered", "no confirmation"} <= set(q.cues)


def test_seed_meeting_links_the_proposal_in_the_other_source(seed_questions):
    q = next(q for q in seed_questions if "reportedly" in q.cues)
    assert q.sources == ("s1", "s2")
    linked = [e for e in q.evidence + q.related if e.source == "s2"]  # hedged ones are evidence
    assert any("proposal for unconditional talks" in e.text for e in linked)
    assert any("readiness to host the meeting" in e.text for e in linked)  # refers back
    # the 2022 talks in the same city are history, not the same matter
    assert not any("March 2022" in e.text for e in q.related + q.evidence)


@pytest.mark.parametrize("text, status, cue", [
    ("Will Kyiv and Moscow move to exploratory talks?", "unconfirmed", "hint at"),
    ("Will all sides seize the emerging opportunity for a comprehensive ceasefire?", "proposed", "urging"),
    ("Will Ankara articulate a vision for enhanced alliance cohesion?", "expected", "expectations are high"),
])
def test_seed_other_questions(seed_questions, text, status, cue):
    q = next((q for q in seed_questions if q.text == text), None)
    assert q is not None, [q.text for q in seed_questions]
    assert q.status == status and cue in q.cues


def test_seed_ceasefire_call_relates_to_the_second_source(seed_questions):
    q = next(q for q in seed_questions if "ceasefire" in q.text)
    assert any(e.source == "s2" and "comprehensive ceasefire" in e.text for e in q.related)


def test_seed_opinions_and_facts_are_not_questions(seed_questions):
    texts = " ".join(e.text for q in seed_questions for e in q.evidence)
    assert "stand united against terrorism" not in texts  # a call without an event
    assert "expects cooperation" not in texts  # an expectation without an event
    assert "appears intent" not in texts
    assert len(seed_questions) == 4


def test_seed_questions_are_deterministic(nlp, seed_questions):
    docs = parse_articles(load_source_set(SEEDS / "rutte-erdogan-ankara").articles, nlp)
    assert find_open_questions(docs, _index(docs)) == seed_questions


def test_seed_questions_without_actor_index(nlp):
    docs = parse_articles(load_source_set(SEEDS / "rutte-erdogan-ankara").articles, nlp)
    questions = find_open_questions(docs, NoActors())
    assert len(questions) == 4
    assert all(q.text.endswith("?") for q in questions)


# --------------------------------------------------------------------------- sentences

HEDGED = [
    # (sentence, question, status)
    ("The two leaders are expected to sign a trade agreement in Brussels next week.",
     "Will the two leaders sign a trade agreement in Brussels next week?", "expected"),
    ("The company is set to announce its quarterly results on Friday.",
     "Will the company announce its quarterly results on Friday?", "expected"),
    ("The opposition called for a snap election.", "Will there be a snap election?", "proposed"),
    ("Protesters urged the government to release the detained journalists.",
     "Will the government release the detained journalists?", "proposed"),
    ("The ministry denied reports that troops had crossed the border.",
     "Did troops cross the border?", "disputed"),
    ("It remains unclear whether the vote will go ahead.", "Will the vote go ahead?", "unconfirmed"),
    ("Unconfirmed reports said the minister had resigned.", "Did the minister resign?", "unconfirmed"),
    ("The rebels are said to be planning a new offensive.",
     "Are the rebels planning a new offensive?", "unconfirmed"),
    ("The central bank may raise interest rates next month.",
     "Will the central bank raise interest rates next month?", "expected"),
    ("The government plans to hold a referendum on independence.",
     "Will the government hold a referendum on independence?", "proposed"),
    ("There are hopes for a ceasefire before the holidays.",
     "Will there be a ceasefire before the holidays?", "expected"),
    ("The attack has not been confirmed by the army.", "Did the attack take place?", "unconfirmed"),
    ("The proposed merger would create the largest bank in the country.",
     "Will the merger take place?", "proposed"),
    ("A possible meeting between the two presidents has been discussed for weeks.",
     "Will a meeting between the two presidents take place?", "unconfirmed"),
    ("Negotiators are probably going to meet in Doha on Sunday.",
     "Will negotiators meet in Doha on Sunday?", "expected"),
    ("According to sources familiar with the matter, the bank is considering a merger with its rival.",
     "Will the bank move to a merger with its rival?", "unconfirmed"),
    ("Russia has denied any involvement in the attack.",
     "Did Russia have any involvement in the attack?", "disputed"),
    ("The opposition denied the allegations of vote rigging.",
     "Are the allegations of vote rigging true?", "disputed"),
    ("The European Union is weighing new sanctions against Iran.",
     "Will the European Union move to new sanctions against Iran?", "proposed"),
    ("Whether the deal will survive remains to be seen.", "Will the deal survive?", "unconfirmed"),
    ("The company is in talks to acquire its smaller rival.",
     "Will the company acquire its smaller rival?", "proposed"),
    ("The president hopes to secure a second term in November.",
     "Will the president secure a second term in November?", "expected"),
    ("The union has threatened to strike unless wages are raised.", "Will the union strike?", "expected"),
    ("Reports suggest the prime minister will reshuffle his cabinet.",
     "Will the prime minister reshuffle his cabinet?", "unconfirmed"),
    ("Moscow claimed that its forces had captured the village.",
     "Did Moscow's forces capture the village?", "unconfirmed"),
    ("The army is preparing to launch a counteroffensive.",
     "Will the army launch a counteroffensive?", "expected"),
    # a reported future is still to happen: an open question, not a settled fact
    ("The White House said the president would travel to Japan next month.",
     "Will the president travel to Japan next month?", "expected"),
    ("The merger must still be approved by the regulator.",
     "Will the merger be approved by the regulator?", "proposed"),
    # one invented sentence per cue class: future, plan, pending procedure, hedge, dispute
    ("The regulator said it would open a hearing next month.",
     "Will the regulator open a hearing next month?", "expected"),
    ("\"We are ready to return to the negotiating table,\" the union said.",
     "Will the union return to the negotiating table?", "proposed"),
    ("The airline called the ruling unfair and announced plans to appeal.", "Will the airline appeal?", "proposed"),
    ("Many villages are yet to be reached by rescuers.",
     "Will many villages be reached by rescuers?", "proposed"),
    ("The firm has not yet responded to requests for comment.",
     "Will the firm respond to requests for comment?", "proposed"),
    ("The leak is being investigated by the coastguard.",
     "Will the leak be investigated by the coastguard?", "proposed"),
    ("The collapse may have been caused by faulty wiring.",
     "Was the collapse caused by faulty wiring?", "expected"),
    ("Apparently the coach lost the support of the squad.",
     "Did the coach lose the support of the squad?", "unconfirmed"),
    ("The cause of the outbreak remains unclear.", "Is the cause of the outbreak known?", "unconfirmed"),
    ("The mayor alleged that the count was rigged.", "Was the count rigged?", "disputed"),
    ("A sports daily reported that the director had told the coach to resign.",
     "Did the director tell the coach to resign?", "unconfirmed"),
    ("The company plans to drive growth by bringing new products to the brand.",
     "Will the company drive growth by bringing new products to the brand?", "proposed"),
    ("The capsule will be unmanned when it returns in early September.",  # a state at a stated time
     "Will the capsule be unmanned?", "expected"),
    ("The firm said the vessel would be able to return the crew.",
     "Will the vessel be able to return the crew?", "expected"),
    ("The firm has eyed the brand for years, sources familiar with the matter said.",
     "Has the firm eyed the brand for years?", "unconfirmed"),
    # GUM news (Wikinews, CC BY 2.5)
    ("Next year's competition is scheduled to take place in Mexico City.",
     "Will next year's competition take place in Mexico City?", "expected"),
    ("On Friday, fishermen rescued over 700 asylum seekers whose boat sank, and the Indonesian Navy "
     "reportedly saved 200 more after they were found swimming along the coast of Aceh, Indonesia.",
     "Did the Indonesian Navy save 200 more?", "unconfirmed"),
    ("The New Zealand government intends to hold two referendums to reach a verdict on the flag, at an "
     "estimated cost of NZ $ 26 million, although a recent poll found only a quarter of citizens "
     "favoured changing the flag.",
     "Will the New Zealand government hold two referendums?", "proposed"),
]


@pytest.mark.parametrize("sentence, question, status", HEDGED)
def test_hedged_sentence_gives_question(nlp, sentence, question, status):
    questions = _one(nlp, sentence)
    assert [(q.text, q.status) for q in questions] == [(question, status)]


NOT_QUESTIONS = [
    "The bridge, which could carry 5,000 vehicles a day, collapsed in 1998.",  # relative clause, past
    "He may have been the best player of his generation.",  # modal perfect: about the past
    "The new policy could be a turning point for the industry.",  # a state, not an event
    "Analysts say the market might seem volatile.",  # opinion
    "He was considered one of the finest painters of his era.",  # "considered" as judgement
    "No date has been set for the hearing.",  # nothing named to ask about
    "The council voted to approve the budget.",  # decided, not pending
    "Her party rejected the proposal.",  # a fact about a proposal
    "They now hope for better weather at the weekend.",  # a hope without an event
    "Officials expect cooperation from their neighbours in the fight against smuggling.",
    "The talks, scheduled for Monday, were postponed.",
    "Lakeland has a disputed border with its northern neighbour.",  # "disputed" as description
    # GUM news (Wikinews, CC BY 2.5)
    "Despite their attempts, neither side could open the scoring in the first half as it ended 0 – 0.",
    "It might be a statistical blip.",
    "The journalist was denied entry to the country.",  # a refusal, not a denial
    "The minister had planned to attend the summit but fell ill.",  # a plan overtaken
    "The group claimed responsibility for the attack.",  # a claim of a deed, no content clause
    "The company claims its new battery lasts twice as long.",  # a claim about no event
    "Experts warned that prices could rise further if the drought continues.",  # a condition
    "A potential buyer for the club has emerged.",  # "potential" on a person, not an event
    "The contract would have raised wages by 10%.",  # a counterfactual: nothing is pending
    "The ministry announced that the bridge will reopen in May.",  # a decision on record
    "The country will continue to do its utmost to help.",  # a pledge of effort, no act
    "Players made early attempts to put the team into the lead.",  # "attempts" as a noun
    "The capsule will be small.",  # a future state with no time: nothing to watch for
    "The system was scheduled to pause at midnight.",  # an expectation of the past
    "The union previously threatened to strike.",  # a threat of the past
    "The president sought to sway the vote.",  # an attempt told as past narrative
    "\"Shares of the firm rose sharply on the news,\" a correspondent reported.",  # a quote's credit
    "They were twice denied visas to enter the United States.",  # "deny" as refuse
    "\"As a way to commercialize his work, he would make a blue Marilyn and a pink Marilyn, and then "
    "you could pick your favorite color and buy that.\"",
    "Its round shape symbolizes wealth and good fortune and is believed to bring good luck.",
]


@pytest.mark.parametrize("sentence", NOT_QUESTIONS)
def test_unhedged_or_opinion_sentence_gives_nothing(nlp, sentence):
    assert _one(nlp, sentence) == ()


def test_long_subject_loses_its_participle_clause(nlp):
    text = ("A similar fast-track system backed by the British Red Cross in September 2021 for 3,000 "
            "Afghan refugees was reportedly rejected by Prime Minister Boris Johnson over fears it "
            "would amount to amnesty.")  # GUM news (Wikinews, CC BY 2.5)
    (q,) = _one(nlp, text)
    assert q.text.startswith("Was a similar fast-track system rejected by Boris Johnson")


def test_pronoun_subject_takes_the_person_named_before(nlp):
    text = ("Yesterday Mohamed received VIP attention at Google headquarters in California — and "
            "tomorrow he plans to meet international dignitaries at the United Nations headquarters.")
    (q,) = _one(nlp, text)
    assert q.text.startswith("Will Mohamed meet international dignitaries")


# --------------------------------------------------------------------------- test articles


@pytest.fixture(scope="module")
def summit(nlp, tmp_path_factory):
    return _questions(_set(tmp_path_factory.mktemp("summit"), SUMMIT), nlp)


def test_summit_merges_the_plan_and_the_proposal(summit):
    q = summit[0]
    assert q.text == "Will a summit between Anna Holt and Pavel Dorn take place on Friday in Geneva?"
    assert q.status == "unconfirmed"
    assert q.sources == ("s1", "s2")
    assert [e.source for e in q.evidence] == ["s1", "s2"]
    assert "reportedly" in q.cues and "being planned" in q.cues


def test_summit_contradicting_counts_are_disputed(summit):
    q = next(q for q in summit if q.text.startswith("How many"))
    assert q.text == "How many boats were seized: at least 12 or 15?"
    assert q.status == "disputed" and q.sources == ("s1", "s2")


def test_summit_denial_asks_about_the_denied_claim(summit):
    q = next(q for q in summit if "denied" in q.cues)
    assert q.text == "Did Lakeland's government accept the invitation?"
    assert q.status == "disputed"


def test_summit_filters_opinion_and_unreachable(summit):
    texts = " ".join(e.text for q in summit for e in q.evidence + q.related)
    assert "could not be reached" not in texts
    assert "might seem intractable" not in texts
    assert len(summit) == 7, [q.text for q in summit]  # "would be held at a hotel" is pending too


def test_summit_sources_giving_different_days_are_disputed(nlp, tmp_path):
    folder = _set(tmp_path, SUMMIT, {"in Geneva on June 7": "in Geneva on June 9"})
    q = _questions(folder, nlp)[0]
    assert q.status == "disputed"
    assert q.sources == ("s1", "s2")


def test_questions_end_with_a_question_mark_and_cite_their_sentence(summit):
    for q in summit:
        assert q.text.endswith("?") and q.text[0].isupper()
        assert q.evidence and all(e.text for e in q.evidence)
        assert set(q.sources) >= {e.source for e in q.evidence}


# --------------------------------------------------------------------------- GUM articles


@pytest.mark.parametrize("name, expected", [
    ("afghan", ["Will these girls be proving to the world and the nation?",
                "Will the organization hold the contest in a different country every year?",
                "Will next year's competition take place in Mexico City?"]),
    ("flag", ["Will the first meeting take place in Christchurch on May 16?",
              "Will names of participants be engraved at their option on a flag pole monument to be "
              "built in the nation's capital?",
              "Will the New Zealand government hold two referendums?",
              "Will voters choose between the new flag and their current flag early in 2016?"]),
    ("soccer", []),  # match report: "could" is past ability, nothing is pending
    # science report: projections ("would increase") are open; "will depend on" is a state
    ("warming", ["Will increasing population and changing diet increase world food needs by 50 percent?",
                 "Will undernourishment increase by either 49 percent or by 27 percent?",
                 "Will an air-quality cleanup improve crop yields?"]),
])
def test_gum_article_questions(nlp, tmp_path, name, expected):
    folder = _set(tmp_path, [GUM / f"{name}.md"])
    assert [q.text for q in _questions(folder, nlp, NoActors())] == expected


# --------------------------------------------------------------------------- lexicon


def test_lexicon_loads_every_status():
    lexicon = load_lexicon()
    assert {r.status for r in lexicon.rules} == {"unconfirmed", "proposed", "expected", "disputed"}
    assert "meeting" in lexicon.event_nouns and "seem" in lexicon.stative_verbs


def test_malformed_cue_line_names_the_file_and_line():
    with pytest.raises(BriefingError, match=r"hedge_cues.txt: line 2: expected 'status check frame"):
        parse_rules("unconfirmed strong clause reportedly\nmaybe strong clause perhaps\n")


# --------------------------------------------------------------------------- quality



@pytest.mark.quality
def test_seed_open_question_scores(seed_questions):
    from generator.render.record import evidence_text

    gold = yaml.safe_load(SEED_GOLD.read_text(encoding="utf-8"))
    record = {"actors": [], "open_questions": [
        {"text": q.text, "evidence": evidence_text(q.evidence)} for q in seed_questions]}
    result = gold_scorer().score(gold, json.loads(json.dumps(record)))["open_questions"]
    print(f"open_questions P={result['precision']:.2f} R={result['recall']:.2f} core={result['core_recall']}")
    assert result["core_recall"] == 1.0, result
    assert result["precision"] >= 0.75, result["false"]
