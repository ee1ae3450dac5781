"""The Forces view: every force with counts and a yearly chart, and its timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from forcewatch.store.views import EventRow, ForceSummary
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from .. import format as fmt
from .. import safe
from ..data import Data
from ..places import Place
from ..widgets.header import ColumnTitles
from ..widgets.rowlist import Look, RowList
from ..widgets.rows import Heading, YearSpan, event_line, force_header, force_line, is_heading
from .base import Query

EMPTY_FORCES = "No forces yet — forces named in articles appear after `forcewatch ingest PATH`."
PICK_FORCE = "Pick a force and press Enter to see its timeline."
NO_EVENTS = "No events recorded for this force."


@dataclass(frozen=True)
class Timeline:
    """A force's events grouped by year, undated last."""

    force: str
    rows: tuple[EventRow | Heading, ...]
    dated: int
    undated: int
    articles: int


def group_events(force: str, events: Sequence[EventRow]) -> Timeline:
    """Year headings over dated events, then an 'Undated' group (one pass, any size)."""
    dated = [e for e in events if e.date]
    undated = [e for e in events if not e.date]
    per_year = Counter(e.date[:4] for e in dated if e.date)
    rows: list[EventRow | Heading] = []
    year = None
    for event in dated:
        if event.date and event.date[:4] != year:
            year = event.date[:4]
            rows.append(Heading(year, fmt.plural(per_year[year], "event")))
        rows.append(event)
    if undated:
        rows.append(Heading("Undated", fmt.plural(len(undated), "event")))
        rows.extend(undated)
    articles = len({e.article_id for e in events})
    return Timeline(force, tuple(rows), len(dated), len(undated), articles)


class ForcesView(Query):
    """Forces on the left, the highlighted force's timeline on the right."""

    PANES = ("force-pane", "timeline-pane")

    def __init__(self, data: Data, *, id: str | None = None) -> None:
        super().__init__(data, id=id)
        self._span = YearSpan(0, -1)
        self._loaded = False
        self._timeline: Timeline | None = None
        self._want: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="force-pane", classes="pane"):
            rows = RowList[ForceSummary](self._render_force, empty="Loading…", id="force-list")
            yield ColumnTitles(
                lambda width: force_header(width, self._span),
                lambda: rows.scrollable_content_region.width,
                id="force-header",
            )
            yield rows
        with Vertical(id="timeline-pane", classes="pane"):
            yield Static(safe.content(PICK_FORCE), id="timeline-title", classes="list-header")
            yield RowList[EventRow | Heading](
                event_line, empty=PICK_FORCE, is_heading=is_heading, id="timeline"
            )
            yield Static(id="event-preview", classes="preview")

    @property
    def force_list(self) -> RowList[ForceSummary]:
        return cast(RowList[ForceSummary], self.query_one("#force-list", RowList))

    @property
    def timeline(self) -> RowList[EventRow | Heading]:
        return cast(RowList[EventRow | Heading], self.query_one("#timeline", RowList))

    def focus_target(self, name: str) -> RowList[ForceSummary] | RowList[EventRow | Heading]:
        return self.force_list if name == "force-pane" else self.timeline

    def _render_force(self, row: ForceSummary, width: int, look: Look) -> Content:
        return force_line(row, width, look, self._span)

    # -- loading ----------------------------------------------------------------------

    def data_ready(self) -> None:
        self._loaded = False
        self._timeline = None
        if self.display and self.parent is not None:
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Load the force list unless it is loaded."""
        if self._loaded:
            return
        self._loaded = True
        self.force_list.loading_rows = True
        self.query_corpus("forces", lambda corpus: tuple(corpus.forces()), self._show_forces)

    def _show_forces(self, forces: tuple[ForceSummary, ...]) -> None:
        years = [y for f in forces for y, n in f.years if n]
        self._span = YearSpan(min(years), max(years)) if years else YearSpan(0, -1)
        self.query_one(ColumnTitles).refresh()
        self.force_list.set_empty(EMPTY_FORCES)
        want = self._want
        index = next((i for i, f in enumerate(forces) if f.name == want), 0) if want else 0
        self.force_list.set_rows(forces, cursor=index)
        if not forces:
            self.timeline.set_empty(EMPTY_FORCES)

    @on(RowList.Highlighted, "#force-list")
    def _force_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        # Passing over forces with the cursor does not fetch each timeline: only the one
        # the cursor rests on.
        self.settle(self._load_highlighted)

    def _load_highlighted(self) -> None:
        force = self.force_list.row
        if force is not None:
            self.load_timeline(force.name)

    def load_timeline(self, force: str) -> None:
        """Fetch and show `force`'s timeline."""
        if self._timeline is not None and self._timeline.force == force:
            return
        self.timeline.loading_rows = True
        self.query_corpus(
            "timeline",
            lambda corpus: group_events(force, corpus.timeline(force)),
            self._show_timeline,
        )

    def _show_timeline(self, timeline: Timeline) -> None:
        current = self.force_list.row
        if current is not None and current.name != timeline.force:
            return
        self._timeline = timeline
        title = safe.assemble(
            (timeline.force, "bold"),
            f" · {fmt.plural(timeline.dated + timeline.undated, 'event')}"
            f" · {fmt.plural(timeline.articles, 'article')}",
        )
        self.query_one("#timeline-title", Static).update(title)
        self.timeline.set_empty(NO_EVENTS)
        self.timeline.set_rows(timeline.rows)
        self._preview()

    @on(RowList.Highlighted, "#timeline")
    def _event_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._preview()

    def _preview(self) -> None:
        row = self.timeline.row
        preview = self.query_one("#event-preview", Static)
        if not isinstance(row, EventRow):
            preview.update("")
            return
        where = f"¶{row.paragraph + 1}" if row.paragraph is not None else "publication"
        preview.update(
            safe.assemble(
                (fmt.long_date(row.date, row.precision), "bold"),
                f" ({row.precision}) · ",
                row.text,
                safe.NEWLINE,
                ("in ", "dim"),
                (row.article_title, "italic"),
                (f" — {row.outlet or 'unknown outlet'}, {where}", "dim"),
            )
        )

    @on(RowList.Chosen, "#force-list")
    def _force_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        force = self.force_list.row
        if force is not None:
            self.post_message(self.Go(Place("forces", key=force.name, pane="timeline-pane")))

    @on(RowList.Chosen, "#timeline")
    def _event_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        row = self.timeline.row
        if isinstance(row, EventRow):
            place = Place("reader", key=str(row.article_id), paragraph=row.paragraph)
            self.post_message(self.Go(place))

    # -- places -----------------------------------------------------------------------

    def place(self) -> Place:
        force = self.force_list.row
        return Place("forces", key=force.name if force else None, pane=self.pane or None)

    def apply(self, place: Place) -> None:
        self.ensure_loaded()
        if place.key:
            self._want = place.key
            rows = self.force_list.rows
            index = next((i for i, f in enumerate(rows) if f.name == place.key), -1)
            if index >= 0:
                self.force_list.cursor = index
                self.load_timeline(place.key)
        self.show_pane(place.pane or "force-pane")
