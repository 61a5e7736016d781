"""Echoes of names are found by a lookup per word, the same spans one alternation of every
name finds (:func:`generator.analysis.actors.collect._name_matches`)."""
from __future__ import annotations

import re

from generator.analysis.actors.collect import _alternatives, _name_matches
from tests.conftest import DATA, SEEDS

_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*")


def _texts() -> list[str]:
    paths = sorted((DATA / "articles").glob("*.txt")) + sorted(SEEDS.glob("*/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def test_word_lookup_finds_what_the_alternation_finds():
    texts = _texts()
    names = sorted({m.group() for t in texts for m in _CAPITALISED_RUN.finditer(t) if len(m.group()) > 2})
    names += [n.split()[-1] for n in names if " " in n][:200]  # surnames, also inside longer names
    names = sorted(set(names))
    total = 0
    for text in texts:
        want = list(_alternatives(text, names))
        assert list(_name_matches(text, names)) == want
        total += len(want)
    assert total > 300


def test_invented_edge_cases():
    text = ("Dr. Mara Holt met Holt Group staff; @Holt posted. Mara Holt-Lee and M. Holt came, "
            "as did the Port Board of Vell. O'Dara spoke. Holtz did not.")
    names = ["Dr. Mara Holt", "Mara Holt", "Holt", "Holt Group", "M. Holt", "Port Board", "Port Board of Vell", "O'Dara"]
    got = list(_name_matches(text, names))
    assert got == list(_alternatives(text, names))
    assert (text.index("Holt Group"), text.index("Holt Group") + len("Holt Group")) in got
    assert all(text[s:e] != "Holt" or text[s - 1] != "@" for s, e in got)
    odd = ["(Holt)", "Holt"]  # a name that starts with no word character: the alternation decides
    assert list(_name_matches("He said (Holt) and Holt.", odd)) == list(_alternatives("He said (Holt) and Holt.", odd))
