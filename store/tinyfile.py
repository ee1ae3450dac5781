"""Read and encode files in TinyDB's own JSON layout: {table: {doc_id: document}}."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tinydb.storages import JSONStorage

Tables = dict[str, dict[str, Any]]
JSON_FORMAT: dict[str, Any] = {"separators": (",", ":"), "ensure_ascii": True}  # json.dumps options
# One encoder with those options: json.dumps builds a new one per call when given options.
encode_json = json.JSONEncoder(**JSON_FORMAT).encode


def encode_tables(tables: Mapping[str, Mapping[int, Mapping[str, Any]]]) -> bytes:
    """Serialise tables of documents keyed by doc id, deterministically."""
    data = {name: {str(i): doc for i, doc in docs.items()} for name, docs in tables.items()}
    return encode_json(data).encode("ascii")


def encode_table_raw(name: str, docs: Mapping[int, Mapping[str, Any] | str]) -> bytes:
    """One table, as encode_tables would write it, splicing in documents given as JSON text."""
    parts = []
    for doc_id, doc in docs.items():
        text = doc if isinstance(doc, str) else encode_json(doc)
        parts.append(f'"{doc_id}":{text}')
    return (json.dumps(name) + ":{" + ",".join(parts) + "}").join("{}").encode("ascii")


def content_digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def read_tables(path: Path) -> Tables:
    """Read a TinyDB JSON file through TinyDB's storage; an empty file has no tables."""
    storage = JSONStorage(str(path), access_mode="r", encoding="utf-8")
    try:
        data = storage.read()
    finally:
        storage.close()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError("not a TinyDB file: the top level is not an object")
    return data
