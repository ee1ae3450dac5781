"""Find article files, read and parse them (in parallel when there are many), and store them."""

from __future__ import annotations

import errno
import os
import stat
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from pathlib import Path
from typing import TypeVar

from .layout import manifest_path
from .parse import DecodeError, decode_bytes, parse_article
from .parse.decode import MAX_BYTES
from .prepare import ArticleData, prepare
from .records import ParsedArticle
from .writer import CommitResult, commit

EXTENSIONS = (".txt", ".md")
POOL_THRESHOLD = 50  # use a process pool above this many files
Progress = Callable[[int, int], None]
T = TypeVar("T")
Item = TypeVar("Item")


class FileError(Exception):
    """A file that cannot be read or parsed; the message is the reason."""


@dataclass(frozen=True)
class Skipped:
    """A path left out of a batch, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class Failed:
    """A file that could not be read or parsed, and why."""

    path: str
    reason: str


@dataclass(frozen=True)
class IngestReport:
    """The outcome of one ingest: per-file statuses and the commit."""

    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[Failed, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    commit: CommitResult = field(default_factory=CommitResult)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _stat_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symlink loop"
    if exc.errno == errno.ENOENT:
        return "no such file or directory (or a broken symlink)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    return exc.strerror or str(exc)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> tuple[list[str], list[Skipped]]:
    """Article files under the given files and folders (recursive), and what was skipped.

    Paths come back as given (joined with the names found below a folder). Only `.txt`
    and `.md` files are taken; FIFOs, sockets, devices, other files, symlink loops and
    unreadable entries are skipped with a reason. A path that does not exist is skipped too.
    """
    files: list[str] = []
    skipped: list[Skipped] = []
    seen_dirs: set[tuple[int, int]] = set()
    seen_files: set[tuple[int, int]] = set()

    def visit(path: str, explicit: bool) -> None:
        try:
            st = os.stat(path)
        except OSError as exc:
            skipped.append(Skipped(path, _stat_reason(exc)))
            return
        if stat.S_ISDIR(st.st_mode):
            ident = (st.st_dev, st.st_ino)
            if ident in seen_dirs:
                if os.path.islink(path):
                    skipped.append(Skipped(path, "symlink loop"))
                return
            seen_dirs.add(ident)
            try:
                with os.scandir(path) as it:
                    names = sorted(entry.name for entry in it)
            except OSError as exc:
                skipped.append(Skipped(path, _stat_reason(exc)))
                return
            for name in names:
                visit(os.path.join(path, name), False)
            return
        if not stat.S_ISREG(st.st_mode):
            skipped.append(Skipped(path, _kind(st.st_mode)))
            return
        if not path.lower().endswith(EXTENSIONS):
            skipped.append(Skipped(path, "not a .txt or .md file"))
            return
        ident = (st.st_dev, st.st_ino)
        if ident in seen_files:
            return
        seen_files.add(ident)
        files.append(path)

    for path in paths:
        visit(os.fspath(path), True)
    return files, skipped


def read_file(path: str) -> bytes:
    """A regular file's bytes; never blocks on a FIFO, refuses files over the size limit."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise FileError(_stat_reason(exc)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise FileError(_kind(st.st_mode))
        if st.st_size > MAX_BYTES:
            raise FileError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
        chunks = []
        total = 0
        while True:
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            total += len(chunk)
            if total > MAX_BYTES:
                raise FileError(f"file is larger than {MAX_BYTES // (1024 * 1024)} MB")
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as exc:
        raise FileError(_stat_reason(exc)) from None
    finally:
        os.close(fd)


def parse_text(text: str, source: str) -> ParsedArticle:
    """Run the parser, turning any exception it raises into a FileError."""
    try:
        return parse_article(text, source)
    except RecursionError:
        raise FileError("parser error: text nested too deeply") from None
    except MemoryError:
        raise FileError("parser error: out of memory") from None
    except Exception as exc:
        raise FileError(f"parser error: {type(exc).__name__}: {exc}") from None


def decode_file(path: str) -> tuple[str, tuple[str, ...]]:
    """Read and decode one file; FileError with the reason when that fails."""
    data = read_file(path)
    if not data.strip():
        raise FileError("empty file")
    try:
        return decode_bytes(data)
    except DecodeError as exc:
        raise FileError(str(exc)) from None


