"""Turn an article file's bytes into text: BOMs, UTF-8, Windows-1252, line endings."""

from __future__ import annotations

import codecs
from typing import Final

MAX_BYTES: Final = 64 * 1024 * 1024  # larger files are refused
_CONTROL: Final = bytes([*range(0x09), 0x0B, *range(0x0E, 0x20)])  # C0 controls but tab, LF, FF, CR
_NOT_CONTROL: Final = bytes(b for b in range(256) if b not in _CONTROL)


class DecodeError(ValueError):
    """The bytes are not an article text this parser can read."""


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode bytes to text with LF line endings; return the text and any warnings."""
    if len(data) > MAX_BYTES:
        raise DecodeError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
    warnings: list[str] = []
    if data.startswith(codecs.BOM_UTF32_LE) or data.startswith(codecs.BOM_UTF32_BE):
        text = _strict(data, "utf-32")
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        text = _strict(data, "utf-16")
    elif data.startswith(codecs.BOM_UTF8):
        text = data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            warnings.append("not UTF-8; read as Windows-1252")
    if _looks_binary(text):
        raise DecodeError("binary content, not text")
    if "\x00" in text:
        text = text.replace("\x00", "")
        warnings.append("NUL bytes removed")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, tuple(warnings)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {codec.upper()}: {exc.reason}") from None


def _looks_binary(text: str) -> bool:
    """Many NULs or other C0 controls in the first block mean this is not prose."""
    head = text[:4096]
    if not head:
        return False
    # In UTF-8 each control is its own byte and no other character's bytes fall below 0x20, so
    # deleting every other byte leaves the controls to count: far cheaper than a regex scan.
    bad = len(head.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL))
    return bad > max(8, len(head) // 20)
