"""How each kind of row is drawn as one line: articles, forces, events, speakers, quotes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from forcewatch.store.views import (
    ArticleRow,
    EventRow,
    ForceSummary,
    QuoteGroup,
    QuoteSource,
    SpeakerSummary,
)
from textual.content import Content

from .. import format as fmt
from .. import safe
from .rowlist import Look


@dataclass(frozen=True)
class Heading:
    """A group title inside a list; the cursor skips it."""

    title: str
    note: str = ""


def is_heading(row: object) -> bool:
    """True for group titles."""
    return isinstance(row, Heading)


def heading_line(row: Heading, width: int, look: Look) -> Content:
    """A group title with an optional note."""
    return safe.assemble((row.title, look.heading), ("  " + row.note if row.note else "", look.dim))


def columns(*cols: tuple[Content, int]) -> Content:
    """Cells fitted to their widths and joined by one space; widths of 0 are dropped."""
    return Content(" ").join([safe.fit(c, w) for c, w in cols if w > 0])


def _article_widths(width: int, searching: bool) -> tuple[int, int, int, int, int]:
    """Widths of the date, outlet, match-count, title and forces columns."""
    outlet_w = 18 if width >= 110 else 14 if width >= 70 else 0
    forces_w = 26 if width >= 110 else 16 if width >= 70 else 0
    count_w = 5 if searching else 0
    fixed = fmt.DATE_WIDTH + outlet_w + forces_w + count_w
    spaces = sum(1 for w in (fmt.DATE_WIDTH, outlet_w, count_w, forces_w) if w > 0)
    title_w = max(8, width - fixed - spaces)
    return fmt.DATE_WIDTH, outlet_w, count_w, title_w, forces_w


def article_line(
    row: ArticleRow, width: int, look: Look, matches: Mapping[int, int] | None = None
) -> Content:
    """Date and precision, outlet, [matches,] title and forces, fitted to `width`."""
    date_w, outlet_w, count_w, title_w, forces_w = _article_widths(width, matches is not None)
    hits = matches.get(row.id) if matches else None
    return columns(
        (safe.content(fmt.short_date(row.date, row.precision), look.dim), date_w),
        (safe.content(row.outlet or "—"), outlet_w),
        (safe.content(f"{hits}×" if hits else "", look.accent), count_w),
        (safe.content(row.title or "(untitled)", look.strong), title_w),
        (safe.content(_forces_cell(row.forces), look.accent), forces_w),
    )


def article_header(width: int, searching: bool) -> str:
    """The column titles over the article list."""
    widths = _article_widths(width, searching)
    titles = ("Date", "Outlet", "Hits", "Title", "Forces")
    return " ".join(f"{t[:w]:<{w}}" for t, w in zip(titles, widths, strict=True) if w > 0).rstrip()


def _forces_cell(forces: tuple[str, ...]) -> str:
    if not forces:
        return ""
    more = f" +{len(forces) - 1}" if len(forces) > 1 else ""
    return forces[0] + more


@dataclass(frozen=True)
class YearSpan:
    """The years a force chart spans."""

    first: int
    last: int


def chart_label(span: YearSpan) -> str:
    """The chart column's title: '2016–2019', or '2019' for one year."""
    if span.last < span.first:
        return ""
    return str(span.first) if span.first == span.last else f"{span.first}–{span.last}"


def chart_width(width: int, span: YearSpan) -> int:
    """Cells for the chart column: enough for the chart and its title, or 0 when narrow."""
    if width < 40 or span.last < span.first:
        return 0
    return max(span.last - span.first + 1, len(chart_label(span)))


def force_line(row: ForceSummary, width: int, look: Look, span: YearSpan) -> Content:
    """Name, article/quote/event counts and a per-year chart."""
    chart_w = chart_width(width, span)
    chart = fmt.sparkline(row.years, span.first, span.last) if chart_w else ""
    counts = f"{row.articles:>4} {row.quotes:>4} {row.events:>4}"
    name_w = max(10, width - len(counts) - chart_w - (2 if chart_w else 1))
    return columns(
        (safe.content(row.name, look.strong), name_w),
        (safe.content(counts), len(counts)),
        (safe.content(chart, look.accent), chart_w),
    )


def force_header(width: int, span: YearSpan) -> str:
    """The column titles over the force list."""
    chart_w = chart_width(width, span)
    counts = "Arts  Qts Evts"
    name_w = max(10, width - len(counts) - chart_w - (2 if chart_w else 1))
    return f"{'Force':<{name_w}} {counts} {chart_label(span) if chart_w else ''}".rstrip()