def parse_file(path: str, source: str | None = None) -> ParsedArticle:
    """Read, decode and parse one article file."""
    text, warnings = decode_file(path)
    parsed = parse_text(text, path if source is None else source)
    return _with_warnings(parsed, warnings)


def _with_warnings(parsed: ParsedArticle, warnings: tuple[str, ...]) -> ParsedArticle:
    if not warnings:
        return parsed
    from dataclasses import replace

    extra = tuple(w for w in warnings if w not in parsed.warnings)
    return replace(parsed, warnings=(*extra, *parsed.warnings))


def store_source(path: str) -> str:
    """The source path kept in the store: absolute, so the same file is the same source."""
    return os.path.abspath(path)


def prepare_file(path: str) -> ArticleData:
    """Read, decode, parse and prepare one file for storing."""
    source = store_source(path)
    text, warnings = decode_file(path)
    return prepare(_with_warnings(parse_text(text, source), warnings), text, source)


def prepare_text(item: tuple[str, str]) -> ArticleData:
    """Parse and prepare a stored raw text again (reindex); item is (text, source)."""
    text, source = item
    return prepare(parse_text(text, source), text, source)


def _guarded(func: Callable[[Item], T], item: Item) -> T | FileError:
    try:
        return func(item)
    except FileError as exc:
        return exc


def warm_parser() -> None:
    """Compile the parser's patterns and tables now, so forked workers start with them."""
    parse_article("Kent Police said on 1 May 2020: “A test.”\n\nMr John Smith, 40, said.")


def _pool_context() -> BaseContext:
    """How to start the workers: forked from this process when it runs no other thread.

    A forked worker starts at once with the parser already warm (patterns compiled,
    tables built, shared copy-on-write); a fresh interpreter takes seconds to get there.
    Forking while another thread runs can copy a lock that thread holds, so then a fork
    server starts the workers instead.
    """
    if threading.active_count() == 1 and "fork" in get_all_start_methods():
        warm_parser()
        return get_context("fork")
    return get_context("forkserver")


def run_parallel(
    func: Callable[[Item], T],
    items: Sequence[Item],
    progress: Progress | None = None,
    workers: int | None = None,
) -> Iterator[tuple[Item, T | FileError]]:
    """Apply func to each item, in a process pool when there are many; results in order.

    func must be a module-level function. A FileError it raises becomes the item's result.
    """
    total = len(items)
    cores = workers if workers is not None else (os.cpu_count() or 1)
    done = 0
    if total <= POOL_THRESHOLD or cores <= 1:
        for item in items:
            result = _guarded(func, item)
            done += 1
            if progress:
                progress(done, total)
            yield item, result
        return
    chunk = max(1, min(64, total // (cores * 8)))
    try:
        with ProcessPoolExecutor(max_workers=cores, mp_context=_pool_context()) as pool:
            results = pool.map(_guarded, [func] * total, items, chunksize=chunk)
            for item, result in zip(items, results, strict=True):
                done += 1
                if progress:
                    progress(done, total)
                yield item, result
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish the rest in this process.
        for item in items[done:]:
            result = _guarded(func, item)
            done += 1
            if progress:
                progress(done, total)
            yield item, result


def ingest(
    store: Path,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Progress | None = None,
    workers: int | None = None,
    name: str | None = None,
) -> IngestReport:
    """Ingest files and folders into the store with one commit; bad files are reported."""
    files, skipped = collect_files(paths)
    batch: list[ArticleData] = []
    failed: list[Failed] = []
    for path, result in run_parallel(prepare_file, files, progress, workers):
        if isinstance(result, FileError):
            failed.append(Failed(path, str(result)))
        else:
            batch.append(result)
    shown = {store_source(p): p for p in files}
    if not batch and not manifest_path(store).exists():
        return IngestReport(failed=tuple(failed), skipped=tuple(skipped))
    done = commit(store, batch, name=name)
    return IngestReport(
        added=tuple(shown.get(s, s) for s in done.added),
        replaced=tuple(shown.get(s, s) for s in done.replaced),
        unchanged=tuple(shown.get(s, s) for s in done.unchanged),
        failed=tuple(failed),
        skipped=tuple(skipped),
        commit=done,
    )
