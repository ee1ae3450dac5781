"""Find quoted spans: single and double, straight and curly marks, nesting, apostrophes."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

DOUBLE = '"“”„‟″«»'
SINGLE = "'‘’‚‛′"
_MARKS = re.compile(f"[{DOUBLE}{SINGLE}]")
_OPEN_BEFORE = set(" \t([{—–-/:;,\u00a0") | set(DOUBLE) | set(SINGLE)
_CLOSE_AFTER = set(" \t.,;:!?)]}—–-…\u00a0") | set(DOUBLE) | set(SINGLE)
_CONTRACTION = re.compile(r"\d\ds\b|em\b|til\b|n\b")  # '90s, 'em, 'til, rock 'n' roll
_LOWER_WORD_NEXT = re.compile(r"\s+[a-z]")
_SPEECH_AFTER = re.compile(
    r"\s+(?:he|she|they|it|we|i|the|a|an|[A-Z]\w*|said|says|added|adds|told|according)\b"
)


@dataclass(frozen=True)
class Span:
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


class _Mark(NamedTuple):
    """One quote mark that can open or close a span (a tuple: many are made per article)."""

    pos: int
    family: str
    can_open: bool
    can_close: bool


def _classify(text: str, pos: int) -> _Mark | None:
    ch = text[pos]
    family = "d" if ch in DOUBLE else "s"
    prev = text[pos - 1] if pos > 0 else None
    nxt = text[pos + 1] if pos + 1 < len(text) else None
    left = nxt is not None and not nxt.isspace() and (prev is None or prev in _OPEN_BEFORE)
    right = prev is not None and not prev.isspace() and (nxt is None or nxt in _CLOSE_AFTER)
    if family == "s":
        if prev is not None and nxt is not None and prev.isalnum() and nxt.isalnum():
            return None  # an apostrophe: It’s, force’s, don't
        if ch == "‘" and left:
            right = False
        if ch == "’" and right:
            left = False
        if left and nxt is not None and _CONTRACTION.match(text, pos + 1, pos + 5):
            return None  # '90s, 'em, 'til
    else:
        if left and right:
            left, right = ch in '“„"', ch in '”"'
    if not (left or right):
        return None
    return _Mark(pos, family, left, right)


def _possessive(text: str, mark: _Mark, later_close: bool) -> bool:
    """'officers’ union': a plural possessive that looks like a closing single mark."""
    if mark.family != "s" or not later_close or mark.pos == 0:
        return False
    if text[mark.pos - 1] not in "sS":
        return False
    rest = text[mark.pos + 1 : mark.pos + 24]
    return bool(_LOWER_WORD_NEXT.match(rest)) and not _SPEECH_AFTER.match(rest)


def find_spans(paragraphs: Sequence[str]) -> list[Span]:
    """Outer quoted spans in order; a quote left open continues when the next paragraph reopens."""
    spans: list[Span] = []
    pending: tuple[str, list[tuple[int, int, int]]] | None = None
    for pi, text in enumerate(paragraphs):
        marks = [m for m in (_classify(text, x.start()) for x in _MARKS.finditer(text)) if m]
        last_close = {m.family: i for i, m in enumerate(marks) if m.can_close}
        start_index = 0
        if pending is not None:
            family, pieces = pending
            if marks and marks[0].pos == 0 and marks[0].family == family and marks[0].can_open:
                stack: list[tuple[str, int]] = [(family, 1)]
                start_index = 1
                outer_pieces = pieces
            else:
                spans.append(Span(family, tuple(pieces), closed=False))
                pending = None
                stack = []
                outer_pieces = []
        else:
            stack = []
            outer_pieces = []
        for i in range(start_index, len(marks)):
            mark = marks[i]
            if not stack:
                if mark.can_open:
                    stack.append((mark.family, mark.pos + 1))
                continue
            top_family = stack[-1][0]
            if mark.family == top_family and mark.can_close:
                later = last_close[top_family] > i  # a closing mark of this kind follows
                if _possessive(text, mark, later):
                    continue
                family, begin = stack.pop()
                if not stack:
                    outer_pieces.append((pi, begin, mark.pos))
                    spans.append(Span(family, tuple(outer_pieces), closed=True))
                    outer_pieces = []
                    pending = None
                continue
            if mark.can_open and mark.family != top_family:
                stack.append((mark.family, mark.pos + 1))
                continue
            if mark.can_open and mark.family == top_family and len(stack) == 1:
                # An opening mark while the same kind is open: the earlier mark was stray.
                outer_pieces = []
                pending = None
                stack = [(mark.family, mark.pos + 1)]
                continue
            if mark.can_close and any(f == mark.family for f, _ in stack):
                while stack and stack[-1][0] != mark.family:
                    stack.pop()
                family, begin = stack.pop()
                if not stack:
                    outer_pieces.append((pi, begin, mark.pos))
                    spans.append(Span(family, tuple(outer_pieces), closed=True))
                    outer_pieces = []
        if stack:
            family, begin = stack[0]
            outer_pieces.append((pi, begin, len(text)))
            pending = (family, outer_pieces)
    if pending is not None:
        spans.append(Span(pending[0], tuple(pending[1]), closed=False))
    return spans
