"""`forcewatch --kiosk` as a command: one-line refusals, and a real terminal (tmux) where
hostile TEXTUAL_* settings, quit and job-control keys change nothing and write nothing."""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FORCEWATCH = str(Path(sys.executable).parent / "forcewatch")
SEED_TITLE = "Notts police must tackle abuse"


def run_cli(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The command with no terminal: stdin from /dev/null, output captured."""
    return subprocess.run(
        [FORCEWATCH, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
        cwd=cwd,
    )


def tree(folder: Path) -> list[str]:
    """Every path under `folder`, relative, sorted."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@pytest.mark.parametrize(
    ("args", "env"),
    [
        pytest.param(["--kiosk"], {}, id="flag"),
        pytest.param([], {"FORCEWATCH_KIOSK": "1"}, id="env"),
    ],
)
def test_missing_store_is_one_line_and_never_seeded(
    tmp_path: Path, args: list[str], env: dict[str, str]
) -> None:
    """Kiosk mode without a store says so in one line (exit 2) and creates nothing."""
    store = tmp_path / "store"
    done = run_cli(*args, "--db", str(store), env=env, cwd=tmp_path)
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "no store at" in lines[0] and str(store) in lines[0]
    assert done.stdout == ""
    assert tree(tmp_path) == []


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(["ingest", "x.txt"], id="ingest"),
        pytest.param(["export", "articles"], id="export"),
        pytest.param(["reindex"], id="reindex"),
        pytest.param(["stats"], id="stats"),
    ],
)
def test_kiosk_refuses_other_commands(tmp_path: Path, seed_store: Path, command: list[str]) -> None:
    """With FORCEWATCH_KIOSK=1 every subcommand is refused in one line, touching nothing."""
    before = tree(seed_store)
    done = run_cli("--db", str(seed_store), *command, env={"FORCEWATCH_KIOSK": "1"}, cwd=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "kiosk" in done.stderr
    assert tree(seed_store) == before and tree(tmp_path) == []


def test_kiosk_needs_a_terminal(seed_store: Path, tmp_path: Path) -> None:
    """Without a terminal (e.g. ssh without -t) kiosk mode says so in one line."""
    done = run_cli("--kiosk", "--db", str(seed_store), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == "forcewatch: " + (
        "kiosk mode needs a terminal (for SSH, connect with ssh -t)"
    )


@pytest.mark.parametrize(
    ("args", "env", "words"),
    [
        pytest.param(["--kiosk", "--idle-reset", "soon"], {}, "idle-reset", id="flag-word"),
        pytest.param(["--kiosk", "--idle-reset", "-5"], {}, "idle-reset", id="flag-negative"),
        pytest.param(
            ["--kiosk"], {"FORCEWATCH_IDLE_RESET": "later"}, "FORCEWATCH_IDLE_RESET", id="env"
        ),
        pytest.param(["--no-quit"], {}, "need --kiosk", id="no-quit-alone"),
        pytest.param(["--idle-reset", "5"], {}, "need --kiosk", id="idle-alone"),
    ],
)
def test_bad_kiosk_options_are_refused(
    seed_store: Path, args: list[str], env: dict[str, str], words: str
) -> None:
    """Bad or misplaced kiosk options end with exit 2 and a message naming them."""
    done = run_cli(*args, "--db", str(seed_store), env=env)
    assert done.returncode == 2
    assert words in done.stderr


# ---- a real terminal ------------------------------------------------------------------------


class Pane:
    """One command in a tmux pane on a private tmux server."""

    def __init__(self, command: list[str], cwd: Path) -> None:
        self.socket = "fwkc-" + secrets.token_hex(4)
        self._tmux(
            "-f", "/dev/null", "new-session", "-d", "-s", "k", "-x", "100", "-y", "30",
            "-c", str(cwd), subprocess.list2cmdline(command),
            ";", "set-option", "-t", "k", "remain-on-exit", "on",
        )  # fmt: skip

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "k")

    def keys(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", "k", *keys)

    def value(self, name: str) -> str:
        return self._tmux("display-message", "-p", "-t", "k", "#{" + name + "}").strip()

    def wait_for(self, text: str, timeout: float = 45.0) -> str:
        deadline = time.monotonic() + timeout
        while text not in (screen := self.screen()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear:\n{screen}")
            time.sleep(0.2)
        return screen

    def wait_dead(self, timeout: float = 20.0) -> bool:
        deadline = time.monotonic() + timeout
        nudged = False
        while time.monotonic() < deadline:
            if self.value("pane_dead") == "1":
                if self.value("pane_dead_status") or self.value("pane_dead_signal"):
                    return True
                if not nudged:
                    # tmux marks the pane dead when its terminal closes and records the exit
                    # status when it reaps the process. tmux 3.3a sometimes misses the child's
                    # SIGCHLD and leaves it a zombie; one more SIGCHLD to this test's own
                    # server makes it reap, and the status it records is still the child's.
                    time.sleep(1.0)
                    if not (self.value("pane_dead_status") or self.value("pane_dead_signal")):
                        os.kill(int(self.value("pid")), signal.SIGCHLD)
                    nudged = True
            time.sleep(0.2)
        return False

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def places(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """Empty folders for HOME, the working directory and where TEXTUAL_* would write."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (tests/setup.sh installs it)")
    found = {name: tmp_path / name for name in ("home", "cwd", "shots", "logs")}
    for folder in found.values():
        folder.mkdir()
    yield found


def process_state(pid: int) -> str:
    """The kernel's one-letter state of a process (T: stopped)."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    return stat.rsplit(")", 1)[1].split()[0]


HOSTILE_ENV = {
    "TEXTUAL_PRESS": "ctrl+q",
    "TEXTUAL_SCREENSHOT": "0",
    "TEXTUAL_SCREENSHOT_FILENAME": "shot.svg",
    "TEXTUAL": "devtools,debug",
    "TEXTUAL_ALLOW_SIGNALS": "1",
    "BROWSER": "touch",
}
"""Settings that would press Ctrl+Q, take a screenshot, write a log and allow signals."""


def test_real_terminal_ignores_hostile_settings_and_keys(
    seed_store: Path, places: dict[str, Path]
) -> None:
    """In a real terminal with --no-quit, TEXTUAL_* settings take no screenshot, write no
    log and press no key; Ctrl+Q, Ctrl+C, Ctrl+Z and Ctrl+\\ neither end nor stop the app;
    nothing is written to HOME, the working directory or the store."""
    store_before = tree(seed_store)
    env = {
        **HOSTILE_ENV,
        "TEXTUAL_SCREENSHOT_LOCATION": str(places["shots"]),
        "TEXTUAL_LOG": str(places["logs"] / "textual.log"),
        "HOME": str(places["home"]),
    }
    command = [
        "env",
        *(f"{k}={v}" for k, v in env.items()),
        FORCEWATCH,
        "--kiosk",
        "--no-quit",
        "--db",
        str(seed_store),
    ]
    pane = Pane(command, places["cwd"])
    try:
        screen = pane.wait_for(SEED_TITLE)
        assert "read-only" in screen
        pid = int(pane.value("pane_pid"))
        for key in ("C-q", "C-c", "C-z", "C-\\"):
            pane.keys(key)
            time.sleep(0.7)
            assert pane.value("pane_dead") == "0", f"{key} ended the app"
            assert process_state(pid) != "T", f"{key} stopped the app"
        pane.keys("2")
        pane.wait_for("Nottinghamshire")
    finally:
        pane.close()
    for name in ("home", "cwd", "shots", "logs"):
        assert tree(places[name]) == [], name
    assert tree(seed_store) == store_before


def test_real_terminal_quits_when_allowed(seed_store: Path, places: dict[str, Path]) -> None:
    """With quitting allowed (the default, for SSH), Ctrl+Q ends the app with status 0."""
    pane = Pane(
        ["env", f"HOME={places['home']}", FORCEWATCH, "--kiosk", "--db", str(seed_store)],
        places["cwd"],
    )
    try:
        pane.wait_for(SEED_TITLE)
        pane.keys("C-q")
        assert pane.wait_dead(), pane.screen()
        assert pane.value("pane_dead_status") == "0"
    finally:
        pane.close()
    assert tree(places["home"]) == [] and tree(places["cwd"]) == []
