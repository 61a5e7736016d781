"""The date expressions the resolver knows, as regular expressions with their handlers, and
the non-overlapping candidates they find in a sentence.

Month and weekday names must be capitalised ("may", "march" are verbs); the words around
them (cues, units) are matched in any case.
"""
from __future__ import annotations

import re
from functools import lru_cache

from generator.analysis.timeline import absolute, relative
from generator.analysis.timeline.reckoning import NUMBER_WORDS, ORDINALS, Handler

_MONTH = r"\b(?P<{g}>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<{g}>(?:1[0-9]|20)\d\d)(?!\d)"
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?P<n>\d+|(?i:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r"))"


def _mo(g: str) -> str:
    return _MONTH.format(g=g)


def _dy(g: str) -> str:
    return _DAY.format(g=g)


def _yr(g: str) -> str:
    return _YEAR.format(g=g)


# Case-insensitive words inside otherwise case-sensitive patterns: month and weekday names
# must be capitalised ("may", "march" are verbs).
_I = "(?i:{})".format


_BRACKET_NUM = r"(?:\[\s*)?" + _NUM + r"(?:\s*\])?"

# Ordered by priority: at one position the longest match wins, then the earlier pattern.
PATTERNS: list[tuple[str, str, Handler]] = [
    ("numeric", r"(?<![\d./-])[0-3]?\d[./][0-3]?\d[./](?:19|20)\d\d(?!\d|[./-]\d)", absolute.h_numeric),
    ("iso", r"(?<![\d/-])(?P<y>(?:19|20)\d\d)([-/])(?P<mo>[01]\d)\2(?P<d>[0-3]\d)(?!\d|[/-]\d)", absolute.h_iso),
    ("range_md_y", _mo("m") + r"\s+" + _dy("d") + r"\s*(?:-|–|—)\s*" + _dy("d2") + r"(?:,?\s+" + _yr("y") + r")?", absolute.h_day_range),
    ("range_dm_y", _dy("d") + r"\s*(?:-|–|—)\s*" + _dy("d2") + r"\s+" + _mo("m") + r"(?:,?\s+" + _yr("y") + r")?", absolute.h_day_range),
    ("full_mdy", r"(?:" + _WD.replace("?P<wd>", "?:") + r",?\s+)?" + _mo("m") + r"\s+" + _dy("d") + r",?\s+" + _yr("y"), absolute.h_full),
    ("full_dmy", r"(?:" + _WD.replace("?P<wd>", "?:") + r",?\s+)?" + _dy("d") + r"\s+(?:of\s+)?" + _mo("m") + r",?\s+" + _yr("y"), absolute.h_full),
    ("year_end", _I(r"\b(?:the\s+)?(?:end\s+of\s+(?:the\s+)?year|year[-\s]end)\b") , relative.h_year_end),
    ("year_end_y", _I(r"\b(?:the\s+)?end\s+of\s+") + _yr("y"), relative.h_year_end),
    ("month_end", _I(r"\b(?:the\s+)?end\s+of\s+the\s+month\b"), relative.h_month_end),
    ("part_month", _I(r"\b(?:early|mid|late)[-\s]+") + _mo("m") + r"(?:,?\s+" + _yr("y") + r")?\b", absolute.h_part_month),
    ("part_year", _I(r"\b(?:(?:the\s+)?(?:early|mid|late|middle\s+of|end\s+of|beginning\s+of|start\s+of|first\s+half\s+of|second\s+half\s+of)[-\s]*)") + _yr("y"), absolute.h_part_year),
    ("season_y", _I(r"\b(?P<scue>)(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)\s+(?:of\s+)?") + _yr("y"), absolute.h_season),
    ("season", _I(r"\b(?P<scue>last|this|next|this\s+past|past|coming)\s+(?P<season>spring|summer|autumn|fall|winter)\b"), absolute.h_season),
    ("month_year", _mo("m") + r",?\s+(?:of\s+)?" + _yr("y"), absolute.h_month_year),
    ("month_day", _mo("m") + r"\s+" + _dy("d") + r"(?!\s*(?:-|–|—)\s*\d)", absolute.h_month_day),
    ("day_month", r"(?<![\d.,])" + _dy("d") + r"\s+(?:of\s+)?" + _mo("m"), absolute.h_month_day),
    ("weekday", r"(?:(?P<wcue>" + _I(r"last|next|this\s+past|this\s+coming|this|coming|past|the\s+next|the\s+following|the\s+previous") + r")\s+)?" + _WD, relative.h_weekday),
    ("month_alone", r"(?:(?P<cue>" + _I(r"last|next|this|coming|past") + r")\s+)?" + _mo("m") + r"(?![\w-])", absolute.h_month_alone),
    ("decade", _I(r"\b(?:the\s+)?(?:'|’)?") + r"(?P<dy>(?:1[0-9]|20)\d0)(?:'|’)?s\b", absolute.h_decade),
    ("decade_word", _I(r"\bthe\s+(?:(?P<century>19|20)00s\s+)?(?P<dw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b"), absolute.h_decade),
    ("century", _I(r"\b(?:the\s+)?(?P<c>\d{1,2}(?:st|nd|rd|th)|" + "|".join(ORDINALS) + r")\s+century\b(?!-)"), absolute.h_century),  # "21st-century architecture" is an adjective
    ("ago", r"(?<![\w\[.,])" + _I(r"(?:(?:about|some|nearly|almost|over|more\s+than|just\s+over)\s+)?") + _BRACKET_NUM + _I(r"\s+(?P<agounit>decades?|years?|months?|weeks?|days?|hours?)\s+ago\b"), relative.h_ago),
    ("past_span", _I(r"\bthe\s+(?:past|last)\s+") + _NUM + _I(r"\s+(?P<pastunit>years|months|weeks|days)\b"), relative.h_past_span),
    ("day_word", _I(r"\b(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|earlier\s+today|later\s+today|today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night)\b"), relative.h_day_word),
    ("anchor_day", _I(r"\b(?:(?:later|earlier)\s+(?:that|the\s+same)\s+(?:day|night|morning|afternoon|evening)|(?:later|earlier)\s+in\s+the\s+day|that\s+same\s+day|the\s+same\s+day|the\s+(?:previous|prior|following|next)\s+day|the\s+day\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)|a\s+day\s+(?:earlier|later|before|after)|the\s+night\s+before)\b"), relative.h_anchor_day),
    ("anchor_shift", r"(?<![\w\[.,])" + _NUM + _I(r"\s+(?P<shunit>days|weeks|months|years)\s+(?P<dir>later|earlier)\b"), relative.h_anchor_shift),
    ("anchor_unit", _I(r"\bthe\s+(?P<acue>previous|prior|following|next)\s+(?P<aunit>week|month)\b"), relative.h_anchor_unit),
    ("anchor_year", _I(r"\b(?:the\s+(?:previous|prior|following)\s+year|the\s+year\s+(?:before|after)(?!\s+(?:the|a|an|his|her|their|its)\b)|a\s+year\s+(?:earlier|later))\b"), relative.h_anchor_year),
    ("unit", _I(r"\b(?:(?:earlier|later|early|late|mid|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[-\s]+)?(?P<ucue>this\s+past|this|last|next|coming|the\s+coming)\s+(?P<unit>week-?end|week|month|year)\b"), relative.h_unit),
    ("weekend", _I(r"\b(?P<ucue>the)\s+(?P<unit>week-?end)\b"), relative.h_unit),
    ("year_range", r"(?<![\w$€£#.,/:-])" + _yr("y") + r"\s*[-–]\s*(?P<y2>(?:1[0-9]|20)\d\d|\d\d)(?![\w%]|[.,]\d)", absolute.h_year_range),
    ("year", r"(?<![\w$€£#.,/:-])" + _yr("y") + r"(?![\w%]|[.,/]\d|[-–]\d|:\d)", absolute.h_year),
]
_COMPILED = [(name, re.compile(rx), handler) for name, rx, handler in PATTERNS]

# What a pattern cannot match without: a digit, or one of these words (lower case). Most
# sentences hold no date, and running all the patterns over each was the largest cost of
# the timeline; the gate skips a pattern whose words are absent. A pattern missing here
# always runs. tests/analysis/test_timeline_gate.py checks on real text that no gate hides
# a match.
_DIGIT = "0123456789"
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
NEEDS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("numeric", "iso", "range_md_y", "range_dm_y", "full_mdy", "full_dmy",
                     "year_end_y", "part_year", "season_y", "month_year", "month_day",
                     "day_month", "decade", "year_range", "year"), tuple(_DIGIT)),
    "year_end": ("year",), "month_end": ("month",), "part_month": ("early", "mid", "late"),
    "season": ("spring", "summer", "autumn", "fall", "winter"), "decade_word": ("ties",),
    "century": ("century",), "ago": ("ago",), "past_span": ("past", "last"),
    "day_word": ("today", "tonight", "yesterday", "tomorrow", "morning", "afternoon",
                 "evening", "night"),
    "anchor_day": ("day", "night", "morning", "afternoon", "evening"),
    "anchor_shift": ("later", "earlier"),
    "anchor_unit": ("previous", "prior", "following", "next"), "anchor_year": ("year",),
    "unit": ("week", "month", "year"), "weekend": ("week",), "weekday": ("day",),
    "month_alone": _MONTHS,
}


