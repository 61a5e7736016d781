"""Whatever mix of real lines a file holds, ingest either loads it consistently or raises
one InputError naming it."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.ingest import load_article
from tests.ingest.conftest import HARBOUR, SEED_000, SEED_002

LINES = sorted(
    {
        line
        for path in (SEED_000, SEED_002, HARBOUR / "001_coastal-wire.txt", HARBOUR / "005_bom-bulletin.txt")
        for line in path.read_text("utf-8-sig").splitlines()
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(st.sampled_from(LINES), min_size=1, max_size=12), crlf=st.booleans())
# found by this test: wrapped lines joined into one paragraph kept a reading time and a comment link
@example(lines=["(Reporting by Jane Okafor; Editing by Mark Ellison)", "4 min read", "Leave a comment"], crlf=False)
def test_any_mix_of_real_lines_loads_consistently(lines, crlf):
    sep = "\r\n" if crlf else "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "mix.txt"
        path.write_text(sep.join(lines), encoding="utf-8")
        try:
            article = load_article(path, "s1")
        except InputError as err:
            assert err.format_message().startswith(f"{path}: ")
            return
    assert article.title and "\n" not in article.title
    assert article.text == "\n\n".join(b.text for b in article.blocks)
    for block in article.blocks:
        assert block.text and block.text == block.text.strip()
        assert article.text[block.start : block.start + len(block.text)] == block.text
        assert (block.kind == "post") == (block.attribution is not None)
    assert "pic.twitter.com" not in article.text and "Leave a comment" not in article.text
    assert any(b.kind != "subhead" for b in article.blocks)
