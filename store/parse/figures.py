"""Figures cited in the text: numbers, percentages and fractions with what they count."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..records import Figure
from .sentences import sentences, word_set

_NUMBER_WORDS = {
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
_FRACTIONS = {
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
_WORD_ALT = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
_FRAC_ALT = "|".join(re.escape(f) for f in sorted(_FRACTIONS, key=len, reverse=True))
_FIGURE = re.compile(
    rf"""(?<![\w£$/.-])(?P<value>
        (?P<frac>{_FRAC_ALT})
      | [£$€]?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s?(?P<scale>million|billion|m|bn|k))?
        (?:\s?(?P<pct>%|per\s?cent|percent))?
      | (?P<word>{_WORD_ALT})(?:\s(?:per\s?cent|percent))?
    )(?![\w%])""",
    re.I | re.X,
)
_COUNTED = re.compile(
    r"^\s+(?:out\s+of\s+(?:the\s+)?[\d,]+\s+|of\s+(?:the\s+|all\s+|their\s+|its\s+)?)?"
    r"(?P<what>(?:[A-Za-z][\w’'-]*\s+){0,2}[A-Za-z][\w’'-]*)"
)
_STOP_COUNT = {
    "and",
    "or",
    "the",
    "a",
    "an",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "was",
    "were",
    "had",
    "have",
    "has",
    "is",
    "are",
    "who",
    "which",
    "that",
    "of",
    "from",
    "over",
    "been",
    "be",
    "will",
    "would",
    "could",
    "don’t",
    "don't",
    "did",
    "do",
    "does",
    "said",
}
_DATE_CONTEXT = re.compile(
    r"(?i)^\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|^\s*(?:am|pm)\b|^[:.]\d"
)
_MONTH_BEFORE = re.compile(r"(?i)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+$")


_DIGIT = re.compile(r"[0-9]")
_COUNT_WORDS = frozenset([*_NUMBER_WORDS, "half", "third", "thirds", "quarter", "quarters"])
_FIGURE_LOW = re.compile(_FIGURE.pattern, _FIGURE.flags & ~re.I)


def _number(m: re.Match[str]) -> float | None:
    if m.group("frac"):
        return _FRACTIONS[m.group("frac").lower()]
    if m.group("num"):
        value = float(m.group("num").replace(",", ""))
        scale = (m.group("scale") or "").lower()
        return value * {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}.get(scale, 1)
    return float(_NUMBER_WORDS[m.group("word").lower()])


def find_figures(paragraphs: Sequence[str]) -> tuple[Figure, ...]:
    """Each number with the words it counts and its sentence; years and dates left out."""
    out: list[Figure] = []
    for pi, para in enumerate(paragraphs):
        low_para = para.lower()
        same = len(low_para) == len(para)
        if same and not _DIGIT.search(low_para) and _COUNT_WORDS.isdisjoint(word_set(low_para)):
            continue
        for _s, _e, sentence in sentences(para):
            low = sentence.lower()
            pattern = _FIGURE_LOW if len(low) == len(sentence) else _FIGURE
            for m in pattern.finditer(low if pattern is _FIGURE_LOW else sentence):
                value = sentence[m.start("value") : m.end("value")]
                rest = sentence[m.end() :]
                before = sentence[: m.start()]
                if m.group("num") and not m.group("pct") and not m.group("scale"):
                    n = float(m.group("num").replace(",", ""))
                    if "," not in m.group("num") and 1900 <= n <= 2100:
                        continue  # a year
                    if _DATE_CONTEXT.match(rest) or _MONTH_BEFORE.search(before[-12:]):
                        continue
                if (
                    m.group("word")
                    and m.group("word") == "one"
                    and not re.match(r"\s+(?:in|of)\b", rest)
                ):
                    continue
                counted = _COUNTED.match(rest)
                counts = ""
                if m.group("pct") or (m.group("word") and "cent" in value.lower()):
                    counts = "per cent"
                    of = re.match(r"^\s+of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)", rest)
                    if of:
                        counts = f"per cent of {of.group(1)}"
                elif counted:
                    words: list[str] = []
                    for w in counted.group("what").split():
                        if w.lower() in _STOP_COUNT or (words and w.lower().endswith("ed")):
                            break
                        words.append(w)
                    counts = " ".join(words)
                if not counts or counts.lower() in _STOP_COUNT:
                    continue
                out.append(Figure(value, _number(m), counts, sentence, pi))
    return tuple(out)
