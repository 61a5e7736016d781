"""``briefing sort``: an inbox of unsorted articles → proposed source sets.

Every article file of the inbox is read the way ingest reads it (``.txt``, ``.md``,
``.html``); its headline, text and publication date, never its file name, decide where it
goes (:mod:`generator.collect.similarity`). Each group of two or more articles becomes a
proposed set, named after the proper names its articles share most and others lack; an
article that joins no group stays in the inbox. ``--apply`` moves each group into
``<into>/<slug>/`` with a ``set.yml``, and its ``sources.yml`` entries with it.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml
from unidecode import unidecode

from generator.collect.similarity import SortSettings, cluster, name_terms
from generator.collect.store import SOURCES_FILE, read_sources, save_sources, open_set, write_atomic
from generator.errors import InputError

_SLUG_WORDS = 4  # words in a proposed set's name, at most
_SLUG_NAMES = 2  # names it is made of, at most
# Capitalised but no names: a weekday or a month says nothing about which event it is.
_CALENDAR = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")


@dataclass(frozen=True)
class InboxArticle:
    """What sorting needs of one inbox file."""

    file: str
    title: str
    text: str
    published: dt.date | None


@dataclass(frozen=True)
class ProposedSet:
    """A group of inbox articles that report one event, with its proposed folder name."""

    slug: str
    title: str  # the headline of the article most like the others
    articles: tuple[InboxArticle, ...]


@dataclass(frozen=True)
class Proposal:
    """The proposed sets, the articles that fit none, and the files that could not be read."""

    sets: tuple[ProposedSet, ...]
    unsorted: tuple[InboxArticle, ...]
    unreadable: tuple[str, ...]  # "file: reason"


def read_inbox(inbox: Path) -> tuple[list[InboxArticle], list[str]]:
    """The readable article files of ``inbox`` (sorted by name) and one line per file that
    cannot be read.

    Raises:
        InputError: ``inbox`` is not a folder.
    """
    from generator.ingest.sources import article_files

    if not inbox.is_dir():
        raise InputError("inbox folder not found", inbox)
    articles, unreadable = [], []
    for path in article_files(inbox):
        try:
            articles.append(_read_article(path))
        except InputError as exc:
            unreadable.append(exc.format_message())
    return articles, unreadable


def _read_article(path: Path) -> InboxArticle:
    """Title, text and stated date as ingest reads them; a one-paragraph article that ingest
    rejects (its only paragraph is the headline) is read as that headline."""
    from generator.ingest.dates import is_date_line
    from generator.ingest.decode import read_text
    from generator.ingest.readers import READERS
    from generator.ingest.sources import load_article

    try:
        article = load_article(path, "s0")
    except InputError as exc:
        if "no article text left" not in str(exc):
            raise
        raw = READERS[path.suffix.lower()](path, read_text(path).text)
        text = "\n\n".join(u.text for u in raw.units)
        return InboxArticle(path.name, raw.stated.title or text[:120], text, raw.stated.published)
    # Only a stated date: one inferred from a dateline may be the date of the event itself.
    published = None if article.published_inferred else article.published
    # the date lines ingest takes out of the body still say when the story happened: two
    # reports of one event share them, two like events months apart do not
    shown = [line for line in article.removed if is_date_line(line)]
    return InboxArticle(path.name, article.title, "\n\n".join([article.text, *shown]), published)


def propose(articles: list[InboxArticle], settings: SortSettings = SortSettings(), *, taken: set[str] = frozenset()) -> Proposal:
    """Group ``articles`` and name the groups; ``taken`` holds folder names already in use."""
    texts = [f"{a.title}\n\n{a.text}" for a in articles]
    labels = cluster(texts, [a.published for a in articles], settings)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, []).append(i)
    names = [Counter(t for t in name_terms(text) if t not in _CALENDAR) for text in texts]
    everywhere = Counter(term for terms in names for term in terms)
    bags = [set(re.findall(r"\w+", t.lower())) for t in texts]
    used = set(taken)
    sets, unsorted = [], []
    for label in sorted(groups):
        members = groups[label]
        if len(members) < 2:
            unsorted.extend(articles[i] for i in members)
            continue
        slug = _unique(_slug(members, names, everywhere, articles), used)
        used.add(slug)
        title = articles[_title_article(members, bags, articles)].title
        sets.append(ProposedSet(slug, title, tuple(articles[i] for i in members)))
    return Proposal(tuple(sets), tuple(sorted(unsorted, key=lambda a: a.file)), ())


def _slug(members: list[int], names: list[Counter], everywhere: Counter, articles: list[InboxArticle]) -> str:
    """The names that most of the group's articles use and few others do (ties: the name
    mentioned most often), two at most; the headlines' words when no name is shared."""
    inside = Counter(term for i in members for term in names[i])  # articles using the name
    mentions = Counter()
    for i in members:
        mentions.update(names[i])
    rest = max(1, len(names) - len(members))
    shared = [t for t, c in inside.items() if c >= 2]

    def rank(term: str) -> tuple:
        return (-(inside[term] / len(members) - (everywhere[term] - inside[term]) / rest), -mentions[term], term)

    words: list[str] = []
    for term in sorted(shared, key=rank)[:_SLUG_NAMES] or _title_words(members, articles):
        for word in _ascii_words(term):
            if word not in words and len(words) < _SLUG_WORDS:
                words.append(word)
    return "-".join(words) or "set"


