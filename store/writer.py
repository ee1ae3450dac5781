"""Commit a batch of prepared articles: one locked, atomic write per batch.

Protocol: take the writer lock, drop temp files a killed writer left, re-read the
manifest, write the changed shards as new content-addressed blobs (unchanged shards are
reused), fsync them, then replace the manifest atomically: that rename is the commit
point. Finally delete blobs that neither the new nor the previous manifest references, so
a reader still on the previous manifest can finish its lazy loads.

The batch comes staged by shard bucket (staging.py), and each kind of blob is rewritten a
few shards at a time, so only those shards' old and new documents are in memory at once.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from math import gcd
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
from .staging import Staged, Staging, TermRecord, bucket_groups
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
    """Reads the previous generation's shards, keeping each until it is released."""

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

    def release(self, name: str | None) -> None:
        """Forget a shard that no later step reads."""
        if name is not None:
            self.cache.pop(name, None)


class _OldShards:
    """Which old shards feed each new shard of a kind, and when an old one can be let go.

    With an unchanged shard count, new shard n is old shard n. Otherwise a key's old and new
    shard numbers agree modulo the greatest common divisor of the two counts, so new shard
    n draws on the old shards congruent to it.
    """

    def __init__(self, old_files: list[str | None], count: int, reader: _ShardReader) -> None:
        self.old_files = old_files
        self.same = count == len(old_files)
        self.step = gcd(count, len(old_files))
        self.left = [count // self.step] * len(old_files)  # new shards still to draw on each
        self.reader = reader

    def sources(self, shard: int) -> list[str | None]:
        return self.old_files[shard % self.step :: self.step]

    def done(self, shard: int) -> None:
        """Note that a new shard is finished (written or left as it was)."""
        for number in range(shard % self.step, len(self.old_files), self.step):
            self.left[number] -= 1
            if self.left[number] <= 0:
                self.reader.release(self.old_files[number])


@dataclass
class _Change:
    """The batch against the old store: what goes out and what comes in."""

    removed: dict[int, Doc]  # article id -> routing and counts from its old body
    removed_rows: list[IndexRow]
    added: list[int]  # staging numbers of the articles to store
    removed_terms: set[str] = field(default_factory=set)
    chosen: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.chosen = set(self.added)


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
    staging: Staging,
    reader: _ShardReader,
    writer: _BlobWriter,
    seen: Callable[[int, list[DocEntry]], None],
) -> list[str | None]:
    """New shard list for quotes/events/figures; `seen` gets each rewritten shard's entries."""
    entry_of = _ENTRY[kind]
    old_files = old.shard_files(kind)
    olds = _OldShards(old_files, count, reader)
    removed_ids = set(change.removed)
    removed_shards = {
        shard_of(entry_of(doc).route, count)
        for aid, body in change.removed.items()
        for doc in _removed_routing(kind, aid, body)
    }
    new_files: list[str | None] = list(old_files) if olds.same else [None] * count
    for buckets, shards in bucket_groups(count, staging.buckets[kind]):
        added: defaultdict[int, list[DocEntry]] = defaultdict(list)
        shard_by_route: dict[str | int, int] = {}  # few speakers and forces route many documents
        for entry in staging.entries(kind, buckets, change.chosen):
            number = shard_by_route.get(entry.route)
            if number is None:
                number = shard_by_route[entry.route] = shard_of(entry.route, count)
            added[number].append(entry)
        for shard in shards:
            if not olds.same or shard in added or shard in removed_shards:
                kept: list[DocEntry] = []
                for name in olds.sources(shard):
                    for doc in reader.docs(kind, name).values():
                        if doc.get("a") not in removed_ids:
                            entry = entry_of(doc)
                            if olds.same or shard_of(entry.route, count) == shard:
                                kept.append(entry)
                entries = sorted(kept + added.pop(shard, []), key=_order)
                seen(shard, entries)
                if entries:
                    table = {i: e.doc for i, e in enumerate(entries, 1)}
                    new_files[shard] = writer.write_raw(kind, shard, table)
                else:
                    new_files[shard] = None
            olds.done(shard)
    return new_files


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
    staging: Staging,
    reader: _ShardReader,
    writer: _BlobWriter,
    generation: int,
) -> list[str | None]:
    old_files = old.shard_files("bodies")
    olds = _OldShards(old_files, count, reader)
    removed_ids = set(change.removed)
    removed_shards = {shard_of(aid, count) for aid in removed_ids}
    new_files: list[str | None] = list(old_files) if olds.same else [None] * count
    for buckets, shards in bucket_groups(count, staging.buckets["bodies"]):
        added: defaultdict[int, dict[int, str]] = defaultdict(dict)
        for aid, body_json in staging.bodies(buckets, change.chosen):
            # The generation lets a recovery without the manifest tell newer bodies from older.
            added[shard_of(aid, count)][aid] = _with_generation(body_json, generation)
        for shard in shards:
            if not olds.same or shard in added or shard in removed_shards:
                kept: dict[int, Doc | str] = {}
                for name in olds.sources(shard):
                    for doc_id, doc in reader.docs("bodies", name).items():
                        aid = int(doc_id)
                        if aid not in removed_ids and (olds.same or shard_of(aid, count) == shard):
                            kept[aid] = doc
                merged: dict[int, Doc | str] = {**kept, **added.pop(shard, {})}
                table = {aid: merged[aid] for aid in sorted(merged)}
                new_files[shard] = writer.write_raw("bodies", shard, table) if table else None
            olds.done(shard)
    return new_files


