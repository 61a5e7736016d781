"""set.yml: options, MkDocs-style errors naming the file."""
from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import InputError
from generator.ingest.setfile import SetConfig, load_set_config
from tests.ingest.conftest import FLOOD


def test_set_file_options():
    config = load_set_config(FLOOD / "set.yml")
    assert config == SetConfig(title="River Alder flood warning", tags=("weather", "floods"), as_of=dt.date(2023, 11, 2))


def test_missing_or_empty_set_file_gives_defaults(tmp_path):
    assert load_set_config(tmp_path / "set.yml") == SetConfig()
    (tmp_path / "set.yml").write_text("# nothing set yet\n")
    assert load_set_config(tmp_path / "set.yml") == SetConfig()


@pytest.mark.parametrize(
    "content, message",
    [
        (
            "title: Floods\ncolour: blue\n",
            "unknown option 'colour'. Expected one of: as_of, summary, tags, title but received: 'colour'",
        ),
        ("tags: weather\n", "option 'tags': expected a list of strings but received: 'weather'"),
        ("tags: [weather, 3]\n", "option 'tags': expected a list of strings but received: ['weather', 3]"),
        ("as_of: next week\n", "option 'as_of': expected a date such as 2025-05-14 but received: 'next week'"),
        ("summary: 42\n", "option 'summary': expected a non-empty string but received: 42"),
        ("title: [Floods\n", "invalid YAML: "),
        ("- title\n- tags\n", "expected a mapping of options but received: list"),
    ],
)
def test_bad_set_file_names_file_expected_and_received(tmp_path, content, message):
    path = tmp_path / "set.yml"
    path.write_text(content)
    with pytest.raises(InputError) as err:
        load_set_config(path)
    assert err.value.format_message().startswith(f"{path}: {message}")
