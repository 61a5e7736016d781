"""The body of a page merged by lines, resolving diff3 conflicts wherever no line can be lost.

Where diff3 reports a conflict, the region is looked at again change by change
(:mod:`generator.merge.hunks`) and resolved whenever no line can be lost by doing so:

* changes to different base lines are both applied (an editor's deleted table row next to
  rows the generator recounted);
* both sides only inserted lines at the same place: the generator's lines, then the
  editor's (an editor's new section after the last list stays after the list's new items);
* one side only inserted lines around lines the other side changed: both are applied;
* a line both sides changed is merged word by word (an editor's spelling fix and the
  generator's new source reference on one line both land);
* a resolution that would repeat a line is refused and becomes a conflict.

What is left becomes a conflict comment (:mod:`generator.merge.conflicts`).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from generator.merge.conflicts import Builder, MergeResult
from generator.merge.diff3 import Region, diff3_regions
from generator.merge.hunks import Hunk, apply_hunks, clusters
from generator.merge.words import merge_words
from generator.util.lines import split_lines


def _around(core: list[str], seq: list[str]) -> tuple[list[str], list[str]] | None:
    """``(before, after)`` when ``seq == before + core + after``, else None."""
    n = len(core)
    for start in range(len(seq) - n + 1):
        if seq[start : start + n] == core:
            return seq[:start], seq[start + n :]
    return None


def _wrap(before: list[str], middle: list[str], after: list[str]) -> list[str]:
    """``before + middle + after``, without repeating lines ``middle`` already starts or ends with."""
    if before and middle[: len(before)] == before:
        before = []
    if after and middle[len(middle) - len(after) :] == after:
        after = []
    return before + middle + after


def _union(ours: list[str], theirs: list[str]) -> list[str]:
    """Two insertions at one place: shared first and last lines once, the generator's lines first."""
    head = 0
    while head < min(len(ours), len(theirs)) and ours[head] == theirs[head]:
        head += 1
    tail = 0
    while tail < min(len(ours), len(theirs)) - head and ours[-1 - tail] == theirs[-1 - tail]:
        tail += 1
    return ours[:head] + theirs[head : len(theirs) - tail] + ours[head:]


def _resolve_cluster(z: list[str], cluster: list[Hunk], out: Builder) -> None:
    """Both sides' changes to the base lines one cluster spans, merged into ``out``."""
    lo, hi = min(h.lo for h in cluster), max(h.hi for h in cluster)
    ours = apply_hunks(z, lo, hi, [h for h in cluster if h.side == "ours"])
    theirs = apply_hunks(z, lo, hi, [h for h in cluster if h.side == "theirs"])
    base = z[lo:hi]
    if ours == theirs or theirs == base:
        out.add(ours)
    elif ours == base:
        out.add(theirs)
    elif not base:  # both only inserted here: keep both
        out.add(_union(ours, theirs))
    elif (around := _around(base, theirs)) is not None:  # the generator only added lines around
        out.add(_wrap(around[0], ours, around[1]))
    elif (around := _around(base, ours)) is not None:  # the editor only added lines around
        out.add(_wrap(around[0], theirs, around[1]))
    elif len(base) == len(ours) == len(theirs):
        _merge_line_by_line(base, ours, theirs, out)
    else:
        out.conflict(base, ours, theirs)


def _merge_line_by_line(base: list[str], ours: list[str], theirs: list[str], out: Builder) -> None:
    """Same-size rewrites: each line on its own, by words where both sides changed it."""
    for zl, ol, tl in zip(base, ours, theirs):
        if ol == tl or tl == zl:
            out.add([ol])
        elif ol == zl:
            out.add([tl])
        else:
            merged = merge_words(zl, ol, tl)
            if merged is None:
                out.conflict([zl], [ol], [tl])
            else:
                out.add([merged])


def _resolve(region: Region, out: Builder) -> None:
    """Merge one region diff3 calls conflicting, leaving a conflict block only where lines collide.

    diff3 needs a line unchanged on *both* sides between two changes; here the two sides'
    changes are compared directly, so an edit next to (not on) a line the generator changed
    merges, as do insertions around changed lines and same-size rewrites word by word.
    """
    z, o, t = list(region.base), list(region.ours), list(region.theirs)
    trial = Builder()
    k = 0
    for cluster in clusters(z, o, t):
        lo = min(h.lo for h in cluster)
        trial.add(z[k:lo])
        _resolve_cluster(z, cluster, trial)
        k = max(h.hi for h in cluster)
    trial.add(z[k:])
    if _duplicates(trial.lines, o, t):
        out.conflict(z, o, t)  # never let an automatic resolution say a line twice
        return
    out.lines_from(trial)


def _duplicates(merged: list[str], ours: list[str], theirs: list[str]) -> bool:
    """Whether ``merged`` repeats a non-blank line more often than either side has it."""
    counts: dict[str, int] = {}
    for line in merged:
        if line.strip():
            counts[line] = counts.get(line, 0) + 1
    return any(n > 1 and n > max(ours.count(line), theirs.count(line)) for line, n in counts.items())


def merge_lines(base: str, ours: str, theirs: str) -> MergeResult:
    """Three-way line merge of plain texts (no front matter handling)."""
    out = Builder()
    for region in diff3_regions(split_lines(base), split_lines(ours), split_lines(theirs)):
        if region.kind == "theirs":
            out.add(region.theirs)
        elif region.kind == "conflict":
            _resolve(region, out)
        else:  # unchanged, ours, same: the editor's lines
            out.add(region.ours)
    return out.result()


def two_way_lines(ours: str, theirs: str) -> MergeResult:
    """Without a base every difference is a conflict: the editor's lines stay, the generator's are proposed."""
    o, t = split_lines(ours), split_lines(theirs)
    out = Builder()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, o, t, autojunk=False).get_opcodes():
        if tag == "equal":
            out.add(o[i1:i2])
        else:
            out.conflict([], o[i1:i2], t[j1:j2])
    return out.result()
