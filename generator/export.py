"""The briefing *record*: a JSON-safe dict of a condensed briefing.

It is three things at once: the output of ``briefing extract --format json`` (the DESIGN.md
contract, checked by ``schema/extract.schema.json``), the stored data under
``briefings/.generated/<set>.json`` from which cross-briefing pages (actors, board, timeline,
feed) are rebuilt without re-running the analysis, and the context every template renders.

Beyond the contract keys every item carries ``anchors``: ``"s1-12"`` is sentence 12
(0-based) of source s1, the id of that sentence on the source page. With
``include_text=True`` each source also carries its cleaned text as ``blocks``
(``kind``, ``attribution``, ``sentences: [{"index", "text"}]``).
"""
from __future__ import annotations

import json
from importlib import resources
from typing import Any

from generator import __version__
from generator.model import Article, Briefing, Evidence


def anchor(ev: Evidence) -> str:
    """The id of an evidence sentence on its source page."""
    return f"{ev.source}-{ev.sentence}"


def _evidence_text(evidence: tuple[Evidence, ...]) -> str:
    seen: list[str] = []
    for ev in evidence:
        if ev.text not in seen:
            seen.append(ev.text)
    return " … ".join(seen)


def _source(article: Article, briefing: Briefing, include_text: bool) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": article.id,
        "file": article.file,
        "title": article.title,
        "title_inferred": article.title_inferred,
        "title_basis": article.title_basis,
        "outlet": article.outlet,
        "outlet_inferred": article.outlet_inferred,
        "published": article.published.isoformat() if article.published else None,
        "published_inferred": article.published_inferred,
        "published_basis": article.published_basis,
        "url": article.url,
        "author": article.author,
        "encoding": article.encoding,
    }
    if include_text:
        by_block: dict[int, list[dict[str, Any]]] = {}
        for s in briefing.analysis.sentences:
            if s.source == article.id:
                by_block.setdefault(s.block, []).append({"index": s.index, "text": s.text})
        record["blocks"] = [
            {"kind": b.kind, "attribution": b.attribution, "sentences": by_block.get(i, [])}
            for i, b in enumerate(article.blocks)
        ]
    return record


def briefing_record(briefing: Briefing, *, include_text: bool = False) -> dict[str, Any]:
    """The JSON-safe record of ``briefing`` (see the module docstring)."""
    a = briefing.analysis
    return {
        "set": briefing.slug,
        "title": briefing.title,
        "date": briefing.date,
        "updated": briefing.updated,
        "one_line": briefing.one_line,
        "tags": list(briefing.tags),
        "summary": [
            {"text": p.text, "sources": list(p.sources), "anchors": [anchor(e) for e in p.evidence]}
            for p in briefing.summary
        ],
        "sources": [_source(art, briefing, include_text) for art in briefing.articles],
        "actors": [
            {
                "name": x.name,
                "kind": x.kind,
                "role": x.role,
                "aliases": list(x.aliases),
                "handles": list(x.handles),
                "roles": [{"source": s, "role": r} for s, r in x.roles],
                "mentions": x.mentions,
                "sources": list(x.sources),
            }
            for x in a.actors
        ],
        "statements": [
            {
                "speaker": st.speaker,
                "kind": st.kind,
                "text": st.text,
                "sources": list(st.sources),
                "date": st.date,
                "cue": st.cue,
                "evidence": _evidence_text(st.evidence),
                "anchors": [anchor(e) for e in st.evidence],
            }
            for st in a.statements
        ],
        "open_questions": [
            {
                "text": q.text,
                "evidence": _evidence_text(q.evidence),
                "cues": list(q.cues),
                "sources": list(q.sources),
                "status": q.status,
                "anchors": [anchor(e) for e in q.evidence],
                "related": [
                    {"text": e.text, "source": e.source, "anchor": anchor(e)} for e in q.related
                ],
            }
            for q in a.open_questions
        ],
        "timeline": [
            {
                "date": ev.date,
                "end": ev.end,
                "date_text": ev.date_text,
                "event": ev.event,
                "inferred": ev.inferred,
                "sources": list(ev.sources),
                "evidence": _evidence_text(ev.evidence),
                "anchors": [anchor(e) for e in ev.evidence],
            }
            for ev in a.timeline
        ],
        "places": [
            {"name": p.name, "mentions": p.mentions, "sources": list(p.sources)} for p in a.places
        ],
        "generator": {"version": __version__, "model": a.model, "hash": briefing.content_hash},
    }


def extract_schema() -> dict[str, Any]:
    """The JSON Schema of ``briefing extract --format json``."""
    text = resources.files("generator").joinpath("schema/extract.schema.json").read_text("utf-8")
    return json.loads(text)


def dumps(record: dict[str, Any], *, indent: int | None = 2) -> str:
    """Serialise a record deterministically (sorted nothing, fixed separators, UTF-8)."""
    if indent is None:
        return json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    return json.dumps(record, ensure_ascii=False, indent=indent)
