"""Commit a batch of prepared articles: one locked, atomic write per batch.

Protocol: take the writer lock, drop temp files a killed writer left, re-read the
manifest, write the changed shards as new content-addressed blobs (unchanged shards are
reused), fsync them, then replace the manifest atomically: that rename is the commit
point. Finally delete blobs that neither the new nor the previous manifest references, so
a reader still on the previous manifest can finish its lazy loads.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from .atomic import (
    describe_os_error,
    fsync_dir,
    ignore_file_size_signal,
    remove_temps,
    write_atomic,
    writer_lock,
)
from .errors import StoreError
from .layout import BLOB_KINDS, SCHEMA_VERSION, blob_dir, blob_name, is_temp, manifest_path
from .manifest import (
    ForceRow,
    IndexRow,
    SpeakerRow,
    decode_forces,
    decode_rows,
    decode_speakers,
    encode_manifest,
    load_raw,
    read_meta_only,
)
from .parse import PARSER_VERSION
from .prepare import ArticleData, DocEntry, body_terms, event_entry, figure_entry, quote_entry
from .shards import shard_count, shard_of
from .textindex import decode_postings, encode_postings, term_shard_key
from .tinyfile import content_digest, encode_table_raw, encode_tables, read_tables

Doc = dict[str, Any]


@dataclass(frozen=True)
class CommitResult:
    """What a commit changed, by source path."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    written: bool = False
    generation: int = 0
    articles: int = 0


@dataclass
class _Old:
    """The store as it was when the writer took the lock."""

    meta: dict[str, Any] = field(default_factory=dict)
    rows: list[IndexRow] = field(default_factory=list)
    forces: list[ForceRow] = field(default_factory=list)
    speakers: list[SpeakerRow] = field(default_factory=list)
    blobs: dict[str, list[str | None]] = field(default_factory=dict)
    mode: int | None = None

    def shard_files(self, kind: str) -> list[str | None]:
        return list(self.blobs.get(kind) or [None])


def _load_old(store: Path, rebuild: bool) -> _Old:
    path = manifest_path(store)
    if not path.exists():
        return _Old()
    mode = path.stat().st_mode & 0o7777
    if rebuild:
        try:
            meta, _ = read_meta_only(store)
        except StoreError:
            return _Old(mode=mode)
        blobs = meta.get("blobs") if isinstance(meta.get("blobs"), dict) else {}
        return _Old(meta={"generation": meta.get("generation", 0), "name": meta.get("name")},
                    blobs=_blob_lists(blobs), mode=mode)  # fmt: skip
    raw = load_raw(store)
    forces = decode_forces(raw)
    speakers = decode_speakers(raw, [f.name for f in forces])
    rows = decode_rows(raw, [f.name for f in forces], [s.key for s in speakers])
    return _Old(raw.meta, rows, forces, speakers, _blob_lists(raw.meta["blobs"]), mode)


def _blob_lists(blobs: Any) -> dict[str, list[str | None]]:
    out: dict[str, list[str | None]] = {}
    if isinstance(blobs, dict):
        for kind, names in blobs.items():
            if isinstance(names, list):
                out[str(kind)] = [n if isinstance(n, str) else None for n in names]
    return out


def display_order(rows: Iterable[IndexRow]) -> list[IndexRow]:
    """Newest first, undated last; ties by title then id. The manifest keeps rows so."""
    ordered = sorted(rows, key=lambda r: (r.title.casefold(), r.id))
    ordered.sort(key=lambda r: r.date or "", reverse=True)
    return ordered


class _BlobWriter:
    """Writes blobs once each (content-addressed) and remembers the ones it created."""

    def __init__(self, directory: Path, mode: int | None) -> None:
        self.directory = directory
        self.mode = mode
        self.created: list[Path] = []

    def write(self, kind: str, shard: int, tables: dict[str, dict[int, Doc]]) -> str:
        return self._store(kind, shard, encode_tables(tables))

    def write_raw(self, kind: str, shard: int, docs: dict[int, Doc | str]) -> str:
        """Like write, for one table whose documents may already be serialised."""
        return self._store(kind, shard, encode_table_raw(kind, docs))

    def _store(self, kind: str, shard: int, data: bytes) -> str:
        name = blob_name(kind, shard, content_digest(data))
        path = self.directory / name
        if not path.exists():
            write_atomic(path, data, self.mode, sync_dir=False)
            self.created.append(path)
        return name


