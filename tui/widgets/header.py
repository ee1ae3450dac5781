"""The top line: corpus name, counts, and whether the store is read-only."""

from __future__ import annotations

from forcewatch.store.views import StoreInfo
from textual.content import Content
from textual.widgets import Static

from .. import format as fmt
from .. import safe


def header_content(
    info: StoreInfo | None, *, kiosk: bool = False, status: str | None = None
) -> Content:
    """'forcewatch │ name │ 5 articles · 3 forces · … │ read-only'."""
    parts: list[Content] = [safe.content("forcewatch", "bold")]
    if info is not None:
        parts.append(safe.content(info.name or "corpus"))
        counts = [
            fmt.plural(info.articles, "article"),
            fmt.plural(info.forces, "force"),
            fmt.plural(info.speakers, "speaker"),
            fmt.plural(info.quotes, "quote"),
        ]
        parts.append(safe.content(" · ".join(counts)))
    if status:
        parts.append(safe.content(status, "italic"))
    mode = []
    if kiosk:
        mode.append("kiosk")
    if kiosk or (info is not None and info.read_only):
        mode.append("read-only")
    if mode:
        parts.append(safe.content(" ".join(mode), "bold reverse"))
    return safe.join(parts, " │ ")


class TopBar(Static):
    """The one-line header."""

    def __init__(self, *, kiosk: bool = False, id: str | None = None) -> None:
        super().__init__(header_content(None, kiosk=kiosk, status="opening…"), id=id)
        self.kiosk = kiosk
        self.info: StoreInfo | None = None

    def show(self, info: StoreInfo | None, status: str | None = None) -> None:
        """Show the corpus facts (and a status such as an error)."""
        self.info = info
        self.update(header_content(info, kiosk=self.kiosk, status=status))
