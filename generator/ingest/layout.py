"""Plain text → paragraph units, whatever the line layout.

Three layouts occur in the wild and may mix in one file: one paragraph per line (no blank
lines), paragraphs separated by blank lines, and hard-wrapped paragraphs (a line break
every ~72 characters inside a paragraph). A run of non-blank lines is read as hard-wrapped
when its lines are all of wrapping width and at least one line break falls inside a
sentence (the line ends without closing punctuation and the next starts in lower case);
otherwise every line is its own unit.
"""
from __future__ import annotations

import re

# Characters that can close a sentence or a quoted sentence at the end of a line.
_CLOSING = ".!?…:;\"”’»)]"
_WRAP_WIDTH = 100  # longest line a wrapping editor or mail client produces
_SENTENCE_END = re.compile(r"[.!?…:;][\"”’»)\]]*$")
_LOWER_START = re.compile(r"^[\"“‘'(]?[a-z0-9]")


def split_units(text: str) -> list[str]:
    """Split ``text`` into paragraph units (see the module docstring)."""
    units: list[str] = []
    for chunk in re.split(r"\n\s*\n", text):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        units.extend(_unwrap(lines) if _is_wrapped(lines) else lines)
    return units


def _breaks_mid_sentence(line: str, following: str) -> bool:
    # A comma inside closing quotes ("…closes,\"") does not end the sentence.
    return not _SENTENCE_END.search(line) and bool(_LOWER_START.match(following))


def _is_wrapped(lines: list[str]) -> bool:
    if len(lines) < 2 or max(len(line) for line in lines) > _WRAP_WIDTH:
        return False
    return any(_breaks_mid_sentence(a, b) for a, b in zip(lines, lines[1:]))


def _unwrap(lines: list[str]) -> list[str]:
    """Join wrapped lines; a short line that closes a sentence ends a paragraph."""
    width = max(len(line) for line in lines)
    paragraphs: list[list[str]] = [[]]
    for i, line in enumerate(lines):
        paragraphs[-1].append(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        # A wrapping tool fills each line; a clearly short line ending a sentence means
        # the paragraph ended there even though no blank line follows.
        if nxt and line.endswith(tuple(_CLOSING)) and len(line) < 0.6 * width and not _LOWER_START.match(nxt):
            paragraphs.append([])
    return [" ".join(p) for p in paragraphs if p]
