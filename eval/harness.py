"""`make eval`: extract every annotated set under EVAL_DATA, score it, print tables, write JSON.

Steps:

1. find the corpora (:func:`eval.corpora.discover`); say in one line which are missing;
2. run ``briefing extract`` over all their sets in one call per worker (``--jobs``; the default
   one worker loads the model once), reading the JSON Lines as they come for the progress bar;
3. score each set with its corpus' scorer (:mod:`eval.scoring`);
4. print one table per corpus (P/R/F1 per part for each set, then the macro row) and write
   ``eval/results.json`` with the same numbers.
"""
from __future__ import annotations

import datetime as dt
import json
import queue
import subprocess
import tempfile
import threading
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from eval import scoring
from eval.corpora import Corpus, EvalSet, discover

PARTS = {"extraction": scoring.EXTRACTION_PARTS, "polnear": scoring.POLNEAR_PARTS, "gum": scoring.GUM_PARTS}


class ExtractFailed(RuntimeError):
    """``briefing extract`` exited non-zero; the message is its last stderr line."""


def _chunks(sets: list[EvalSet], jobs: int) -> list[list[int]]:
    """Set indexes dealt to ``jobs`` workers, largest first, so each gets a similar load."""
    size = [sum(f.stat().st_size for f in s.folder.iterdir() if f.is_file()) for s in sets]
    order = sorted(range(len(sets)), key=lambda i: -size[i])
    chunks: list[list[int]] = [[] for _ in range(max(1, min(jobs, len(sets))))]
    loads = [0] * len(chunks)
    for i in order:
        k = loads.index(min(loads))
        chunks[k].append(i)
        loads[k] += size[i]
    return [sorted(c) for c in chunks if c]


def _worker(briefing: str, sets: list[EvalSet], indexes: list[int], out: queue.Queue) -> None:
    cmd = [briefing, "extract", *(str(sets[i].folder) for i in indexes), "--format", "jsonl"]
    with tempfile.TemporaryFile(mode="w+") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=err, text=True, encoding="utf-8")
        assert proc.stdout is not None
        position = 0
        for line in proc.stdout:
            if line.strip():
                out.put((indexes[position], json.loads(line)))
                position += 1
        if proc.wait() != 0:
            err.seek(0)
            tail = [x for x in err.read().splitlines() if x.strip()][-1:] or [f"exit {proc.returncode}"]
            out.put((-1, ExtractFailed(f"briefing extract failed: {tail[0]}")))
    out.put((-2, None))


def extract_all(briefing: str, sets: list[EvalSet], jobs: int, console: Console) -> list[dict]:
    """The extract record of every set, in the order given, with a progress bar."""
    records: list[dict | None] = [None] * len(sets)
    chunks = _chunks(sets, jobs)
    results: queue.Queue = queue.Queue()
    threads = [threading.Thread(target=_worker, args=(briefing, sets, c, results), daemon=True) for c in chunks]
    for t in threads:
        t.start()
    columns = (TextColumn("extract"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    failure: Exception | None = None
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("extract", total=len(sets))
        done = 0
        while done < len(threads):
            index, item = results.get()
            if index == -2:
                done += 1
            elif index == -1:
                failure = item
            else:
                records[index] = item
                bar.advance(task)
    if failure is not None:
        raise failure
    return [r if r is not None else {} for r in records]


def score_corpus(corpus: Corpus, records: list[dict], scripts: Path) -> dict:
    """Per-set figures and the macro row of one corpus."""
    official = scoring.load_script(scripts, "score_extraction")
    rows: dict[str, dict] = {}
    if corpus.kind == "polnear":
        polnear = scoring.load_script(scripts, "polnear_score")
        gold = polnear.load_gold(corpus.root)
        preds = {s.name: r.get("statements", []) for s, r in zip(corpus.sets, records)}
        scored = [s.name for s in corpus.sets if s.name in gold]
        for name in scored:
            rows[name] = scoring.score_polnear(polnear, {name: gold[name]}, {name: preds[name]})
        total = scoring.score_polnear(polnear, {n: gold[n] for n in scored}, preds)
        return {"figure": "f1", "sets": rows, "macro": scoring.macro(rows, scoring.POLNEAR_PARTS), "total": total}
    for s, record in zip(corpus.sets, records):
        if corpus.kind == "gum":
            rows[s.name] = scoring.score_gum(official, s.gold, record)
        else:
            rows[s.name] = scoring.score_extraction(official, s.gold, record)
    result = {"figure": corpus.figure, "sets": rows, "macro": scoring.macro(rows, PARTS[corpus.kind])}
    if corpus.kind == "extraction":
        result["macro_with_gold"] = scoring.macro(rows, PARTS[corpus.kind], with_gold=True)
    if corpus.kind == "gum":
        result["total"] = scoring.micro(rows, scoring.GUM_PARTS)
    return result


NAME_WIDTH = 40  # PolNeAR file names run to 60 characters
SHORT = {"actors": "actors", "statements": "statem.", "open_questions": "questions", "timeline": "timeline"}


def _cell(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _table(corpus: Corpus, result: dict) -> Table:
    parts = PARTS[corpus.kind]
    table = Table(title=f"{corpus.name}: {len(result['sets'])} sets (macro row read by {result['figure']})",
                  title_justify="left")
    table.add_column("set", no_wrap=True, max_width=NAME_WIDTH)
    for part in parts:
        for fig in ("P", "R", "F1"):
            table.add_column(f"{SHORT.get(part, part)} {fig}", justify="right")
    if corpus.kind == "polnear":
        table.add_column("speaker acc", justify="right")

    def cells(row: dict) -> list[str]:
        out = [_cell(row[p].get(k)) for p in parts for k in ("precision", "recall", "f1")]
        if corpus.kind == "polnear":
            out.append(_cell(row.get("speaker_accuracy"), 3))
        return out

    for name, row in result["sets"].items():
        table.add_row(name[:NAME_WIDTH], *cells(row))
    table.add_section()
    table.add_row(f"MACRO ({len(result['sets'])})", *cells(result["macro"]), style="bold")
    if "macro_with_gold" in result and result["macro_with_gold"] != result["macro"]:
        table.add_row("MACRO (sets with gold)", *cells(result["macro_with_gold"]), style="bold")
    if "total" in result:
        table.add_row("ALL (micro)", *cells(result["total"]), style="bold")
    return table


def run(eval_data: Path, briefing: str, *, jobs: int = 1, out: Path | None = None,
        console: Console | None = None, only: tuple[str, ...] = ()) -> dict:
    """Extract, score and report every corpus found under ``eval_data``; the results as a dict."""
    console = console or Console(stderr=True)
    report = Console() if Console().is_terminal else Console(width=200)  # tables to stdout
    with tempfile.TemporaryDirectory(prefix="briefing-eval-") as tmp:
        corpora, missing = discover(eval_data, Path(tmp))
        corpora = [c for c in corpora if not only or c.name in only]
        if missing:
            console.print(f"missing corpora: {'; '.join(missing)}")
        sets = [s for c in corpora for s in c.sets]
        records = extract_all(briefing, sets, jobs, console) if sets else []
    results: dict = {"date": dt.date.today().isoformat(), "eval_data": str(eval_data),
                     "missing": missing, "corpora": {}}
    position = 0
    for corpus in corpora:
        chunk = records[position: position + len(corpus.sets)]
        position += len(corpus.sets)
        results["corpora"][corpus.name] = score_corpus(corpus, chunk, eval_data.parent / "scripts")
        report.print(_table(corpus, results["corpora"][corpus.name]))
    if out is not None:
        out.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return results
