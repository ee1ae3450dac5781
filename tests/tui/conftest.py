"""Fixtures for explorer tests: a real store built from the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from tui_helpers import build_store


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from the five seed articles (only ever opened read-only)."""
    return build_store(tmp_path_factory.mktemp("seeds"))