def event_line(row: EventRow | Heading, width: int, look: Look) -> Content:
    """Date and precision, what happened, and where it was reported."""
    if isinstance(row, Heading):
        return heading_line(row, width, look)
    date = safe.content(fmt.short_date(row.date, row.precision), look.dim)
    para = str(row.paragraph + 1) if row.paragraph is not None else "–"
    where = safe.assemble(("¶", look.dim), para)
    where_w = 4
    text_w = max(8, width - fmt.DATE_WIDTH - where_w - 2)
    return columns((date, fmt.DATE_WIDTH), (safe.content(row.text), text_w), (where, where_w))


def _speaker_widths(width: int) -> tuple[int, int, int, int]:
    """Widths of the name, role, quotes and forces columns."""
    name_w = 24 if width >= 100 else 20 if width >= 70 else 18 if width >= 50 else width - 6
    forces_w = 24 if width >= 100 else 18 if width >= 70 else 14 if width >= 50 else 0
    quotes_w = 4
    role_w = max(0, width - name_w - quotes_w - forces_w - 3) if width >= 50 else 0
    return name_w, role_w, quotes_w, forces_w


def speaker_line(row: SpeakerSummary, width: int, look: Look) -> Content:
    """Name (org marked), role and organisation, quote count and forces."""
    name_w, role_w, quotes_w, forces_w = _speaker_widths(width)
    kind = "org " if row.kind == "organisation" else ""
    role = " · ".join(x for x in (row.role, row.organisation) if x)
    return columns(
        (safe.assemble((kind, look.dim), (row.name, look.strong)), name_w),
        (safe.content(role, look.dim), role_w),
        (safe.content(f"{row.quotes:>3}q"), quotes_w),
        (safe.content(_forces_cell(row.forces), look.accent), forces_w),
    )


def speaker_header(width: int) -> str:
    """The column titles over the speaker list."""
    name_w, role_w, quotes_w, forces_w = _speaker_widths(width)
    cells = [("Speaker", name_w), ("Role · organisation", role_w), ("Qts", quotes_w)]
    cells.append(("Forces", forces_w))
    return " ".join(f"{t[:w]:<{w}}" for t, w in cells if w > 0).rstrip()


@dataclass(frozen=True)
class QuoteItem:
    """A quote line, or one of its sources when `source` is set."""

    group: QuoteGroup
    source: QuoteSource | None = None


def quote_line(row: QuoteItem | Heading, width: int, look: Look) -> Content:
    """The quote's words with its source count, or a source's outlet, date and title."""
    if isinstance(row, Heading):
        return heading_line(row, width, look)
    if row.source is None:
        n = len(row.group.sources)
        partial = "…" if row.group.partial else ""
        return safe.assemble(
            (f"({n} sources) " if n > 1 else "", look.dim),
            ("“", look.accent),
            (partial + row.group.text, look.strong),
            ("”", look.accent),
        )
    s = row.source
    date = fmt.short_date(s.date, s.precision)
    return safe.assemble(
        ("  └ ", look.dim),
        (s.outlet or "—", look.accent),
        (" · " + date + " · ", look.dim),
        s.title,
    )


FacetKind = Literal["force", "speaker", "outlet", "year"]


@dataclass(frozen=True)
class FacetItem:
    """One facet value with its count, marked when it is the active filter."""

    kind: FacetKind
    value: str
    label: str
    count: int
    active: bool


def facet_line(row: FacetItem | Heading, width: int, look: Look) -> Content:
    """'✓ Nottinghamshire Police   3' with the active filter ticked."""
    if isinstance(row, Heading):
        return heading_line(row, width, look)
    tick = "✓ " if row.active else "  "
    count = f"{row.count:>5,}"
    label_w = max(4, width - len(tick) - len(count) - 1)
    return safe.assemble(
        (tick, look.mark),
        safe.fit(safe.content(row.label, look.strong if row.active else ""), label_w),
        " ",
        (count, look.dim),
    )


LinkKind = Literal["force", "speaker", "url"]


@dataclass(frozen=True)
class LinkItem:
    """Somewhere the reader can jump to: a force or speaker the article mentions."""

    kind: LinkKind
    key: str
    label: str
    note: str = ""


def link_line(row: LinkItem | Heading, width: int, look: Look) -> Content:
    """A jump target with a note such as its mention or quote count."""
    if isinstance(row, Heading):
        return heading_line(row, width, look)
    return safe.assemble((row.label, look.strong), ("  " + row.note if row.note else "", look.dim))
