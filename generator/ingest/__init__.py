"""Ingest: source-set folders → :class:`generator.model.SourceSet` records.

Modules, in the order a file passes through them: ``decode`` (bytes → normalised text),
``readers`` (the suffix → reader table; ``markdown_reader``, ``html_reader`` and the plain
text reader produce ``units``), ``layout`` (paragraph units from plain text), ``metadata``
(headline, dateline, byline, outlet, derived titles; ``dates`` parses the dates), ``clean``
(boilerplate, subheads, social posts), ``setfile`` (``set.yml``), ``sources`` (the entry
points and the set-context date).
"""
from generator.ingest.sources import ARTICLE_SUFFIXES, discover_sets, load_article, load_source_set, scan_seeds

__all__ = ["ARTICLE_SUFFIXES", "discover_sets", "load_article", "load_source_set", "scan_seeds"]
