"""The help screen: every key, from the one list in keys.py."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from .. import keys, safe


def help_content() -> Content:
    """The keys, grouped, as two aligned columns."""
    lines: list[Content] = []
    for section in keys.help_sections():
        if lines:
            lines.append(Content(""))
        lines.append(safe.content(section.title, "bold underline"))
        for key, what in section.rows:
            lines.append(safe.assemble((f"  {key:<18}", "bold"), what))
    return safe.join(lines, "\n")


class HelpScreen(ModalScreen[None]):
    """Keys for every view; Esc, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.HELP)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = safe.content("Keys — Esc to close")
            yield Static(help_content(), id="help-text")

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll_up(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_up()

    def action_scroll_down(self) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_down()
