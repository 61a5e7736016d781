"""A realistic benchmark corpus: N source sets of K articles, made from the repository's articles.

The articles come from ``seeds/`` and ``tests/data/`` (our own test articles and the GUM
Wikinews texts, CC BY 2.5). Every set gets its own names, numbers and dates, so no set is a
copy of another and nothing can be cached across sets: capitalised words outside a small list
of sentence words are renamed consistently inside the set (names stay names, so the NER still
sees people and organisations), numbers are scaled, years shifted, and each article gets a
publication date and an outlet of its own. Deterministic: the same N, K and seed give the same
bytes.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Capitalised words that are sentence furniture, not names: renaming them would make the
# text unreadable to the parser. Months and weekdays stay so relative dates still resolve.
KEEP = frozenset(
    """The A An In On At For And But Or Of To By From With As It Its He She They We I His Her
    Their Our This That These Those There Here When Where While After Before Since Until If
    Mr Mrs Ms Dr President Minister Prime Secretary General Chief Officer Spokesman
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Today Yesterday Tomorrow""".split()
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})*(?:\.\d+)?\b")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_SYLLABLES = ("ka", "lo", "ri", "ven", "dor", "mi", "sa", "tel", "bru", "nar", "os", "quin", "ze", "ha", "pel")


def source_articles(repo: Path = REPO) -> list[Path]:
    """The plain-text and Markdown articles the corpus is made from, in a stable order."""
    roots = [repo / "seeds", repo / "tests" / "data" / "articles", repo / "tests" / "data" / "gum"]
    found = [p for root in roots for p in root.rglob("*") if p.suffix in (".txt", ".md") and p.name != "NOTICE.md"]
    return sorted(found)


def _body(path: Path) -> str:
    """The article text without front matter."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        parts = text.split("---", 2)
        if len(parts) == 3:
            return parts[2].strip()
    return text.strip()


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _vary(text: str, rng: random.Random, names: dict[str, str], year_shift: int) -> str:
    """Rename capitalised words (consistently, via ``names``), scale numbers, shift years."""
    text = _CAPITALISED.sub(lambda m: m.group(0) if m.group(0) in KEEP else names.setdefault(m.group(0), _name(rng)), text)
    text = _YEAR.sub(lambda m: str(int(m.group(0)) + year_shift), text)
    factor = rng.choice((2, 3, 5, 7))
    return _NUMBER.sub(lambda m: _scaled(m.group(0), factor), text)


def _scaled(number: str, factor: int) -> str:
    if len(number) == 4 and number.isdigit():  # a year left by _YEAR: keep it
        return number
    digits = number.replace(",", "")
    value = float(digits) * factor if "." in digits else int(digits) * factor
    return f"{value:,}" if "," in number else str(value)


def write_corpus(out: Path, sets: int = 200, per_set: int = 5, seed: int = 7) -> list[Path]:
    """Write ``sets`` folders of ``per_set`` Markdown articles under ``out``; return the folders."""
    pool = source_articles()
    folders = []
    for i in range(sets):
        rng = random.Random(seed * 100_003 + i)
        names: dict[str, str] = {}
        year_shift = rng.randint(-3, 3)
        day = dt.date(2024, 1, 1) + dt.timedelta(days=(i * 3) % 700)
        folder = out / f"set-{i + 1:04d}"
        folder.mkdir(parents=True, exist_ok=True)
        for k, path in enumerate(rng.sample(pool, min(per_set, len(pool)))):
            body = _vary(_body(path), rng, names, year_shift)
            headline = body.splitlines()[0][:120] if body else f"Article {k + 1}"
            outlet = _name(rng) + " " + rng.choice(("Times", "Post", "Wire", "Herald", "News"))
            published = day + dt.timedelta(days=k // 2)
            front = f"---\ntitle: {json.dumps(headline)}\noutlet: {outlet}\npublished: '{published.isoformat()}'\n---\n\n"
            (folder / f"{k + 1:02d}_{outlet.split()[0].lower()}.md").write_text(front + body + "\n", encoding="utf-8")
        folders.append(folder)
    return folders


def write_one_set(out: Path, articles: int, seed: int = 7) -> Path:
    """Write one set of ``articles`` Markdown articles under ``out``; return its folder.

    The pool is cycled, every article with names, numbers and years of its own, so no two
    articles are the same text and the names of the set grow with it (the hardest case for
    the steps that compare names); twenty articles a day.
    """
    pool = source_articles()
    folder = out / f"one-set-{articles:05d}"
    folder.mkdir(parents=True, exist_ok=True)
    day = dt.date(2024, 1, 1)
    for k in range(articles):
        rng = random.Random(seed * 100_003 + k)
        names: dict[str, str] = {}
        path = pool[k % len(pool)]
        body = _vary(_body(path), rng, names, rng.randint(-3, 3))
        headline = body.splitlines()[0][:120] if body else f"Article {k + 1}"
        outlet = _name(rng) + " " + rng.choice(("Times", "Post", "Wire", "Herald", "News"))
        published = day + dt.timedelta(days=k // 20)
        front = f"---\ntitle: {json.dumps(headline)}\noutlet: {outlet}\npublished: '{published.isoformat()}'\n---\n\n"
        (folder / f"{k + 1:05d}_{outlet.split()[0].lower()}.md").write_text(front + body + "\n", encoding="utf-8")
    return folder


def words(folders: list[Path]) -> int:
    """Words of article text in the corpus (what the NLP pipeline reads)."""
    return sum(len(_body(p).split()) for f in folders for p in sorted(f.glob("*.md")))
