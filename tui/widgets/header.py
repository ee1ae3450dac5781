"""The top line: corpus name, counts, and whether the store is read-only."""

from __future__ import annotations

from collections.abc import Callable

from forcewatch.store.views import StoreInfo
from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from .. import format as fmt
from .. import safe

SEPARATOR = " │ "


def header_content(
    info: StoreInfo | None, *, kiosk: bool = False, status: str | None = None, width: int = 0
) -> Content:
    """'forcewatch │ name │ 5 articles · 3 forces · …    read-only', fitted to `width`.

    The mode (kiosk, read-only) stays at the right edge; counts drop from the end when
    the line is too narrow.
    """
    mode_words = []
    if kiosk:
        mode_words.append("kiosk")
    if kiosk or (info is not None and info.read_only):
        mode_words.append("read-only")
    mode = safe.content(" " + " · ".join(mode_words) + " ", "bold reverse") if mode_words else None

    head: list[Content] = [safe.content("forcewatch", "bold")]
    counts: list[str] = []
    if info is not None:
        head.append(safe.content(info.name or "corpus"))
        counts = [
            fmt.plural(info.articles, "article"),
            fmt.plural(info.forces, "force"),
            fmt.plural(info.speakers, "speaker"),
            fmt.plural(info.quotes, "quote"),
        ]
    tail = [safe.content(status, "italic")] if status else []
    room = width - (mode.cell_length + 1 if mode is not None else 0) if width > 0 else 10**6

    while True:
        parts = [*head, *([safe.content(" · ".join(counts))] if counts else []), *tail]
        left = safe.join(parts, SEPARATOR)
        if left.cell_length <= room or not counts:
            break
        counts.pop()
    left = safe.fit(left, max(0, room), pad=False) if left.cell_length > room else left
    if mode is None:
        return left
    gap = max(1, width - left.cell_length - mode.cell_length) if width > 0 else 1
    return safe.assemble(left, " " * gap, mode)


class TopBar(Widget):
    """The one-line header."""

    info: reactive[StoreInfo | None] = reactive(None)
    status: reactive[str | None] = reactive("opening…")

    def __init__(self, *, kiosk: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kiosk = kiosk

    def show(self, info: StoreInfo | None, status: str | None = None) -> None:
        """Show the corpus facts (and a status such as an error)."""
        self.info = info
        self.status = status

    def render(self) -> Content:
        return header_content(
            self.info, kiosk=self.kiosk, status=self.status, width=self.content_region.width
        )

    @property
    def text(self) -> str:
        """The header as plain text."""
        return self.render().plain


class ColumnTitles(Widget):
    """The column titles over a list, fitted to the list's width whenever drawn."""

    def __init__(
        self, titles: Callable[[int], str], width_of: Callable[[], int], *, id: str | None = None
    ) -> None:
        super().__init__(id=id, classes="list-header")
        self._titles = titles
        self._width_of = width_of

    def render(self) -> Content:
        width = self._width_of() or self.content_region.width
        return safe.content("  " + self._titles(max(0, width - 2)))
