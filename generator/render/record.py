"""The briefing *record*: the typed, JSON-shaped view of a condensed briefing.

It is three things at once: the output of ``briefing extract --format json`` (the DESIGN.md
contract, checked by ``schema/extract.schema.json``), the stored data under
``briefings/.generated/<set>.json`` from which cross-briefing pages (actors, board, timeline,
feed) are rebuilt without re-running the analysis, and what every template renders.

Every class is a frozen dataclass whose fields are the JSON keys, in the JSON order:
:meth:`BriefingRecord.to_json` writes the contract and :meth:`BriefingRecord.from_json`
reads it back, so no stage passes the record around as a dict.

Beyond the contract keys every item carries ``anchors``: ``"s1-12"`` is sentence 12
(0-based) of source s1, the id of that sentence on the source page. With
``include_text=True`` each source also carries its cleaned text as ``blocks``
(``kind``, ``attribution``, ``sentences: [{"index", "text"}]``).
"""
from __future__ import annotations

import json
import types
import typing
from dataclasses import dataclass, field, fields, is_dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, TypeVar

from generator import __version__
from generator.model import (
    Actor,
    Answer,
    Article,
    Briefing,
    Difference,
    Evidence,
    KeyPoint,
    OpenQuestion,
    Sentence,
    Statement,
    TimelineEvent,
)

from generator.render.record_story import StoryPartRecord, StoryRecord, UpdateArticleRecord, UpdateRecord

R = TypeVar("R")
__all__ = ["StoryPartRecord", "StoryRecord", "UpdateArticleRecord", "UpdateRecord"]  # re-exported: part of the record

# A field with this metadata is left out of the JSON when it is None (``blocks`` without text).
_OMIT_NONE = {"omit_none": True}


# --------------------------------------------------------------------------- the record


@dataclass(frozen=True)
class KeyPointRecord:
    """One line of the summary."""

    text: str
    sources: tuple[str, ...] = ()
    anchors: tuple[str, ...] = ()


@dataclass(frozen=True)
class SentenceRecord:
    """One sentence of a source's text; ``index`` is its anchor number (``s1-<index>``)."""

    index: int
    text: str


@dataclass(frozen=True)
class BlockRecord:
    """One block of a source's text (paragraph, subhead or post) with its sentences."""

    kind: str
    attribution: str | None = None
    sentences: tuple[SentenceRecord, ...] = ()


@dataclass(frozen=True)
class SourceRecord:
    """One article of the set: its metadata and, with text, its blocks."""

    id: str
    file: str = ""
    title: str | None = None
    title_inferred: bool = False
    title_basis: str | None = None
    outlet: str | None = None
    outlet_inferred: bool = False
    published: str | None = None
    published_inferred: bool = False
    published_basis: str | None = None
    url: str | None = None
    author: str | None = None
    encoding: str = "utf-8"
    blocks: tuple[BlockRecord, ...] | None = field(default=None, metadata=_OMIT_NONE)


@dataclass(frozen=True)
class RoleRecord:
    """The role one source gives an actor."""

    source: str
    role: str


@dataclass(frozen=True)
class ActorRecord:
    """A person, organisation, country or group of the set."""

    name: str
    kind: str = ""
    role: str | None = None
    aliases: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    roles: tuple[RoleRecord, ...] = ()
    mentions: int = 0
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatementRecord:
    """Direct or reported speech; ``evidence`` is its sentences' text joined by " … "."""

    speaker: str
    kind: str
    text: str
    sources: tuple[str, ...] = ()
    date: str | None = None
    cue: str | None = None
    evidence: str = ""
    anchors: tuple[str, ...] = ()
    # "pronoun": the text names the speaker only as "he", "they" (left out of the JSON when None)
    speaker_via: str | None = field(default=None, metadata=_OMIT_NONE)
    new_since: str | None = field(default=None, metadata=_OMIT_NONE)


@dataclass(frozen=True)
class RelatedRecord:
    """A sentence linked to an open question from elsewhere in the set."""

    text: str
    source: str
    anchor: str


@dataclass(frozen=True)
class AnswerRecord:
    """How an open question turned out, as a later article reports it."""

    status: str  # answered, cancelled, confirmed, denied
    text: str
    source: str
    anchor: str
    date: str | None = None
    cue: str = ""


@dataclass(frozen=True)
class QuestionRecord:
    """Something the sources leave open."""

    text: str
    evidence: str = ""
    cues: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    status: str = "unconfirmed"
    anchors: tuple[str, ...] = ()
    related: tuple[RelatedRecord, ...] = ()
    new_since: str | None = field(default=None, metadata=_OMIT_NONE)
    answer: AnswerRecord | None = field(default=None, metadata=_OMIT_NONE)


@dataclass(frozen=True)
class EventRecord:
    """A dated event; ``date`` and ``end`` are ISO at the precision the text gives."""

    date: str | None
    end: str | None = None
    date_text: str = ""
    event: str = ""
    inferred: bool = False
    sources: tuple[str, ...] = ()
    evidence: str = ""
    anchors: tuple[str, ...] = ()
    new_since: str | None = field(default=None, metadata=_OMIT_NONE)


