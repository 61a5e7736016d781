"""``make bench``: speed, size and memory of the whole path at newsroom scale, in one run.

Steps (each command runs in its own process, timed and measured for peak memory):

1. make a corpus of ``--sets`` sets × ``--per-set`` articles (:mod:`bench.corpus`);
2. raw spaCy: a process that loads the pipeline and runs ``nlp.pipe`` over the corpus text;
3. ``briefing generate`` with ``--jobs 1`` and with ``--jobs 2`` (fresh output folders);
4. a no-op regeneration, then one after one article changed;
5. ``briefing build`` (MkDocs over the generated pages): wall time, site and search-index size;
   then ``briefing build --engine zensical`` over the same pages, measured the same way;
6. a plain flat-navigation ``mkdocs build`` of as many 600-word pages, for reference.

Prints a table and writes ``bench/results.json``. Timings are one run on a shared machine:
read the ratios, not the seconds. Nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.corpus import REPO, write_corpus, words

# Runs a command and reports its wall time and the peak RSS of it and its children.
_WRAPPER = """
import json, resource, subprocess, sys, time
start = time.perf_counter()
rc = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write(json.dumps({"seconds": seconds, "peak_kb": peak, "rc": rc}))
"""
_RAW_NLP = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from bench.corpus import _body
from generator.analysis.nlp import load_pipeline
nlp = load_pipeline()
texts = [_body(p) for p in sorted(Path(sys.argv[1]).glob("*/*.md"))]
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


@dataclass
class Step:
    """One measured command."""

    name: str
    seconds: float
    peak_mb: float
    ok: bool


def measure(name: str, cmd: list[str], cwd: Path) -> Step:
    """Run ``cmd`` in a wrapper process; its wall time and peak memory."""
    with tempfile.NamedTemporaryFile("r", suffix=".json") as out:
        subprocess.run([sys.executable, "-c", _WRAPPER, out.name, *cmd], cwd=cwd, check=False)
        data = json.loads(Path(out.name).read_text() or "{}")
    step = Step(name, round(data.get("seconds", 0.0), 2), round(data.get("peak_kb", 0) / 1024, 1), data.get("rc") == 0)
    print(f"  {name}: {step.seconds:.1f} s, {step.peak_mb:.0f} MB{'' if step.ok else '  FAILED'}", file=sys.stderr)
    return step


def _size_mb(path: Path) -> float:
    if path.is_file():
        return round(path.stat().st_size / 2**20, 2)
    return round(sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20, 2) if path.exists() else 0.0


def _project(root: Path, seeds: Path) -> Path:
    """A project folder for `briefing build`: mkdocs.yml, overrides/, seeds/."""
    project = root / "project"
    project.mkdir()
    shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(REPO / "overrides", project / "overrides")
    (project / "seeds").symlink_to(seeds)
    return project


def _flat_site(root: Path, pages: int) -> Path:
    """A plain MkDocs + Material project of ``pages`` 600-word pages with the default flat nav."""
    flat = root / "flat"
    docs = flat / "docs"
    docs.mkdir(parents=True)
    para = " ".join(f"word{i % 97}" for i in range(100))
    for i in range(pages):
        (docs / f"page-{i:05d}.md").write_text(f"# Page {i}\n\n" + "\n\n".join([para] * 6) + "\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    (flat / "mkdocs.yml").write_text("site_name: Flat\ntheme:\n  name: material\n  font: false\nplugins:\n  - search\n")
    return flat


def run(sets: int, per_set: int, flat_pages: int) -> dict:
    """Every measurement of one bench run, as a dict (also the content of results.json)."""
    bindir = Path(sys.executable).parent
    briefing = str(bindir / "briefing")
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        folders = write_corpus(seeds, sets, per_set)
        n_words = words(folders)
        print(f"corpus: {sets} sets × {per_set} articles, {n_words:,} words", file=sys.stderr)
        project = _project(root, seeds)
        out = project / "briefings"
        steps = {
            "raw_nlp": measure("raw nlp.pipe", [sys.executable, "-c", _RAW_NLP, str(seeds), str(REPO)], root),
            "generate_j1": measure("generate --jobs 1", [briefing, "generate", "--seeds", str(seeds), "--out", str(out)], project),
            "generate_j2": measure("generate --jobs 2", [briefing, "generate", "--seeds", str(seeds), "--out", str(root / "out2"), "--jobs", "2"], project),
            "noop": measure("no-op generate", [briefing, "generate", "--seeds", str(seeds), "--out", str(out)], project),
        }
        changed = sorted(folders[0].glob("*.md"))[0]
        changed.write_text(changed.read_text(encoding="utf-8") + "\nOfficials said more details would follow.\n", encoding="utf-8")
        steps["one_changed"] = measure("one article changed", [briefing, "generate", "--seeds", str(seeds), "--out", str(out)], project)
        steps["build"] = measure("briefing build", [briefing, "build", "--seeds", str(seeds), "--out", str(out)], project)
        site = project / "site"
        site_pages = sum(1 for _ in site.rglob("*.html"))
        sizes = {"site_mb": _size_mb(site), "search_index_mb": _size_mb(site / "search" / "search_index.json"),
                 "site_pages": site_pages, "briefings": sets}
        steps["build_zensical"], sizes["zensical"] = zensical_build_step(briefing, project, seeds, out)
        flat = _flat_site(root, flat_pages)
        steps["flat_mkdocs"] = measure(f"flat-nav mkdocs build ({flat_pages} pages)",
                                       [str(bindir / "mkdocs"), "build", "-q"], flat)
    return _results(steps, sizes, n_words, sets * per_set, flat_pages)


def zensical_build_step(briefing: str, project: Path, seeds: Path, out: Path) -> tuple[Step, dict]:
    """``briefing build --engine zensical`` over the pages the MkDocs build just published.

    Run after the MkDocs step (whose sizes are read first: both write ``site/``), so its
    generation has nothing to do and the two builds compare the engines alone. Zensical
    writes its search index to ``search.json`` at the site root.
    """
    step = measure("briefing build --engine zensical",
                   [briefing, "build", "--engine", "zensical", "--seeds", str(seeds), "--out", str(out)], project)
    site = project / "site"
    return step, {"site_mb": _size_mb(site), "search_index_mb": _size_mb(site / "search.json"),
                  "site_pages": sum(1 for _ in site.rglob("*.html"))}


def _results(steps: dict[str, Step], sizes: dict, n_words: int, articles: int, flat_pages: int) -> dict:
    def wps(step: str) -> float:
        return round(n_words / steps[step].seconds, 1) if steps[step].seconds else 0.0

    per_page = steps["build"].seconds / max(1, sizes["site_pages"])
    flat_per_page = steps["flat_mkdocs"].seconds / max(1, flat_pages)
    ratios = {
        "generate_j1_vs_raw": round(wps("generate_j1") / wps("raw_nlp"), 2) if wps("raw_nlp") else None,
        "generate_j2_vs_j1": round(wps("generate_j2") / wps("generate_j1"), 2) if wps("generate_j1") else None,
        "build_per_page_vs_flat": round(per_page / flat_per_page, 2) if flat_per_page else None,
        "build_zensical_vs_mkdocs": _ratio(steps.get("build_zensical"), steps["build"]),
    }
    return {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "articles": articles, "words": n_words,
        "words_per_s": {k: wps(k) for k in ("raw_nlp", "generate_j1", "generate_j2")},
        "steps": {k: asdict(v) for k, v in steps.items()}, "sizes": sizes, "ratios": ratios,
    }


def table(results: dict) -> str:
    """The results as a Markdown table (also bench/README.md's)."""
    rows = ["| step | seconds | peak MB | words/s |", "| --- | --- | --- | --- |"]
    for key, step in results["steps"].items():
        rate = results["words_per_s"].get(key, "")
        rows.append(f"| {step['name']} | {step['seconds']:.1f} | {step['peak_mb']:.0f} | {rate} |")
    s, r = results["sizes"], results["ratios"]
    rows += ["", f"{results['articles']} articles, {results['words']:,} words; site {s['site_pages']} pages, "
                 f"{s['site_mb']} MB, search index {s['search_index_mb']} MB.",
             _zensical_line(results),
             f"Ratios: generate --jobs 1 / raw nlp.pipe = {r['generate_j1_vs_raw']}; --jobs 2 / --jobs 1 = "
             f"{r['generate_j2_vs_j1']}; build time per page / flat-nav mkdocs per page = {r['build_per_page_vs_flat']}."]
    return "\n".join(rows)


def _ratio(step: Step | None, reference: Step) -> float | None:
    return round(step.seconds / reference.seconds, 2) if step and step.ok and reference.seconds else None


def _zensical_line(results: dict) -> str:
    z = results["sizes"].get("zensical")
    if not z:
        return "Zensical: not measured."
    return (f"Zensical: site {z['site_pages']} pages, {z['site_mb']} MB, search index {z['search_index_mb']} MB; "
            f"build time / MkDocs build time = {results['ratios'].get('build_zensical_vs_mkdocs')}.")


def main() -> int:
    """Parse the options, run the bench, print the table, write the JSON."""
    ap = argparse.ArgumentParser(prog="make bench", description=__doc__.splitlines()[0])
    ap.add_argument("--sets", type=int, default=200)
    ap.add_argument("--per-set", type=int, default=5)
    ap.add_argument("--flat-pages", type=int, default=1000, help="pages of the flat-nav reference build")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results.json")
    args = ap.parse_args()
    results = run(args.sets, args.per_set, args.flat_pages)
    print(table(results))
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    failed = [s["name"] for s in results["steps"].values() if not s["ok"]]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