class _ShardReader:
    """Reads the previous generation's shards, each at most once."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.cache: dict[str, dict[str, Doc]] = {}

    def docs(self, kind: str, name: str | None) -> dict[str, Doc]:
        if name is None:
            return {}
        if name not in self.cache:
            path = self.directory / name
            try:
                table = read_tables(path).get(kind, {})
            except (OSError, ValueError) as exc:
                raise StoreError(
                    f"cannot read {path}: {exc}",
                    "run `forcewatch reindex`, or restore the store from a backup",
                ) from None
            self.cache[name] = table if isinstance(table, dict) else {}
        return self.cache[name]


@dataclass
class _Change:
    """The batch against the old store: what goes out and what comes in."""

    removed: dict[int, Doc]  # article id -> its old body
    removed_rows: list[IndexRow]
    added: list[ArticleData]


_ENTRY: dict[str, Callable[[Doc], DocEntry]] = {
    "quotes": quote_entry,
    "events": event_entry,
    "figures": figure_entry,
}


_order = itemgetter(0)  # DocEntry.order: a document's place within its shard


def _with_generation(body_json: str, generation: int) -> str:
    """The serialised body with the commit generation added as its last key."""
    return f'{body_json[:-1]},"generation":{generation}}}'


def _update_docs(
    kind: str,
    old: _Old,
    count: int,
    change: _Change,
    reader: _ShardReader,
    writer: _BlobWriter,
) -> tuple[list[str | None], dict[int, list[DocEntry]]]:
    """New shard list for quotes/events/figures; also the entries of each rewritten shard."""
    entry_of = _ENTRY[kind]
    old_files = old.shard_files(kind)
    removed_ids = set(change.removed)
    added: defaultdict[int, list[DocEntry]] = defaultdict(list)
    shard_by_route: dict[str | int, int] = {}  # few speakers and forces route many documents
    for art in change.added:
        for entry in getattr(art, kind):
            number = shard_by_route.get(entry.route)
            if number is None:
                number = shard_by_route[entry.route] = shard_of(entry.route, count)
            added[number].append(entry)
    removed_docs: list[Doc] = []
    for aid, body in change.removed.items():
        removed_docs.extend(_removed_routing(kind, aid, body))

    new_files: list[str | None]
    kept: defaultdict[int, list[DocEntry]] = defaultdict(list)
    if count != len(old_files):
        touched = set(range(count))
        for name in old_files:
            for doc in reader.docs(kind, name).values():
                if doc.get("a") not in removed_ids:
                    entry = entry_of(doc)
                    kept[shard_of(entry.route, count)].append(entry)
        new_files = [None] * count
    else:
        touched = set(added) | {shard_of(entry_of(d).route, count) for d in removed_docs}
        for shard in touched:
            old_docs = reader.docs(kind, old_files[shard]).values()
            kept[shard] = [entry_of(d) for d in old_docs if d.get("a") not in removed_ids]
        new_files = list(old_files)

    written: dict[int, list[DocEntry]] = {}
    for shard in sorted(touched):
        entries = sorted(kept[shard] + added[shard], key=_order)
        written[shard] = entries
        if entries:
            table = {i: e.doc for i, e in enumerate(entries, 1)}
            new_files[shard] = writer.write_raw(kind, shard, table)
        else:
            new_files[shard] = None
    return new_files, written


def _removed_routing(kind: str, aid: int, body: Doc) -> list[Doc]:
    """Stand-in docs carrying the routing keys of a removed article's documents."""
    routing = body.get("store") or {}
    if kind == "quotes":
        return [{"a": aid, "k": k} for k in routing.get("speakers", ())]
    if kind == "events":
        return [{"a": aid, "tf": tf} for tf in routing.get("timelines", ())]
    return [{"a": aid}]


def _update_bodies(
    old: _Old,
    count: int,
    change: _Change,
    reader: _ShardReader,
    writer: _BlobWriter,
    generation: int,
) -> list[str | None]:
    old_files = old.shard_files("bodies")
    removed_ids = set(change.removed)
    added: defaultdict[int, dict[int, str]] = defaultdict(dict)
    for art in change.added:
        # The generation lets a recovery without the manifest tell newer bodies from older.
        added[shard_of(art.id, count)][art.id] = _with_generation(art.body_json, generation)
    kept: defaultdict[int, dict[int, Doc]] = defaultdict(dict)
    if count != len(old_files):
        touched = set(range(count))
        for name in old_files:
            for doc_id, doc in reader.docs("bodies", name).items():
                if int(doc_id) not in removed_ids:
                    kept[shard_of(int(doc_id), count)][int(doc_id)] = doc
        new_files: list[str | None] = [None] * count
    else:
        touched = set(added) | {shard_of(aid, count) for aid in removed_ids}
        for shard in touched:
            docs = reader.docs("bodies", old_files[shard])
            kept[shard] = {int(k): d for k, d in docs.items() if int(k) not in removed_ids}
        new_files = list(old_files)
    for shard in sorted(touched):
        merged: dict[int, Doc | str] = {**kept[shard], **added[shard]}
        table = {aid: merged[aid] for aid in sorted(merged)}
        new_files[shard] = writer.write_raw("bodies", shard, table) if table else None
    return new_files


