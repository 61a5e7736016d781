"""The error family a user sees: one line naming the file and the next step.

Every error subclasses :class:`click.ClickException`, so the CLI prints the sentence
instead of a traceback, with the exit code DESIGN.md fixes: 1 for the content problems
here; 2 for a command used wrongly, which click itself reports as :class:`click.UsageError`.
"""
from __future__ import annotations

from pathlib import Path

import click


class BriefingError(click.ClickException):
    """A content problem: bad input, a conflict, a failed check. Exit code 1."""

    exit_code = 1

    def __init__(self, message: str, path: Path | str | None = None):
        self.path = str(path) if path is not None else None
        super().__init__(f"{self.path}: {message}" if self.path else message)

    def show(self, file=None) -> None:  # one line, no "Error:" prefix noise
        click.echo(f"error: {self.format_message()}", err=True, file=file)


class InputError(BriefingError):
    """An article or set file that cannot be read or parsed."""


class ConflictError(BriefingError):
    """Pages hold merge conflicts an editor must resolve (``briefing generate`` exits 1)."""
