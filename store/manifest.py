"""The manifest: a small TinyDB file holding meta, the article index and the summaries.

Tables other than `meta` hold their rows column-wise, in documents of up to CHUNK rows
each ({"title": [...], "date": [...], ...}): parsing a few long lists is about ten times
faster than parsing one small document per row, which is what keeps a 100k-article store
quick to open. Row references between tables are positions: an article's forces are
positions in the forces table, its speakers positions in the speakers table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from .errors import StoreError
from .layout import SCHEMA_VERSION, manifest_path
from .tinyfile import encode_tables, read_tables

CHUNK = 5000
# Small codes for repeated values: small ints are shared objects, so they cost nothing to
# parse or keep. Outlets are positions in meta["outlets"]; sources are kept relative to
# meta["source_root"], the folder all of them share.
PRECISIONS = ("day", "month", "year", "unknown")
DATE_SOURCES = ("front_matter", "dateline", "url", "none")


class IndexRow(NamedTuple):
    """What the article list needs about one article; kept in the manifest."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    source: str
    date: str | None
    precision: str
    date_source: str
    forces: tuple[str, ...]
    speakers: tuple[tuple[str, int], ...]  # (speaker key, quotes) in first-quoted order
    quotes: int
    slot: int  # dense number used by the full-text index


ARTICLE_COLUMNS = (
    "id", "title", "outlet", "url", "source", "date", "precision", "date_source",
    "forces", "speakers", "quotes", "slot",
)  # fmt: skip
FORCE_COLUMNS = ("name", "articles", "quotes", "events", "years")
SPEAKER_COLUMNS = ("key", "name", "kind", "role", "organisation", "quotes", "articles", "forces")

REINDEX_HINT = "run `forcewatch reindex` to rebuild it from the stored article texts"


@dataclass(frozen=True)
class ForceRow:
    """A force's summary as the manifest keeps it."""

    name: str
    articles: int
    quotes: int
    events: int
    years: tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class SpeakerRow:
    """A speaker's summary as the manifest keeps it."""

    key: str
    name: str
    kind: str
    role: str | None
    organisation: str | None
    quotes: int
    articles: int
    forces: tuple[str, ...]


@dataclass(frozen=True)
class RawManifest:
    """The manifest as read: its meta record and each table's columns, not yet decoded."""

    meta: dict[str, Any]
    articles: dict[str, list[Any]]
    forces: dict[str, list[Any]]
    speakers: dict[str, list[Any]]
    stat: os.stat_result


def stat_key(st: os.stat_result) -> tuple[int, int, int, int]:
    """What changes when the manifest is replaced: device, inode, mtime and size."""
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


def _columns(tables: dict[str, Any], name: str, columns: tuple[str, ...]) -> dict[str, list[Any]]:
    table = tables.get(name, {})
    if not isinstance(table, dict):
        raise ValueError(f"table {name!r} is not an object")
    out: dict[str, list[Any]] = {c: [] for c in columns}
    for doc_id in sorted(table, key=int):
        doc = table[doc_id]
        if not isinstance(doc, dict):
            raise ValueError(f"table {name!r} holds a document that is not an object")
        lengths = set()
        for column in columns:
            values = doc.get(column)
            if not isinstance(values, list):
                raise ValueError(f"table {name!r} lacks column {column!r}")
            lengths.add(len(values))
            out[column].extend(values)
        if len(lengths) > 1:
            raise ValueError(f"table {name!r} has columns of different lengths")
    return out


