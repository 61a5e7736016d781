"""The site: a strict build of ``briefings/`` by MkDocs or Zensical, and the live preview.

:func:`build_site` runs the chosen engine (:mod:`generator.publish.engines`) in a subprocess
into a fresh folder beside the site and swaps it in only when the build succeeded, so a
failed or killed build never leaves a broken or empty site; the subprocess dies with its
parent. A failed build becomes one error line.
:func:`serve` runs MkDocs' live-reload server and regenerates the briefings when a file
under the seeds changes. Neither writes into ``briefings/`` itself: the
``regenerate`` callback :func:`serve` is given runs the pipeline, which does.
"""
from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import BriefingError
from generator.publish.engines import build_with

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)


def build_site(project_dir: Path, *, strict: bool = True, config: Path | None = None, engine: str = "mkdocs") -> None:
    """Build the site of ``project_dir`` with ``engine`` (``--strict`` by default), atomically.

    ``engine`` is one of :data:`generator.publish.engines.ENGINES`: ``mkdocs`` (Material for
    MkDocs) or ``zensical``; both read the same ``mkdocs.yml``. The site is built into
    ``.<site>.building-<pid>`` next to the site folder and renamed into place only after the
    engine succeeded; the previous site stays whole until then. Leftovers of a killed build are
    removed by the next one.

    Raises:
        BriefingError: with the engine's own warnings/errors when the build fails.
    """
    cfg = (config or project_dir / "mkdocs.yml").resolve()  # the engines run in its folder
    site = _site_dir(cfg)
    _remove_leftovers(site)
    fresh = site.with_name(f".{site.name}.building-{os.getpid()}")
    try:
        build_with(engine, cfg, fresh, strict=strict)
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
