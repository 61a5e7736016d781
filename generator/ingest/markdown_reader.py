"""The Markdown reader: YAML front matter (checked field by field) and a Markdown body."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import frontmatter
import yaml

from generator.errors import InputError
from generator.ingest.dates import coerce_date
from generator.ingest.layout import split_units
from generator.ingest.units import RawArticle, Stated, Unit
from generator.ingest.yaml_errors import yaml_problem


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_SETEXT = re.compile(r"^(=+|-+)\s*$")
_MD_RULE = re.compile(r"^(?:[-*_]\s*){3,}$")
_MD_LIST = re.compile(r"^(?:[-*+]|\d{1,3}[.)])\s+")
_MD_QUOTE = re.compile(r"^(?:>\s?)+")
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_MD_REFLINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_MD_LINKDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|~~)(?=\S)(.+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]+)`")
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>])")


def read_md(path: Path, text: str) -> RawArticle:
    """A Markdown article, optionally with YAML front matter.

    Raises:
        InputError: the front matter is not valid YAML, not a mapping, or a field has the
            wrong type.
    """
    _check_fences(text, path)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        raise InputError(f"malformed front matter: {yaml_problem(exc)}", path) from exc
    except ValueError as exc:  # YAML reads 2025-13-45 as a date and fails to build it
        raise InputError(f"malformed front matter: impossible date ({exc})", path) from exc
    if not isinstance(post.metadata, dict):
        raise InputError("malformed front matter: expected a mapping of fields", path)
    values = _check_front_matter(post.metadata, path)
    stated = Stated(**values, basis="front matter" if values else None)
    return RawArticle(units=tuple(_markdown_units(post.content)), stated=stated)


_FENCE = re.compile(r"-{3,}[ \t]*")


def _check_fences(text: str, path: Path) -> None:
    """Refuse front matter that python-frontmatter would silently take as body text.

    A first line ``---`` with no closing ``---`` (the headline would be the YAML), and YAML
    that is not a mapping (a list of fields loses them all) are errors naming the file.
    """
    lines = text.lstrip("\ufeff").split("\n")
    if not _FENCE.fullmatch(lines[0].rstrip("\r")):
        return
    close = next((i for i, line in enumerate(lines[1:], 1) if _FENCE.fullmatch(line.rstrip("\r"))), None)
    if close is None:
        raise InputError("front matter opened with '---' on line 1 is never closed (add a '---' line after it)", path)
    try:
        data = yaml.safe_load("\n".join(lines[1:close]))
    except (yaml.YAMLError, ValueError):
        return  # read_md reports the YAML problem itself
    if data is not None and not isinstance(data, dict):
        raise InputError(f"malformed front matter: expected a mapping of fields but received a {type(data).__name__}", path)


# Other names static-site generators use for the same fields (Jekyll, Hugo, Pelican).
_FRONT_MATTER_ALIASES = {"published": ("date",), "author": ("authors",), "outlet": ("source",)}


def _check_front_matter(meta: dict[str, Any], path: Path) -> dict[str, Any]:
    meta = dict(meta)
    for key, aliases in _FRONT_MATTER_ALIASES.items():
        for alias in aliases:
            if meta.get(key) in (None, "") and meta.get(alias) not in (None, ""):
                meta[key] = meta[alias]
    values: dict[str, Any] = {}
    for key, (expected, convert) in _FRONT_MATTER.items():
        if meta.get(key) in (None, ""):
            continue
        value = convert(meta[key])
        if value is None:
            raise InputError(
                f"front matter field '{key}': expected {expected} but received: {meta[key]!r}", path
            )
        values[key] = value
    return values


def clean_field(value: Any) -> str | None:
    """A scalar metadata value as one line of text; None for anything else (lists, maps)."""
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return " ".join(str(value).split()) or None
    return None


def _names(value: Any) -> str | None:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return ", ".join(" ".join(v.split()) for v in value)
    return clean_field(value)


# Front-matter fields and the check each value must pass (MkDocs-style: one line per option).
_FRONT_MATTER: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "title": ("a string", clean_field),
    "outlet": ("a string", clean_field),
    "url": ("a string", clean_field),
    "author": ("a string or a list of strings", _names),
    "published": ("a date such as 2025-05-14", coerce_date),
}


def _markdown_units(body: str) -> list[Unit]:
    """Markdown body → units: headings flagged, list items and quotes unwrapped, inline markup dropped."""
    units: list[Unit] = []
    blocks: list[str] = []
    lines = [line for line in body.split("\n") if not _MD_LINKDEF.match(line)]

    def flush() -> None:
        if blocks:
            units.extend(Unit(_inline(u)) for u in split_units("\n".join(blocks)))
            blocks.clear()

    for i, line in enumerate(lines):
        stripped = line.strip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        heading = _MD_HEADING.match(stripped)
        if heading:
            flush()
            units.append(Unit(_inline(heading.group(2)), heading=True, level=len(heading.group(1))))
        elif stripped and _MD_SETEXT.match(nxt) and not blocks:
            units.append(Unit(_inline(stripped), heading=True, level=1 if nxt.startswith("=") else 2))
        elif _MD_SETEXT.match(stripped) and units and units[-1].heading and not blocks:
            continue  # the underline of a setext heading
        elif _MD_RULE.match(stripped):
            flush()
        elif _MD_LIST.match(stripped):
            flush()
            blocks.append(_MD_LIST.sub("", stripped))
            flush()
        else:
            blocks.append(_MD_QUOTE.sub("", line))
            if not stripped:
                flush()
    flush()
    return [u for u in units if u.text]


def _inline(text: str) -> str:
    """Drop inline Markdown (images, links, emphasis, code, HTML tags), keep the words."""
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REFLINK.sub(r"\1", text)
    text = _MD_CODE.sub(r"\1", text)
    for _ in range(2):  # nested emphasis such as ***word***
        text = _MD_EMPHASIS.sub(r"\2", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_ESCAPE.sub(r"\1", text)
    return " ".join(text.split())
