"""Three-way merge of a regenerated briefing page with the editor's copy.

The merge works like ``git merge-file --diff3`` / ``copier update``: *base* is the page as
last generated (``briefings/.generated/<slug>.md``), *ours* the page on disk with the
editor's changes, *theirs* the page the generator just rendered. This module is pure: text
in, :class:`MergeResult` out; :mod:`generator.pages` does the reading and writing.

Front matter merges **by key** (YAML of the three versions parsed separately): a key only
one side changed takes that side's value; when both changed it, the editor wins, except
that lists keep the editor's items plus the generator's new ones (and drop what the
generator dropped), mappings merge key by key, lists of ``{id: …}`` mappings merge by id,
and a key the editor deleted returns only if the generator changed its value.

The body merges **by lines** with the classic diff3 algorithm (Khanna, Kunal & Pierce, "A
Formal Investigation of Diff3", 2007; the same region walk as Breezy's ``merge3``), on top
of :class:`difflib.SequenceMatcher` so it runs without git or extra packages. Where diff3
reports a conflict, the region is looked at again change by change, and resolved whenever
no line can be lost by doing so:

* each side's changes are taken against the base, replaced blocks paired line by line
  like :class:`difflib.Differ` does; changes to different base lines are both applied
  (an editor's deleted table row next to rows the generator recounted);
* both sides only inserted lines at the same place: the generator's lines, then the
  editor's (an editor's new section after the last list stays after the list's new items);
* one side only inserted lines around lines the other side changed: both are applied;
* a line both sides changed is merged word by word (an editor's spelling fix and the
  generator's new source reference on one line both land);
* a resolution that would repeat a line is refused and becomes a conflict.

What is left is a conflict: the editor's lines stay where they are, and after the Markdown
block holding them (so a table, list or admonition is never split) comes an HTML comment
that MkDocs renders as nothing (``<!-- briefing:conflict`` … ``briefing:end -->``) holding
the editor's lines, the generator's proposal and the last generated text (diff3 style).
The comment lives in the page rather than in a sidecar file so it sits where the editor
must decide, travels with the page through git, and ``briefing check`` finds it from the
page alone; a sidecar could go stale or be forgotten in a commit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Hashable, Sequence

import yaml

CONFLICT_START = "<!-- briefing:conflict"
CONFLICT_END = "briefing:end -->"

_FM_BOUNDARY = re.compile(r"-{3,}[ \t]*\r?\n?")  # python-frontmatter's boundary, one line
_LINE = re.compile(r"[^\n]*\n|[^\n]+")  # str.splitlines would also split on \x0b, \u2028, …
_TOKEN = re.compile(r"\S+|\s+")  # words and the spaces between them
_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "<missing>"})()


@dataclass(frozen=True)
class MergeResult:
    """The merged page and the 1-based line numbers where its conflict blocks start."""

    text: str
    conflicts: tuple[int, ...] = ()


# --------------------------------------------------------------------------- front matter


def split_lines(text: str) -> list[str]:
    """``text`` as lines that keep their ``\\n`` (only ``\\n`` ends a line)."""
    return _LINE.findall(text)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """``(front matter block with both --- lines, body)``; ``(None, text)`` without one.

    Written here rather than taken from python-frontmatter because its ``parse`` strips the
    body, and a merge must give back the editor's bytes exactly.
    """
    lines = split_lines(text)
    if not lines or not _FM_BOUNDARY.fullmatch(lines[0]):
        return None, text
    for i in range(1, len(lines)):
        if _FM_BOUNDARY.fullmatch(lines[i]):
            return "".join(lines[: i + 1]), "".join(lines[i + 1 :])
    return None, text


def parse_front_matter(block: str | None) -> dict[str, Any] | None:
    """The mapping in a front matter block, or None when it is missing or not a YAML mapping."""
    if block is None:
        return None
    inner = "".join(split_lines(block)[1:-1])
    try:
        data = yaml.safe_load(inner)
    except yaml.YAMLError:
        return None
    if data is None:
        return {}
    return data if isinstance(data, dict) else None


def dump_front_matter(data: dict[str, Any]) -> str:
    """Serialise front matter deterministically in the order of ``data``'s keys.

    Same settings as :func:`generator.render.dump_front_matter` (kept apart so the merge
    does not load the template engine), so a merged page reads like a generated one.
    """
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{body}---\n"


def is_locked(text: str) -> bool:
    """True when the page's front matter says ``locked: true``."""
    data = parse_front_matter(split_front_matter(text)[0])
    if data is not None:
        return data.get("locked") is True
    # Unparsable front matter: still honour a plain ``locked: true`` line.
    block = split_front_matter(text)[0] or ""
    return re.search(r"(?m)^locked:[ \t]*(?:true|True|TRUE|yes|on)[ \t]*$", block) is not None


