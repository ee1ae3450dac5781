"""Split paragraphs into sentences with their offsets, without breaking at abbreviations."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence

# A sentence ends at a mark, maybe a closing quote, then space before a capital or digit (maybe
# after an opening quote or bracket). The match starts with the mark, so the regex engine
# jumps between marks rather than trying every character; the break is just after the mark.
_END = re.compile(r"[.!?…][\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Supt|Insp|Sgt|Det|Ch|Con|St|No|Nos|Co|Ltd|Inc|vs|etc|approx|Gen|Lt|Col|Capt|Cllr|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])\.[\"”’']?\s+$"
)
# Joins paragraphs for one search of them all: no sentence end matches it or across it.
_JOIN = "\x00"

_WORDS = re.compile(r"[a-z]+")

# (break, next start): a sentence ends at break and the next one starts at next start.
Cut = tuple[int, int]


def word_set(lowered: str) -> frozenset[str]:
    """The distinct words of lower-cased text, for cheap 'does it mention X' checks."""
    return frozenset(_WORDS.findall(lowered))


def sentence_cuts(paragraphs: Sequence[str], offsets: Sequence[int]) -> list[list[Cut]]:
    """Where each paragraph breaks into sentences (positions from its start), found by one
    search of them all; offsets[i] is where paragraph i starts with the paragraphs joined by
    one character."""
    cuts: list[list[Cut]] = [[] for _ in paragraphs]
    text = _JOIN.join(paragraphs)
    for m in _END.finditer(text):
        cut, after = m.start() + 1, m.end()
        i = bisect_right(offsets, cut) - 1
        first = offsets[i]
        # An abbreviation is read from at most eight characters before the break, all in the
        # paragraph (as when the paragraph is read alone).
        if not _ABBREV.search(text[max(first, cut - 8) : after]):
            cuts[i].append((cut - first, after - first))
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
    return iter(split_at(text, sentence_cuts([text], [0])[0]))
