"""The annotated corpora `make eval` scores, found under ``EVAL_DATA``.

``EVAL_DATA`` (default ``../shared/dev``) holds the corpora; the seed gold and the official
scorers sit beside it (``$EVAL_DATA/../gold``, ``$EVAL_DATA/../scripts``). Every corpus becomes
a list of :class:`EvalSet`: a source-set folder ``briefing extract`` can read plus the gold it is
scored against. PolNeAR and GUM ship single articles, not sets, so each of their articles is
copied into a one-article set under a temporary folder.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class EvalSet:
    """One source set to extract and the gold to score it against."""

    name: str
    folder: Path
    gold: Path | None = None  # a gold file; PolNeAR articles are scored from the corpus' .ann


@dataclass
class Corpus:
    """A named group of sets scored the same way (``kind`` picks the scorer)."""

    name: str
    kind: str  # "extraction" | "polnear" | "gum"
    sets: list[EvalSet] = field(default_factory=list)
    figure: str = "f1"  # the figure the macro row is read by (MEANTIME: recall)
    root: Path | None = None


def _gold_sets(folder: Path) -> list[EvalSet]:
    """Every ``<set>.gold.yml`` in ``folder`` with its ``<set>/`` beside it."""
    out = []
    for gold in sorted(folder.glob("*.gold.yml")):
        name = gold.name[: -len(".gold.yml")]
        if (folder / name).is_dir():
            out.append(EvalSet(name, folder / name, gold))
    return out


def _seed_sets(gold_dir: Path, seeds: Path) -> list[EvalSet]:
    """The project's own seed sets that have a gold file in ``gold_dir``."""
    return [EvalSet(g.stem, seeds / g.stem, g) for g in sorted(gold_dir.glob("*.yml")) if (seeds / g.stem).is_dir()]


def _one_article_sets(files: list[Path], work: Path, corpus: str) -> list[EvalSet]:
    """Copy each article into ``work/<corpus>/<stem>/`` so ``extract`` reads it as a set."""
    out = []
    for path in files:
        # the set name becomes a slug: keep it short and plain
        stem = re.sub(r"[^a-z0-9-]+", "-", path.stem.lower()).strip("-")[:80]
        folder = work / corpus / stem
        folder.mkdir(parents=True, exist_ok=True)
        (folder / path.name).write_bytes(path.read_bytes())
        out.append(EvalSet(path.stem, folder))
    return out


def discover(eval_data: Path, work: Path) -> tuple[list[Corpus], list[str]]:
    """The corpora found under ``eval_data`` and a list of the ones that were not there."""
    root = eval_data.parent
    found: list[Corpus] = []
    missing: list[str] = []
    wanted = [
        ("seed", root / "gold"),
        ("sets", eval_data / "sets"),
        ("meantime", eval_data / "meantime"),
        ("polnear", eval_data / "polnear-dev"),
        ("gum", eval_data / "gum-news"),
    ]
    for name, path in wanted:
        if not path.is_dir():
            missing.append(f"{name} ({path})")
            continue
        if name == "seed":
            corpus = Corpus(name, "extraction", _seed_sets(path, REPO / "seeds"))
        elif name in ("sets", "meantime"):
            corpus = Corpus(name, "extraction", _gold_sets(path), "recall" if name == "meantime" else "f1")
        elif name == "polnear":
            files = sorted((path / "text").glob("*.txt"))
            corpus = Corpus(name, "polnear", _one_article_sets(files, work, name), root=path)
        else:
            files = sorted(p for p in path.glob("*.md") if (path / f"{p.stem}.gold.yml").is_file())
            sets = _one_article_sets(files, work, name)
            corpus = Corpus(name, "gum", [EvalSet(s.name, s.folder, path / f"{s.name}.gold.yml") for s in sets])
        (found if corpus.sets else missing).append(corpus if corpus.sets else f"{name} ({path}: no sets)")
    return found, missing
