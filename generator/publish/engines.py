"""The site engines: one function per engine, each building a site folder from ``mkdocs.yml``.

* :func:`mkdocs_build` — ``mkdocs build`` with Material for MkDocs (the default engine);
* :func:`zensical_build` — ``zensical build``, Material's successor, which reads the same
  ``mkdocs.yml`` (an optional dependency: ``pip install 'briefing-site[zensical]'``).

Each runs its engine in a subprocess that dies with its parent, writes into the folder it is
given (the caller swaps that folder into place, see :func:`generator.publish.mkdocs.build_site`)
and raises :class:`BriefingError` with the engine's own warnings when the build is not clean.
"""
from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from generator.errors import BriefingError

ENGINES = ("mkdocs", "zensical")

# Zensical colours its diagnostics even when writing to a pipe, and NO_COLOR does not stop it.
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A diagnostic opens with its severity ("Warning: anchor does not exist"); the MkDocs-style
# log lines its plugins print read "WARNING -  text", and Python warnings raised while it
# reads the configuration "file.py:12: DeprecationWarning: text".
_DIAGNOSTIC = re.compile(r"^(?:(Warning|Error):|(WARNING|ERROR)\s+-|.*?\b(\w+Warning):)\s*(.+)$")
# The first line of the source excerpt under a diagnostic: "╭─[ page.md:12:5 ]".
_LOCATION = re.compile(r"\[\s*(\S+:\d+:\d+)\s*\]")


def engine_env() -> dict[str, str]:
    """The environment the engines run in."""
    # mkdocs-material prints a banner about MkDocs 2.0 on every run; it would drown the
    # warnings a failed --strict build reports.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_with(engine: str, cfg: Path, site_dir: Path, *, strict: bool = True) -> None:
    """Build ``site_dir`` from the configuration ``cfg`` with ``engine`` (one of :data:`ENGINES`).

    Raises:
        BriefingError: naming ``cfg``, for an unknown engine or a build that is not clean.
    """
    builders: dict[str, Callable[..., None]] = {"mkdocs": mkdocs_build, "zensical": zensical_build}
    if engine not in builders:
        raise BriefingError(f"unknown site engine {engine!r}; expected one of: {', '.join(ENGINES)}", cfg)
    builders[engine](cfg, site_dir, strict=strict)


def mkdocs_build(cfg: Path, site_dir: Path, *, strict: bool = True) -> None:
    """``mkdocs build --clean [--strict]`` of ``cfg`` into ``site_dir``.

    Raises:
        BriefingError: with MkDocs' WARNING/ERROR lines when it fails (with ``--strict``, any
        warning fails it).
    """
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(cfg), "--site-dir", str(site_dir)]
    if strict:
        cmd.append("--strict")
    proc = _run(cmd, cfg.parent)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr + proc.stdout).splitlines() if ln.strip()]
        problems = [ln for ln in lines if ln.startswith(("WARNING", "ERROR"))] or lines[-3:]
        raise BriefingError("mkdocs build failed: " + " | ".join(problems), cfg)


def zensical_build(cfg: Path, site_dir: Path, *, strict: bool = True) -> None:
    """``zensical build [--strict]`` of ``cfg`` into ``site_dir``.

    Zensical has no ``--site-dir`` option and resolves paths against the folder of the file it
    reads, so it is given a two-line configuration beside ``cfg`` that inherits ``cfg`` and
    sets ``site_dir``; that file is removed afterwards (and, if a killed build left one, by
    the next build).

    Raises:
        BriefingError: when Zensical is not installed, exits non-zero, or (with ``strict``)
        prints any warning even though it exited zero.
    """
    if importlib.util.find_spec("zensical") is None:
        raise BriefingError("the zensical engine is not installed; run: pip install 'briefing-site[zensical]'", cfg)
    for stray in sorted(cfg.parent.glob(f".{cfg.stem}.zensical-*.yml")):
        stray.unlink(missing_ok=True)
    import yaml

    derived = cfg.with_name(f".{cfg.stem}.zensical-{os.getpid()}.yml")
    derived.write_text(yaml.safe_dump({"INHERIT": cfg.name, "site_dir": str(site_dir)}), encoding="utf-8")
    cmd = [sys.executable, "-m", "zensical", "build", "--config-file", str(derived)]
    if strict:
        cmd.append("--strict")
    try:
        proc = _run(cmd, cfg.parent)
    finally:
        derived.unlink(missing_ok=True)
    problems = zensical_diagnostics(proc.stderr + "\n" + proc.stdout)
    if proc.returncode != 0 or (strict and problems):
        if not problems:
            lines = [ln.strip() for ln in _ANSI.sub("", proc.stderr + proc.stdout).splitlines() if ln.strip()]
            problems = lines[-3:]
        raise BriefingError("zensical build failed: " + " | ".join(problems), cfg)


def zensical_diagnostics(output: str) -> list[str]:
    """Zensical's warnings and errors in ``output``, one line each: ``Warning: text (page.md:3:9)``.

    Zensical draws each diagnostic as a coloured box: a severity line, then an excerpt of the
    source whose first line names the file, line and column. The location is folded into the
    severity line so the one-line error of ``briefing build`` can say where to look.
    """
    found: list[str] = []
    located = True
    for line in _ANSI.sub("", output).splitlines():
        if (match := _DIAGNOSTIC.match(line.strip())) is not None:
            severity = next(g for g in match.groups()[:3] if g)
            found.append(f"{severity.capitalize() if severity.isupper() else severity}: {match.group(4).strip()}")
            located = False
        elif not located and (where := _LOCATION.search(line)) is not None:
            found[-1] += f" ({where.group(1)})"
            located = True
    return found


def _run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run an engine's command in ``cwd``, output captured, killed if this process dies."""
    return subprocess.run(cmd, cwd=cwd, env=engine_env(), capture_output=True, text=True, preexec_fn=_die_with_parent)


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to kill it when the parent dies (``prctl``).

    A ``briefing build`` killed with SIGKILL runs no handler; without this its engine child
    would go on on its own. Elsewhere this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
