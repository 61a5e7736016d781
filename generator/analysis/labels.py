"""The spaCy entity labels the finders read, each set named for what it selects.

One home, so two finders never keep two different sets under one name.
"""
from __future__ import annotations

# Labels an actor candidate may carry: people, bodies, peoples and places acting as states,
# and products (the small model tags many company names PRODUCT).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC", "PRODUCT"})
# Labels of places: countries and cities, other locations, buildings and venues.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels of the named things that say what a claim is about (who, where, which event):
# two claims naming the same ones are about the same matter.
MATTER_LABELS = frozenset({"PERSON", "ORG", "NORP", "EVENT", "GPE", "LOC", "FAC"})
