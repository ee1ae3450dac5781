"""The main screen: header, view tabs, the four views, history, and the too-small notice."""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import ClassVar

from forcewatch.store.views import StoreInfo
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.command import CommandPalette, Provider
from textual.containers import Container
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import ContentSwitcher, Static, Tab, Tabs

from .. import keys, safe
from ..commands import PICKERS, ExplorerCommands
from ..data import Data
from ..places import START, VIEWS, History, Place, ViewName
from ..views.articles import SORTS, ArticlesView
from ..views.base import View
from ..views.forces import ForcesView
from ..views.reader import ReaderView
from ..views.speakers import SpeakersView
from ..widgets.header import TopBar
from ..widgets.keybar import KeyBar
from ..widgets.rows import FacetKind

LATER_VIEWS: tuple[ViewName, ...] = ("forces", "speakers", "reader")
LATER_VIEWS_DELAY = 0.1
"""Seconds after the first rows arrive before the views other than the article list are built."""
MIN_WIDTH = 50
MIN_HEIGHT = 14
WIDE = 100
TAB_LABELS: dict[ViewName, str] = {
    "articles": "1 Articles",
    "forces": "2 Forces",
    "speakers": "3 Speakers",
    "reader": "4 Reader",
}


def _breakpoint(size: int, breakpoints: list[tuple[int, str]]) -> str:
    """The class of the largest breakpoint `size` reaches."""
    return max((b for b in breakpoints if size >= b[0]), default=breakpoints[0])[1]


