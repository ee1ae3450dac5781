"""What every view shares: named panes (one at a time when narrow) and a Go message."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, Generic, TypeVar

from forcewatch.store.api import Corpus
from textual import events
from textual.containers import Container
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.worker import get_current_worker

from .. import safe
from ..data import Data, NotLoaded
from ..places import Place

HIGHLIGHT_SETTLE = 0.12
"""Seconds the cursor must rest on a row before its detail (timeline, quotes) is fetched."""


class View(Container):
    """A view made of panes; Tab cycles them and a narrow screen shows only the active one."""

    PANES: ClassVar[tuple[str, ...]] = ()
    """Ids of the pane widgets, the main one first."""

    pane: reactive[str] = reactive("", init=False)
    """The active pane: the one shown when the screen is narrow."""

    class Go(Message):
        """Ask the main screen to take the user somewhere (recorded in history)."""

        def __init__(self, place: Place) -> None:
            super().__init__()
            self.place = place

    def __init__(self, data: Data, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.data = data

    def on_mount(self) -> None:
        if not self.pane and self.PANES:
            self.pane = self.PANES[0]
        else:
            self._mark_panes(self.pane)

    def watch_pane(self, pane: str) -> None:
        self._mark_panes(pane)

    def _mark_panes(self, active: str) -> None:
        for name in self.PANES:
            for widget in self.query(f"#{name}"):
                widget.set_class(name == active, "-active")

    def pane_widget(self, name: str) -> Widget:
        """The widget of pane `name`."""
        return self.query_one(f"#{name}")

    def focus_target(self, name: str) -> Widget:
        """What gets focus when pane `name` becomes active (the pane itself by default)."""
        return self.pane_widget(name)

    def show_pane(self, name: str, focus: bool = True) -> None:
        """Make `name` the active pane and focus it."""
        if name not in self.PANES:
            return
        self.pane = name
        if focus:
            target = self.focus_target(name)
            self.call_after_refresh(target.focus)

    def cycle_pane(self, step: int) -> None:
        """Activate the next (or previous) pane."""
        if not self.PANES:
            return
        index = self.PANES.index(self.pane) if self.pane in self.PANES else 0
        self.show_pane(self.PANES[(index + step) % len(self.PANES)])

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for name in self.PANES:
            pane = self.pane_widget(name)
            node: Widget | None = event.widget
            while node is not None and node is not self:
                if node is pane:
                    if self.pane != name:
                        self.pane = name
                    return
                parent = node.parent
                node = parent if isinstance(parent, Widget) else None

    _pending: Timer | None = None

    @property
    def settling(self) -> bool:
        """True while a fetch waits for the cursor to rest (see HIGHLIGHT_SETTLE)."""
        return self._pending is not None

    def settle(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the cursor has rested for HIGHLIGHT_SETTLE; a newer call wins.

        Passing over rows with the cursor then fetches only the row it rests on.
        """
        if self._pending is not None:
            self._pending.stop()

        def fire() -> None:
            self._pending = None
            callback()

        self._pending = self.set_timer(HIGHLIGHT_SETTLE, fire)

    def focus_default(self) -> None:
        """Focus the active pane."""
        self.show_pane(self.pane or self.PANES[0])

    def place(self) -> Place:
        """Where the user is in this view, for the history."""
        raise NotImplementedError

    def apply(self, place: Place) -> None:
        """Show `place` (select its item, open its pane)."""
        raise NotImplementedError

    def data_ready(self) -> None:
        """The corpus opened or changed: load (again)."""
        raise NotImplementedError


T = TypeVar("T")


@dataclass(frozen=True)
class Step(Generic[T]):
    """One query of a worker: what to fetch from the corpus, and how to show it."""

    fetch: Callable[[Corpus], T]
    done: Callable[[T], None]
    delay: float = 0.0  # seconds to wait first, so a newer request can make it moot


class Query(View):
    """A view that reads the corpus in worker threads and applies results on the UI thread."""

    class Loaded(Message):
        """A worker finished: apply its result on the UI thread."""

        def __init__(self, apply: Callable[[], None]) -> None:
            super().__init__()
            self.apply = apply

    def on_query_loaded(self, message: Query.Loaded) -> None:
        message.stop()
        message.apply()

    def query_corpus(
        self, group: str, fetch: Callable[[Corpus], T], done: Callable[[T], None]
    ) -> None:
        """Run `fetch` in a worker thread; newer requests in `group` make older ones moot."""
        self.query_steps(group, [Step(fetch, done)])

    def query_steps(self, group: str, steps: list[Step[Any]]) -> None:
        """Run each step's fetch in turn in one worker thread, showing each result as soon
        as it is ready; a newer request in `group` stops the rest."""

        def work() -> None:
            worker = get_current_worker()
            for step in steps:
                waited = 0.0
                while waited < step.delay and not worker.is_cancelled:
                    time.sleep(0.01)
                    waited += 0.01
                try:
                    with self.data.use() as corpus:
                        if worker.is_cancelled:
                            return
                        result = step.fetch(corpus)
                except NotLoaded:
                    return
                except Exception as exc:  # any store failure becomes a one-line message
                    message = f"{type(exc).__name__}: {exc}"
                    if not worker.is_cancelled:
                        self.post_message(self.Loaded(partial(self.failed, message)))
                    return
                if worker.is_cancelled:
                    return
                self.post_message(self.Loaded(partial(step.done, result)))

        self.run_worker(work, group=group, exclusive=True, thread=True)

    def failed(self, message: str) -> None:
        """A query failed: say so in one line."""
        self.notify(safe.clean(message), title="Store error", severity="error", markup=False)
