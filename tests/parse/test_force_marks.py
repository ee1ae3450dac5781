"""The force scan's marked-bytes pre-search finds every name a plain search accepts."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.forces import (
    _lookup,
    _lower,
    _marked,
    _tables,
    force_spans,
)
from hypothesis import given, settings
from hypothesis import strategies as st


def _plain_names(text: str) -> list[tuple[int, int]]:
    """Names whose letter case fits, found by trying `names` at every position in turn."""
    lowered = _lower(text)
    out: list[tuple[int, int]] = []
    pos = 0
    while (m := _tables().names.search(lowered, pos)) is not None:
        if _lookup(text[m.start() : m.end()]) is None:
            pos = m.start() + 1
            continue
        out.append(m.span())
        pos = m.end()
    return out


def _hits(text: str) -> list[int]:
    """Where the pre-search finds a possible name in `text` (a space before it, as in a scan)."""
    marked = _marked(" " + text)
    return [m.start() for m in _tables().marked.finditer(marked)]  # index of MARK = letter - 1


def _covered(text: str) -> bool:
    reach = _tables().reach
    hits = _hits(text)
    return all(any(start <= h <= start + reach for h in hits) for start, _ in _plain_names(text))


# (id, paragraph, mention texts force_spans finds)
CASES: list[tuple[str, str, list[str]]] = [
    ("capital-after-space", "Officers from Kent Police attended.", ["Kent Police"]),
    ("capital-after-curly-quote", "He said “Kent Police” knew.", ["Kent Police"]),
    (
        "capital-after-dash-and-newline",
        "First\nKent Police -Essex Police",
        ["Kent Police", "Essex Police"],
    ),
    ("lower-case-words-lead-the-name", "Two officers in Kent were named.", ["officers in Kent"]),
    ("lower-case-the-before-exact-word", "Sources at the Met said no.", ["the Met"]),
    ("capitalised-free-words", "Police Officers In Kent said so.", ["Police Officers In Kent"]),
    (
        "chief-constable-of-area",
        "The chief constable of Essex spoke.",
        ["chief constable of Essex"],
    ),
    ("all-capitals", "KENT POLICE and GMP replied.", ["KENT POLICE", "GMP"]),
    ("kelvin-sign-capital", "\u212aent Police replied.", ["\u212aent Police"]),
    ("lower-case-area-is-no-name", "kent police replied.", []),
    ("dotted-capital-i-paragraph", "İ visited Kent Police.", ["Kent Police"]),
    ("name-glued-to-accented-letter", "éKent Police, then Kent Police.", ["Kent Police"]),
    ("separator-run-of-three", "Kent - Police said.", ["Kent - Police"]),
    ("digit-after-name", "Kent Police2 and Kent Police 2.", ["Kent Police"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_marked_search_finds_each_name(text: str, expected: list[str]) -> None:
    """force_spans finds the names a plain search finds, and the pre-search reaches each."""
    assert _covered(text)
    assert [text[s:e] for s, e, _ in force_spans(text)] == expected


def test_marked_bytes_align_with_the_text() -> None:
    """Each character gives one byte; the byte before a capital is MARK unless a word character."""
    text = " Kent “Police”, x\u212aé İS a_B"
    marked = _marked(text)
    assert len(marked) == len(text)
    assert marked == b"\x01kent \x01police   xk  \x01s a_b"


_PIECES = st.sampled_from(
    [
        *("Kent", "kent", "KENT", "Police", "police", "Essex", "Met", "the", "The", "&", "’s"),
        *("officers", "Officers", "in", "In", "chief", "Chief", "constable", "of", "GMP", "Gmp"),
        *("North", "Wales", "Avon", "and", "Somerset", "Thames", "Valley", "detectives", "İ"),
        *(" ", "  ", "   ", "-", "—", "\n", "\x00", "“", "(", ",", "é", "5", "_", "\u212a", "\x7f"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=24).map("".join))
def test_marked_search_covers_plain_names(text: str) -> None:
    """Every name a plain search accepts has a pre-search hit within reach of its start."""
    assert _covered(text)
