"""Kiosk mode in the app: only browsing keys and palette commands, refused escape routes,
short error notices, the idle reset and the live store."""

from __future__ import annotations

import asyncio
import signal
import webbrowser
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from forcewatch.store.ingest import ingest
from forcewatch.store.reader import open_store
from forcewatch.store.views import ArticleFilter
from forcewatch.tui import commands, kiosk
from forcewatch.tui.app import ForcewatchApp, build_app
from forcewatch.tui.widgets.header import TopBar
from textual.app import SuspendNotSupported
from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static
from tui_helpers import build_store, screen_text, seed_files, settle

SIZE = (100, 30)

WIDGET_ACTIONS = kiosk._names(
    # scrolling and paging in lists, the reader, the help and the footer
    "scroll_up scroll_down scroll_left scroll_right scroll_home scroll_end",
    "page_up page_down page_left page_right",
    # the explorer's list, reader and search box keys
    "choose move page edge quote clear facets reverse search sort done cancel",
    # editing a one-line input (search box, palette)
    "cursor_left cursor_right cursor_left_word cursor_right_word home end select_all",
    "delete_left delete_right delete_left_word delete_right_word delete_left_all",
    "delete_right_all copy cut paste submit",
    # tabs, the help screen and the palette's own list
    "next_tab previous_tab close copy_text command_list cursor_down cursor_up first last",
    "select escape",
)
"""Actions of widgets and pop-up screens: they move, scroll or edit, nothing else."""

SYSTEM_COMMAND_TITLES = ("Theme", "Quit", "Screenshot", "Maximize", "Minimize", "Keys")


@asynccontextmanager
async def kiosk_app(
    store: Path, size: tuple[int, int] = SIZE, notifications: bool = False, **options: Any
) -> AsyncIterator[tuple[ForcewatchApp, Pilot[None]]]:
    """The explorer in kiosk mode over `store`, data loaded (toasts shown if asked)."""
    app = build_app(open_store(store, read_only=True), kiosk=True, **options)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await settle(pilot)
        yield app, pilot


