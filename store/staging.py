"""Prepared articles filed by shard bucket for one commit, in memory or spilled to disk.

A commit writes each kind of blob a few shards at a time. Filing every document by a
bucket of its shard key as the articles arrive lets it load only the documents of those
shards: a batch spilled to disk every few thousand articles then never has to sit in memory
whole. Bucket counts are powers of two, like shard counts, so a bucket holds whole shards
(when there are more shards than buckets) or a shard takes whole buckets (when fewer).
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
from bisect import bisect_left
from collections.abc import Collection, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, NamedTuple

from .atomic import describe_os_error
from .errors import StoreError
from .manifest import IndexRow
from .prepare import ArticleData, DocEntry
from .shards import shard_of
from .textindex import term_shard_key

BUCKETS = {"bodies": 64, "quotes": 64, "events": 64, "figures": 64, "terms": 16}
SPILL_EVERY = 2000  # articles held in memory before their documents are written to disk
_DOC_KINDS = ("quotes", "events", "figures")
_TERM_CACHE_LIMIT = 1 << 18  # distinct terms whose bucket is remembered


class Staged(NamedTuple):
    """What a commit keeps in memory about one staged article."""

    row: IndexRow
    events_count: int  # events in the article
    figures: int  # figure documents
    entries: int  # timeline entries


class TermRecord(NamedTuple):
    """Some of one article's index terms (those of one bucket), and how often each occurs."""

    seq: int
    words: list[str]
    counts: list[int]


class _TermBuckets(dict[str, int]):
    """Term -> its bucket, filled on first use."""

    def __missing__(self, term: str) -> int:
        if len(self) >= _TERM_CACHE_LIMIT:
            self.clear()
        bucket = self[term] = shard_of(term_shard_key(term), BUCKETS["terms"])
        return bucket


class Staging:
    """A batch for one commit: each article's row in memory, its documents by bucket.

    With a spill directory, the documents go to files there every `batch_size` articles
    (and the files are removed on close); without one, they stay in memory.
    """

    def __init__(self, spill_dir: str | os.PathLike[str] | None = None, *, spill: bool = False,
                 batch_size: int = SPILL_EVERY) -> None:  # fmt: skip
        self.articles: list[Staged] = []
        self.spills = 0  # how many times the buffered documents went to disk
        self.batch_size = max(1, batch_size)
        self._buffers: dict[str, list[list[Any]]] = {
            kind: [[] for _ in range(n)] for kind, n in BUCKETS.items()
        }
        self._buffered = 0
        self._term_bucket = _TermBuckets()
        self._dir: Path | None = None
        if spill or spill_dir is not None:
            try:
                self._dir = Path(tempfile.mkdtemp(prefix="forcewatch-batch-", dir=spill_dir))
            except OSError as exc:
                raise StoreError(
                    f"cannot make a folder for the batch: {describe_os_error(exc)}",
                    "free some space in the temporary folder (TMPDIR) and try again",
                ) from None

    def __enter__(self) -> Staging:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    @property
    def pending(self) -> int:
        """Articles whose documents are held in memory, not yet spilled."""
        return self._buffered

    def close(self) -> None:
        """Remove the spill files."""
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    def add(self, art: ArticleData) -> None:
        """File one prepared article's documents by bucket."""
        seq = len(self.articles)
        self.articles.append(Staged(art.row, art.events_count, len(art.figures), len(art.events)))
        buffers = self._buffers
        buffers["bodies"][shard_of(art.id, BUCKETS["bodies"])].append((seq, art.id, art.body_json))
        for kind in _DOC_KINDS:
            kind_buffers = buffers[kind]
            count = BUCKETS[kind]
            for entry in getattr(art, kind):
                kind_buffers[shard_of(entry.route, count)].append((seq, entry))
        self._add_terms(seq, art)
        self._buffered += 1
        if self._dir is not None and self._buffered >= self.batch_size:
            self.spill()

    def _add_terms(self, seq: int, art: ArticleData) -> None:
        words, counts = art.term_lists()
        if not words:
            return
        keys = list(map(self._term_bucket.__getitem__, words))
        order = sorted(range(len(words)), key=keys.__getitem__)
        keys.sort()
        words = list(map(words.__getitem__, order))
        count_list = list(map(counts.__getitem__, order))
        term_buffers = self._buffers["terms"]
        start = 0
        while start < len(keys):
            bucket = keys[start]
            end = bisect_left(keys, bucket + 1, start)
            term_buffers[bucket].append(TermRecord(seq, words[start:end], count_list[start:end]))
            start = end

    def spill(self) -> None:
        """Append the buffered documents to their bucket files and let them go."""
        if self._dir is None:
            return
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

    def _records(self, kind: str, buckets: Collection[int]) -> Iterator[Any]:
        for number in buckets:
            if self._dir is not None:
                path = self._dir / f"{kind}-{number}"
                try:
                    with open(path, "rb") as src:
                        while True:
                            try:
                                chunk = pickle.load(src)
                            except EOFError:
                                break
                            yield from chunk
                except FileNotFoundError:
                    pass  # nothing was spilled to this bucket
                except OSError as exc:
                    raise StoreError(
                        f"cannot read the batch back from {path}: {describe_os_error(exc)}",
                        "nothing was stored; try again",
                    ) from None
            yield from self._buffers[kind][number]

    def bodies(
        self, buckets: Collection[int], chosen: Collection[int]
    ) -> Iterator[tuple[int, str]]:
        """(article id, body JSON) of the chosen articles in these body buckets."""
        for seq, aid, body_json in self._records("bodies", buckets):
            if seq in chosen:
                yield aid, body_json

    def entries(
        self, kind: str, buckets: Collection[int], chosen: Collection[int]
    ) -> Iterator[DocEntry]:
        """The chosen articles' quote, timeline or figure entries in these buckets."""
        for seq, entry in self._records(kind, buckets):
            if seq in chosen:
                yield entry

    def terms(self, buckets: Collection[int], chosen: Collection[int]) -> Iterator[TermRecord]:
        """The chosen articles' term records in these term buckets, in staging order."""
        for record in self._records("terms", buckets):
            if record.seq in chosen:
                yield record


def bucket_groups(count: int, buckets: int) -> list[tuple[list[int], list[int]]]:
    """Pairs of (buckets, shards) holding the same keys; every bucket and shard once.

    Both counts are powers of two: with fewer shards, a shard takes every bucket congruent
    to it; with more, a bucket holds every shard congruent to it.
    """
    if count <= buckets:
        return [(list(range(shard, buckets, count)), [shard]) for shard in range(count)]
    return [([bucket], list(range(bucket, count, buckets))) for bucket in range(buckets)]
