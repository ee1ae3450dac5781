"""Dates in articles: front-matter values, datelines, URL paths and dates named in prose."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

from ..records import Precision
from .articletext import article_text
from .dateanchors import date_starts
from .vocabulary import MONTH_NAMES

MONTHS: Final = {name: i for i, names in enumerate(MONTH_NAMES, start=1) for name in names}
_BY_ABBREVIATION: Final = {names[-1][:3]: i for i, names in enumerate(MONTH_NAMES, start=1)}


def month_number(name: str) -> int:
    """The month (1-12) a month name matched by the patterns stands for. Every form they
    allow starts with its month's first three letters, including misspellings such as
    'Sepember', which `sept?(?:ember)?` matches."""
    return _BY_ABBREVIATION[name[:3].lower()]


_MON: Final = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_MON2: Final = _MON.replace("?P<mon>", "?P<mon2>")
_DAY: Final = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2: Final = _DAY.replace("?P<day>", "?P<day2>")
_YEAR: Final = r"(?P<year>(?:19|20)\d\d)"
_WEEKDAY: Final = r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+"

_FULL_DATE: Final = re.compile(
    rf"""\b(?:{_WEEKDAY})?(?:
        {_DAY}(?:\s+of)?\s+{_MON},?\s+{_YEAR}
      | {_MON2}\s+{_DAY2},?\s+(?P<year2>(?:19|20)\d\d)
      | (?P<iy>(?:19|20)\d\d)-(?P<im>[01]?\d)-(?P<id>[0-3]?\d)
      | (?P<nd>[0-3]?\d)[/.](?P<nm>[01]?\d)[/.](?P<ny>(?:19|20)\d\d)
    )(?:\b|(?=T\d))""",
    re.I | re.X,
)
_SHORT_YEAR_DATE: Final = re.compile(
    r"(?<![\d.])(?P<sd>[0-3]?\d)(?P<sep>[./])(?P<sm>[01]?\d)(?P=sep)(?P<sy>\d\d)(?![\d.:/])"
)
_MONTH_YEAR: Final = re.compile(rf"\b{_MON}\s+(?:of\s+)?{_YEAR}\b", re.I)
_YEAR_ONLY: Final = re.compile(r"(?<![\d/.-])(?P<year>(?:19[89]|20[0-4])\d)(?![\d/]|-\d)")
_ISO_MONTH: Final = re.compile(r"^\s*(?P<year>(?:19|20)\d\d)-(?P<mon>[01]?\d)\s*$")
_DAY_MONTH: Final = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?{_MON}|{_MON2}\s+{_DAY2})(?!\s*,?\s*(?:19|20)\d\d)(?![\w:])", re.I
)
_BARE_MONTH: Final = re.compile(
    r"\b(?P<prep>in|since|by|until|from|during|before|after|last|this|next|early|late|mid-?)\s+"
    r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december)\b"
    r"(?!\s*,?\s*(?:[0-3]?\d\b|(?:19|20)\d\d))",
    re.I,
)
_RELATIVE: Final = re.compile(
    r"\b(?P<rel>today|yesterday|tomorrow|this\s+(?:week|month|year)|last\s+(?:week|month|year)"
    r"|next\s+(?:week|month|year)|(?:in\s+)?the\s+(?:past|last)\s+(?:twelve\s+months|12\s+months|year)"
    r"|earlier\s+this\s+(?:week|month|year)|later\s+this\s+(?:week|month|year))\b",
    re.I,
)
_NOT_DATELINE: Final = re.compile(r"^\s*(?:last\s+)?(?:updated|modified|edited|amended)\b", re.I)
_URL_DATE: Final = re.compile(
    r"/(?P<year>(?:19|20)\d\d)[/-](?:(?P<mon>[01]?\d)[/-](?:(?P<day>[0-3]?\d)(?:[/-]|$))?|"
    r"(?P<mname>[a-z]{3,9})(?:-\d\d)?[/-])",
    re.I,
)
DATELINE_MAX: Final = 90


@dataclass(frozen=True)
class DateMention:
    """A date named in a sentence, before it is resolved against the publication date."""

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relative: str | None = None


def _valid(year: int, month: int | None = None, day: int | None = None) -> bool:
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return 1900 <= year <= 2100


def format_date(year: int, month: int | None, day: int | None) -> tuple[str, Precision]:
    """ISO text and precision for a year with optional month and day."""
    if month and day:
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if month:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}", "year"


def _full_match(m: re.Match[str]) -> tuple[int, int, int] | None:
    if year := m["year"]:
        y, mo, d = int(year), month_number(m["mon"]), int(m["day"])
    elif year := m["year2"]:
        y, mo, d = int(year), month_number(m["mon2"]), int(m["day2"])
    elif year := m["iy"]:
        y, mo, d = int(year), int(m["im"]), int(m["id"])
    else:  # British day-first numeric dates
        y, mo, d = int(m["ny"]), int(m["nm"]), int(m["nd"])
    return (y, mo, d) if _valid(y, mo, d) else None


def parse_date_value(value: str) -> tuple[str, Precision] | None:
    """A front-matter date value ('2019-09-27T10:45', '10:45 27/09/2019', 'Sep 2019')."""
    value = value.strip()
    iso = re.match(r"((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?:[T ]|$)", value)
    if iso and _valid(int(iso[1]), int(iso[2]), int(iso[3])):
        return format_date(int(iso[1]), int(iso[2]), int(iso[3]))
    m = _FULL_DATE.search(value)
    if m and (ymd := _full_match(m)):
        return format_date(*ymd)
    m2 = _MONTH_YEAR.search(value) or _ISO_MONTH.match(value)
    if m2:
        mon = m2.group("mon")
        month = int(mon) if mon.isdigit() else month_number(mon)
        year = int(m2.group("year"))
        if _valid(year, month):
            return format_date(year, month, None)
    m3 = re.fullmatch(r"\s*((?:19|20)\d\d)\s*", value)
    if m3:
        return format_date(int(m3.group(1)), None, None)
    return None


def _may_name_year(line: str) -> bool:
    """Whether `_FULL_DATE` or `_MONTH_YEAR` may match: each of their matches holds a year,
    which opens with the digits '19' or '20' (digits have no case to fold)."""
    return "19" in line or "20" in line


def _short_year_date(line: str) -> re.Match[str] | None:
    """A day-first date with a two-digit year ('17.01.24', '14/08/24'), as datelines have."""
    if "." not in line and "/" not in line:
        return None
    return _SHORT_YEAR_DATE.search(line)


def is_dateline(line: str) -> bool:
    """A short line that is essentially a date (and maybe a time, weekday or 'Published')."""
    if len(line) > DATELINE_MAX or _NOT_DATELINE.match(line):
        return False
    m = (_FULL_DATE.search(line) or _MONTH_YEAR.search(line)) if _may_name_year(line) else None
    if not m:
        m = _short_year_date(line)
    if not m:
        return False
    rest = (line[: m.start()] + " " + line[m.end() :]).lower()
    rest = re.sub(
        r"\b(published|posted|first published|on|at|by|date|bst|gmt|utc|am|pm|\d{1,2}[:.]\d\d"
        r"|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b",
        " ",
        rest,
    )
    return len(re.sub(r"[\W\d_]+", "", rest)) <= 25


def is_update_line(line: str) -> bool:
    """An 'Updated …' line, which is not the publication date."""
    return (
        len(line) <= DATELINE_MAX
        and _may_name_year(line)
        and bool(_NOT_DATELINE.match(line))
        and bool(_FULL_DATE.search(line))
    )


def dateline_date(line: str) -> tuple[str, Precision] | None:
    """The date a dateline gives (a day, or a month for 'Interview | April 2024')."""
    m = _FULL_DATE.search(line)
    if m and (ymd := _full_match(m)):
        return format_date(*ymd)
    m2 = _MONTH_YEAR.search(line)
    if m2:
        year, month = int(m2.group("year")), month_number(m2.group("mon"))
        if _valid(year, month):
            return format_date(year, month, None)
    m3 = _short_year_date(line)
    if m3:
        short = int(m3.group("sy"))
        year, month, day = short + (2000 if short < 70 else 1900), int(m3["sm"]), int(m3["sd"])
        if _valid(year, month, day):
            return format_date(year, month, day)
    return None


def url_date(url: str) -> tuple[str, Precision] | None:
    """A date from a URL path such as /2019/09/27/ or /2019/september-19/."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    m = _URL_DATE.search(path)
    if not m:
        return None
    year = int(m.group("year"))
    month: int | None = None
    if m.group("mon"):
        month = int(m.group("mon"))
    elif m.group("mname"):
        month = MONTHS.get(m.group("mname").lower())
        if month is None:
            return None
    day = int(m.group("day")) if m.group("day") else None
    if not _valid(year, month, day) or (month is not None and not 1 <= month <= 12):
        return None
    return format_date(year, month, day)


