"""Sentence splitting: named cases, one search per end mark against one pattern for all marks."""

from __future__ import annotations

import re

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.parse.articletext import article_text
from forcewatch.store.parse.sentences import sentences
from hypothesis import given, settings
from hypothesis import strategies as st

SENTENCE_CASES: list[tuple[str, str, list[tuple[int, int, str]]]] = [
    ("one-sentence", "Kent Police said so.", [(0, 20, "Kent Police said so.")]),
    (
        "two-sentences",
        "He was sacked. The panel agreed.",
        [(0, 14, "He was sacked."), (15, 32, "The panel agreed.")],
    ),
    (
        "title-is-no-end",
        "Mr. Smith and Dr. Jones spoke. They left.",
        [(0, 30, "Mr. Smith and Dr. Jones spoke."), (31, 41, "They left.")],
    ),
    (
        "initial-is-no-end",
        "PC J. Bloggs was named.",
        [(0, 23, "PC J. Bloggs was named.")],
    ),
    (
        "quote-after-mark",
        "“It was wrong.” 12 officers left? Yes! No… Maybe.",
        [
            (0, 14, "“It was wrong."),  # a closing quote after the mark is left out
            (16, 33, "12 officers left?"),
            (34, 38, "Yes!"),
            (39, 42, "No…"),
            (43, 49, "Maybe."),
        ],
    ),
    ("lower-case-follows", "It was 3 p.m. on Monday.", [(0, 24, "It was 3 p.m. on Monday.")]),
    ("padded", "  Two officers.   ", [(0, 18, "Two officers.")]),
    ("empty", "   ", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SENTENCE_CASES], ids=[c[0] for c in SENTENCE_CASES]
)
def test_sentences(text: str, expected: list[tuple[int, int, str]]) -> None:
    """Each sentence comes with where it starts and ends; abbreviations do not end one."""
    assert list(sentences(text)) == expected


# One pattern for every end mark, read from just after the mark: the splitting the per-mark
# searches must reproduce.
_ONE_END = re.compile(r"(?<=[.!?…])[\"”’']?\s+(?=[\"“‘'(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Supt|Insp|Sgt|Det|Ch|Con|St|No|Nos|Co|Ltd|Inc|vs|etc|approx|Gen"
    r"|Lt|Col|Capt|Cllr|Rev|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b[A-Z])"
    r"\.[\"”’']?\s+$"
)


def _one_pattern(text: str) -> list[tuple[int, int, str]]:
    found, start = [], 0
    for m in _ONE_END.finditer(text):
        if _ABBREVIATION.search(text[max(0, m.start() - 8) : m.end()]):
            continue
        if piece := text[start : m.start()].strip():
            found.append((start, m.start(), piece))
        start = m.end()
    if tail := text[start:].strip():
        found.append((start, len(text), tail))
    return found


MARKS = [".", "!", "?", "…", '"', "”", "’", "'", "“", "‘", "("]
SPACES = [" ", "\n", "\t", "\u00a0", "\x00"]
PIECES = st.sampled_from(
    [*MARKS, *SPACES, "A", "M", "r", "s", "x", "1", "Mr", "Sept", "No", "approx", "The", "said"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_search_per_mark_splits_as_one_pattern(text: str) -> None:
    """Searching for each end mark apart splits text exactly as one pattern for all marks."""
    assert list(sentences(text)) == _one_pattern(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(PIECES, max_size=12).map("".join), min_size=1, max_size=4))
def test_article_sentences_are_each_paragraphs(paragraphs: list[str]) -> None:
    """The sentences the finders share are those of each paragraph read alone."""
    text = article_text(paragraphs)
    assert [text.sentences(i) for i in range(len(paragraphs))] == [
        list(sentences(p)) for p in paragraphs
    ]


DOTTED_CASES = [
    ("dotted-capital-i", "İstanbul police said on 3 May 2020 that Kent Police acted."),
    ("kelvin-sign", "The \u212a unit said on 3 May 2020 that Kent Police acted."),
]


@pytest.mark.parametrize("para", [c[1] for c in DOTTED_CASES], ids=[c[0] for c in DOTTED_CASES])
def test_dated_text_whose_lower_case_differs(para: str) -> None:
    """Text whose lower case changes length or letters still gives its dated events."""
    parsed = parse_article(f"Officer sacked\n\n{para}\n\nTwo officers were dismissed today.")
    mentioned = [e for e in parsed.events if e.kind == "mentioned"]
    assert [e.date for e in mentioned][:1] == ["2020-05-03"]
    assert [f.number for f in parsed.figures] == [2.0]
