"""A page's YAML front matter block: find it, parse it, write it.

The one front matter codec of the project: render writes every page's block with
:func:`dump_front_matter`, the merge splits and parses pages with the rest, ``briefing
check`` validates what :func:`split_front_matter` finds.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from generator.util.lines import split_lines

_FM_BOUNDARY = re.compile(r"-{3,}[ \t]*\r?\n?")  # python-frontmatter's boundary, one line


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


def front_matter_yaml(block: str) -> str:
    """The YAML between a front matter block's two ``---`` lines."""
    return "".join(split_lines(block)[1:-1])


def parse_front_matter(block: str | None) -> dict[str, Any] | None:
    """The mapping in a front matter block, or None when it is missing or not a YAML mapping."""
    if block is None:
        return None
    try:
        data = yaml.safe_load(front_matter_yaml(block))
    except yaml.YAMLError:
        return None
    if data is None:
        return {}
    return data if isinstance(data, dict) else None


def read_front_matter(text: str) -> dict[str, Any]:
    """The YAML front matter of a page's text ({} when it has none or it does not parse)."""
    return parse_front_matter(split_front_matter(text)[0]) or {}


def dump_front_matter(data: Mapping[str, Any]) -> str:
    """YAML front matter between ``---`` fences, keys in the order of ``data``.

    The one serialiser for every page the generator writes (briefing pages, site pages,
    merged pages), so a merged page reads like a generated one. ``width=1000`` keeps long
    titles on one line, where an editor can find and change them.
    """
    body = yaml.safe_dump(dict(data), sort_keys=False, allow_unicode=True, default_flow_style=False, width=1000)
    return f"---\n{body}---\n"