def _merge_value(b: Any, o: Any, t: Any) -> Any:
    """Merge one front matter value; ``_MISSING`` stands for an absent key."""
    if o == b:
        return t
    if t == b or o == t:
        return o
    if isinstance(o, dict) and isinstance(t, dict):
        return _merge_mapping(b if isinstance(b, dict) else {}, o, t)
    if isinstance(o, list) and isinstance(t, list):
        return _merge_list(b if isinstance(b, list) else [], o, t)
    if o is _MISSING:  # the editor deleted it, the generator changed it: the new value returns
        return t
    return o  # both changed a scalar (or the generator dropped what the editor changed): editor wins


def _merge_mapping(b: dict, o: dict, t: dict) -> dict:
    """Key-by-key merge; the generator's key order first, then the editor's extra keys."""
    keys = list(t) + [k for k in o if k not in t]
    merged: dict = {}
    for key in keys:
        value = _merge_value(b.get(key, _MISSING), o.get(key, _MISSING), t.get(key, _MISSING))
        if value is not _MISSING:
            merged[key] = value
    return merged


def _keyed(items: list) -> dict | None:
    """``{id: item}`` when every item is a mapping with a distinct ``id``, else None."""
    if not all(isinstance(x, dict) and "id" in x for x in items):
        return None
    ids = [x["id"] for x in items]
    if len(set(map(repr, ids))) != len(ids):
        return None
    return {x["id"]: x for x in items}


def _merge_list(b: list, o: list, t: list) -> list:
    """The editor's items in the editor's order, minus what the generator dropped, plus its new items."""
    kb, ko, kt = _keyed(b), _keyed(o), _keyed(t)
    if kb is not None and ko is not None and kt is not None and (ko or kt):
        return list(_merge_mapping(kb, ko, kt).values())
    dropped = [x for x in b if x not in t]
    merged = [x for x in o if x not in dropped]
    merged += [x for x in t if x not in b and x not in merged]
    return merged


# --------------------------------------------------------------------------- diff3


@dataclass(frozen=True)
class _Region:
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


def diff3_regions(base: Sequence, ours: Sequence, theirs: Sequence) -> list[_Region]:
    """Split three sequences into unchanged, one-sided, identical and conflicting regions."""
    out: list[_Region] = []
    iz = io = it = 0
    for zlo, zhi, olo, ohi, tlo, thi in _sync_regions(base, ours, theirs):
        z, o, t = base[iz:zlo], ours[io:olo], theirs[it:tlo]
        if o or t:
            if o == t:
                out.append(_Region("same", z, o, t))
            elif z == o:
                out.append(_Region("theirs", z, o, t))
            elif z == t:
                out.append(_Region("ours", z, o, t))
            else:
                out.append(_Region("conflict", z, o, t))
        elif z:  # both deleted the same lines
            out.append(_Region("same", z, o, t))
        if zlo < zhi:
            out.append(_Region("unchanged", base[zlo:zhi], ours[olo:ohi], theirs[tlo:thi]))
        iz, io, it = zhi, ohi, thi
    return out


def _merge_words(base: str, ours: str, theirs: str) -> str | None:
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


# --------------------------------------------------------------------------- conflicts


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


