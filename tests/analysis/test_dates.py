"""resolve_dates on real sentences: the seed set, GUM news (shared/dev/gum-news, CC BY) and
sentences written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.analysis.timeline.resolve import DateMention, resolve_dates

SEED = dt.date(2025, 5, 14)  # the seed articles' publication date (a Wednesday)


def _found(mentions: list[DateMention]) -> list[tuple]:
    return [(m.text, m.value, m.end_value) if m.end_value else (m.text, m.value) for m in mentions]


@pytest.mark.parametrize(
    "sentence, reference, expected",
    [
        # --- the seed set
        ("NATO Secretary General Mark Rutte arrived in Ankara to meet with Turkish President Recep Tayyip "
         "Erdoğan on May 13, 2025.", SEED, [("May 13, 2025", "2025-05-13")]),
        ("Rutte called Turkey a “staunch and capable ally” during his official visit to Ankara following his "
         "high-level meeting with the Turkish President at the Presidential Complex on Tuesday.", SEED,
         [("Tuesday", "2025-05-13")]),
        ("Turkey previously held leadership roles in KFOR in 2002, 2005, and more recently in 2021, and the "
         "renewed commitment reflects Ankara’s dedication to regional peace operations.", SEED,
         [("2002", "2002"), ("2005", "2005"), ("2021", "2021")]),
        ("Ankara has previously hosted negotiations between Russia and Ukraine, including the notable March "
         "2022 Istanbul talks, which laid the groundwork for later agreements such as the Black Sea Grain "
         "Initiative.", SEED, [("March 2022", "2022-03")]),
        ("Although that initiative collapsed in mid-2023 after Russia’s withdrawal, Turkey has since renewed "
         "its diplomatic push, supported by neutral credibility and strong regional ties.", SEED,
         [("mid-2023", "2023")]),
        ("A high-level meeting involving Putin, Ukrainian President Zelenskyy, and U.S. President Donald Trump "
         "is reportedly being considered for Thursday in Istanbul, however, no confirmation has been made from "
         "any side.", SEED, [("Thursday", "2025-05-15")]),
        ("In Tuesday’s meeting, Erdogan reaffirmed this trajectory.", SEED, [("Tuesday", "2025-05-13")]),
        ("The Erdogan-Rutte meeting also set the tone for the upcoming informal NATO Foreign Ministers’ Meeting "
         "in Antalya on May 14–15, which will serve as a precursor to the full NATO Summit next month.", SEED,
         [("May 14–15", "2025-05-14", "2025-05-15"), ("next month", "2025-06")]),
        ("“We also discussed Ukraine, where there is a real window of opportunity for progress towards peace,” "
         "Rutte said in a statement on X ahead of the informal NATO Foreign Ministers' Meeting on May 14-15 in "
         "Antalya, a Turkish resort city in the southern Mediterranean.", SEED,
         [("May 14-15", "2025-05-14", "2025-05-15")]),
        ("The proposal for unconditional talks in Istanbul on May 15 was made by Russian President Vladimir "
         "Putin during a press conference in Moscow on Sunday.", SEED,
         [("May 15", "2025-05-15"), ("Sunday", "2025-05-11")]),
        ("The visit marks an important step to bolster Turkiye’s position within the alliance ahead of next "
         "month’s annual summit.", SEED, [("next month", "2025-06")]),
        ("The two leaders held comprehensive talks on alliance unity, the Russia-Ukraine war, regional security "
         "threats, and Turkey’s evolving strategic responsibilities within NATO.", SEED, []),
        ("However, recent events point to a recalibration. Ankara’s support for Sweden’s accession to NATO, "
         "ratified after months of delay, signaled Turkey’s intent.", SEED, []),
        ("Turkey appears intent on redefining its position, not just as a regional power, but as a pillar of "
         "NATO’s 21st-century architecture.", SEED, []),
        # --- GUM news
        ("He was released on US$20,000 bail on Thursday.", dt.date(2010, 10, 9), [("Thursday", "2010-10-07")]),
        ("The competition ended on Tuesday.", dt.date(2017, 7, 18), [("Tuesday", "2017-07-18")]),
        ("On Wednesday, Mohamed and his father are to travel to the United Nations.", dt.date(2015, 9, 22),
         [("Wednesday", "2015-09-23")]),
        ("The first referendum is to be held from November 20 to December 11, selecting a single new flag "
         "design out of about four finalists.", dt.date(2015, 5, 7),
         [("November 20 to December 11", "2015-11-20", "2015-12-11")]),
        ("In March, a bundle of blueprints for a new headquarters for the military's counterterrorism unit were "
         "found stuffed in the trash on a downtown street.", dt.date(2008, 8, 15), [("March", "2008-03")]),
        ("Sunak has made tackling migration one of his main priorities, with laws banning illegal migrants from "
         "claiming asylum in the UK expected next month.", dt.date(2023, 2, 23), [("next month", "2023-03")]),
        ("Figures to be published today show a record 45,756 migrants crossing the Channel last year drove "
         "outstanding asylum claims over 150,000, also a record.", dt.date(2023, 2, 23),
         [("today", "2023-02-23"), ("last year", "2022")]),
        ("South Korea had recently started to broadcast propaganda from loudspeakers after an 11-year lull.",
         dt.date(2015, 8, 21), []),
        ("Warhol was close to important touchstones of the 1960s, including art, music, consumer culture, "
         "fashion, and celebrity worship.", dt.date(2014, 1, 28), [("the 1960s", "1960", "1969")]),
        ("\" Seventeen years ago, this would not have been possible at all, \" said Ambassador Mohib.",
         dt.date(2017, 7, 18), [("Seventeen years ago", "2000")]),
        ("The Northern Arena Esports Championship ran throughout the weekend, facing off teams of video gamers "
         "in a packed hall.", dt.date(2016, 9, 7), [("the weekend", "2016-09-03", "2016-09-04")]),
        ("The six-member Afghan team had been denied visas to enter the United States until last week.",
         dt.date(2017, 7, 18), [("last week", "2017-07-10", "2017-07-16")]),
        ("The previous general legislative election in Hong Kong was before the 2014 protests.",
         dt.date(2016, 9, 9), [("2014", "2014")]),
        ("As the home of modern day air travel and the 747, which has gracefully transported shuttles for the "
         "last 30 years, Seattle would have been a perfect fit.", dt.date(2011, 4, 13),
         [("the last 30 years", "1981", "2011")]),
        ("Lydia Buchtmann says they are looking at mandatory guidelines on iodine by the end of the year.",
         dt.date(2006, 2, 23), [("the end of the year", "2006-12-31")]),
        # --- written for these tests
        ("The talks collapsed last Tuesday.", dt.date(2024, 3, 12), [("last Tuesday", "2024-03-05")]),
        ("The ministers meet again next Tuesday.", dt.date(2024, 3, 12), [("next Tuesday", "2024-03-19")]),
        ("The union will hold a rally on Friday.", dt.date(2024, 3, 12), [("Friday", "2024-03-15")]),
        ("The rally was held on Friday.", dt.date(2024, 3, 12), [("Friday", "2024-03-08")]),
        ("The trial resumes on Monday at the district court.", dt.date(2024, 3, 13), [("Monday", "2024-03-18")]),
        ("The contract ran between 2002 and 2005.", dt.date(2024, 3, 12), [("2002 and 2005", "2002", "2005")]),
        ("The filing is dated 2024-03-05.", dt.date(2024, 3, 12), [("2024-03-05", "2024-03-05")]),
        ("The hearing took place on 13 May 2025 in the capital.", None, [("13 May 2025", "2025-05-13")]),
        ("The strike lasted 48 hours and cost two years of growth.", dt.date(2024, 3, 12), []),
        ("Sales rose by 2000 units in the first quarter.", dt.date(2024, 3, 12), []),
        ("The army sent 2000 troops to the border.", dt.date(2024, 3, 12), []),
        ("Both parties lost seats in 2024 elections across the region.", dt.date(2024, 3, 12), [("2024", "2024")]),
        ("A survey of 1709 schoolchildren was carried out in July 2003.", dt.date(2006, 2, 23),
         [("July 2003", "2003-07")]),
        ("The port expects to reopen in early 2024.", dt.date(2023, 11, 2), [("early 2024", "2024")]),
        ("Last summer the harbour was closed for repairs.", dt.date(2023, 2, 23),
         [("Last summer", "2022-06", "2022-08")]),
        ("The board may meet in May to approve the budget.", dt.date(2024, 3, 12), [("May", "2024-05")]),
        ("The harbour froze over last winter.", dt.date(2024, 4, 1), [("last winter", "2023-12", "2024-02")]),
        ("Repairs are planned for next summer.", dt.date(2023, 10, 5), [("next summer", "2024-06", "2024-08")]),
        ("The order was signed on 13/05/2025 by the minister.", SEED, [("13/05/2025", "2025-05-13")]),
        ("The decree dated 5.3.2024 was published in the gazette.", SEED, [("5.3.2024", "2024-03-05")]),
        ("The ruling of 2025/05/13 stands.", SEED, [("2025/05/13", "2025-05-13")]),
        ("Elections are due early next year.", dt.date(2024, 3, 12), [("early next year", "2025")]),
        ("The report came out earlier this week.", dt.date(2024, 3, 12),
         [("earlier this week", "2024-03-11", "2024-03-17")]),
        ("Good Friday services were held across the country.", dt.date(2024, 3, 12), []),
        ("She told the Sunday Times that the deal was close.", dt.date(2024, 3, 12), []),
        ("The court ruled on February 30 that the case was closed.", dt.date(2024, 3, 12), []),
        # a month closing the sentence keeps its own clause's tense (not the root's through the ".")
        ("The ferry is the line's second boat, after the first was launched in January.", dt.date(2024, 9, 7),
         [("January", "2024-01")]),
        # a passive infinitive looks ahead even under a past-tense verb
        ("The council announced on Tuesday another hearing to be held on October 12.", dt.date(2024, 10, 4),
         [("Tuesday", "2024-10-01"), ("October 12", "2024-10-12")]),
    ],
)
def test_resolve_dates(nlp, sentence, reference, expected):
    assert _found(resolve_dates(sentence, reference, span=nlp(sentence)[:])) == expected


def test_offsets_point_into_the_text(nlp):
    sentence = "The proposal for unconditional talks in Istanbul on May 15 was made on Sunday."
    for m in resolve_dates(sentence, SEED, span=nlp(sentence)[:]):
        assert sentence[m.start:m.end] == m.text


def test_without_reference_only_absolute_dates_resolve(nlp):
    sentence = "The talks collapsed on Tuesday, a year after the initiative ended in mid-2023."
    assert _found(resolve_dates(sentence, None, span=nlp(sentence)[:])) == [("mid-2023", "2023")]


@pytest.mark.parametrize(
    "sentence, anchor, expected",
    [
        ("Later that day, Erdogan confirmed Türkiye's readiness to host the meeting.", dt.date(2025, 5, 11),
         "2025-05-11"),
        ("Later that day, Erdogan confirmed Türkiye's readiness to host the meeting.", None, "2025-05-14"),
        ("The previous day, the ministers had met in Antalya.", dt.date(2025, 5, 11), "2025-05-10"),
        ("The next day, the delegations left the city.", dt.date(2025, 5, 11), "2025-05-12"),
        ("Two days later, the minister resigned.", dt.date(2025, 5, 11), "2025-05-13"),
        ("Three weeks earlier, the talks had stalled.", dt.date(2025, 5, 11), "2025-04-20"),
        ("Earlier in the day, police closed the bridge.", dt.date(2025, 5, 11), "2025-05-11"),
    ],
)
def test_anaphoric_days_follow_the_anchor(nlp, sentence, anchor, expected):
    mentions = resolve_dates(sentence, SEED, span=nlp(sentence)[:], anchor=anchor)
    assert [m.value for m in mentions] == [expected]


def test_without_a_parse_the_words_decide_the_tense():
    assert _found(resolve_dates("The leaders will meet on Thursday.", SEED)) == [("Thursday", "2025-05-15")]
    assert _found(resolve_dates("The leaders met on Thursday.", SEED)) == [("Thursday", "2025-05-08")]


def test_month_names_that_are_words_are_not_dates(nlp):
    sentence = "Protesters march through the city and may return on Sunday."
    assert _found(resolve_dates(sentence, SEED, span=nlp(sentence)[:])) == [("Sunday", "2025-05-18")]


_WORDS = st.sampled_from(
    ["on", "Tuesday", "May", "14", "–", "15", "2025", "last", "next", "week", "month", "year", "ago",
     "two", "the", "mid-2023", "between", "and", "from", "to", ",", "March", "1990s", "today", "that",
     "day", "later", "will", "met", "in", "early", "summer", "[Ten]", "years", "2000-2050", "13/05/2025"]
)


@settings(max_examples=200, deadline=None)
@given(words=st.lists(_WORDS, max_size=12), reference=st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31)))
def test_any_text_gives_well_formed_mentions(words, reference):
    text = " ".join(words)
    for m in resolve_dates(text, reference):
        assert text[m.start:m.end] == m.text
        assert len(m.value) in (4, 7, 10)
        assert m.end_value is None or m.end_value >= m.value
