"""Where date expressions may start: near digit runs, month names and relative words."""

from __future__ import annotations

import re
from bisect import bisect_right

from .articletext import ArticleText, word_scanner

# The words the date patterns are built from (dates.py spells the same words in its patterns).
MONTH_NAMES = (
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # how a weekday starts
BARE_MONTH_PREPS = (  # the words before a month named alone ('mid' also as 'mid-')
    *("in", "since", "by", "until", "from", "during", "before", "after"),
    *("last", "this", "next", "early", "late", "mid"),
)
_ALONE = ("today", "yesterday", "tomorrow")  # relative words that need no word before them
_SPANS = ("week", "month", "year")  # relative words that need some ('this week')
_SPAN_WORDS = ("this", "last", "next", "past", "the", "in", "earlier", "later", "twelve", "12")

# Every date expression holds an anchor: a digit run (numeric dates and years), a month name
# (a month named alone) or a relative word ('today', 'last week', 'the past 12 months'), and
# starts at its anchor or at one of the few words just before it. Anchor words are found by
# ArticleText.places, far faster than a regex scan of the text; the words before an anchor are
# read by a regex on the reversed text, from the anchor backwards.


def _reversed(words: tuple[str, ...]) -> str:
    return "|".join(w[::-1] for w in words)


def _words_back(words: str, gap: str, depth: int) -> re.Pattern[str]:
    """Up to `depth` words (given reversed in `words`) with `gap` before each, read on reversed
    text from just before an anchor; a group per word, nearest first."""
    word = rf"{gap}({words})(?![a-z0-9])"
    pattern = word
    for _ in range(depth - 1):
        pattern = f"{word}(?:{pattern})?"
    return re.compile(pattern)


# Before a day or year: a weekday or month (any word starting like one, as the patterns allow
# longer forms), or the 'of' of 'May of 2019'; read as a whole word, then checked at its start.
_NUMBER_BACK = _words_back(
    rf"[a-z]+(?![a-z0-9])(?:(?<={_reversed(WEEKDAYS + tuple(m[0][:3] for m in MONTH_NAMES))})"
    r"|(?<=fo))",
    r"[\s.,]+",
    2,
)
_MONTH_BACK = _words_back(_reversed(BARE_MONTH_PREPS), r"\s+-?", 1)
_SPAN_BACK = _words_back(_reversed(_SPAN_WORDS), r"\s+", 4)
_MONTHS_ALONE = frozenset(m[0] for m in MONTH_NAMES)
# The whole words anchors are ('months' as in 'the past twelve months').
_ANCHOR_WORDS = word_scanner([*_MONTHS_ALONE, *_ALONE, *_SPANS, "months"])


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
    low, offsets = text.low, text.offsets
    rev = low[::-1]
    size = len(low)

    def entry(i: int) -> Starts:
        starts = by_para.get(i)
        if starts is None:
            starts = by_para[i] = Starts()
        return starts

    def before(back: re.Pattern[str], at: int, first: int) -> list[int]:
        """Where the words before position `at` start (from `first`, where the search stops)."""
        m = back.match(rev, size - at, size - first)
        if not m:
            return []
        found = []
        for group in range(1, back.groups + 1):
            end = m.end(group)
            if end < 0:
                break
            found.append(size - end - first)
        return found

    for i, at, length in text.runs:
        # Every digit group of the date patterns is a whole run of one, two or four digits.
        if length in (1, 2, 4):
            first = offsets[i]
            starts = entry(i)
            (starts.days if length < 4 else starts.years).append(at)
            starts.words += before(_NUMBER_BACK, first + at, first)
    for at, word in text.places(_ANCHOR_WORDS):
        i = bisect_right(offsets, at) - 1
        first = offsets[i]
        if word in _ALONE:
            entry(i).relative.append(at - first)
        elif word in _MONTHS_ALONE:
            if preps := before(_MONTH_BACK, at, first):
                entry(i).months += preps
        elif words := before(_SPAN_BACK, at, first):
            entry(i).relative += words
    return by_para