class _Builder:
    """Collects output lines; conflict blocks are placed when the text is complete."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.pending: list[tuple[int, list[str]]] = []  # (line index after the editor's lines, block)

    def add(self, lines: Sequence[str]) -> None:
        self.lines.extend(lines)

    def lines_from(self, other: "_Builder") -> None:
        """Append another builder's lines and pending conflicts."""
        offset = len(self.lines)
        self.lines.extend(other.lines)
        self.pending += [(anchor + offset, block) for anchor, block in other.pending]

    def conflict(self, base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> None:
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


@dataclass(frozen=True)
class _Hunk:
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


def _paired(base: list[str], other: list[str], side: str, i1: int, i2: int, j1: int, j2: int) -> list[_Hunk]:
    """A replaced block split into changed line pairs and what lies between them.

    Like :meth:`difflib.Differ._fancy_replace`: take the most alike pair of lines, treat it
    as one line changed, and do the same on each side of it. A row whose numbers changed
    is thereby told apart from the row the editor deleted next to it.
    """
    if i1 == i2 and j1 == j2:
        return []
    if i1 == i2 or j1 == j2 or (i2 - i1) * (j2 - j1) > _PAIR_LIMIT:
        return [_Hunk(i1, i2, side, tuple(other[j1:j2]))]
    best, bi, bj = _PAIR_CUTOFF, -1, -1
    matcher = SequenceMatcher(autojunk=False)
    for j in range(j1, j2):
        matcher.set_seq2(other[j])
        for i in range(i1, i2):
            matcher.set_seq1(base[i])
            if matcher.real_quick_ratio() > best and matcher.quick_ratio() > best and matcher.ratio() > best:
                best, bi, bj = matcher.ratio(), i, j
    if bi < 0:
        return [_Hunk(i1, i2, side, tuple(other[j1:j2]))]
    return (
        _paired(base, other, side, i1, bi, j1, bj)
        + [_Hunk(bi, bi + 1, side, (other[bj],), paired=True)]
        + _paired(base, other, side, bi + 1, i2, bj + 1, j2)
    )


def _hunks(base: list[str], other: list[str], side: str) -> list[_Hunk]:
    """One side's changes, replaced blocks split into changed line pairs (see :func:`_paired`)."""
    hunks: list[_Hunk] = []
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            hunks += _paired(base, other, side, i1, i2, j1, j2)
    return hunks


def _touch(a: _Hunk, b: _Hunk) -> bool:
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


def _clusters(z: list[str], o: list[str], t: list[str]) -> list[list[_Hunk]]:
    """Both sides' hunks in base order, grouped where they must be decided together."""
    hunks = sorted(_hunks(z, o, "ours") + _hunks(z, t, "theirs"), key=lambda h: (h.lo, h.hi, h.side))
    clusters: list[list[_Hunk]] = []
    for hunk in hunks:
        if clusters and any(_touch(hunk, other) for other in clusters[-1]):
            clusters[-1].append(hunk)
        else:
            clusters.append([hunk])
    return clusters


def _apply(z: list[str], lo: int, hi: int, hunks: list[_Hunk]) -> list[str]:
    """Base lines ``lo:hi`` with one side's hunks applied."""
    out, k = [], lo
    for hunk in hunks:
        out += z[k : hunk.lo] + list(hunk.lines)
        k = hunk.hi
    return out + z[k:hi]


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


def _resolve_cluster(z: list[str], cluster: list[_Hunk], out: _Builder) -> None:
    lo, hi = min(h.lo for h in cluster), max(h.hi for h in cluster)
    ours = _apply(z, lo, hi, [h for h in cluster if h.side == "ours"])
    theirs = _apply(z, lo, hi, [h for h in cluster if h.side == "theirs"])
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
        for zl, ol, tl in zip(base, ours, theirs):
            if ol == tl or tl == zl:
                out.add([ol])
            elif ol == zl:
                out.add([tl])
            else:
                merged = _merge_words(zl, ol, tl)
                if merged is None:
                    out.conflict([zl], [ol], [tl])
                else:
                    out.add([merged])
    else:
        out.conflict(base, ours, theirs)


def _resolve(region: _Region, out: _Builder) -> None:
    """Merge one region diff3 calls conflicting, leaving a conflict block only where lines collide.

    diff3 needs a line unchanged on *both* sides between two changes; here the two sides'
    changes are compared directly, so an edit next to (not on) a line the generator changed
    merges, as do insertions around changed lines and same-size rewrites word by word.
    """
    z, o, t = list(region.base), list(region.ours), list(region.theirs)
    trial = _Builder()
    k = 0
    for cluster in _clusters(z, o, t):
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
    out = _Builder()
    for region in diff3_regions(split_lines(base), split_lines(ours), split_lines(theirs)):
        if region.kind == "theirs":
            out.add(region.theirs)
        elif region.kind == "conflict":
            _resolve(region, out)
        else:  # unchanged, ours, same: the editor's lines
            out.add(region.ours)
    return out.result()


def _two_way_lines(ours: str, theirs: str) -> MergeResult:
    """Without a base every difference is a conflict: the editor's lines stay, the generator's are proposed."""
    o, t = split_lines(ours), split_lines(theirs)
    out = _Builder()
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, o, t, autojunk=False).get_opcodes():
        if tag == "equal":
            out.add(o[i1:i2])
        else:
            out.conflict([], o[i1:i2], t[j1:j2])
    return out.result()


