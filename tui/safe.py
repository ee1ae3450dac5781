"""The one gate untrusted article text passes through before it reaches a terminal."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text
from textual.content import Content, Span
from textual.style import Style

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and other invisible format characters that can reorder or hide text.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_NEWLINES = re.compile(r"[\n\u2028\u2029]+")

StyleLike = str | Style
Part = Content | tuple[object, StyleLike] | str
"""A piece of a line: Content built here, or a (value, style) pair, or a bare value."""


def clean(value: object, *, keep_newlines: bool = False) -> str:
    """Text with every control and bidi character removed; newlines folded unless kept."""
    text = "" if value is None else str(value)
    text = text.replace("\t", " ")
    if keep_newlines:
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    else:
        text = _NEWLINES.sub(" ", text)
    return _CONTROLS.sub("", text)


def plain(value: object, style: str = "", *, keep_newlines: bool = False) -> Text:
    """A Rich Text holding the value literally: no markup, no controls."""
    return Text(clean(value, keep_newlines=keep_newlines), style=style)


def content(value: object, style: StyleLike = "", *, keep_newlines: bool = False) -> Content:
    """A Textual Content holding the value literally: no markup, no actions, no controls."""
    text = clean(value, keep_newlines=keep_newlines)
    if not text:
        return Content("")
    spans = [Span(0, len(text), style)] if style else None
    return Content(text, spans)


def assemble(*parts: Part) -> Content:
    """Join literal pieces into one Content; strings and pairs are cleaned, Content kept."""
    pieces: list[Content] = []
    for part in parts:
        if isinstance(part, Content):
            pieces.append(part)
        elif isinstance(part, tuple):
            value, style = part
            pieces.append(content(value, style))
        else:
            pieces.append(content(part))
    return Content("").join(pieces)


NEWLINE = Content("\n")
"""A line break to put between pieces (bare strings in `assemble` fold newlines)."""


def join(pieces: Iterable[Content], separator: Content | str = "") -> Content:
    """Join Content pieces with a literal separator (which may hold newlines)."""
    if isinstance(separator, Content):
        sep = separator
    else:
        sep = Content(clean(separator, keep_newlines=True))
    return sep.join(list(pieces))


def fit(line: Content, width: int, *, pad: bool = True) -> Content:
    """The line cut to `width` cells with an ellipsis when cut, padded to width when asked."""
    if width <= 0:
        return Content("")
    return line.truncate(width, ellipsis=True, pad=pad)


def highlight(value: object, offsets: Iterable[int], style: StyleLike) -> Content:
    """The value as literal Content with single characters at `offsets` styled."""
    text = clean(value)
    spans = [Span(i, i + 1, style) for i in offsets if 0 <= i < len(text)]
    return Content(text, spans)
