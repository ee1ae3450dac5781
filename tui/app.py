"""The forcewatch explorer app, and `build_app`, the one place it is built."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from typing import ClassVar

from forcewatch.store.api import Corpus
from forcewatch.store.views import StoreInfo
from textual import events
from textual.app import App, SystemCommand
from textual.binding import BindingType
from textual.screen import Screen
from textual.worker import get_current_worker

from . import keys, safe
from .data import Data, Loader
from .kiosk import DEFAULT_IDLE_RESET, STORE_POLL_SECONDS, KioskMixin, allowed
from .screens.help import HelpScreen
from .screens.main import MainScreen

SPLIT_KEY_DELAY = 0.1
"""Seconds between the Escape and the key of a split Alt+key, as if typed apart."""


class ForcewatchApp(KioskMixin, App[None]):
    """Browse a corpus: articles, forces and speakers, by keyboard (or mouse)."""

    CSS_PATH = "app.tcss"
    TITLE = "forcewatch"
    BINDINGS: ClassVar[list[BindingType]] = []

    def __init__(
        self,
        data: Data,
        *,
        kiosk: bool = False,
        allow_quit: bool = True,
        split_alt_keys: bool = True,
        idle_reset: float = DEFAULT_IDLE_RESET,
        store_poll: float = STORE_POLL_SECONDS,
    ) -> None:
        # Set before Textual's __init__, which asks for the driver class (kiosk-dependent).
        self.kiosk = kiosk
        self.allow_quit = allow_quit
        super().__init__()
        self.data = data
        self.split_alt_keys = split_alt_keys
        self.idle_reset = idle_reset
        self.store_poll = store_poll
        self.info: StoreInfo | None = None
        self.kiosk_lock_down()

    @property
    def main(self) -> MainScreen:
        """The main screen (under any help or palette)."""
        for screen in self.screen_stack:
            if isinstance(screen, MainScreen):
                return screen
        raise LookupError("the main screen is not open")

    async def on_mount(self) -> None:
        await self.push_screen(MainScreen(self.data, kiosk=self.kiosk, size=self.size))
        self.load()
        self.kiosk_start(self.idle_reset)
        self.watch_store(self.store_poll)

    # -- data -------------------------------------------------------------------------

    def load(self, reload: bool = False) -> None:
        """Open (or reload) the corpus in a worker thread, then fill the views."""

        def work() -> None:
            worker = get_current_worker()
            try:
                corpus = self.data.load()
                with self.data.use():
                    if reload:
                        corpus.reload()
                    info = corpus.info()
            except Exception as exc:  # an unreadable store becomes a one-line message
                message = safe.clean(str(exc) or type(exc).__name__)
                if not worker.is_cancelled:
                    self.call_from_thread(self._corpus_failed, message)
                return
            if not worker.is_cancelled:
                self.call_from_thread(self._corpus_ready, info)

        self.run_worker(work, group="open", exclusive=True, thread=True)

    def _corpus_ready(self, info: StoreInfo) -> None:
        self.info = info
        self.data.error = None
        self.main.data_ready(info)

    def _corpus_failed(self, message: str) -> None:
        self.data.error = message
        self.main.data_failed(message)

    def reload_corpus(self) -> None:
        """Read the store again (e.g. after an ingest elsewhere replaced it)."""
        self.load(reload=True)

    def reset(self) -> None:
        """Back to the start view with filters, search and history cleared."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            self.pop_screen()
        self.main.reset()

    async def start_over(self) -> None:
        """A fresh main screen at the start view (kiosk mode, after an unexpected error)."""
        while len(self.screen_stack) > 1 and not isinstance(self.screen, MainScreen):
            await self.pop_screen()
        await self.switch_screen(MainScreen(self.data, kiosk=self.kiosk, size=self.size))
        self.load()

    # -- keys and actions -------------------------------------------------------------

    def allows(self, action: str, *, on_app: bool = False) -> bool:
        """False for actions kiosk mode refuses: it allows browsing only, and quitting only
        when allowed (`on_app`: an action of the app itself, not of the main screen)."""
        if not self.kiosk:
            return True
        return allowed(action, allow_quit=self.allow_quit, on_app=on_app)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.allows(action, on_app=True)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        if self.kiosk:
            return
        yield from super().get_system_commands(screen)

    async def on_event(self, event: events.Event) -> None:
        self.kiosk_saw(event)
        if (
            self.split_alt_keys
            and isinstance(event, events.Key)
            and event.key.startswith("alt+")
            and event.key.count("+") == 1
        ):
            # Over a slow link ESC and the next key can arrive together and read as Alt+key:
            # treat it as the Escape the user pressed, then (once Escape has taken effect)
            # the key.
            rest = events.Key(event.key[4:], event.character)
            self.post_message(events.Key("escape", "\x1b"))
            self.set_timer(SPLIT_KEY_DELAY, partial(self.post_message, rest))
            return
        await super().on_event(event)

    def action_help(self) -> None:
        """Show every key."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_open_source(self) -> None:
        """Open the reader's article URL in a browser (never in kiosk mode)."""
        detail = self.main.reader.detail if self.main.views_mounted else None
        if detail is None or not detail.row.url:
            self.notify("This article has no source URL.", markup=False)
            return
        self.open_url(safe.clean(detail.row.url))


def build_app(
    corpus: Corpus | None = None,
    *,
    kiosk: bool = False,
    loader: Loader | None = None,
    allow_quit: bool = True,
    idle_reset: float = DEFAULT_IDLE_RESET,
    store_poll: float = STORE_POLL_SECONDS,
) -> ForcewatchApp:
    """The explorer over `corpus` (or over what `loader` opens in a worker thread).

    kiosk: browse only — no URLs, screenshots, themes or suspend; quitting only when
    `allow_quit`; the palette lists navigation only; back to the start after `idle_reset`
    seconds without input (0: never); errors show a short notice instead of a traceback.
    The store is checked every `store_poll` seconds and reloaded when an ingest replaced it.
    """
    if corpus is None and loader is None:
        raise ValueError("build_app needs a corpus or a loader")
    keys.apply_escape_delay()
    return ForcewatchApp(
        Data(corpus, loader),
        kiosk=kiosk,
        allow_quit=allow_quit,
        idle_reset=idle_reset,
        store_poll=store_poll,
    )