# --------------------------------------------------------------------------- pages


def _shift(result: MergeResult, front: str) -> MergeResult:
    offset = len(split_lines(front))
    return MergeResult(front + result.text, tuple(n + offset for n in result.conflicts))


def _pick_front(data: dict, blocks: Sequence[tuple[str, dict]]) -> str:
    """Reuse an input's exact front matter text when the merged mapping equals it (byte stability)."""
    for text, parsed in blocks:
        if parsed == data:
            return text
    return dump_front_matter(data)


def merge_page(base: str, ours: str, theirs: str) -> MergeResult:
    """Merge the generator's new page (``theirs``) into the editor's page (``ours``).

    ``base`` is the page as last generated. An untouched page (``ours == base``) becomes
    ``theirs`` byte for byte; when the generator changed nothing (``theirs == base``) the
    editor's page is returned byte for byte. Front matter merges by key, the body by lines
    (see the module docstring); a page whose front matter cannot be parsed on any side is
    merged by lines as a whole.
    """
    if ours == base or ours == theirs:
        return MergeResult(theirs)
    if theirs == base:
        return MergeResult(ours)
    fronts = [split_front_matter(x) for x in (base, ours, theirs)]
    data = [parse_front_matter(block) for block, _ in fronts]
    if any(d is None for d in data):
        return merge_lines(base, ours, theirs)
    (_, bb), (ob, ob_body), (tb, tb_body) = fronts
    merged = _merge_mapping(data[0], data[1], data[2])
    front = _pick_front(merged, [(tb, data[2]), (ob, data[1])])
    return _shift(merge_lines(bb, ob_body, tb_body), front)


def merge_without_base(ours: str, theirs: str) -> MergeResult:
    """Merge when no last generated version exists (it was deleted, or never committed).

    Nothing tells an editor's change from a generator's, so the editor's text wins
    everywhere: front matter keys the editor lacks are added, and every differing stretch
    of the body is a conflict with the generator's version proposed beside the editor's.
    """
    if ours == theirs:
        return MergeResult(ours)
    (ob, ob_body), (tb, tb_body) = split_front_matter(ours), split_front_matter(theirs)
    od, td = parse_front_matter(ob), parse_front_matter(tb)
    if od is None or td is None:
        return _two_way_lines(ours, theirs)
    merged = _merge_mapping({}, od, td)
    front = _pick_front(merged, [(ob, od), (tb, td)])
    return _shift(_two_way_lines(ob_body, tb_body), front)


def find_conflicts(text: str) -> tuple[int, ...]:
    """1-based line numbers of the conflict blocks (and stray git markers) left in a page."""
    found = []
    for number, line in enumerate(split_lines(text), start=1):
        if line.startswith(CONFLICT_START) or re.match(r"(<{7}|>{7})(?: |\n|$)", line):
            found.append(number)
    return tuple(found)
