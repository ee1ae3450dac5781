"""Figures cited in the text: numbers, percentages and fractions with what they count."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from typing import Final

from ..records import Figure
from .articletext import ArticleText, article_text
from .sentences import sentences, word_set
from .vocabulary import COUNT_WORDS, FRACTIONS, NUMBER_WORDS

_WORD_ALT: Final = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_FRAC_ALT: Final = "|".join(re.escape(f) for f in sorted(FRACTIONS, key=len, reverse=True))
_FIGURE: Final = re.compile(
    rf"""(?<![\w£$/.-])(?P<value>
        (?P<frac>{_FRAC_ALT})
      | [£$€]?(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?:\s?(?P<scale>million|billion|m|bn|k))?
        (?:\s?(?P<pct>%|per\s?cent|percent))?
      | (?P<word>{_WORD_ALT})(?:\s(?:per\s?cent|percent))?
    )(?![\w%])""",
    re.I | re.X,
)
# Matched where a number ends: what it counts, or what it is a percentage of.
_COUNTED: Final = re.compile(
    r"\s+(?:out\s+of\s+(?:the\s+)?[\d,]+\s+|of\s+(?:the\s+|all\s+|their\s+|its\s+)?)?"
    r"(?P<what>(?:[A-Za-z][\w’'-]*\s+){0,2}[A-Za-z][\w’'-]*)"
)
_STOP_COUNT: Final = {
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
_PER_CENT_OF: Final = re.compile(r"\s+of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,3}[\w’'-]+)")
_IN_OF: Final = re.compile(r"\s+(?:in|of)\b")
# Matched where a number ends, and on the few characters before it: a date or time, not a figure.
_DATE_CONTEXT_TEXT: Final = (
    r"\s*(?:st|nd|rd|th)?\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
    r"|\s*(?:am|pm)\b|[:.]\d"
)
# A month name just before a number ('Sept. 12'), read backwards from the number over the
# twelve characters before it: one anchored match instead of a search along them.
_MONTH_BEFORE_TEXT: Final = r"\s+\.?[a-z]*(?:naj|bef|ram|rpa|yam|nuj|luj|gua|pes|tco|von|ced)"
_DATE_CONTEXT: Final = re.compile(_DATE_CONTEXT_TEXT, re.I)
_MONTH_BEFORE: Final = re.compile(_MONTH_BEFORE_TEXT, re.I)
# The same two without IGNORECASE, for lower-cased text (much faster), where that is the same.
_DATE_CONTEXT_LOW: Final = re.compile(_DATE_CONTEXT_TEXT)
_MONTH_BEFORE_LOW: Final = re.compile(_MONTH_BEFORE_TEXT)


_DIGIT: Final = re.compile(r"[0-9]")
_FIGURE_LOW: Final = re.compile(_FIGURE.pattern, _FIGURE.flags & ~re.I)
# Every number word and fraction _FIGURE knows starts with one of COUNT_WORDS as a whole word
# ('two' of 'two-thirds', 'a' then 'third' of 'a third'): ArticleText.anchors holds them, far
# faster than running _FIGURE along the text.
_AFTER_A: Final = (
    "third",
    "thirds",
    "quarter",
)  # 'a third', 'a quarter' start two characters earlier


_SCALES: Final = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "k": 1e3}


def _number(frac: str | None, num: str | None, scale: str | None, word: str | None) -> float:
    """The value of a _FIGURE match, from its groups."""
    if frac:
        return FRACTIONS[frac.lower()]
    if num:
        value = float(num.replace(",", "") if "," in num else num)
        return value * _SCALES[scale.lower()] if scale else value
    return float(NUMBER_WORDS[(word or "").lower()])


def find_figures(paragraphs: Sequence[str]) -> tuple[Figure, ...]:
    """Each number with the words it counts and its sentence; years and dates left out."""
    article = article_text(paragraphs)
    if not article.plain:
        return _scan_all(paragraphs)
    out: list[Figure] = []
    ascii_case = article.ascii_case
    for pi, starts in sorted(_starts(article).items()):
        para = paragraphs[pi]
        low_para = article.lower(pi)
        sentences = article.sentences(pi)
        for s_start, _end, sentence in sentences:
            # The sentence is the text from s_start stripped: it starts where its first
            # character first occurs from there (and if it is the paragraph's only sentence,
            # it holds every start).
            first = para.index(sentence[0], s_start)
            last = first + len(sentence)
            if len(sentences) > 1:
                local = starts[bisect_left(starts, first) : bisect_left(starts, last)]
            else:
                local = starts
            if not local:
                continue
            low = low_para[first:last]
            end = 0
            for at in local:
                at -= first
                if at >= end and (m := _FIGURE_LOW.match(low, at)):
                    end = m.end()
                    if figure := _figure(m, sentence, pi, low if ascii_case else None):
                        out.append(figure)
    return tuple(out)


def _starts(article: ArticleText) -> dict[int, list[int]]:
    """Where figures may start, by paragraph: digit runs (and a currency sign before one), and
    number words and fractions; each where _FIGURE's look-behind allows a start."""
    paragraphs, offsets = article.paragraphs, article.offsets
    places: list[tuple[int, int]] = []  # (paragraph, position in it)
    for i, at, _length in article.runs:
        places.append((i, at))
        if at and paragraphs[i][at - 1] in "£$€":
            places.append((i, at - 1))
    for at, word in article.anchors:
        if word in COUNT_WORDS:
            i = bisect_right(offsets, at) - 1
            at -= offsets[i]
            places.append((i, at))
            if word in _AFTER_A and at >= 2 and paragraphs[i][at - 2 : at].lower() == "a ":
                places.append((i, at - 2))
    by_para: dict[int, list[int]] = {}
    for i, at in places:
        before = paragraphs[i][at - 1] if at else " "
        if not (before.isalnum() or before in "_£$/.-"):
            by_para.setdefault(i, []).append(at)
    for i in article.other_digits:
        # Only a paragraph with a digit 0-9 or a number word is read (other digits alone are
        # not taken for a figure).
        low_para = article.lower(i)
        if not _DIGIT.search(low_para) and COUNT_WORDS.isdisjoint(word_set(low_para)):
            by_para.pop(i, None)
    return {i: sorted(set(found)) if len(found) > 1 else found for i, found in by_para.items()}


