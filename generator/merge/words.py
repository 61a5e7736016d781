"""Word-level three-way merge of one line both sides changed."""
from __future__ import annotations

import re

from generator.merge.diff3 import diff3_regions

_TOKEN = re.compile(r"\S+|\s+")  # words and the spaces between them


def merge_words(base: str, ours: str, theirs: str) -> str | None:
    """Word-level three-way merge of one line, or None when the changes overlap.

    Changes of the two sides must be kept apart by at least one unchanged *word*: a lone
    shared space is no evidence that two edits are independent.
    """
    parts: list[str] = []
    tokens = [_TOKEN.findall(x) for x in (base, ours, theirs)]
    last_side = None  # side of the last change not yet separated by an unchanged word
    for region in diff3_regions(*tokens):
        if region.kind == "conflict":
            return None
        if region.kind == "unchanged":
            if any(not tok.isspace() for tok in region.base):
                last_side = None
        elif region.kind in ("ours", "theirs"):
            if last_side not in (None, region.kind):
                return None
            last_side = region.kind
        parts.extend(region.theirs if region.kind == "theirs" else region.ours)
    return "".join(parts)
