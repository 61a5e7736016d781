"""The MkDocs site: ``mkdocs build --strict`` over ``briefings/``, and the live preview.

:func:`build_site` runs MkDocs in a subprocess and turns a failed build into one error
line; :func:`serve` runs MkDocs' live-reload server and regenerates the briefings when a
file under the seeds changes. Neither writes into ``briefings/`` itself: the
``regenerate`` callback :func:`serve` is given runs the pipeline, which does.
"""
from __future__ import annotations

import logging
import os
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
    """Run ``mkdocs build`` (``--strict`` by default) in ``project_dir``.

    Raises:
        BriefingError: with MkDocs' own warnings/errors when the build fails.
    """
    cfg = config or project_dir / "mkdocs.yml"
    cmd = [sys.executable, "-m", "mkdocs", "build", "--clean", "--config-file", str(cfg)]
    if strict:
        cmd.append("--strict")
    proc = subprocess.run(cmd, cwd=project_dir, env=_mkdocs_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        lines = [ln.strip() for ln in (proc.stderr + proc.stdout).splitlines() if ln.strip()]
        problems = [ln for ln in lines if ln.startswith(("WARNING", "ERROR"))] or lines[-3:]
        raise BriefingError("mkdocs build failed: " + " | ".join(problems), cfg)


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
