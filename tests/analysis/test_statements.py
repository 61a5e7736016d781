"""Helpers for the statement tests: articles from text files and an actor index.

Until ``generator.ingest.load_source_set`` and ``generator.analysis.actors`` exist, the
tests build :class:`Article` records here (one block per paragraph) and use a small real
actor index built from the parse's named entities; once the real ones exist, they are used.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import Actor, Article, Block

_TITLE_WORDS = re.compile(r"^[A-Z][\w.’'-]*$")


def make_article(text: str, id: str = "s1", path: Path | None = None) -> Article:
    """An :class:`Article` from plain text: one block per non-empty line or paragraph.

    A line opening with a dash right after another line is that line's post attribution
    ("— Name (@handle) date"); a short line without final punctuation is a subhead.
    """
    lines = [ln.strip() for ln in re.split(r"\n", text) if ln.strip()]
    units: list[tuple[str, str, str | None]] = []
    for line in lines:
        if line[:1] in "—–" and units and "(@" in line:
            kind, body, _ = units[-1]
            units[-1] = ("post", body, line)
            continue
        words = line.split()
        kind = "subhead" if len(words) <= 8 and line[-1] not in ".!?:”\"’,;" else "paragraph"
        units.append((kind, line, None))
    blocks, parts, pos = [], [], 0
    for kind, body, attribution in units:
        blocks.append(Block(kind, body, pos, attribution))  # type: ignore[arg-type]
        parts.append(body)
        pos += len(body) + 2
    p = path or Path(f"{id}.txt")
    return Article(id=id, path=p, file=p.name, title=p.stem, text="\n\n".join(parts), blocks=tuple(blocks))


def read_article(path: Path, id: str) -> Article:
    """An article from a ``.txt`` file or a ``.md`` file with front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        import frontmatter

        post = frontmatter.loads(text)
        paragraphs = [p.strip().replace("\n", " ") for p in re.split(r"\n\s*\n", post.content) if p.strip()]
        return make_article("\n".join(paragraphs), id, path)
    return make_article(text, id, path)


@dataclass(frozen=True)
class Mention:
    source: str
    start: int
    end: int
    text: str
    actor: str


@dataclass
class EntityIndex:
    """A small actor index from the parse's PERSON/ORG/GPE/NORP entities (test fallback).

    People are merged on their surname ("Erdogan" → "Recep Tayyip Erdogan"); the title
    words before a name become the role ("Turkish President").
    """

    actors: tuple[Actor, ...] = ()
    _aliases: dict[str, str] = field(default_factory=dict)
    _mentions: dict[str, list[Mention]] = field(default_factory=dict)

    def resolve(self, surface: str) -> Actor | None:
        key = _key(surface)
        name = self._aliases.get(key)
        if name is None:
            roles = [a for a in self.actors if a.role and key and key == _key(a.role)]
            roles = roles or [a for a in self.actors if a.role and key and _key(a.role).endswith(key)]
            name = roles[0].name if len(roles) == 1 else None
        return next((a for a in self.actors if a.name == name), None)

    def mentions(self, source: str) -> list[Mention]:
        return list(self._mentions.get(source, []))


def _key(text: str) -> str:
    text = re.sub(r"[’']s$", "", text.strip())
    text = re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)
    return text.casefold()


def entity_index(docs) -> EntityIndex:
    """Build :class:`EntityIndex` from parsed articles."""
    kinds = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}
    people: dict[str, str] = {}  # surname -> longest full name
    roles: dict[str, str] = {}
    ents = []
    for d in docs:
        for ent in d.doc.ents:
            if ent.label_ not in kinds:
                continue
            text = re.sub(r"^(the|The)\s+", "", ent.text)
            text = re.sub(r"[’']s$", "", text).strip()
            if not text or not text[0].isupper():
                continue
            ents.append((d.source, ent, text, kinds[ent.label_]))
            if ent.label_ == "PERSON" and len(text.split()) >= 2 and text.replace(" ", "").isalpha():
                last = text.split()[-1]
                if len(text) > len(people.get(last, "")):
                    people[last] = text
                title = [t.text for t in d.doc[max(0, ent.start - 3) : ent.start] if _TITLE_WORDS.match(t.text)]
                if title and people[last] not in roles:
                    roles[people[last]] = " ".join(title)
    aliases: dict[str, str] = {}
    actors: dict[str, tuple[str, set[str]]] = {}
    mentions: dict[str, list[Mention]] = {}
    for source, ent, text, kind in ents:
        if text.split()[-1] in people and (kind == "person" or len(text.split()) == 1):
            kind = "person"  # a surname the tagger also labels GPE/ORG elsewhere
        name = people.get(text.split()[-1], text) if kind == "person" else text
        if kind == "group":
            continue  # demonyms ("Turkish") name no actor of their own here
        aliases[_key(text)] = name
        actors.setdefault(name, (kind, set()))[1].add(text)
        mentions.setdefault(source, []).append(Mention(source, ent.start_char, ent.end_char, ent.text, name))
    for name in people.values():
        aliases.setdefault(_key(name.split()[-1]), name)
    built = tuple(
        Actor(name, kind, role=roles.get(name), aliases=tuple(sorted(al)))  # type: ignore[arg-type]
        for name, (kind, al) in sorted(actors.items())
    )
    for ms in mentions.values():
        ms.sort(key=lambda m: (m.start, m.end))
    return EntityIndex(built, aliases, mentions)


def actor_index(docs):
    """The project's actor index when it exists, else :func:`entity_index`."""
    try:
        from generator.analysis.actors import find_actors
    except ImportError:
        return entity_index(docs)
    return find_actors(docs)