def _invert(
    articles: list[ArticleData], slots: dict[int, int]
) -> dict[str, tuple[list[int], list[int]]]:
    """Each term's postings, (slots, counts), from articles given in ascending slot order.

    There is one posting per article and term (millions for a large batch), so each article's
    terms are filed by map() over C-level appends rather than by a Python loop per term.
    """
    slot_lists: defaultdict[str, list[int]] = defaultdict(list)
    count_lists: defaultdict[str, list[int]] = defaultdict(list)
    for art in articles:
        words, counts = art.term_lists()
        deque(map(list.append, map(slot_lists.__getitem__, words), repeat(slots[art.id])), 0)
        deque(map(list.append, map(count_lists.__getitem__, words), counts), 0)
    return {term: (found, count_lists[term]) for term, found in slot_lists.items()}


def _update_terms(
    old: _Old,
    count: int,
    change: _Change,
    slots: dict[int, int],
    reader: _ShardReader,
    writer: _BlobWriter,
) -> list[str | None]:
    """Rewrite the term shards the batch touches; postings are ascending article slots."""
    old_files = old.shard_files("terms")
    removed_slots = {r.slot for r in change.removed_rows}
    removed_terms: set[str] = set()
    for body in change.removed.values():
        removed_terms.update(body_terms(body))

    new_postings = _invert(sorted(change.added, key=lambda a: slots[a.id]), slots)

    shard_by_prefix: dict[str, int] = {}

    def shard(term: str) -> int:
        prefix = term_shard_key(term)
        number = shard_by_prefix.get(prefix)
        if number is None:
            number = shard_by_prefix[prefix] = shard_of(prefix, count)
        return number

    removed_by_shard: defaultdict[int, list[str]] = defaultdict(list)
    for term in removed_terms:
        removed_by_shard[shard(term)].append(term)
    added_by_shard: defaultdict[int, list[str]] = defaultdict(list)
    for term in new_postings:
        added_by_shard[shard(term)].append(term)

    kept: defaultdict[int, dict[str, str]] = defaultdict(dict)
    if count != len(old_files):
        touched = set(range(count))
        for name in old_files:
            for doc in reader.docs("terms", name).values():
                kept[shard(doc["t"])][doc["t"]] = doc["p"]
        new_files: list[str | None] = [None] * count
    else:
        touched = set(removed_by_shard) | set(added_by_shard)
        for number in touched:
            term_docs = reader.docs("terms", old_files[number]).values()
            kept[number] = {d["t"]: d["p"] for d in term_docs}
        new_files = list(old_files)

    for number in sorted(touched):
        postings = kept[number]
        for term in removed_by_shard[number]:
            if term in postings:
                have, counts = decode_postings(postings[term])
                pairs = [
                    (s, c) for s, c in zip(have, counts, strict=True) if s not in removed_slots
                ]
                if pairs:
                    postings[term] = encode_postings([s for s, _ in pairs], [c for _, c in pairs])
                else:
                    del postings[term]
        for term in added_by_shard[number]:
            new_slots, new_counts = new_postings[term]
            if term in postings:
                have, counts = decode_postings(postings[term])
                have.extend(new_slots)
                counts.extend(new_counts)
                postings[term] = encode_postings(have, counts)
            else:
                postings[term] = encode_postings(new_slots, new_counts)
        table = {i: {"t": t, "p": postings[t]} for i, t in enumerate(sorted(postings), 1)}
        new_files[number] = writer.write("terms", number, {"terms": table}) if table else None
    return new_files


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _force_rows(
    rows: list[IndexRow], old: _Old, events: dict[int, list[DocEntry]], event_shards: int
) -> list[ForceRow]:
    articles: Counter[str] = Counter()
    quotes: Counter[str] = Counter()
    years: defaultdict[str, Counter[int]] = defaultdict(Counter)
    for row in rows:
        year = _year(row.date)
        for force in row.forces:
            articles[force] += 1
            quotes[force] += row.quotes
            if year is not None:
                years[force][year] += 1
    # All of a force's timeline entries live in one shard, so a rewritten shard holds every
    # entry of its forces: recount those, keep the old count for the others.
    recount: Counter[str] = Counter(e.facts[0] for entries in events.values() for e in entries)
    event_counts = {f.name: f.events for f in old.forces}
    for name in set(event_counts) | set(recount):
        if shard_of(name, event_shards) in events:
            event_counts[name] = recount.get(name, 0)
    names = {n for n in set(articles) | {n for n, c in event_counts.items() if c} if n}
    out = [
        ForceRow(
            name=n,
            articles=articles[n],
            quotes=quotes[n],
            events=event_counts.get(n, 0),
            years=tuple(sorted(years[n].items())),
        )
        for n in names
    ]
    out.sort(key=lambda f: (-f.articles, -f.events, f.name))
    return out


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], -len(v), v))


