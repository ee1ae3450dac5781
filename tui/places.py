"""Where the user is (a view and what is selected in it) and the back/forward history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ViewName = Literal["articles", "forces", "speakers", "reader"]
VIEWS: tuple[ViewName, ...] = ("articles", "forces", "speakers", "reader")


@dataclass(frozen=True)
class Place:
    """A view, the item selected in it, and which pane shows when only one fits."""

    view: ViewName
    key: str | None = None  # a force name, a speaker key, or an article id as text
    paragraph: int | None = None  # reader: the paragraph to open at
    quote: str | None = None  # reader: the quote's words to highlight
    pane: str | None = None  # e.g. "list" or "detail"

    @property
    def article_id(self) -> int | None:
        """The article a reader place shows."""
        if self.view == "reader" and self.key is not None and self.key.isdigit():
            return int(self.key)
        return None


START = Place("articles", pane="list")


class History:
    """Places visited, with back and forward like a browser."""

    def __init__(self, start: Place = START, limit: int = 200) -> None:
        self._places: list[Place] = [start]
        self._index = 0
        self._limit = limit

    @property
    def current(self) -> Place:
        """The place shown now."""
        return self._places[self._index]

    @property
    def can_back(self) -> bool:
        return self._index > 0

    @property
    def can_forward(self) -> bool:
        return self._index < len(self._places) - 1

    def __len__(self) -> int:
        return len(self._places)

    def update(self, place: Place) -> None:
        """Record what the current place looks like now (cursor moved, pane changed)."""
        self._places[self._index] = place

    def go(self, place: Place) -> Place:
        """Visit a new place: forward history is dropped; a repeat is not recorded twice."""
        if place == self.current:
            return place
        del self._places[self._index + 1 :]
        self._places.append(place)
        if len(self._places) > self._limit:
            del self._places[0]
        self._index = len(self._places) - 1
        return place

    def back(self) -> Place | None:
        """Step back; None when already at the start."""
        if not self.can_back:
            return None
        self._index -= 1
        return self.current

    def forward(self) -> Place | None:
        """Step forward; None when nothing was left behind."""
        if not self.can_forward:
            return None
        self._index += 1
        return self.current

    def reset(self, start: Place = START) -> None:
        """Forget everything: back to the start view."""
        self._places = [start]
        self._index = 0
