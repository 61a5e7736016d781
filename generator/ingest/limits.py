"""The limits every input is checked against before anything expensive runs.

Source sets come from scrapers, copy-paste and colleagues' laptops: a 50 MB log pasted as an
article, a folder name the length of a headline. Each limit is explicit, has a default that
no real news article comes near, and can be changed with an environment variable (the CI
and the command line share them without a configuration file):

| limit | default | variable |
| --- | --- | --- |
| bytes of one article file | 2,000,000 | ``BRIEFING_MAX_ARTICLE_BYTES`` |
| characters of one article's cleaned text | 1,000,000 | ``BRIEFING_MAX_ARTICLE_CHARS`` |
| articles in one set | 200 | ``BRIEFING_MAX_ARTICLES`` |
| characters of a set folder's name | 100 | ``BRIEFING_MAX_SET_NAME`` |

A file over the byte limit is never read (its size is known from the file system), so memory
stays bounded whatever lands in ``seeds/``. The character limit keeps an article within one
spaCy ``Doc`` (spaCy refuses texts over its ``max_length``). The set-name limit leaves room
for the page, its stored base and record under the file system's 255-byte name limit.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from generator.errors import InputError

_VARIABLES = {
    "article_bytes": "BRIEFING_MAX_ARTICLE_BYTES",
    "article_chars": "BRIEFING_MAX_ARTICLE_CHARS",
    "articles_per_set": "BRIEFING_MAX_ARTICLES",
    "set_name": "BRIEFING_MAX_SET_NAME",
}


@dataclass(frozen=True)
class Limits:
    """The input limits (see the module docstring for the defaults and variables)."""

    article_bytes: int = 2_000_000
    article_chars: int = 1_000_000
    articles_per_set: int = 200
    set_name: int = 100

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """The defaults, each overridden by its environment variable when set.

        Raises:
            InputError: a variable that is not a positive whole number.
        """
        env = os.environ if environ is None else environ
        values = {}
        for field, name in _VARIABLES.items():
            raw = env.get(name, "").strip()
            if not raw:
                continue
            if not raw.isdigit() or int(raw) < 1:
                raise InputError(f"expected a positive whole number but received: {raw!r}", f"${name}")
            values[field] = int(raw)
        return cls(**values)
