"""SVG snapshots of each view on the seeds at 80×24 and 120×40."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from forcewatch.store.reader import open_store
from forcewatch.tui.app import ForcewatchApp, build_app
from textual.pilot import Pilot
from tui_helpers import press, settle, to_force, to_speaker

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


def app_for(store: Path) -> ForcewatchApp:
    return build_app(open_store(store, read_only=True))


def explorer(pilot: Pilot[Any]) -> ForcewatchApp:
    assert isinstance(pilot.app, ForcewatchApp)
    return pilot.app


async def articles(pilot: Pilot[Any]) -> None:
    await settle(pilot)


async def forces(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await press(pilot, "2")
    await to_force(explorer(pilot), pilot, "Nottinghamshire Police")
    await press(pilot, "enter")


async def speakers(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await press(pilot, "3")
    await to_speaker(explorer(pilot), pilot, "zoe billingham")
    await press(pilot, "enter")


async def reader(pilot: Pilot[Any]) -> None:
    await speakers(pilot)
    await press(pilot, "enter")


async def help_screen(pilot: Pilot[Any]) -> None:
    await settle(pilot)
    await press(pilot, "question_mark")


STEPS: dict[str, Callable[[Pilot[Any]], Awaitable[None]]] = {
    "articles": articles,
    "forces": forces,
    "speakers": speakers,
    "reader": reader,
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("view", list(STEPS))
def test_view_snapshot(
    view: str, size: tuple[int, int], seed_store: Path, snap_compare: Any
) -> None:
    """Each view on the seeds looks as recorded (regenerate with --snapshot-update)."""
    assert snap_compare(app_for(seed_store), terminal_size=size, run_before=STEPS[view])


def test_help_snapshot(seed_store: Path, snap_compare: Any) -> None:
    """The help screen at 80×24 looks as recorded."""
    assert snap_compare(app_for(seed_store), terminal_size=(80, 24), run_before=help_screen)
