"""Kiosk policy: allowed actions, settings, environment scrubbing, the idle clock, error counting."""

from __future__ import annotations

from pathlib import Path

import pytest
from forcewatch.tui import commands, keys, kiosk


class ManualClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _action_name(action: str) -> str:
    """'app.view('forces')' -> 'view'."""
    return action.split("(", 1)[0].rsplit(".", 1)[-1]


@pytest.mark.parametrize(
    ("action", "allow_quit", "expected"),
    [
        pytest.param("view", False, True, id="view"),
        pytest.param("command_palette", False, True, id="palette"),
        pytest.param("pick", False, True, id="pick"),
        pytest.param("quit", True, True, id="quit-allowed"),
        pytest.param("quit", False, False, id="quit-refused"),
        pytest.param("help_quit", False, False, id="ctrl-c-refused"),
        pytest.param("screenshot", True, False, id="screenshot"),
        pytest.param("open_source", True, False, id="open-source"),
        pytest.param("open_url", True, False, id="open-url"),
        pytest.param("suspend_process", True, False, id="suspend"),
        pytest.param("change_theme", True, False, id="theme"),
        pytest.param("toggle_dark", True, False, id="dark"),
        pytest.param("simulate_key", True, False, id="simulate-key"),
        pytest.param("pop_screen", True, False, id="pop-screen"),
        pytest.param("notify", True, False, id="notify"),
        pytest.param("never_heard_of_it", True, False, id="unknown"),
    ],
)
def test_allowed_actions(action: str, allow_quit: bool, expected: bool) -> None:
    """Only navigation runs in kiosk mode; quitting only when allowed; unknown is refused."""
    assert kiosk.allowed(action, allow_quit=allow_quit) is expected


@pytest.mark.parametrize(
    ("action", "expected"),
    [
        pytest.param("help", True, id="help"),
        pytest.param("command_palette", True, id="palette"),
        pytest.param("focus_next", True, id="focus"),
        pytest.param("back", False, id="back-pops-any-screen"),
        pytest.param("view", False, id="screen-action"),
        pytest.param("open_source", False, id="open-source"),
    ],
)
def test_allowed_on_the_app(action: str, expected: bool) -> None:
    """On the app itself only help, the palette and focus moves run (and quit when allowed)."""
    assert kiosk.allowed(action, allow_quit=False, on_app=True) is expected
    assert kiosk.allowed("quit", allow_quit=True, on_app=True)


def test_every_explorer_key_is_classified() -> None:
    """Each action bound to a key is either browsing or known to be refused in kiosk mode."""
    bindings = [*keys.GLOBAL, *keys.LIST, *keys.ARTICLES, *keys.SEARCH, *keys.READER, *keys.HELP]
    unknown = {
        b.action
        for b in bindings
        if _action_name(b.action) not in kiosk.NAVIGATION_ACTIONS | kiosk.REFUSED_ACTIONS
    }
    assert not unknown


def test_every_palette_command_is_navigation() -> None:
    """Every palette command kept in kiosk mode runs a navigation action."""
    kept = commands.allowed_commands(kiosk=True)
    assert kept
    assert {_action_name(c.action) for c in kept} <= kiosk.NAVIGATION_ACTIONS


def test_refused_and_allowed_do_not_overlap() -> None:
    """No action is both allowed and listed as refused."""
    assert not (kiosk.NAVIGATION_ACTIONS | kiosk.QUIT_ACTIONS) & kiosk.REFUSED_ACTIONS


@pytest.mark.parametrize(
    ("environ", "removed", "kept"),
    [
        pytest.param(
            {"TEXTUAL_SCREENSHOT": "0", "TEXTUAL_SCREENSHOT_LOCATION": "/tmp", "HOME": "/h"},
            ("TEXTUAL_SCREENSHOT", "TEXTUAL_SCREENSHOT_LOCATION"),
            {"HOME": "/h"},
            id="screenshot",
        ),
        pytest.param(
            {"TEXTUAL_LOG": "x.log", "TEXTUAL_PRESS": "ctrl+q", "TERM": "xterm"},
            ("TEXTUAL_LOG", "TEXTUAL_PRESS"),
            {"TERM": "xterm"},
            id="log-and-keys",
        ),
        pytest.param(
            {"TEXTUAL": "devtools,debug", "TEXTUAL_DRIVER": "evil:Driver"},
            ("TEXTUAL", "TEXTUAL_DRIVER"),
            {},
            id="features-and-driver",
        ),
        pytest.param(
            {"TEXTUAL_ALLOW_SIGNALS": "1", "LANG": "C.UTF-8"},
            ("TEXTUAL_ALLOW_SIGNALS",),
            {"LANG": "C.UTF-8"},
            id="signals",
        ),
        pytest.param(
            {"BROWSER": "sh -c id", "PYTHONINSPECT": "1", "PATH": "/usr/bin"},
            ("BROWSER", "PYTHONINSPECT"),
            {"PATH": "/usr/bin"},
            id="browser-and-inspect",
        ),
        pytest.param({"NO_COLOR": "1"}, (), {"NO_COLOR": "1"}, id="nothing-to-remove"),
    ],
)
def test_scrub_environment(
    environ: dict[str, str], removed: tuple[str, ...], kept: dict[str, str]
) -> None:
    """TEXTUAL*, BROWSER and PYTHONINSPECT go; everything else stays."""
    env = dict(environ)
    assert kiosk.scrub_environment(env) == tuple(sorted(removed))
    assert env == kept


