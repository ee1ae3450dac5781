"""Prepared articles filed by shard bucket for one commit, in memory or spilled to disk.

A commit writes each kind of blob a few shards at a time. Filing every document by a
bucket of its shard key as the articles arrive lets it load only the documents of those
shards: a batch spilled to disk every few thousand articles then never has to sit in memory
whole. Bucket counts are powers of two, like shard counts, so a bucket holds whole shards
(when there are more shards than buckets) or a shard takes whole buckets (when fewer).
"""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import tempfile
import time
from array import array
from collections import defaultdict, deque
from collections.abc import Callable, Collection, Iterator, Mapping
from functools import partial
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from .atomic import describe_os_error
from .errors import StoreError
from .manifest import IndexRow
from .prepare import ArticleData, DocEntry
from .shards import shard_of
from .textindex import term_shard_key

BUCKETS = {"bodies": 64, "quotes": 64, "events": 64, "figures": 64, "terms": 64}
SPILL_EVERY = 2000  # articles held in memory before their documents are written to disk
_DOC_KINDS = ("quotes", "events", "figures")
SPILL_PREFIX = "forcewatch-batch-"
OWNER = "owner.lock"
_ABANDONED_AFTER = 3600  # seconds: a spill folder that never got its lock is left this long
_CACHE_LIMIT = 1 << 18  # distinct routing keys whose bucket is remembered


class Staged(NamedTuple):
    """What a commit keeps in memory about one staged article."""

    row: IndexRow
    events_count: int  # events in the article
    figures: int  # figure documents
    entries: int  # timeline entries


TermRecord = tuple[str, list[int], list[int]]  # a term, staging numbers, occurrences in each


class _Buckets(dict[Any, int]):
    """Routing key -> its bucket, filled on first use (and forgotten when too many)."""

    def __init__(self, buckets: int, key: Callable[[Any], Any] | None = None) -> None:
        super().__init__()
        self.buckets = buckets
        self.key = key

    def __missing__(self, route: Any) -> int:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        bucket = self[route] = shard_of(self.key(route) if self.key else route, self.buckets)
        return bucket


_as_entry = partial(tuple.__new__, DocEntry)  # a staged plain tuple back as an entry
_second = itemgetter(1)
_by_id = itemgetter(0, 1)  # buffered terms by article id, then staging number