@dataclass(frozen=True)
class DifferenceRecord:
    """Two sentences that disagree: ``values[i]`` is what ``sentences[i]`` says."""

    kind: str
    topic: str
    values: tuple[str, ...] = ()
    sentences: tuple[RelatedRecord, ...] = ()


@dataclass(frozen=True)
class SkippedRecord:
    """An article file of the set that was not read, and why."""

    file: str
    reason: str


@dataclass(frozen=True)
class PlaceRecord:
    """A location that is not an actor."""

    name: str
    mentions: int = 0
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class GeneratorRecord:
    """What made the record: the generator version, the spaCy pipeline, the inputs' hash."""

    version: str | None = None
    model: str | None = None
    hash: str | None = None


@dataclass(frozen=True)
class BriefingRecord:
    """The record of one briefing (see the module docstring); ``set`` is the set's slug."""

    set: str
    title: str | None = None
    date: str | None = None
    updated: str | None = None
    one_line: str = ""
    tags: tuple[str, ...] = ()
    summary: tuple[KeyPointRecord, ...] = ()
    sources: tuple[SourceRecord, ...] = ()
    actors: tuple[ActorRecord, ...] = ()
    statements: tuple[StatementRecord, ...] = ()
    open_questions: tuple[QuestionRecord, ...] = ()
    timeline: tuple[EventRecord, ...] = ()
    places: tuple[PlaceRecord, ...] = ()
    generator: GeneratorRecord = GeneratorRecord()
    # only present when an article was left out: a set read whole keeps the contract's keys
    skipped: tuple[SkippedRecord, ...] | None = field(default=None, metadata={"omit_none": True})
    # only present once a regeneration brought articles (render/updates.py)
    updates: tuple[UpdateRecord, ...] | None = field(default=None, metadata=_OMIT_NONE)
    # only present when sentences disagree (analysis/differences.py)
    differences: tuple[DifferenceRecord, ...] | None = field(default=None, metadata=_OMIT_NONE)
    # only present when the briefing is part of a story with other briefings (render/stories.py)
    story: StoryRecord | None = field(default=None, metadata=_OMIT_NONE)

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON values, keys in the contract's order."""
        return _plain(self)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The record as JSON: indented by default, one line with ``indent=None`` (JSON Lines).

        Deterministic: keys in field order, fixed separators, UTF-8 text (no ``\\u`` escapes).
        """
        if indent is None:
            return json.dumps(self.to_dict(), ensure_ascii=False, separators=(",", ":"))
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BriefingRecord:
        """The record read back from its JSON values (a stored record, an extract line)."""
        return _decode(cls, data)

    @classmethod
    def from_json(cls, text: str) -> BriefingRecord:
        """The record read back from :meth:`to_json` text."""
        return cls.from_dict(json.loads(text))


# --------------------------------------------------------------------------- JSON


def _plain(value: Any) -> Any:
    """A record (or a value inside one) as JSON values: dataclasses as dicts, tuples as lists."""
    plan = _fields_of(type(value))
    if plan is not None:
        out = {}
        for name, omit_none in plan:
            item = getattr(value, name)
            if not (omit_none and item is None):
                out[name] = _plain(item)
        return out
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    return value


# The field plans and decoders are worked out once per class and type: reading the type
# hints per value made reading a run's stored records the slowest step of a small update.
@lru_cache(maxsize=None)
def _fields_of(cls: type) -> tuple[tuple[str, bool], ...] | None:
    """A dataclass's fields in order, each with whether a None value is left out; else None."""
    if not is_dataclass(cls):
        return None
    return tuple((f.name, bool(f.metadata.get("omit_none"))) for f in fields(cls))