def _title_words(members: list[int], articles: list[InboxArticle]) -> list[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    counts = Counter(
        w.lower() for i in members for w in set(_TITLE_WORD.findall(articles[i].title)) if w.lower() not in ENGLISH_STOP_WORDS
    )
    return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def _ascii_words(term: str) -> list[str]:
    return [w for w in re.split(r"[^a-z0-9]+", unidecode(term).lower()) if w]


def _unique(slug: str, used: set[str]) -> str:
    candidate, n = slug, 2
    while candidate in used:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _title_article(members: list[int], bags: list[set[str]], articles: list[InboxArticle]) -> int:
    """The member whose headline names the set: a headline of four words or more (not a
    site's name taken for one), from the article whose words overlap most with the others'."""
    def centrality(i: int) -> float:
        return sum(len(bags[i] & bags[j]) / max(1, len(bags[i] | bags[j])) for j in members if j != i)

    return max(members, key=lambda i: (len(articles[i].title.split()) >= 4, centrality(i), -i))


def sort_inbox(inbox: Path, into: Path, settings: SortSettings = SortSettings()) -> Proposal:
    """Read ``inbox`` and propose sets whose names are free under ``into``.

    Raises:
        InputError: ``inbox`` is not a folder.
    """
    articles, unreadable = read_inbox(inbox)
    taken = {p.name for p in into.iterdir()} if into.is_dir() else set()
    proposal = propose(articles, settings, taken=taken)
    return Proposal(proposal.sets, proposal.unsorted, tuple(unreadable))


def apply_proposal(proposal: Proposal, inbox: Path, into: Path) -> list[Path]:
    """Move each proposed set's files from ``inbox`` into ``into/<slug>/``, write its
    ``set.yml`` and carry the files' ``sources.yml`` entries along; the new folders.

    Raises:
        InputError: a target folder already exists or a file cannot be moved.
    """
    records = read_sources(inbox / SOURCES_FILE)["articles"]
    inbox_store = open_set(inbox) if records else None
    folders = []
    for proposed in proposal.sets:
        folder = into / proposed.slug
        if folder.exists():
            raise InputError("proposed set folder already exists; run `briefing sort` again", folder)
        folder.mkdir(parents=True)
        for article in proposed.articles:
            _move(inbox / article.file, folder / article.file)
        header = "# Proposed by `briefing sort`; edit freely (see README: Adding a source set).\n"
        write_atomic(folder / "set.yml", (header + yaml.safe_dump({"title": proposed.title}, allow_unicode=True, width=1000)).encode())
        moved = [a.file for a in proposed.articles if a.file in records]
        if moved:
            target = open_set(folder)
            for file in moved:
                target.remember(file, inbox_store.articles.pop(file))
            save_sources(target)
        folders.append(folder)
    if inbox_store is not None:
        save_sources(inbox_store)
    return folders


def _move(source: Path, target: Path) -> None:
    try:
        shutil.move(source, target)  # a rename on one file system, a copy across two
    except OSError as exc:
        raise InputError(f"cannot move file to {target}: {exc.strerror or exc}", source) from exc
