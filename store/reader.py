"""The query side of a store: `Store` answers the `Corpus` protocol from the manifest and
lazily loaded, cached blob shards."""

from __future__ import annotations

import bisect
import json
import os
import re
import sys
import threading
from array import array
from collections import Counter, OrderedDict, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import reduce
from itertools import accumulate, chain, compress, count, repeat
from operator import add, eq, mul
from pathlib import Path
from typing import Any, cast, overload

from .api import SortKey
from .errors import StoreError
from .layout import SCHEMA_VERSION, blob_dir, manifest_path
from .manifest import (
    DATE_SOURCES,
    PRECISIONS,
    RawManifest,
    force_rows,
    load_raw,
    outlet_names,
    split_counted,
    split_refs,
    stat_key,
)
from .records import Figure, ForceMention, Person, Precision, SpeakerKind
from .shards import shard_of
from .textindex import STOPWORDS, query_words, split_postings, term_shard_key
from .tinyfile import read_tables
from .views import (
    ArticleDetail,
    ArticleFilter,
    ArticleRow,
    EventRow,
    Facets,
    FacetValue,
    FigureRow,
    ForceSummary,
    QuoteGroup,
    QuoteSource,
    QuoteSpan,
    SearchHit,
    SpeakerSummary,
    StoreInfo,
)

Doc = dict[str, Any]
_FIELD = "I" if array("I").itemsize >= 4 else "L"  # an unsigned type of 32 bits or more
_FIELD_BYTES = array(_FIELD).itemsize
_INVERT = bytes.maketrans(b"\x00\x01", b"\x01\x00")
_SHORT_PREFIX_TERMS = 64
_ROW_CACHE = 20_000  # ArticleRow objects kept for reuse
_PACKED_BUDGET = 32 << 20  # bytes of packed term counts kept (4 bytes per article each)
_CACHE_LIMITS = {"bodies": 32, "quotes": 32, "events": 16, "figures": 16, "terms": 2}


class _Lru(OrderedDict[Any, Any]):
    """A small least-recently-used cache."""

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = limit

    def get_or(self, key: Any, make: Callable[[], Any]) -> Any:
        if key in self:
            self.move_to_end(key)
            return self[key]
        value = make()
        self[key] = value
        if len(self) > self.limit:
            self.popitem(last=False)
        return value


class _RowSource:
    """Builds (and caches) ArticleRow objects from one loaded manifest's columns."""

    def __init__(self, store: Store) -> None:
        self.ids = store._ids
        self.titles = store._titles
        self.outlets = store._outlets
        self.dates = store._dates
        self.cols = store._articles
        self.source_root = store._source_root
        self.force_names = store._force_names
        self.speaker_keys = store._speaker_keys
        self.cache: dict[int, ArticleRow] = {}
        self.by_id: dict[int, int] | None = None

    def position_of(self, article_id: int) -> int | None:
        """The row position of an article id (the table is made on first use)."""
        if self.by_id is None:
            self.by_id = dict(zip(self.ids, range(len(self.ids)), strict=True))
        return self.by_id.get(article_id)

    def row(self, pos: int) -> ArticleRow:
        row = self.cache.get(pos)
        if row is None:
            cols = self.cols
            row = ArticleRow(
                id=self.ids[pos],
                title=self.titles[pos],
                outlet=self.outlets[pos],
                url=cols["url"][pos],
                source=self.source_root + cols["source"][pos],
                date=self.dates[pos],
                precision=cast(Precision, PRECISIONS[cols["precision"][pos]]),
                date_source=DATE_SOURCES[cols["date_source"][pos]],
                forces=tuple(self.force_names[i] for i in split_refs(cols["forces"][pos])),
                speakers=tuple(
                    self.speaker_keys[i] for i, _ in split_counted(cols["speakers"][pos])
                ),
                quotes=cols["quotes"][pos],
            )
            if len(self.cache) >= _ROW_CACHE:
                self.cache.clear()  # rows are cheap to build again; a bounded heap is not
            self.cache[pos] = row
        return row