async def wait_until(pilot: Pilot[None], check: Callable[[], bool], timeout: float = 10.0) -> bool:
    """Wait until `check()` holds (True) or `timeout` seconds pass (False). Sleeps rather
    than pausing the pilot, which would wait on widgets an error has stopped."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if check():
            return True
        await asyncio.sleep(0.05)
    return check()


def binding_targets(app: ForcewatchApp) -> list[tuple[object, str, str, bool]]:
    """(target, action name, key, allowed) for every binding of the app and the open screen."""
    screen = app.screen
    found = []
    for node in [app, screen, *screen.walk_children()]:
        for key, bindings in node._bindings.key_to_bindings.items():
            for binding in bindings:
                target, name, params = app._parse_action(binding.action, node)
                found.append((target, name, key, bool(target.check_action(name, params))))
    return found


def assert_bindings_safe(app: ForcewatchApp) -> None:
    for target, name, key, ok in binding_targets(app):
        if target is app:
            assert ok is kiosk.allowed(name, allow_quit=False, on_app=True), (key, name)
        elif target is app.main:
            assert ok is (name in kiosk.NAVIGATION_ACTIONS), (key, name)
        else:
            assert name in WIDGET_ACTIONS, (type(target).__name__, key, name)


async def test_every_binding_is_browsing_or_refused(seed_store: Path) -> None:
    """On the main screen, the help and the palette, each key either browses or is refused;
    quit, Ctrl+C, open-URL and copy are refused on the app and main screen."""
    async with kiosk_app(seed_store, allow_quit=False) as (app, pilot):
        assert_bindings_safe(app)
        refused = {name for t, name, _, ok in binding_targets(app) if t is app and not ok}
        assert {"quit", "help_quit", "open_source"} <= refused
        for key in ("question_mark", "escape", "ctrl+p"):
            await pilot.press(key)
            await settle(pilot)
            assert_bindings_safe(app)


async def test_palette_lists_navigation_only(seed_store: Path) -> None:
    """The palette shows the explorer's navigation commands and none of Textual's own."""
    async with kiosk_app(seed_store) as (app, pilot):
        assert not list(app.get_system_commands(app.screen))
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        listed = app.screen.query_one(CommandList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
        titles = [c.title for c in commands.allowed_commands(kiosk=True)]
        assert len(prompts) == len(titles)
        assert all(any(t in p for t in titles) for p in prompts)
        for query in ("screenshot", "theme", "quit", "suspend", "maximize"):
            await pilot.press(*query)
            await settle(pilot)
            shown = [str(listed.get_option_at_index(i).prompt) for i in range(listed.option_count)]
            assert not [t for t in SYSTEM_COMMAND_TITLES for p in shown if p.startswith(t)]
            for _ in query:
                await pilot.press("backspace")


async def test_system_commands_exist_outside_kiosk(seed_store: Path) -> None:
    """Outside kiosk mode the palette does offer Textual's screenshot and quit commands."""
    app = build_app(open_store(seed_store, read_only=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert "Screenshot" in titles and "Quit" in titles


async def test_screenshots_write_nothing(
    seed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every screenshot path (action, key-free call, save, deliver) writes no file in kiosk
    mode, while the same call outside kiosk mode does."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    async with kiosk_app(seed_store) as (app, pilot):
        app.action_screenshot()
        app.action_screenshot("a.svg", str(tmp_path))
        assert app.deliver_screenshot("b.svg", str(tmp_path)) is None
        assert app.save_screenshot("c.svg", str(tmp_path)) == ""
        await app.run_action(f"app.screenshot('d.svg', '{tmp_path}')")
        await settle(pilot)
        assert list(tmp_path.iterdir()) == []
    app = build_app(open_store(seed_store, read_only=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.save_screenshot("control.svg", str(tmp_path))
    assert [p.name for p in tmp_path.iterdir()] == ["control.svg"]


async def test_open_url_starts_no_program(seed_store: Path, tmp_path: Path) -> None:
    """open_url and the reader's open-source key start no browser in kiosk mode; outside
    kiosk mode the same call runs the registered browser."""
    marker = tmp_path / "browser-ran"
    script = tmp_path / "browser"
    script.write_text(f"#!/bin/sh\necho \"$1\" > '{marker}'\n")
    script.chmod(0o755)
    webbrowser.register(
        "forcewatch-test", None, webbrowser.GenericBrowser([str(script), "%s"]), preferred=True
    )
    async with kiosk_app(seed_store) as (app, pilot):
        app.open_url("https://example.org/")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        await app.run_action("app.open_source")
        await pilot.pause(0.5)
        assert not marker.exists()
    app = build_app(open_store(seed_store, read_only=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_url("https://example.org/")
        assert await wait_until(pilot, marker.exists)


async def test_suspend_does_nothing(seed_store: Path) -> None:
    """Suspending is refused: the action does nothing, suspend() raises, and the kiosk
    terminal driver ignores SIGTSTP and cannot suspend."""
    async with kiosk_app(seed_store) as (app, pilot):
        assert not await app.run_action("app.suspend_process")
        app.action_suspend_process()
        with pytest.raises(SuspendNotSupported), app.suspend():
            pass
        driver_class = app.get_driver_class()
        saved = {s: signal.getsignal(s) for s in (signal.SIGTSTP, signal.SIGCONT)}
        try:
            driver = driver_class(app)
            assert not driver.can_suspend
            assert signal.getsignal(signal.SIGTSTP) == signal.SIG_IGN
        finally:
            for number, handler in saved.items():
                signal.signal(number, handler)
        await settle(pilot)
        assert app.is_running


@pytest.mark.parametrize(
    "attempt",
    [
        pytest.param(lambda app, pilot: pilot.press("ctrl+q"), id="ctrl+q"),
        pytest.param(lambda app, pilot: pilot.press("ctrl+c"), id="ctrl+c"),
        pytest.param(lambda app, pilot: app.run_action("app.quit"), id="quit-action"),
        pytest.param(lambda app, pilot: app.action_quit(), id="quit-method"),
    ],
)
async def test_quit_refused_without_the_flag(
    seed_store: Path, attempt: Callable[[ForcewatchApp, Pilot[None]], Awaitable[Any]]
) -> None:
    """With quitting refused, no key or action ends the app."""
    async with kiosk_app(seed_store, allow_quit=False) as (app, pilot):
        await attempt(app, pilot)
        await settle(pilot)
        assert app.is_running and app.return_code is None


async def test_quit_allowed_with_the_flag(seed_store: Path) -> None:
    """With quitting allowed (the SSH setting), Ctrl+Q ends the app."""
    async with kiosk_app(seed_store, allow_quit=True) as (app, pilot):
        await pilot.press("ctrl+q")
        assert await wait_until(pilot, lambda: not app.is_running or app._exit)


async def test_theme_cannot_change(seed_store: Path) -> None:
    """The theme actions open no picker and change nothing."""
    async with kiosk_app(seed_store) as (app, pilot):
        theme = app.theme
        app.action_change_theme()
        app.search_themes()
        app.action_toggle_dark()
        await settle(pilot)
        assert app.theme == theme
        assert not isinstance(app.screen, CommandPalette)


async def test_click_actions_in_text_are_refused(seed_store: Path, tmp_path: Path) -> None:
    """Even text that carried click actions (had it slipped past the text gate) can neither
    screenshot, quit nor pop the main screen when clicked."""
    async with kiosk_app(seed_store, allow_quit=False) as (app, pilot):
        links = Static(
            Content.from_markup(
                f"[@click=app.screenshot('x.svg','{tmp_path}')]SHOT[/] "
                "[@click=app.quit]QUIT[/] [@click=app.back]BACK[/] "
                "[@click=app.simulate_key('ctrl+q')]KEY[/]"
            ),
            id="links",
        )
        links.styles.dock = "top"
        links.styles.layer = "above"
        await app.main.mount(links)
        await settle(pilot)
        main = app.main
        for x in (1, 6, 11, 16):
            await pilot.click("#links", offset=(x, 0))
            await settle(pilot)
        assert list(tmp_path.iterdir()) == []
        assert app.is_running and app.main is main


async def fail_in(target: Any) -> None:
    """Make `target` run a callback that raises, as a bug in a handler would."""

    def boom() -> None:
        raise RuntimeError("SECRET words from an article")

    target.call_later(boom)


async def test_error_shows_short_notice_and_starts_over(seed_store: Path) -> None:
    """An error in a view shows the short notice (no error text), and the explorer starts
    over at the Articles view, still running."""
    async with kiosk_app(seed_store, notifications=True) as (app, pilot):
        await pilot.press("2")
        await settle(pilot)
        old_main = app.main
        assert old_main.current_view is old_main.forces
        await fail_in(app.main.forces)
        assert await wait_until(pilot, lambda: app.main is not old_main)
        await settle(pilot)
        await pilot.pause(0.2)
        text = screen_text(app)
        assert kiosk.ERROR_NOTICE in text
        assert "SECRET" not in text and "Traceback" not in text
        assert app.main.current_view is app.main.articles
        assert app.is_running and not app.kiosk_failed
        await pilot.press("3")
        await settle(pilot)
        assert app.main.current_view is app.main.speakers


async def test_error_in_the_app_itself_ends_cleanly(seed_store: Path) -> None:
    """An error in the app's own message loop ends the session with status 1 and no
    traceback kept for printing."""
    async with kiosk_app(seed_store) as (app, pilot):
        await fail_in(app)
        assert await wait_until(pilot, lambda: app.kiosk_failed)
    assert app.return_code == 1
    assert not app._exit_renderables


async def test_error_burst_ends_cleanly(seed_store: Path) -> None:
    """When errors keep coming, kiosk mode stops starting over and ends the session."""
    async with kiosk_app(seed_store) as (app, pilot):
        for _ in range(kiosk.ERROR_LIMIT + 1):
            if app.kiosk_failed:
                break
            await fail_in(app.main.articles)
            await wait_until(pilot, lambda: app.kiosk_failed, timeout=2)
        assert app.kiosk_failed
    assert app.return_code == 1


async def test_errors_outside_kiosk_are_textuals(seed_store: Path) -> None:
    """Outside kiosk mode an error is left to Textual (and reaches the test runner)."""
    app = build_app(open_store(seed_store, read_only=True))
    with pytest.raises(RuntimeError, match="SECRET"):
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await fail_in(app.main.articles)
            await pilot.pause(0.5)


class ManualClock:
    """A clock the test moves by hand, for the idle clock."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


@asynccontextmanager
async def idle_app(store: Path) -> AsyncIterator[tuple[ForcewatchApp, Pilot[None], ManualClock]]:
    """A kiosk app whose idle clock (limit 300 s) reads a hand-moved clock; checked often."""
    async with kiosk_app(store, idle_reset=0.4) as (app, pilot):
        clock = ManualClock()
        app.kiosk_idle = kiosk.IdleClock(300, now=clock)
        yield app, pilot, clock


async def test_idle_reset_returns_to_the_start(seed_store: Path) -> None:
    """After the idle limit without input, the explorer is back at Articles with search,
    filters and history cleared."""
    async with idle_app(seed_store) as (app, pilot, clock):
        await pilot.press("slash", *"police", "enter")
        await settle(pilot)
        assert app.main.articles.flt != ArticleFilter()
        await pilot.press("2")
        await settle(pilot)
        assert app.main.current_view is app.main.forces
        clock.now += 299
        await pilot.pause(0.3)
        assert app.main.current_view is app.main.forces
        clock.now += 1
        assert await wait_until(pilot, lambda: app.main.current_view is app.main.articles)
        await settle(pilot)
        assert app.main.articles.flt == ArticleFilter()
        assert not app.main.history.can_back


async def test_idle_reset_waits_while_the_visitor_types(seed_store: Path) -> None:
    """Each key press starts the idle count again."""
    async with idle_app(seed_store) as (app, pilot, clock):
        await pilot.press("2")
        for _ in range(5):
            clock.now += 200
            await pilot.press("j")
            await pilot.pause(0.2)
        assert app.main.current_view is app.main.forces


async def test_live_store_reloads_after_an_ingest_elsewhere(tmp_path: Path) -> None:
    """When an ingest replaces the store, the running kiosk shows the new article without
    a restart."""
    files = seed_files()
    store = build_store(tmp_path, files[:4])
    async with kiosk_app(store, store_poll=0.2) as (app, pilot):
        header = app.main.query_one(TopBar)
        assert header.info is not None and header.info.articles == 4
        await asyncio.to_thread(ingest, store, [str(files[4])], name="seeds")
        assert await wait_until(
            pilot, lambda: header.info is not None and header.info.articles == 5, timeout=20
        )
        await settle(pilot)
        assert "5 articles" in screen_text(app)


async def test_header_shows_read_only(seed_store: Path) -> None:
    """The header says the explorer is a read-only kiosk."""
    async with kiosk_app(seed_store) as (app, _pilot):
        first_line = screen_text(app).splitlines()[0]
        assert "kiosk" in first_line and "read-only" in first_line
