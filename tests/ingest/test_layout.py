"""Paragraph units from the three plain-text layouts."""
from __future__ import annotations

from generator.ingest.decode import read_text
from generator.ingest.layout import split_units
from tests.ingest.conftest import HARBOUR, SEED_000, SEED_002


def test_one_paragraph_per_line():
    units = split_units(read_text(SEED_000).text)
    assert units[0].startswith("NATO chief Rutte visits Turkiye")
    assert "Turkey’s renewed role in NATO" in units
    assert len(units) == 27


def test_blank_line_separated_paragraphs():
    units = split_units(read_text(SEED_002).text)
    assert len(units) == 14
    assert units[0].endswith("saying that NATO should not be part of the war.")
    assert units[5] == "“Staunch, capable ally”"


def test_hard_wrapped_paragraphs_are_joined():
    units = split_units(read_text(HARBOUR / "004_legacy-bulletin.txt").text)
    assert units[2] == (
        "Striking dock workers at Porthaven said on Friday they were prepared to stay out "
        "“as long as it takes” after the port authority refused to reopen pay negotiations before next week."
    )
    assert units[3].startswith("About 300 workers") and units[3].endswith("said morale was high.")
    # headline and date line above the text are not wrapped into it
    assert units[0] == "Strikers promise to stay out “as long as it takes”"
    assert units[1] == "Friday, 8 March 2024"


def test_wrapped_text_without_blank_lines_splits_at_short_sentence_end():
    text = (
        "The council said 3,000 sandbags had been handed out from two depots and\n"
        "that more would arrive on Thursday.\n"
        "Volunteers from local football clubs helped elderly residents fill and\n"
        "carry them to their doors.\n"
        "The river is expected to peak on Thursday evening, forecasters said, and\n"
        "to fall slowly over the weekend.\n"
    )
    units = split_units(text)
    assert len(units) == 3
    assert units[1] == "Volunteers from local football clubs helped elderly residents fill and carry them to their doors."
