"""Run the real `forcewatch` command in a subprocess, piped or on a pseudo-terminal."""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import pty
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TIMEOUT = 600  # a backstop against a hang, far above any normal run


def command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("forcewatch")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "forcewatch.tui.cli"]


def environment(home: Path) -> dict[str, str]:
    """A clean environment: no store override, a private home, UTF-8, a wide terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("FORCEWATCH_DB", "NO_COLOR")}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
        COLUMNS="250",
        LINES="50",
        TERM="xterm-256color",
        PYTHONFAULTHANDLER="1",
    )
    return env


PR_CAPBSET_DROP = 24
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2


def without_read_override() -> None:
    """For a child run as root: drop the power to ignore file modes, so chmod 0 bites."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


@dataclass(frozen=True)
class Result:
    """A finished command: exit status and the bytes it wrote."""

    status: int
    stdout: bytes
    stderr: bytes

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", errors="replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", errors="replace")


def run(
    args: list[str | bytes | os.PathLike[str]],
    home: Path,
    *,
    cwd: Path | None = None,
    timeout: float = TIMEOUT,
    preexec: Callable[[], object] | None = None,
) -> Result:
    """Run forcewatch with pipes for stdout and stderr."""
    proc = subprocess.run(
        [*command(), *args],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=environment(home),
        cwd=cwd or home,
        timeout=timeout,
        preexec_fn=preexec,
    )
    return Result(proc.returncode, proc.stdout, proc.stderr)


def run_in_pty(
    args: list[str | bytes | os.PathLike[str]],
    home: Path,
    *,
    cwd: Path | None = None,
    timeout: float = TIMEOUT,
    columns: int = 250,
) -> Result:
    """Run forcewatch with stdout and stderr on one pseudo-terminal; everything it drew."""
    argv = [os.fsencode(a) for a in (*command(), *args)]
    env = environment(home)
    pid, fd = pty.fork()
    if pid == 0:  # the child: its stdin, stdout and stderr are the terminal
        try:
            os.chdir(cwd or home)
            os.execve(argv[0], argv, {k.encode(): v.encode() for k, v in env.items()})
        finally:
            os._exit(127)
    size = struct.pack("HHHH", 50, columns, 0, 0)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, size)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise TimeoutError(f"forcewatch {args!r} did not finish in {timeout}s")
            ready, _, _ = select.select([fd], [], [], min(left, 1.0))
            if not ready:
                continue
            try:
                data = os.read(fd, 65536)
            except OSError as exc:
                if exc.errno == errno.EIO:  # the child closed the terminal
                    break
                raise
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(fd)
        _, status = os.waitpid(pid, 0)
    return Result(os.waitstatus_to_exitcode(status), b"".join(chunks), b"")
