"""``briefing check``: validate every briefing page in the docs folder.

A *briefing page* is a top-level ``<docs>/<name>.md`` (never a page in a folder) whose front matter has a ``slug`` key
or that has a stored generated version ``<docs>/.generated/<name>.md``; the site's own
pages (home, actors, sources, tags …) have neither. For each
briefing page, one :class:`Problem` per finding:

* front matter missing, not YAML, or not valid against ``schema/frontmatter.schema.json``
  (jsonschema; editors may add keys, the ones the page format defines must keep their type);
* ``slug`` not matching the file name;
* an unresolved conflict block left by a merge (``<!-- briefing:conflict``) or a git
  conflict marker;
* no stored generated version, so the next regeneration cannot tell hand edits apart;
* front matter Material prints raw (title, description, tags) holding HTML markup;
* article files the last generation left out (listed under ``skipped``).

The site's own pages are checked for conflict blocks only (a hand edit merged with a new
generation may leave one).
"""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator.errors import BriefingError
from generator.merge.conflicts import CONFLICT_START, find_conflicts
from generator.merge.state import SetFiles, display, read_page
from generator.render.site_pages import MARKER_PREFIX, OWNED_DIRS
from generator.util.frontmatter import front_matter_yaml, split_front_matter
from generator.util.lines import split_lines


@dataclass(frozen=True)
class Problem:
    """One problem on one page; ``str()`` gives ``path:line: message`` (or ``path: message``)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@lru_cache(maxsize=1)
def frontmatter_schema() -> dict[str, Any]:
    """The JSON Schema of a briefing page's front matter."""
    text = resources.files("generator.render").joinpath("schema/frontmatter.schema.json").read_text("utf-8")
    return json.loads(text)


