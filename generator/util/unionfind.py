"""Disjoint sets: the one union-find every merging step uses (actors, questions, timeline, site).

Deterministic by construction: which root survives a union is decided by ``prefer`` (by
default the smaller key), never by insertion luck, and :meth:`DisjointSet.groups` lists groups
and members in the order keys were first seen.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)


def _smaller(a, b):
    return min(a, b)


class DisjointSet(Generic[K]):
    """Union-find over hashable keys with path halving.

    ``prefer(root_a, root_b)`` returns the root that stays when two groups join; the default
    keeps the smaller key, so the root of a group does not depend on the order of unions.
    """

    def __init__(self, keys: Iterable[K] = (), *, prefer: Callable[[K, K], K] = _smaller) -> None:
        self._parent: dict[K, K] = {}
        self._prefer = prefer
        for key in keys:
            self.add(key)

    def add(self, key: K) -> None:
        """Make ``key`` a group of its own if it is not known yet."""
        self._parent.setdefault(key, key)

    def __contains__(self, key: object) -> bool:
        return key in self._parent

    def find(self, key: K) -> K:
        """The root of ``key``'s group (adding ``key`` if it is new)."""
        parent = self._parent
        parent.setdefault(key, key)
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> K:
        """Join the groups of ``a`` and ``b``; return the root that stays."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep = self._prefer(ra, rb)
        self._parent[rb if keep == ra else ra] = keep
        return keep

    def groups(self) -> list[list[K]]:
        """Every group's keys, groups ordered by their first key, keys in first-seen order."""
        out: dict[K, list[K]] = {}
        for key in self._parent:
            out.setdefault(self.find(key), []).append(key)
        return list(out.values())
