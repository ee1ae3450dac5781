"""Rebuild a store from the article texts it keeps: after a parser upgrade, a schema
change, or a lost or corrupt manifest."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .atomic import ignore_file_size_signal, writer_lock
from .errors import StoreError
from .ingest import FileError, Progress, prepare_text, run_parallel
from .layout import blob_dir, manifest_path
from .manifest import read_meta_only
from .prepare import ArticleData
from .tinyfile import read_tables
from .writer import commit_locked


@dataclass(frozen=True)
class ReindexReport:
    """What a reindex rebuilt, and whether it had to work without a readable manifest."""

    articles: int
    recovered: bool = False
    unreadable: tuple[str, ...] = ()


def _bodies(path: Path) -> dict[str, Any]:
    table = read_tables(path).get("bodies", {})
    return table if isinstance(table, dict) else {}


def _listed_texts(store: Path, names: list[Any]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for name in names:
        if not isinstance(name, str):
            continue
        path = blob_dir(store) / name
        try:
            docs = _bodies(path)
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"cannot reindex: {path} is unreadable ({exc})",
                "restore the store from a backup, or ingest the articles again",
            ) from None
        items.extend(
            (doc["raw"], str(doc.get("source") or ""))
            for doc in docs.values()
            if isinstance(doc, dict) and isinstance(doc.get("raw"), str)
        )
    return items


def _scavenged_texts(store: Path) -> tuple[list[tuple[str, str]], list[str]]:
    """Texts from every body blob on disk, newest generation per source path."""
    best: dict[str, tuple[int, str]] = {}
    unreadable: list[str] = []
    try:
        names = sorted(os.listdir(blob_dir(store)))
    except OSError:
        names = []
    for name in names:
        if not name.startswith("bodies-") or not name.endswith(".json"):
            continue
        try:
            docs = _bodies(blob_dir(store) / name)
        except (OSError, ValueError):
            unreadable.append(name)
            continue
        for doc in docs.values():
            if not isinstance(doc, dict) or not isinstance(doc.get("raw"), str):
                continue
            source = str(doc.get("source") or "")
            generation = doc.get("generation")
            rank = generation if isinstance(generation, int) else 0
            if source not in best or rank > best[source][0]:
                best[source] = (rank, doc["raw"])
    return [(raw, source) for source, (_, raw) in sorted(best.items())], unreadable


def reindex(
    store: Path, *, progress: Progress | None = None, workers: int | None = None
) -> ReindexReport:
    """Re-parse every stored raw text with the current parser and rewrite the whole store.

    Works on a store of any schema version whose manifest lists its body blobs; when the
    manifest is missing or unreadable, it recovers from the body blobs found on disk,
    keeping the newest text for each source path.
    """
    if not manifest_path(store).exists() and not blob_dir(store).is_dir():
        raise StoreError(f"no store at {store}", "nothing to reindex; run `forcewatch ingest`")
    ignore_file_size_signal()
    with writer_lock(store):
        recovered = False
        unreadable: list[str] = []
        try:
            meta, _ = read_meta_only(store)
        except StoreError:
            meta = {}
        blobs = meta.get("blobs")
        names = blobs.get("bodies") if isinstance(blobs, dict) else None
        if isinstance(names, list):
            items = _listed_texts(store, names)
        else:
            items, unreadable = _scavenged_texts(store)
            recovered = True
            if not items:
                raise StoreError(
                    f"cannot reindex {store}: no stored article texts were found",
                    "restore the store from a backup, or ingest the articles again",
                )
        batch: list[ArticleData] = []
        for (_, source), result in run_parallel(prepare_text, items, progress, workers):
            if isinstance(result, FileError):
                raise StoreError(f"cannot reindex {source}: {result}", "nothing was changed")
            batch.append(result)
        name = meta.get("name")
        commit_locked(store, batch, rebuild=True, name=name if isinstance(name, str) else None)
        return ReindexReport(len(batch), recovered, tuple(unreadable))
