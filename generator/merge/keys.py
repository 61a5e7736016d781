"""Front matter merged by key.

A key only one side changed takes that side's value; when both changed it, the editor
wins, except that lists keep the editor's items plus the generator's new ones (and drop
what the generator dropped), mappings merge key by key, lists of ``{id: …}`` mappings
merge by id, and a key the editor deleted returns only if the generator changed its value.
"""
from __future__ import annotations

from typing import Any

_MISSING: Any = type("_Missing", (), {"__repr__": lambda self: "<missing>"})()


def merge_mapping(b: dict, o: dict, t: dict) -> dict:
    """Key-by-key merge of base, ours (editor) and theirs (generator).

    The generator's key order comes first, then the editor's extra keys.
    """
    keys = list(t) + [k for k in o if k not in t]
    merged: dict = {}
    for key in keys:
        value = _merge_value(b.get(key, _MISSING), o.get(key, _MISSING), t.get(key, _MISSING))
        if value is not _MISSING:
            merged[key] = value
    return merged


def _merge_value(b: Any, o: Any, t: Any) -> Any:
    """Merge one front matter value; ``_MISSING`` stands for an absent key."""
    if o == b:
        return t
    if t == b or o == t:
        return o
    if isinstance(o, dict) and isinstance(t, dict):
        return merge_mapping(b if isinstance(b, dict) else {}, o, t)
    if isinstance(o, list) and isinstance(t, list):
        return _merge_list(b if isinstance(b, list) else [], o, t)
    if o is _MISSING:  # the editor deleted it, the generator changed it: the new value returns
        return t
    return o  # both changed a scalar (or the generator dropped what the editor changed): editor wins


def _keyed(items: list) -> dict | None:
    """``{id: item}`` when every item is a mapping with a distinct ``id``, else None."""
    if not all(isinstance(x, dict) and "id" in x for x in items):
        return None
    ids = [x["id"] for x in items]
    if len(set(map(repr, ids))) != len(ids):
        return None
    return {x["id"]: x for x in items}


def _merge_list(b: list, o: list, t: list) -> list:
    """The editor's items in the editor's order, minus what the generator dropped, plus its new items."""
    kb, ko, kt = _keyed(b), _keyed(o), _keyed(t)
    if kb is not None and ko is not None and kt is not None and (ko or kt):
        return list(merge_mapping(kb, ko, kt).values())
    dropped = [x for x in b if x not in t]
    merged = [x for x in o if x not in dropped]
    merged += [x for x in t if x not in b and x not in merged]
    return merged