class _SizedLru:
    """A least-recently-used cache bounded by the total size of its values."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.used = 0
        self.items: OrderedDict[Any, tuple[Any, int]] = OrderedDict()

    def get(self, key: Any) -> Any:
        item = self.items.get(key)
        if item is None:
            return None
        self.items.move_to_end(key)
        return item[0]

    def put(self, key: Any, value: Any, size: int) -> None:
        if key in self.items:
            return
        self.items[key] = (value, size)
        self.used += size
        while self.used > self.budget and len(self.items) > 1:
            _, (_, freed) = self.items.popitem(last=False)
            self.used -= freed


class ArticleRows(Sequence[ArticleRow]):
    """Articles in display order, built into ArticleRow objects only when read.

    A sequence keeps reading the store as it was loaded when the query ran, even if the
    store is reloaded meanwhile.
    """

    def __init__(self, source: _RowSource, positions: Sequence[int]) -> None:
        self._source = source
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    @overload
    def __getitem__(self, index: int) -> ArticleRow: ...

    @overload
    def __getitem__(self, index: slice) -> ArticleRows: ...

    def __getitem__(self, index: int | slice) -> ArticleRow | ArticleRows:
        if isinstance(index, slice):
            return ArticleRows(self._source, self._positions[index])
        return self._source.row(self._positions[index])

    @property
    def ids(self) -> list[int]:
        """The article ids in order, without building rows."""
        ids = self._source.ids
        return list(map(ids.__getitem__, self._positions))

    def index_of_id(self, article_id: int) -> int | None:
        """Where the article is in this sequence, or None, without listing every id."""
        pos = self._source.position_of(article_id)
        if pos is None:
            return None
        try:
            return self._positions.index(pos)
        except ValueError:
            return None


class SearchHits(Sequence[SearchHit]):
    """Search hits, best first, made into SearchHit objects only when read.

    Held as row positions with a table of ids and one of match counts, a large result
    costs no Python objects until it is read, and reading it hit by hit leaves nothing
    behind for the garbage collector.
    """

    __slots__ = ("_counts", "_ids", "_rows")

    def __init__(self, ids: Sequence[int], rows: Sequence[int], counts: Sequence[int]) -> None:
        self._ids = ids  # article id by row position
        self._rows = rows  # the hits' row positions, best first
        self._counts = counts  # matches by row position

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> SearchHit: ...

    @overload
    def __getitem__(self, index: slice) -> SearchHits: ...

    def __getitem__(self, index: int | slice) -> SearchHit | SearchHits:
        if isinstance(index, slice):
            return SearchHits(self._ids, self._rows[index], self._counts)
        row = self._rows[index]
        return SearchHit(self._ids[row], self._counts[row])

    def __iter__(self) -> Iterator[SearchHit]:
        rows = self._rows
        return map(SearchHit, map(self._ids.__getitem__, rows), map(self._counts.__getitem__, rows))

    def __eq__(self, other: object) -> bool:
        """Equal to any sequence of the same hits in the same order (a list too)."""
        if isinstance(other, Sequence):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __repr__(self) -> str:
        return f"SearchHits({list(self)!r})"

    def matches_by_id(self) -> dict[int, int]:
        """Each hit's article id with its number of matches, without making the hits."""
        rows = self._rows
        ids, counts = map(self._ids.__getitem__, rows), map(self._counts.__getitem__, rows)
        return dict(zip(ids, counts, strict=True))


class _Selection:
    """Rows a query selects: one byte per row position, 1 where the row is selected.

    Bytes keep large selections compact and cheap to combine (two selections meet in one
    integer AND), and list their rows in display order without a Python loop.
    """

    __slots__ = ("_positions", "flags", "key", "size")

    def __init__(self, flags: bytes, key: Any = None) -> None:
        self.flags = flags
        self.key = key
        self.size = len(flags) - flags.count(0)
        self._positions: tuple[int, ...] | None = None

    @classmethod
    def of(cls, n: int, positions: Sequence[int]) -> _Selection:
        """The selection of the given row positions (ascending) among n rows."""
        flags = bytearray(n)
        _consume(map(flags.__setitem__, positions, repeat(1)))
        selection = cls(bytes(flags))
        selection._positions = tuple(positions)
        return selection

    def meet(self, other: _Selection) -> _Selection:
        """Rows both select."""
        n = len(self.flags)
        both = int.from_bytes(self.flags, "little") & int.from_bytes(other.flags, "little")
        return _Selection(both.to_bytes(n, "little"))

    def positions(self) -> tuple[int, ...]:
        """The selected row positions, ascending (the manifest's newest-first order)."""
        if self._positions is None:
            self._positions = tuple(compress(range(len(self.flags)), self.flags))
        return self._positions


def _consume(iterator: Iterable[object]) -> None:
    """Run an iterator of side effects (such as a map of setitem calls) to its end."""
    deque(iterator, maxlen=0)


_NUMBER_TEXT = str.maketrans("", "", "0123456789 :\n")
_TWO_COLONS = re.compile(r":[0-9]*:")
_FLAG_BYTES = (b"\x00", b"\x01")


class _Refs:
    """One many-valued facet column (each row's forces, or speakers) as flat arrays, so
    it costs no Python object per row and is counted without a Python loop."""

    def __init__(self, refs: Sequence[int], per_row: Sequence[int]) -> None:
        self.refs = array("l", refs)  # every row's refs, row after row
        self.per_row = array("l", per_row)
        self.starts = array("l", accumulate(per_row, initial=0))  # where each row's begin
        self._by_ref: dict[int, array[int]] | None = None

    def of_rows(self, positions: Sequence[int]) -> Iterator[int]:
        """The refs of the given rows."""
        starts = self.starts
        ends = map(starts.__getitem__, map(add, positions, repeat(1)))
        spans = map(slice, map(starts.__getitem__, positions), ends)
        return chain.from_iterable(map(self.refs.__getitem__, spans))

    def of_flags(self, flags: bytes) -> Iterator[int]:
        """The refs of the flagged rows."""
        # Each row's flag repeated once per ref of the row, then the refs flagged.
        ref_flags = b"".join(map(mul, map(_FLAG_BYTES.__getitem__, flags), self.per_row))
        return compress(self.refs, ref_flags)

    def rows_with(self, ref: int) -> Sequence[int]:
        """Positions of the rows holding `ref`, ascending."""
        if self._by_ref is None:  # every value's rows, made on the first filter by value
            by_ref: dict[int, array[int]] = {}
            owners = chain.from_iterable(map(repeat, count(), self.per_row))
            for value, row in zip(self.refs, owners, strict=True):
                rows = by_ref.get(value)
                if rows is None:
                    by_ref[value] = array("l", (row,))
                elif rows[-1] != row:  # a row listing a value twice holds it once
                    rows.append(row)
            self._by_ref = by_ref
        return self._by_ref.get(ref, ())


