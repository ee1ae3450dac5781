"""The bundled seed articles, and building a store from them."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from pathlib import Path

from .ingest import EXTENSIONS, IngestReport, Progress, ingest

SEED_STORE_NAME = "bundled seeds"


@contextmanager
def seed_folder() -> Iterator[Path]:
    """A folder holding the bundled seed articles (the package folder when it is one)."""
    root = files("forcewatch.seeds")
    if isinstance(root, Path):
        yield root
        return
    with tempfile.TemporaryDirectory(prefix="forcewatch-seeds-") as tmp:
        for item in root.iterdir():
            if item.name.lower().endswith(EXTENSIONS):
                (Path(tmp) / item.name).write_bytes(item.read_bytes())
        yield Path(tmp)


def seed_store(store: Path, progress: Progress | None = None) -> IngestReport:
    """Build (or update) a store from the bundled seeds."""
    with seed_folder() as folder:
        paths = sorted(str(p) for p in folder.iterdir() if p.name.lower().endswith(EXTENSIONS))
        return ingest(store, paths, progress=progress, name=SEED_STORE_NAME)
