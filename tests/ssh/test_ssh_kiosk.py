"""The kiosk over a real sshd, configured with the README's block, driven through ssh -tt in tmux."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sshkit import (
    RECIPE,
    KioskUser,
    Terminal,
    files_owned_by,
    processes_of,
    prompts_in,
    recipe_block,
    shells_among,
    snapshot,
    ssh_command,
    sshd,
    writable_by,
)

README = Path(__file__).resolve().parents[2] / "README.md"
SEED_TITLE = "Notts police must tackle abuse"
HEADER_MARK = "read-only"
SHARED_FOLDERS = ("/tmp", "/var/tmp", "/dev/shm")

Press = Callable[[Terminal], None]

ESCAPE_ATTEMPTS: list[tuple[str, Press]] = [
    ("Ctrl+Z", lambda t: t.keys("C-z")),
    ("Ctrl+C", lambda t: t.keys("C-c")),
    ("Ctrl+\\", lambda t: t.raw(b"\x1c")),
    ("Ctrl+D", lambda t: t.keys("C-d")),
    ("Ctrl+Y", lambda t: t.raw(b"\x19")),
    ("Ctrl+S", lambda t: t.raw(b"\x13")),
    ("NUL and DEL", lambda t: t.raw(b"\x00\x7f")),
    ("kitty-protocol Ctrl+Z and Ctrl+C", lambda t: t.raw(b"\x1b[122;5u\x1b[99;5u")),
    ("bracketed paste of a command", lambda t: t.raw(b"\x1b[200~sh -i\r\x1b[201~")),
    ("OSC 52 clipboard and window title", lambda t: t.raw(b"\x1b]52;c;c2ggLWk=\x07\x1b]0;x\x07")),
    ("terminal queries", lambda t: t.raw(b"\x1b[6n\x1b[c\x1bP+q544e\x1b\\")),
    ("mouse clicks", lambda t: t.raw(b"\x1b[<0;20;1M\x1b[<0;20;1m\x1b[<0;3;5M\x1b[<0;3;5m")),
    ("Alt keys", lambda t: t.raw(b"\x1bx\x1b!\x1bs\x1b:")),
    ("function keys", lambda t: t.raw(b"\x1bOP\x1b[15~\x1b[24~\x1b[29~")),
    ("ssh escapes", lambda t: t.raw(b"\r~.\r~\x1a\r~C\r")),
    ("Esc flood", lambda t: t.keys("Escape", "Escape", "Escape", "Escape")),
    ("open URL key in the reader", lambda t: t.keys("Enter", "o", "Escape")),
]
"""Keys and byte sequences a visitor might try, each with a name for failure messages."""

PALETTE_SEARCHES = ("screenshot", "theme", "quit", "suspend", "keys", "maximize")
REFUSED_PALETTE_TEXT = (
    "Save an SVG",
    "Change the current theme",
    "Quit the application",
    "Show help for the focused widget",
    "Maximize",
    "Screenshot",
)
"""Textual's own palette commands, none of which may be offered in kiosk mode."""


def assert_no_escape(term: Terminal, user: KioskUser, what: str) -> None:
    """The session is alive, no shell runs for the user, and the explorer answers keys."""
    assert not term.dead(), f"the session ended after {what}:\n{term.screens[-1]}"
    shells = shells_among(processes_of(user.name))
    assert not shells, f"a shell runs after {what}: {shells}"
    time.sleep(0.5)  # longer than the app's wait for the rest of an escape sequence
    term.keys("Escape")
    time.sleep(0.5)
    term.type("?")
    term.wait_for("Keys —", timeout=30)
    term.keys("Escape")
    term.wait_gone("Keys —", timeout=30)
    assert not prompts_in(term.screens), f"a prompt appeared after {what}"


