"""Where date expressions may start: near digit runs, month names and relative words."""

from __future__ import annotations

import re
from bisect import bisect_right

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
# starts at its anchor or at one of the few words just before it. Anchors are found with plain
# substring searches over a whole article, much faster than any regex scan; the words before
# an anchor are read by a regex on the reversed text, from the anchor backwards.


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
# Digits other than 0-9 (which the patterns' \d also matches) may sit among characters outside
# Latin scripts and the punctuation block; paragraphs holding such characters get a regex scan.
_MAYBE_OTHER_DIGIT = re.compile(r"[^\x00-\u065f\u2000-\u206f]")
_DATE_RUN = re.compile(r"\d(?<!\d\d)(?:\d\d\d|\d)?(?!\d)")


class Starts:
    """Where matches may start in one paragraph, by the patterns that apply there."""

    __slots__ = ("days", "months", "relative", "words", "years")

    def __init__(self) -> None:
        self.days: list[int] = []  # one- or two-digit runs: a day or month
        self.years: list[int] = []  # four-digit runs
        self.words: list[int] = []  # weekdays, months and 'of' before those runs
        self.months: list[int] = []  # prepositions before a month name
        self.relative: list[int] = []  # relative phrases


def date_starts(low: str, offsets: list[int]) -> dict[int, Starts]:
    """Candidate starts, by paragraph, in lower-cased paragraphs each followed by one separator
    character (paragraph i starts at offsets[i]); positions are from each paragraph's start."""
    by_para: dict[int, Starts] = {}
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

    for i, at, length in _digit_runs(low, offsets):
        first = offsets[i]
        starts = entry(i)
        (starts.days if length < 4 else starts.years).append(at - first)
        starts.words += before(_NUMBER_BACK, at, first)
    for names in MONTH_NAMES:
        word = names[0]
        at = low.find(word)
        while at >= 0:
            i = bisect_right(offsets, at) - 1
            if preps := before(_MONTH_BACK, at, offsets[i]):
                entry(i).months += preps
            at = low.find(word, at + 1)
    for word in _ALONE:
        at = low.find(word)
        while at >= 0:
            i = bisect_right(offsets, at) - 1
            entry(i).relative.append(at - offsets[i])
            at = low.find(word, at + 1)
    for word in _SPANS:
        at = low.find(word)
        while at >= 0:
            i = bisect_right(offsets, at) - 1
            if words := before(_SPAN_BACK, at, offsets[i]):
                entry(i).relative += words
            at = low.find(word, at + 1)
    return by_para


def _digit_runs(low: str, offsets: list[int]) -> list[tuple[int, int, int]]:
    """(paragraph, start, length) of each digit run of length 1, 2 or 4, from the places of
    each ASCII digit; a paragraph that may hold other digits is scanned with the regex."""
    digits: list[int] = []
    for digit in "0123456789":
        at = low.find(digit)
        while at >= 0:
            digits.append(at)
            at = low.find(digit, at + 1)
    if not digits:
        return []
    digits.sort()
    digits.append(-1)
    runs: list[tuple[int, int, int]] = []
    checked: dict[int, bool] = {}  # paragraph: whether it may hold other digits
    run_start = digits[0]
    for k in range(len(digits) - 1):
        at = digits[k]
        if digits[k + 1] == at + 1:
            continue
        length = at + 1 - run_start
        start, run_start = run_start, digits[k + 1]
        i = bisect_right(offsets, at) - 1
        others = checked.get(i)
        if others is None:
            first = offsets[i]
            end = offsets[i + 1] - 1 if i + 1 < len(offsets) else len(low)
            others = checked[i] = not low[first:end].isascii() and bool(
                _MAYBE_OTHER_DIGIT.search(low, first, end)
            )
            if others:
                runs += (
                    (i, m.start(), m.end() - m.start()) for m in _DATE_RUN.finditer(low, first, end)
                )
        if not others and length in (1, 2, 4):
            runs.append((i, start, length))
    return runs