@lru_cache(maxsize=None)
def _decoders(cls: type) -> tuple[tuple[str, Any], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((f.name, _decoder(hints[f.name])) for f in fields(cls))


def _decode(cls: type[R], data: dict[str, Any]) -> R:
    """An instance of the record class ``cls`` from JSON values.

    Absent keys take the field's default and unknown keys are ignored, as the dict-reading
    pages always did: a hand-made record (a test fixture) needs only the keys it uses.
    """
    return cls(**{name: decode(data[name]) for name, decode in _decoders(cls) if name in data})


def _keep(value: Any) -> Any:
    return value


@lru_cache(maxsize=None)
def _decoder(hint: Any) -> Any:
    """The function that turns a JSON value into what the field type ``hint`` wants: lists
    as tuples, objects as records, None as None."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        hint = next(arg for arg in typing.get_args(hint) if arg is not type(None))
        origin = typing.get_origin(hint)
    if origin is tuple:
        item = _decoder(typing.get_args(hint)[0])
        return lambda value: None if value is None else tuple(item(v) for v in value)
    if isinstance(hint, type) and is_dataclass(hint):
        return lambda value: None if value is None else _decode(hint, value)
    return _keep


def extract_schema() -> dict[str, Any]:
    """The JSON Schema of ``briefing extract --format json``."""
    text = resources.files("generator.render").joinpath("schema/extract.schema.json").read_text("utf-8")
    return json.loads(text)


# --------------------------------------------------------------------------- from a briefing


def anchor(ev: Evidence) -> str:
    """The id of an evidence sentence on its source page."""
    return f"{ev.source}-{ev.sentence}"


def evidence_text(evidence: tuple[Evidence, ...]) -> str:
    """The distinct sentences of ``evidence``, in order, joined by " … "."""
    seen: list[str] = []
    for ev in evidence:
        if ev.text not in seen:
            seen.append(ev.text)
    return " … ".join(seen)


def _anchors(evidence: tuple[Evidence, ...]) -> tuple[str, ...]:
    return tuple(anchor(e) for e in evidence)


def _source(article: Article, sentences: tuple[Sentence, ...], include_text: bool) -> SourceRecord:
    blocks = None
    if include_text:
        by_block: dict[int, list[SentenceRecord]] = {}
        for s in sentences:
            if s.source == article.id:
                by_block.setdefault(s.block, []).append(SentenceRecord(index=s.index, text=s.text))
        blocks = tuple(
            BlockRecord(kind=b.kind, attribution=b.attribution, sentences=tuple(by_block.get(i, ())))
            for i, b in enumerate(article.blocks)
        )
    return SourceRecord(
        id=article.id,
        file=article.file,
        title=article.title,
        title_inferred=article.title_inferred,
        title_basis=article.title_basis,
        outlet=article.outlet,
        outlet_inferred=article.outlet_inferred,
        published=article.published.isoformat() if article.published else None,
        published_inferred=article.published_inferred,
        published_basis=article.published_basis,
        url=article.url,
        author=article.author,
        encoding=article.encoding,
        blocks=blocks,
    )


def _key_point(point: KeyPoint) -> KeyPointRecord:
    return KeyPointRecord(text=point.text, sources=point.sources, anchors=_anchors(point.evidence))


def _actor(actor: Actor) -> ActorRecord:
    return ActorRecord(
        name=actor.name,
        kind=actor.kind,
        role=actor.role,
        aliases=actor.aliases,
        handles=actor.handles,
        roles=tuple(RoleRecord(source=s, role=r) for s, r in actor.roles),
        mentions=actor.mentions,
        sources=actor.sources,
    )


def _statement(st: Statement) -> StatementRecord:
    return StatementRecord(
        speaker=st.speaker,
        kind=st.kind,
        text=st.text,
        sources=st.sources,
        date=st.date,
        cue=st.cue,
        evidence=evidence_text(st.evidence),
        anchors=_anchors(st.evidence),
        speaker_via=st.speaker_via,
    )


def _question(q: OpenQuestion) -> QuestionRecord:
    return QuestionRecord(
        text=q.text,
        evidence=evidence_text(q.evidence),
        cues=q.cues,
        sources=q.sources,
        status=q.status,
        anchors=_anchors(q.evidence),
        related=tuple(RelatedRecord(text=e.text, source=e.source, anchor=anchor(e)) for e in q.related),
        answer=_answer(q.answer) if q.answer else None,
    )


def _answer(a: Answer) -> AnswerRecord:
    return AnswerRecord(status=a.status, text=a.evidence.text, source=a.evidence.source,
                        anchor=anchor(a.evidence), date=a.date, cue=a.cue)


def _event(ev: TimelineEvent) -> EventRecord:
    return EventRecord(
        date=ev.date,
        end=ev.end,
        date_text=ev.date_text,
        event=ev.event,
        inferred=ev.inferred,
        sources=ev.sources,
        evidence=evidence_text(ev.evidence),
        anchors=_anchors(ev.evidence),
    )


def record_of(briefing: Briefing, *, include_text: bool = False) -> BriefingRecord:
    """The record of ``briefing``; with ``include_text`` each source carries its sentences."""
    a = briefing.analysis
    return BriefingRecord(
        set=briefing.slug,
        title=briefing.title,
        date=briefing.date,
        updated=briefing.updated,
        one_line=briefing.one_line,
        tags=briefing.tags,
        summary=tuple(_key_point(p) for p in briefing.summary),
        sources=tuple(_source(art, a.sentences, include_text) for art in briefing.articles),
        actors=tuple(_actor(x) for x in a.actors),
        statements=tuple(_statement(st) for st in a.statements),
        open_questions=tuple(_question(q) for q in a.open_questions),
        timeline=tuple(_event(ev) for ev in a.timeline),
        places=tuple(PlaceRecord(name=p.name, mentions=p.mentions, sources=p.sources) for p in a.places),
        generator=GeneratorRecord(version=__version__, model=a.model, hash=briefing.content_hash),
        skipped=tuple(SkippedRecord(s.file, s.reason) for s in briefing.source_set.skipped) or None,
        differences=tuple(_difference(d) for d in a.differences) or None,
    )


def _difference(d: Difference) -> DifferenceRecord:
    return DifferenceRecord(
        kind=d.kind, topic=d.topic, values=d.values,
        sentences=tuple(RelatedRecord(text=e.text, source=e.source, anchor=anchor(e)) for e in d.evidence),
    )
