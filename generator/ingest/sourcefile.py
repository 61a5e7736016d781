"""``sources.yml``: where the articles of a set came from (written by ``briefing add``).

Ingest reads two fields of an article's entry, ``url`` and ``published``; they win over
what the page itself says, so an editor corrects a wrong date or address there. The other
fields (fetch time, HTTP date, text hash, feed state) are a record for ``briefing add``;
:mod:`generator.collect.store` describes the whole file.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from generator.errors import InputError
from generator.ingest.dates import coerce_date
from generator.ingest.yaml_errors import yaml_problem

SOURCES_FILE = "sources.yml"


@dataclass(frozen=True)
class Recorded:
    """What ``sources.yml`` states about one article; None when it says nothing."""

    url: str | None = None
    published: dt.date | None = None


def read_sources(path: Path) -> dict[str, Any]:
    """The parsed ``sources.yml`` at ``path``: ``articles`` and ``feeds``, each a mapping of
    name → fields, values as the strings they stand for (empty when there is no file).

    Raises:
        InputError: bad YAML or not the expected mappings.
    """
    if path.is_symlink():
        raise InputError("a symbolic link: not followed (nothing outside seeds/ is read)", path)
    if not path.is_file():
        return {"articles": {}, "feeds": {}}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig")) or {}
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {yaml_problem(exc)}", path) from exc
    except ValueError as exc:  # YAML reads 2025-13-45 as a date and fails to build it
        raise InputError(f"impossible date: {exc}", path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read file: {exc}", path) from exc
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping with 'articles' and 'feeds' but received: {type(data).__name__}", path)
    for key in ("articles", "feeds"):
        value = data.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise InputError(f"'{key}' must map each name to its fields", path)
        data[key] = {str(k): {str(f): _plain(v) for f, v in fields.items()} for k, fields in value.items()}
    return data


def _plain(value: Any) -> Any:
    """YAML reads ``2026-02-03`` as a date; keep every value as the string it stands for."""
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def recorded_source(article: Path) -> Recorded:
    """The ``url`` and ``published`` that the ``sources.yml`` beside ``article`` gives it.

    Raises:
        InputError: ``sources.yml`` is malformed, or its ``published`` is not a date.
    """
    path = article.parent / SOURCES_FILE
    entry = read_sources(path)["articles"].get(article.name, {})
    published = entry.get("published")
    date = coerce_date(str(published)) if published else None
    if published and date is None:
        raise InputError(f"'published' of {article.name}: expected a date such as 2025-05-14 but received: {published!r}", path)
    url = entry.get("url")
    return Recorded(url=str(url) if url else None, published=date)