def _invert(
    records: Iterable[TermRecord], slots: list[int]
) -> dict[str, tuple[list[int], list[int]]]:
    """Each term's postings, (slots, counts) in ascending slot order, from staged records.

    `slots` gives each staging number its slot, or -1 for an article the commit leaves out.
    Slots follow article ids, as do the articles within a record, so a term's postings need
    sorting only when it has several records. There is one posting per article and term
    (millions for a large batch): they are mapped and sorted by C-level calls, with Python
    work only per record and term.
    """
    every = -1 not in slots
    slot_lists: dict[str, list[int]] = {}
    count_lists: dict[str, list[int]] = {}
    unsorted: set[str] = set()
    for term, seqs, counts in records:
        found = list(map(slots.__getitem__, seqs))
        if not every:
            keep = [i for i, slot in enumerate(found) if slot >= 0]
            if not keep:
                continue
            found = list(map(found.__getitem__, keep))
            counts = list(map(counts.__getitem__, keep))
        have = slot_lists.get(term)
        if have is None:
            slot_lists[term] = found
            count_lists[term] = list(counts)
            continue
        if have[-1] > found[0]:
            unsorted.add(term)
        have.extend(found)
        count_lists[term].extend(counts)
    for term in unsorted:
        have = slot_lists[term]
        order = sorted(range(len(have)), key=have.__getitem__)
        slot_lists[term] = list(map(have.__getitem__, order))
        count_lists[term] = list(map(count_lists[term].__getitem__, order))
    return {term: (found, count_lists[term]) for term, found in slot_lists.items()}


