"""Fixtures for store tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from store_helpers import seed_files


@pytest.fixture
def seeded(tmp_path: Path) -> Path:
    """A store built from the five seed articles."""
    from forcewatch.store.ingest import ingest

    store = tmp_path / "store"
    report = ingest(store, [str(p) for p in seed_files()])
    assert len(report.added) == 5 and not report.failed
    return store
