"""Progress of a ``generate`` run: a live bar on a terminal, plain log lines in CI.

A reporter is told when the run starts (how many sets), when a set starts and ends, and
the final summary line. :func:`make_reporter` picks the live bar only when the stream is a
terminal and ``CI`` is unset: a CI log keeps every line, so a redrawn bar would fill it with
escape codes, while one line per set reads well there.
"""
from __future__ import annotations

import os
import sys
from typing import TextIO


class Reporter:
    """Silent reporter: the interface, and what library callers and tests use."""

    def start(self, total: int) -> None:
        """A run over ``total`` sets begins."""

    def begin(self, slug: str) -> None:
        """Work on set ``slug`` begins (it is the one now shown as current)."""

    def done(self, slug: str, status: str, articles: int = 0) -> None:
        """Set ``slug`` is finished with ``status`` after processing ``articles`` articles."""

    def note(self, message: str) -> None:
        """A one-off message (loading the model, archiving a page)."""

    def finish(self, summary: str) -> None:
        """The run is over; ``summary`` is the final line."""

    def close(self) -> None:
        """Release the terminal (also after an error); safe to call twice."""


class PlainReporter(Reporter):
    """One line per event, for logs: ``[2/5] my-set: updated (3 articles)``."""

    def __init__(self, stream: TextIO | None = None):
        self.stream = stream or sys.stderr
        self.total = 0
        self.count = 0

    def _line(self, text: str) -> None:
        print(text, file=self.stream, flush=True)

    def start(self, total: int) -> None:
        self.total, self.count = total, 0

    def done(self, slug: str, status: str, articles: int = 0) -> None:
        self.count += 1
        detail = f" ({articles} article{'s' if articles != 1 else ''})" if articles else ""
        self._line(f"[{self.count}/{self.total}] {slug}: {status}{detail}")

    def note(self, message: str) -> None:
        self._line(message)

    def finish(self, summary: str) -> None:
        self._line(summary)


class RichReporter(Reporter):
    """A live progress bar over the sets: current set, articles processed, elapsed time."""

    def __init__(self, stream: TextIO | None = None):
        from rich.console import Console  # imported here: plain runs never pay for rich

        self.console = Console(file=stream or sys.stderr)
        self.progress = None
        self.task = None
        self.articles = 0

    def start(self, total: int) -> None:
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description:<32}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("sets · {task.fields[articles]} articles"),
            TimeElapsedColumn(),
            console=self.console,
        )
        self.progress.start()
        self.task = self.progress.add_task("generate", total=total, articles=0)

    def begin(self, slug: str) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description=slug)

    def done(self, slug: str, status: str, articles: int = 0) -> None:
        if self.progress is None:
            return
        self.articles += articles
        self.progress.update(self.task, advance=1, articles=self.articles)
        if status not in ("unchanged",):  # keep the changes above the bar, not every set
            self.progress.console.print(f"{slug}: {status}")

    def note(self, message: str) -> None:
        (self.progress.console if self.progress else self.console).print(message)

    def finish(self, summary: str) -> None:
        if self.progress is not None:
            self.progress.update(self.task, description="done")
        self.close()
        self.console.print(summary, highlight=False)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()
            self.progress = None


def make_reporter(stream: TextIO | None = None) -> Reporter:
    """The live bar on an interactive terminal, plain lines otherwise (CI, pipes, files)."""
    stream = stream or sys.stderr
    interactive = hasattr(stream, "isatty") and stream.isatty() and not os.environ.get("CI")
    return RichReporter(stream) if interactive else PlainReporter(stream)
