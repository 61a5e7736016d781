"""Actors: the people, organisations, countries and groups a source set talks about.

:func:`find_actors` reads spaCy's entities (the labels of
:data:`~generator.analysis.labels.ACTOR_LABELS`) once per article and merges every way the
articles of one set name one actor. The steps, each in its own module:

1. :mod:`.collect` — every surface form: entities with their boundaries redrawn
   (:mod:`.boundaries`: name particles, "<Title> of <Place> <Name>"), cleaned by the rules
   of :mod:`.names`, with the roles titles give them (:mod:`.titles`) and the cues of
   :mod:`.kinds`; then the repeated mentions the model missed.
2. :mod:`.merge` — a key per form (a country or organisation of :mod:`.gazetteer`, or the
   folded name) and the keys that name one actor joined: surnames, slips and spelling
   variants, acronyms, short forms of an organisation.
3. :mod:`.build` — kinds by vote, groups that are no actors dropped, a canonical name, roles
   and handles per actor; title forms ("UN chief") join the one holder of their office.
4. :mod:`.index` — :class:`ActorIndex`, which later finders resolve surface forms through.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from generator.analysis.actors.build import build_index
from generator.analysis.actors.collect import collect_candidates
from generator.analysis.actors.gazetteer import Gazetteer, packaged_gazetteer
from generator.analysis.actors.index import ActorIndex

if TYPE_CHECKING:
    from generator.analysis.document import ArticleDoc

__all__ = ["ActorIndex", "find_actors"]


def find_actors(docs: list["ArticleDoc"], *, lexicon: Gazetteer | None = None) -> ActorIndex:
    """Find and merge the actors of one source set.

    Args:
        docs: the parsed articles of the set.
        lexicon: the gazetteer (countries, titles, organisations, name heads); the packaged
            one, read once per process, when None.

    Returns:
        The index of the set's actors (``.actors``, ``.resolve(surface)``, ``.mentions(source)``).
    """
    lex = packaged_gazetteer() if lexicon is None else lexicon
    return build_index(collect_candidates(docs, lex), lex)
