"""Fixtures for the SSH kiosk tests: a read-only seed store, a kiosk user, the installed command."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from forcewatch.store.ingest import ingest
from sshkit import KioskUser, as_user, can_be_root, kiosk_user, readable_install

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
REQUIRE = "FORCEWATCH_REQUIRE_SSH_TESTS"
"""Set to 1 (as CI does) to fail, not skip, when the machine cannot run these tests."""


@pytest.fixture(scope="session")
def ssh_ready() -> None:
    """Skip (or fail, when REQUIRE is set) unless sshd, tmux and root are available."""
    problem = can_be_root()
    if problem is None:
        return
    if os.environ.get(REQUIRE) == "1":
        pytest.fail(f"the SSH kiosk tests cannot run: {problem}")
    pytest.skip(f"SSH kiosk tests: {problem}")


@pytest.fixture
def workdir() -> Iterator[Path]:
    """A folder every user can read (pytest's own tmp_path is private to its owner)."""
    folder = Path(tempfile.mkdtemp(prefix="fw-ssh-"))
    folder.chmod(0o755)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def store(workdir: Path) -> Path:
    """A seed store the kiosk user can read but not write (owned by the test's user)."""
    path = workdir / "store"
    report = ingest(path, sorted(str(p) for p in SEEDS.glob("*.txt")), name="seeds")
    assert not report.failed, report.failed
    for folder, _dirs, files in os.walk(path):
        os.chmod(folder, 0o755)
        for name in files:
            os.chmod(os.path.join(folder, name), 0o644)
    return path


@pytest.fixture
def user(ssh_ready: None, workdir: Path) -> Iterator[KioskUser]:
    """A throwaway kiosk account with its own key; deleted (with its home) afterwards."""
    with kiosk_user(workdir) as account:
        yield account


@pytest.fixture(scope="session")
def installed_command() -> str:
    """The installed `forcewatch` command next to this interpreter."""
    path = Path(sys.executable).parent / "forcewatch"
    if not path.exists():
        found = shutil.which("forcewatch")
        assert found, "forcewatch is not installed (pip install -e .)"
        path = Path(found)
    return str(path)


@pytest.fixture(scope="session")
def spare_install(ssh_ready: None) -> Iterator[Path]:
    """A copy of forcewatch any user can run, made once, for machines whose own install
    is private to its owner."""
    folder = Path(tempfile.mkdtemp(prefix="fw-ssh-install-"))
    try:
        yield readable_install(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def forcewatch_command(
    user: KioskUser, installed_command: str, request: pytest.FixtureRequest
) -> str:
    """The command the ForceCommand runs: the installed one when the kiosk user can run
    it, else a readable copy of the same code."""
    status, _ = as_user(user, f"{installed_command} --help")
    if status == 0:
        return installed_command
    command = str(request.getfixturevalue("spare_install"))
    status, output = as_user(user, f"{command} --help")
    assert status == 0, f"the kiosk user cannot run {command}:\n{output}"
    return command
