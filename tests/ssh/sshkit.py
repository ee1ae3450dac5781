"""A throwaway sshd, kiosk user and tmux-driven ssh client for the kiosk tests."""

from __future__ import annotations

import hashlib
import importlib
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
RECIPE = HERE / "kiosk_sshd_config"
"""The sshd_config block the README gives, with the README's user, command and store."""

RECIPE_USER = "fwkiosk"
RECIPE_COMMAND = "/usr/local/bin/forcewatch"
RECIPE_STORE = "/srv/forcewatch/store"

SSHD = "/usr/sbin/sshd"
SHELL_NAMES = frozenset({"sh", "dash", "bash", "zsh", "ksh", "fish", "csh", "tcsh", "busybox"})
PROMPT_LINE = re.compile(
    r"^\s*(?:[$#%>]|>>>|\S+@\S+:\S*\s*[$#]|(?:ba|da|z)?sh(?:-[\d.]+)?[$#])\s*$",
    re.MULTILINE,
)
"""A line that is nothing but a shell (or Python) prompt."""


def privileged(command: Sequence[str]) -> list[str]:
    """The command, run through `sudo -n` unless this process is already root."""
    return list(command) if os.geteuid() == 0 else ["sudo", "-n", *command]


def run(command: Sequence[str], *, root: bool = False, check: bool = True) -> str:
    """Run a command (as root when asked) and return its stdout."""
    argv = privileged(command) if root else list(command)
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip()}")
    return done.stdout


def can_be_root() -> str | None:
    """Why this machine cannot run the SSH tests (None when it can)."""
    for tool in (SSHD, "ssh", "ssh-keygen", "tmux", "useradd", "userdel"):
        if shutil.which(tool) is None and not Path(tool).exists():
            return f"{tool} is not installed (tests/setup.sh installs it)"
    if os.geteuid() != 0:
        done = subprocess.run(["sudo", "-n", "true"], capture_output=True, timeout=30)
        if done.returncode != 0:
            return "needs root (or sudo without a password) to add a user and start sshd"
    return None


