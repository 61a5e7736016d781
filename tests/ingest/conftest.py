"""Fixtures of the ingest tests: the seed set, the gold annotation and our own test sets."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.conftest import DATA, GUM, GUM_FILES, SEED_GOLD, SEEDS  # noqa: F401 (re-exported)

ARTICLES = DATA / "articles"
HARBOUR = ARTICLES / "harbour-strike"
FLOOD = ARTICLES / "flood-warning"
FERRY = ARTICLES / "ferry-collision"
SEED = SEEDS / "rutte-erdogan-ankara"
SEED_000 = SEED / "000_3792ea1b9c2a0a3a.txt"
SEED_002 = SEED / "002_0cbe40a24dcadabf.txt"


@pytest.fixture(scope="session")
def gold() -> dict:
    return yaml.safe_load(SEED_GOLD.read_text("utf-8"))


@pytest.fixture(scope="session")
def seed_set():
    from generator.ingest import load_source_set

    return load_source_set(SEED)


@pytest.fixture(scope="session")
def harbour_set():
    from generator.ingest import load_source_set

    return load_source_set(HARBOUR)


def by_file(source_set, name: str):
    return next(a for a in source_set.articles if a.file == name)


def copy_into(folder: Path, *files: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for f in files:
        (folder / f.name).write_bytes(f.read_bytes())
    return folder
