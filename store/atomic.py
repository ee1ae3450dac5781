"""Crash-safe file writes: temp file, fsync, rename, directory fsync; and the writer lock."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import secrets
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

from .errors import StoreError
from .layout import LOCK, TEMP_MARK, is_temp


def ignore_file_size_signal() -> None:
    """Make an exceeded file-size limit an EFBIG error instead of a killed process."""
    if hasattr(signal, "SIGXFSZ") and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def fsync_dir(path: Path) -> None:
    """Make a rename inside `path` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(
    path: Path, data: bytes, mode: int | None = None, *, sync_dir: bool = True
) -> None:
    """Replace `path` with `data` so readers see the old or the new file, never a torn one."""
    temp = path.with_name(f"{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}-{path.name}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise
    if sync_dir:
        fsync_dir(path.parent)


def remove_temps(directory: Path) -> int:
    """Delete temp files a killed writer left behind; only call while holding the lock."""
    removed = 0
    try:
        entries = list(os.scandir(directory))
    except FileNotFoundError:
        return 0
    for entry in entries:
        if is_temp(entry.name) and entry.is_file(follow_symlinks=False):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(entry.path)
                removed += 1
    return removed


@contextlib.contextmanager
def writer_lock(store: Path) -> Iterator[None]:
    """Hold the store's exclusive writer lock (blocking until other writers finish)."""
    try:
        fd = os.open(store / LOCK, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise StoreError(
            f"cannot lock the store at {store}: {exc.strerror}",
            "check the folder's permissions or open it read-only",
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def describe_os_error(exc: OSError) -> str:
    """A short reason for a failed write, naming full disks and size limits plainly."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "the file size limit was reached"
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "permission denied"
    return exc.strerror or str(exc)