def read_meta_only(store: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The manifest's meta record and all its tables, for any schema version (for reindex)."""
    path = manifest_path(store)
    try:
        tables = read_tables(path)
    except (OSError, ValueError) as exc:
        raise _unreadable(path, exc) from None
    meta_table = tables.get("meta")
    if not isinstance(meta_table, dict) or not meta_table:
        raise StoreError(f"the store file {path} has no meta record", REINDEX_HINT)
    meta = next(iter(meta_table.values()))
    if not isinstance(meta, dict):
        raise StoreError(f"the store file {path} has a broken meta record", REINDEX_HINT)
    return meta, tables


def _unreadable(path: Path, exc: Exception) -> StoreError:
    if isinstance(exc, FileNotFoundError):
        return StoreError(
            f"no store at {path.parent}",
            "run `forcewatch ingest PATH` to create one, or pass --db PATH",
        )
    if isinstance(exc, PermissionError):
        return StoreError(f"cannot read {path}: permission denied", "check the file's permissions")
    if isinstance(exc, OSError):
        return StoreError(f"cannot read {path}: {exc.strerror}", "check the disk and permissions")
    reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
    return StoreError(
        f"the store file {path} is corrupt ({reason})",
        "run `forcewatch reindex` to rebuild it from the stored article texts, "
        "or restore it from a backup",
    )


def load_raw(store: Path) -> RawManifest:
    """Read and check the manifest; a missing, corrupt or other-schema store is a StoreError."""
    path = manifest_path(store)
    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
        meta, tables = read_meta_only(store)
    except OSError as exc:
        raise _unreadable(path, exc) from None
    version = meta.get("schema_version")
    if version != SCHEMA_VERSION:
        raise StoreError(
            f"the store at {store} was written with schema version {version!r}; "
            f"this forcewatch reads version {SCHEMA_VERSION}",
            REINDEX_HINT,
        )
    try:
        articles = _columns(tables, "articles", ARTICLE_COLUMNS)
        forces = _columns(tables, "forces", FORCE_COLUMNS)
        speakers = _columns(tables, "speakers", SPEAKER_COLUMNS)
        if not isinstance(meta.get("blobs"), dict):
            raise ValueError("meta lacks the blob list")
        _check_codes(meta, articles)
    except ValueError as exc:
        raise _unreadable(path, exc) from None
    return RawManifest(meta=meta, articles=articles, forces=forces, speakers=speakers, stat=st)


def _check_codes(meta: dict[str, Any], articles: dict[str, list[Any]]) -> None:
    outlets = meta.get("outlets")
    if not isinstance(outlets, list) or not isinstance(meta.get("source_root"), str):
        raise ValueError("meta lacks the outlet list or the source folder")
    for column, size in (
        ("outlet", len(outlets)),
        ("precision", len(PRECISIONS)),
        ("date_source", len(DATE_SOURCES)),
    ):
        values = articles[column]
        if values and not (min(values) >= -1 and max(values) < size):
            raise ValueError(f"column {column!r} holds an unknown code")


def outlet_names(raw: RawManifest) -> list[str | None]:
    """Each article's outlet (None when unknown), sharing one string per outlet."""
    names: list[str | None] = [*raw.meta["outlets"], None]  # code -1 picks the None
    return [names[code] for code in raw.articles["outlet"]]


def split_refs(value: str) -> list[int]:
    return [int(v) for v in value.split()] if value else []


def split_counted(value: str) -> list[tuple[int, int]]:
    pairs = []
    for item in value.split():
        ref, _, count = item.partition(":")
        pairs.append((int(ref), int(count or 1)))
    return pairs


def decode_forces(raw: RawManifest) -> list[ForceRow]:
    """The force summaries of a manifest."""
    return force_rows(raw.forces)


def force_rows(cols: dict[str, Any]) -> list[ForceRow]:
    """Force summaries from the manifest's force columns."""
    return [
        ForceRow(
            name=cols["name"][i],
            articles=cols["articles"][i],
            quotes=cols["quotes"][i],
            events=cols["events"][i],
            years=tuple(split_counted(cols["years"][i])),
        )
        for i in range(len(cols["name"]))
    ]


def decode_speakers(raw: RawManifest, force_names: list[str]) -> list[SpeakerRow]:
    cols = raw.speakers
    return [
        SpeakerRow(
            key=cols["key"][i],
            name=cols["name"][i],
            kind=cols["kind"][i],
            role=cols["role"][i],
            organisation=cols["organisation"][i],
            quotes=cols["quotes"][i],
            articles=cols["articles"][i],
            forces=tuple(force_names[r] for r in split_refs(cols["forces"][i])),
        )
        for i in range(len(cols["key"]))
    ]


def decode_rows(
    raw: RawManifest, force_names: list[str], speaker_keys: list[str]
) -> list[IndexRow]:
    cols = raw.articles
    outlets = outlet_names(raw)
    root = raw.meta["source_root"]
    return [
        IndexRow(
            id=cols["id"][i],
            title=cols["title"][i],
            outlet=outlets[i],
            url=cols["url"][i],
            source=root + cols["source"][i],
            date=cols["date"][i],
            precision=PRECISIONS[cols["precision"][i]],
            date_source=DATE_SOURCES[cols["date_source"][i]],
            forces=tuple(force_names[r] for r in split_refs(cols["forces"][i])),
            speakers=tuple((speaker_keys[r], n) for r, n in split_counted(cols["speakers"][i])),
            quotes=cols["quotes"][i],
            slot=cols["slot"][i],
        )
        for i in range(len(cols["id"]))
    ]


def _chunked(columns: tuple[str, ...], rows: list[tuple[Any, ...]]) -> dict[int, dict[str, Any]]:
    docs: dict[int, dict[str, Any]] = {}
    for start in range(0, len(rows), CHUNK):
        part = rows[start : start + CHUNK]
        docs[start // CHUNK + 1] = {c: [r[i] for r in part] for i, c in enumerate(columns)}
    return docs


def _refs(positions: dict[str, int], names: tuple[str, ...]) -> str:
    return " ".join(str(positions[n]) for n in names if n in positions)


def _counted(positions: dict[str, int], pairs: tuple[tuple[str, int], ...]) -> str:
    return " ".join(f"{positions[k]}:{n}" for k, n in pairs)


def _code(values: tuple[str, ...], value: str) -> int:
    return values.index(value) if value in values else len(values) - 1


def source_root(sources: Iterable[str]) -> str:
    """The longest folder prefix (ending in a separator) that every source starts with."""
    common = os.path.commonprefix(list(sources))  # noqa: RUF071 - cut at a separator below
    cut = max(common.rfind("/"), common.rfind(os.sep))
    return common[: cut + 1]


def encode_manifest(
    meta: dict[str, Any],
    rows: list[IndexRow],
    forces: list[ForceRow],
    speakers: list[SpeakerRow],
) -> bytes:
    """The manifest's bytes; rows, forces and speakers must already be in display order."""
    force_pos = {f.name: i for i, f in enumerate(forces)}
    speaker_pos = {s.key: i for i, s in enumerate(speakers)}
    outlets = sorted({r.outlet for r in rows if r.outlet})
    outlet_pos = {name: i for i, name in enumerate(outlets)}
    root = source_root(r.source for r in rows)
    cut = len(root)
    article_rows = [
        (
            r.id,
            r.title,
            outlet_pos[r.outlet] if r.outlet else -1,
            r.url,
            r.source[cut:],
            r.date,
            _code(PRECISIONS, r.precision),
            _code(DATE_SOURCES, r.date_source),
            _refs(force_pos, r.forces),
            _counted(speaker_pos, r.speakers),
            r.quotes,
            r.slot,
        )
        for r in rows
    ]
    meta = {**meta, "outlets": outlets, "source_root": root}
    force_rows = [
        (f.name, f.articles, f.quotes, f.events, " ".join(f"{y}:{n}" for y, n in f.years))
        for f in forces
    ]
    speaker_rows = [
        (
            s.key,
            s.name,
            s.kind,
            s.role,
            s.organisation,
            s.quotes,
            s.articles,
            _refs(force_pos, s.forces),
        )
        for s in speakers
    ]
    return encode_tables(
        {
            "meta": {1: meta},
            "articles": _chunked(ARTICLE_COLUMNS, article_rows),
            "forces": _chunked(FORCE_COLUMNS, force_rows),
            "speakers": _chunked(SPEAKER_COLUMNS, speaker_rows),
        }
    )
