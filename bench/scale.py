"""``make bench-site``: a site of N briefings built without the language model, measured.

The stored records of the repository's briefings (``briefings/.generated/*.json``) are
replicated N times with their own slugs, dates and names (:func:`write_briefings`): the
capitalised words of actor names are renamed, the first few actors of a record shared by a
handful of neighbouring briefings (so the site has actors in two or more briefings, as a real
one does) and the rest unique to their briefing. Each replica gets a one-file seed folder
whose input hash is stored with its page, so ``briefing build`` finds every set unchanged:
it rebuilds the cross-briefing pages from the records and runs MkDocs, which is what is
measured. A flat-navigation ``mkdocs build`` of N pages is the reference.

``briefing generate --assemble`` writes the cross-briefing pages first (a build whose sets
are all unchanged leaves them as they are); the per-page ratio counts both steps.
Prints pages, build time, per-page ratio, site and search-index size, peak memory and the
mean page size per kind. Nothing here asserts a time.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

from bench.corpus import KEEP, REPO, _name
from bench.run import _flat_site, _size_mb, measure

_DATE = re.compile(r'"(\d{4})-(\d{2})(?:-(\d{2}))?"')
_TOKEN = re.compile(r"\b[A-Z][\w’'-]{2,}")
SHARED_ACTORS = 4  # per record, the actors a group of neighbouring briefings shares
GROUP = 4  # briefings per group sharing those actors


def _records(repo: Path = REPO) -> list[dict]:
    """The stored records to replicate, in file-name order."""
    return [json.loads(p.read_text("utf-8")) for p in sorted((repo / "briefings" / ".generated").glob("*.json"))]


def _renames(record: dict, index: int) -> dict[str, str]:
    """Capitalised word → replacement; shared actors' words depend on the group only."""
    import random

    renames: dict[str, str] = {}
    taken: set[str] = set()
    for j, actor in enumerate(record["actors"]):
        key = f"g{index // GROUP}" if j < SHARED_ACTORS else f"b{index}"
        for name in [actor["name"], *actor["aliases"]]:
            for token in _TOKEN.findall(name):
                if token not in KEEP and token not in renames:
                    rng = random.Random(f"{key}:{token}")
                    new = _name(rng)
                    while new in taken:  # two words must not become one name
                        new = _name(rng)
                    taken.add(new)
                    renames[token] = new
    return renames


def _shift(match: re.Match, days: int) -> str:
    """An ISO date string (day or month precision) moved by ``days``."""
    year, month, day = int(match[1]), int(match[2]), int(match[3] or 1)
    try:
        moved = dt.date(year, month, day) + dt.timedelta(days=days)
    except ValueError:
        return match[0]
    return f'"{moved.isoformat()}"' if match[3] else f'"{moved.isoformat()[:7]}"'


def replica(record: dict, index: int) -> dict:
    """Record ``index`` of the site: renamed, moved in time, under its own slug."""
    renames = _renames(record, index)
    text = json.dumps(record, ensure_ascii=False)
    if renames:
        pattern = re.compile(r"\b(" + "|".join(sorted(map(re.escape, renames), key=len, reverse=True)) + r")\b")
        text = pattern.sub(lambda m: renames[m[0]], text)
    text = _DATE.sub(lambda m: _shift(m, (index * 5) % 900), text)
    data = json.loads(text)
    # An alias of sentence words alone ("the alliance") would survive the renaming and make
    # one actor, and one story, of every replica: drop it.
    for actor in data["actors"]:
        actor["aliases"] = [a for a in actor["aliases"] if any(t in renames.values() for t in _TOKEN.findall(a))]
    data["set"] = f"brief-{index + 1:04d}"
    data["title"] = f"{data.get('title') or 'Briefing'} ({index + 1})"
    return data


def write_briefings(project: Path, count: int) -> Path:
    """Seeds and stored briefings of ``count`` replicas under ``project``; the seeds folder."""
    from generator.merge.pages import write_set
    from generator.publish.hashing import Fingerprint, set_hash
    from generator.render.page import render_briefing
    from generator.render.record import BriefingRecord

    seeds, out = project / "seeds", project / "briefings"
    originals = _records()
    fingerprint = Fingerprint.current()
    for i in range(count):
        data = replica(originals[i % len(originals)], i)
        folder = seeds / data["set"]
        folder.mkdir(parents=True)
        (folder / "001_article.txt").write_text(f"Replica {i + 1} of a stored briefing.\n", encoding="utf-8")
        data["generator"]["hash"] = set_hash(folder, fingerprint)
        record = BriefingRecord.from_dict(data)
        write_set(out, record.set, render_briefing(record), record.to_json() + "\n")
    return seeds


