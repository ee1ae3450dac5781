"""Helpers for explorer tests: seed stores, running the app, reading the screen."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from forcewatch.store.api import Corpus
from forcewatch.store.ingest import ingest
from forcewatch.store.reader import open_store
from forcewatch.tui.app import ForcewatchApp, build_app
from forcewatch.tui.screens.main import MainScreen
from forcewatch.tui.views.base import View
from textual.pilot import Pilot
from textual.worker import WorkerState

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
STORE_NAME = "seeds"


def seed_files() -> list[Path]:
    """The five bundled seed articles."""
    return sorted(SEEDS.glob("*.txt"))


def build_store(folder: Path, files: list[Path] | None = None, name: str = STORE_NAME) -> Path:
    """A real store in `folder` built from `files` (the seeds by default)."""
    store = folder / "store"
    report = ingest(store, [str(p) for p in (files or seed_files())], name=name)
    assert not report.failed, report.failed
    return store


def gated_loader(store: Path) -> tuple[threading.Event, Callable[[], Corpus]]:
    """A loader that opens `store` only once the returned event is set (a slow store)."""
    gate = threading.Event()

    def slow_open() -> Corpus:
        gate.wait(10)
        return open_store(store, read_only=True)

    return gate, slow_open


def screen_text(app: ForcewatchApp) -> str:
    """What the terminal shows now, as plain text lines."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def main_screen(app: ForcewatchApp) -> MainScreen:
    """The app's main screen."""
    return app.main


async def settle(pilot: Pilot[None]) -> None:
    """Wait until no worker is running and the screen has caught up."""
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        busy = [w for w in app.workers if w.state in (WorkerState.PENDING, WorkerState.RUNNING)]
        settling = any(view.settling for screen in app.screen_stack for view in screen.query(View))
        if not busy and not settling:
            break
    await pilot.pause()


@asynccontextmanager
async def running(
    store: Path, size: tuple[int, int] = (80, 24), *, kiosk: bool = False
) -> AsyncIterator[tuple[ForcewatchApp, Pilot[None]]]:
    """The explorer over `store`, data loaded, at `size`."""
    app = build_app(open_store(store, read_only=True), kiosk=kiosk)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot


async def press(pilot: Pilot[None], *keys: str) -> None:
    """Press keys, then wait for the work they start."""
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def to_force(app: ForcewatchApp, pilot: Pilot[None], name: str) -> None:
    """Move the force list's cursor to `name` with j, as a user would."""
    forces = app.main.forces
    for _ in range(len(forces.force_list.rows)):
        row = forces.force_list.row
        if row is not None and row.name == name:
            return
        await press(pilot, "j")
    raise AssertionError(f"{name} is not in the force list")


async def to_speaker(app: ForcewatchApp, pilot: Pilot[None], key: str) -> None:
    """Move the speaker list's cursor to `key` with j."""
    speakers = app.main.speakers
    for _ in range(len(speakers.speaker_list.rows)):
        row = speakers.speaker_list.row
        if row is not None and row.key == key:
            return
        await press(pilot, "j")
    raise AssertionError(f"{key} is not in the speaker list")
