"""Score extract records: the official scorers for gold sets and PolNeAR, and GUM's dates and quotes.

The official scripts (``score_extraction.py``, ``polnear_score.py``) are imported from the
scripts folder beside ``EVAL_DATA``, never copied, so the figures are the ones the issues name.
GUM's gold is not in the extraction format (every date expression with its value, every quoted
span without a speaker), so it is scored here with the same token overlap the official scorer
uses.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import yaml

EXTRACTION_PARTS = ("actors", "statements", "open_questions", "timeline")
POLNEAR_PARTS = ("quotes",)
GUM_PARTS = ("quotes", "dates")
QUOTE_OVERLAP = 0.6  # the official scorer's statement threshold
SENTENCE_OVERLAP = 0.5


def load_script(scripts: Path, name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as a module (it may import its siblings)."""
    import sys

    if str(scripts) not in sys.path:
        sys.path.insert(0, str(scripts))
    spec = importlib.util.spec_from_file_location(name, scripts / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def _figures(part: dict) -> dict:
    keep = ("precision", "recall", "f1", "core_recall", "gold", "predicted")
    return {k: part[k] for k in keep if k in part}


def score_extraction(official: ModuleType, gold_path: Path, record: dict) -> dict:
    """P/R/F1 (and core recall) per part, plus article titles and dates right, for one gold set."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    result = official.score(gold, record)
    out = {part: _figures(result[part]) for part in EXTRACTION_PARTS}
    out["titles"] = {k: result["titles"][k] for k in ("right", "given")}
    out["published"] = {k: result["published"][k] for k in ("right", "stated")}
    return out


def score_polnear(polnear: ModuleType, gold: dict[str, list[dict]], statements: dict[str, list[dict]]) -> dict:
    """The official PolNeAR figures (quotes P/R/F1, speaker accuracy) for the articles given."""
    result = polnear.score(gold, statements)
    return {
        "quotes": {k: result[k] for k in ("precision", "recall", "f1")},
        "speaker_accuracy": result["speaker_accuracy"],
        "speaker_scored": result["speaker_scored"],
        "gold_quotes": result["gold_quotes"],
    }


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> dict:
    """Precision, recall and F1; a figure with nothing to count is None (left out of the macro
    row), so an article without a quote neither lifts nor sinks the quote figures."""
    p = tp_pred / n_pred if n_pred else (None if not n_gold else 0.0)
    r = tp_gold / n_gold if n_gold else None
    f = 2 * p * r / (p + r) if p and r else (None if p is None or r is None else 0.0)
    out = {k: None if v is None else round(v, 3) for k, v in (("precision", p), ("recall", r), ("f1", f))}
    return {**out, "right": tp_pred, "predicted": n_pred, "found": tp_gold, "gold": n_gold}


def micro(rows: dict[str, dict], parts: tuple[str, ...]) -> dict:
    """Figures over the counts summed across sets (GUM's quotes: the share of all 84 spans)."""
    out = {}
    for part in parts:
        n = {k: sum(r[part][k] for r in rows.values()) for k in ("right", "predicted", "found", "gold")}
        out[part] = _prf(n["right"], n["predicted"], n["found"], n["gold"])
    return out


def _quote_figures(official: ModuleType, quotes: list[str], statements: list[dict]) -> dict:
    """A gold span is found when one statement holds 60% of its words; a direct statement is
    right when it overlaps a gold span that much either way."""
    said = [s.get("text", "") for s in statements]
    found = sum(1 for q in quotes if any(official.overlap(q, s) >= QUOTE_OVERLAP for s in said))
    direct = [s.get("text", "") for s in statements if s.get("kind") == "direct"]
    right = sum(
        1 for s in direct
        if any(max(official.overlap(q, s), official.overlap(s, q)) >= QUOTE_OVERLAP for q in quotes)
    )
    return _prf(right, len(direct), found, len(quotes))


def _date_value(item: dict) -> str:
    return str(item.get("when") or item.get("from") or "")


def _date_figures(official: ModuleType, dates: list[dict], timeline: list[dict]) -> dict:
    """A gold date is found when a timeline item has its value (at the gold's precision) and
    its evidence is the gold sentence; a timeline item is right when it finds some gold date."""
    gold = [(v, d["sentence"]) for d in dates if (v := _date_value(d))]

    def hit(value: str, sentence: str, event: dict) -> bool:
        return str(event.get("date", "")).startswith(value) and official.overlap(
            sentence, event.get("evidence", "")) >= SENTENCE_OVERLAP

    found = sum(1 for v, s in gold if any(hit(v, s, e) for e in timeline))
    right = sum(1 for e in timeline if any(hit(v, s, e) for v, s in gold))
    return _prf(right, len(timeline), found, len(gold))


def score_gum(official: ModuleType, gold_path: Path, record: dict) -> dict:
    """GUM quotes and dates for one article."""
    gold = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
    return {
        "quotes": _quote_figures(official, list(gold.get("quotes") or []), record.get("statements", [])),
        "dates": _date_figures(official, list(gold.get("dates") or []), record.get("timeline", [])),
    }


def macro(rows: dict[str, dict], parts: tuple[str, ...], *, with_gold: bool = False) -> dict:
    """The mean of each figure of each part over the sets (None figures left out).

    The official scorer gives a part with no gold items recall 0; ``score_sets.py`` averages
    those zeros in, and so does the default here, so the figures match it. With
    ``with_gold=True`` only the sets whose gold has items of the part count: a MEANTIME
    article whose first sentences hold no date cannot lower the timeline's recall.
    """
    out: dict[str, dict] = {}
    for part in parts:
        figures: dict[str, float] = {}
        kept = [r for r in rows.values() if not with_gold or r[part].get("gold", 1)]
        for key in ("precision", "recall", "f1", "core_recall"):
            values = [r[part][key] for r in kept if r[part].get(key) is not None]
            if values:
                figures[key] = round(sum(values) / len(values), 3)
        out[part] = figures
    return out
