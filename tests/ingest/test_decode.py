"""Decoding: UTF-8, BOM, cp1252/latin-1 fallbacks, normalisation, unreadable files."""
from __future__ import annotations

import logging
import unicodedata

import pytest

from generator.errors import InputError
from generator.ingest.decode import decode_bytes, normalise, read_text
from tests.ingest.conftest import HARBOUR, SEED_000


def test_utf8_seed_keeps_its_characters():
    decoded = read_text(SEED_000)
    assert decoded.encoding == "utf-8"
    assert "Recep Tayyip Erdoğan" in decoded.text
    assert "Türkiye 🇹🇷 is a staunch and capable Ally." in decoded.text


def test_cp1252_file_falls_back_and_warns(caplog):
    path = HARBOUR / "004_legacy-bulletin.txt"
    with caplog.at_level(logging.WARNING, logger="generator.ingest.decode"):
        decoded = read_text(path)
    assert decoded.encoding == "cp1252"
    assert "“as long as it takes”" in decoded.text
    assert "José\nMartínez" in decoded.text
    assert any("004_legacy-bulletin.txt" in r.getMessage() and "cp1252" in r.getMessage() for r in caplog.records)


def test_bom_and_crlf_are_removed():
    raw = (HARBOUR / "005_bom-bulletin.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    decoded = decode_bytes(raw, HARBOUR / "005_bom-bulletin.txt")
    assert decoded.encoding == "utf-8-sig"
    assert "\ufeff" not in decoded.text and "\r" not in decoded.text
    assert decoded.text.startswith("Shipping lines began diverting vessels")


def test_bytes_undefined_in_cp1252_fall_back_to_latin1(tmp_path):
    # 0x81 has no cp1252 character, so only latin-1 can read this line.
    text = (
        "Die Hauptstra\u00dfe in M\u00fchlbach blieb am Donnerstag gesperrt, nachdem der Fluss \u00fcber "
        "die Ufer getreten war; the council said the road would reopen once engineers had checked the bridge."
    )
    raw = text.encode("latin-1") + b" \x81\n"
    decoded = decode_bytes(raw, tmp_path / "x.txt")
    assert decoded.encoding == "latin-1"
    assert decoded.text == text + "\n"  # the stray control byte is dropped


def test_normalise_composes_and_tidies_spaces():
    text = "Erdog\u0306an\u00a0met  Rutte\u200b in Ankara.\r\nNext line\r"
    out = normalise(text)
    assert out == "Erdoğan met Rutte in Ankara.\nNext line\n"
    assert unicodedata.is_normalized("NFC", out)


def test_normalise_keeps_indentation_for_yaml():
    text = "title: A long headline\n  continued here\n"
    assert normalise(text) == text


@pytest.mark.parametrize(
    "raw, fragment",
    [(b"", "empty file"), (b"  \n\r\n\t", "empty file"), (b"PK\x03\x04\x00\x00binary\x00zip", "not a text file")],
)
def test_unreadable_files_raise_naming_the_file(tmp_path, raw, fragment):
    path = tmp_path / "broken.txt"
    path.write_bytes(raw)
    with pytest.raises(InputError) as err:
        read_text(path)
    assert str(path) in err.value.format_message() and fragment in err.value.format_message()
