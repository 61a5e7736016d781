"""Sharded runs: ``generate --shard I/N`` on each of N copies, then ``--assemble`` on the union.

The sets are the seed set, tests/data/sets/harbour-strike and the invented story sets of
tests/data/stories (two consecutive events of one story and an unrelated set), so a story
links briefings that two different shards build. Each shard writes into a folder of its
own, as a CI runner would; their files are then copied into one folder and assembled. The
result must be byte for byte what one unsharded run writes.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.pipeline import assemble, generate
from generator.pipeline.progress import Reporter
from generator.pipeline.shard import Shard, shard_number
from tests.conftest import DATA, ROOT, SEEDS

SEED, STRIKE = "rutte-erdogan-ankara", "harbour-strike"
FIRST, SECOND, OTHER = "bridge-vote-called", "bridge-vote-held", "ferry-differences"
SOURCES = {
    SEED: SEEDS / SEED,
    STRIKE: DATA / "sets" / STRIKE,
    FIRST: DATA / "stories" / "story" / FIRST,
    SECOND: DATA / "stories" / "story" / SECOND,
    OTHER: DATA / "stories" / "differences",
}
SLUGS = sorted(SOURCES)
# What a shard may write for each of its sets, relative to the briefings folder.
PER_SET = ("{}.md", ".generated/{}.md", ".generated/{}.json")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _copy_seeds(root: Path) -> Path:
    seeds = root / "seeds"
    for slug, source in SOURCES.items():
        shutil.copytree(source, seeds / slug)
    return seeds


def _put_together(start: Path | None, shard_outs: list[Path], into: Path) -> Path:
    """``start`` (the folder every shard began from) with each shard's changes applied: the
    files it wrote or changed, and the deletions it made, as the final CI job applies them."""
    before = _files(start) if start is not None else {}
    if start is not None:
        shutil.copytree(start, into)
    for out in shard_outs:
        after = _files(out)
        for path, data in after.items():
            if before.get(path) != data:
                (into / path).parent.mkdir(parents=True, exist_ok=True)
                (into / path).write_bytes(data)
        for path in before.keys() - after.keys():
            (into / path).unlink()
    return into


def _run_shards(seeds: Path, start: Path | None, root: Path, total: int, nlp) -> list[Path]:
    """Each shard on a copy of ``start`` (or an empty folder) of its own; their folders."""
    outs = []
    for index in range(1, total + 1):
        out = root / f"shard-{index}"
        if start is not None:
            shutil.copytree(start, out)
        generate(seeds, out, reporter=Reporter(), nlp=nlp, shard=Shard(index, total))
        outs.append(out)
    return outs


@pytest.fixture(scope="module")
def runs(tmp_path_factory, nlp):
    """The seeds, one unsharded run, each shard's own folder, and shards 1/2 + 2/2 assembled."""
    root = tmp_path_factory.mktemp("shard")
    seeds = _copy_seeds(root)
    whole = root / "whole"
    generate(seeds, whole, reporter=Reporter(), nlp=nlp)
    shard_outs = _run_shards(seeds, None, root, 2, nlp)
    assembled = _put_together(None, shard_outs, root / "assembled")
    assemble(assembled, reporter=Reporter())
    return seeds, whole, shard_outs, assembled


def test_the_test_sets_exercise_both_shards_and_a_story_across_them():
    owners = {slug: shard_number(slug, 2) for slug in SLUGS}
    assert set(owners.values()) == {1, 2}
    assert owners[FIRST] != owners[SECOND]  # the story's links are made across shards


