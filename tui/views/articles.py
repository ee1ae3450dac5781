"""The Articles view: facets, incremental search and the virtual list of every article."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar, cast

from forcewatch.store.api import Corpus, SortKey
from forcewatch.store.views import ArticleFilter, ArticleRow, Facets, SearchHit
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Input, Static

from .. import format as fmt
from .. import keys, safe
from ..data import Data
from ..places import Place
from ..widgets.header import ColumnTitles
from ..widgets.rowlist import Look, RowList
from ..widgets.rows import (
    FacetItem,
    FacetKind,
    Heading,
    article_header,
    article_line,
    facet_line,
    is_heading,
)
from .base import Query, Step

SORTS: tuple[SortKey, ...] = ("date", "outlet", "title")
DETAIL_DELAY = 0.15
"""Seconds after the list before match counts and facets are fetched (skipped if moot)."""
EMPTY_STORE = "No articles yet — run `forcewatch ingest PATH` to add some."
NO_MATCH = "No articles match — press x to clear the filters and search."


@dataclass(frozen=True)
class ListResult:
    """What one article query returned."""

    flt: ArticleFilter
    sort: SortKey
    descending: bool
    rows: Sequence[ArticleRow]
    total: int
    cursor: int


class SearchBox(Input):
    """The `/` search box: typing filters the list at once."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.SEARCH)

    def action_done(self) -> None:
        """Leave the box for the list, keeping the search."""
        view = self.query_ancestor(ArticlesView)
        view.show_pane("article-pane")

    def action_cancel(self) -> None:
        """Leave the box; an empty box disappears."""
        view = self.query_ancestor(ArticlesView)
        if not self.value:
            view.set_class(False, "-searching")
        view.show_pane("article-pane")


