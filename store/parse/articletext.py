"""An article's paragraphs as one lower-cased text, with its digit runs (dates and figures share it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

# Digits other than 0-9 (which \d also matches) all lie at U+0660 or beyond, outside the blocks
# of punctuation, currency signs and letter-like symbols (U+2000 to U+218F); only paragraphs
# holding such characters get a regex scan for their digit runs.
_MAYBE_OTHER_DIGIT = re.compile(r"[^\x00-\u065f\u2000-\u218f]")
_DIGITS = re.compile(r"\d+")
# The text reduced to three kinds of byte: letters a-z as they are, digits 0-9 as "0" and
# everything else as a space. Runs of digits and whole words are then found by byte scans
# with a literal first byte, which the regex engine runs many times faster than any other.
_CLASSES = bytes(
    c if ord("a") <= c <= ord("z") else ord("0") if ord("0") <= c <= ord("9") else ord(" ")
    for c in range(256)
)
_DIGIT_RUN = re.compile(rb"00*")


@dataclass(frozen=True)
class ArticleText:
    """Paragraphs joined by newlines and lower-cased, where each starts, and its digit runs."""

    low: str
    offsets: tuple[int, ...]
    # Lower-casing kept every character's place and made no ASCII letter of another character
    # (it lengthens 'İ' and makes 'k' of the kelvin sign): only then do searches of the
    # lower-cased text find everything case-insensitive patterns would.
    plain: bool
    # No character but ASCII letters matches an ASCII letter case-insensitively ('ı' and 'ſ' do,
    # as do the two above): then a case-insensitive pattern of ASCII letters matches the text
    # where its case-sensitive form matches the lower-cased text.
    ascii_case: bool
    runs: tuple[tuple[int, int, int], ...]  # (paragraph, start in it, length) of each \d+ run
    other_digits: frozenset[int]  # paragraphs that may hold digits other than 0-9
    classes: bytes  # the text as _CLASSES bytes, between two spaces (so shifted by one)

    def paragraph(self, at: int) -> int:
        """The paragraph holding position `at` of the joined text."""
        return bisect_right(self.offsets, at) - 1

    def places(self, words: re.Pattern[bytes]) -> list[tuple[int, str]]:
        """(position, word) of each whole word a word_scanner pattern finds, in order."""
        return [(m.start(), m[0][1:].decode()) for m in words.finditer(self.classes)]


def word_scanner(words: Iterable[str]) -> re.Pattern[bytes]:
    """A pattern for ArticleText.places finding these lower-case words (a-z only) whole.

    The alternatives form a tree by leading letters ('se(?:ven|ptember)'), so at each space
    the engine tries a handful of letters rather than every word."""

    def tree(words: list[str]) -> str:
        by_first: dict[str, list[str]] = {}
        for word in words:
            by_first.setdefault(word[0], []).append(word[1:])
        branches = []
        for first, rests in sorted(by_first.items()):
            longer = sorted((r for r in rests if r), key=len, reverse=True)
            if not longer:
                branches.append(first)
            else:
                branches.append(f"{first}(?:{tree(longer)}){'?' if '' in rests else ''}")
        return "|".join(branches)

    return re.compile(f" (?:{tree(sorted(set(words)))})(?= )".encode())


def article_text(paragraphs: Sequence[str]) -> ArticleText:
    """The joined, lower-cased text of these paragraphs (the last few are remembered, so the
    finders working on one article share the work)."""
    return _article_text(tuple(paragraphs))


@lru_cache(maxsize=4)
def _article_text(paragraphs: tuple[str, ...]) -> ArticleText:
    joined = "\n".join(paragraphs)
    low = joined.lower()
    plain = len(low) == len(joined) and "\u0130" not in joined and "\u212a" not in joined
    offsets = tuple(accumulate([len(p) + 1 for p in paragraphs[:-1]], initial=0))
    if not plain:
        return ArticleText(low, offsets, plain, False, (), frozenset(), b"")
    ascii_case = "\u0131" not in low and "\u017f" not in low
    classes = b" " + low.encode("ascii", "replace").translate(_CLASSES) + b" "
    other_digits = frozenset(
        i
        for i, p in enumerate(paragraphs)
        if not p.isascii() and _MAYBE_OTHER_DIGIT.search(low, offsets[i], offsets[i] + len(p))
    )
    runs: list[tuple[int, int, int]] = []
    for m in _DIGIT_RUN.finditer(classes):
        at = m.start() - 1
        i = bisect_right(offsets, at) - 1
        if i not in other_digits:
            runs.append((i, at - offsets[i], m.end() - m.start()))
    for i in other_digits:
        first = offsets[i]
        runs += (
            (i, m.start() - first, len(m[0]))
            for m in _DIGITS.finditer(low, first, first + len(paragraphs[i]))
        )
    if other_digits:
        runs.sort()
    return ArticleText(low, offsets, plain, ascii_case, tuple(runs), other_digits, classes)
