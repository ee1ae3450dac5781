"""Where a store lives and how the files inside its directory are named."""

from __future__ import annotations

import os
from pathlib import Path

SCHEMA_VERSION = 2
MANIFEST = "forcewatch.json"
BLOBS = "blobs"
LOCK = ".lock"
TEMP_MARK = ".tmp-"
ENV_VAR = "FORCEWATCH_DB"

BLOB_KINDS = ("bodies", "quotes", "events", "figures", "terms")


def default_store_path() -> Path:
    """The per-user store: <user data dir>/forcewatch/store."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("forcewatch")) / "store"


def resolve_store_path(db: str | os.PathLike[str] | None = None) -> Path:
    """The store directory: an explicit path, else $FORCEWATCH_DB, else the default."""
    if db:
        return Path(db).expanduser()
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return default_store_path()


def manifest_path(store: Path) -> Path:
    return store / MANIFEST


def blob_dir(store: Path) -> Path:
    return store / BLOBS


def blob_name(kind: str, shard: int, digest: str) -> str:
    """A content-addressed blob file name: kind, shard number and content hash."""
    return f"{kind}-{shard:04d}-{digest}.json"


def is_temp(name: str) -> bool:
    return TEMP_MARK in name