def wait_no_processes(user: KioskUser, timeout: float = 30.0) -> list[tuple[int, str]]:
    """The user's processes once none are left, or those still running after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        left = processes_of(user.name)
        if not left or time.monotonic() > deadline:
            return left
        time.sleep(0.2)


def test_readme_quotes_the_sshd_recipe() -> None:
    """The README gives, word for word, the sshd_config block these tests run."""
    block = RECIPE.read_text(encoding="utf-8")
    assert block in README.read_text(encoding="utf-8")


def test_kiosk_over_ssh_cannot_be_escaped(
    user: KioskUser,
    store: Path,
    forcewatch_command: str,
    workdir: Path,
) -> None:
    """With the README's block, a read-only kiosk user sees the explorer; no key, escape
    sequence or palette command reaches a shell or writes a file; Ctrl+Q ends the session
    and leaves no process behind."""
    assert not writable_by(user, store), "the kiosk user must only read the store"
    home_before, store_before = snapshot(user.home), snapshot(store)
    block = recipe_block(user.name, forcewatch_command, store)
    (workdir / "sshd").mkdir()
    with sshd(workdir / "sshd", user.name, block) as server:
        term = Terminal(ssh_command(server, user))
        try:
            screen = term.wait_for(SEED_TITLE)
            assert HEADER_MARK in screen and "kiosk" in screen, screen
            for name, press in ESCAPE_ATTEMPTS:
                press(term)
                time.sleep(0.3)
                assert_no_escape(term, user, name)

            for query in PALETTE_SEARCHES:
                term.keys("C-p")
                term.wait_for("Go to force", timeout=30)
                term.type(query)
                time.sleep(0.5)
                screen = term.screen()
                shown = [text for text in REFUSED_PALETTE_TEXT if text in screen]
                assert not shown, f"the palette offers {shown}:\n{screen}"
                term.keys("Enter")
                time.sleep(0.3)
                assert_no_escape(term, user, f"palette search {query!r}")

            term.keys("C-q")
            assert term.wait_dead(), f"Ctrl+Q did not end the session:\n{term.screen()}"
            term.screen()
        finally:
            term.close()
        left = wait_no_processes(user)
        assert not left, f"processes left after the session: {left}\n{server.log}"
    assert not prompts_in(term.screens), prompts_in(term.screens)
    assert snapshot(user.home) == home_before
    assert snapshot(store) == store_before
    assert not files_owned_by(user.name, SHARED_FOLDERS)


def test_kiosk_without_quit_survives_quit_keys_and_ends_with_the_connection(
    user: KioskUser,
    store: Path,
    forcewatch_command: str,
    workdir: Path,
) -> None:
    """With --no-quit, Ctrl+Q and Ctrl+C do nothing; dropping the connection ends the app
    and leaves no process and no changed file."""
    home_before, store_before = snapshot(user.home), snapshot(store)
    block = recipe_block(user.name, forcewatch_command, store).replace(
        "--kiosk", "--kiosk --no-quit"
    )
    (workdir / "sshd").mkdir()
    with sshd(workdir / "sshd", user.name, block) as server:
        term = Terminal(ssh_command(server, user))
        try:
            term.wait_for(SEED_TITLE)
            for name, keys in (("Ctrl+Q", "C-q"), ("Ctrl+C", "C-c")):
                term.keys(keys)
                time.sleep(0.5)
                assert_no_escape(term, user, name)
            assert processes_of(user.name), "the app should still run"
        finally:
            term.close()  # the ssh client dies: the connection drops
        left = wait_no_processes(user)
        assert not left, f"processes left after the connection closed: {left}\n{server.log}"
    assert not prompts_in(term.screens), prompts_in(term.screens)
    assert snapshot(user.home) == home_before
    assert snapshot(store) == store_before
    assert not files_owned_by(user.name, SHARED_FOLDERS)


@pytest.mark.parametrize(
    ("screen", "expected"),
    [
        pytest.param("forcewatch │ seeds │ read-only\n", [], id="explorer"),
        pytest.param("text\n$ \n", ["$"], id="sh"),
        pytest.param("fwk1@host:~$ \n", ["fwk1@host:~$"], id="bash"),
        pytest.param("sh-5.2# \n", ["sh-5.2#"], id="bash-as-sh"),
        pytest.param(">>> \n", [">>>"], id="python"),
    ],
)
def test_prompt_detector(screen: str, expected: list[str]) -> None:
    """The prompt detector flags shell and Python prompts and not the explorer's lines."""
    assert prompts_in([screen]) == expected