def _ref_column(values: Sequence[str], counted: bool) -> _Refs:
    """Rows of space-separated refs ("3 14"), or with counts ("3:2 14:1") when `counted`.

    The usual form is read in one go, the whole column's numbers by the JSON reader;
    anything irregular is read row by row.
    """
    text = "\n".join(values)
    regular = (
        not text.translate(_NUMBER_TEXT)
        and "  " not in text
        and " \n" not in text
        and "\n " not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
        and (not counted or _TWO_COLONS.search(text) is None)
    )
    if regular:
        per_row = list(map(add, map(str.count, values, repeat(" ")), map(bool, values)))
        stream = ",".join(filter(None, values)).replace(" ", ",").replace(":", ",")
        try:
            numbers: list[int] = json.loads("[" + stream + "]")
        except ValueError:  # a count left out, or leading zeros: read row by row below
            numbers = []
        tokens = sum(per_row)
        if not counted and len(numbers) == tokens:
            return _Refs(numbers, per_row)
        if counted and len(numbers) == 2 * tokens and text.count(":") == tokens:
            return _Refs(numbers[::2], per_row)
    rows = [[ref for ref, _ in split_counted(v)] if counted else split_refs(v) for v in values]
    return _Refs(list(chain.from_iterable(rows)), list(map(len, rows)))


class _Indexes:
    """Per-row facet values, and the rows holding each value (both built on first use)."""

    def __init__(self, store: Store) -> None:
        self.n = len(store._ids)
        self.forces = _ref_column(store._articles["forces"], counted=False)
        self.speakers = _ref_column(store._articles["speakers"], counted=True)
        years = {date: _year(date) for date in set(store._dates)}
        self.row_years: tuple[int | None, ...] = tuple(map(years.__getitem__, store._dates))
        self.outlets = store._outlets
        self._rows: dict[tuple[str, Any], Sequence[int]] = {}
        self._totals: tuple[Counter[int], Counter[int], Counter[str], Counter[int]] | None = None

    def rows_with(self, kind: str, value: Any) -> Sequence[int]:
        """Positions of the rows whose facet `kind` holds `value` (cached)."""
        key = (kind, value)
        rows: Sequence[int] | None = self._rows.get(key)
        if rows is None:
            if kind == "force":
                rows = self.forces.rows_with(value)
            elif kind == "speaker":
                rows = self.speakers.rows_with(value)
            else:
                column = self.outlets if kind == "outlet" else self.row_years
                rows = tuple(compress(range(self.n), map(eq, column, repeat(value))))
            self._rows[key] = rows
        return rows

    @property
    def totals(self) -> tuple[Counter[int], Counter[int], Counter[str], Counter[int]]:
        """The facet counts of every row."""
        if self._totals is None:
            self._totals = self.count(_Selection(b"\x01" * self.n))
        return self._totals

    def count(
        self, selected: _Selection
    ) -> tuple[Counter[int], Counter[int], Counter[str], Counter[int]]:
        """How many of the selected rows carry each force, speaker, outlet and year."""
        if selected.size * 8 < self.n:  # few rows: look them up one by one
            rows = selected.positions()
            forces = Counter(self.forces.of_rows(rows))
            speakers = Counter(self.speakers.of_rows(rows))
            outlets: Counter[Any] = Counter(map(self.outlets.__getitem__, rows))
            years: Counter[Any] = Counter(map(self.row_years.__getitem__, rows))
        else:
            flags = selected.flags
            forces = Counter(self.forces.of_flags(flags))
            speakers = Counter(self.speakers.of_flags(flags))
            outlets = Counter(compress(self.outlets, flags))
            years = Counter(compress(self.row_years, flags))
        outlets.pop(None, None)
        years.pop(None, None)
        return forces, speakers, outlets, years


def _frozen(columns: dict[str, list[Any]]) -> dict[str, tuple[Any, ...]]:
    """A table's columns as tuples (values are numbers, strings or None)."""
    return {name: tuple(values) for name, values in columns.items()}


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _date_key(date: str | None) -> tuple[bool, str]:
    """Sort key putting dated items first, in date order, then undated ones."""
    return (date is None, date or "")


