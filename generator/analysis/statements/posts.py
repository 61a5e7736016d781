"""Quoted social-media posts: a ``post`` block is one direct statement by the account that posted it."""
from __future__ import annotations

import re
from typing import Iterator

from generator.analysis.document import ArticleDoc
from generator.analysis.statements.found import Found
from generator.analysis.statements.speakers.facts import IndexLike
from generator.model import Evidence

# "— Name (@handle) date", the line a page prints under an embedded post
_POST_BY = re.compile(r"[—–-]+\s*(?P<name>[^(@\n]*?)\s*\(\s*(?P<handle>@\w+)\s*\)")
_URL = re.compile(r"(?:https?://|pic\.twitter\.com/|www\.)\S+")


def quoted_posts(adoc: ArticleDoc, n: int, index: IndexLike) -> Iterator[Found]:
    """A quoted social-media post: one direct statement by the account that posted it.

    The account is the actor the index resolves its handle or name to, else the name (or the
    handle) as the attribution line gives it; links are left out of the text.
    """
    for bi, block in enumerate(adoc.article.blocks):
        if block.kind != "post" or not block.attribution:
            continue
        m = _POST_BY.search(block.attribution)
        name = m.group("name").strip() if m else block.attribution.strip("—–- ").split("(")[0].strip()
        handle = m.group("handle") if m else None
        actor = (index.resolve(handle) if handle else None) or (index.resolve(name) if name else None)
        speaker = actor.name if actor else (name or handle)
        text = re.sub(r"\s+", " ", _URL.sub("", block.text)).strip()
        if not speaker or not text:
            continue
        evidence = tuple(Evidence(adoc.source, s.index, s.text) for s, _ in adoc.in_block(bi))
        yield Found(speaker, "direct", text, n, block.start, evidence, "posted")
