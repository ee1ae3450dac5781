"""Plain-text formats of dates, precisions, counts and activity charts."""

from __future__ import annotations

from collections.abc import Iterable

from forcewatch.store.records import Precision

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

PRECISION_MARK: dict[str, str] = {"day": "", "month": "~", "year": "≈", "unknown": "?"}
"""A mark after a date saying how precise it is, so precision never rests on colour."""

DATE_WIDTH = 12

SOURCE_WORDS = {
    "front_matter": "from the front matter",
    "dateline": "from the dateline",
    "url": "from the URL",
    "none": "no date found",
}

SPARK = "▁▂▃▄▅▆▇█"


def short_date(date: str | None, precision: Precision | str) -> str:
    """'2017-10-06', '2017-10 ~', '2017 ≈' or 'undated ?': a list column."""
    if not date or precision == "unknown":
        return "undated ?"
    mark = PRECISION_MARK.get(precision, "?")
    if precision == "month":
        date = date[:7]
    elif precision == "year":
        date = date[:4]
    return f"{date} {mark}".rstrip()


def long_date(date: str | None, precision: Precision | str) -> str:
    """'6 October 2017', 'October 2017', '2017' or 'undated'."""
    if not date or precision == "unknown":
        return "undated"
    parts = date.split("-")
    try:
        year = int(parts[0])
        month = MONTHS[int(parts[1]) - 1] if len(parts) > 1 and precision != "year" else None
        day = int(parts[2]) if len(parts) > 2 and precision == "day" else None
    except (ValueError, IndexError):
        return date
    if day is not None and month is not None:
        return f"{day} {month} {year}"
    if month is not None:
        return f"{month} {year}"
    return str(year)


def date_with_source(date: str | None, precision: Precision | str, source: str) -> str:
    """'6 October 2017 (to the day, from the dateline)' for the reader."""
    if not date or precision == "unknown":
        return f"undated ({SOURCE_WORDS.get(source, source)})"
    return f"{long_date(date, precision)} (to the {precision}, {SOURCE_WORDS.get(source, source)})"


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 article', '3 articles'."""
    return f"{count:,} {word if count == 1 else (many or word + 's')}"


def sparkline(per_year: Iterable[tuple[int, int]], first: int, last: int) -> str:
    """One character per year from `first` to `last`: a blank for none, taller for more."""
    counts = dict(per_year)
    if last < first:
        return ""
    peak = max(counts.values(), default=0)
    out = []
    for year in range(first, last + 1):
        n = counts.get(year, 0)
        if n <= 0 or peak <= 0:
            out.append("·")
        else:
            out.append(SPARK[min(len(SPARK) - 1, (n * len(SPARK) - 1) // peak)])
    return "".join(out)
