"""A virtual list on Textual's line API: only the visible rows are ever rendered."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import events
from textual.binding import BindingType
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from .. import keys, safe

RowT = TypeVar("RowT")

CURSOR_MARK = "▸ "
NO_MARK = "  "


@dataclass(frozen=True)
class Look:
    """The styles a row renderer may use, resolved from the list's component classes."""

    dim: Style
    accent: Style
    heading: Style
    strong: Style
    mark: Style


RowRenderer = Callable[[RowT, int, Look], Content]
"""Turns one row into one line of at most `width` cells."""


class RowList(ScrollView, Generic[RowT], can_focus=True):
    """A focusable list of rows of any length, with a cursor, keys and mouse."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.LIST)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "rowlist--cursor",
        "rowlist--cursor-blur",
        "rowlist--dim",
        "rowlist--accent",
        "rowlist--heading",
        "rowlist--strong",
        "rowlist--mark",
        "rowlist--empty",
    }

    cursor: reactive[int] = reactive(-1, init=False, always_update=True)
    """Index of the row under the cursor, or -1 when no row can be chosen."""

    loading_rows: reactive[bool] = reactive(False, init=False)
    """True while rows are being fetched; an empty list then says so."""

    class Highlighted(Message):
        """The cursor moved to another row."""

        def __init__(self, rowlist: RowList[object], index: int) -> None:
            super().__init__()
            self.rowlist = rowlist
            self.index = index

        @property
        def control(self) -> RowList[object]:
            return self.rowlist

    class Chosen(Message):
        """A row was opened with Enter or a click on the row under the cursor."""

        def __init__(self, rowlist: RowList[object], index: int) -> None:
            super().__init__()
            self.rowlist = rowlist
            self.index = index

        @property
        def control(self) -> RowList[object]:
            return self.rowlist

    def __init__(
        self,
        renderer: RowRenderer[RowT],
        *,
        empty: Content | str = "Nothing here.",
        is_heading: Callable[[RowT], bool] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._renderer = renderer
        self._is_heading = is_heading or (lambda _row: False)
        self._rows: Sequence[RowT] = ()
        self._empty = empty if isinstance(empty, Content) else safe.content(empty)
        self._cache: dict[tuple[int, int, bool, bool], Strip] = {}
        """Lines drawn for the rows shown now, by index, width, cursor and focus."""
        self._drawn: dict[tuple[int, int, bool, bool], tuple[object, Strip]] = {}
        """Lines drawn by row identity (with the row, so the identity stays valid): a list
        shown again after a query that returns the same row objects reuses them."""
        self._look: Look | None = None
        self._scroll_pending = False

    # -- data -------------------------------------------------------------------------

    @property
    def rows(self) -> Sequence[RowT]:
        """The rows shown (never copied: a store's lazy sequence stays lazy)."""
        return self._rows

    @property
    def row(self) -> RowT | None:
        """The row under the cursor, if any."""
        if 0 <= self.cursor < len(self._rows):
            return self._rows[self.cursor]
        return None

    def set_rows(self, rows: Sequence[RowT], cursor: int = 0, *, same_look: bool = False) -> None:
        """Show these rows with the cursor at `cursor` (or the nearest choosable row).

        `same_look`: the renderer draws any row as it drew it before, so lines already
        drawn for row objects shown again are reused instead of drawn anew.
        """
        self._rows = rows
        self.loading_rows = False
        self._cache.clear()
        if not same_look:
            self._drawn.clear()
        self.virtual_size = Size(0, len(rows))
        start = min(max(cursor, 0), len(rows) - 1)
        self.cursor = self._nearest(start, 1) if rows else -1
        if self.cursor >= 0:
            self._scroll_to_cursor(center=True)
        else:
            self.scroll_to(y=0, animate=False)
        self.refresh()

    def set_empty(self, message: Content | str) -> None:
        """What an empty list says: what to do next."""
        self._empty = message if isinstance(message, Content) else safe.content(message)
        if not self._rows:
            self.refresh()

    @property
    def empty_message(self) -> str:
        """The empty-state text, as plain text."""
        return self._empty.plain

    def refresh_rows(self) -> None:
        """Redraw every row, e.g. after a renderer's state changed."""
        self._forget_lines()
        self.refresh()

    def _forget_lines(self) -> None:
        self._cache.clear()
        self._drawn.clear()

    # -- cursor -----------------------------------------------------------------------

    def _choosable(self, index: int) -> bool:
        return 0 <= index < len(self._rows) and not self._is_heading(self._rows[index])

    def _nearest(self, index: int, step: int) -> int:
        """The first choosable row from `index` in direction `step`, else the other way."""
        n = len(self._rows)
        if n == 0:
            return -1
        index = min(max(index, 0), n - 1)
        for direction in (step, -step):
            i = index
            while 0 <= i < n:
                if self._choosable(i):
                    return i
                i += direction
        return -1

    def watch_cursor(self, old: int, new: int) -> None:
        for index in (old, new):
            if index >= 0:
                self._drop_cached(index)
                self.refresh_line(index)
        if new >= 0:
            self._scroll_to_cursor()
        if new != old and new >= 0:
            self.post_message(self.Highlighted(self, new))  # type: ignore[arg-type]

    def _drop_cached(self, index: int) -> None:
        for key in [k for k in self._cache if k[0] == index]:
            del self._cache[key]

    def _scroll_to_cursor(self, center: bool = False) -> None:
        height = self.scrollable_content_region.height
        if height <= 0:
            self._scroll_pending = True  # hidden or not laid out yet: scroll once sized
            return
        self._scroll_pending = False
        top = round(self.scroll_y)
        if center and not (top <= self.cursor < top + height):
            self.scroll_to(y=max(0, self.cursor - height // 2), animate=False)
        elif self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False)

    def move_to(self, index: int) -> None:
        """Put the cursor on row `index` (or the nearest choosable row)."""
        target = self._nearest(index, 1 if index >= self.cursor else -1)
        if target >= 0:
            self.cursor = target

    def action_move(self, step: int) -> None:
        """Move the cursor one choosable row up or down."""
        if not self._rows:
            return
        i = self.cursor + step
        while 0 <= i < len(self._rows) and not self._choosable(i):
            i += step
        if 0 <= i < len(self._rows):
            self.cursor = i

    def action_page(self, direction: int) -> None:
        """Move the cursor a page up or down."""
        page = max(1, self.scrollable_content_region.height - 1)
        self.move_to(max(0, min(len(self._rows) - 1, self.cursor + direction * page)))

    def action_edge(self, direction: int) -> None:
        """Move the cursor to the first or last row."""
        if self._rows:
            self.move_to(0 if direction < 0 else len(self._rows) - 1)

    def action_choose(self) -> None:
        """Open the row under the cursor."""
        if self.cursor >= 0:
            self.post_message(self.Chosen(self, self.cursor))  # type: ignore[arg-type]

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = round(self.scroll_y) + offset.y
        if not self._choosable(index):
            return
        already = index == self.cursor
        self.cursor = index
        if already or event.chain >= 2:
            self.action_choose()

    # -- rendering --------------------------------------------------------------------

    def notify_style_update(self) -> None:
        self._look = None
        self._forget_lines()
        super().notify_style_update()

    def _on_resize(self, event: events.Resize) -> None:
        self._forget_lines()
        if self._scroll_pending and self.cursor >= 0:
            self.call_after_refresh(self._scroll_to_cursor, True)

    def _on_focus(self, event: events.Focus) -> None:
        self._cache.clear()
        self.refresh()

    def _on_blur(self, event: events.Blur) -> None:
        self._cache.clear()
        self.refresh()

    @property
    def look(self) -> Look:
        """Styles for row renderers, from this list's component classes."""
        if self._look is None:
            self._look = Look(
                dim=self.get_visual_style("rowlist--dim"),
                accent=self.get_visual_style("rowlist--accent"),
                heading=self.get_visual_style("rowlist--heading"),
                strong=self.get_visual_style("rowlist--strong"),
                mark=self.get_visual_style("rowlist--mark"),
            )
        return self._look

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = round(self.scroll_y) + y
        base = self.visual_style
        if not self._rows:
            return self._render_message(y, width, base)
        if index >= len(self._rows) or width <= 0:
            return Strip.blank(width, base.rich_style)
        on_cursor = index == self.cursor
        key = (index, width, on_cursor, self.has_focus)
        strip = self._cache.get(key)
        if strip is None:
            if len(self._cache) > 2000 or len(self._drawn) > 500:
                self._forget_lines()
            row = self._rows[index]
            drawn_key = (id(row), width, on_cursor, self.has_focus)
            drawn = self._drawn.get(drawn_key)
            if drawn is not None and drawn[0] is row:
                strip = drawn[1]
            else:
                strip = self._render_row(index, width, on_cursor, base)
                self._drawn[drawn_key] = (row, strip)
            self._cache[key] = strip
        return strip

    def _render_row(self, index: int, width: int, on_cursor: bool, base: Style) -> Strip:
        row = self._rows[index]
        heading = self._is_heading(row)
        body = self._renderer(row, max(0, width - len(NO_MARK)), self.look)
        mark = CURSOR_MARK if on_cursor else NO_MARK
        line = safe.fit(Content.assemble((mark, self.look.mark), body), width)
        if on_cursor and not heading:
            component = "rowlist--cursor" if self.has_focus else "rowlist--cursor-blur"
            base = base + self.get_visual_style(component)
        segments = line.render_segments(base)
        return Strip(segments, width).crop_extend(0, width, base.rich_style)

    def _render_message(self, y: int, width: int, base: Style) -> Strip:
        text = safe.content("Loading…") if self.loading_rows else self._empty
        lines = text.wrap(max(1, width - 2)) if width > 2 else []
        style = base + self.get_visual_style("rowlist--empty")
        if 1 <= y <= len(lines):
            line = safe.fit(Content.assemble("  ", lines[y - 1]), width)
            return Strip(line.render_segments(style), width).crop_extend(0, width, base.rich_style)
        return Strip.blank(width, base.rich_style)
