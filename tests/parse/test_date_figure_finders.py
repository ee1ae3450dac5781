"""Dates and figures in prose: named cases, and the anchored search against a full regex scan."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import dates, figures
from forcewatch.store.parse.dates import find_dates, mentions_by_paragraph
from forcewatch.store.parse.figures import find_figures
from hypothesis import given, settings
from hypothesis import strategies as st

# (id, sentence, [(start, end, year, month, day, relative)])
Mention = tuple[int, int, int | None, int | None, int | None, str | None]
DATE_CASES: list[tuple[str, str, list[Mention]]] = [
    (
        "day-month-year",
        "He was dismissed on 9 September 2026 after a hearing.",
        [(20, 36, 2026, 9, 9, None)],
    ),
    (
        "weekday-and-ordinal",
        "The hearing on Wednesday, 3rd of March 2021 heard evidence.",
        [(15, 43, 2021, 3, 3, None)],
    ),
    (
        "abbreviated-month-first",
        "Published Sept. 12, 2019 by the force.",
        [(10, 24, 2019, 9, 12, None)],
    ),
    (
        "iso-and-numeric",
        "Logged 2019-05-01 and again on 12/03/2020.",
        [(7, 17, 2019, 5, 1, None), (31, 41, 2020, 3, 12, None)],
    ),
    (
        "misspelt-month-the-pattern-allows",
        "It happened in Sepember 2019 and again on Sepember 3.",
        [(15, 28, 2019, 9, None, None), (42, 52, None, 9, 3, None)],
    ),
    (
        "month-of-year",
        "It happened in May of 2019, the panel heard.",
        [(15, 26, 2019, 5, None, None)],
    ),
    (
        "day-month-without-year",
        "The officer was suspended on 4 June pending a review.",
        [(29, 35, None, 6, 4, None)],
    ),
    (
        "may-the-verb-is-not-a-date",
        "Officers may be dismissed, and May 5 is not the verb.",
        [],
    ),
    (
        "month-named-alone",
        "The review began in mid- June and ended since March.",
        [(25, 29, None, 6, None, None), (46, 51, None, 3, None, None)],
    ),
    (
        "month-before-a-year-is-not-alone",
        "Since June 2020 the force has vetted staff.",
        [(6, 15, 2020, 6, None, None)],
    ),
    (
        "relative-words",
        "Today the force said it would act next week; yesterday it would not.",
        [
            (0, 5, None, None, None, "today"),
            (34, 43, None, None, None, "next week"),
            (45, 54, None, None, None, "yesterday"),
        ],
    ),
    (
        "past-twelve-months",
        "In the past twelve months, and in the last 12 months, 22 were dismissed.",
        [
            (0, 25, None, None, None, "in the past twelve months"),
            (31, 52, None, None, None, "in the last 12 months"),
        ],
    ),
    (
        "years-alone",
        "Between 2019 and 2023, 1,204 complaints were made (not 20191 or 2019-x).",
        [
            (8, 12, 2019, None, None, None),
            (17, 21, 2023, None, None, None),
            (64, 68, 2019, None, None, None),
        ],
    ),
    ("arabic-indic-day", "On \u0663 march 2019 the panel sat.", [(3, 15, 2019, 3, 3, None)]),
    (
        "kelvin-sign-is-read-as-k",
        "Last wee\u212a the force met on 2 May 2019.",
        [(0, 9, None, None, None, "last week"), (27, 37, 2019, 5, 2, None)],
    ),
    ("dotted-capital-i-is-read-as-i", "\u0130n June the force met.", [(3, 7, None, 6, None, None)]),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in DATE_CASES], ids=[c[0] for c in DATE_CASES]
)
def test_find_dates(text: str, expected: list[Mention]) -> None:
    """Each date expression is found once, with its parts, the most specific where they overlap."""
    found = [(m.start, m.end, m.year, m.month, m.day, m.relative) for m in find_dates(text)]
    assert found == expected


# (id, paragraphs, [(value, number, counts, paragraph)])
Counted = tuple[str, float | None, str, int]
FIGURE_CASES: list[tuple[str, list[str], list[Counted]]] = [
    (
        "counts-after-numbers",
        ["The panel heard he sent 22 messages over three months."],
        [("22", 22.0, "messages", 0), ("three", 3.0, "months", 0)],
    ),
    (
        "per-cent-of",
        ["Nationally, 64 per cent of such allegations involved victims."],
        [("64 per cent", 64.0, "per cent of such allegations involved victims", 0)],
    ),
    (
        "years-dates-and-times-left-out",
        ["In 2019, on 12 March and at 10.30am, 5 officers were suspended."],
        [("5", 5.0, "officers", 0)],
    ),
    (
        "fractions",
        ["A third of officers and two-thirds of staff, one in five forces."],
        [
            ("A third", 1 / 3, "officers", 0),
            ("two-thirds", 2 / 3, "staff", 0),
            ("one in five", 0.2, "forces", 0),
        ],
    ),
    (
        "one-needs-in-or-of",
        ["One officer said one of the women complained."],
        [("one", 1.0, "women", 0)],
    ),
    ("month-before-a-number", ["Sept. 12 officers were dismissed, and Jan 5 staff."], []),
    (
        "the-sentence-bounds-what-is-counted",
        ["Officers dismissed: 22. Complaints rose by 10 per cent in the year."],
        [("10 per cent", 10.0, "per cent", 0)],
    ),
    (
        "paragraphs-numbered",
        ["No figures here.", "Four officers and 12 staff were vetted."],
        [("Four", 4.0, "officers", 1), ("12", 12.0, "staff", 1)],
    ),
    ("other-digits-alone-are-not-read", ["\u0663 complaints were upheld."], []),
    (
        "other-digits-with-a-number-word",
        ["\u0663 complaints and two appeals were upheld."],
        [("\u0663", 3.0, "complaints", 0), ("two", 2.0, "appeals", 0)],
    ),
    (
        "kelvin-sign-is-read-as-k",
        ["\u212a 7 officers left and three stayed."],
        [("7", 7.0, "officers left", 0), ("three", 3.0, "stayed", 0)],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in FIGURE_CASES], ids=[c[0] for c in FIGURE_CASES]
)
def test_find_figures(paragraphs: list[str], expected: list[Counted]) -> None:
    """Each number with what it counts is found; years, dates, times and bare 'one' are not."""
    found = [(f.value, f.number, f.counts, f.paragraph) for f in find_figures(paragraphs)]
    assert found == expected


# Text likely to hold dates and figures, and the characters that make searching it tricky.
FRAGMENTS = st.sampled_from(
    [
        " ",
        "  ",
        ", ",
        ". ",
        "-",
        "/",
        ".",
        "’",
        "“",
        "(",
        "\n",
        "1",
        "12",
        "2019",
        "31",
        "1,204",
        "3.5",
        "£",
        "%",
        " per cent",
        "st",
        "th",
        " of ",
        "Sept",
        "march",
        "May",
        "june",
        "Wednesday",
        "in",
        "mid-",
        "since",
        "the past",
        "last",
        "this",
        "week",
        "months",
        "year",
        "today",
        "twelve",
        "one",
        "Two",
        "third",
        "a",
        "quarter",
        "hundreds",
        "officers",
        "staff",
        "am",
        "\u0663",
        "\u00a0",
        "\u0131",
        "\u017f",
        # whole phrases, which random fragments seldom make
        "in June",
        "mid- June",
        "since March",
        "a third",
        "A quarter",
        "the past twelve months",
        "in the last 12 months",
        "earlier this year",
        "last week",
        "May of 2019",
        "Mon, 3 March",
        "12/03/2020",
        "2019-05-01",
    ]
)
PARAGRAPHS = st.lists(st.lists(FRAGMENTS, max_size=30).map("".join), min_size=1, max_size=4)


@settings(max_examples=300, deadline=None)
@given(PARAGRAPHS)
def test_anchored_date_search_finds_what_a_full_scan_finds(paragraphs: list[str]) -> None:
    """Trying the date patterns only near anchors finds exactly what scanning all text finds."""
    full = [(i, dates._scan_all(p)) for i, p in enumerate(paragraphs)]
    assert mentions_by_paragraph(paragraphs) == [(i, found) for i, found in full if found]


@settings(max_examples=300, deadline=None)
@given(PARAGRAPHS)
def test_anchored_figure_search_finds_what_a_full_scan_finds(paragraphs: list[str]) -> None:
    """Trying the figure pattern only at numbers and number words finds what a full scan finds."""
    assert find_figures(paragraphs) == figures._scan_all(paragraphs)