@pytest.mark.parametrize(
    ("no_quit", "idle", "environ", "expected"),
    [
        pytest.param(False, None, {}, kiosk.KioskSettings(True, 300.0), id="defaults"),
        pytest.param(True, None, {}, kiosk.KioskSettings(False, 300.0), id="no-quit-flag"),
        pytest.param(
            False,
            None,
            {kiosk.ENV_NO_QUIT: "1"},
            kiosk.KioskSettings(False, 300.0),
            id="no-quit-env",
        ),
        pytest.param(
            False, None, {kiosk.ENV_NO_QUIT: "0"}, kiosk.KioskSettings(True, 300.0), id="env-zero"
        ),
        pytest.param(False, 30.0, {}, kiosk.KioskSettings(True, 30.0), id="idle-flag"),
        pytest.param(
            False,
            None,
            {kiosk.ENV_IDLE_RESET: "45"},
            kiosk.KioskSettings(True, 45.0),
            id="idle-env",
        ),
        pytest.param(
            False,
            10.0,
            {kiosk.ENV_IDLE_RESET: "45"},
            kiosk.KioskSettings(True, 10.0),
            id="flag-wins",
        ),
        pytest.param(False, 0.0, {}, kiosk.KioskSettings(True, 0.0), id="idle-off"),
    ],
)
def test_settings_resolve(
    no_quit: bool, idle: float | None, environ: dict[str, str], expected: kiosk.KioskSettings
) -> None:
    """Command-line values win over FORCEWATCH_* variables, which win over the defaults."""
    assert (
        kiosk.KioskSettings.resolve(no_quit=no_quit, idle_reset=idle, environ=environ) == expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("300", 300.0, id="whole"),
        pytest.param(" 2.5 ", 2.5, id="decimal"),
        pytest.param("0", 0.0, id="off"),
        pytest.param("-1", None, id="negative"),
        pytest.param("soon", None, id="word"),
        pytest.param("nan", None, id="nan"),
        pytest.param("inf", None, id="infinite"),
    ],
)
def test_parse_seconds(text: str, expected: float | None) -> None:
    """Seconds are a number of at least 0; anything else is a ValueError."""
    if expected is None:
        with pytest.raises(ValueError):
            kiosk.parse_seconds(text)
    else:
        assert kiosk.parse_seconds(text) == expected


def test_idle_clock_fires_once_after_the_limit() -> None:
    """The clock is due once the limit passes without input, then not again until a touch."""
    clock = ManualClock()
    idle = kiosk.IdleClock(60, now=clock)
    clock.now += 59
    assert not idle.due()
    clock.now += 1
    assert idle.due()
    clock.now += 600
    assert not idle.due()
    idle.touch()
    clock.now += 30
    assert not idle.due()
    clock.now += 30
    assert idle.due()


def test_idle_clock_input_postpones_the_reset() -> None:
    """Input before the limit starts the count again."""
    clock = ManualClock()
    idle = kiosk.IdleClock(60, now=clock)
    for _ in range(10):
        clock.now += 50
        idle.touch()
        assert not idle.due()


def test_idle_clock_zero_is_off() -> None:
    """A limit of 0 never resets."""
    clock = ManualClock()
    idle = kiosk.IdleClock(0, now=clock)
    clock.now += 10_000
    assert not idle.enabled and not idle.due()


def test_error_counter_gives_up_after_a_burst() -> None:
    """Three errors in a minute are recovered from; a fourth is not; old ones are forgotten."""
    clock = ManualClock()
    errors = kiosk.ErrorCounter(limit=3, window=60, now=clock)
    assert errors.add() and errors.add() and errors.add()
    assert not errors.add()
    clock.now += 61
    assert errors.add()


def test_missing_store_line_is_one_line() -> None:
    """The missing-store message is one line naming the path and how to build a store."""
    line = kiosk.missing_store_line(Path("/srv/fw/store"))
    assert "\n" not in line and "/srv/fw/store" in line and "ingest" in line
