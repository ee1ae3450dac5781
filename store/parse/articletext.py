"""An article's paragraphs scanned once for digit runs and words (dates and figures share it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import Final

from .sentences import sentence_cuts, split_at
from .vocabulary import ANCHOR_WORDS

# Digits other than 0-9 (which \d also matches) all lie at U+0660 or beyond, outside the blocks
# of punctuation, currency signs and letter-like symbols (U+2000 to U+218F).
_MAYBE_OTHER_DIGIT: Final = re.compile(r"[^\x00-\u065f\u2000-\u218f]")
_DIGITS: Final = re.compile(r"\d+")
# The text reduced to three kinds of byte: letters as a-z, digits 0-9 as "0" and everything
# else (other characters included) as a space. Digit runs and whole words are then found by
# byte searches, many times faster than regex scans of the text itself.
_CLASSES: Final = bytes(
    c | 0x20
    if ord("A") <= c <= ord("Z") or ord("a") <= c <= ord("z")
    else ord("0")
    if ord("0") <= c <= ord("9")
    else ord(" ")
    for c in range(256)
)
_DIGIT_RUN: Final = re.compile(rb"00*")


def _tree(words: list[str]) -> str:
    """Alternatives for these words as a tree by leading letters ('se(?:ven|ptember)'), so
    the regex engine tries a handful of letters at each place rather than every word."""
    by_first: dict[str, list[str]] = {}
    for word in words:
        by_first.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        longer = [r for r in rests if r]
        if not longer:
            branches.append(first)
        else:
            branches.append(f"{first}(?:{_tree(longer)}){'?' if '' in rests else ''}")
    return "|".join(branches)


# Every anchor word, whole: after a space and before one (all of the scan is in one pass).
_ANCHORS: Final = re.compile(f" ({_tree(sorted(ANCHOR_WORDS))})(?= )".encode())


class ArticleText:
    """Paragraphs joined by newlines (where each starts, its digit runs and its words); read
    only once made (a plain class, as it is made for every article: far cheaper than a frozen
    dataclass)."""

    __slots__ = (
        "_lower",
        "_sentences",
        "anchors",
        "ascii_case",
        "backwards",
        "classes",
        "offsets",
        "other_digits",
        "paragraphs",
        "plain",
        "runs",
    )

    def __init__(
        self,
        paragraphs: tuple[str, ...],
        offsets: tuple[int, ...],
        plain: bool,
        ascii_case: bool,
        runs: tuple[tuple[int, int, int], ...],
        other_digits: frozenset[int],
        classes: bytes,
        anchors: tuple[tuple[int, str], ...],
    ) -> None:
        self.paragraphs = paragraphs
        self.offsets = offsets
        # Lower-casing keeps every character's place and makes no ASCII letter of another
        # character (it lengthens 'İ' and makes 'k' of the kelvin sign): only then do these
        # searches find everything the case-insensitive patterns would.
        self.plain = plain
        # No character but ASCII letters matches an ASCII letter case-insensitively ('ı' and
        # 'ſ' do, as do the two above): then a case-insensitive pattern of ASCII letters
        # matches the text where its case-sensitive form matches the lower-cased text.
        self.ascii_case = ascii_case
        self.runs = runs  # (paragraph, start in it, length) of each \d+ run
        self.other_digits = other_digits  # paragraphs that may hold digits other than 0-9
        # The text as _CLASSES bytes between two spaces (so a byte's index is one past its
        # character's), and (position, word) of each of its anchor words, in order.
        self.classes = classes
        self.anchors = anchors
        self.backwards = classes[::-1]  # to read the words before a place
        # Worked out once for all finders, by paragraph: lower-cased, and split into
        # sentences.
        self._lower: list[str | None] = [None] * len(paragraphs)
        self._sentences: list[list[tuple[int, int, str]] | None] = [None] * len(paragraphs)

    def lower(self, i: int) -> str:
        """Paragraph i lower-cased."""
        found = self._lower[i]
        if found is None:
            found = self._lower[i] = self.paragraphs[i].lower()
        return found

    def sentences(self, i: int) -> list[tuple[int, int, str]]:
        """The sentences of paragraph i, as sentences() gives them."""
        found = self._sentences[i]
        if found is None:
            text = self.paragraphs[i]
            found = self._sentences[i] = split_at(text, sentence_cuts(text))
        return found


def article_text(paragraphs: Sequence[str]) -> ArticleText:
    """The scanned text of these paragraphs (the last few are remembered, so the finders
    working on one article share the work)."""
    key = tuple(paragraphs)
    # Found by equality, not by a hash of all the text: the finders of one article pass the
    # same strings, which compare by identity first.
    for text in _RECENT:
        if text.paragraphs == key:
            return text
    text = _article_text(key)
    _RECENT.insert(0, text)
    del _RECENT[_REMEMBERED:]
    return text


_REMEMBERED: Final = 4
_RECENT: Final[list[ArticleText]] = []


def _article_text(paragraphs: tuple[str, ...]) -> ArticleText:
    offsets = tuple(accumulate([len(p) + 1 for p in paragraphs[:-1]], initial=0))
    # Only paragraphs beyond ASCII may hold the letters that stop the byte searches.
    wide = [p for p in paragraphs if not p.isascii()]
    if any("\u0130" in p or "\u212a" in p for p in wide):
        return ArticleText(paragraphs, offsets, False, False, (), frozenset(), b"", ())
    ascii_case = not any("\u0131" in p or "\u017f" in p for p in wide)
    joined = "\n".join(paragraphs)
    classes = b" " + joined.encode("ascii", "replace").translate(_CLASSES) + b" "
    runs: list[tuple[int, int, int]] = []
    last, i = len(paragraphs) - 1, 0
    for m in _DIGIT_RUN.finditer(classes):
        at, end = m.span()
        at -= 1
        while i < last and offsets[i + 1] <= at:
            i += 1
        runs.append((i, at - offsets[i], end - 1 - at))
    anchors = tuple((m.start(), m[1].decode()) for m in _ANCHORS.finditer(classes))
    other_digits: frozenset[int] = frozenset()
    if wide:
        # Digits other than 0-9 count only in paragraphs with a digit or an anchor word;
        # there, they may lie among characters outside Latin scripts: then all runs come
        # from the regex.
        read = {run[0] for run in runs} | {bisect_right(offsets, at) - 1 for at, _ in anchors}
        other_digits = frozenset(
            i
            for i in read
            if not paragraphs[i].isascii() and _MAYBE_OTHER_DIGIT.search(paragraphs[i])
        )
    if other_digits:
        runs = [run for run in runs if run[0] not in other_digits]
        for i in other_digits:
            runs += ((i, m.start(), len(m[0])) for m in _DIGITS.finditer(paragraphs[i]))
        runs.sort()
    return ArticleText(
        paragraphs, offsets, True, ascii_case, tuple(runs), other_digits, classes, anchors
    )
