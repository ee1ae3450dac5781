"""Header lines: datelines, 'Updated' lines and bylines told from other short lines at the top."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.parse.dates import dateline_date, is_dateline, is_update_line

DATELINES = [
    ("day-month-year", "27 September 2019", ("2019-09-27", "day")),
    ("weekday-published", "Published Friday, 27 September 2019", ("2019-09-27", "day")),
    ("time-first", "10:45 27/09/2019", ("2019-09-27", "day")),
    ("iso", "2021-03-04", ("2021-03-04", "day")),
    ("month-first", "Sept 12, 2008 | 5:30pm", ("2008-09-12", "day")),
    ("month-year", "Interview | April 2024", ("2024-04", "month")),
    ("twentieth-century", "3 May 1999 BST", ("1999-05-03", "day")),
    ("two-digit-year-dots", "17.01.24", ("2024-01-17", "day")),
    ("two-digit-year-and-time", "14.08.24 | 19:02", ("2024-08-14", "day")),
    ("byline-and-short-date", "By Ciara Mulholland | 17.01.24 | Crime", ("2024-01-17", "day")),
]

NOT_DATELINES = [
    ("headline", "Officer sacked for abusing his position"),
    ("byline", "By Jane Roe, crime reporter"),
    ("year-too-early", "Since 1850 the force has grown"),
    ("no-year", "27 September"),
    ("other-digits", "٢٠١٩ 27 September"),  # Arabic-Indic digits are no year here
    (
        "long-sentence",
        "On 27 September 2019 the panel found that the officer had abused his position",
    ),
    ("updated", "Updated 28 September 2019"),
    ("version-number", "Version 1.2.3 of the vetting code, with changes to the checks"),
]


@pytest.mark.parametrize(
    ("line", "expected"), [c[1:] for c in DATELINES], ids=[c[0] for c in DATELINES]
)
def test_datelines_are_read(line: str, expected: tuple[str, str]) -> None:
    """A short line that is essentially a date is a dateline, and gives its date."""
    assert is_dateline(line)
    assert dateline_date(line) == expected


@pytest.mark.parametrize("line", [c[1] for c in NOT_DATELINES], ids=[c[0] for c in NOT_DATELINES])
def test_other_lines_are_not_datelines(line: str) -> None:
    """Lines without a year opening 19 or 20, long lines and 'Updated' lines are no datelines."""
    assert not is_dateline(line)


UPDATE_LINES = [
    ("updated", "Updated 28 September 2019", True),
    ("last-modified", "Last modified: 2020-01-02 10:00", True),
    ("updated-no-year", "Updated 28 September", False),
    ("updated-time-only", "Updated 10:45", False),
    ("plain-date", "28 September 2019", False),
]


@pytest.mark.parametrize(
    ("line", "expected"), [c[1:] for c in UPDATE_LINES], ids=[c[0] for c in UPDATE_LINES]
)
def test_update_lines(line: str, expected: bool) -> None:
    """'Updated …' lines holding a full date are update lines; without a year they are not."""
    assert is_update_line(line) is expected


BODY = "An officer who abused his position to pursue a woman he met on duty has been dismissed."

# (id, byline under the headline, whether it is dropped from the paragraphs)
BYLINES = [
    ("plain", "By Jane Roe", True),
    ("with-role", "By Jane Roe, Crime Reporter", True),
    ("capitals", "By JANE ROE, NORTH WEST CORRESPONDENT", True),
    ("two-authors", "By Priya Raman and Joe Callaghan", True),
    ("dash-role", "By Jane Roe – Crime Reporter", True),
    ("written-by", "Written by Dan Whitcombe, Senior Reporter", True),
    ("lower-case", "by Jane Roe", True),
    ("words-colon", "Words: Jane Roe", True),
    ("by-a-date", "By 19 May 2015, every force must show how it monitors its systems.", False),
    ("by-a-name-in-prose", "Byron Hale said the force had acted.", False),
]


@pytest.mark.parametrize(("line", "dropped"), [c[1:] for c in BYLINES], ids=[c[0] for c in BYLINES])
def test_bylines_are_no_paragraphs(line: str, dropped: bool) -> None:
    """A byline under the headline, in any case, with a role or two authors, is no paragraph."""
    parsed = parse_article(f"Officer dismissed\n\n{line}\n\n{BODY}", "page.txt")
    assert (line not in parsed.paragraphs) is dropped
    assert BODY in parsed.paragraphs
