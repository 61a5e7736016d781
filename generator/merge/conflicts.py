"""Conflict comments: what one says, where it goes, and finding it again in a page.

What a merge cannot resolve is a conflict: the editor's lines stay where they are, and
after the Markdown block holding them (so a table, list or admonition is never split)
comes an HTML comment that MkDocs renders as nothing (``<!-- briefing:conflict`` …
``briefing:end -->``) holding the editor's lines, the generator's proposal and the last
generated text (diff3 style). The comment lives in the page rather than in a sidecar file
so it sits where the editor must decide, travels with the page through git, and
``briefing check`` finds it from the page alone; a sidecar could go stale or be forgotten
in a commit.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.util.lines import split_lines

CONFLICT_START = "<!-- briefing:conflict"
CONFLICT_END = "briefing:end -->"


@dataclass(frozen=True)
class MergeResult:
    """The merged page and the 1-based line numbers where its conflict blocks start."""

    text: str
    conflicts: tuple[int, ...] = ()


def _escape_comment(line: str) -> str:
    """Keep quoted text from closing (or opening) the HTML comment it is shown in."""
    return line.replace("<!--", "&lt;!--").replace("-->", "--&gt;")


def _plural(n: int) -> str:
    return "1 line" if n == 1 else f"{n} lines"


def conflict_block(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> list[str]:
    """The comment lines describing one conflict (placed after the editor's Markdown block)."""
    if ours:
        head = f"the generator changed lines you edited in the block above; your {_plural(len(ours))}:"
    else:
        head = "the generator changed lines you deleted in the block above."
    lines = [f"{CONFLICT_START}: {head}\n"]
    lines += [_escape_comment(x if x.endswith("\n") else x + "\n") for x in ours]
    if theirs:
        lines.append("The generator now proposes:\n")
        lines += [_escape_comment(x if x.endswith("\n") else x + "\n") for x in theirs]
    else:
        lines.append("The generator now proposes to remove them.\n")
    if base:
        lines.append("The last generated version was:\n")
        lines += [_escape_comment(x if x.endswith("\n") else x + "\n") for x in base]
    lines.append(f"Keep what you want, then delete this comment. {CONFLICT_END}\n")
    return lines


# A line that continues the block before it even after a blank line: the next item of a
# (loose) list, or the next tab of a pymdownx.tabbed set. A comment in front of it would cut
# the list in two (and restart its numbering) or split the tabs into two sets.
_CONTINUES = re.compile(r"(?:[-*+]|\d{1,9}[.)]|===\+?)[ \t]")


def _block_end(lines: list[str], start: int) -> int:
    """The first top-level Markdown block boundary at or after ``start``.

    That is a line after a blank line that starts at column 0 and does not continue a list
    or a tab set (or the end of the text), so a comment put there never splits a table, a
    list, a tab set, or an indented admonition body.
    """
    for j in range(max(start, 1), len(lines)):
        line = lines[j]
        if not lines[j - 1].strip() and line.strip() and not line[0].isspace() and not _CONTINUES.match(line):
            return j
    return len(lines)


class Builder:
    """Collects output lines; conflict blocks are placed when the text is complete."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending: list[tuple[int, list[str]]] = []  # (line index after the editor's lines, block)

    def add(self, lines: Sequence[str]) -> None:
        """Append merged lines."""
        self.lines.extend(lines)

    def lines_from(self, other: Builder) -> None:
        """Append another builder's lines and pending conflicts."""
        offset = len(self.lines)
        self.lines.extend(other.lines)
        self.pending += [(anchor + offset, block) for anchor, block in other.pending]

    def conflict(self, base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> None:
        """Keep the editor's lines here; describe the conflict after their Markdown block."""
        self.add(ours)
        self.pending.append((len(self.lines), conflict_block(base, ours, theirs)))

    def result(self) -> MergeResult:
        """The merged text, each conflict block after the Markdown block holding the editor's lines."""
        lines = list(self.lines)
        inserts: dict[int, list[list[str]]] = {}
        for anchor, block in self.pending:
            inserts.setdefault(_block_end(lines, anchor), []).append(block)
        out: list[str] = []
        starts: list[int] = []
        for j in range(len(lines) + 1):
            for block in inserts.get(j, []):
                if out and not out[-1].endswith("\n"):
                    out[-1] += "\n"
                if out and out[-1].strip():
                    out.append("\n")
                starts.append(len(out) + 1)
                out += block + ["\n"]
            if j < len(lines):
                out.append(lines[j])
        return MergeResult("".join(out), tuple(starts))



def find_conflicts(text: str) -> tuple[int, ...]:
    """1-based line numbers of the conflict blocks (and stray git markers) left in a page."""
    found = []
    for number, line in enumerate(split_lines(text), start=1):
        if line.startswith(CONFLICT_START) or re.match(r"(<{7}|>{7})(?: |\n|$)", line):
            found.append(number)
    return tuple(found)