def _speaker_rows(
    rows: list[IndexRow], old: _Old, quote_shards: dict[int, list[DocEntry]]
) -> list[SpeakerRow]:
    quotes: Counter[str] = Counter()
    articles: Counter[str] = Counter()
    forces: defaultdict[str, dict[str, int]] = defaultdict(dict)
    for row in rows:
        for key, n in row.speakers:
            quotes[key] += n
            articles[key] += 1
            tally = forces[key]
            for force in row.forces:
                tally[force] = tally.get(force, 0) + 1
    details = {s.key: (s.name, s.kind, s.role, s.organisation) for s in old.speakers}
    # Quote facts: (key, speaker, kind, role, organisation).
    by_key: defaultdict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for entries in quote_shards.values():
        for entry in entries:
            by_key[entry.facts[0]].append(entry.facts)
    for key, facts in by_key.items():
        if len(set(facts)) == 1:  # the usual case: every quote says the same of its speaker
            _, name, kind, role, org = facts[0]
            details[key] = (name or key, kind or "person", role or None, org or None)
            continue
        details[key] = (
            _most_common(f[1] for f in facts) or key,
            _most_common(f[2] for f in facts) or "person",
            _most_common(f[3] for f in facts),
            _most_common(f[4] for f in facts),
        )
    out = []
    for key in quotes:
        name, kind, role, org = details.get(key, (key, "person", None, None))
        ranked = sorted(forces[key], key=lambda f: (-forces[key][f], f))
        summary = SpeakerRow(key, name, kind, role, org, quotes[key], articles[key], tuple(ranked))
        out.append(summary)
    out.sort(key=lambda s: (-s.quotes, s.key))
    return out


def _diff(old: _Old, batch: Sequence[ArticleData]) -> tuple[_Change, CommitResult]:
    by_id = {r.id: r for r in old.rows}
    by_source = {r.source: r.id for r in old.rows}
    first: dict[str, ArticleData] = {}
    for art in batch:
        first.setdefault(art.row.source, art)
    removed_ids = {
        by_source[s] for s, art in first.items() if s in by_source and by_source[s] != art.id
    }
    added: dict[int, ArticleData] = {}
    statuses: dict[str, list[str]] = {"added": [], "replaced": [], "unchanged": []}
    for source, art in first.items():
        if (art.id in by_id and art.id not in removed_ids) or art.id in added:
            statuses["unchanged"].append(source)
            continue
        added[art.id] = art
        statuses["replaced" if source in by_source else "added"].append(source)
    change = _Change(
        removed={aid: {} for aid in removed_ids},
        removed_rows=[by_id[aid] for aid in removed_ids],
        added=list(added.values()),
    )
    result = CommitResult(
        added=tuple(statuses["added"]),
        replaced=tuple(statuses["replaced"]),
        unchanged=tuple(statuses["unchanged"]),
    )
    return change, result


def commit(
    store: Path,
    batch: Sequence[ArticleData],
    *,
    name: str | None = None,
    rebuild: bool = False,
) -> CommitResult:
    """Store a batch under the writer lock; with rebuild, the batch replaces everything."""
    ignore_file_size_signal()
    try:
        blob_dir(store).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot create the store at {store}: {describe_os_error(exc)}",
            "pass --db PATH to use another folder",
        ) from None
    with writer_lock(store):
        return commit_locked(store, batch, name=name, rebuild=rebuild)


