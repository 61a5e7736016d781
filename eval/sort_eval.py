"""``make eval-sort``: how well ``briefing sort`` recovers events and sets from a pile.

Two piles, both scored with the official ``score_clusters.py`` (pairwise and B³):

- ECB+ (``$EVAL_DATA/ecbplus/``, 772 articles, 66 events, two look-alike events per topic),
  sorted whole, and each half of its topics (odd- and even-ranked topic numbers) sorted on
  its own the way the held-back test topics are: one configuration, no tuning per pile;
- a pile of every dev set (``$EVAL_DATA/sets/*/*.md``, 8 sets × 4 articles) copied into one
  inbox under shuffled names (``item_NN.md``), so file names carry nothing.

Each pile is sorted by the real command (``briefing sort INBOX --format tsv``); an article
that fits no set is absent from the TSV and so scored as a singleton.

Usage: python -m eval.sort_eval [--eval-data DIR] [--briefing CMD] [--json FILE]
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _scorer(scripts: Path):
    spec = importlib.util.spec_from_file_location("score_clusters", scripts / "score_clusters.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def sort_tsv(briefing: list[str], inbox: Path) -> tuple[dict[str, str], float]:
    """``file → proposed set`` from ``briefing sort INBOX --format tsv``, and the seconds it took."""
    start = time.monotonic()
    done = subprocess.run([*briefing, "sort", str(inbox), "--format", "tsv"], capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"briefing sort {inbox} failed: {done.stderr.strip()}")
    pairs = [line.split("\t") for line in done.stdout.splitlines() if line and not line.startswith("#")]
    return {file: slug for file, slug in pairs}, time.monotonic() - start


def _figures(result: dict, seconds: float, n: int) -> dict:
    pw, b3 = result["pairwise"], result["b3"]
    return {
        "articles": n, "gold": result["gold_clusters"], "predicted": result["predicted_clusters"],
        "pairwise": {k: round(pw[k], 3) for k in ("precision", "recall", "f1")},
        "b3": {k: round(b3[k], 3) for k in ("precision", "recall", "f1")},
        "seconds": round(seconds, 1),
    }


def ecbplus(data: Path, scorer, briefing: list[str], work: Path) -> dict[str, dict]:
    """Event-level figures for all ECB+ topics and for each half sorted on its own."""
    rows = scorer.read_tsv(data / "groups.tsv", 3)
    topics = sorted({r[1] for r in rows}, key=int)
    halves = {"all topics": set(topics), "half A (odd ranks)": set(topics[0::2]), "half B (even ranks)": set(topics[1::2])}
    out = {}
    for name, chosen in halves.items():
        inbox = work / f"ecb-{len(out)}"
        inbox.mkdir()
        files = [r[0] for r in rows if r[1] in chosen]
        for file in files:
            shutil.copy(data / "articles" / file, inbox / file)
        predicted, seconds = sort_tsv(briefing, inbox)
        gold = {scorer.norm_name(r[0]): r[2] for r in rows if r[1] in chosen}
        pred = {scorer.norm_name(f): s for f, s in predicted.items()}
        out[name] = _figures(scorer.score(gold, pred), seconds, len(files))
    return out


def dev_pile(sets: Path, scorer, briefing: list[str], work: Path, seed: int = 15) -> dict:
    """Set-level figures for every dev set mixed into one inbox under shuffled names."""
    files = sorted(sets.glob("*/*.md"))
    order = list(range(len(files)))
    random.Random(seed).shuffle(order)
    inbox = work / "pile"
    inbox.mkdir()
    gold = {}
    for number, index in enumerate(order, start=1):
        name = f"item_{number:02d}.md"
        shutil.copy(files[index], inbox / name)
        gold[scorer.norm_name(name)] = files[index].parent.name
    predicted, seconds = sort_tsv(briefing, inbox)
    pred = {scorer.norm_name(f): s for f, s in predicted.items()}
    return _figures(scorer.score(gold, pred), seconds, len(files))


def evaluate(data: Path, briefing: list[str]) -> dict:
    """Both piles' figures: ``{"ecbplus (event level)": {part: figures}, "dev-set pile": figures}``."""
    scorer = _scorer(data.parent / "scripts")
    with tempfile.TemporaryDirectory() as tmp:
        results = {"ecbplus (event level)": ecbplus(data / "ecbplus", scorer, briefing, Path(tmp))}
        results["dev-set pile"] = dev_pile(data / "sets", scorer, briefing, Path(tmp))
    return results


def _print(name: str, f: dict) -> None:
    pw, b3 = f["pairwise"], f["b3"]
    print(
        f"{name:28s} {f['articles']:4d} art. {f['gold']:3d} gold {f['predicted']:3d} pred | "
        f"B3 P {b3['precision']:.3f} R {b3['recall']:.3f} F1 {b3['f1']:.3f} | "
        f"pairwise P {pw['precision']:.3f} R {pw['recall']:.3f} F1 {pw['f1']:.3f} | {f['seconds']:.1f} s"
    )


def main() -> int:
    """Sort both piles, print one line per pile, optionally write the figures as JSON."""
    ap = argparse.ArgumentParser(prog="make eval-sort", description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-data", type=Path, default=Path(os.environ.get("EVAL_DATA") or REPO.parent / "shared" / "dev"))
    ap.add_argument("--briefing", default=str(REPO / ".venv" / "bin" / "briefing"), help="the briefing command")
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args()
    data = args.eval_data.resolve()
    scripts = data.parent / "scripts"
    if not (data / "ecbplus" / "groups.tsv").is_file() or not (scripts / "score_clusters.py").is_file():
        print(f"evaluation data not found at {data} (ecbplus/ and ../scripts/score_clusters.py); set EVAL_DATA", file=sys.stderr)
        return 1
    results = evaluate(data, [args.briefing])
    for corpus, figures in results.items():
        if "articles" in figures:
            _print(corpus, figures)
            continue
        for part, f in figures.items():
            _print(f"ecbplus {part}", f)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
