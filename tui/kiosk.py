"""Kiosk mode: what a visitor may do, the process lock-down, the idle clock and the app guards."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any, ClassVar

# Nothing here imports Textual at module level: the CLI calls `lock_down_process` before
# Textual is first imported, because Textual reads its TEXTUAL_* settings at import time.

if TYPE_CHECKING:
    from pathlib import Path

    from textual.app import App
    from textual.driver import Driver

    from .data import Data

    _AppBase = App[None]
else:
    _AppBase = object


def _names(*groups: str) -> frozenset[str]:
    """Names written as space-separated groups."""
    return frozenset(name for group in groups for name in group.split())


ENV_KIOSK = "FORCEWATCH_KIOSK"
"""Set to 1 to run the explorer in kiosk mode (like --kiosk)."""

ENV_NO_QUIT = "FORCEWATCH_KIOSK_NO_QUIT"
"""Set to 1 to refuse quitting in kiosk mode (like --no-quit), for a physical terminal."""

ENV_IDLE_RESET = "FORCEWATCH_IDLE_RESET"
"""Seconds without input before kiosk mode returns to the start view (like --idle-reset)."""

DEFAULT_IDLE_RESET = 300.0
"""Seconds without input before kiosk mode returns to the start view."""

STORE_POLL_SECONDS = 2.0
"""How often the explorer checks whether an ingest elsewhere replaced the store."""

ERROR_NOTICE = "Something went wrong. Back to the start."
"""What a visitor sees after an unexpected error the app recovered from."""

EXIT_LINE = "forcewatch: an unexpected error ended the session"
"""The one line printed when kiosk mode must end after an unexpected error."""

ERROR_LIMIT = 3
ERROR_WINDOW = 60.0
"""More than ERROR_LIMIT errors within ERROR_WINDOW seconds end the session."""

SCRUBBED_PREFIX = "TEXTUAL"
"""Textual reads TEXTUAL and TEXTUAL_* variables: screenshots, logs, pressed keys, drivers,
devtools, signals. Kiosk mode removes every one of them."""

SCRUBBED_NAMES = _names(
    "BROWSER",  # the program webbrowser (and so Textual's open_url) would start
    "PYTHONINSPECT",  # read again at exit: would leave the visitor at a Python prompt
    "PYTHONBREAKPOINT",  # what breakpoint() would run
)
"""Other variables kiosk mode removes."""

NAVIGATION_ACTIONS = _names(
    # the explorer's own keys and palette commands (keys.py, commands.py)
    "view help back forward pane choose move page edge search sort reverse facets clear",
    "done cancel scroll_up scroll_down page_up page_down scroll_home scroll_end quote close",
    "pick sort_by",
    # Textual's own, which only move focus or open the palette
    "command_palette focus_next focus_previous",
)
"""The app- and main-screen actions kiosk mode allows: browsing only. Anything else is
refused, so a new action stays out of kiosk mode until it is added here."""

APP_ACTIONS = _names("help command_palette focus_next focus_previous")
"""The subset allowed on the app itself (Textual's app-level `back` pops any screen)."""

QUIT_ACTIONS = _names("quit help_quit")
"""Actions that end (or offer to end) the session: allowed only when quitting is allowed."""

REFUSED_ACTIONS = _names(
    "open_source open_url screenshot suspend_process change_theme toggle_dark simulate_key",
    "push_screen pop_screen switch_screen switch_mode add_class remove_class toggle_class",
    "notify focus maximize minimize dismiss copy_text show_help_panel hide_help_panel bell",
)
"""Actions known to be refused (documentation and tests; the rule is NAVIGATION_ACTIONS)."""


def allowed(action: str, *, allow_quit: bool, on_app: bool = False) -> bool:
    """True when kiosk mode lets `action` (a bare action name) run on the main screen (or,
    with `on_app`, on the app)."""
    names = APP_ACTIONS if on_app else NAVIGATION_ACTIONS
    return action in names or (allow_quit and action in QUIT_ACTIONS)


# ---- settings -------------------------------------------------------------------------------


def env_flag(name: str, environ: Mapping[str, str] | None = None) -> bool:
    """True when the variable is set to 1, true, yes or on (any case)."""
    env = os.environ if environ is None else environ
    return env.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def parse_seconds(text: str) -> float:
    """A whole or decimal number of seconds, at least 0 (0 turns the idle reset off)."""
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"not a number of seconds: {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise ValueError(f"seconds must be 0 or more: {text!r}")
    return value


@dataclass(frozen=True)
class KioskSettings:
    """How a kiosk session behaves: whether quitting is allowed, and the idle reset."""

    allow_quit: bool = True
    idle_reset: float = DEFAULT_IDLE_RESET

    @classmethod
    def resolve(
        cls,
        *,
        no_quit: bool = False,
        idle_reset: float | None = None,
        environ: Mapping[str, str] | None = None,
    ) -> KioskSettings:
        """Settings from command-line values, else FORCEWATCH_KIOSK_* variables, else defaults.

        Raises ValueError when FORCEWATCH_IDLE_RESET is not a number of seconds.
        """
        env = os.environ if environ is None else environ
        refuse = no_quit or env_flag(ENV_NO_QUIT, env)
        if idle_reset is None:
            raw = env.get(ENV_IDLE_RESET, "").strip()
            idle_reset = parse_seconds(raw) if raw else DEFAULT_IDLE_RESET
        return cls(allow_quit=not refuse, idle_reset=idle_reset)


# ---- the process ----------------------------------------------------------------------------


def scrub_environment(environ: MutableMapping[str, str] | None = None) -> tuple[str, ...]:
    """Remove TEXTUAL*, BROWSER and the like from the environment; returns the names removed."""
    env = os.environ if environ is None else environ
    names = sorted(n for n in env if n.startswith(SCRUBBED_PREFIX) or n in SCRUBBED_NAMES)
    for name in names:
        del env[name]
    return tuple(names)


SAFE_TEXTUAL_CONSTANTS: dict[str, object] = {
    "DEBUG": False,
    "DRIVER": None,
    "LOG_FILE": None,
    "PRESS": "",
    "SCREENSHOT_DELAY": -1,
    "SCREENSHOT_LOCATION": None,
    "SCREENSHOT_FILENAME": None,
    "SHOW_RETURN": False,
}
"""Textual settings (read from the environment at import) and their kiosk values."""


def neutralise_textual() -> None:
    """Give Textual's import-time settings their safe values, whatever the environment said."""
    from textual import constants

    for name, value in SAFE_TEXTUAL_CONSTANTS.items():
        setattr(constants, name, value)


def _one_line_hook(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        return
    print(EXIT_LINE, file=sys.stderr, flush=True)


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    print(EXIT_LINE, file=sys.stderr, flush=True)


def lock_down_process(settings: KioskSettings) -> tuple[str, ...]:
    """Prepare this process for visitors, before Textual is imported.

    Clears the environment variables Textual and webbrowser obey; ignores the job-control
    signals and Ctrl+\\ (and Ctrl+C when quitting is refused); turns off core dumps and
    bytecode writing, so nothing is written anywhere; and replaces Python's traceback
    printing with one line. Returns the names of the variables removed.
    """
    removed = scrub_environment()
    for name in ("SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGQUIT"):
        number = getattr(signal, name, None)
        if number is not None:
            signal.signal(number, signal.SIG_IGN)
    if not settings.allow_quit:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform != "win32":
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    sys.dont_write_bytecode = True
    sys.excepthook = _one_line_hook
    threading.excepthook = _thread_hook
    if "textual" in sys.modules:
        neutralise_textual()
    return removed


def terminal_problem(stdin: IO[Any], stdout: IO[Any]) -> str | None:
    """Why kiosk mode cannot run on these streams (None when both are terminals)."""
    try:
        ok = stdin.isatty() and stdout.isatty()
    except (AttributeError, ValueError):
        ok = False
    return None if ok else "kiosk mode needs a terminal (for SSH, connect with ssh -t)"


def missing_store_line(path: Path) -> str:
    """The one-line error for a kiosk started without a store."""
    return (
        f"no store at {path}: kiosk mode never creates one; build it first with "
        f"`forcewatch --db {path} ingest PATH`"
    )


# ---- the idle clock -------------------------------------------------------------------------


class IdleClock:
    """Counts seconds since the last input; says once when the idle limit is reached."""

    def __init__(self, seconds: float, now: Callable[[], float] = time.monotonic) -> None:
        self.seconds = seconds
        self._now = now
        self._last = now()
        self._fired = False

    @property
    def enabled(self) -> bool:
        return self.seconds > 0

    @property
    def check_every(self) -> float:
        """How often to ask `due` so the reset comes within a quarter of the limit."""
        return min(1.0, max(0.05, self.seconds / 4))

    def touch(self) -> None:
        """The visitor did something: start counting again."""
        self._last = self._now()
        self._fired = False

    def due(self) -> bool:
        """True once when the limit passes without input (again only after a touch)."""
        if not self.enabled or self._fired:
            return False
        if self._now() - self._last >= self.seconds:
            self._fired = True
            return True
        return False


INPUT_EVENTS: tuple[str, ...] = (
    "Key",
    "MouseDown",
    "MouseUp",
    "MouseMove",
    "MouseScrollUp",
    "MouseScrollDown",
    "MouseScrollLeft",
    "MouseScrollRight",
    "Paste",
)
"""Textual events (by class name) that count as the visitor doing something."""


# ---- errors ---------------------------------------------------------------------------------


class ErrorCounter:
    """Recent unexpected errors, to stop recovering when they keep coming."""

    def __init__(
        self,
        limit: int = ERROR_LIMIT,
        window: float = ERROR_WINDOW,
        now: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self._now = now
        self._times: list[float] = []

    def add(self) -> bool:
        """Count an error; True while recovering is still reasonable."""
        now = self._now()
        self._times = [t for t in self._times if now - t < self.window] + [now]
        return len(self._times) <= self.limit


# ---- the driver -----------------------------------------------------------------------------


def kiosk_driver_class() -> type[Driver]:
    """Textual's terminal driver with suspend, URL opening and file delivery taken out."""
    from textual.drivers.linux_driver import LinuxDriver

    class KioskDriver(LinuxDriver):
        """The Linux/macOS driver that cannot suspend, open URLs or deliver files."""

        def __init__(
            self,
            app: App[Any],
            *,
            debug: bool = False,
            mouse: bool = True,
            size: tuple[int, int] | None = None,
        ) -> None:
            super().__init__(app, debug=False, mouse=mouse, size=size)
            # The base driver installs a SIGTSTP handler that stops the process.
            signal.signal(signal.SIGTSTP, signal.SIG_IGN)

        @property
        def can_suspend(self) -> bool:
            return False

        def open_url(self, url: str, new_tab: bool = True) -> None:
            return

        def deliver_binary(self, *args: Any, **kwargs: Any) -> None:
            return

    return KioskDriver


# ---- the app guards -------------------------------------------------------------------------


class KioskMixin(_AppBase):
    """App behaviour kiosk mode changes: put before `App` in the app's bases.

    In kiosk mode screenshots, URL opening, file delivery, suspending and theme changes do
    nothing; quitting works only when allowed; an unexpected error shows a short notice and
    starts over (or ends the session with one line); input resets the idle clock. Outside
    kiosk mode every method defers to Textual. The app provides `kiosk`, `allow_quit`,
    `data`, `reset()`, `start_over()` and `reload_corpus()`.
    """

    kiosk: bool
    allow_quit: bool
    data: Data
    kiosk_failed: bool = False
    """True when kiosk mode ended the session after an unexpected error."""

    KIOSK_INPUT_EVENTS: ClassVar[tuple[str, ...]] = INPUT_EVENTS

    # -- set-up -----------------------------------------------------------------------

    def kiosk_lock_down(self) -> None:
        """Call at the end of the app's __init__: forget TEXTUAL feature flags."""
        if self.kiosk:
            neutralise_textual()
            self.features = frozenset()

    def kiosk_start(self, idle_reset: float) -> None:
        """Call from on_mount: start the idle clock (kiosk only)."""
        self.kiosk_idle = IdleClock(idle_reset if self.kiosk else 0.0)
        self.kiosk_errors = ErrorCounter()
        if self.kiosk_idle.enabled:
            self.set_interval(self.kiosk_idle.check_every, self._kiosk_idle_tick, name="idle")

    def watch_store(self, every: float = STORE_POLL_SECONDS) -> None:
        """Call from on_mount: reload when an ingest elsewhere replaces the store."""
        self.set_interval(every, self._poll_store, name="store-watch")

    # -- idle -------------------------------------------------------------------------

    def kiosk_saw(self, event: object) -> None:
        """Call for every event the app receives: input restarts the idle clock."""
        idle = getattr(self, "kiosk_idle", None)
        if idle is not None and type(event).__name__ in self.KIOSK_INPUT_EVENTS:
            idle.touch()

    def _kiosk_idle_tick(self) -> None:
        if self.kiosk_idle.due():
            self.reset()

    # -- live store -------------------------------------------------------------------

    def _poll_store(self) -> None:
        from textual.worker import WorkerState

        busy = (WorkerState.PENDING, WorkerState.RUNNING)
        if any(w.group in ("open", "store-watch") and w.state in busy for w in self.workers):
            return
        self.run_worker(self._check_store, group="store-watch", thread=True)

    def _check_store(self) -> None:
        from .data import NotLoaded

        try:
            with self.data.use() as corpus:
                changed = corpus.changed()
        except NotLoaded:
            return
        if changed:
            self.call_from_thread(self.reload_corpus)

    # -- hooks the app provides -------------------------------------------------------

    def reset(self) -> None:
        """Back to the start view with filters and search cleared (the app's)."""
        raise NotImplementedError

    def reload_corpus(self) -> None:
        """Read the store again (the app's)."""
        raise NotImplementedError

    async def start_over(self) -> None:
        """Rebuild the views at the start view after an error (the app's)."""
        raise NotImplementedError

    # -- guarded Textual methods ------------------------------------------------------

    def get_driver_class(self) -> type[Driver]:
        if getattr(self, "kiosk", False) and sys.platform != "win32":
            return kiosk_driver_class()
        return super().get_driver_class()

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        if self.kiosk:
            return
        super().open_url(url, new_tab=new_tab)

    def action_screenshot(self, filename: str | None = None, path: str | None = None) -> None:
        if self.kiosk:
            return
        super().action_screenshot(filename, path)

    def deliver_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str | None:
        if self.kiosk:
            return None
        return super().deliver_screenshot(filename, path, time_format)

    def save_screenshot(
        self,
        filename: str | None = None,
        path: str | None = None,
        time_format: str | None = None,
    ) -> str:
        """Outside kiosk mode, Textual's; in kiosk mode writes nothing and returns ''."""
        if self.kiosk:
            return ""
        return super().save_screenshot(filename, path, time_format)

    def deliver_text(self, *args: Any, **kwargs: Any) -> str | None:
        if self.kiosk:
            return None
        return super().deliver_text(*args, **kwargs)

    def deliver_binary(self, *args: Any, **kwargs: Any) -> str | None:
        if self.kiosk:
            return None
        return super().deliver_binary(*args, **kwargs)

    def action_suspend_process(self) -> None:
        if self.kiosk:
            return
        super().action_suspend_process()

    @contextmanager
    def suspend(self) -> Iterator[None]:
        if self.kiosk:
            from textual.app import SuspendNotSupported

            raise SuspendNotSupported("kiosk mode never hands the terminal to another program")
        with super().suspend():
            yield

    def action_change_theme(self) -> None:
        if self.kiosk:
            return
        super().action_change_theme()

    def search_themes(self) -> None:
        if self.kiosk:
            return
        super().search_themes()

    def action_toggle_dark(self) -> None:
        if self.kiosk:
            return
        super().action_toggle_dark()

    async def action_quit(self) -> None:
        if self.kiosk and not self.allow_quit:
            return
        await super().action_quit()

    def action_help_quit(self) -> None:
        if self.kiosk:
            if self.allow_quit:
                self.notify("Press Ctrl+Q to quit.", markup=False)
            return
        super().action_help_quit()

    # -- errors -----------------------------------------------------------------------

    def _handle_exception(self, error: Exception) -> None:
        # Textual calls this for any exception escaping a handler, timer or worker; its own
        # version prints a traceback with local variables (which may hold article text).
        if not self.kiosk:
            super()._handle_exception(error)
            return
        from textual._context import active_message_pump

        pump = active_message_pump.get(None)
        counter = getattr(self, "kiosk_errors", None)
        recoverable = (
            pump is not self
            and counter is not None
            and counter.add()
            and self.is_running
            and not getattr(self, "_exit", False)
        )
        if recoverable:
            self.call_later(self._kiosk_recover)
        else:
            self.kiosk_end()

    async def _kiosk_recover(self) -> None:
        try:
            await self.start_over()
        except Exception:  # recovering failed too: end the session quietly
            self.kiosk_end()
            return
        self.notify(ERROR_NOTICE, severity="error", markup=False, timeout=8)

    def kiosk_end(self) -> None:
        """End the session after an error: no traceback, exit status 1."""
        self.kiosk_failed = True
        self._exit_renderables.clear()
        self.exit(return_code=1)
        self._close_messages_no_wait()
