"""Property tests of the three-way merge (generator/merge.py) with hypothesis.

Random edit scripts run on a real briefing page (tests/data/pages/*.base.md): the editor
inserts, deletes and rewrites lines or single words, the generator does the same with its
own lines. Every new line or word carries a unique marker, so what survives can be counted.
Properties:

* no editor marker is ever lost: each appears exactly once in the merged page outside the
  conflict comments (a conflict keeps the editor's lines in place too);
* a generator marker lands exactly once, unless a conflict was reported;
* a base line the editor deleted and the generator left alone stays deleted;
* merging is deterministic and the result contains no stray conflict comment;
* front matter tags: the editor's additions and removals hold, the generator's new tags
  arrive, nothing is listed twice, and the editor's order leads.
"""
from __future__ import annotations

import re

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.merge.conflicts import CONFLICT_START, find_conflicts
from generator.merge.threeway import merge_page
from generator.util.frontmatter import dump_front_matter, split_front_matter
from generator.util.lines import split_lines
from tests.merge.test_merge import BASE

FRONT, BODY = split_front_matter(BASE)
BODY_LINES = split_lines(BODY)
COMMENT = re.compile(r"(?s)<!-- briefing:conflict.*?briefing:end -->\n")
WORD = re.compile(r"[A-Za-zÀ-ž]{4,}")

ops = st.lists(
    st.tuples(st.sampled_from(["insert", "delete", "line", "word"]), st.integers(0, 10_000)),
    max_size=6,
)


def apply_script(lines: list[str], script: list[tuple[str, int]], tag: str) -> tuple[list[str], list[str]]:
    """Apply an edit script; returns the new lines and the markers it introduced."""
    lines = list(lines)
    markers = []
    for n, (op, seed) in enumerate(script):
        marker = f"{tag}-{n:02d}"
        if op == "insert":
            lines.insert(seed % (len(lines) + 1), f"{marker} added this line.\n")
            markers.append(marker)
            continue
        if not lines:
            continue
        at = seed % len(lines)
        if op == "delete":
            del lines[at]
        elif op == "line":
            lines[at] = f"- {marker} rewrote this line entirely.\n"
            markers.append(marker)
        else:  # one word changed, the rest of the line kept
            words = list(WORD.finditer(lines[at]))
            if not words:
                continue
            word = words[seed % len(words)]
            lines[at] = lines[at][: word.start()] + marker + lines[at][word.end() :]
            markers.append(marker)
    return lines, [m for m in markers if any(m in line for line in lines)]


def outside_comments(text: str) -> str:
    return COMMENT.sub("", text)


@settings(max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(editor=ops, generator=ops)
def test_no_editor_line_is_lost_and_conflicts_are_reported(editor, generator):
    ours_lines, ours_markers = apply_script(BODY_LINES, editor, "EDITOR")
    theirs_lines, theirs_markers = apply_script(BODY_LINES, generator, "GENERATOR")
    ours, theirs = FRONT + "".join(ours_lines), FRONT + "".join(theirs_lines)

    result = merge_page(BASE, ours, theirs)
    assert merge_page(BASE, ours, theirs) == result  # deterministic
    visible = outside_comments(result.text)

    for marker in ours_markers:  # the editor's text is never lost, conflict or not
        assert visible.count(marker) == 1, marker
    for marker in theirs_markers:
        assert visible.count(marker) <= 1, marker
        if not result.conflicts:
            assert visible.count(marker) == 1, marker

    if not result.conflicts:
        # a line the editor deleted, and the generator kept as it was, stays deleted
        for line in set(BODY_LINES):
            if line.strip() and BODY_LINES.count(line) == 1 and line in theirs_lines:
                if line not in ours_lines:
                    assert line not in split_lines(visible), line

    # conflict blocks are where the result says, and nothing else looks like one
    assert find_conflicts(result.text) == result.conflicts
    assert result.text.count(CONFLICT_START) == len(result.conflicts)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(editor=ops)
def test_untouched_or_unchanged_sides_give_the_other_side_byte_for_byte(editor):
    ours = FRONT + "".join(apply_script(BODY_LINES, editor, "EDITOR")[0])
    assert merge_page(BASE, ours, BASE).text == ours
    assert merge_page(BASE, BASE, ours).text == ours
    assert merge_page(BASE, ours, ours).text == ours


BASE_META = yaml.safe_load(FRONT.strip().strip("-"))
tag_names = st.sampled_from(["nato", "diplomacy", "kosovo", "ukraine", "ceasefire", "mediation", "türkiye"])


def with_tags(tags: list[str]) -> str:
    meta = dict(BASE_META, tags=tags)
    return dump_front_matter(meta) + BODY


@settings(max_examples=100, deadline=None, derandomize=True)
@given(
    ours_tags=st.lists(tag_names, unique=True, max_size=6),
    theirs_tags=st.lists(tag_names, unique=True, max_size=6),
)
def test_tags_merge_keeps_the_editors_choices(ours_tags, theirs_tags):
    base_tags = BASE_META["tags"]
    merged = merge_page(BASE, with_tags(ours_tags), with_tags(theirs_tags))
    assert merged.conflicts == ()
    tags = yaml.safe_load(split_front_matter(merged.text)[0].strip().strip("-"))["tags"]
    assert len(tags) == len(set(tags))
    for tag in ours_tags:
        if tag not in base_tags:  # the editor added it
            assert tag in tags
    for tag in base_tags:
        if tag not in ours_tags:  # the editor removed it
            assert tag not in tags
    for tag in theirs_tags:
        if tag not in base_tags:  # the generator added it
            assert tag in tags
    if ours_tags != base_tags:  # the editor's order leads
        assert tags[: len([t for t in ours_tags if t in tags])] == [t for t in ours_tags if t in tags]
