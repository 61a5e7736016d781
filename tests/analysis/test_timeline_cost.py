"""The timeline's cost grows linearly with article length (issue 12, case 9): each sentence's
entities come from one list per document, not from ``Span.ents`` (which walks the whole doc)."""
from __future__ import annotations

import cProfile
import pstats

from generator.analysis.document import parse_articles, sentence_entities
from generator.analysis.timeline import find_events
from generator.analysis.timeline.resolve import resolve_dates
from generator.ingest import load_article, load_source_set


def test_sentence_entities_match_span_ents(nlp, seed_set_path):
    for adoc in parse_articles(load_source_set(seed_set_path).articles, nlp):
        for span in adoc.spans:
            assert [(e.start, e.end, e.label_) for e in sentence_entities(span)] == [
                (e.start, e.end, e.label_) for e in span.ents
            ]


def test_given_entities_resolve_as_span_ents(nlp):
    doc = nlp("The board met on 5/13/2025 in the capital. It will vote again on Friday.")
    for span in doc.sents:  # the default (the document's index) resolves as spaCy's own span.ents
        assert resolve_dates(span.text, None, span=span) == resolve_dates(
            span.text, None, span=span, entities=list(span.ents)
        )


def _token_reads(nlp, tmp_path, text: str, chars: int) -> int:
    """How many times the timeline reads a token of the document (spaCy's ``Doc.__getitem__``,
    which ``Doc.ents`` calls once per token of the whole document)."""
    path = tmp_path / f"long_{chars}.txt"
    path.write_text(((text + "\n\n") * (chars // len(text) + 1))[:chars], encoding="utf-8")
    docs = parse_articles([load_article(path, "s1")], nlp)
    profile = cProfile.Profile()
    profile.runcall(find_events, docs)
    stats = pstats.Stats(profile).stats  # type: ignore[attr-defined]
    return sum(v[0] for f, v in stats.items() if f[0].endswith("doc.pyx") and f[2] == "__getitem__")


def test_timeline_cost_is_linear_in_length(nlp, tmp_path, seed_set_path):
    text = min(seed_set_path.glob("*.txt")).read_text(encoding="utf-8")
    short = _token_reads(nlp, tmp_path, text, 5_000)
    long = _token_reads(nlp, tmp_path, text, 20_000)
    assert short > 1000  # the profile sees spaCy's token reads at all
    # four times the text: about four times the reads when linear, sixteen when quadratic
    assert long < 6 * short, (short, long)
