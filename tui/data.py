"""The app's hold on a corpus that may open later, shared by the worker threads."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from forcewatch.store.api import Corpus

Loader = Callable[[], Corpus]
"""Opens a corpus; called in a worker thread so the first paint comes before the data."""


class NotLoaded(RuntimeError):
    """The corpus is not open yet (or failed to open)."""


class Data:
    """A corpus that may arrive later, queried from worker threads.

    The store is safe to query from several threads at once, so a quick list query never
    waits behind a slow facet count. `serial=True` makes queries take turns, for a corpus
    that is not thread-safe.
    """

    def __init__(
        self, corpus: Corpus | None = None, loader: Loader | None = None, *, serial: bool = False
    ) -> None:
        self._corpus = corpus
        self._loader = loader
        self._lock = threading.RLock()
        self._serial = serial
        self.error: str | None = None

    @property
    def ready(self) -> bool:
        """True once a corpus is open."""
        return self._corpus is not None

    def load(self) -> Corpus:
        """Open the corpus with the loader (in a worker thread) unless it is already open."""
        with self._lock:
            if self._corpus is None:
                if self._loader is None:
                    raise NotLoaded("no corpus and no way to open one")
                self._corpus = self._loader()
            return self._corpus

    @contextmanager
    def use(self) -> Iterator[Corpus]:
        """The corpus (held exclusively for the block when queries are serial)."""
        corpus = self._corpus
        if corpus is None:
            raise NotLoaded("the store is not open")
        if not self._serial:
            yield corpus
            return
        with self._lock:
            yield corpus
