"""The fast cue matcher finds exactly what the matcher on lower-cased lemmas finds.

:class:`~generator.analysis.questions.cues.CueMatcher` skips sentences without a word some
rule needs and tests spaCy's ``LEMMA`` instead of a token extension; both shortcuts must give
the matches the plain extension matcher gives, on every sentence of real text.
"""
from __future__ import annotations

from spacy.matcher import Matcher

from generator.analysis.questions.cues import _ensure_extension, build_matcher, load_lexicon, token_pattern
from tests.conftest import DATA, GUM_FILES, SEEDS


def _reference(vocab, lexicon) -> Matcher:
    """The matcher as it was: every rule on the lower-cased-lemma extension."""
    _ensure_extension()
    matcher = Matcher(vocab)
    for i, rule in enumerate(lexicon.rules):
        matcher.add(f"hedge{i}", [token_pattern(rule.pattern)])
    return matcher


def _texts() -> list[str]:
    paths = sorted((DATA / "articles").glob("*.txt")) + sorted(SEEDS.glob("*/*.txt")) + GUM_FILES[:6]
    return [p.read_text(encoding="utf-8") for p in paths]


def test_fast_matcher_equals_the_extension_matcher(nlp):
    lexicon = load_lexicon()
    fast, reference = build_matcher(nlp.vocab, lexicon), _reference(nlp.vocab, lexicon)
    sentences = skipped = 0
    for doc in nlp.pipe(_texts()):
        for span in doc.sents:
            want = sorted(reference(span))
            assert sorted(fast(span)) == want, span.text
            sentences += 1
            skipped += not want
    assert sentences > 300 and 0 < skipped < sentences  # both kinds of sentence were seen


def test_unusual_lemma_case_falls_back_to_the_exact_matcher(nlp):
    lexicon = load_lexicon()
    fast, reference = build_matcher(nlp.vocab, lexicon), _reference(nlp.vocab, lexicon)
    doc = nlp("The harbour board REPORTEDLY met. The ferry operator rePortedly agreed to the plan.")
    for span in doc.sents:
        assert sorted(fast(span)) == sorted(reference(span))
    assert any(reference(span) for span in doc.sents)
