"""Every key binding of the explorer, in one place, and the wait for the Escape key."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from textual import constants
from textual.binding import Binding

GLOBAL: list[Binding] = [
    Binding("1", "view('articles')", "Articles", show=False),
    Binding("2", "view('forces')", "Forces", show=False),
    Binding("3", "view('speakers')", "Speakers", show=False),
    Binding("4", "view('reader')", "Reader", show=False),
    Binding("question_mark,f1", "app.help", "Help", key_display="?"),
    Binding("escape", "back", "Back", key_display="Esc"),
    Binding("backspace,left_square_bracket", "back", "Back", show=False),
    Binding("right_square_bracket", "forward", "Forward", show=False, key_display="]"),
    Binding("tab", "pane(1)", "Next pane", show=False),
    Binding("shift+tab", "pane(-1)", "Previous pane", show=False),
]
"""Keys that work in every view (bound on the main screen; the tabs show 1–4)."""

LIST: list[Binding] = [
    Binding("enter", "choose", "Open"),
    Binding("up,k", "move(-1)", "Up", show=False),
    Binding("down,j", "move(1)", "Down", show=False),
    Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False),
    Binding("pagedown,ctrl+f,space", "page(1)", "Page down", show=False),
    Binding("home,g", "edge(-1)", "First", show=False),
    Binding("end,G", "edge(1)", "Last", show=False),
]
"""Keys of every list: arrows and j/k move, Enter opens."""

ARTICLES: list[Binding] = [
    Binding("slash", "search", "Search", key_display="/"),
    Binding("s", "sort", "Sort"),
    Binding("r", "reverse", "Reverse", show=False),
    Binding("f", "facets", "Filters"),
    Binding("x", "clear", "Clear", show=False),
]
"""Keys of the Articles view."""

SEARCH: list[Binding] = [
    Binding("enter,down", "done", "To list", show=False),
    Binding("escape", "cancel", "Done", key_display="Esc"),
]
"""Keys of the search box."""

READER: list[Binding] = [
    Binding("up,k", "scroll_up", "Up", show=False),
    Binding("down,j", "scroll_down", "Down", show=False),
    Binding("pageup,ctrl+b", "page_up", "Page up", show=False),
    Binding("pagedown,ctrl+f,space", "page_down", "Page down", show=False),
    Binding("home,g", "scroll_home", "Top", show=False),
    Binding("end,G", "scroll_end", "Bottom", show=False),
    Binding("n", "quote(1)", "Next quote"),
    Binding("p,N", "quote(-1)", "Prev quote", show=False),
    Binding("o", "app.open_source", "Open URL", show=False),
]
"""Keys of the reader's text."""

HELP: list[Binding] = [
    Binding("escape,q,question_mark,f1", "close", "Close", key_display="Esc"),
    Binding("up,k", "scroll_up", "Up", show=False),
    Binding("down,j", "scroll_down", "Down", show=False),
]
"""Keys of the help screen."""


@dataclass(frozen=True)
class HelpSection:
    """A titled group of keys for the help screen."""

    title: str
    rows: tuple[tuple[str, str], ...]


def help_sections() -> tuple[HelpSection, ...]:
    """The help screen's content, derived from the binding lists above where possible."""

    def rows(bindings: list[Binding]) -> tuple[tuple[str, str], ...]:
        out: list[tuple[str, str]] = []
        seen: set[str] = set()
        for b in bindings:
            if b.description in seen:
                continue
            seen.add(b.description)
            keys = " ".join(key_label(k) for k in b.key.split(","))
            out.append((keys, b.description))
        return tuple(out)

    return (
        HelpSection(
            "Everywhere",
            (*rows(GLOBAL), ("Ctrl+P", "Command palette: go to force, speaker, article")),
        ),
        HelpSection("Lists", rows(LIST)),
        HelpSection("Articles", (*rows(ARTICLES), *rows(SEARCH))),
        HelpSection("Reader", rows(READER)),
        HelpSection(
            "Dates",
            (
                ("2017-10-06", "known to the day"),
                ("2017-10 ~", "known to the month"),
                ("2017 ≈", "known to the year"),
                ("undated ?", "no date found"),
            ),
        ),
        HelpSection(
            "Marks",
            (
                ("▸", "the row under the cursor"),
                ("✓", "an active filter"),
                ("┃ Name:", "a quoted paragraph, labelled by its speaker"),
                ("▶", "what you opened the reader at"),
            ),
        ),
    )


_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "escape": "Esc",
    "backspace": "Backspace",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "enter": "Enter",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "space": "Space",
    "f1": "F1",
}


def key_label(key: str) -> str:
    """A key as people write it: 'question_mark' -> '?', 'ctrl+b' -> 'Ctrl+B'."""
    key = key.strip()
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key[5:].upper()
    return key


DEFAULT_ESCAPE_DELAY_MS = 100
"""Textual's own default wait after ESC, in milliseconds."""

SSH_ESCAPE_DELAY_MS = 250
"""How long to wait after ESC for the rest of a key sequence over SSH, unless ESCDELAY says."""


def escape_delay(environ: Mapping[str, str] | None = None) -> float:
    """Seconds to wait after ESC before reporting the Escape key.

    ESCDELAY (milliseconds, as in curses) wins when set. Over SSH a longer wait keeps
    arrow keys whose bytes arrive apart from turning into a stray Escape.
    """
    env = os.environ if environ is None else environ
    raw = env.get("ESCDELAY", "").strip()
    if raw.isdigit() and int(raw) > 0:
        return int(raw) / 1000.0
    if env.get("SSH_CONNECTION") or env.get("SSH_TTY"):
        return SSH_ESCAPE_DELAY_MS / 1000.0
    return DEFAULT_ESCAPE_DELAY_MS / 1000.0


def apply_escape_delay(environ: Mapping[str, str] | None = None) -> float:
    """Set Textual's escape-sequence timeout from `escape_delay` and return it."""
    delay = escape_delay(environ)
    setattr(constants, "ESCAPE_DELAY", delay)  # noqa: B010 - the parser reads it at run time
    return delay