def may_match(name: str, lowered: str) -> bool:
    """False when pattern ``name`` cannot match a text whose lower-cased form is ``lowered``."""
    needs = NEEDS.get(name)
    return needs is None or any(word in lowered for word in needs)


# The same sentence is read by the timeline (twice), the differences and the question links.
@lru_cache(maxsize=8192)
def candidates(text: str) -> tuple[tuple[int, int, str, re.Match, Handler], ...]:
    """Every date expression the patterns find in ``text``, without overlaps, in text order."""
    lowered = text.lower()
    found = []
    for order, (name, rx, handler) in enumerate(_COMPILED):
        if not may_match(name, lowered):
            continue
        for m in rx.finditer(text):
            if m.end() > m.start():
                found.append((m.start(), m.end(), order, name, m, handler))
    # longest match first at each start; then pattern priority; keep non-overlapping
    found.sort(key=lambda c: (-(c[1] - c[0]), c[0], c[2]))
    chosen: list[tuple[int, int, str, re.Match, Handler]] = []
    taken: list[tuple[int, int]] = []
    for start, end, _order, name, m, handler in found:
        if any(start < e and s < end for s, e in taken):
            continue
        taken.append((start, end))
        chosen.append((start, end, name, m, handler))
    return tuple(sorted(chosen, key=lambda c: c[0]))
