"""Which sets one shard of a sharded run owns (``briefing generate --shard I/N``).

A set belongs to shard ``1 + h mod N``, where ``h`` is the first eight bytes of the SHA-256
of its slug (its folder name) read as a big-endian integer. The digest depends on nothing
but the slug: not on ``PYTHONHASHSEED`` (Python's own ``hash`` of a string changes with
every interpreter), not on the other sets, not on the machine. So each runner of a CI
matrix computes the same partition on its own, a set stays in its shard while others come
and go, and the shards of one ``N`` are disjoint and together cover every set.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

USAGE = "--shard must be I/N with 1 <= I <= N"
_FORM = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


def shard_number(slug: str, total: int) -> int:
    """The shard (1-based) of ``total`` that owns the set ``slug``."""
    digest = hashlib.sha256(slug.encode("utf-8")).digest()
    return 1 + int.from_bytes(digest[:8], "big") % total


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` of ``total`` (both 1-based): the sets :func:`shard_number` gives it."""

    index: int
    total: int

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.total:
            raise ValueError(f"{USAGE} (got {self.index}/{self.total})")

    @classmethod
    def parse(cls, text: str) -> "Shard":
        """``"2/4"`` → ``Shard(2, 4)``.

        Raises:
            ValueError: ``text`` is not ``I/N`` with ``1 <= I <= N``; the message says so.
        """
        found = _FORM.fullmatch(text)
        if not found or not 1 <= int(found.group(1)) <= int(found.group(2)):
            raise ValueError(f"{USAGE} (got {text!r})")
        return cls(int(found.group(1)), int(found.group(2)))

    def owns(self, slug: str) -> bool:
        """Whether the set ``slug`` is this shard's to build (or to archive once removed)."""
        return shard_number(slug, self.total) == self.index

    def select(self, slugs: Iterable[str]) -> list[str]:
        """The slugs of ``slugs`` this shard owns, in their order."""
        return [slug for slug in slugs if self.owns(slug)]

    def __str__(self) -> str:
        return f"{self.index}/{self.total}"
