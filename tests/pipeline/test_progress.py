"""Progress output: plain lines for logs, a live bar on a terminal."""
from __future__ import annotations

import io

from generator.pipeline.progress import PlainReporter, Reporter, RichReporter, make_reporter


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run(reporter: Reporter) -> None:
    reporter.start(3)
    for slug, status, articles in (("alpha", "created", 2), ("beta", "unchanged", 0), ("gamma", "merged", 1)):
        reporter.begin(slug)
        reporter.done(slug, status, articles)
    reporter.note("loading the language model")
    reporter.finish("generated 2, unchanged 1, skipped 0 (locked), conflicts 0, in 0.1 s")


def test_plain_reporter_writes_one_line_per_set_and_the_summary():
    stream = io.StringIO()
    _run(PlainReporter(stream))
    assert stream.getvalue().splitlines() == [
        "[1/3] alpha: created (2 articles)",
        "[2/3] beta: unchanged",
        "[3/3] gamma: merged (1 article)",
        "loading the language model",
        "generated 2, unchanged 1, skipped 0 (locked), conflicts 0, in 0.1 s",
    ]


def test_rich_reporter_shows_changed_sets_and_the_summary():
    stream = _Terminal()
    _run(RichReporter(stream))
    out = stream.getvalue()
    assert "alpha: created" in out and "gamma: merged" in out
    assert "beta: unchanged" not in out  # unchanged sets only move the bar
    assert "3 articles" in out  # articles processed, in the bar
    assert out.rstrip().endswith("generated 2, unchanged 1, skipped 0 (locked), conflicts 0, in 0.1 s")


def test_make_reporter_uses_the_bar_only_on_an_interactive_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert isinstance(make_reporter(io.StringIO()), PlainReporter)
    assert isinstance(make_reporter(_Terminal()), RichReporter)
    monkeypatch.setenv("CI", "true")
    assert isinstance(make_reporter(_Terminal()), PlainReporter)


def test_silent_reporter_prints_nothing(capsys):
    _run(Reporter())
    assert capsys.readouterr() == ("", "")
