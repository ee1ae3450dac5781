"""The bottom line: the keys that work where the focus is, drawn as one line of text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.content import Content
from textual.screen import Screen
from textual.style import Style
from textual.widget import Widget

from .. import safe


@dataclass(frozen=True)
class KeyHint:
    """One key shown in the bar, and the cells it takes."""

    key: str
    label: str
    description: str
    enabled: bool
    start: int = 0
    end: int = 0


class KeyBar(Widget, can_focus=False):
    """The keys of the focused widget, its screen and the app, like Textual's Footer.

    One widget drawing one line: when the focus moves it is only redrawn, never
    recomposed, which keeps the first paint and every focus change cheap. Clicking a
    key presses it.
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key",
        "keybar--description",
        "keybar--disabled",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ready = False
        self.shown: list[KeyHint] = []
        """The keys drawn last, with the cells each takes."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._ready = True
        if self.is_attached and screen is self.screen:
            self.refresh()

    def hints(self) -> list[KeyHint]:
        """The keys to show, one per action, the command palette's last."""
        if not self._ready:
            return []
        active = self.screen.active_bindings
        found: list[KeyHint] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            label = self.app.get_key_display(binding)
            found.append(KeyHint(binding.key, label, binding.description, enabled))
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is not None and self.app.ENABLE_COMMAND_PALETTE:
            _node, binding, enabled, _tooltip = palette
            if binding.action not in actions:
                label = self.app.get_key_display(binding)
                found.append(KeyHint(binding.key, label, binding.description, enabled))
        return found

    def render(self) -> Content:
        key_style = Style.from_rich_style(self.get_component_rich_style("keybar--key"))
        text_style = Style.from_rich_style(self.get_component_rich_style("keybar--description"))
        off_style = Style.from_rich_style(self.get_component_rich_style("keybar--disabled"))
        parts: list[Content] = []
        placed: list[KeyHint] = []
        x = 0
        for hint in self.hints():
            key = safe.content(f" {hint.label} ", key_style if hint.enabled else off_style)
            words = safe.content(f"{hint.description} ", text_style if hint.enabled else off_style)
            piece = safe.assemble(key, words)
            placed.append(
                KeyHint(
                    hint.key, hint.label, hint.description, hint.enabled, x, x + piece.cell_length
                )
            )
            x += piece.cell_length
            parts.append(piece)
        self.shown = placed
        return safe.join(parts)

    def on_click(self, event: events.Click) -> None:
        """Press the key under the pointer."""
        for hint in self.shown:
            if hint.start <= event.x < hint.end:
                event.stop()
                if hint.enabled:
                    self.app.simulate_key(hint.key)
                else:
                    self.app.bell()
                return