_DIGIT: Final = re.compile(r"[0-9]")


def _lower(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern without IGNORECASE, for text already lower-cased (much faster)."""
    return re.compile(pattern.pattern, pattern.flags & ~re.I)


# The patterns are tried only where dateanchors finds a match may start; trying them there
# left to right, resuming after each match, gives exactly the matches finditer gives.


def _scan(pattern: re.Pattern[str], text: str, starts: list[int]) -> list[re.Match[str]]:
    """What pattern.finditer(text) finds, given every position where a match may start."""
    found: list[re.Match[str]] = []
    end = 0
    for start in sorted(set(starts)) if len(starts) > 1 else starts:
        if start >= end and (m := pattern.match(text, start)):
            found.append(m)
            end = m.end()
    return found


# (start, end, year, month, day, relative): a DateMention before it is made one.
MentionParts = tuple[int, int, int | None, int | None, int | None, str | None]


def _full_date(m: re.Match[str]) -> MentionParts | None:
    ymd = _full_match(m)
    return (m.start(), m.end(), *ymd, None) if ymd else None


def _month_year(m: re.Match[str]) -> MentionParts | None:
    month = month_number(m["mon"])
    return m.start(), m.end(), int(m["year"]), month, None, None


def _day_month(m: re.Match[str]) -> MentionParts | None:
    mon = m["mon"] or m["mon2"]
    day = int(m["day"] or m["day2"])
    if 1 <= day <= 31 and not (mon.lower() == "may" and not m["day"]):
        return m.start(), m.end(), None, month_number(mon), day, None
    return None


def _bare_month(m: re.Match[str]) -> MentionParts | None:
    return m.start("mon"), m.end(), None, month_number(m["mon"]), None, None


def _year_only(m: re.Match[str]) -> MentionParts | None:
    return m.start(), m.end(), int(m["year"]), None, None, None


def _relative_words(m: re.Match[str]) -> MentionParts | None:
    return m.start(), m.end(), None, None, None, " ".join(m["rel"].lower().split())


# What each pattern's match means, in the order the patterns are tried: where matches
# overlap, the earlier pattern wins.
_READERS: Final = (_full_date, _month_year, _day_month, _bare_month, _year_only, _relative_words)


def _collect(matches: Sequence[list[re.Match[str]]]) -> list[MentionParts]:
    """Mentions from each pattern's matches (in _READERS order), dropping any that overlaps one
    already taken; in order of position."""
    taken: list[MentionParts] = []  # in order, never overlapping
    for read, pattern_matches in zip(_READERS, matches, strict=True):
        if not pattern_matches:
            continue
        fresh: list[MentionParts] = []
        j = 0  # the first taken mention that may overlap (a pattern's matches come in order)
        for m in pattern_matches:
            mention = read(m)
            if mention is None:
                continue
            start, end = mention[0], mention[1]
            while j < len(taken) and taken[j][1] <= start:
                j += 1
            if j == len(taken) or taken[j][0] >= end:
                fresh.append(mention)
        if fresh:
            taken = sorted(taken + fresh, key=_start) if taken else fresh
    return taken


def _start(mention: MentionParts) -> int:
    return mention[0]


def find_dates(sentence: str) -> list[DateMention]:
    """Every date expression in a sentence, most specific first where they overlap."""
    return [
        DateMention(*found)
        for _, mentions in mentions_by_paragraph([sentence])
        for found in mentions
    ]


def mentions_by_paragraph(paragraphs: Sequence[str]) -> list[tuple[int, list[MentionParts]]]:
    """(index, mentions) for each paragraph naming a date, in order; one anchor search for all."""
    article = article_text(paragraphs)
    if not article.plain:  # then every pattern scans everything
        everything = ((i, _scan_all(p)) for i, p in enumerate(paragraphs))
        return [(i, found) for i, found in everything if found]
    out: list[tuple[int, list[MentionParts]]] = []
    nothing: list[re.Match[str]] = []
    for i, starts in sorted(date_starts(article).items()):
        text = article.lower(i)
        days, years, words = starts.days, starts.years, starts.words
        full = month_year = day_month = year_only = nothing
        # Numeric patterns need a digit 0-9: runs hold one unless the paragraph holds others.
        if (days or years or words) and (i not in article.other_digits or _DIGIT.search(text)):
            iso = [y for y in years if text.startswith("-", y + 4)] if years else years
            if days or words or iso:
                full = _scan(_FULL_LOW, text, days + iso + words)
            if words:
                month_year = _scan(_MONTH_YEAR_LOW, text, words)
            if days or words:
                day_month = _scan(_DAY_MONTH_LOW, text, days + words)
            if years:
                year_only = _scan(_YEAR_ONLY_LOW, text, years)
        months, relative = starts.months, starts.relative
        found = _collect(
            (
                full,
                month_year,
                day_month,
                _scan(_BARE_MONTH_LOW, text, months) if months else nothing,
                year_only,
                _scan(_RELATIVE_LOW, text, relative) if relative else nothing,
            )
        )
        if found:
            out.append((i, found))
    return out


def _scan_all(sentence: str) -> list[MentionParts]:
    """Mentions found by running every pattern along the whole text (for unusual letter cases)."""
    low = sentence.lower()
    text, patterns = (low, _LOW_PATTERNS) if len(low) == len(sentence) else (sentence, _PATTERNS)
    numeric = _DIGIT.search(text) is not None
    # Without an ASCII digit only the month-alone and relative patterns are tried.
    return _collect(
        [
            list(pattern.finditer(text)) if numeric or k in (3, 5) else []
            for k, pattern in enumerate(patterns)
        ]
    )


_PATTERNS: Final = (_FULL_DATE, _MONTH_YEAR, _DAY_MONTH, _BARE_MONTH, _YEAR_ONLY, _RELATIVE)
_LOW_PATTERNS: Final = tuple(_lower(p) for p in _PATTERNS)
_FULL_LOW, _MONTH_YEAR_LOW, _DAY_MONTH_LOW, _BARE_MONTH_LOW, _YEAR_ONLY_LOW, _RELATIVE_LOW = (
    _LOW_PATTERNS
)


def resolve(mention: DateMention, published: str | None) -> tuple[str | None, Precision]:
    """An ISO date and precision for a mention, using the publication date where needed."""
    return resolve_parts(mention.year, mention.month, mention.day, mention.relative, published)


def resolve_parts(
    year: int | None,
    month: int | None,
    day: int | None,
    relative: str | None,
    published: str | None,
) -> tuple[str | None, Precision]:
    """resolve() for a mention given as its parts."""
    if year is not None:
        return format_date(year, month, day)
    pub = _pub_parts(published)
    if pub is None:
        return None, "unknown"
    py, pm, pd = pub
    if relative:
        return _relative(relative, py, pm, pd)
    if month is None:
        return None, "unknown"
    # A month (and day) with no year: the most recent such date up to publication,
    # or the publication year when publication is known only to the year.
    year = py
    if pm is not None and (month, day or 1) > (pm, pd or 31):
        year = py - 1
    if day is not None and not _valid(year, month, day):
        return None, "unknown"
    return format_date(year, month, day)


@lru_cache(maxsize=64)
def _pub_parts(published: str | None) -> tuple[int, int | None, int | None] | None:
    if not published:
        return None
    parts = [int(p) for p in published.split("-")]
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def _relative(rel: str, py: int, pm: int | None, pd: int | None) -> tuple[str | None, Precision]:
    if rel.endswith("year") and not rel.startswith(("the", "in")):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        return format_date(py + shift, None, None)
    if rel.endswith(("past year", "last year", "months")):
        return format_date(py, None, None)
    if pm is None:
        return format_date(py, None, None) if rel.endswith("year") else (None, "unknown")
    if rel.endswith("month"):
        shift = {"last": -1, "next": 1}.get(rel.split()[0], 0)
        y, m = divmod((py * 12 + pm - 1) + shift, 12)
        return format_date(y, m + 1, None)
    if pd is None:
        return format_date(py, pm, None)
    day = dt.date(py, pm, pd)
    if rel == "today":
        return day.isoformat(), "day"
    offsets = {"yesterday": -1, "tomorrow": 1, "last week": -7, "next week": 7}
    moved = day + dt.timedelta(days=offsets.get(rel, 0))
    if rel.endswith("week"):
        return format_date(moved.year, moved.month, None)
    return moved.isoformat(), "day"
