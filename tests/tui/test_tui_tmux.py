"""End to end: the installed `forcewatch` command in a real tmux terminal at 80×24 reaches
the three facts the explorer is done by, by keyboard alone."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from tui_helpers import build_store

TMUX = shutil.which("tmux")
FORCEWATCH = Path(sys.executable).with_name("forcewatch")

pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed")


class Terminal:
    """A private tmux server with one 80×24 window running a command."""

    def __init__(self, socket: Path) -> None:
        self.socket = socket

    def tmux(self, *args: str) -> str:
        assert TMUX is not None
        done = subprocess.run(
            [TMUX, "-S", str(self.socket), "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        return done.stdout

    def start(self, command: list[str], env: dict[str, str]) -> None:
        exports = [f"{k}={v}" for k, v in env.items()]
        self.tmux(
            "new-session", "-d", "-s", "e2e", "-x", "80", "-y", "24", "env", *exports, *command
        )
        self.tmux("set-option", "-s", "escape-time", "10")
        self.tmux("set-option", "-t", "e2e", "remain-on-exit", "on")

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "e2e", key)
            time.sleep(0.15)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{shown}")

    def cursor_line(self) -> str:
        return next((ln for ln in self.screen().splitlines() if ln.startswith("▸")), "")

    def alive(self) -> bool:
        return self.tmux("display-message", "-p", "-t", "e2e", "#{pane_dead}").strip() == "0"


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A private tmux server (its socket in a short temporary folder), killed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="fw-tmux-"))
    term = Terminal(folder / "socket")
    try:
        yield term
    finally:
        term.tmux("kill-server")
        shutil.rmtree(folder, ignore_errors=True)


def test_done_when_facts_reachable_by_keyboard_at_80x24(tmp_path: Path, terminal: Terminal) -> None:
    """Articles lists the five seeds with dates; Forces shows Nottinghamshire Police in
    October 2017; Speakers shows Zoe Billingham quoted in three articles; Esc goes back."""
    assert FORCEWATCH.exists(), "the forcewatch command is not installed in this environment"
    store = build_store(tmp_path)
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
    }
    terminal.start([str(FORCEWATCH), "--db", str(store)], env)

    shown = terminal.wait_for("5 articles · newest first")
    rows = [ln for ln in shown.splitlines() if ln[:1] in "▸ " and ln[2:4] in ("20", "un")]
    assert len(rows) == 5
    assert "2017-10-06" in shown and "2019-09-27" in shown

    terminal.keys("2")
    terminal.wait_for("Arts  Qts Evts")
    terminal.wait_for("Nottinghamshire Police")
    for _ in range(10):
        if "Nottinghamshire Police" in terminal.cursor_line():
            break
        terminal.keys("j")
    assert "Nottinghamshire Police" in terminal.cursor_line()
    terminal.keys("Enter")
    shown = terminal.wait_for("Nottinghamshire Police ·")
    assert "2017-10-06" in shown

    terminal.keys("3")
    terminal.wait_for("Role · organisation")
    terminal.wait_for("Zoe Billingham")
    for _ in range(15):
        if "Zoe Billingham" in terminal.cursor_line():
            break
        terminal.keys("j")
    terminal.keys("Enter")
    shown = terminal.wait_for("Zoe Billingham · ")
    assert "from 3 articles" in shown

    terminal.keys("Enter")
    shown = terminal.wait_for("▶ Zoe Billingham:")
    terminal.keys("Escape")
    shown = terminal.wait_for("from 3 articles")
    assert "▶" not in shown

    terminal.keys("?")
    terminal.wait_for("Keys — Esc to close")
    terminal.keys("Escape")
    terminal.wait_for("from 3 articles")

    terminal.keys("C-q")
    deadline = time.monotonic() + 15
    while terminal.alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.alive()


def test_escape_and_arrows_over_a_slow_ssh_link(tmp_path: Path, terminal: Terminal) -> None:
    """Over SSH an arrow key whose bytes arrive 120 ms apart is still an arrow, and a lone
    Escape still goes back."""
    store = build_store(tmp_path)
    env = {
        "HOME": str(tmp_path),
        "TERM": "xterm-256color",
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PATH": os.environ.get("PATH", ""),
        "SSH_CONNECTION": "127.0.0.1 50000 127.0.0.1 22",
    }
    terminal.start([str(FORCEWATCH), "--db", str(store)], env)
    terminal.wait_for("5 articles · newest first")
    terminal.keys("Enter")
    terminal.wait_for("Jump    Tab")
    terminal.tmux("send-keys", "-t", "e2e", "-H", "1b")
    time.sleep(0.12)
    terminal.tmux("send-keys", "-t", "e2e", "-l", "[B")
    time.sleep(0.8)
    shown = terminal.screen()
    assert "newest first" not in shown  # not taken for Escape (which would go back)
    assert "4 Reader" in shown
    terminal.keys("Escape")
    terminal.wait_for("5 articles · newest first")
