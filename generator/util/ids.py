"""Source ids (``s1``, ``s2`` … ``s10``): the one sort key that puts s2 before s10."""
from __future__ import annotations

import re

_DIGITS = re.compile(r"\D")


def source_key(source: str) -> tuple[int, str]:
    """Sort key for a source id: its number, then the id itself (``s2`` < ``s10``)."""
    digits = _DIGITS.sub("", source)
    return (int(digits) if digits else 0, source)