def _page_kinds(site: Path) -> dict[str, dict]:
    """Count and mean size (KB) of the built pages per top folder (``briefing`` at the top)."""
    from generator.render.links import RESERVED_SLUGS

    kinds: dict[str, list[int]] = {}
    for page in sorted(site.rglob("index.html")):
        parts = page.relative_to(site).parts
        kind = parts[0] if len(parts) > 2 else "briefing"
        if len(parts) == 1 or (len(parts) == 2 and parts[0] in RESERVED_SLUGS | {"404"}):
            kind = "overview"  # the home page and the top-level listings
        kinds.setdefault(kind, []).append(page.stat().st_size)
    return {k: {"pages": len(v), "mean_kb": round(sum(v) / len(v) / 1024, 1)} for k, v in sorted(kinds.items())}


def run(count: int, flat_pages: int | None = None, keep: Path | None = None) -> dict:
    """Build the site of ``count`` briefings and the flat reference; every figure as a dict."""
    bindir = Path(sys.executable).parent
    with tempfile.TemporaryDirectory(prefix="briefing-scale-") as tmp:
        root = Path(tmp)
        project = root / "project"
        project.mkdir()
        shutil.copy(REPO / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(REPO / "overrides", project / "overrides")
        seeds = write_briefings(project, count)
        # The records are stored but no cross-briefing page exists yet: assemble writes them
        # (a build whose sets are all unchanged does not), then build publishes.
        assemble = measure("briefing generate --assemble", [str(bindir / "briefing"), "generate", "--assemble",
                                                             "--out", str(project / "briefings")], project)
        build = measure("briefing build", [str(bindir / "briefing"), "build", "--seeds", str(seeds),
                                           "--out", str(project / "briefings")], project)
        site = project / "site"
        pages = sum(1 for _ in site.rglob("*.html"))
        result = {"briefings": count, "pages": pages, "assemble": assemble.__dict__, "build": build.__dict__,
                  "site_mb": _size_mb(site), "search_index_mb": _size_mb(site / "search" / "search_index.json"),
                  "kinds": _page_kinds(site)}
        if keep:
            shutil.copytree(project, keep, dirs_exist_ok=True, symlinks=True)
        n_flat = flat_pages if flat_pages is not None else count
        if n_flat:
            flat = measure(f"flat-nav mkdocs build ({n_flat} pages)", [str(bindir / "mkdocs"), "build", "-q"],
                           _flat_site(root, n_flat))
            result["flat"] = {"pages": n_flat, **flat.__dict__}
            per_page = (assemble.seconds + build.seconds) / max(1, pages)
            flat_per_page = flat.seconds / max(1, n_flat)
            result["per_page_vs_flat"] = round(per_page / flat_per_page, 3) if flat_per_page else None
    return result


def table(r: dict) -> str:
    """The figures as Markdown (bench/README.md's site-scale table)."""
    a, b = r["assemble"], r["build"]
    rows = ["| briefings | pages | assemble s | build s | build peak MB | site MB | search index MB | per page / flat |",
            "| --: | --: | --: | --: | --: | --: | --: | --: |",
            f"| {r['briefings']} | {r['pages']} | {a['seconds']:.1f} | {b['seconds']:.1f} | {b['peak_mb']:.0f} | {r['site_mb']} | "
            f"{r['search_index_mb']} | {r.get('per_page_vs_flat')} |", ""]
    if "flat" in r:
        f = r["flat"]
        rows.append(f"Flat-nav reference: {f['pages']} pages in {f['seconds']:.1f} s, {f['peak_mb']:.0f} MB peak.")
    rows.append("Pages by kind: " + "; ".join(f"{k} {v['pages']} × {v['mean_kb']} KB" for k, v in r["kinds"].items()) + ".")
    return "\n".join(rows)


def main() -> int:
    """Parse the options, run, print the table, write the JSON."""
    ap = argparse.ArgumentParser(prog="make bench-site", description=__doc__.splitlines()[0])
    ap.add_argument("--briefings", type=int, default=1000)
    ap.add_argument("--flat-pages", type=int, default=None, help="pages of the flat reference (default: --briefings)")
    ap.add_argument("--keep", type=Path, default=None, help="copy the built project here")
    ap.add_argument("--out", type=Path, default=REPO / "bench" / "results-site.json")
    args = ap.parse_args()
    result = run(args.briefings, args.flat_pages, args.keep)
    print(table(result))
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0 if result["build"]["ok"] and result["assemble"]["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
