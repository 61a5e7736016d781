"""Bytes → clean Unicode text: encoding detection and normalisation.

Why an explicit try order rather than a statistical detector: news files come as UTF-8
(with or without a BOM) or, from older Windows tools, as cp1252. A detector such as
charset-normalizer guesses among dozens of code pages and, on a short English text with
a handful of curly quotes, can pick a different one from run to run of its heuristics'
thresholds; a fixed order is deterministic and right for the files editors actually drop.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.errors import InputError

log = logging.getLogger(__name__)

# Byte-order marks and the codec that strips them.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Tried in order after the BOM check; latin-1 maps every byte, so it always succeeds.
_FALLBACKS: tuple[str, ...] = ("cp1252", "latin-1")

# C0/C1 control characters other than tab and newline: a text file has (almost) none.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_ODD_SPACE = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_MULTI_SPACE = re.compile(r" {2,}")


@dataclass(frozen=True)
class Decoded:
    """A decoded file: normalised text and the codec that read it."""

    text: str
    encoding: str


def decode_bytes(raw: bytes, path: Path) -> Decoded:
    """Decode ``raw`` (the content of ``path``) and normalise it.

    Order: a byte-order mark decides; else strict UTF-8; else cp1252, then latin-1, each
    fallback logged as a warning naming the file.

    Raises:
        InputError: the file is empty or holds binary data rather than text.
    """
    if not raw.strip():
        raise InputError("empty file: nothing to read", path)
    text, encoding = _decode(raw, path)
    if "\x00" in text or _binary_share(text) > 0.01:
        raise InputError(f"not a text file (binary data; tried {encoding})", path)
    text = normalise(text)
    if not text.strip():
        raise InputError("empty file: nothing to read", path)
    return Decoded(text=text, encoding=encoding)


def read_text(path: Path) -> Decoded:
    """Read and decode the file at ``path`` (see :func:`decode_bytes`)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", path) from exc
    return decode_bytes(raw, path)


def normalise(text: str) -> str:
    """Unify line endings, compose characters (NFC) and tidy whitespace.

    Non-breaking and other odd spaces become plain spaces and invisible characters
    (zero-width space, soft hyphen, stray BOMs, the odd control byte) are dropped, so that later pattern
    matching sees one kind of space; runs of spaces inside a line collapse, line ends are
    stripped, indentation is kept.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").replace("\x0c", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", _CONTROL.sub("", text))
    text = _ODD_SPACE.sub(" ", text)
    # Leading spaces stay: YAML front matter and Markdown give them meaning.
    lines = [_indent(line) + _MULTI_SPACE.sub(" ", line.strip()) for line in text.split("\n")]
    return "\n".join(lines).strip("\n") + "\n"


def _indent(line: str) -> str:
    stripped = line.lstrip(" ")
    return line[: len(line) - len(stripped)] if stripped else ""


def _decode(raw: bytes, path: Path) -> tuple[str, str]:
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec), codec
            except UnicodeDecodeError as exc:
                raise InputError(f"undecodable bytes after a {codec} byte-order mark: {exc.reason}", path) from exc
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for codec in _FALLBACKS:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        log.warning("%s: not valid UTF-8, decoded as %s", path, codec)
        return text, codec
    raise InputError("undecodable bytes: not UTF-8, cp1252 or latin-1", path)  # pragma: no cover


def _binary_share(text: str) -> float:
    # Carriage returns and form feeds are line breaks here, not binary noise.
    return len(_CONTROL.findall(text.replace("\r", "").replace("\x0c", ""))) / max(len(text), 1)
