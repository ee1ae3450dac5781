"""Where date expressions may start: near digit runs, month names and relative words."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Final

from .articletext import ArticleText
from .vocabulary import (
    BARE_MONTH_PREPS,
    DATE_ANCHOR_WORDS,
    MONTH_NAMES,
    RELATIVE_ALONE,
    WEEKDAYS,
)

# The words _RELATIVE allows before 'week', 'month' or 'year' ('in the past twelve months').
_SPAN_WORDS: Final = (
    "this",
    "last",
    "next",
    "past",
    "the",
    "in",
    "earlier",
    "later",
    "twelve",
    "12",
)

# Every date expression holds an anchor: a digit run (numeric dates and years), a month name
# (a month named alone) or a relative word ('today', 'last week', 'the past 12 months'), and
# starts at its anchor or at one of the few words just before it. Anchor words are found by
# ArticleText.anchors, far faster than a regex scan of the text; the words before an anchor are
# read by a regex on ArticleText.backwards, from the anchor on.


def _reversed(words: tuple[str, ...]) -> str:
    return "|".join(w[::-1] for w in words)


def _words_back(words: str, depth: int) -> re.Pattern[bytes]:
    """Up to `depth` words (given reversed in `words`), each after a gap, read on reversed
    ArticleText.classes bytes from just before an anchor; a group per word, nearest first.
    There every character but letters and digits is a space, so the gaps the patterns allow
    (spaces, dots, commas, the hyphen of 'mid-') are runs of spaces, and any digit is 0."""
    word = rf" +({words})(?![a-z0])"
    pattern = word
    for _ in range(depth - 1):
        pattern = f"{word}(?:{pattern})?"
    return re.compile(pattern.encode())


# Before a day or year: a weekday or month (any word starting like one, as the patterns allow
# longer forms), or the 'of' of 'May of 2019'; read as a whole word, then checked at its start.
_NUMBER_BACK: Final = _words_back(
    rf"[a-z]+(?![a-z0])(?:(?<={_reversed(WEEKDAYS + tuple(m[0][:3] for m in MONTH_NAMES))})"
    r"|(?<=fo))",
    2,
)
_MONTH_BACK: Final = _words_back(_reversed(BARE_MONTH_PREPS), 1)
_SPAN_BACK: Final = _words_back(_reversed(tuple(re.sub("[0-9]", "0", w) for w in _SPAN_WORDS)), 4)
_MONTHS_ALONE: Final = frozenset(m[0] for m in MONTH_NAMES)
_CENTURIES: Final = ("19", "20")
_NUMERIC_DATE_MARKS: Final = ("/", ".")  # the marks after the day of a numeric date ('12/03/2019')
# After a day, on ArticleText.classes bytes: 'st' and the like, 'of', then a month.
_MONTH_AFTER: Final = re.compile(
    rf"(?:st|nd|rd|th)? +(?:of +)?(?:{'|'.join(m[0][:3] for m in MONTH_NAMES)})".encode()
)


class Starts:
    """Where matches may start in one paragraph, by the patterns that apply there."""

    __slots__ = ("days", "months", "relative", "words", "years")

    def __init__(self) -> None:
        self.days: list[int] = []  # one- or two-digit runs: a day or month
        self.years: list[int] = []  # four-digit runs
        self.words: list[int] = []  # weekdays, months and 'of' before those runs
        self.months: list[int] = []  # prepositions before a month name
        self.relative: list[int] = []  # relative phrases


def date_starts(text: ArticleText) -> dict[int, Starts]:
    """Candidate starts, by paragraph (positions from each paragraph's start)."""
    by_para: dict[int, Starts] = {}
    offsets = text.offsets

    def entry(i: int) -> Starts:
        starts = by_para.get(i)
        if starts is None:
            starts = by_para[i] = Starts()
        return starts

    paragraphs, classes, other_digits = text.paragraphs, text.classes, text.other_digits
    # The words before a place are read on the reversed bytes, from the byte just before it:
    # byte at+1 holds character at, so reversed, character at-1 is at last-at.
    backwards = text.backwards
    last = len(backwards) - 1
    for i, at, length in text.runs:
        # Every digit group of the date patterns is a whole run of one, two or four digits;
        # every year starts 19 or 20, and a day that starts a date comes before a month or
        # a '/' or '.' (the classes bytes after a run stand for the text after it).
        first = offsets[i]
        if length == 4:
            if not paragraphs[i].startswith(_CENTURIES, at):
                continue
            entry(i).years.append(at)
        elif length > 2:
            continue
        elif (
            paragraphs[i][at + length : at + length + 1] in _NUMERIC_DATE_MARKS
            or _MONTH_AFTER.match(classes, first + at + length + 1)
            or i in other_digits
        ):
            entry(i).days.append(at)
        if m := _NUMBER_BACK.match(backwards, last - first - at, last - first):
            entry(i).words += _word_starts(m, last - first)
    for at, word in text.anchors:
        if word not in DATE_ANCHOR_WORDS:
            continue
        i = bisect_right(offsets, at) - 1
        if word in RELATIVE_ALONE:
            entry(i).relative.append(at - offsets[i])
            continue
        back = _MONTH_BACK if word in _MONTHS_ALONE else _SPAN_BACK
        first = offsets[i]
        if m := back.match(backwards, last - at, last - first):
            starts = entry(i)
            if back is _MONTH_BACK:
                starts.months += _word_starts(m, last - first)
            else:
                starts.relative += _word_starts(m, last - first)
    return by_para


def _word_starts(m: re.Match[bytes], stop: int) -> list[int]:
    """Where the words a _words_back pattern read start (`stop`: where the backwards reading
    of the paragraph stops, so the paragraph's start)."""
    starts: list[int] = []
    for group in range(1, m.re.groups + 1):
        end = m.end(group)
        if end < 0:
            break
        starts.append(stop - end)
    return starts