def free_port() -> int:
    """A TCP port on 127.0.0.1 nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def recipe_block(user: str, command: str, store: Path) -> str:
    """The README's sshd_config block with this test's user, forcewatch command and store."""
    text = RECIPE.read_text(encoding="utf-8")
    for literal, value in (
        (f"Match User {RECIPE_USER}\n", f"Match User {user}\n"),
        (f"ForceCommand exec {RECIPE_COMMAND} ", f"ForceCommand exec {command} "),
        (f"--db {RECIPE_STORE}\n", f"--db {store}\n"),
    ):
        if text.count(literal) != 1:
            raise ValueError(f"the recipe should hold {literal.strip()!r} exactly once")
        text = text.replace(literal, value)
    return text


# ---- an install the kiosk user can run ------------------------------------------------------

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9._-]+)\s*(?:\[([^\]]*)\])?")
_EXTRA_MARKER = re.compile(r"extra\s*==\s*['\"]([^'\"]+)['\"]")


def runtime_distributions(name: str = "forcewatch") -> list[metadata.Distribution]:
    """The installed distribution and everything it needs at run time (with requested extras)."""
    found: dict[str, metadata.Distribution] = {}
    pending: list[tuple[str, frozenset[str]]] = [(name, frozenset())]
    while pending:
        wanted, extras = pending.pop()
        dist = metadata.distribution(wanted)
        key = f"{dist.metadata['Name'].lower().replace('_', '-')}[{','.join(sorted(extras))}]"
        if key in found:
            continue
        found[key] = dist
        for requirement in dist.requires or []:
            spec, _, marker = requirement.partition(";")
            extra = _EXTRA_MARKER.search(marker)
            if extra and extra.group(1) not in extras:
                continue
            match = _REQUIREMENT.match(spec)
            if match:
                more = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
                pending.append((match.group(1), more))
    return list({id(d): d for d in found.values()}.values())


def readable_install(folder: Path) -> Path:
    """A copy of forcewatch and its run-time dependencies any user can read, and a command
    that runs it with this Python version from a system path (isolated from PYTHON* settings).

    Used when the kiosk user cannot run the developer's install (e.g. a Python under /root).
    """
    lib = folder / "lib"
    for dist in runtime_distributions():
        if dist.metadata["Name"] == "forcewatch":
            # The compiled parser's shared library lies beside the package, not in it.
            for file in dist.files or []:
                if "__mypyc" in str(file) and "/" not in str(file):
                    lib.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(Path(str(file.locate())), lib / str(file))
            continue
        for file in dist.files or []:
            if str(file).startswith("..") or "__pycache__" in str(file):
                continue
            source = Path(str(file.locate()))
            if source.is_file():
                target = lib / str(file)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
    for package in ("store", "tui", "seeds"):
        module = importlib.import_module(f"forcewatch.{package}")
        shutil.copytree(
            Path(str(module.__file__)).parent,
            lib / "forcewatch" / package,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(lib)], check=True, timeout=600)
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    python = shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")
    if python is None:
        raise RuntimeError(f"no {version} in /usr/local/bin, /usr/bin or /bin for the kiosk user")
    command = folder / "forcewatch"
    command.write_text(
        f"#!{python} -I\n"
        "import sys\n"
        f"sys.path.insert(0, {str(lib)!r})\n"
        "from forcewatch.tui.cli import main\n"
        "sys.exit(main())\n"
    )
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() or path == command else 0o644)
    return command


# ---- the kiosk user -------------------------------------------------------------------------


@dataclass(frozen=True)
class KioskUser:
    """A throwaway local account with an SSH key."""

    name: str
    home: Path
    key: Path  # the client's private key


@contextmanager
def kiosk_user(workdir: Path) -> Iterator[KioskUser]:
    """A new local user (shell /bin/sh, no password) who logs in with a new key; removed after."""
    name = "fwk" + secrets.token_hex(4)
    key = workdir / "client_ed25519"
    run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", str(key)])
    run(["useradd", "--create-home", "--shell", "/bin/sh", "--comment", "kiosk", name], root=True)
    try:
        run(["usermod", "-p", "*", name], root=True)  # no password can match: key only
        home = Path(run(["sh", "-c", f"getent passwd {name} | cut -d: -f6"]).strip())
        ssh_dir = home / ".ssh"
        run(["install", "-d", "-o", name, "-g", name, "-m", "700", str(ssh_dir)], root=True)
        run(
            [
                "install",
                "-o",
                name,
                "-g",
                name,
                "-m",
                "600",
                f"{key}.pub",
                str(ssh_dir / "authorized_keys"),
            ],
            root=True,
        )
        yield KioskUser(name=name, home=home, key=key)
    finally:
        for pid, _ in processes_of(name):
            run(["kill", "-KILL", str(pid)], root=True, check=False)
        run(["userdel", "--remove", name], root=True, check=False)


def as_user(user: KioskUser, command: str) -> tuple[int, str]:
    """Run a shell command as the kiosk user: (exit status, output)."""
    done = subprocess.run(
        privileged(["su", "-s", "/bin/sh", "-c", command, user.name]),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


def writable_by(user: KioskUser, path: Path) -> bool:
    """True when the user could write into `path`, checked as that user."""
    status, _ = as_user(user, f"test -w '{path}'")
    return status == 0


def processes_of(user: str) -> list[tuple[int, str]]:
    """(pid, command line) of every process the user runs."""
    done = subprocess.run(
        ["ps", "-ww", "-u", user, "-o", "pid=,args="], capture_output=True, text=True, timeout=30
    )
    found = []
    for line in done.stdout.splitlines():
        pid, _, args = line.strip().partition(" ")
        if pid.isdigit():
            found.append((int(pid), args.strip()))
    return found


def shells_among(processes: Sequence[tuple[int, str]]) -> list[str]:
    """Command lines of processes that are shells or a Python prompt."""
    bad = []
    for _, args in processes:
        words = args.split()
        program = os.path.basename(words[0]).lstrip("-") if words else ""
        if program in SHELL_NAMES or (program.startswith("python") and len(words) == 1):
            bad.append(args)
    return bad


# ---- file snapshots -------------------------------------------------------------------------


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: its type, mode, owner and (for files) content hash."""
    listing = run(
        ["find", str(folder), "-printf", r"%P\t%y\t%m\t%u\t%s\t%T@\n"], root=True
    ).splitlines()
    entries: dict[str, str] = {}
    for line in listing:
        rel, kind, mode, owner, size, _mtime = line.split("\t")
        entries[rel] = f"{kind} {mode} {owner} {size}"
    sums = run(
        ["find", str(folder), "-type", "f", "-exec", "sha256sum", "-b", "{}", "+"], root=True
    )
    for line in sums.splitlines():
        digest, _, path = line.partition(" *")
        rel = os.path.relpath(path, folder)
        entries[rel] += " " + digest
    return entries


def files_owned_by(user: str, folders: Sequence[str]) -> list[str]:
    """Paths in the folders (not below other mounts) that belong to the user."""
    found: list[str] = []
    for folder in folders:
        if Path(folder).is_dir():
            out = run(["find", folder, "-xdev", "-user", user], root=True, check=False)
            found += out.splitlines()
    return found


def tree_digest(folder: Path) -> str:
    """One hash of a folder's snapshot, for short assertion messages."""
    data = "\n".join(f"{k}={v}" for k, v in sorted(snapshot(folder).items()))
    return hashlib.sha256(data.encode()).hexdigest()


# ---- sshd -----------------------------------------------------------------------------------


@dataclass
class Sshd:
    """A running sshd on 127.0.0.1."""

    port: int
    folder: Path
    process: subprocess.Popen[bytes]
    host_key: Path

    @property
    def log(self) -> str:
        path = self.folder / "sshd.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def known_hosts(self) -> Path:
        """A known_hosts file naming this server's throwaway host key."""
        path = self.folder / "known_hosts"
        public = Path(f"{self.host_key}.pub").read_text().split()
        path.write_text(f"[127.0.0.1]:{self.port} {public[0]} {public[1]}\n")
        return path


