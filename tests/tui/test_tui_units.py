"""Small pure parts of the explorer: date and chart formats, key labels, history."""

from __future__ import annotations

import pytest
from forcewatch.tui import format as fmt
from forcewatch.tui.keys import key_label
from forcewatch.tui.places import History, Place


@pytest.mark.parametrize(
    ("date", "precision", "short", "long"),
    [
        pytest.param("2017-10-06", "day", "2017-10-06", "6 October 2017", id="day"),
        pytest.param("2017-10", "month", "2017-10 ~", "October 2017", id="month"),
        pytest.param("2017-10-01", "month", "2017-10 ~", "October 2017", id="month-padded"),
        pytest.param("2017", "year", "2017 ≈", "2017", id="year"),
        pytest.param(None, "unknown", "undated ?", "undated", id="undated"),
        pytest.param("2017-13-40", "day", "2017-13-40", "2017-13-40", id="nonsense-kept"),
    ],
)
def test_dates_carry_their_precision_in_text(
    date: str | None, precision: str, short: str, long: str
) -> None:
    """A date says how precise it is with a mark or words, never only with colour."""
    assert fmt.short_date(date, precision) == short
    assert fmt.long_date(date, precision) == long


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("dateline", "6 October 2017 (to the day, from the dateline)", id="dateline"),
        pytest.param("url", "6 October 2017 (to the day, from the URL)", id="url"),
    ],
)
def test_date_with_its_source(source: str, expected: str) -> None:
    """The reader says where a date came from."""
    assert fmt.date_with_source("2017-10-06", "day", source) == expected


@pytest.mark.parametrize(
    ("years", "first", "last", "chart"),
    [
        pytest.param([(2015, 1), (2017, 4)], 2014, 2018, "·▂·█·", id="gaps-and-peak"),
        pytest.param([], 2014, 2016, "···", id="no-coverage"),
        pytest.param([(2020, 3)], 2020, 2020, "█", id="one-year"),
        pytest.param([(2020, 3)], 2021, 2020, "", id="empty-span"),
    ],
)
def test_sparkline_has_one_cell_per_year(
    years: list[tuple[int, int]], first: int, last: int, chart: str
) -> None:
    """The activity chart has a cell per year, a dot for none, taller for more."""
    assert fmt.sparkline(years, first, last) == chart


@pytest.mark.parametrize(
    ("key", "label"),
    [
        pytest.param("question_mark", "?", id="named"),
        pytest.param("ctrl+b", "Ctrl+B", id="ctrl"),
        pytest.param("j", "j", id="letter"),
        pytest.param("G", "G", id="capital"),
    ],
)
def test_key_labels_read_as_people_write_them(key: str, label: str) -> None:
    """The help screen shows keys as they are written on keyboards."""
    assert key_label(key) == label


def test_history_goes_back_and_forward_and_forgets_the_forward_branch() -> None:
    """Back and forward walk the places; a new place drops what was ahead."""
    history = History()
    a, b, c = Place("forces", key="A"), Place("reader", key="1"), Place("speakers", key="s")
    history.go(a)
    history.go(b)
    history.go(b)  # a repeat is not recorded twice
    assert len(history) == 3
    assert history.back() == a
    assert history.back() == Place("articles", pane="list")
    assert history.back() is None
    assert history.forward() == a
    history.go(c)
    assert history.forward() is None
    assert history.back() == a
    assert history.forward() == c


def test_history_update_and_limit() -> None:
    """The current place can be rewritten, and old places fall off past the limit."""
    history = History(limit=3)
    for n in range(5):
        history.go(Place("reader", key=str(n)))
    assert len(history) == 3
    history.update(Place("reader", key="4", paragraph=2))
    assert history.current.paragraph == 2
    assert history.current.article_id == 4
    history.reset()
    assert history.current.view == "articles" and not history.can_back
