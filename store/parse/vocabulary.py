"""The words dates and figures are built from, and which of them anchor a search of the text."""

from __future__ import annotations

from typing import Final

MONTH_NAMES: Final = (
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
WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # how a weekday starts
BARE_MONTH_PREPS: Final = (  # the words before a month named alone ('mid' also as 'mid-')
    *("in", "since", "by", "until", "from", "during", "before", "after"),
    *("last", "this", "next", "early", "late", "mid"),
)
RELATIVE_ALONE: Final = ("today", "yesterday", "tomorrow")  # relative words needing no word before
RELATIVE_SPANS: Final = ("week", "month", "year")  # relative words that need some ('this week')

NUMBER_WORDS: Final = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozens": 24,
    "hundreds": 200,
    "thousands": 2000,
}
FRACTIONS: Final = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two-thirds": 2 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three-quarters": 0.75,
    "three quarters": 0.75,
    "one in five": 0.2,
    "one in four": 0.25,
    "one in three": 1 / 3,
    "one in ten": 0.1,
}
# The whole words a number or fraction in words holds ('two' and 'thirds' of 'two-thirds').
COUNT_WORDS: Final = frozenset([*NUMBER_WORDS, "half", "third", "thirds", "quarter", "quarters"])

# Words every date or figure not written in digits holds as a whole word: a month named alone,
# a relative word ('months' of 'the past twelve months'), a number word or fraction.
DATE_ANCHOR_WORDS: Final = frozenset(
    [*(names[0] for names in MONTH_NAMES), *RELATIVE_ALONE, *RELATIVE_SPANS, "months"]
)
ANCHOR_WORDS: Final = DATE_ANCHOR_WORDS | COUNT_WORDS
