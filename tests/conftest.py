"""Shared fixtures: the spaCy pipeline (loaded once per test session) and paths."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"
GUM = SHARED / "dev" / "gum-news"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    from generator.analysis.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_set_path() -> Path:
    return SEEDS / "rutte-erdogan-ankara"


def gold_scorer():
    """../shared/scripts/score_extraction.py as a module, so tests report the official figures."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("score_extraction", SHARED / "scripts" / "score_extraction.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
