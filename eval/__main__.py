"""``python -m eval``: the `make eval` entry point (see eval/README.md)."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from eval.corpora import REPO
from eval.harness import ExtractFailed, run


def main() -> int:
    """Parse the options, run the evaluation, exit 1 when extraction fails or nothing was found."""
    ap = argparse.ArgumentParser(prog="make eval", description="Score extraction on every annotated corpus.")
    ap.add_argument("--eval-data", type=Path, default=Path(os.environ.get("EVAL_DATA") or REPO.parent / "shared" / "dev"),
                    help="folder of the annotated corpora (default: $EVAL_DATA or ../shared/dev)")
    ap.add_argument("--briefing", default=str(REPO / ".venv" / "bin" / "briefing"), help="the briefing command")
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("EVAL_JOBS") or 1),
                    help="extract processes (each loads the model once; default 1)")
    ap.add_argument("--out", type=Path, default=REPO / "eval" / "results.json", help="where to write the figures")
    ap.add_argument("--only", action="append", default=[], help="score only this corpus (repeatable)")
    args = ap.parse_args()
    eval_data = args.eval_data.resolve()
    if not eval_data.is_dir():
        print(f"evaluation data not found at {eval_data}; set EVAL_DATA", file=sys.stderr)
        return 1
    try:
        results = run(eval_data, args.briefing, jobs=args.jobs, out=args.out, only=tuple(args.only))
    except ExtractFailed as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if not results["corpora"]:
        print("no annotated corpus found", file=sys.stderr)
        return 1
    print(f"figures written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