@pytest.mark.parametrize("total", [1, 2, 3, 7])
def test_shards_are_disjoint_and_cover_every_set(total):
    slugs = SLUGS + [f"invented-set-{n}" for n in range(200)]
    shards = [Shard(i, total).select(slugs) for i in range(1, total + 1)]
    assert sorted(s for shard in shards for s in shard) == sorted(slugs)  # each exactly once
    if total > 1:
        assert all(len(shard) > 200 // total // 2 for shard in shards)  # no shard left idle


def test_the_split_is_the_same_in_every_interpreter():
    # Python's own hash() of a string changes with PYTHONHASHSEED; the split must not.
    code = "from generator.pipeline.shard import shard_number as n; print([n(s, 5) for s in %r])" % SLUGS
    seen = set()
    for seed in ("0", "1", "12345"):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        seen.add(done.stdout)
    assert seen == {str([shard_number(s, 5) for s in SLUGS]) + "\n"}


@pytest.mark.slow
def test_a_shard_writes_only_its_own_sets(runs):
    _, _, shard_outs, _ = runs
    for index, out in enumerate(shard_outs, start=1):
        owned = Shard(index, 2).select(SLUGS)
        expected = {f.format(slug) for slug in owned for f in PER_SET} | {".lock"}
        assert set(_files(out)) == expected  # no index, questions, actors, stories, feed…


@pytest.mark.slow
def test_shards_then_assemble_equal_one_unsharded_run_byte_for_byte(runs):
    _, whole, _, assembled = runs
    expected, got = _files(whole), _files(assembled)
    assert sorted(got) == sorted(expected)
    assert [path for path in expected if got[path] != expected[path]] == []
    assert any(path.startswith("stories/") for path in expected)  # the cross-shard story is there
    assert f"](stories/story-{FIRST}.md)" in expected[f"{SECOND}.md"].decode("utf-8")


@pytest.mark.slow
def test_assemble_never_imports_spacy(runs, tmp_path):
    _, whole, shard_outs, _ = runs
    out = _put_together(None, shard_outs, tmp_path / "briefings")
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        "try:\n"
        f"    main(['generate', '--assemble', '--out', {str(out)!r}])\n"
        "except SystemExit as exit:\n"
        "    print(exit.code, 'spacy' in sys.modules, 'thinc' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.stdout.split() == ["0", "False", "False"], done.stderr
    assert _files(out) == _files(whole)


@pytest.mark.slow
def test_hand_edits_survive_a_sharded_regeneration(runs, nlp, tmp_path):
    seeds, _, _, assembled = runs
    seeds = Path(shutil.copytree(seeds, tmp_path / "seeds"))
    start = Path(shutil.copytree(assembled, tmp_path / "start"))
    page, index = start / f"{FIRST}.md", start / "index.md"
    note = "Editor's note: the council's own minutes are still awaited.\n\n"
    page.write_text(page.read_text("utf-8").replace("## Key statements", note + "## Key statements"), "utf-8")
    index.write_text(index.read_text("utf-8") + "\nA line an editor added to the home page.\n", "utf-8")
    (seeds / FIRST / sorted(os.listdir(seeds / FIRST))[-1]).unlink()  # the set changes: rebuilt
    before = (assembled / ".generated" / f"{FIRST}.json").read_bytes()

    out = _put_together(start, _run_shards(seeds, start, tmp_path, 2, nlp), tmp_path / "assembled")
    report = assemble(out, reporter=Reporter())

    assert report.conflict_lines() == []
    # The rebuilt set carried its story from its previous record, and the story is unchanged.
    assert report.summary().startswith("assembled 5 set(s), story lines updated 0, conflicts 0, in ")
    assert (out / ".generated" / f"{FIRST}.json").read_bytes() != before  # regenerated
    text = (out / f"{FIRST}.md").read_text("utf-8")
    assert note in text and f"](stories/story-{FIRST}.md)" in text
    assert "A line an editor added to the home page." in (out / "index.md").read_text("utf-8")
    whole = Path(shutil.copytree(start, tmp_path / "whole"))
    generate(seeds, whole, reporter=Reporter(), nlp=nlp)  # the same edits, one unsharded run
    assert _files(out) == _files(whole)


@pytest.mark.slow
def test_a_removed_set_is_archived_by_its_own_shard(runs, tmp_path):
    seeds, whole, _, assembled = runs
    seeds = Path(shutil.copytree(seeds, tmp_path / "seeds"))
    shutil.rmtree(seeds / SECOND)  # the story ends: its first part loses its story line
    whole = Path(shutil.copytree(whole, tmp_path / "whole"))
    generate(seeds, whole, reporter=Reporter())  # nothing to build: no model is loaded
    start = Path(shutil.copytree(assembled, tmp_path / "start"))

    outs = _run_shards(seeds, start, tmp_path, 2, None)
    owner = outs[shard_number(SECOND, 2) - 1]
    for out in outs:
        archived = (out / ".removed" / f"{SECOND}.md").is_file()
        assert archived == (out is owner) and (out / f"{SECOND}.md").is_file() != archived
    out = _put_together(start, outs, tmp_path / "assembled")
    assert not (out / f".generated/{SECOND}.json").exists()  # the owner's deletions are applied
    assemble(out, reporter=Reporter())
    assert _files(out) == _files(whole)


@pytest.mark.slow
def test_a_shard_checks_only_its_own_sets(runs, tmp_path):
    seeds, _, _, assembled = runs
    fresh = tmp_path / "fresh"
    for index in (1, 2):
        owned = Shard(index, 2).select(SLUGS)
        report = generate(seeds, fresh, check=True, shard=Shard(index, 2), reporter=Reporter())
        assert [o.slug for o in report.outcomes] == owned
        assert report.stale == tuple(f"{fresh / slug}.md (page missing)" for slug in owned)
        done = generate(seeds, assembled, check=True, shard=Shard(index, 2), reporter=Reporter())
        assert [o.status for o in done.outcomes] == ["unchanged"] * len(owned) and done.stale == ()
    assert not fresh.exists()  # a check writes nothing


@pytest.mark.parametrize("value", ["0/2", "3/2", "2", "1/0", "-1/2", "a/b", "1/2/3", ""])
def test_a_bad_shard_is_a_one_line_usage_error(value, tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "generate", "--shard", value, "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == (f"error: --shard must be I/N with 1 <= I <= N (got {value!r}) "
                           "(see `briefing generate --help`)\n")
    assert not any(tmp_path.iterdir())  # nothing written


@pytest.mark.parametrize("extra", [["--shard", "1/2"], ["--check"], ["--force"], ["--jobs", "2"]])
def test_assemble_refuses_the_options_of_a_build(extra, tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "generate", "--assemble", *extra, "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr == (f"error: --assemble builds no set, so it takes no {extra[0]} "
                           "(see `briefing generate --help`)\n")


def test_assemble_without_a_briefings_folder_names_it(tmp_path):
    done = subprocess.run([sys.executable, "-m", "generator", "generate", "--assemble", "--out", str(tmp_path / "none")],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == (f"error: {tmp_path / 'none'}: briefings folder not found; "
                           "run `briefing generate --shard I/N` first\n")