def commit_locked(
    store: Path,
    batch: Sequence[ArticleData],
    *,
    name: str | None = None,
    rebuild: bool = False,
) -> CommitResult:
    """`commit` for a caller that already holds the writer lock."""
    blobs = blob_dir(store)
    remove_temps(store)
    remove_temps(blobs)
    old = _load_old(store, rebuild)
    previous = old
    if rebuild:
        old = _Old(meta=old.meta, mode=old.mode)
    change, result = _diff(old, batch)
    generation = int(old.meta.get("generation", 0)) + 1
    if not rebuild and not change.added and not change.removed:
        return CommitResult(
            unchanged=result.unchanged, generation=generation - 1, articles=len(old.rows)
        )

    reader = _ShardReader(blobs)
    writer = _BlobWriter(blobs, old.mode)
    try:
        body_files = old.shard_files("bodies")
        for aid in change.removed:
            shard = shard_of(aid, len(body_files))
            change.removed[aid] = reader.docs("bodies", body_files[shard]).get(str(aid), {})
        new_meta, rows, forces, speakers = _build(
            store, old, change, reader, writer, name, generation
        )
        # Each blob was fsynced before its rename; make the renames durable too.
        fsync_dir(blobs)
        write_atomic(
            manifest_path(store), encode_manifest(new_meta, rows, forces, speakers), old.mode
        )
    except OSError as exc:
        for path in writer.created:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        remove_temps(blobs)
        remove_temps(store)
        raise StoreError(
            f"cannot write the store at {store}: {describe_os_error(exc)}",
            "nothing was changed; free some space or raise the limit and try again",
        ) from None
    _delete_unreferenced(blobs, new_meta["blobs"], previous.blobs)
    return CommitResult(
        added=result.added,
        replaced=result.replaced,
        unchanged=result.unchanged,
        written=True,
        generation=generation,
        articles=len(rows),
    )


def _build(
    store: Path,
    old: _Old,
    change: _Change,
    reader: _ShardReader,
    writer: _BlobWriter,
    name: str | None,
    generation: int,
) -> tuple[dict[str, Any], list[IndexRow], list[ForceRow], list[SpeakerRow]]:
    next_slot = int(old.meta.get("next_slot", 0))
    slots: dict[int, int] = {}
    for art in sorted(change.added, key=lambda a: a.id):
        slots[art.id] = next_slot
        next_slot += 1
    kept_rows = [r for r in old.rows if r.id not in change.removed]
    rows = display_order(kept_rows + [a.row._replace(slot=slots[a.id]) for a in change.added])

    counts_old: dict[str, Any] = old.meta.get("counts") or {}
    n_quotes = sum(r.quotes for r in rows)
    n_events = int(counts_old.get("events", 0)) + sum(a.events_count for a in change.added)
    n_figures = int(counts_old.get("figures", 0)) + sum(len(a.figures) for a in change.added)
    for body in change.removed.values():
        n_events -= len(body.get("events") or ())
        n_figures -= len(body.get("figures") or ())
    n_event_docs = int(counts_old.get("event_entries", 0)) + sum(
        len(a.events) for a in change.added
    )
    for body in change.removed.values():
        n_event_docs -= int((body.get("store") or {}).get("entries", 0))

    shard_counts = {
        "bodies": shard_count("bodies", len(rows)),
        "quotes": shard_count("quotes", n_quotes),
        "events": shard_count("events", n_event_docs),
        "figures": shard_count("figures", n_figures),
        "terms": shard_count("terms", len(rows)),
    }
    blob_lists: dict[str, list[str | None]] = {}
    blob_lists["bodies"] = _update_bodies(
        old, shard_counts["bodies"], change, reader, writer, generation
    )
    blob_lists["quotes"], quote_shards = _update_docs(
        "quotes", old, shard_counts["quotes"], change, reader, writer
    )
    blob_lists["events"], event_shards = _update_docs(
        "events", old, shard_counts["events"], change, reader, writer
    )
    blob_lists["figures"], _ = _update_docs(
        "figures", old, shard_counts["figures"], change, reader, writer
    )
    blob_lists["terms"] = _update_terms(old, shard_counts["terms"], change, slots, reader, writer)

    forces = _force_rows(rows, old, event_shards, shard_counts["events"])
    speakers = _speaker_rows(rows, old, quote_shards)
    meta = {
        "schema_version": SCHEMA_VERSION,
        "parser_version": PARSER_VERSION,
        "generation": generation,
        "name": name or old.meta.get("name") or store.name,
        "blobs": {kind: blob_lists[kind] for kind in BLOB_KINDS},
        "counts": {
            "articles": len(rows),
            "forces": len(forces),
            "speakers": len(speakers),
            "quotes": n_quotes,
            "events": n_events,
            "event_entries": n_event_docs,
            "figures": n_figures,
        },
        "next_slot": next_slot,
    }
    return meta, rows, forces, speakers


def _delete_unreferenced(
    blobs: Path, new: dict[str, list[str | None]], previous: dict[str, list[str | None]]
) -> None:
    keep = {n for names in (*new.values(), *previous.values()) for n in names if n}
    try:
        entries = list(os.scandir(blobs))
    except OSError:
        return
    for entry in entries:
        if entry.name not in keep and not is_temp(entry.name):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