class Staging:
    """A batch for one commit: each article's row in memory, its documents by bucket.

    With a spill directory, the documents go to files there every `batch_size` articles
    (and the files are removed on close); without one, they stay in memory.
    """

    def __init__(self, spill_dir: str | os.PathLike[str] | None = None, *, spill: bool = False,
                 batch_size: int = SPILL_EVERY, buckets: Mapping[str, int] = BUCKETS) -> None:  # fmt: skip
        if set(buckets) != set(BUCKETS) or any(n < 1 or n & (n - 1) for n in buckets.values()):
            raise ValueError(f"bucket counts must be powers of two for {sorted(BUCKETS)}")
        self.buckets = dict(buckets)
        self.articles: list[Staged] = []
        self.spills = 0  # how many times the buffered documents went to disk
        self.batch_size = max(1, batch_size)
        self._buffers: dict[str, list[list[Any]]] = {
            kind: [[] for _ in range(n)] for kind, n in self.buckets.items()
        }
        self._buffered = 0
        self._doc_bucket = {kind: _Buckets(self.buckets[kind]) for kind in _DOC_KINDS}
        self._term_bucket = _Buckets(self.buckets["terms"], term_shard_key)
        # The buffered articles' terms: (article id, staging number, terms, counts).
        self._terms: list[tuple[int, int, list[str], array[int]]] = []
        self._dir: Path | None = None
        self._owner: int | None = None
        if spill or spill_dir is not None:
            parent = Path(spill_dir if spill_dir is not None else tempfile.gettempdir())
            remove_abandoned(parent)
            try:
                self._dir = Path(tempfile.mkdtemp(prefix=SPILL_PREFIX, dir=parent))
                # Held while the batch lives: a folder whose lock is free was abandoned.
                self._owner = os.open(self._dir / OWNER, os.O_RDWR | os.O_CREAT, 0o600)
                fcntl.flock(self._owner, fcntl.LOCK_EX)
            except OSError as exc:
                self.close()
                raise StoreError(
                    f"cannot make a folder for the batch in {parent}: {describe_os_error(exc)}",
                    "free some space in the temporary folder (TMPDIR) and try again",
                ) from None

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def path(self) -> Path | None:
        """The spill folder, while there is one."""
        return self._dir

    @property
    def pending(self) -> int:
        """Articles whose documents are held in memory, not yet spilled."""
        return self._buffered

    def close(self) -> None:
        """Remove the spill files."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None
        if self._owner is not None:
            os.close(self._owner)
            self._owner = None

    def add(self, art: ArticleData) -> None:
        """File one prepared article's documents by bucket."""
        seq = len(self.articles)
        self.articles.append(Staged(art.row, art.events_count, len(art.figures), len(art.events)))
        buffers = self._buffers
        buffers["bodies"][art.id % self.buckets["bodies"]].append((seq, art.id, art.body_json))
        for kind in _DOC_KINDS:
            kind_buffers = buffers[kind]
            bucket = self._doc_bucket[kind]
            for entry in getattr(art, kind):
                kind_buffers[bucket[entry.route]].append((seq, tuple(entry)))
        self._terms.append((art.id, seq, *art.term_lists()))
        self._buffered += 1
        if self._dir is not None and self._buffered >= self.batch_size:
            self.spill()

    def _file_terms(self) -> None:
        """File the buffered articles' terms by bucket, inverted in article id order.

        A commit numbers its new articles in id order, so each record's articles are already
        in the order their postings take.
        """
        self._terms.sort(key=_by_id)
        seqs_of: defaultdict[str, list[int]] = defaultdict(list)
        counts_of: defaultdict[str, list[int]] = defaultdict(list)
        for _, seq, words, counts in self._terms:
            deque(map(list.append, map(seqs_of.__getitem__, words), repeat(seq)), 0)
            deque(map(list.append, map(counts_of.__getitem__, words), counts), 0)
        self._terms = []
        term_buffers = self._buffers["terms"]
        bucket = self._term_bucket
        for term, seqs in seqs_of.items():
            term_buffers[bucket[term]].append((term, seqs, counts_of[term]))

    def spill(self) -> None:
        """Append the buffered documents to their bucket files and let them go."""
        if self._dir is None:
            return
        self._file_terms()
        try:
            for kind, buckets in self._buffers.items():
                for number, records in enumerate(buckets):
                    if records:
                        with open(self._dir / f"{kind}-{number}", "ab") as out:
                            pickle.dump(records, out, protocol=pickle.HIGHEST_PROTOCOL)
                        buckets[number] = []
        except OSError as exc:
            raise StoreError(
                f"cannot write the batch to {self._dir}: {describe_os_error(exc)}",
                "nothing was stored; free some space in the temporary folder and try again",
            ) from None
        self.spills += 1
        self._buffered = 0

    def _chunks(self, kind: str, buckets: Collection[int]) -> Iterator[list[Any]]:
        """The records of these buckets, in staging order, a spilled part at a time."""
        for number in buckets:
            if self._dir is not None:
                path = self._dir / f"{kind}-{number}"
                try:
                    with open(path, "rb") as src:
                        while True:
                            try:
                                yield pickle.load(src)
                            except EOFError:
                                break
                except FileNotFoundError:
                    pass  # nothing was spilled to this bucket
                except OSError as exc:
                    raise StoreError(
                        f"cannot read the batch back from {path}: {describe_os_error(exc)}",
                        "nothing was stored; try again",
                    ) from None
            yield self._buffers[kind][number]

    def bodies(
        self, buckets: Collection[int], chosen: Collection[int]
    ) -> Iterator[tuple[int, str]]:
        """(article id, body JSON) of the chosen articles in these body buckets."""
        for chunk in self._chunks("bodies", buckets):
            for seq, aid, body_json in chunk:
                if seq in chosen:
                    yield aid, body_json

    def entries(
        self, kind: str, buckets: Collection[int], chosen: Collection[int]
    ) -> list[DocEntry]:
        """The chosen articles' quote, timeline or figure entries in these buckets."""
        every = len(chosen) == len(self.articles)
        out: list[DocEntry] = []
        for chunk in self._chunks(kind, buckets):
            if every:
                out.extend(map(_as_entry, map(_second, chunk)))
            else:
                out.extend([_as_entry(entry) for seq, entry in chunk if seq in chosen])
        return out

    def terms(self, buckets: Collection[int]) -> Iterator[TermRecord]:
        """Term records in these term buckets: a term, the staging numbers of articles that
        have it (ascending by article id), and how often each has it. A term has a record
        for each part of the batch it occurs in."""
        if self._terms:
            self._file_terms()
        for chunk in self._chunks("terms", buckets):
            yield from chunk


def remove_abandoned(parent: Path) -> None:
    """Delete spill folders under parent that a killed ingest left (their lock is free)."""
    try:
        names = [n for n in os.listdir(parent) if n.startswith(SPILL_PREFIX)]
    except OSError:
        return
    for name in names:
        folder = parent / name
        try:
            fd = os.open(folder / OWNER, os.O_RDWR)
        except FileNotFoundError:
            try:
                stale = time.time() - folder.stat().st_mtime > _ABANDONED_AFTER
            except OSError:
                continue
            if stale:
                shutil.rmtree(folder, ignore_errors=True)
            continue
        except OSError:
            continue  # not ours to judge (another user's, or unreadable)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            continue  # a live ingest holds it
        finally:
            os.close(fd)
        shutil.rmtree(folder, ignore_errors=True)


def bucket_groups(count: int, buckets: int) -> list[tuple[list[int], list[int]]]:
    """Pairs of (buckets, shards) holding the same keys; every bucket and shard once.

    Both counts are powers of two: with fewer shards, a shard takes every bucket congruent
    to it; with more, a bucket holds every shard congruent to it.
    """
    if count <= buckets:
        return [(list(range(shard, buckets, count)), [shard]) for shard in range(count)]
    return [([bucket], list(range(bucket, count, buckets))) for bucket in range(buckets)]