@contextmanager
def sshd(folder: Path, user: str, block: str) -> Iterator[Sshd]:
    """sshd on a free port with a throwaway host key, letting in `user` only; stopped after."""
    host_key = folder / "host_ed25519"
    run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(host_key)])
    if not Path("/run/sshd").is_dir():
        run(["install", "-d", "-m", "755", "/run/sshd"], root=True)  # privilege separation
    port = free_port()
    config = folder / "sshd_config"
    config.write_text(
        "\n".join(
            [
                f"Port {port}",
                "ListenAddress 127.0.0.1",
                f"HostKey {host_key}",
                f"PidFile {folder / 'sshd.pid'}",
                "AuthorizedKeysFile .ssh/authorized_keys",
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "PermitRootLogin no",
                "UsePAM no",
                "StrictModes yes",
                f"AllowUsers {user}",
                "LogLevel VERBOSE",
                "",
                block,
            ]
        )
    )
    run([SSHD, "-t", "-f", str(config)], root=True)
    log = (folder / "sshd.log").open("wb")
    process = subprocess.Popen(
        privileged([SSHD, "-D", "-e", "-f", str(config)]),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    server = Sshd(port=port, folder=folder, process=process, host_key=host_key)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"sshd did not start:\n{server.log}") from None
                time.sleep(0.1)
        yield server
    finally:
        pid_file = folder / "sshd.pid"
        if pid_file.exists():
            run(["kill", "-TERM", pid_file.read_text().strip()], root=True, check=False)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            run(["kill", "-KILL", str(process.pid)], root=True, check=False)
            process.wait(timeout=10)
        log.close()


def ssh_command(server: Sshd, user: KioskUser) -> list[str]:
    """`ssh -tt` to the kiosk user, with every option that could prompt or leak turned off."""
    return [
        "ssh",
        "-tt",
        "-F",
        "/dev/null",
        "-e",
        "none",  # no ~ escapes: every byte typed goes to the app
        "-i",
        str(user.key),
        "-p",
        str(server.port),
        "-o",
        "BatchMode=yes",
        "-o",
        "IdentitiesOnly=yes",
        "-o",
        "IdentityAgent=none",
        "-o",
        "StrictHostKeyChecking=yes",
        "-o",
        f"UserKnownHostsFile={server.known_hosts()}",
        "-o",
        "GlobalKnownHostsFile=/dev/null",
        "-o",
        "ControlMaster=no",
        "-o",
        "ControlPath=none",
        "-o",
        "ForwardAgent=no",
        "-o",
        "ForwardX11=no",
        "-o",
        "ConnectTimeout=20",
        "-o",
        "LogLevel=ERROR",
        f"{user.name}@127.0.0.1",
    ]


# ---- tmux -----------------------------------------------------------------------------------


class Terminal:
    """A tmux pane running one command, on a tmux server of its own."""

    def __init__(self, command: Sequence[str], size: tuple[int, int] = (100, 30)) -> None:
        self.socket = "fwk-" + secrets.token_hex(4)
        self.screens: list[str] = []
        width, height = size
        self._tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "kiosk",
            "-x",
            str(width),
            "-y",
            str(height),
            subprocess.list2cmdline(list(command)),
            ";",
            "set-option",
            "-t",
            "kiosk",
            "remain-on-exit",
            "on",
        )

    def _tmux(self, *args: str) -> str:
        return run(["tmux", "-L", self.socket, *args])

    def screen(self) -> str:
        """The pane's text now (also kept in `screens`)."""
        text = self._tmux("capture-pane", "-p", "-t", "kiosk")
        self.screens.append(text)
        return text

    def dead(self) -> bool:
        """True once the pane's command has ended."""
        return self._tmux("display-message", "-p", "-t", "kiosk", "#{pane_dead}").strip() == "1"

    def keys(self, *keys: str) -> None:
        """Press keys by tmux name (C-z, Escape, Enter, ...)."""
        self._tmux("send-keys", "-t", "kiosk", *keys)

    def type(self, text: str) -> None:
        """Type text literally."""
        self._tmux("send-keys", "-t", "kiosk", "-l", text)

    def raw(self, data: bytes) -> None:
        """Send bytes as they are (escape sequences, control bytes)."""
        self._tmux("send-keys", "-t", "kiosk", "-H", *(f"{b:02x}" for b in data))

    def wait_for(self, text: str, timeout: float = 45.0) -> str:
        """The screen once it shows `text`; fails with the last screen after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} did not appear; the screen shows:\n{screen}")
            time.sleep(0.2)

    def wait_gone(self, text: str, timeout: float = 30.0) -> str:
        """The screen once it no longer shows `text`; fails after `timeout`."""
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text not in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} stayed on the screen:\n{screen}")
            time.sleep(0.2)

    def wait_dead(self, timeout: float = 30.0) -> bool:
        """Wait for the pane's command to end; True when it did."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                return True
            time.sleep(0.2)
        return False

    def close(self) -> None:
        """Stop this tmux server (and the command in it)."""
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


def prompts_in(screens: Sequence[str]) -> list[str]:
    """Lines in the captured screens that look like a shell or Python prompt."""
    return [m.group(0).strip() for s in screens for m in PROMPT_LINE.finditer(s)]
