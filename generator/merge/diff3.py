"""The classic diff3 region walk over three sequences (lines of a page, words of a line).

Khanna, Kunal & Pierce, "A Formal Investigation of Diff3" (2007); the same region walk as
Breezy's ``merge3``, on top of :class:`difflib.SequenceMatcher` so it runs without git or
extra packages.
"""
from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Region:
    """One stretch of the merge: ``kind`` is unchanged | ours | theirs | same | conflict."""

    kind: str
    base: Sequence[Hashable]
    ours: Sequence[Hashable]
    theirs: Sequence[Hashable]


def _matches(base: Sequence, other: Sequence) -> list[tuple[int, int, int]]:
    # autojunk off: its popularity heuristic would treat the many blank lines of a long page as junk.
    return [tuple(m) for m in SequenceMatcher(None, base, other, autojunk=False).get_matching_blocks()]


def _sync_regions(base: Sequence, ours: Sequence, theirs: Sequence) -> list[tuple[int, ...]]:
    """Stretches of base matched in both ours and theirs: (base lo, hi, ours lo, hi, theirs lo, hi)."""
    am, bm = _matches(base, ours), _matches(base, theirs)
    ia = ib = 0
    regions: list[tuple[int, ...]] = []
    while ia < len(am) and ib < len(bm):
        abase, amatch, alen = am[ia]
        bbase, bmatch, blen = bm[ib]
        lo, hi = max(abase, bbase), min(abase + alen, bbase + blen)
        if lo < hi:
            aof, bof = amatch + lo - abase, bmatch + lo - bbase
            regions.append((lo, hi, aof, aof + hi - lo, bof, bof + hi - lo))
        if abase + alen < bbase + blen:
            ia += 1
        else:
            ib += 1
    regions.append((len(base), len(base), len(ours), len(ours), len(theirs), len(theirs)))
    return regions


def diff3_regions(base: Sequence, ours: Sequence, theirs: Sequence) -> list[Region]:
    """Split three sequences into unchanged, one-sided, identical and conflicting regions."""
    out: list[Region] = []
    iz = io = it = 0
    for zlo, zhi, olo, ohi, tlo, thi in _sync_regions(base, ours, theirs):
        z, o, t = base[iz:zlo], ours[io:olo], theirs[it:tlo]
        if o or t:
            if o == t:
                out.append(Region("same", z, o, t))
            elif z == o:
                out.append(Region("theirs", z, o, t))
            elif z == t:
                out.append(Region("ours", z, o, t))
            else:
                out.append(Region("conflict", z, o, t))
        elif z:  # both deleted the same lines
            out.append(Region("same", z, o, t))
        if zlo < zhi:
            out.append(Region("unchanged", base[zlo:zhi], ours[olo:ohi], theirs[tlo:thi]))
        iz, io, it = zhi, ohi, thi
    return out
