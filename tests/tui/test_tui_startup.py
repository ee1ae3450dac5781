"""Start-up: only the article list is built for the first paint; the other views follow."""

from __future__ import annotations

from pathlib import Path

from forcewatch.tui.app import build_app
from forcewatch.tui.views.forces import ForcesView
from textual.widgets import ContentSwitcher
from tui_helpers import gated_loader, running, settle

NOTTS = "Nottinghamshire Police"


async def test_views_after_the_list_are_built_once_it_has_rows(seed_store: Path) -> None:
    """Forces, Speakers and Reader are mounted, hidden and loaded after the first rows."""
    async with running(seed_store) as (app, pilot):
        main = app.main
        await pilot.pause(0.3)
        await settle(pilot)
        assert main.views_mounted
        assert main.query_one(ContentSwitcher).current == "articles"
        assert not main.forces.display and not main.speakers.display
        assert len(main.articles.article_list.rows) == 5


async def test_a_view_asked_for_while_loading_opens_when_ready(seed_store: Path) -> None:
    """Pressing 2 before the store has opened builds the Forces view and shows it."""
    gate, slow_open = gated_loader(seed_store)
    app = build_app(loader=slow_open)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        assert not app.main.query(ForcesView)
        await pilot.press("2")
        await pilot.pause(0.1)
        assert app.main.query_one(ContentSwitcher).current == "forces"
        gate.set()
        await settle(pilot)
        forces = app.main.forces
        assert forces.display
        names = [row.name for row in forces.force_list.rows]
        assert NOTTS in names


async def test_going_to_a_force_from_the_palette_path_mounts_the_view(seed_store: Path) -> None:
    """Opening a force timeline directly (as the palette does) works before the views exist."""
    gate, slow_open = gated_loader(seed_store)
    app = build_app(loader=slow_open)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.1)
        app.main.go_to("forces", NOTTS)
        gate.set()
        await settle(pilot)
        assert app.main.query_one(ContentSwitcher).current == "forces"
        row = app.main.forces.force_list.row
        assert row is not None and row.name == NOTTS
