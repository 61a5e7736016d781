"""Which actors of a set are news outlets: the press that reports a story is no speaker in it.

"…, the newspaper reported", "according to the Evening Courier", "Radio Northside said" give
the outlet's reporting, not a statement of someone in the story. An actor is an outlet when
its name is an article's own outlet (or that outlet's web-address label), when its last (or
first) word is a generic word of newspaper and broadcaster names (lexicon
``[outlet_heads]`` / ``[outlet_leads]``), or when an article introduces it with an outlet
noun ("the regional broadcaster X", lexicon ``[outlet_descriptors]``).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Sequence

from generator.analysis.statements.speakers.facts import IndexLike

if TYPE_CHECKING:
    from generator.analysis.document import ArticleDoc
    from generator.analysis.statements.speakers.words import SpeakerWords

# the outlet noun right before the name, nothing but spaces between ("the broadcaster X"; not
# "On its website, X")
_WORD_BEFORE = re.compile(r"([A-Za-z]+) +$")


def _squash(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def outlet_actors(docs: Sequence["ArticleDoc"], index: IndexLike, words: "SpeakerWords") -> frozenset[str]:
    """The names of the index's organisations that are news outlets (see the module's rules)."""
    own = set()
    for adoc in docs:
        outlet = (adoc.article.outlet or "").strip()
        if outlet:
            own.add(_squash(outlet))
            own.update(label for label in outlet.lower().split(".") if len(label) > 3)
    found = set()
    for actor in index.actors:
        if actor.kind not in ("organisation", "group"):
            continue
        parts = actor.name.split()
        if _squash(actor.name) in own or (parts and parts[-1].lower() in words.outlet_heads):
            found.add(actor.name)
        elif len(parts) > 1 and parts[0].lower() in words.outlet_leads:
            found.add(actor.name)
    for adoc in docs:
        text = adoc.article.text
        for m in index.mentions(adoc.source):
            before = _WORD_BEFORE.search(text[max(0, m.start - 40) : m.start])
            if before and before.group(1).lower() in words.outlet_descriptors and m.actor not in found:
                kind = next((a.kind for a in index.actors if a.name == m.actor), None)
                if kind in ("organisation", "group"):
                    found.add(m.actor)
    return frozenset(found)
