"""Quality: resolve_dates against the GUM news gold dates (shared/dev/gum-news, CC BY).

Every gold date is a (text, sentence, value) triple resolved against the article's
``published`` date. We run :func:`resolve_dates` on the gold sentence with that date and its
spaCy parse, take the mention that covers the gold text and compare its value.

Gold values that are not comparable by design (counted in the denominator all the same, so
the printed share is honest):

* durations and vague spans — "15 years", "twelve years", "11-year", "the past few days":
  durations are not dates (the resolver skips them; "the past 30 days" and "the last 30
  years" are periods ending at the reference and do resolve, as ranges);
* event-relative phrases that need world knowledge — "four months in advance of the
  competition", "day five", "the day", "the date", "opening night", "the 30th anniversay
  of the first shuttle launch", "fourth or fifth day of the festival";
* times of day — "22:30", "2:30 the next day".

Gold values that look like annotation slips (named here, not coded around):

* election.md "22:30" / "2:30 the next day": 2010-09-04/05 in an article published 2016;
* clock.md "Wednesday" → 2015-09-22 ("On Wednesday, Mohamed and his father are to travel"):
  2015-09-22 is a Tuesday, the publication day; the clause is future, so 2015-09-23;
* soccer.md "Yesterday" → 2018-06-18 with ``published`` 2018-06-18: resolved against the
  dateline (June 19) instead of ``published``; we resolve against ``published``;
* iodine.md "this week" → 2006-02-19..26 (Sunday to the next Sunday, eight days); we use
  Monday–Sunday weeks, as the other "last week" gold values do;
* warhol.md "the opening night" → 2014-01-28 (publication day) where the same article's
  other "opening night" is 2014-01-23.
"""
from __future__ import annotations

import calendar
import datetime as dt

import pytest
import yaml

from generator.analysis.timeline.resolve import DateMention, resolve_dates
from generator.ingest import load_article
from tests.conftest import GUM, GUM_GOLD

FLOOR = 0.88  # reached: 173/194 = 0.892
COMPARABLE_FLOOR = 0.98  # reached: 173/174 once the items named below are set aside

# The gold items named in the module docstring: (file stem, gold text).
NOT_COMPARABLE = {
    # durations and vague spans
    ("hackers", "15 years"), ("imprisoned", "twelve years"), ("korea", "11-year"),
    ("taxes", "the past few days"),
    # relative to an event, not to a date
    ("afghan", "four months in advance of the competition"), ("soccer", "day five"),
    ("soccer", "day five of the 2018 FIFA football World Cup"), ("soccer", "the day"),
    ("nasa", "the date"), ("nasa", "the 30th anniversay of the first shuttle launch"),
    ("lanterns", "fourth or fifth day of the festival"), ("lanterns", "the opening night"),
    ("warhol", "Opening night"), ("warhol", "opening night"),
    # times of day and annotation slips
    ("election", "22:30"), ("election", "2:30 the next day"), ("clock", "Wednesday"),
    ("soccer", "Yesterday"), ("iodine", "this week"), ("warhol", "the opening night"),
}


def _gold_items():
    for path in sorted(GUM_GOLD.glob("*.gold.yml")):
        gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(str(gold["published"]))
        seen: dict[tuple[str, str], int] = {}
        for item in gold.get("dates", []):
            key = (item["sentence"], item["text"])
            nth = seen.get(key, 0)
            seen[key] = nth + 1
            yield path.name.split(".")[0], published, item, nth


def _locate(sentence: str, text: str, nth: int) -> int:
    pos = -1
    for _ in range(nth + 1):
        pos = sentence.find(text, pos + 1)
        if pos < 0:
            return -1
    return pos


def _coarsen(start: str, end: str) -> tuple[str, str]:
    """A gold day range that covers whole years or months, at that precision."""
    if start.endswith("-01-01") and end.endswith("-12-31"):
        return start[:4], end[:4]
    y, m = int(end[:4]), int(end[5:7]) if len(end) >= 7 else 0
    if len(start) == 10 and start.endswith("-01") and m and end[8:] == str(calendar.monthrange(y, m)[1]):
        return start[:7], end[:7]
    return start, end


def _value_for(mention: DateMention, pos: int) -> tuple[str, str | None]:
    """The value a gold text gets from the mention covering it: a gold text after the first
    part of a range mention ("December 11" in "November 20 to December 11") is its end."""
    head = mention.text[: max(0, pos - mention.start)]
    if mention.end_value and any(c.isdigit() for c in head):
        return mention.end_value, None
    return mention.value, mention.end_value


def _correct(item: dict, mention: DateMention | None, pos: int) -> bool:
    if mention is None:
        return False
    value, end_value = _value_for(mention, pos)
    if "when" in item:
        return value == str(item["when"])
    if "from" in item:
        return (value, end_value) == _coarsen(str(item["from"]), str(item["to"]))
    low, high = str(item.get("notBefore", "0000")), str(item.get("notAfter", "9999"))
    return low[: len(value)] <= value <= high[: len(value)] + "\uffff"


@pytest.mark.quality
def test_gum_dates_share(nlp):
    rows, hits, set_aside = [], 0, 0
    for stem, published, item, nth in _gold_items():
        sentence = item["sentence"]
        pos = _locate(sentence, item["text"], nth)
        mentions = resolve_dates(sentence, published, span=nlp(sentence)[:])
        covering = [m for m in mentions if pos >= 0 and m.start < pos + len(item["text"]) and pos < m.end]
        mention = covering[0] if covering else None
        ok = _correct(item, mention, pos)
        hits += ok
        if not ok and (stem, item["text"]) in NOT_COMPARABLE:
            set_aside += 1
        if not ok:
            rows.append(f"  MISS {stem}: {item['text']!r} gold={ {k: item[k] for k in item if k not in ('text', 'sentence')} } "
                        f"got={(mention.value, mention.end_value) if mention else None}")
    total = len(rows) + hits
    share = hits / total if total else 0.0
    comparable = hits / (total - set_aside) if total > set_aside else 0.0
    print(f"\ngum-news dates resolved to the gold value: {hits}/{total} = {share:.3f}; "
          f"of the comparable ones: {hits}/{total - set_aside} = {comparable:.3f}")
    print("\n".join(rows))
    assert total > 150
    assert share >= FLOOR
    assert comparable >= COMPARABLE_FLOOR


@pytest.mark.parametrize(
    "stem, text",
    [
        # no date expression must come out of a duration
        ("hackers", "15 years"),
        ("imprisoned", "twelve years"),
        ("korea", "11-year"),
    ],
)
def test_gum_durations_are_not_dates(nlp, stem, text):
    article = load_article(GUM / f"{stem}.md", "s1")
    sentence = next(s.text for s in nlp(article.text).sents if text in s.text)
    pos = sentence.find(text)
    mentions = resolve_dates(sentence, article.published, span=nlp(sentence)[:])
    assert not [m for m in mentions if m.start < pos + len(text) and pos < m.end]
