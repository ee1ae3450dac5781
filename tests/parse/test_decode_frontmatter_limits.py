"""Binary detection and deep front matter keep their limits exactly, at and past each edge."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import DecodeError, decode_bytes
from forcewatch.store.parse.frontmatter import MAX_C_DEPTH, split_front_matter

PROSE = "The officer’s hearing — held in public — ended with his dismissal. "


def _with_controls(count: int, size: int) -> bytes:
    """About size characters of non-ASCII prose with count stray controls among them."""
    text = (PROSE * (size // len(PROSE) + 1))[:size]
    step = size // (count + 1)
    for i in range(count, 0, -1):
        text = text[: i * step] + "\x01" + text[i * step :]
    return text.encode("utf-8")


CONTROLS = [
    ("eight-in-short", 8, 100, False),
    ("nine-in-short", 9, 100, True),
    ("few-in-block", 150, 4000, False),
    ("many-in-block", 300, 4000, True),
]


@pytest.mark.parametrize(
    ("count", "size", "binary"),
    [(c, s, b) for _, c, s, b in CONTROLS],
    ids=[n for n, *_ in CONTROLS],
)
def test_controls_counted_in_the_first_block(count: int, size: int, binary: bool) -> None:
    """Text is refused as binary only past max(8, 1/20 of the first block) control characters."""
    data = _with_controls(count, size)
    if binary:
        with pytest.raises(DecodeError):
            decode_bytes(data)
    else:
        assert decode_bytes(data)[0].count("\x01") == count


def test_tabs_and_line_breaks_are_not_controls() -> None:
    """Tabs, form feeds and CR/LF line ends are text, and CR/LF become LF."""
    text, warnings = decode_bytes(b"a\tb\x0c\r\n" * 500)
    assert text == "a\tb\x0c\n" * 500 and warnings == ()


def _nested(depth: int) -> str:
    return "---\ntitle: Deep\nx: " + "[" * depth + "1" + "]" * depth + "\n---\nBody text.\n"


def _indented(spaces: int) -> str:
    return "---\ntitle: Deep\nx:\n" + " " * spaces + "y: 1\n---\nBody text.\n"


DEEP = [
    ("brackets-at-limit", _nested(MAX_C_DEPTH)),
    ("brackets-past-limit", _nested(MAX_C_DEPTH + 1)),
    ("brackets-far-past-limit", _nested(300)),
    ("indent-at-limit", _indented(2 * MAX_C_DEPTH + 1)),
    ("indent-past-limit", _indented(2 * MAX_C_DEPTH + 2)),
]


@pytest.mark.parametrize("text", [t for _, t in DEEP], ids=[n for n, _ in DEEP])
def test_deep_front_matter_still_read(text: str) -> None:
    """Front matter nested at or past the C loader's limit is still read, title and body."""
    fm = split_front_matter(text)
    assert (fm.title, fm.body) == ("Deep", "Body text.\n")
