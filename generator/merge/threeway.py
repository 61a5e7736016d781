"""Three-way merge of a regenerated briefing page with the editor's copy.

The merge works like ``git merge-file --diff3`` / ``copier update``: *base* is the page as
last generated (``briefings/.generated/<slug>.md``), *ours* the page on disk with the
editor's changes, *theirs* the page the generator just rendered. This module is pure: text
in, :class:`MergeResult` out; :mod:`generator.merge.pages` does the reading and writing.

Front matter merges **by key** (the three blocks parsed as YAML separately, see
:mod:`generator.merge.keys`); the body merges **by lines** with diff3, resolving what
diff3 calls a conflict wherever no line can be lost (:mod:`generator.merge.body`); what is
left becomes a conflict comment after the Markdown block holding the editor's lines
(:mod:`generator.merge.conflicts`). Those pieces do one job a module; this module puts them
together.
"""
from __future__ import annotations

from collections.abc import Sequence

from generator.merge.body import merge_lines, two_way_lines
from generator.merge.conflicts import MergeResult
from generator.merge.keys import merge_mapping
from generator.util.frontmatter import dump_front_matter, parse_front_matter, split_front_matter
from generator.util.lines import split_lines


def _shift(result: MergeResult, front: str) -> MergeResult:
    """A body's merge result behind its front matter, conflict line numbers moved down to match."""
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
    merged = merge_mapping(data[0], data[1], data[2])
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
        return two_way_lines(ours, theirs)
    merged = merge_mapping({}, od, td)
    front = _pick_front(merged, [(ob, od), (tb, td)])
    return _shift(two_way_lines(ob_body, tb_body), front)

