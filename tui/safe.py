"""The one gate untrusted article text passes through before it reaches a terminal."""

from __future__ import annotations

import re

from rich.text import Text

# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and other invisible format characters that can reorder or hide text.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_NEWLINES = re.compile(r"[\n\u2028\u2029]+")


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
