"""Content hashes: what changes a set's hash and what does not."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from generator.publish.hashing import PACKAGE_DIR, Fingerprint, installed_model, set_hash
from tests.conftest import SEEDS

SEED_SET = SEEDS / "rutte-erdogan-ankara"


@pytest.fixture
def fingerprint() -> Fingerprint:
    return Fingerprint.current()


@pytest.fixture
def set_dir(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEED_SET, tmp_path / "a-set"))


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".html"))


def test_hash_is_stable_and_independent_of_folder_name(set_dir, fingerprint, tmp_path):
    first = set_hash(set_dir, fingerprint)
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 64
    assert set_hash(set_dir, fingerprint) == first
    moved = Path(shutil.copytree(set_dir, tmp_path / "other-name"))
    assert set_hash(moved, fingerprint) == first


def test_editing_an_article_changes_the_hash(set_dir, fingerprint):
    before = set_hash(set_dir, fingerprint)
    article = _articles(set_dir)[0]
    article.write_bytes(article.read_bytes() + b"\nOne more sentence.\n")
    assert set_hash(set_dir, fingerprint) != before


def test_removing_or_renaming_an_article_changes_the_hash(set_dir, fingerprint):
    before = set_hash(set_dir, fingerprint)
    first, second = _articles(set_dir)[:2]
    first.rename(first.with_name("zzz_" + first.name))
    renamed = set_hash(set_dir, fingerprint)
    assert renamed != before
    second.unlink()
    assert set_hash(set_dir, fingerprint) not in (before, renamed)


def test_crlf_checkouts_hash_like_lf_ones(set_dir, fingerprint):
    before = set_hash(set_dir, fingerprint)
    for article in _articles(set_dir):
        article.write_bytes(article.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    assert set_hash(set_dir, fingerprint) == before


def test_moving_bytes_between_files_changes_the_hash(tmp_path, fingerprint):
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, (a, b) in ((one, (b"ab", b"c")), (two, (b"a", b"bc"))):
        folder.mkdir()
        (folder / "1.txt").write_bytes(a)
        (folder / "2.txt").write_bytes(b)
    assert set_hash(one, fingerprint) != set_hash(two, fingerprint)


def test_set_yml_counts_and_hidden_files_do_not(set_dir, fingerprint):
    before = set_hash(set_dir, fingerprint)
    (set_dir / ".DS_Store").write_bytes(b"\x00\x01")
    (set_dir / ".article.txt.swp").write_text("editor swap file")
    assert set_hash(set_dir, fingerprint) == before
    (set_dir / "set.yml").write_text("title: A set title\n")
    assert set_hash(set_dir, fingerprint) != before


def test_fingerprint_covers_version_model_and_templates(set_dir, fingerprint, tmp_path):
    base = set_hash(set_dir, fingerprint)
    for change in ({"version": "9.9.9"}, {"model": "en_core_web_lg-3.8.0"}, {"shared": "0" * 64}):
        other = Fingerprint(**{**fingerprint.__dict__, **change})
        assert set_hash(set_dir, other) != base, change
    # A changed template, lexicon or code byte changes the shared part; bytecode does not.
    package = tmp_path / "package"
    shutil.copytree(PACKAGE_DIR, package, ignore=shutil.ignore_patterns("__pycache__"))
    copy = Fingerprint.current(package)
    assert copy == fingerprint
    (package / "__pycache__").mkdir(exist_ok=True)
    (package / "__pycache__" / "cli.cpython-311.pyc").write_bytes(b"\x00bytecode")
    assert Fingerprint.current(package) == fingerprint
    code = package / "condense.py"
    code.write_text(code.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert Fingerprint.current(package).shared != fingerprint.shared
    code.write_text(code.read_text("utf-8").removesuffix("\n# changed\n"), "utf-8")
    template = next(p for p in sorted((package / "render" / "templates").rglob("*")) if p.is_file())
    template.write_text(template.read_text("utf-8") + "\n", "utf-8")
    assert Fingerprint.current(package).shared != fingerprint.shared
    lexicon = next(p for p in sorted((package / "analysis/lexicons").rglob("*")) if p.is_file())
    lexicon.write_text(lexicon.read_text("utf-8") + "\nnewword\n", "utf-8")
    assert Fingerprint.current(package).shared not in (fingerprint.shared,)


def test_model_names_follow_the_pipeline_loader():
    """hashing repeats nlp.MODEL_NAMES so that it need not import spaCy; keep them equal."""
    from generator.analysis.nlp import MODEL_NAMES
    from generator.publish import hashing

    assert hashing.MODEL_NAMES == MODEL_NAMES
    model = installed_model()
    assert model != "none" and model.split("-")[0] in MODEL_NAMES


def test_model_name_matches_the_loaded_pipeline(nlp):
    assert installed_model() == nlp.meta["briefing_model"]


def test_hashing_does_not_import_spacy(tmp_path):
    import subprocess

    code = (
        "import sys; from pathlib import Path\n"
        "from generator.publish.hashing import Fingerprint, set_hash\n"
        f"set_hash(Path({str(SEED_SET)!r}), Fingerprint.current())\n"
        "assert 'spacy' not in sys.modules, 'spacy imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)
