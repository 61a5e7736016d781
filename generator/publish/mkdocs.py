"""The MkDocs site: ``mkdocs build --strict`` over ``briefings/``, and the live preview.

:func:`build_site` runs MkDocs in a subprocess into a fresh folder beside the site and swaps
it in only when the build succeeded, so a failed or killed build never leaves a broken or
empty site; the subprocess dies with its parent. A failed build becomes one error line.
:func:`serve` runs MkDocs' live-reload server and regenerates the briefings when a file
under the seeds changes. Neither writes into ``briefings/`` itself: the
``regenerate`` callback :func:`serve` is given runs the pipeline, which does.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BriefingError

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)


def _mkdocs_env() -> dict[str, str]:
    # mkdocs-material prints a banner about MkDocs 2.0 on every run; it would drown the
    # warnings a failed --strict build reports.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def build_site(project_dir: Path, *, strict: bool = True, config: Path | None = None) -> None:
    """Run ``mkdocs build`` (``--strict`` by default) in ``project_dir``, atomically.

    The site is built into ``.<site>.building-<pid>`` next to the site folder and renamed into
    place only after MkDocs succeeded; the previous site stays whole until then. Leftovers of
    a killed build are removed by the next one.

    Raises:
        BriefingError: with MkDocs' own warnings/errors when the build fails.
    """
    cfg = config or project_dir / "mkdocs.yml"
    site = _site_dir(cfg)
    _remove_leftovers(site)
    fresh = site.with_name(f".{site.name}.building-{os.getpid()}")
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(cfg), "--site-dir", str(fresh)]
    if strict:
        cmd.append("--strict")
    try:
        proc = subprocess.run(cmd, cwd=project_dir, env=_mkdocs_env(), capture_output=True, text=True,
                              preexec_fn=_die_with_parent)
        if proc.returncode != 0:
            lines = [ln.strip() for ln in (proc.stderr + proc.stdout).splitlines() if ln.strip()]
            problems = [ln for ln in lines if ln.startswith(("WARNING", "ERROR"))] or lines[-3:]
            raise BriefingError("mkdocs build failed: " + " | ".join(problems), cfg)
        _swap_in(fresh, site)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _site_dir(cfg: Path) -> Path:
    """The ``site_dir`` of the MkDocs configuration ``cfg`` (as MkDocs reads it: ``!ENV`` and all)."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    try:
        return Path(load_config(str(cfg))["site_dir"]).resolve()
    except (ConfigurationError, OSError) as exc:
        raise BriefingError(f"cannot read the MkDocs configuration: {exc}", cfg) from exc


def _swap_in(fresh: Path, site: Path) -> None:
    """Put the freshly built ``fresh`` at ``site``; the old site is renamed away first, so at
    every moment ``site`` is a whole site (the old or the new) or, for an instant, absent with
    the old one beside it — never a half-written one."""
    old = site.with_name(f".{site.name}.old-{os.getpid()}")
    if site.exists():
        os.replace(site, old)
    os.replace(fresh, site)
    shutil.rmtree(old, ignore_errors=True)


def _remove_leftovers(site: Path) -> None:
    """Clear what a killed build left beside the site (and restore the old site if the kill
    fell between the two renames of :func:`_swap_in`)."""
    for stray in sorted(site.parent.glob(f".{site.name}.building-*")):
        shutil.rmtree(stray, ignore_errors=True)
    for stray in sorted(site.parent.glob(f".{site.name}.old-*")):
        if not site.exists():
            os.replace(stray, site)
        else:
            shutil.rmtree(stray, ignore_errors=True)


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to kill it when the parent dies (``prctl``).

    A ``briefing build`` killed with SIGKILL runs no handler; without this its MkDocs child
    would go on on its own. Elsewhere this does nothing.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes
    import signal

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)


def check_address(host: str, port: int) -> None:
    """Refuse an address ``serve`` cannot listen on (a busy port, a foreign address) before
    anything slow runs.

    Raises:
        BriefingError: naming the address and the reason.
    """
    import socket

    try:
        with socket.create_server((host, port)):
            pass
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise BriefingError(
            f"cannot serve on {host}:{port}: {reason}; choose another --port or stop the program using it"
        ) from None


def serve(
    project_dir: Path,
    seeds_dir: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    regenerate: Callable[[], None],
) -> None:
    """Serve the site with MkDocs' live-reload server; call ``regenerate`` when a seed changes.

    MkDocs watches the docs folder and ``mkdocs.yml`` itself: when ``regenerate`` rewrites a
    page the site is rebuilt and the browser reloads. The seeds folder is watched with
    watchdog (a dependency of the project), debounced so one editor save runs one
    regeneration.
    """
    from mkdocs.commands import serve as mkdocs_serve

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    observer = _watch(seeds_dir, regenerate)
    try:
        mkdocs_serve.serve(
            config_file=str(project_dir / "mkdocs.yml"), open_in_browser=False, livereload=True,
            dev_addr=f"{host}:{port}",
        )
    finally:
        observer.stop()
        observer.join()


def _watch(seeds_dir: Path, regenerate: Callable[[], None]) -> BaseObserver:
    """A started watchdog observer calling ``regenerate`` half a second after seeds stop changing.

    An editor's save is several file events (temporary file, rename, metadata); the timer
    restarts on each, so one save runs one regeneration, and the lock keeps two from
    overlapping.
    """
    import threading

    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    lock = threading.Lock()
    timer: list[threading.Timer] = []

    def run() -> None:
        with lock:
            log.info("seeds changed: regenerating")
            regenerate()

    class OnSeedChange(FileSystemEventHandler):
        def on_any_event(self, event) -> None:  # noqa: ANN001 - watchdog's event type
            if event.event_type in ("opened", "closed_no_write") or Path(event.src_path).name.startswith("."):
                return
            for t in timer:
                t.cancel()
            timer[:] = [threading.Timer(0.5, run)]
            timer[0].start()

    observer = Observer()
    observer.schedule(OnSeedChange(), str(seeds_dir), recursive=True)
    observer.start()
    return observer
