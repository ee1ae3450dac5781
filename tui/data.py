"""The app's hold on a corpus: one lock so worker threads query it one at a time."""

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
    """A corpus that may arrive later, behind a lock shared by every worker thread."""

    def __init__(self, corpus: Corpus | None = None, loader: Loader | None = None) -> None:
        self._corpus = corpus
        self._loader = loader
        self._lock = threading.RLock()
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
        """The corpus, held exclusively for the duration of the block."""
        with self._lock:
            if self._corpus is None:
                raise NotLoaded("the store is not open")
            yield self._corpus