class Store:
    """A store on disk, opened for queries. Implements the Corpus protocol.

    The manifest is read once (and again on reload); bodies, quotes, timelines and the
    search index are read shard by shard when a query needs them, and cached. All
    methods are safe to call from worker threads.
    """

    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        self._load()

    # ---- loading -------------------------------------------------------------------

    def _load(self) -> None:
        raw = load_raw(self.path)
        with self._lock:
            self._install(raw)

    def _install(self, raw: RawManifest) -> None:
        self._stat = stat_key(raw.stat)
        self._meta = raw.meta
        # Columns hold only numbers, strings and None: as tuples the garbage collector
        # stops scanning them, so its full passes stay short on a large corpus.
        cols = _frozen(raw.articles)
        self._articles = cols
        self._ids: Sequence[int] = cols["id"]
        self._titles: Sequence[str] = cols["title"]
        self._outlets: Sequence[str | None] = tuple(outlet_names(raw))
        self._source_root: str = raw.meta["source_root"]
        self._dates: Sequence[str | None] = cols["date"]
        self._forces_cols = _frozen(raw.forces)
        self._speakers_cols = _frozen(raw.speakers)
        self._force_names: Sequence[str] = self._forces_cols["name"]
        self._speaker_keys: Sequence[str] = self._speakers_cols["key"]
        self._speaker_names: Sequence[str] = self._speakers_cols["name"]
        self._rowsrc = _RowSource(self)
        self._pos_by_id: dict[int, int] | None = None
        self._indexes: _Indexes | None = None
        self._orders: dict[tuple[str, bool], tuple[Sequence[int], Sequence[int] | None]] = {}
        self._selections: _Lru = _Lru(8)
        self._facet_cache: _Lru = _Lru(2)  # facets hold many objects: keep only the last
        self._words: _Lru = _Lru(16)
        self._packed = _SizedLru(_PACKED_BUDGET)  # common terms' counts by slot, packed
        self._hits: _Lru = _Lru(4)  # the last searches' ranked hits (arrays: a few MB at most)
        self._shards: dict[str, _Lru] = {k: _Lru(v) for k, v in _CACHE_LIMITS.items()}
        self._global_facets: Facets | None = None
        self._label_order: tuple[Sequence[int], Sequence[int]] | None = None
        self._term_tables: _Lru = _Lru(64)
        self._speaker_ix: dict[str, int] | None = None
        blobs = raw.meta.get("blobs") or {}
        self._blobs: dict[str, list[str | None]] = {
            kind: list(blobs.get(kind) or [None]) for kind in _CACHE_LIMITS
        }

    def changed(self) -> bool:
        """True when the manifest on disk was replaced since this store loaded it."""
        try:
            return stat_key(os.stat(manifest_path(self.path))) != self._stat
        except OSError:
            return True

    def reload(self) -> None:
        """Load the store again from disk."""
        self._load()

    def warm(self) -> None:
        """Build the filter indexes now (e.g. in a worker after the first paint)."""
        ix = self._ix()
        ix.forces.rows_with(-1)  # groups every force's rows
        ix.speakers.rows_with(-1)
        _ = ix.totals
        self._positions_by_id()

    def _read_shard(self, kind: str, shard: int) -> dict[str, Doc]:
        name = self._blobs[kind][shard]
        if name is None:
            return {}
        path = blob_dir(self.path) / name
        try:
            table = read_tables(path).get(kind, {})
        except FileNotFoundError:
            raise _Missing(path) from None
        except (OSError, ValueError) as exc:
            raise StoreError(
                f"cannot read {path}: {exc}",
                "run `forcewatch reindex`, or restore the store from a backup",
            ) from None
        return table if isinstance(table, dict) else {}

    def _shard(self, kind: str, key: str | int) -> dict[str, Doc]:
        """The documents of the shard holding `key`, read once and cached."""
        for attempt in (0, 1):
            with self._lock:
                number = shard_of(key, len(self._blobs[kind]))

                def read(n: int = number) -> dict[str, Doc]:
                    return self._read_shard(kind, n)

                try:
                    docs: dict[str, Doc] = self._shards[kind].get_or(number, read)
                    return docs
                except _Missing as missing:
                    # A writer replaced the store and removed a shard this view still
                    # referenced: follow the new manifest once.
                    if attempt or not self.changed():
                        raise StoreError(
                            f"the store file {missing.path} is missing",
                            "run `forcewatch reindex`, or restore the store from a backup",
                        ) from None
                    self._load()
        raise AssertionError("unreachable")

    def _all_shards(self, kind: str) -> Iterator[dict[str, Doc]]:
        for number in range(len(self._blobs[kind])):
            yield self._read_shard(kind, number)

    # ---- rows ----------------------------------------------------------------------

    def _row(self, pos: int) -> ArticleRow:
        return self._rowsrc.row(pos)

    def _positions_by_id(self) -> dict[int, int]:
        if self._pos_by_id is None:
            self._pos_by_id = {aid: pos for pos, aid in enumerate(self._ids)}
        return self._pos_by_id

    def _ix(self) -> _Indexes:
        with self._lock:
            if self._indexes is None:
                self._indexes = _Indexes(self)
            return self._indexes

    def _order(self, sort: SortKey, descending: bool) -> tuple[Sequence[int], Sequence[int] | None]:
        """Positions in the requested order, and (lazily) each position's rank in it."""
        key = (sort, descending)
        if key not in self._orders:
            n = len(self._ids)
            everything = range(n)
            order: list[int] | range
            if sort == "date" and descending:
                order = everything  # the manifest keeps rows newest first
            elif sort == "date":
                dated = [p for p in everything if self._dates[p]]
                dated.sort(key=lambda p: cast(str, self._dates[p]))
                order = dated + [p for p in everything if not self._dates[p]]
            elif sort == "title":
                order = sorted(everything, key=lambda p: self._titles[p].casefold())
                if descending:
                    order.reverse()
            elif sort == "outlet":
                named = [p for p in everything if self._outlets[p]]
                named.sort(key=lambda p: cast(str, self._outlets[p]).casefold(), reverse=descending)
                order = named + [p for p in everything if not self._outlets[p]]
            else:
                raise ValueError(f"unknown sort key {sort!r}")
            self._orders[key] = (order if isinstance(order, range) else tuple(order), None)
        return self._orders[key]

    def _rank(self, sort: SortKey, descending: bool) -> Sequence[int]:
        order, rank = self._order(sort, descending)
        if rank is None:
            ranks = [0] * len(order)
            _consume(map(ranks.__setitem__, order, range(len(order))))
            rank = tuple(ranks)
            self._orders[(sort, descending)] = (order, rank)
        return rank

    # ---- filtering -----------------------------------------------------------------

    def _select(self, flt: ArticleFilter | None) -> _Selection | None:
        """Rows the filter selects; None when it selects everything.

        Filters that select the same rows share one cached selection: the key is the facet
        values and, for the search text, the index terms its words stand for, so typing
        on within a word whose matches stay the same reuses what the last keystroke found.
        """
        if flt is None or flt.is_empty:
            return None
        query = self._query(flt.text) if flt.text.strip() else None
        facets = (flt.force, flt.speaker, flt.outlet, flt.year)
        if query is None and not any(facets):
            return None
        key = (facets, query)
        with self._lock:
            cached = self._selections.get(key)
            if cached is not None:
                self._selections.move_to_end(key)
                return cast(_Selection, cached)
        parts: list[_Selection] = []
        if any(facets):
            parts.append(self._facet_rows(flt))
        if query is not None:
            parts.append(self._text_rows(query))
        selected = reduce(_Selection.meet, parts)
        selected.key = key
        with self._lock:
            self._selections.get_or(key, lambda: selected)
        return selected

    def _facet_rows(self, flt: ArticleFilter) -> _Selection:
        """Rows holding every facet value the filter names."""
        ix = self._ix()
        lists: list[Sequence[int]] = []
        if flt.force:
            fid = self._force_index().get(flt.force)
            lists.append(ix.rows_with("force", fid) if fid is not None else ())
        if flt.speaker:
            sid = self._speaker_index().get(flt.speaker)
            lists.append(ix.rows_with("speaker", sid) if sid is not None else ())
        if flt.outlet:
            lists.append(ix.rows_with("outlet", flt.outlet))
        if flt.year:
            lists.append(ix.rows_with("year", flt.year))
        lists.sort(key=len)
        rows: Sequence[int] = lists[0]
        if len(lists) > 1:
            rows = sorted(set(lists[0]).intersection(*lists[1:]))
        return _Selection.of(len(self._ids), rows)

    def _force_index(self) -> dict[str, int]:
        return {name: i for i, name in enumerate(self._force_names)}

    def _speaker_index(self) -> dict[str, int]:
        if self._speaker_ix is None:
            self._speaker_ix = {k: i for i, k in enumerate(self._speaker_keys)}
        return self._speaker_ix

    def articles(
        self,
        flt: ArticleFilter | None = None,
        sort: SortKey = "date",
        descending: bool = True,
    ) -> ArticleRows:
        """Articles matching the filter (facets and full-text), sorted; newest first by default."""
        selected = self._select(flt)
        order, _ = self._order(sort, descending)
        if selected is None:
            return ArticleRows(self._rowsrc, order)
        if sort == "date" and descending:  # the manifest's own order
            return ArticleRows(self._rowsrc, selected.positions())
        if selected.size * 8 < len(order):
            rank = self._rank(sort, descending)
            ranked = sorted(selected.positions(), key=rank.__getitem__)
            return ArticleRows(self._rowsrc, tuple(ranked))
        flags = selected.flags
        return ArticleRows(self._rowsrc, tuple(compress(order, map(flags.__getitem__, order))))

    def facets(self, flt: ArticleFilter | None = None) -> Facets:
        """Counts per force, speaker, outlet and year among the articles the filter selects."""
        selected = self._select(flt)
        if selected is None:
            if self._global_facets is None:
                self._global_facets = self._corpus_facets()
            return self._global_facets
        with self._lock:
            cached = self._facet_cache.get(selected.key)
            if cached is not None:
                self._facet_cache.move_to_end(selected.key)
                return cast(Facets, cached)
        ix = self._ix()
        if selected.size * 2 <= len(self._ids):
            forces, speakers, outlets, years = ix.count(selected)
        else:
            # Most rows are selected: count the rest and subtract from the totals.
            rest = _Selection(selected.flags.translate(_INVERT))
            f_rest, s_rest, o_rest, y_rest = ix.count(rest)
            f_all, s_all, o_all, y_all = ix.totals
            forces, speakers = f_all - f_rest, s_all - s_rest
            outlets, years = o_all - o_rest, y_all - y_rest
        facets = self._facets_from(forces, speakers, outlets, years)
        with self._lock:
            self._facet_cache.get_or(selected.key, lambda: facets)
        return facets

    def _corpus_facets(self) -> Facets:
        """Facets of the whole corpus, from the manifest's summaries (no per-row work)."""
        forces = Counter(dict(enumerate(self._forces_cols["articles"])))
        speakers = Counter(dict(enumerate(self._speakers_cols["articles"])))
        outlets = Counter(self._outlets)
        outlets.pop(None, None)
        years = Counter(d[:4] for d in self._dates if d)
        return self._facets_from(
            forces,
            speakers,
            cast("Counter[str]", outlets),
            Counter({int(y): n for y, n in years.items() if y.isdigit()}),
        )

    def _facets_from(
        self,
        forces: Counter[int],
        speakers: Counter[int],
        outlets: Counter[str],
        years: Counter[int],
    ) -> Facets:
        """Facet values, most counted first, then by label and value."""
        force_order, speaker_order = self._label_orders()

        def ranked(order: Sequence[int], counts: Counter[int]) -> list[int]:
            # `order` is sorted by label and value: a stable sort by count keeps that for ties.
            present = list(compress(order, map(counts.get, order)))
            present.sort(key=counts.__getitem__, reverse=True)
            return present

        names, keys, labels = self._force_names, self._speaker_keys, self._speaker_names
        outlet_values = [FacetValue(o, o, n) for o, n in outlets.items()]
        outlet_values.sort(key=lambda v: (-v.count, v.label.casefold(), v.value))
        return Facets(
            forces=tuple(
                FacetValue(names[f], names[f], forces[f]) for f in ranked(force_order, forces)
            ),
            speakers=tuple(
                FacetValue(keys[s], labels[s], speakers[s]) for s in ranked(speaker_order, speakers)
            ),
            outlets=tuple(outlet_values),
            years=tuple(FacetValue(str(y), str(y), years[y]) for y in sorted(years, reverse=True)),
        )

    def _label_orders(self) -> tuple[Sequence[int], Sequence[int]]:
        """Force and speaker indexes sorted by label (case-folded), then value; made once."""
        with self._lock:
            if self._label_order is None:
                names, keys, labels = self._force_names, self._speaker_keys, self._speaker_names
                forces = sorted(range(len(names)), key=lambda f: (names[f].casefold(), names[f]))
                speakers = sorted(range(len(keys)), key=lambda s: (labels[s].casefold(), keys[s]))
                self._label_order = (tuple(forces), tuple(speakers))
            return self._label_order

    # ---- full-text search ------------------------------------------------------------

    def _term_table(self, term: str) -> tuple[dict[str, str], tuple[str, ...]]:
        """The term shard holding `term`: term -> encoded postings, and the sorted terms."""
        key = term_shard_key(term)

        def build() -> tuple[dict[str, str], tuple[str, ...]]:
            docs = self._shard("terms", key)
            postings = {d["t"]: d["p"] for d in docs.values()}
            return postings, tuple(sorted(postings))

        with self._lock:
            number = shard_of(key, len(self._blobs["terms"]))
            table: tuple[dict[str, str], tuple[str, ...]]
            table = self._term_tables.get_or(number, build)
            return table

    def _matching_terms(self, word: str, prefix: bool) -> tuple[str, ...]:
        """The indexed terms a query word stands for: itself, or all it is a prefix of.

        A prefix of two letters expands only when few terms share it, which keeps the
        first keystrokes of a search cheap on a large corpus.
        """
        postings, terms = self._term_table(word)
        if not prefix:
            return (word,) if word in postings else ()
        start = bisect.bisect_left(terms, word)
        end = bisect.bisect_left(terms, word + "\uffff", start)
        if len(word) < 3 and end - start > _SHORT_PREFIX_TERMS:
            return (word,) if word in postings else ()
        return tuple(terms[start:end])

    def _query(self, text: str) -> tuple[tuple[str, ...], ...] | None:
        """The terms each word of a search stands for (in a canonical order), or None when
        the search holds nothing to match."""
        whole, prefix = query_words(text)
        if not whole and prefix is None:
            return None
        words = [self._matching_terms(w, False) for w in whole]
        if prefix is not None:
            words.append(self._matching_terms(prefix, True))
        return tuple(sorted(words))

    def _word_matches(self, terms: tuple[str, ...]) -> tuple[_Selection, array[int]]:
        """The rows holding any of a query word's terms, and per row position how often
        they occur there (summed over the terms). Cached by terms, so the keystrokes of a
        word that stand for the same terms share one answer."""
        with self._lock:
            cached = self._words.get(terms)
            if cached is not None:
                self._words.move_to_end(terms)
                return cast("tuple[_Selection, array[int]]", cached)
        # Counts are gathered by article slot (postings list slots in ascending order, so
        # writes go forward through memory), in 32-bit fields. A term found in many
        # articles is laid out in full and added as one big integer, every slot at once
        # with no carries (a count never nears 2**32); rare terms are added slot by slot.
        space = self._slot_space()
        width = _FIELD_BYTES * space
        summed = array(_FIELD, bytes(width))
        total = 0
        listed: bytearray | None = None  # slots listed with a zero count, which still match
        postings = self._term_table(terms[0])[0] if terms else {}
        for term in terms:
            with self._lock:
                packed = self._packed.get(term)  # a common term laid out by an earlier word
            if packed is not None:
                total += cast(int, packed)
                continue
            gaps, counts = split_postings(postings.get(term, ";"))
            if len(gaps) != len(counts):
                raise StoreError(
                    f"the search index entry for {term!r} is damaged", "run `forcewatch reindex`"
                )
            slots: Iterable[int] = accumulate(gaps)
            ascending = not gaps or (min(gaps) >= 0 and 0 not in gaps[1:])
            if not ascending or sum(gaps) >= space:  # damaged: keep the slots that exist
                kept = [(s, c) for s, c in zip(slots, counts, strict=True) if 0 <= s < space]
                slots, counts = [s for s, _ in kept], [c for _, c in kept]
            zero = 0 in counts
            if zero:
                slots = list(slots)
                listed = listed if listed is not None else bytearray(space)
                _consume(map(listed.__setitem__, slots, repeat(1)))
            if ascending and len(counts) * 32 > space:
                dense = array(_FIELD, bytes(width))
                _consume(map(dense.__setitem__, slots, counts))
                packed = int.from_bytes(dense, sys.byteorder)
                total += packed
                if not zero:
                    with self._lock:
                        self._packed.put(term, packed, width)
            else:
                slots = list(slots)
                added = map(add, map(summed.__getitem__, slots), counts)
                _consume(map(summed.__setitem__, slots, added))
        if total:
            total += int.from_bytes(summed, sys.byteorder)
            summed = array(_FIELD, total.to_bytes(width, sys.byteorder))
        # From slots to row positions, once per word rather than once per posting.
        by_row: Sequence[int] = self._articles["slot"]
        counts_by_row = array(_FIELD, map(summed.__getitem__, by_row))
        flags = bytes(map(bool, counts_by_row))
        if listed is not None:
            zero_listed = bytes(map(listed.__getitem__, by_row))
            either = int.from_bytes(flags, "little") | int.from_bytes(zero_listed, "little")
            flags = either.to_bytes(len(flags), "little")
        result = (_Selection(flags), counts_by_row)
        with self._lock:
            self._words.get_or(terms, lambda: result)
        return result

    def _slot_space(self) -> int:
        """One more than the highest article slot the index may list."""
        slots: Sequence[int] = self._articles["slot"]
        next_slot = self._meta.get("next_slot")
        return max(max(slots, default=-1) + 1, next_slot if isinstance(next_slot, int) else 0)

    def _text_rows(self, query: tuple[tuple[str, ...], ...]) -> _Selection:
        """Rows matching every word of a resolved search."""
        return reduce(_Selection.meet, [self._word_matches(terms)[0] for terms in query])

    def search(self, text: str) -> SearchHits:
        """Articles whose title or text match every word (the last word as a prefix).

        Words of one letter and common stop words ("the", "of") are ignored; a search with
        nothing left to match finds nothing. Most matches first, then newest first.
        """
        query = self._query(text)
        if query is None:
            return SearchHits((), (), ())
        with self._lock:
            cached = self._hits.get(query)
        if cached is None:
            cached = self._ranked_hits(text, query)
            with self._lock:
                self._hits.get_or(query, lambda: cached)
        return cast(SearchHits, cached)

    def _ranked_hits(self, text: str, query: tuple[tuple[str, ...], ...]) -> SearchHits:
        found = self._select(ArticleFilter(text=text))
        if found is None or not found.size:
            return SearchHits((), (), ())
        counted = [self._word_matches(terms)[1] for terms in query]
        counts = counted[0]
        if len(counted) > 1:  # add the words' counts, every row at once (32-bit fields)
            total = sum(int.from_bytes(c, sys.byteorder) for c in counted)
            counts = array(_FIELD, total.to_bytes(len(counts) * _FIELD_BYTES, sys.byteorder))
        # Rows are newest first; a stable sort by matches keeps that order among equals.
        ranked = sorted(found.positions(), key=counts.__getitem__, reverse=True)
        return SearchHits(self._ids, tuple(ranked), counts)

    # ---- one article -----------------------------------------------------------------

    def _body(self, article_id: int) -> Doc | None:
        doc = self._shard("bodies", article_id).get(str(article_id))
        return doc if isinstance(doc, dict) else None

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with paragraphs and annotations, or None if it is not stored."""
        pos = self._positions_by_id().get(article_id)
        if pos is None:
            return None
        body = self._body(article_id)
        if body is None:
            return None
        row = self._row(pos)

        def items(key: str) -> list[Doc]:
            value = body.get(key)
            return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

        quotes = tuple(
            QuoteSpan(
                speaker=str(q.get("speaker", "")),
                speaker_key=str(q.get("key", "")),
                text=str(q.get("text", "")),
                paragraphs=tuple(p for p in q.get("paragraphs") or () if isinstance(p, int)),
                partial=q.get("partial") is True,
            )
            for q in items("quotes")
        )
        events = tuple(
            EventRow(
                date=e.get("date"),
                precision=cast(Precision, e.get("precision", "unknown")),
                force=e.get("force"),
                text=str(e.get("text", "")),
                kind=str(e.get("kind", "mentioned")),
                article_id=article_id,
                paragraph=e.get("paragraph"),
                article_title=row.title,
                outlet=row.outlet,
            )
            for e in items("events")
        )
        paragraphs = body.get("paragraphs")
        warnings = body.get("warnings")
        return ArticleDetail(
            row=row,
            description=body.get("description")
            if isinstance(body.get("description"), str)
            else None,
            paragraphs=tuple(p for p in paragraphs if isinstance(p, str))
            if isinstance(paragraphs, list)
            else (),
            forces=tuple(ForceMention.from_json(f) for f in items("forces")),
            people=tuple(Person.from_json(p) for p in items("people")),
            quotes=quotes,
            events=events,
            figures=tuple(Figure.from_json(f) for f in items("figures")),
            warnings=tuple(w for w in warnings if isinstance(w, str))
            if isinstance(warnings, list)
            else (),
        )

    def raw_text(self, article_id: int) -> str | None:
        """The article file's text as it was ingested (decoded), or None."""
        body = self._body(article_id)
        raw = body.get("raw") if body else None
        return raw if isinstance(raw, str) else None

    # ---- forces and timelines ------------------------------------------------------------

    def forces(self) -> list[ForceSummary]:
        """Every force with coverage, most covered first."""
        return [
            ForceSummary(r.name, r.articles, r.quotes, r.events, r.years)
            for r in force_rows(self._forces_cols)
        ]

    def _event_row(self, doc: Doc) -> EventRow | None:
        aid = doc.get("a")
        pos = self._positions_by_id().get(aid) if isinstance(aid, int) else None
        if pos is None:
            return None
        return EventRow(
            date=doc.get("d"),
            precision=cast(Precision, doc.get("pr", "unknown")),
            force=doc.get("f"),
            text=str(doc.get("t", "")),
            kind=str(doc.get("kind", "mentioned")),
            article_id=cast(int, aid),
            paragraph=doc.get("p"),
            article_title=self._titles[pos],
            outlet=self._outlets[pos],
        )

    def _event_key(self, event: EventRow) -> tuple[Any, ...]:
        pos = self._positions_by_id()[event.article_id]
        return (
            *_date_key(event.date),
            *_date_key(self._dates[pos]),
            event.article_id,
            -1 if event.paragraph is None else event.paragraph,
        )

    def timeline(self, force: str) -> list[EventRow]:
        """A force's events in date order; undated events last.

        Besides events tied to the force, the timeline holds the publication of each article
        that mentions it, and undated-force events of articles that mention only this force.
        """
        docs = self._shard("events", force).values()
        events = [e for d in docs if d.get("tf") == force and (e := self._event_row(d))]
        events.sort(key=self._event_key)
        return events

    def all_events(self) -> list[EventRow]:
        """Every event once, in date order with undated ones last (for export)."""
        seen: set[tuple[int, int]] = set()
        events = []
        for docs in self._all_shards("events"):
            for doc in docs.values():
                ident = (doc.get("a", 0), doc.get("i", 0))
                if ident in seen:
                    continue
                seen.add(ident)
                event = self._event_row(doc)
                if event:
                    events.append(event)
        events.sort(key=self._event_key)
        return events

    # ---- speakers and quotes -------------------------------------------------------------

    def speakers(self) -> list[SpeakerSummary]:
        """Every speaker, people and organisations, most quoted first."""
        cols = self._speakers_cols
        return [
            SpeakerSummary(
                key=cols["key"][i],
                name=cols["name"][i],
                kind=cast(SpeakerKind, cols["kind"][i]),
                role=cols["role"][i],
                organisation=cols["organisation"][i],
                quotes=cols["quotes"][i],
                articles=cols["articles"][i],
                forces=tuple(self._force_names[r] for r in split_refs(cols["forces"][i])),
            )
            for i in range(len(cols["key"]))
        ]

    def _groups(self, docs: Sequence[Doc]) -> list[QuoteGroup]:
        """Group quote documents of one speaker by their normalised text."""
        by_text: dict[tuple[str, str], list[tuple[Doc, QuoteSource]]] = {}
        ids = self._positions_by_id()
        for doc in docs:
            pos = ids.get(doc.get("a", -1))
            if pos is None:
                continue
            paragraphs = doc.get("p") or [0]
            source = QuoteSource(
                article_id=self._ids[pos],
                paragraph=paragraphs[0] if isinstance(paragraphs[0], int) else 0,
                title=self._titles[pos],
                outlet=self._outlets[pos],
                date=self._dates[pos],
                precision=cast(Precision, PRECISIONS[self._articles["precision"][pos]]),
            )
            by_text.setdefault((str(doc.get("k")), str(doc.get("n"))), []).append((doc, source))
        groups = []
        for (key, _), members in by_text.items():
            members.sort(key=lambda m: (*_date_key(m[1].date), m[1].title, m[1].article_id))
            names = Counter(str(m[0].get("s", "")) for m in members)
            groups.append(
                QuoteGroup(
                    speaker_key=key,
                    speaker=min(names, key=lambda v: (-names[v], -len(v), v)),
                    text=str(members[0][0].get("t", "")),
                    partial=all(m[0].get("partial") is True for m in members),
                    sources=tuple(m[1] for m in members),
                )
            )
        groups.sort(key=lambda g: (*_date_key(g.sources[0].date), g.text))
        return groups

    def quotes_by(self, speaker_key: str) -> list[QuoteGroup]:
        """A speaker's quotes in date order (undated last); the same words from several
        outlets (equal after folding case, quote marks and spacing) form one group."""
        docs = [d for d in self._shard("quotes", speaker_key).values() if d.get("k") == speaker_key]
        return self._groups(docs)

    def all_quotes(self) -> list[QuoteGroup]:
        """Every speaker's grouped quotes (for export)."""
        groups: list[QuoteGroup] = []
        for docs in self._all_shards("quotes"):
            by_key: dict[str, list[Doc]] = {}
            for doc in docs.values():
                by_key.setdefault(str(doc.get("k")), []).append(doc)
            for key in sorted(by_key):
                groups.extend(self._groups(by_key[key]))
        groups.sort(key=lambda g: (g.speaker_key, *_date_key(g.sources[0].date), g.text))
        return groups

    # ---- figures and info ------------------------------------------------------------------

    def figures(self, article_id: int | None = None) -> list[FigureRow]:
        """Figures cited, for one article or all (all in article display order)."""
        if article_id is not None:
            if article_id not in self._positions_by_id():
                return []
            docs: list[Doc] = list(self._shard("figures", article_id).values())
            docs = [d for d in docs if d.get("a") == article_id]
        else:
            docs = [d for shard in self._all_shards("figures") for d in shard.values()]
        ids = self._positions_by_id()
        docs = [d for d in docs if d.get("a") in ids]
        docs.sort(key=lambda d: (ids[d["a"]], d.get("i", 0)))
        return [FigureRow(article_id=d["a"], figure=Figure.from_json(d)) for d in docs]

    def info(self) -> StoreInfo:
        """Corpus name, counts, versions and read-only state."""
        counts = self._meta.get("counts") or {}
        return StoreInfo(
            name=str(self._meta.get("name") or self.path.name),
            path=str(self.path),
            articles=len(self._ids),
            forces=len(self._force_names),
            speakers=len(self._speaker_keys),
            quotes=int(counts.get("quotes", 0)),
            events=int(counts.get("events", 0)),
            figures=int(counts.get("figures", 0)),
            read_only=self.read_only or not os.access(self.path, os.W_OK),
            schema_version=int(self._meta.get("schema_version", SCHEMA_VERSION)),
            parser_version=str(self._meta.get("parser_version", "")),
            generation=int(self._meta.get("generation", 0)),
        )

    def close(self) -> None:
        """Drop cached shards (the store holds no open files)."""
        for cache in self._shards.values():
            cache.clear()


class _Missing(StoreError):
    """A blob the manifest names is gone: followed once in `_shard`, else reported as is."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"the store file {path} is missing",
            "run `forcewatch reindex`, or restore the store from a backup",
        )
        self.path = path


def store_exists(path: Path) -> bool:
    """True when the folder holds a store manifest."""
    return manifest_path(path).is_file()


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> Store:
    """Open an existing store for queries.

    Opening never creates, locks or modifies any file, whatever `read_only` says; the
    flag only tells the app not to offer writes. A missing, corrupt, unreadable or
    other-schema store raises StoreError with the way to fix it.
    """
    return Store(Path(path), read_only=read_only)


_ = STOPWORDS
