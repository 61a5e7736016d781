"""``briefing sort`` on an inbox of invented articles (tests/data/collect/): three events,
three articles each, one article that fits none — under shuffled file names."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from generator.collect.similarity import SortSettings, cluster, name_terms, number_terms
from generator.collect.sort import propose, read_inbox
from tests.collect.test_add import briefing
from tests.conftest import DATA

INBOX = DATA / "collect" / "inbox"
EVENTS = {"ferry": {"ferry_1.txt", "ferry_2.txt", "ferry_3.md"}, "mayor": {"mayor_1.md", "mayor_2.md", "mayor_3.md"},
          "rovers": {"rovers_1.txt", "rovers_2.txt", "rovers_3.html"}}


def shuffled_inbox(tmp_path: Path, seed: int) -> dict[str, str]:
    """Copy the inbox under meaningless names; ``new name → original name``."""
    files = sorted(p for p in INBOX.iterdir())
    random.Random(seed).shuffle(files)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    names = {}
    for n, path in enumerate(files, start=1):
        name = f"{n:02d}{path.suffix}"
        shutil.copy(path, inbox / name)
        names[name] = path.name
    return names


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_events_are_recovered_whatever_the_file_names(tmp_path, seed):
    names = shuffled_inbox(tmp_path, seed)
    proc = briefing("sort", str(tmp_path / "inbox"), "--format", "tsv")
    assert proc.returncode == 0, proc.stderr
    rows = [line.split("\t") for line in proc.stdout.splitlines() if not line.startswith("#")]
    groups: dict[str, set[str]] = {}
    for file, slug in rows:
        groups.setdefault(slug, set()).add(names[file])
    assert sorted(groups.values(), key=sorted) == sorted(EVENTS.values(), key=sorted)
    assert sorted(groups) == ["calloway-brenmoor", "feliks-ashford-town", "tarsk-veldhaven"]
    unsorted = [line.removeprefix("# no set: ") for line in proc.stdout.splitlines() if line.startswith("#")]
    assert [names[f] for f in unsorted] == ["festival.txt"]


def test_the_text_proposal_lists_each_set_and_what_stays(tmp_path):
    shutil.copytree(INBOX, tmp_path / "inbox")
    proc = briefing("sort", str(tmp_path / "inbox"), "--into", "seeds")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert lines[0] == "seeds/tarsk-veldhaven/  (3 articles): Ferry Saga Nordlys runs aground off Tarsk, 212 passengers taken ashore"
    assert "seeds/calloway-brenmoor/  (3 articles, 2031-05-12 to 2031-05-13): Calloway mayor Priya Whitlock resigns after housing fund audit" in lines
    assert lines[-2:] == ["stays in the inbox (1 article(s) fit no set):", "  festival.txt  Morrow Bay jazz festival opens with record crowd"]


def test_apply_moves_the_sets_and_writes_set_yml(tmp_path):
    shutil.copytree(INBOX, tmp_path / "inbox")
    (tmp_path / "seeds" / "tarsk-veldhaven").mkdir(parents=True)  # a name already taken
    sources = {"articles": {"rovers_3.html": {"url": "https://sport.example/rovers", "published": "2031-04-06"}}}
    (tmp_path / "inbox" / "sources.yml").write_text(yaml.safe_dump(sources), encoding="utf-8")
    proc = briefing("sort", "inbox", "--into", "seeds", "--apply", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    seeds = tmp_path / "seeds"
    assert sorted(p.name for p in seeds.iterdir()) == ["calloway-brenmoor", "feliks-ashford-town", "tarsk-veldhaven", "tarsk-veldhaven-2"]
    assert sorted(p.name for p in (seeds / "tarsk-veldhaven-2").iterdir()) == ["ferry_1.txt", "ferry_2.txt", "ferry_3.md", "set.yml"]
    config = yaml.safe_load((seeds / "calloway-brenmoor" / "set.yml").read_text(encoding="utf-8"))
    assert config == {"title": "Calloway mayor Priya Whitlock resigns after housing fund audit"}
    moved = yaml.safe_load((seeds / "feliks-ashford-town" / "sources.yml").read_text(encoding="utf-8"))
    assert moved["articles"] == sources["articles"]
    assert sorted(p.name for p in (tmp_path / "inbox").iterdir()) == ["festival.txt", "sources.yml"]
    assert yaml.safe_load((tmp_path / "inbox" / "sources.yml").read_text(encoding="utf-8"))["articles"] == {}
    assert "moved into seeds/feliks-ashford-town/" in proc.stderr


def test_an_applied_set_is_a_source_set_ingest_reads(tmp_path):
    from generator.ingest import load_source_set

    shutil.copytree(INBOX, tmp_path / "inbox")
    assert briefing("sort", "inbox", "--apply", cwd=tmp_path).returncode == 0
    source_set = load_source_set(tmp_path / "seeds" / "feliks-ashford-town")
    assert source_set.title == "Feliks out at Rovers as Strand acts on slump"  # set.yml: the most central headline
    assert len(source_set.articles) == 3


def test_unrelated_articles_stay_apart():
    articles, unreadable = read_inbox(INBOX)
    assert unreadable == []
    one_each = [a for a in articles if a.file in ("ferry_1.txt", "mayor_1.md", "rovers_1.txt", "festival.txt")]
    proposal = propose(one_each)
    assert proposal.sets == () and [a.file for a in proposal.unsorted] == sorted(a.file for a in one_each)


def test_articles_dated_far_apart_never_share_a_set():
    import datetime as dt

    text = "Engineers closed the Varn bridge in Ostbrook after cracks were found, said Mira Kalden of the roads office."
    near, far = dt.date(2026, 3, 1), dt.date(2026, 6, 1)
    assert cluster([text, text], [near, near]) == [0, 0]
    assert cluster([text, text], [near, far]) == [0, 1]
    assert cluster([text, text], [near, far], SortSettings(window_days=None)) == [0, 0]


def test_names_and_numbers():
    text = "Shares of Harlow-Vance rose on Monday. Then Ilse Varga beat Bram Osei 3-1 in front of 12,000 fans."
    assert name_terms(text) == ["harlow-vance", "monday", "ilse varga", "bram osei"]
    assert number_terms(text) == ["3-1", "12,000"]


def test_an_empty_or_missing_inbox(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = briefing("sort", str(tmp_path / "empty"))
    assert (proc.returncode, proc.stdout) == (0, "no set proposed: no two articles report the same event\n")
    proc = briefing("sort", str(tmp_path / "nowhere"))
    assert proc.returncode == 2 and "does not exist" in proc.stderr


def test_an_unreadable_file_is_reported_and_stays(tmp_path):
    inbox = tmp_path / "inbox"
    shutil.copytree(INBOX, inbox)
    (inbox / "broken.md").write_text("---\ntitle: [unclosed\n---\n\nText.\n", encoding="utf-8")
    proc = briefing("sort", str(inbox), "--format", "tsv")
    assert proc.returncode == 0
    assert proc.stderr.startswith(f"unreadable: {inbox / 'broken.md'}: ")
    assert "broken.md" not in proc.stdout
