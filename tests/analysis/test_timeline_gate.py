"""The timeline's pattern gate (``patterns.NEEDS``) never hides a date expression.

Each pattern runs only when the sentence holds one of the words (or a digit) it cannot match
without. The tests run every pattern ungated over real text (the repository's articles and
seeds) and over one invented expression per pattern, and check that each match itself
contains what its gate asks for, so a sentence holding the match always passes the gate.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from generator.analysis.timeline import patterns

REPO = Path(__file__).resolve().parents[2]

# One invented expression per pattern, so a pattern absent from the articles is still checked.
EXAMPLES = {
    "numeric": "on 12/03/2024", "iso": "on 2024-03-12", "range_md_y": "March 3-5, 2024",
    "range_dm_y": "3–5 March 2024", "full_mdy": "Tuesday, March 12, 2024",
    "full_dmy": "12 March 2024", "year_end": "by the end of the year",
    "year_end_y": "by the end of 2025", "month_end": "by the end of the month",
    "part_month": "in late March", "part_year": "in early 2025", "season_y": "in the summer of 2025",
    "season": "last winter", "month_year": "in March 2024", "month_day": "on March 12",
    "day_month": "on 12 March", "weekday": "last Tuesday", "month_alone": "next March",
    "decade": "in the 1990s", "decade_word": "in the nineties", "century": "the 19th century",
    "ago": "three weeks ago", "past_span": "over the past five years", "day_word": "later today",
    "anchor_day": "later that morning", "anchor_shift": "two days later",
    "anchor_unit": "the following week", "anchor_year": "a year earlier", "unit": "next month",
    "weekend": "over the weekend", "year_range": "from 2019-2021", "year": "in 2024",
}


def _texts() -> list[str]:
    files = sorted((REPO / "tests" / "data").rglob("*.md")) + sorted((REPO / "tests" / "data").rglob("*.txt"))
    files += sorted((REPO / "seeds").rglob("*.md"))
    return [f.read_text(encoding="utf-8", errors="replace") for f in files] + list(EXAMPLES.values())


def test_every_pattern_has_an_example_that_it_matches():
    names = [name for name, _rx, _handler in patterns.PATTERNS]
    assert sorted(EXAMPLES) == sorted(names)
    for name, rx, _handler in patterns._COMPILED:
        assert rx.search(EXAMPLES[name]), name


@pytest.mark.parametrize("name", [name for name, _rx, _handler in patterns.PATTERNS])
def test_no_match_lacks_what_its_gate_needs(name):
    rx = dict((n, r) for n, r, _h in patterns._COMPILED)[name]
    matches = [m.group(0) for text in _texts() for m in rx.finditer(text) if m.group(0)]
    assert matches, f"{name} matched nothing"
    hidden = [m for m in matches if not patterns.may_match(name, m.lower())]
    assert hidden == []


def test_gated_candidates_equal_every_pattern_run():
    """The gate changes nothing on real sentences: same candidates as running all patterns."""
    for text in _texts():
        for line in text.splitlines():
            gated = patterns.candidates(line)
            patterns.candidates.cache_clear()
            saved = dict(patterns.NEEDS)
            patterns.NEEDS.clear()
            try:
                ungated = patterns.candidates(line)
            finally:
                patterns.NEEDS.update(saved)
                patterns.candidates.cache_clear()
            assert [(s, e, n) for s, e, n, _m, _h in gated] == [(s, e, n) for s, e, n, _m, _h in ungated], line
