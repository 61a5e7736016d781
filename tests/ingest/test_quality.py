"""Quality figures: how much of the annotated Wikinews content survives ingest.

Every dated sentence and quoted span annotated in ``../shared/dev/gum-news/*.gold.yml``
must still be in the cleaned text or the title (compared on letters and digits only, since
the GUM sentences are tokenised: ``" courageous achievement "``). The datelines above the
articles are metadata by design and are left out of the count.
"""
from __future__ import annotations

import re

import pytest
import yaml

from generator.ingest import load_article
from generator.ingest.dates import is_date_line
from tests.conftest import GUM_GOLD
from tests.ingest.conftest import GUM_FILES

pytestmark = pytest.mark.quality

# Annotation slips in the GUM sentences (a word or phrase typed twice), not ingest losses.
GOLD_SLIPS = (
    ("afghan", '" Seventeen years ago Seventeen years ago'),
    ("questionnaire", '" recommended it two years ago two years ago'),
    ("korea", "front on Thursday Thursday afternoon"),
    ("soccer", "from today today's game"),
)
# Dropped on purpose: the bibliography under the "Sources" heading of a Wikinews page.
BY_DESIGN = (("sensitive", "— CBC.ca"), ("sensitive", "— The Canadian Press"),
             ("sensitive", "— Toronto Star"), ("sensitive", "— Edmonton Sun"))


def _key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _excused(stem: str, span: str) -> bool:
    return any(stem == s and marker in span for s, marker in GOLD_SLIPS + BY_DESIGN)


def test_annotated_content_survives_ingest():
    kept = total = 0
    lost: list[str] = []
    for path in GUM_FILES:
        gold = yaml.safe_load((GUM_GOLD / f"{path.stem}.gold.yml").read_text("utf-8"))
        article = load_article(path, "s1")
        text, title = _key(article.text), _key(article.title)
        spans = [d["sentence"] for d in gold.get("dates", []) if not is_date_line(d["sentence"])]
        spans += gold.get("quotes", [])
        for span in spans:
            if _excused(path.stem, " ".join(span.split())):
                continue
            total += 1
            if _key(span) in text or _key(span) == title:
                kept += 1
            else:
                lost.append(f"{path.stem}: {span[:70]}")
    print(f"\ningest kept {kept}/{total} annotated dated sentences and quotes ({kept / total:.1%})")
    assert total > 200
    assert lost == []
