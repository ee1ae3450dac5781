"""Split paragraphs into sentences with their offsets, without breaking at abbreviations."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

# A sentence ends at a mark, maybe a closing quote, then space before a capital or digit (maybe
# after an opening quote or bracket); the break is just after the mark. A pattern per mark, as
# the regex engine finds a single leading character many times faster than one of a set.
_END_MARKS: Final = ".!?…"
_ENDS: Final = tuple(
    (mark, re.compile(re.escape(mark) + r"[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")) for mark in _END_MARKS
)
_ABBREV: Final = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Supt|Insp|Sgt|Det|Ch|Con|St|No|Nos|Co|Ltd|Inc|vs|etc|approx|Gen|Lt|Col|Capt|Cllr|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.[\"”’']?\s+$"
)

_WORDS: Final = re.compile(r"[a-z]+")

# (break, next start): a sentence ends at break and the next one starts at next start.
Cut = tuple[int, int]


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of lower-cased text, for cheap 'does it mention X' checks."""
    return frozenset(_WORDS.findall(lowered))


def sentence_cuts(text: str) -> list[Cut]:
    """Where a paragraph breaks into sentences."""
    # A break needs its mark before the last two characters (space, then a capital or digit
    # follow it): most paragraphs have none, and are told by a few quick searches.
    found = [
        m.span()
        for mark, end in _ENDS
        if text.find(mark, 0, len(text) - 2) >= 0
        for m in end.finditer(text)
    ]
    if len(found) > 1:
        # Each end holds one mark, so ends of different marks never overlap: in order, they
        # are the ends one pattern for all marks would find.
        found.sort()
    cuts: list[Cut] = []
    for start, after in found:
        cut = start + 1
        if not _ABBREV.search(text[max(0, cut - 8) : after]):
            cuts.append((cut, after))
    return cuts


def split_at(text: str, cuts: Sequence[Cut]) -> list[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a paragraph, given where it breaks."""
    found: list[tuple[int, int, str]] = []
    start = 0
    for cut, after in cuts:
        piece = text[start:cut].strip()
        if piece:
            found.append((start, cut, piece))
        start = after
    tail = text[start:].strip()
    if tail:
        found.append((start, len(text), tail))
    return found


def sentences(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, sentence) for each sentence of a paragraph."""
    return iter(split_at(text, sentence_cuts(text)))
