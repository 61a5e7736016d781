"""One side's changes inside a region diff3 calls conflicting, as small hunks.

Each side's changes are taken against the base, and replaced blocks are paired line by
line like :class:`difflib.Differ` does, so a row whose numbers changed is told apart from
the row the editor deleted next to it. Hunks of the two sides that must be decided
together are grouped into clusters.
"""
from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Hunk:
    """One side's change inside a conflicting region: base lines ``lo:hi`` become ``lines``.

    ``paired`` marks one line changed into a line much like it (a row whose count changed).
    """

    lo: int
    hi: int
    side: str  # "ours" | "theirs"
    lines: tuple[str, ...]
    paired: bool = False


_PAIR_CUTOFF = 0.6  # how alike two lines must be to count as one line changed (difflib.Differ uses 0.75)
_PAIR_LIMIT = 4000  # line pairs compared per changed block before giving up on pairing


def _paired(base: list[str], other: list[str], side: str, i1: int, i2: int, j1: int, j2: int) -> list[Hunk]:
    """A replaced block split into changed line pairs and what lies between them.

    Like :meth:`difflib.Differ._fancy_replace`: take the most alike pair of lines, treat it
    as one line changed, and do the same on each side of it. A row whose numbers changed
    is thereby told apart from the row the editor deleted next to it.
    """
    if i1 == i2 and j1 == j2:
        return []
    if i1 == i2 or j1 == j2 or (i2 - i1) * (j2 - j1) > _PAIR_LIMIT:
        return [Hunk(i1, i2, side, tuple(other[j1:j2]))]
    best, bi, bj = _PAIR_CUTOFF, -1, -1
    matcher = SequenceMatcher(autojunk=False)
    for j in range(j1, j2):
        matcher.set_seq2(other[j])
        for i in range(i1, i2):
            matcher.set_seq1(base[i])
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and matcher.ratio() > best:
                best, bi, bj = matcher.ratio(), i, j
    if bi < 0:
        return [Hunk(i1, i2, side, tuple(other[j1:j2]))]
    return (
        _paired(base, other, side, i1, bi, j1, bj)
        + [Hunk(bi, bi + 1, side, (other[bj],), paired=True)]
        + _paired(base, other, side, bi + 1, i2, bj + 1, j2)
    )


def side_hunks(base: list[str], other: list[str], side: str) -> list[Hunk]:
    """One side's changes, replaced blocks split into changed line pairs (see :func:`_paired`)."""
    hunks: list[Hunk] = []
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            hunks += _paired(base, other, side, i1, i2, j1, j2)
    return hunks


def _touch(a: Hunk, b: Hunk) -> bool:
    """Whether two hunks must be decided together.

    They must when they change the same base lines, insert at the same place, or one
    inserts inside or right at the edge of lines the other deleted or rewrote wholesale
    (the other side may be adding the very lines the rewrite brought). A one-line change
    (``paired``) next to an insertion is independent of it.
    """
    if a.lo < a.hi and b.lo < b.hi:
        return a.lo < b.hi and b.lo < a.hi
    if a.lo == a.hi and b.lo == b.hi:
        return a.lo == b.lo
    ins, rng = (a, b) if a.lo == a.hi else (b, a)
    if rng.lo < ins.lo < rng.hi:
        return True
    return not rng.paired and ins.lo in (rng.lo, rng.hi)


def clusters(z: list[str], o: list[str], t: list[str]) -> list[list[Hunk]]:
    """Both sides' hunks in base order, grouped where they must be decided together."""
    hunks = sorted(side_hunks(z, o, "ours") + side_hunks(z, t, "theirs"), key=lambda h: (h.lo, h.hi, h.side))
    groups: list[list[Hunk]] = []
    for hunk in hunks:
        if groups and any(_touch(hunk, other) for other in groups[-1]):
            groups[-1].append(hunk)
        else:
            groups.append([hunk])
    return groups


def apply_hunks(z: list[str], lo: int, hi: int, hunks: list[Hunk]) -> list[str]:
    """Base lines ``lo:hi`` with one side's hunks applied."""
    out, k = [], lo
    for hunk in hunks:
        out += z[k : hunk.lo] + list(hunk.lines)
        k = hunk.hi
    return out + z[k:hi]