def _json_safe(value: Any) -> Any:
    """YAML values as JSON values: unquoted dates (``2025-05-13``) become ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


def _key_line(block: str, key: str) -> int | None:
    """1-based line of a top-level front matter key (the opening ``---`` is line 1)."""
    pattern = re.compile(rf"{re.escape(key)}\s*:")
    for number, line in enumerate(split_lines(block), start=1):
        if pattern.match(line):
            return number
    return None


def _where(path: Any) -> str:
    """A jsonschema error path as a reader writes it: ``sources[2].url``."""
    parts = []
    for part in path:
        parts.append(f"[{part}]" if isinstance(part, int) else f".{part}")
    return "".join(parts).lstrip(".")


def _front_matter_problems(shown: str, stem: str, block: str) -> list[Problem]:
    """YAML errors, schema violations and a slug that is not the file name, each at its line."""
    try:
        data = yaml.safe_load(front_matter_yaml(block))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 0-based, +1 for the --- line
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [Problem(shown, line, f"front matter is not valid YAML: {reason}")]
    except (ValueError, RecursionError) as exc:  # YAML reads 2025-13-45 as a date, then fails
        return [Problem(shown, 1, f"front matter holds an impossible value: {exc}")]
    if not isinstance(data, dict):
        return [Problem(shown, 1, "front matter is not a mapping of keys to values")]
    problems = _raw_markup(shown, block, data) + _skipped_articles(shown, block, data)
    validator = jsonschema.Draft202012Validator(frontmatter_schema())
    errors = sorted(validator.iter_errors(_json_safe(data)), key=lambda e: [str(p) for p in e.absolute_path])
    for error in errors:
        path = list(error.absolute_path)
        line = _key_line(block, str(path[0])) if path else 1
        where = f" `{_where(path)}`" if path else ""
        problems.append(Problem(shown, line, f"front matter{where}: {error.message}"))
    slug = data.get("slug")
    if isinstance(slug, str) and slug != stem:
        problems.append(Problem(shown, _key_line(block, "slug"), f"slug {slug!r} does not match the file name {stem}.md"))
    return problems


# Material prints title, description and tags into the page's HTML unescaped (<title>, meta
# tags, tag chips): markup there would run in the reader's browser. Generated values are
# escaped; this catches what an editor types.
_MARKUP = re.compile(r"<\s*[A-Za-z/!?]|javascript\s*:", re.IGNORECASE)
_PRINTED_RAW = ("title", "description", "tags")


def _raw_markup(shown: str, block: str, data: dict) -> list[Problem]:
    """A problem per front matter value Material prints raw that holds HTML markup."""
    problems = []
    for key in _PRINTED_RAW:
        values = data.get(key)
        values = values if isinstance(values, list) else [values]
        if any(isinstance(v, str) and _MARKUP.search(v) for v in values):
            problems.append(Problem(shown, _key_line(block, key),
                                    f"front matter `{key}` holds HTML markup, which the site would print raw: "
                                    "write plain text (use &lt; for a literal <)"))
    return problems


def _skipped_articles(shown: str, block: str, data: dict) -> list[Problem]:
    """A problem when the last generation had to leave article files out (CI must notice)."""
    skipped = data.get("skipped")
    if not isinstance(skipped, list) or not skipped:
        return []
    files = ", ".join(str(s.get("file")) for s in skipped if isinstance(s, dict))
    return [Problem(shown, _key_line(block, "skipped"),
                    f"{len(skipped)} article file(s) left out of the briefing ({files}): fix or remove them, "
                    "then run `briefing generate`")]


def _is_briefing(has_base: bool, block: str | None) -> bool:
    """Whether a page is a briefing: it has a stored base or its front matter has a slug."""
    return has_base or (block is not None and _key_line(block, "slug") is not None)


def _conflict_problems(shown: str, text: str) -> list[Problem]:
    """One problem per conflict comment or git conflict marker left in the page."""
    lines = split_lines(text)
    problems = []
    for number in find_conflicts(text):
        if lines[number - 1].startswith(CONFLICT_START):
            message = "unresolved merge conflict: keep what you want, then delete the comment block"
        else:
            message = "git conflict marker: resolve the conflict and delete the marker lines"
        problems.append(Problem(shown, number, message))
    return problems


def check_page(docs_dir: Path, page: Path) -> list[Problem]:
    """The problems of one page (empty when it is fine or is not a briefing page)."""
    shown = display(page)
    try:
        text = read_page(page) or ""
    except BriefingError as exc:
        return [Problem(shown, None, exc.format_message().removeprefix(f"{shown}: "))]
    block, _ = split_front_matter(text)
    stored = SetFiles(Path(docs_dir)).base(page.stem)
    # Only a page at the top of the docs folder can be a briefing: a site page deeper down
    # may share a briefing's name (``sources/<set>.md``) and so its stored base.
    top = page.resolve().parent == Path(docs_dir).resolve()
    has_base = top and stored.is_file()
    if not (top and _is_briefing(has_base, block)):
        # a site page: an editor's change merged with a new generation may leave a conflict
        return _conflict_problems(shown, text) if MARKER_PREFIX in text else []
    problems: list[Problem] = []
    if block is None:
        problems.append(Problem(shown, 1, "no front matter: a briefing page starts with a --- block"))
    else:
        problems += _front_matter_problems(shown, page.stem, block)
    problems += _conflict_problems(shown, text)
    if not has_base:
        problems.append(
            Problem(
                shown, None, f"no stored generated version ({display(stored)}): run `briefing generate` and commit it"
            )
        )
    return problems


def check_pages(docs_dir: Path) -> list[Problem]:
    """Every problem of every briefing page directly in ``docs_dir`` and every conflict left in
    a site page, in file-name order."""
    docs_dir = Path(docs_dir)
    problems: list[Problem] = []
    pages = sorted(docs_dir.glob("*.md")) + [p for d in OWNED_DIRS for p in sorted((docs_dir / d).rglob("*.md"))]
    for page in pages:
        if page.name.startswith(".") or not page.is_file():
            continue
        problems += check_page(docs_dir, page)
    return problems