class MainScreen(Screen[None]):
    """Everything the explorer shows, and the history of where the user went."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.GLOBAL)
    COMMANDS: ClassVar[set[type[Provider] | Callable[[], type[Provider]]]] = {ExplorerCommands}

    def __init__(self, data: Data, *, kiosk: bool = False, size: Size | None = None) -> None:
        """`size`: the terminal's size, if known, to start with the right layout classes."""
        super().__init__()
        self.data = data
        self.kiosk = kiosk
        self.history = History()
        self._later_views: list[View] | None = None
        self._mounting: AwaitMount | None = None
        self.HORIZONTAL_BREAKPOINTS = [(0, "-tiny"), (MIN_WIDTH, "-narrow"), (WIDE, "-wide")]
        self.VERTICAL_BREAKPOINTS = [(0, "-short"), (MIN_HEIGHT, "-tall")]
        # Start with the classes the first resize would set: changing them after mounting
        # restyles every widget, which would delay the first paint.
        if size is not None:
            self.add_class(
                _breakpoint(size.width, self.HORIZONTAL_BREAKPOINTS),
                _breakpoint(size.height, self.VERTICAL_BREAKPOINTS),
                update=False,
            )

    def compose(self) -> ComposeResult:
        yield TopBar(kiosk=self.kiosk, id="topbar")
        with Container(id="body"):
            yield Tabs(*(Tab(label, id=f"tab-{v}") for v, label in TAB_LABELS.items()), id="tabs")
            with ContentSwitcher(initial="articles", id="views"):
                yield ArticlesView(self.data, id="articles")
        yield Static(id="too-small")
        yield KeyBar(id="footer")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        allows = getattr(self.app, "allows", None)
        return bool(allows(action)) if callable(allows) else True

    def on_mount(self) -> None:
        tabs = self.query_one(Tabs)
        tabs.can_focus = False
        tabs.hide("tab-reader")
        self.articles.show_pane("article-pane")

    # -- views ------------------------------------------------------------------------

    @property
    def articles(self) -> ArticlesView:
        return self.query_one(ArticlesView)

    @property
    def forces(self) -> ForcesView:
        return self.query_one(ForcesView)

    @property
    def speakers(self) -> SpeakersView:
        return self.query_one(SpeakersView)

    @property
    def reader(self) -> ReaderView:
        return self.query_one(ReaderView)

    def view(self, name: ViewName) -> View:
        """The view called `name`."""
        return self.query_one(f"#{name}", View)

    @property
    def views_mounted(self) -> bool:
        """True once the views after the article list are mounted (see `mount_views`)."""
        return self._later_views is not None and all(v.is_mounted for v in self._later_views)

    async def mount_views(self) -> None:
        """Mount the Forces, Speakers and Reader views (once).

        Only the article list is built for the first paint; the other views follow shortly
        after it, or at once when the user asks for one sooner.
        """
        if self._later_views is None:
            views: list[View] = [
                ForcesView(self.data, id="forces"),
                SpeakersView(self.data, id="speakers"),
                ReaderView(self.data, id="reader"),
            ]
            for view in views:
                view.display = False
            self._later_views = views
            self._mounting = self.query_one(ContentSwitcher).mount_all(views)
            await self._mounting
            if self.data.ready:
                for view in views:
                    view.data_ready()
            # What exists now (widgets, styles, the store's indexes) lasts as long as the app:
            # leave it out of the collector's full passes, which otherwise stall keystrokes.
            gc.freeze()
        elif self._mounting is not None:
            await self._mounting

    def _list_loaded(self, loading: bool) -> None:
        if not loading and self._later_views is None:
            # Once the first rows are drawn, build the other views.
            self.set_timer(LATER_VIEWS_DELAY, self.mount_views)

    @property
    def current_view(self) -> View:
        """The view on show."""
        current = self.query_one(ContentSwitcher).current or "articles"
        return self.query_one(f"#{current}", View)

    # -- data -------------------------------------------------------------------------

    def data_ready(self, info: StoreInfo | None) -> None:
        """The corpus opened (or was reloaded): fill the header and every view."""
        self.query_one(TopBar).show(info)
        self.articles.data_ready()
        if self.views_mounted:
            for name in LATER_VIEWS:
                self.view(name).data_ready()
        elif self._later_views is None:
            self.watch(self.articles.article_list, "loading_rows", self._list_loaded, init=False)
        if self.current_view is not self.articles:
            self.current_view.apply(self.current_view.place())

    def data_failed(self, message: str) -> None:
        """The corpus could not be opened: say so where the list would be."""
        self.query_one(TopBar).show(None, status="store not open")
        self.articles.article_list.set_empty(f"Could not open the store — {message}")
        self.articles.article_list.loading_rows = False

    # -- navigation -------------------------------------------------------------------

    def go(self, place: Place) -> None:
        """Take the user to `place`, recording it in the history."""
        self.history.update(self.current_view.place())
        self.history.go(place)
        self.show_place(place)

    def show_place(self, place: Place) -> None:
        """Show `place` without touching the history."""
        if place.view != "articles" and not self.views_mounted:
            self.call_later(self._show_when_mounted, place)
            return
        switcher = self.query_one(ContentSwitcher)
        if switcher.current != place.view:
            switcher.current = place.view
        tabs = self.query_one(Tabs)
        if place.view == "reader":
            tabs.show("tab-reader")
        if tabs.active != f"tab-{place.view}":
            tabs.active = f"tab-{place.view}"
        self.view(place.view).apply(place)

    async def _show_when_mounted(self, place: Place) -> None:
        await self.mount_views()
        self.show_place(place)

    @on(View.Go)
    def _go(self, message: View.Go) -> None:
        message.stop()
        self.go(message.place)

    @on(Tabs.TabActivated)
    async def _tab_clicked(self, event: Tabs.TabActivated) -> None:
        event.stop()
        tab_id = event.tab.id or ""
        name = tab_id.removeprefix("tab-")
        current = self.query_one(ContentSwitcher).current
        if name in VIEWS and name != current:
            await self.action_view(name)

    async def action_view(self, name: str) -> None:
        """Switch to a view, where the user left it."""
        if name not in VIEWS:
            return
        if name != "articles":
            await self.mount_views()
        if name == "reader" and self.reader.detail is None:
            return
        view = self.query_one(f"#{name}", View)
        self.go(view.place())

    def action_back(self) -> None:
        """Go back to the previous place."""
        self.history.update(self.current_view.place())
        place = self.history.back()
        if place is not None:
            self.show_place(place)

    def action_forward(self) -> None:
        """Go forward again after going back."""
        self.history.update(self.current_view.place())
        place = self.history.forward()
        if place is not None:
            self.show_place(place)

    def action_pane(self, step: int) -> None:
        """Move to the next (or previous) pane of the view."""
        self.current_view.cycle_pane(step)

    def go_to(self, view: ViewName, key: str) -> None:
        """Open a force's timeline, a speaker's quotes, or an article in the reader."""
        pane = {"forces": "timeline-pane", "speakers": "quotes-pane"}.get(view)
        self.go(Place(view, key=key, pane=pane))

    def filter_by(self, kind: FacetKind, value: str) -> None:
        """Show the article list filtered by one facet value."""
        self.go(Place("articles", pane="article-pane"))
        self.articles.set_filter(kind, value)

    def action_pick(self, name: str) -> None:
        """Open a second palette to pick a force, speaker, article or filter value."""
        provider, placeholder = PICKERS[name]
        self.app.push_screen(CommandPalette(providers=[provider], placeholder=placeholder))

    def action_search(self) -> None:
        """Go to the article list and start searching."""
        self.go(Place("articles", pane="article-pane"))
        self.articles.action_search()

    def action_clear(self) -> None:
        """Clear the article filters and search."""
        self.articles.action_clear()

    def action_sort_by(self, key: str) -> None:
        """Sort the article list by date (newest first), outlet or title."""
        for sort in SORTS:
            if sort != key:
                continue
            self.articles.descending = sort == "date"
            self.articles.sort = sort
            self.go(Place("articles", pane="article-pane"))

    def reset(self) -> None:
        """Back to the start: Articles, no filters, no search, empty history."""
        self.articles.action_clear()
        self.history.reset(START)
        self.show_place(START)

    # -- size -------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        width, height = event.size
        if width < MIN_WIDTH or height < MIN_HEIGHT:
            message = (
                f"The window is {width}×{height}; forcewatch needs at least "
                f"{MIN_WIDTH}×{MIN_HEIGHT}. Enlarge it to continue."
            )
            self.query_one("#too-small", Static).update(safe.content(message))
