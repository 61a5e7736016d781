"""``set.yml``: the optional settings of a source set, checked like a MkDocs config.

Each option is declared once with its expected type; an unknown key or a value of the
wrong type is an :class:`InputError` naming the file, what was expected and what arrived.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import yaml

from generator.errors import InputError
from generator.ingest.dates import coerce_date
from generator.ingest.yaml_errors import yaml_problem

SET_FILE = "set.yml"


@dataclass(frozen=True)
class SetConfig:
    """The options of ``set.yml``; every one is optional."""

    title: str | None = None  # the briefing's title instead of the derived one
    tags: tuple[str, ...] = ()  # tags for the briefing page and the tag index
    summary: str | None = None  # a one-line summary replacing the generated one
    as_of: dt.date | None = None  # reference date for articles that state none


def _string(value: Any) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _tags(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
        return tuple(" ".join(v.split()) for v in value)
    return None


def _date(value: Any) -> dt.date | None:
    return coerce_date(value) if isinstance(value, (str, dt.date)) else None


# option → (what it must be, converter returning None when the value does not fit)
OPTIONS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "title": ("a non-empty string", _string),
    "tags": ("a list of strings", _tags),
    "summary": ("a non-empty string", _string),
    "as_of": ("a date such as 2025-05-14", _date),
}


def load_set_config(path: Path) -> SetConfig:
    """Read and check ``set.yml`` at ``path``; a missing file gives the defaults.

    Raises:
        InputError: bad YAML, not a mapping, an unknown key or a wrongly typed value.
    """
    if path.is_symlink():
        raise InputError("a symbolic link: not followed (nothing outside seeds/ is read)", path)
    if not path.is_file():
        return SetConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except yaml.YAMLError as exc:
        raise InputError(f"invalid YAML: {yaml_problem(exc)}", path) from exc
    except ValueError as exc:  # YAML reads 2025-02-30 as a date and fails to build it
        raise InputError(f"impossible date: {exc}", path) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read file: {exc}", path) from exc
    if data is None:
        return SetConfig()
    if not isinstance(data, dict):
        raise InputError(f"expected a mapping of options but received: {type(data).__name__}", path)
    return SetConfig(**_check(data, path))


def _check(data: dict[Any, Any], path: Path) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key in sorted(data, key=str):
        if key not in OPTIONS:
            raise InputError(
                f"unknown option {key!r}. Expected one of: {', '.join(sorted(OPTIONS))} but received: {key!r}",
                path,
            )
        if data[key] is None:
            continue
        expected, convert = OPTIONS[key]
        value = convert(data[key])
        if value is None:
            raise InputError(f"option {key!r}: expected {expected} but received: {data[key]!r}", path)
        values[key] = value
    return values
