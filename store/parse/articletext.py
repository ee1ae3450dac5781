"""An article's paragraphs scanned once for digit runs and words (dates and figures share it)."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate

from .sentences import Cut, sentence_cuts, split_at
from .vocabulary import ANCHOR_WORDS

# Digits other than 0-9 (which \d also matches) all lie at U+0660 or beyond, outside the blocks
# of punctuation, currency signs and letter-like symbols (U+2000 to U+218F).
_MAYBE_OTHER_DIGIT = re.compile(r"[^\x00-\u065f\u2000-\u218f]")
_DIGITS = re.compile(r"\d+")
# The text reduced to three kinds of byte: letters as a-z, digits 0-9 as "0" and everything
# else (other characters included) as a space. Digit runs and whole words are then found by
# byte searches, many times faster than regex scans of the text itself.
_CLASSES = bytes(
    c | 0x20
    if ord("A") <= c <= ord("Z") or ord("a") <= c <= ord("z")
    else ord("0")
    if ord("0") <= c <= ord("9")
    else ord(" ")
    for c in range(256)
)
_DIGIT_RUN = re.compile(rb"00*")


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
_ANCHORS = re.compile(f" (?:{_tree(sorted(ANCHOR_WORDS))})(?= )".encode())


@dataclass(frozen=True)
class ArticleText:
    """Paragraphs joined by newlines (where each starts, its digit runs and its words)."""

    paragraphs: tuple[str, ...]
    offsets: tuple[int, ...]
    # Lower-casing keeps every character's place and makes no ASCII letter of another
    # character (it lengthens 'İ' and makes 'k' of the kelvin sign): only then do these
    # searches find everything the case-insensitive patterns would.
    plain: bool
    # No character but ASCII letters matches an ASCII letter case-insensitively ('ı' and 'ſ' do,
    # as do the two above): then a case-insensitive pattern of ASCII letters matches the text
    # where its case-sensitive form matches the lower-cased text.
    ascii_case: bool
    runs: tuple[tuple[int, int, int], ...]  # (paragraph, start in it, length) of each \d+ run
    other_digits: frozenset[int]  # paragraphs that may hold digits other than 0-9
    # The text as _CLASSES bytes between two spaces (so a byte's index is one past its
    # character's), and (position, word) of each of its anchor words, in order.
    classes: bytes
    anchors: tuple[tuple[int, str], ...]
    backwards: bytes  # classes reversed, to read the words before a place
    # Worked out once for all finders, by paragraph: lower-cased, and split into sentences
    # (where every paragraph breaks into sentences is found by one search, when first asked).
    _lower: list[str | None] = field(compare=False, repr=False)
    _sentences: list[list[tuple[int, int, str]] | None] = field(compare=False, repr=False)
    _cuts: list[list[Cut]] = field(compare=False, repr=False)

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
            if not self._cuts:
                self._cuts.extend(sentence_cuts(self.paragraphs, self.offsets))
            found = self._sentences[i] = split_at(self.paragraphs[i], self._cuts[i])
        return found

    def places(self, words: frozenset[str]) -> list[tuple[int, str]]:
        """(position, word) of each of these anchor words where it stands as a whole word: not
        next to another letter or a digit."""
        return [(at, word) for at, word in self.anchors if word in words]

    def words_before(self, pattern: re.Pattern[bytes], at: int, i: int) -> list[int]:
        """Where in paragraph i the words before position `at` start, as read by `pattern`
        from there backwards: on the reversed _CLASSES bytes, with a group per word."""
        backwards = self.backwards
        size = len(backwards)
        first = self.offsets[i]
        # Byte at+1 holds character at; reversed, character at-1 is at size-1-at.
        m = pattern.match(backwards, size - 1 - at, size - 1 - first)
        starts: list[int] = []
        if m:
            for group in range(1, pattern.groups + 1):
                end = m.end(group)
                if end < 0:
                    break
                starts.append(size - 1 - end - first)
        return starts


def article_text(paragraphs: Sequence[str]) -> ArticleText:
    """The scanned text of these paragraphs (the last few are remembered, so the finders
    working on one article share the work)."""
    return _article_text(tuple(paragraphs))


@lru_cache(maxsize=4)
def _article_text(paragraphs: tuple[str, ...]) -> ArticleText:
    joined = "\n".join(paragraphs)
    offsets = tuple(accumulate([len(p) + 1 for p in paragraphs[:-1]], initial=0))
    empty: list[None] = [None] * len(paragraphs)
    if "\u0130" in joined or "\u212a" in joined:
        return ArticleText(
            paragraphs,
            offsets,
            False,
            False,
            (),
            frozenset(),
            b"",
            (),
            b"",
            list(empty),
            list(empty),
            [],
        )
    ascii_case = "\u0131" not in joined and "\u017f" not in joined
    classes = b" " + joined.encode("ascii", "replace").translate(_CLASSES) + b" "
    runs: list[tuple[int, int, int]] = []
    last, i = len(paragraphs) - 1, 0
    for m in _DIGIT_RUN.finditer(classes):
        at = m.start() - 1
        while i < last and offsets[i + 1] <= at:
            i += 1
        runs.append((i, at - offsets[i], m.end() - m.start()))
    anchors = tuple((m.start(), m[0][1:].decode()) for m in _ANCHORS.finditer(classes))
    # Digits other than 0-9 count only in paragraphs with a digit or an anchor word; there,
    # they may lie among characters outside Latin scripts: then all runs come from the regex.
    read = {run[0] for run in runs} | {bisect_right(offsets, at) - 1 for at, _ in anchors}
    other_digits = frozenset(
        i for i in read if not paragraphs[i].isascii() and _MAYBE_OTHER_DIGIT.search(paragraphs[i])
    )
    if other_digits:
        runs = [run for run in runs if run[0] not in other_digits]
        for i in other_digits:
            runs += ((i, m.start(), len(m[0])) for m in _DIGITS.finditer(paragraphs[i]))
        runs.sort()
    return ArticleText(
        paragraphs,
        offsets,
        True,
        ascii_case,
        tuple(runs),
        other_digits,
        classes,
        anchors,
        classes[::-1],
        list(empty),
        list(empty),
        [],
    )
