"""The published site around the briefing pages: index pages, actor and source pages, feed.

Two phases, as in Pelican: :func:`site_pages` builds every page's text from the briefing
records (pure, deterministic), :func:`write_site_pages` writes them and removes the pages a
previous run wrote that no longer exist. :func:`build_site` runs ``mkdocs build --strict``
and :func:`serve` runs MkDocs' live-reload server, regenerating when a seed changes.

Pages this module owns (all carry :data:`MARKER`): ``index.md``, ``questions.md``,
``timeline.md``, ``tags.md``, ``feed.xml``, and everything under ``actors/``,
``sources/`` and ``archive/``. The briefing pages themselves (``<set>.md``) belong to
the merge stage.
"""
from __future__ import annotations

import html
import logging
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import frontmatter

from generator.errors import BriefingError
from generator.render.record import BriefingRecord
from generator.render.site_pages import DEFAULT_SITE_URL, MARKER, SITE_NAME, site_pages
from generator.writer import atomic_write

if TYPE_CHECKING:
    from watchdog.observers.api import BaseObserver

log = logging.getLogger(__name__)

OWNED_DIRS = ("actors", "sources", "archive")


# --------------------------------------------------------------------------- writing


def _write(path: Path, text: str) -> None:
    """Write through the project's atomic writer; skip files whose text is unchanged."""
    if path.is_file() and path.read_text("utf-8") == text:
        return
    atomic_write(path, text)  # creates the folder


def write_site_pages(
    records: list[dict], docs_dir: Path, *, site_url: str | None = None, site_name: str = SITE_NAME
) -> list[Path]:
    """Write the site's own pages into ``docs_dir`` and remove stale ones it wrote before.

    ``site_url`` (used by the Atom feed) defaults to ``$BRIEFING_SITE_URL``, then
    ``http://127.0.0.1:8000/`` — the same rule ``mkdocs.yml`` follows. Returns the written
    paths, sorted. Output depends only on the records: same records, same bytes.
    """
    url = site_url or os.environ.get("BRIEFING_SITE_URL") or DEFAULT_SITE_URL
    published = []
    for record in records:
        page = docs_dir / f"{record['set']}.md"
        if not page.is_file():  # deleted by an editor: nothing to link to
            log.info("no page %s: left out of the site's index pages", page)
            continue
        published.append(_with_page_edits(record, page))
    pages = site_pages([BriefingRecord.from_dict(r) for r in published], site_url=url, site_name=site_name)
    written = []
    for rel, text in sorted(pages.items()):
        path = docs_dir / rel
        _write(path, text)
        written.append(path)
    _remove_stale(docs_dir, {docs_dir / rel for rel in pages})
    return written


def _with_page_edits(record: dict, page: Path) -> dict:
    """The record with the title, tags and description an editor set on the page.

    The index pages and the feed then show what the briefing page shows. A page whose
    front matter cannot be read (say, a merge conflict) keeps the generated values.
    """
    # python-frontmatter rather than generator.merging.frontmatter: it forgives blank lines
    # before the block, and the index pages have always shown edits on such pages too.
    try:
        meta = frontmatter.loads(page.read_text("utf-8")).metadata
    except Exception:  # noqa: BLE001 - any YAML problem: `briefing check` reports it
        return record
    edited = dict(record)
    if isinstance(meta.get("title"), str) and meta["title"].strip():
        edited["title"] = html.unescape(meta["title"])  # front matter holds it HTML-escaped
    if isinstance(meta.get("description"), str):
        edited["one_line"] = html.unescape(meta["description"])
    if isinstance(meta.get("tags"), list):
        edited["tags"] = [html.unescape(str(t)) for t in meta["tags"]]
    return edited


def _remove_stale(docs_dir: Path, keep: set[Path]) -> None:
    """Delete pages a previous run wrote (they carry :data:`MARKER`) that ``keep`` lacks.

    A file without the marker was put there by a person and is never removed.
    """
    for folder in OWNED_DIRS:
        root = docs_dir / folder
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*.md")):
            if path not in keep and MARKER in path.read_text("utf-8", errors="replace"):
                log.info("removing stale page %s", path)
                path.unlink()
        for sub in sorted((p for p in root.rglob("*") if p.is_dir()), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()


# --------------------------------------------------------------------------- mkdocs


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
