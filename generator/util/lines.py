"""The one line splitter: the merge, the front matter codec and ``briefing check`` agree on it."""
from __future__ import annotations

import re

# str.splitlines would also split on \x0b, \u2028, …: a merge must see the lines git and
# editors see, and give the editor's bytes back exactly.
_LINE = re.compile(r"[^\n]*\n|[^\n]+")


def split_lines(text: str) -> list[str]:
    """``text`` as lines that keep their ``\\n`` (only ``\\n`` ends a line)."""
    return _LINE.findall(text)
