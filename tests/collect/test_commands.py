"""``add`` and ``sort`` have help with an example and a README section, like every command."""
from __future__ import annotations

import pytest

from tests.collect.test_add import briefing
from tests.conftest import ROOT


@pytest.mark.parametrize("command", ["add", "sort"])
def test_help_has_an_example(command):
    proc = briefing(command, "--help")
    assert proc.returncode == 0
    assert f"Example: briefing {command} " in proc.stdout


def test_the_readme_documents_both():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Adding articles from the web" in readme and "## Sorting an inbox" in readme
    assert "| `briefing add URL... --set SLUG" in readme and "| `briefing sort INBOX" in readme
