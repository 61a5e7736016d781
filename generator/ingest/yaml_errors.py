"""One wording for a YAML mistake in an input file (article front matter, ``set.yml``)."""
from __future__ import annotations

import yaml


def yaml_problem(exc: yaml.YAMLError) -> str:
    """What PyYAML found wrong and on which line of the YAML text: ``… (line 3)``.

    PyYAML's own message spans several lines with a context excerpt; an error here must be
    one line naming the file, so only the problem and its line are kept.
    """
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    return f"{problem} (line {mark.line + 1})" if mark is not None else problem