def _scan_all(paragraphs: Sequence[str]) -> tuple[Figure, ...]:
    """find_figures by running _FIGURE along every sentence that may hold a figure (for text
    whose lower case changes lengths or letters)."""
    out: list[Figure] = []
    for pi, para in enumerate(paragraphs):
        low_para = para.lower()
        same = len(low_para) == len(para)
        if same and not _DIGIT.search(low_para) and COUNT_WORDS.isdisjoint(word_set(low_para)):
            continue
        for _s, _e, sentence in sentences(para):
            low = sentence.lower()
            pattern = _FIGURE_LOW if len(low) == len(sentence) else _FIGURE
            for m in pattern.finditer(low if pattern is _FIGURE_LOW else sentence):
                if figure := _figure(m, sentence, pi):
                    out.append(figure)
    return tuple(out)


def _figure(m: re.Match[str], sentence: str, pi: int, low: str | None = None) -> Figure | None:
    """The figure a match of _FIGURE in the sentence gives, if it counts something (`low`, the
    sentence lower-cased, when the faster case-sensitive patterns may read it instead)."""
    start, end = m.span()
    _value, frac, num, scale, pct, word = m.groups()
    if num and not pct and not scale:
        # A year (no number under four characters long can be one).
        if len(num) >= 4 and "," not in num and 1900 <= float(num) <= 2100:
            return None
        if low is None:
            if _DATE_CONTEXT.match(sentence, end) or (
                start and _MONTH_BEFORE.match(sentence[max(0, start - 12) : start][::-1])
            ):
                return None
        elif _DATE_CONTEXT_LOW.match(low, end) or (
            start and _MONTH_BEFORE_LOW.match(low[max(0, start - 12) : start][::-1])
        ):
            return None
    if word == "one" and not _IN_OF.match(sentence, end):
        return None
    value = sentence[start:end]  # the value group spans the match
    if pct or (word and "cent" in value.lower()):
        of = _PER_CENT_OF.match(sentence, end)
        counts = f"per cent of {of.group(1)}" if of else "per cent"
    elif counted := _COUNTED.match(sentence, end):
        counts = _counted_words(counted["what"])
        if not counts:
            return None
    else:
        return None
    return Figure(value, _number(frac, num, scale, word), counts, sentence, pi)


@lru_cache(maxsize=4096)
def _counted_words(what: str) -> str:
    """What a number counts, from the few words after it: up to a stop word or, after the
    first word, a word ending 'ed' ('' when nothing is counted). Such short phrases repeat,
    so they are remembered."""
    words: list[str] = []
    for w in what.split():
        lower = w.lower()
        if lower in _STOP_COUNT or (words and lower.endswith("ed")):
            break
        words.append(w)
    counts = " ".join(words)
    return "" if counts.lower() in _STOP_COUNT else counts