def _update_terms(
    old: _Old,
    count: int,
    change: _Change,
    slots: list[int],
    staging: Staging,
    reader: _ShardReader,
    writer: _BlobWriter,
) -> list[str | None]:
    """Rewrite the term shards the batch touches; postings are ascending article slots.

    `slots` gives each staging number the slot the commit gives its article (-1: none).
    """
    old_files = old.shard_files("terms")
    olds = _OldShards(old_files, count, reader)
    removed_slots = {r.slot for r in change.removed_rows}
    shard_by_prefix: dict[str, int] = {}

    def shard(term: str) -> int:
        prefix = term_shard_key(term)
        number = shard_by_prefix.get(prefix)
        if number is None:
            number = shard_by_prefix[prefix] = shard_of(prefix, count)
        return number

    removed_by_shard: defaultdict[int, list[str]] = defaultdict(list)
    for term in change.removed_terms:
        removed_by_shard[shard(term)].append(term)

    new_files: list[str | None] = list(old_files) if olds.same else [None] * count
    for buckets, shards in bucket_groups(count, staging.buckets["terms"]):
        new_postings = _invert(staging.terms(buckets), slots)
        added_by_shard: defaultdict[int, list[str]] = defaultdict(list)
        for term in new_postings:
            added_by_shard[shard(term)].append(term)
        for number in shards:
            if olds.same and number not in added_by_shard and number not in removed_by_shard:
                olds.done(number)
                continue
            postings: dict[str, str] = {}
            for name in olds.sources(number):
                for doc in reader.docs("terms", name).values():
                    if olds.same or shard(doc["t"]) == number:
                        postings[doc["t"]] = doc["p"]
            for term in removed_by_shard[number]:
                if term in postings:
                    have, counts = decode_postings(postings[term])
                    pairs = [
                        (s, c) for s, c in zip(have, counts, strict=True) if s not in removed_slots
                    ]
                    if pairs:
                        postings[term] = encode_postings(
                            [s for s, _ in pairs], [c for _, c in pairs]
                        )
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
            olds.done(number)
    return new_files


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _force_rows(
    rows: list[IndexRow],
    old: _Old,
    recount: Counter[str],
    rewritten: set[int],
    event_shards: int,
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
    # entry of its forces: `recount` counts those, the others keep their old count.
    event_counts = {f.name: f.events for f in old.forces}
    for name in set(event_counts) | set(recount):
        if shard_of(name, event_shards) in rewritten:
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


Details = tuple[str, str, str | None, str | None]  # a speaker's name, kind, role, organisation


def _quote_details(entries: list[DocEntry]) -> dict[str, Details]:
    """What the quotes of one rewritten shard say about their speakers (all of each
    speaker's quotes live in one shard)."""
    # Quote facts: (key, speaker, kind, role, organisation).
    by_key: defaultdict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for entry in entries:
        by_key[entry.facts[0]].append(entry.facts)
    details: dict[str, Details] = {}
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
    return details


def _speaker_rows(
    rows: list[IndexRow], old: _Old, rewritten: dict[str, Details]
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
    details: dict[str, Details] = {
        s.key: (s.name, s.kind, s.role, s.organisation) for s in old.speakers
    }
    details.update(rewritten)
    out = []
    for key in quotes:
        name, kind, role, org = details.get(key, (key, "person", None, None))
        ranked = sorted(forces[key], key=lambda f: (-forces[key][f], f))
        summary = SpeakerRow(key, name, kind, role, org, quotes[key], articles[key], tuple(ranked))
        out.append(summary)
    out.sort(key=lambda s: (-s.quotes, s.key))
    return out


def _diff(old: _Old, staged: Sequence[Staged]) -> tuple[_Change, CommitResult]:
    by_id = {r.id: r for r in old.rows}
    by_source = {r.source: r.id for r in old.rows}
    first: dict[str, int] = {}  # source -> staging number of its first article
    for seq, art in enumerate(staged):
        first.setdefault(art.row.source, seq)
    removed_ids = {
        by_source[s]
        for s, seq in first.items()
        if s in by_source and by_source[s] != staged[seq].row.id
    }
    added: dict[int, int] = {}  # article id -> staging number
    statuses: dict[str, list[str]] = {"added": [], "replaced": [], "unchanged": []}
    for source, seq in first.items():
        aid = staged[seq].row.id
        if (aid in by_id and aid not in removed_ids) or aid in added:
            statuses["unchanged"].append(source)
            continue
        added[aid] = seq
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
    batch: Sequence[ArticleData] | Staging,
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
    batch: Sequence[ArticleData] | Staging,
    *,
    name: str | None = None,
    rebuild: bool = False,
) -> CommitResult:
    """`commit` for a caller that already holds the writer lock.

    A batch given as a list is staged in memory first; an ingest stages its own batch
    (spilled to disk as it grows) so that the whole batch is never in memory at once.
    """
    if isinstance(batch, Staging):
        return _commit_staged(store, batch, name=name, rebuild=rebuild)
    with Staging() as staging:
        for art in batch:
            staging.add(art)
        return _commit_staged(store, staging, name=name, rebuild=rebuild)


def _commit_staged(
    store: Path, staging: Staging, *, name: str | None, rebuild: bool
) -> CommitResult:
    blobs = blob_dir(store)
    remove_temps(store)
    remove_temps(blobs)
    old = _load_old(store, rebuild)
    previous = old
    if rebuild:
        old = _Old(meta=old.meta, mode=old.mode)
    change, result = _diff(old, staging.articles)
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
            body = reader.docs("bodies", body_files[shard]).get(str(aid), {})
            change.removed_terms.update(body_terms(body))
            change.removed[aid] = {k: body[k] for k in ("store", "events", "figures") if k in body}
        reader.cache.clear()
        new_meta, rows, forces, speakers = _build(
            store, old, change, staging, reader, writer, name, generation
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
    staging: Staging,
    reader: _ShardReader,
    writer: _BlobWriter,
    name: str | None,
    generation: int,
) -> tuple[dict[str, Any], list[IndexRow], list[ForceRow], list[SpeakerRow]]:
    staged = staging.articles
    added = [staged[seq] for seq in change.added]
    next_slot = int(old.meta.get("next_slot", 0))
    slots: dict[int, int] = {}  # staging number -> slot
    for seq in sorted(change.added, key=lambda q: staged[q].row.id):
        slots[seq] = next_slot
        next_slot += 1
    kept_rows = [r for r in old.rows if r.id not in change.removed]
    rows = display_order(kept_rows + [staged[q].row._replace(slot=slots[q]) for q in change.added])

    counts_old: dict[str, Any] = old.meta.get("counts") or {}
    n_quotes = sum(r.quotes for r in rows)
    n_events = int(counts_old.get("events", 0)) + sum(a.events_count for a in added)
    n_figures = int(counts_old.get("figures", 0)) + sum(a.figures for a in added)
    for body in change.removed.values():
        n_events -= len(body.get("events") or ())
        n_figures -= len(body.get("figures") or ())
    n_event_docs = int(counts_old.get("event_entries", 0)) + sum(a.entries for a in added)
    for body in change.removed.values():
        n_event_docs -= int((body.get("store") or {}).get("entries", 0))

    shard_counts = {
        "bodies": shard_count("bodies", len(rows)),
        "quotes": shard_count("quotes", n_quotes),
        "events": shard_count("events", n_event_docs),
        "figures": shard_count("figures", n_figures),
        "terms": shard_count("terms", len(rows)),
    }
    details: dict[str, Details] = {}
    recount: Counter[str] = Counter()
    rewritten: set[int] = set()

    def quote_shard(shard: int, entries: list[DocEntry]) -> None:
        details.update(_quote_details(entries))

    def event_shard(shard: int, entries: list[DocEntry]) -> None:
        rewritten.add(shard)
        recount.update(e.facts[0] for e in entries)

    def no_stats(shard: int, entries: list[DocEntry]) -> None:
        return None

    blob_lists: dict[str, list[str | None]] = {}
    blob_lists["bodies"] = _update_bodies(
        old, shard_counts["bodies"], change, staging, reader, writer, generation
    )
    for kind, seen in (("quotes", quote_shard), ("events", event_shard), ("figures", no_stats)):
        blob_lists[kind] = _update_docs(
            kind, old, shard_counts[kind], change, staging, reader, writer, seen
        )
    slot_list = [-1] * len(staged)
    for seq, slot in slots.items():
        slot_list[seq] = slot
    blob_lists["terms"] = _update_terms(
        old, shard_counts["terms"], change, slot_list, staging, reader, writer
    )

    forces = _force_rows(rows, old, recount, rewritten, shard_counts["events"])
    speakers = _speaker_rows(rows, old, details)
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