class ArticlesView(Query):
    """Every article, newest first, narrowed by facets and search."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.ARTICLES)
    PANES = ("article-pane", "facets")

    # The view draws nothing itself (its lists and status do), so a change of filter or
    # order must not repaint the whole view: a keystroke then redraws only what changed.
    flt: reactive[ArticleFilter] = reactive(ArticleFilter, init=False, repaint=False)
    sort: reactive[SortKey] = reactive[SortKey]("date", init=False, repaint=False)
    descending: reactive[bool] = reactive(True, init=False, repaint=False)

    def __init__(self, data: Data, *, id: str | None = None) -> None:
        super().__init__(data, id=id)
        self._matches: Mapping[int, int] | None = None
        self._matches_for = ""
        self._total = 0
        self._shown = 0
        self._facets: Facets | None = None
        self._status_one_line = False

    def compose(self) -> ComposeResult:
        yield RowList[FacetItem | Heading](
            facet_line, empty="No filters yet.", is_heading=is_heading, id="facets", classes="pane"
        )
        with Vertical(id="article-pane", classes="pane"):
            yield SearchBox(placeholder="Search titles and text…", id="search")
            yield Static(id="article-status")
            rows = RowList[ArticleRow](self._render_article, empty=EMPTY_STORE, id="article-list")
            yield ColumnTitles(
                lambda width: article_header(width, self._matches is not None),
                lambda: rows.scrollable_content_region.width,
                id="article-header",
            )
            yield rows

    @property
    def article_list(self) -> RowList[ArticleRow]:
        return cast(RowList[ArticleRow], self.query_one("#article-list", RowList))

    @property
    def facet_list(self) -> RowList[FacetItem | Heading]:
        return cast(RowList[FacetItem | Heading], self.query_one("#facets", RowList))

    def focus_target(self, name: str) -> RowList[ArticleRow] | RowList[FacetItem | Heading]:
        return self.article_list if name == "article-pane" else self.facet_list

    def _render_article(self, row: ArticleRow, width: int, look: Look) -> Content:
        return article_line(row, width, look, self._matches)

    # -- loading ----------------------------------------------------------------------

    def data_ready(self) -> None:
        self.article_list.loading_rows = True
        self.reload()

    def reload(self, keep: int | None = None) -> None:
        """Query the list (then the facets) for the current filter and sort."""
        flt, sort, descending = self.flt, self.sort, self.descending
        if keep is None and (row := self.article_list.row) is not None:
            keep = row.id

        def fetch(corpus: Corpus) -> ListResult:
            rows = corpus.articles(flt, sort, descending)
            total = corpus.info().articles if not flt.is_empty else len(rows)
            cursor = _index_of(rows, keep) if keep is not None else 0
            return ListResult(flt, sort, descending, rows, total, cursor)

        def matches(corpus: Corpus) -> tuple[ArticleFilter, dict[int, int]]:
            return flt, _matches_by_id(corpus.search(flt.text))

        # The list first; counts and facets once typing pauses, so a keystroke never waits
        # behind the previous keystroke's facets.
        steps: list[Step[Any]] = [Step(fetch, self._show_list)]
        if flt.text.strip():
            steps.append(Step(matches, self._show_matches, delay=DETAIL_DELAY))
        steps.append(
            Step(lambda corpus: (flt, corpus.facets(flt)), self._show_facets, delay=DETAIL_DELAY)
        )
        self.query_steps("articles", steps)

    def _show_list(self, result: ListResult) -> None:
        if (result.flt, result.sort, result.descending) != (self.flt, self.sort, self.descending):
            return
        before = self._matches
        if not result.flt.text.strip():
            self._matches = None
        elif self._matches_for != result.flt.text:
            self._matches = {}  # the count column is kept while the counts are fetched
        after = self._matches
        # Rows draw as before unless the count column came, went or changed its counts.
        same_look = after is before or (
            after is not None and before is not None and not after and not before
        )
        self._total = result.total
        self._shown = len(result.rows)
        rows = self.article_list
        rows.set_empty(EMPTY_STORE if result.total == 0 else NO_MATCH)
        rows.set_rows(result.rows, cursor=result.cursor, same_look=same_look)
        self._update_status()

    def _show_matches(self, found: tuple[ArticleFilter, dict[int, int]]) -> None:
        flt, matches = found
        if flt != self.flt:
            return
        self._matches = matches
        self._matches_for = flt.text
        self.article_list.refresh_rows()
        self._update_status()

    def _show_facets(self, found: tuple[ArticleFilter, Facets]) -> None:
        flt, facets = found
        if flt != self.flt:
            return
        self._facets = facets
        items: list[FacetItem | Heading] = []
        groups: tuple[tuple[str, FacetKind, str | None], ...] = (
            ("Force", "force", flt.force),
            ("Speaker", "speaker", flt.speaker),
            ("Outlet", "outlet", flt.outlet),
            ("Year", "year", str(flt.year) if flt.year else None),
        )
        for title, kind, active in groups:
            values = getattr(facets, kind + "s")
            items.append(Heading(title, f"{len(values):,}"))
            items.extend(
                FacetItem(kind, v.value, v.label, v.count, v.value == active) for v in values
            )
        facet_list = self.facet_list
        cursor = facet_list.cursor
        facet_list.set_rows(items, cursor=cursor if cursor >= 0 else 0)

    def _update_status(self) -> None:
        self.query_one(ColumnTitles).refresh()
        flt = self.flt
        parts: list[Content] = []
        if flt.is_empty:
            parts.append(safe.content(fmt.plural(self._shown, "article")))
        else:
            parts.append(safe.content(f"{self._shown:,} of {fmt.plural(self._total, 'article')}"))
        for label, value in self.active_filters():
            parts.append(safe.assemble(("✓ ", "bold"), f"{label}: ", (value, "bold")))
        if flt.text.strip() and self._matches and self._matches_for == flt.text:
            hits = sum(self._matches.values())
            parts.append(
                safe.assemble(
                    "search “",
                    (flt.text.strip(), "bold"),
                    f"”: {fmt.plural(hits, 'match', 'matches')}",
                )
            )
        order = {
            ("date", True): "newest first",
            ("date", False): "oldest first",
            ("outlet", False): "by outlet A–Z",
            ("outlet", True): "by outlet Z–A",
            ("title", False): "by title A–Z",
            ("title", True): "by title Z–A",
        }[(self.sort, self.descending)]
        parts.append(safe.content(order))
        status = self.query_one("#article-status", Static)
        text = safe.join(parts, " · ")
        # A status that stays on one line keeps its height: redraw it without a layout pass.
        width = status.content_region.width
        one_line = 0 < text.cell_length <= width
        status.update(text, layout=not (one_line and self._status_one_line))
        self._status_one_line = one_line

    def active_filters(self) -> list[tuple[str, str]]:
        """The facet filters in force, as (facet, label) pairs."""
        flt = self.flt
        out: list[tuple[str, str]] = []
        if flt.force:
            out.append(("force", flt.force))
        if flt.speaker:
            label = flt.speaker
            if self._facets is not None:
                label = next(
                    (v.label for v in self._facets.speakers if v.value == flt.speaker), label
                )
            out.append(("speaker", label))
        if flt.outlet:
            out.append(("outlet", flt.outlet))
        if flt.year:
            out.append(("year", str(flt.year)))
        return out

    # -- state changes ----------------------------------------------------------------

    def watch_flt(self) -> None:
        self._update_status()
        self.reload()

    def watch_sort(self) -> None:
        self.reload()

    def watch_descending(self) -> None:
        self.reload()

    def set_filter(self, kind: FacetKind, value: str | None) -> None:
        """Filter by one facet value (None clears that facet)."""
        flt = self.flt
        if kind == "year":
            flt = replace(flt, year=int(value) if value and value.isdigit() else None)
        elif kind == "force":
            flt = replace(flt, force=value)
        elif kind == "speaker":
            flt = replace(flt, speaker=value)
        else:
            flt = replace(flt, outlet=value)
        self.flt = flt

    def set_search(self, text: str) -> None:
        """Search titles and text for `text` (shown in the search box)."""
        box = self.query_one(SearchBox)
        self.set_class(bool(text), "-searching")
        if box.value != text:
            box.value = text
        self.flt = replace(self.flt, text=text)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        event.stop()
        cleaned = safe.clean(event.value)
        if cleaned != event.value:
            event.input.value = cleaned
            return
        if cleaned != self.flt.text:
            self.flt = replace(self.flt, text=cleaned)

    @on(RowList.Chosen, "#facets")
    def _facet_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        item = self.facet_list.row
        if isinstance(item, FacetItem):
            self.set_filter(item.kind, None if item.active else item.value)

    @on(RowList.Chosen, "#article-list")
    def _article_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        row = self.article_list.row
        if row is not None:
            self.post_message(self.Go(Place("reader", key=str(row.id))))

    def action_search(self) -> None:
        """Start (or return to) the incremental search."""
        self.set_class(True, "-searching")
        self.pane = "article-pane"
        self.query_one(SearchBox).focus()

    def action_sort(self) -> None:
        """Sort by the next key: date, outlet, title."""
        nxt = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.descending = nxt == "date"
        self.sort = nxt

    def action_reverse(self) -> None:
        """Reverse the order."""
        self.descending = not self.descending

    def action_clear(self) -> None:
        """Drop every filter and the search."""
        box = self.query_one(SearchBox)
        box.value = ""
        self.set_class(False, "-searching")
        self.flt = ArticleFilter()

    def action_facets(self) -> None:
        """Show the filters (facets) pane; again to go back to the list."""
        target = "article-pane" if self.pane == "facets" else "facets"
        self.post_message(self.Go(replace(self.place(), pane=target)))

    # -- places -----------------------------------------------------------------------

    def place(self) -> Place:
        row = self.article_list.row
        return Place("articles", key=str(row.id) if row else None, pane=self.pane or None)

    def apply(self, place: Place) -> None:
        self.show_pane(place.pane or "article-pane")
        row = self.article_list.row
        if place.key and place.key.isdigit() and (row is None or str(row.id) != place.key):
            self.reload(keep=int(place.key))


def _index_of(rows: Sequence[ArticleRow], article_id: int) -> int:
    index_of_id = getattr(rows, "index_of_id", None)  # a store's lazy rows find it directly
    if callable(index_of_id):
        found = index_of_id(article_id)
        return found if isinstance(found, int) else 0
    ids = getattr(rows, "ids", None)  # a store's lazy rows list their ids without building rows
    if isinstance(ids, list):
        return ids.index(article_id) if article_id in ids else 0
    for i, row in enumerate(rows):
        if row.id == article_id:
            return i
    return 0


def _matches_by_id(hits: Sequence[SearchHit]) -> dict[int, int]:
    by_id = getattr(hits, "matches_by_id", None)  # a store's hits give theirs without objects
    if callable(by_id):
        return cast(dict[int, int], by_id())
    return {h.article_id: h.matches for h in hits}
