"""Split paragraphs into sentences with their offsets, without breaking at abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterator

_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Supt|Insp|Sgt|Det|Ch|Con|St|No|Nos|Co|Ltd|Inc|vs|etc|approx|Gen|Lt|Col|Capt|Cllr|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.[\"”’']?\s+$"
)


_WORDS = re.compile(r"[a-z]+")


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of lower-cased text, for cheap 'does it mention X' checks."""
    return frozenset(_WORDS.findall(lowered))


def sentences(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a paragraph."""
    start = 0
    for m in _END.finditer(text):
        if _ABBREV.search(text[max(0, m.start() - 8) : m.end()]):
            continue
        piece = text[start : m.start()].strip()
        if piece:
            yield start, m.start(), piece
        start = m.end()
    tail = text[start:].strip()
    if tail:
        yield start, len(text), tail
