"""Ingest: source-set folders → :class:`generator.model.SourceSet` records.

Modules: ``decode`` (bytes → normalised text), ``readers`` (one reader per file type),
``layout`` (paragraph units from plain text), ``metadata`` (headline, dateline, byline),
``clean`` (boilerplate, subheads, posts), ``setfile`` (``set.yml``), ``sources`` (the entry
points).
"""
from generator.ingest.sources import ARTICLE_SUFFIXES, discover_sets, load_article, load_source_set

__all__ = ["ARTICLE_SUFFIXES", "discover_sets", "load_article", "load_source_set"]
