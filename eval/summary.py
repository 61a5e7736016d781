"""``python -m eval.summary [results.json]``: the short Markdown table of figures for the README."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from eval.corpora import REPO

ROWS = (
    ("seed", "macro", "seed set (1), F1"),
    ("sets", "macro", "dev sets (8), macro F1"),
    ("meantime", "macro", "MEANTIME dev (62), macro recall"),
    ("meantime", "macro_with_gold", "MEANTIME dev, sets with gold for the part, macro recall"),
)


def _fig(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(results: dict) -> str:
    """Actors / statements / questions / timeline per gold corpus, then PolNeAR and GUM lines."""
    corpora = results["corpora"]
    lines = [f"Figures of {results['date']} (`eval/results.json`):", "",
             "| corpus | actors | statements | open questions | timeline |", "| --- | --- | --- | --- | --- |"]
    for name, key, label in ROWS:
        if name in corpora and key in corpora[name]:
            macro, fig = corpora[name][key], corpora[name]["figure"]
            cells = " | ".join(_fig(macro[p].get(fig)) for p in ("actors", "statements", "open_questions", "timeline"))
            lines.append(f"| {label} | {cells} |")
    if "polnear" in corpora:
        t = corpora["polnear"]["total"]
        lines += ["", f"PolNeAR dev (84 articles): direct-quote F1 {t['quotes']['f1']:.3f} "
                      f"(P {t['quotes']['precision']:.2f}, R {t['quotes']['recall']:.2f}), "
                      f"speaker accuracy {t['speaker_accuracy']:.3f}."]
    if "gum" in corpora:
        t = corpora["gum"]["total"]
        lines += [f"GUM news (24 articles): quotes found {t['quotes']['found']}/{t['quotes']['gold']} "
                  f"(recall {t['quotes']['recall']:.2f}); dates on the timeline {t['dates']['found']}/{t['dates']['gold']} "
                  f"(recall {t['dates']['recall']:.2f}, precision {t['dates']['precision']:.2f})."]
    return "\n".join(lines)


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "eval" / "results.json"
    print(table(json.loads(path.read_text(encoding="utf-8"))))
