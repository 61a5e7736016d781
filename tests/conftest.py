"""Shared fixtures: the spaCy pipeline (loaded once per test session) and paths.

Everything a unit test reads lives in the repository (``seeds/``, ``tests/data/``). Figures
against external annotations are an evaluation: tests marked ``quality`` read them from
``EVAL_DATA`` (default ``../shared/dev``; the seed gold and the official scorers sit beside it,
in ``$EVAL_DATA/../gold`` and ``$EVAL_DATA/../scripts``) and skip, with one reason, when it is
not there.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DATA = Path(__file__).resolve().parent / "data"
GUM = DATA / "gum"  # the GUM Wikinews texts (CC BY 2.5, see data/gum/NOTICE.md)
GUM_FILES = sorted(p for p in GUM.glob("*.md") if p.name != "NOTICE.md")  # the 24 articles

EVAL_DATA = Path(os.environ.get("EVAL_DATA") or ROOT.parent / "shared" / "dev").resolve()
GUM_GOLD = EVAL_DATA / "gum-news"  # GUM's date and quote annotations (CC BY 4.0)
SEED_GOLD = EVAL_DATA.parent / "gold" / "rutte-erdogan-ankara.yml"
SCRIPTS = EVAL_DATA.parent / "scripts"
NO_EVAL_DATA = f"evaluation data not found at {EVAL_DATA}; set EVAL_DATA"


def eval_data_present() -> bool:
    """The annotated corpora, the seed gold and the official scorers are all there."""
    return EVAL_DATA.is_dir() and SEED_GOLD.is_file() and (SCRIPTS / "score_extraction.py").is_file()


def pytest_collection_modifyitems(config, items):
    """Tests marked ``quality`` need the evaluation data; without it they skip with one reason."""
    if eval_data_present():
        return
    skip = pytest.mark.skip(reason=NO_EVAL_DATA)
    for item in items:
        if item.get_closest_marker("quality"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    from generator.analysis.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_set_path() -> Path:
    return SEEDS / "rutte-erdogan-ankara"


def gold_scorer():
    """The official score_extraction.py as a module, so tests report the official figures."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extraction", SCRIPTS / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
