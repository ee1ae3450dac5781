"""Find quoted spans: single and double, straight and curly marks, nesting, apostrophes."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final, NamedTuple

DOUBLE: Final = '"“”„‟″«»'
SINGLE: Final = "'‘’‚‛′"
_MARK_CHARS: Final = DOUBLE + SINGLE
_ASCII_MARKS: Final = "\"'"
_MARKS: Final = re.compile(f"[{_MARK_CHARS}]")
_OPEN_BEFORE: Final = set(" \t([{—–-/:;,\u00a0") | set(DOUBLE) | set(SINGLE)
_CLOSE_AFTER: Final = set(" \t.,;:!?)]}—–-…\u00a0") | set(DOUBLE) | set(SINGLE)
_CONTRACTION: Final = re.compile(r"\d\ds\b|em\b|til\b|n\b")  # '90s, 'em, 'til, rock 'n' roll
_LOWER_WORD_NEXT: Final = re.compile(r"\s+[a-z]")
_SPEECH_AFTER: Final = re.compile(
    r"\s+(?:he|she|they|it|we|i|the|a|an|[A-Z]\w*|said|says|added|adds|told|according)\b"
)


class Span(NamedTuple):
    """An outer quoted span: its family, and (paragraph, start, end) pieces inside the marks."""

    family: str  # "d" or "s"
    pieces: tuple[tuple[int, int, int], ...]
    closed: bool

    @property
    def first(self) -> tuple[int, int, int]:
        return self.pieces[0]

    @property
    def last(self) -> tuple[int, int, int]:
        return self.pieces[-1]


# Span's own constructor, without the Python-level __new__ NamedTuple adds in front of it.
_new_span: Final = tuple.__new__

# A quote mark that can open or close a span: (position, family, can open, can close).
# Plain tuples: a paragraph may hold many marks.
_Mark = tuple[int, str, bool, bool]


def _paragraph_marks(paragraphs: Sequence[str]) -> dict[int, list[_Mark]]:
    """The marks that can open or close a quote in each paragraph that has any, in order."""
    # The paragraphs joined by spaces, with a space before the first and after the last:
    # around each paragraph this is what a mark's tests need, a space standing for its
    # start and end, so every mark is judged by the three characters around it here.
    joined = f" {' '.join(paragraphs)} "
    # A substring search for each kind of mark the article holds (usually two or three)
    # is far quicker than a regex scan with a character class this wide.
    kinds = _ASCII_MARKS if joined.isascii() else _MARK_CHARS
    found: list[tuple[int, tuple[str, bool, bool]]] = []
    for mark in kinds:
        i = joined.find(mark)
        while i >= 0:
            kind = _mark_kind(joined[i - 1 : i + 2])
            if kind is not None:
                found.append((i, kind))
            i = joined.find(mark, i + 1)
    found.sort()  # positions are unique
    by_para: dict[int, list[_Mark]] = {}
    p, start, end = -1, 0, 0  # paragraph p is joined[start:end]
    for i, (family, left, right) in found:
        while i >= end:
            p += 1
            start = end + 1
            end = start + len(paragraphs[p])
        # '90s, 'em, 'til: an opening single mark before these is an apostrophe (the
        # match may not run past the paragraph, as it could not in the paragraph alone).
        if (
            left
            and family == "s"
            # Every match opens with a decimal digit (\d), e, t or n: checked first.
            and (joined[i + 1] in "etn" or joined[i + 1].isdecimal())
            and _CONTRACTION.match(joined, i + 1, min(i + 5, end))
        ):
            continue
        by_para.setdefault(p, []).append((i - start, family, left, right))
    return by_para


@functools.lru_cache(maxsize=1024)
def _mark_kind(context: str) -> tuple[str, bool, bool] | None:
    """Family, can open, can close of the mark in the middle of a three-character context.

    None for an apostrophe or a mark that can do neither. Contexts repeat endlessly
    (' “W', 's, ”'), so the answers are remembered.
    """
    prev, ch, nxt = context[0], context[1], context[2]
    single = ch in SINGLE
    if single and prev.isalnum() and nxt.isalnum():
        return None  # an apostrophe: It’s, force’s, don't
    left = not nxt.isspace() and prev in _OPEN_BEFORE
    right = not prev.isspace() and nxt in _CLOSE_AFTER
    if single:
        if ch == "‘" and left:
            right = False
        if ch == "’" and right:
            left = False
    elif left and right:
        left, right = ch in '“„"', ch in '”"'
    if not (left or right):
        return None
    return ("s" if single else "d"), left, right


def _possessive(text: str, pos: int, later_close: bool) -> bool:
    """'officers’ union': a plural possessive that looks like a closing single mark."""
    if not later_close or pos == 0:
        return False
    if text[pos - 1] not in "sS":
        return False
    rest = text[pos + 1 : pos + 24]
    return bool(_LOWER_WORD_NEXT.match(rest)) and not _SPEECH_AFTER.match(rest)


def find_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Outer quoted spans in order; a quote left open continues when the next paragraph reopens."""
    spans: list[Span] = []
    pending: tuple[str, list[tuple[int, int, int]]] | None = None
    by_para = _paragraph_marks(paragraphs)
    if not by_para:
        return spans
    no_marks: list[_Mark] = []
    for pi in range(len(paragraphs)):
        marks = by_para.get(pi, no_marks)
        if pending is None and not marks:
            continue  # nothing opens here and nothing runs on
        text = paragraphs[pi]
        last_close: dict[str, int] | None = None  # the last closing mark of each kind
        start_index = 0
        if pending is not None:
            family, pieces = pending
            if marks and marks[0][0] == 0 and marks[0][1] == family and marks[0][2]:
                stack: list[tuple[str, int]] = [(family, 1)]
                start_index = 1
                outer_pieces = pieces
            else:
                spans.append(_new_span(Span, (family, tuple(pieces), False)))
                pending = None
                stack = []
                outer_pieces = []
        else:
            stack = []
            outer_pieces = []
        for i in range(start_index, len(marks)):
            pos, mark_family, can_open, can_close = marks[i]
            if not stack:
                if can_open:
                    stack.append((mark_family, pos + 1))
                continue
            top_family = stack[-1][0]
            if mark_family == top_family and can_close:
                if mark_family == "s" and pos > 0 and text[pos - 1] in "sS":  # officers’ …
                    if last_close is None:
                        last_close = {f: k for k, (_, f, _, closes) in enumerate(marks) if closes}
                    if _possessive(text, pos, last_close[top_family] > i):
                        continue
                family, begin = stack.pop()
                if not stack:
                    outer_pieces.append((pi, begin, pos))
                    spans.append(_new_span(Span, (family, tuple(outer_pieces), True)))
                    outer_pieces = []
                    pending = None
                continue
            if can_open and mark_family != top_family:
                stack.append((mark_family, pos + 1))
                continue
            if can_open and mark_family == top_family and len(stack) == 1:
                # An opening mark while the same kind is open: the earlier mark was stray.
                outer_pieces = []
                pending = None
                stack = [(mark_family, pos + 1)]
                continue
            if can_close and any(f == mark_family for f, _ in stack):
                while stack and stack[-1][0] != mark_family:
                    stack.pop()
                family, begin = stack.pop()
                if not stack:
                    outer_pieces.append((pi, begin, pos))
                    spans.append(_new_span(Span, (family, tuple(outer_pieces), True)))
                    outer_pieces = []
        if stack:
            family, begin = stack[0]
            outer_pieces.append((pi, begin, len(text)))
            pending = (family, outer_pieces)
    if pending is not None:
        spans.append(_new_span(Span, (pending[0], tuple(pending[1]), False)))
    return spans
