"""The key bar: which keys it names, that it follows the focus, and that clicks press keys."""

from __future__ import annotations

from pathlib import Path

from forcewatch.tui.screens.help import HelpScreen
from forcewatch.tui.widgets.keybar import KeyBar
from tui_helpers import press, running, screen_text, settle


def bar_text(bar: KeyBar) -> str:
    return bar.render().plain


async def test_key_bar_is_the_bottom_line_and_names_the_palette_last(seed_store: Path) -> None:
    """The bottom line of the screen is the key bar, ending with the command palette key."""
    async with running(seed_store) as (app, _pilot):
        bar = app.main.query_one(KeyBar)
        text = bar_text(bar)
        assert screen_text(app).splitlines()[-1].strip() == text.strip()
        assert [h.description for h in bar.hints()][-1] == "palette"


async def test_key_bar_follows_the_focus_without_recomposing(seed_store: Path) -> None:
    """Moving to the Forces view changes the keys shown; the bar stays one widget."""
    async with running(seed_store) as (app, pilot):
        bar = app.main.query_one(KeyBar)
        on_articles = bar_text(bar)
        assert "Sort" in on_articles
        await press(pilot, "2")
        await settle(pilot)
        on_forces = bar_text(bar)
        assert "Sort" not in on_forces and "Help" in on_forces
        assert app.main.query_one(KeyBar) is bar
        assert not bar.children


async def test_clicking_a_key_in_the_bar_presses_it(seed_store: Path) -> None:
    """A click on '? Help' in the key bar opens the help screen."""
    async with running(seed_store) as (app, pilot):
        bar = app.main.query_one(KeyBar)
        bar_text(bar)
        target = next(h for h in bar.shown if h.description == "Help")
        await pilot.click(KeyBar, offset=(target.start + 1, 0))
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)


async def test_clicking_between_keys_does_nothing(seed_store: Path) -> None:
    """A click past the last key leaves the screen as it was."""
    async with running(seed_store) as (app, pilot):
        bar = app.main.query_one(KeyBar)
        bar_text(bar)
        end = bar.shown[-1].end
        assert end + 2 < bar.size.width
        await pilot.click(KeyBar, offset=(end + 1, 0))
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
        assert app.main.current_view is app.main.articles
