"""Write folders of hostile article files at test time: bad bytes, bad YAML, bad names."""

from __future__ import annotations

import codecs
import os
import random
import socket
from dataclasses import dataclass
from pathlib import Path

ARTICLE = (
    "Officer dismissed after abuse of position inquiry {tag}\n\n"
    "Kent Police said the officer, who was not named, had been dismissed without notice "
    "on Tuesday after a three-day hearing.\n\n"
    "Supt Jane Doe, head of professional standards, said: “There is no place for this in "
    "policing and we will not tolerate it.”\n\n"
    "The force said 12 allegations had been made in the past year.\n"
)


def article(tag: str) -> str:
    """A small, valid article made unique by its tag."""
    return ARTICLE.format(tag=tag)


def front_matter(yaml_text: str, tag: str) -> str:
    """An article with the given YAML between --- fences."""
    return f"---\n{yaml_text}\n---\n\n" + article(tag).split("\n\n", 1)[1]


BILLION_LAUGHS = "\n".join(
    [
        'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)),
        "title: *a9",
        "description: *a9",
    ]
)

LANGUAGE_TAGS = "\n".join(
    [
        "title: !!python/object/apply:os.system ['touch {canary}']",
        "date: !!python/object/apply:subprocess.check_output [['touch', '{canary}']]",
        "url: !!python/name:os.system",
        "description: !ruby/object:Gem::Installer {{i: x}}",
    ]
)


@dataclass(frozen=True)
class Hostile:
    """One hostile entry: its file name and what must happen to it."""

    name: str  # the name inside the folder (str; may hold control characters)
    outcome: str  # "stored", "failed" or "skipped"
    reason: str = ""  # a word the one error line must hold (failed and skipped)
    token: str = ""  # a visible part of the name that the error line shows


def _write(folder: Path, name: str | bytes, data: bytes) -> None:
    path = os.path.join(os.fsencode(folder), os.fsencode(name))
    with open(path, "wb") as handle:
        handle.write(data)


def write_bad_bytes(folder: Path) -> list[Hostile]:
    """Files whose bytes are empty, binary, badly encoded, huge or oddly encoded."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(6)
    entries: list[Hostile] = []

    def bad(name: str, data: bytes, reason: str) -> None:
        _write(folder, name, data)
        entries.append(Hostile(name, "failed", reason, name))

    def good(name: str, data: bytes) -> None:
        _write(folder, name, data)
        entries.append(Hostile(name, "stored"))

    bad("empty.txt", b"", "empty")
    bad("whitespace.txt", b" \n\t\r\n  \n\n", "empty")
    bad("random.txt", rng.randbytes(8192), "binary")
    bad("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096), "binary")
    bad("nul_heavy.md", b"\x00" * 6000 + b"Kent Police said so.", "binary")
    bad("utf16_broken.txt", codecs.BOM_UTF16_LE + b"K\x00\x00\xd8e\x00", "UTF-16")
    with open(os.path.join(folder, "huge.txt"), "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    entries.append(Hostile("huge.txt", "failed", "larger than", "huge.txt"))

    good("windows1252.txt", article("cp1252 £5 – ‘x’").encode("cp1252"))
    good("utf16le.txt", codecs.BOM_UTF16_LE + article("utf16 le").encode("utf-16-le"))
    good("utf16be.txt", codecs.BOM_UTF16_BE + article("utf16 be").encode("utf-16-be"))
    good("utf8_bom.txt", codecs.BOM_UTF8 + article("utf8 bom").encode())
    good("invalid_utf8.txt", article("bad utf8").encode().replace(b"Tuesday", b"Tues\xff\xfeday"))
    good("some_nuls.txt", article("nuls").encode().replace(b"officer,", b"off\x00icer,"))
    good("crlf.txt", article("crlf").replace("\n", "\r\n").encode())
    good("cr_only.txt", article("cr only").replace("\n", "\r").encode())
    good("long_line.txt", (article("long line") + "\n" + _long_line(3_000_000)).encode())
    good("blank_30mb.txt", article("blank tail").encode() + b" \n" * 15_000_000)
    return entries


def _long_line(size: int) -> str:
    """One line of plain sentences about `size` characters long."""
    rng = random.Random(size)
    words = "police officer force report hearing panel evidence inquiry standards trust".split()
    out: list[str] = []
    total = 0
    while total < size:
        sentence = " ".join(rng.choice(words) for _ in range(14)).capitalize() + "."
        out.append(sentence)
        total += len(sentence) + 1
    return " ".join(out)


def write_bad_yaml(folder: Path, canary: Path) -> list[Hostile]:
    """Articles whose front matter is malformed, mistyped, explosive or executable."""
    folder.mkdir(parents=True, exist_ok=True)
    cases = {
        "malformed.md": 'title: "unterminated\ndate: : :\n  - [x',
        "wrong_types.md": "title: [1, 2]\ndate: {a: b}\nurl: 42\ndescription: 3.5\nsite_name: true",
        "billion_laughs.md": BILLION_LAUGHS,
        "recursive_alias.md": "&a [*a]",
        "language_tags.md": LANGUAGE_TAGS.format(canary=canary),
        "not_a_mapping.md": "- just\n- a list",
        "deep_flow_nesting.md": "title: " + "[" * 25_000,
        "deep_block_nesting.md": "\n".join(" " * i + "a:" for i in range(0, 2_000)),
        "tab_and_controls.md": 'title: "tab\there \\x1b[2J \\u202e"\ndate: 2020-02-30',
        "huge_front_matter.md": "title: x\nbody: " + "y" * 70_000,
    }
    entries = []
    for name, yaml_text in cases.items():
        _write(folder, name, front_matter(yaml_text, name).encode())
        entries.append(Hostile(name, "stored"))
    fenced = "```yaml\n" + BILLION_LAUGHS + "\n```\n\n" + article("fenced").split("\n\n", 1)[1]
    _write(folder, "fenced_bomb.md", fenced.encode())
    entries.append(Hostile("fenced_bomb.md", "stored"))
    return entries


# File names: control characters, a newline, escape sequences, markup, bidi, bad UTF-8;
# each with the visible start of its name that any safe display keeps.
HOSTILE_NAMES: dict[str | bytes, str] = {
    "ctl\x01\x07\x08name.txt": "ctl",
    "new\nline\nname.txt": "new",
    "esc\x1b[2J\x1b]0;owned\x07name.txt": "esc",
    "osc52\x1b]52;c;aGVsbG8=\x07name.md": "osc52",
    "[bold]markup[red]name.txt": "[bold]markup[red]name.txt",
    "[@click=app.quit]clickname.txt": "[@click=app.quit]clickname.txt",
    "c1\x9b31mname.txt": "c1",
    "bidi\u202eevil\u202cname.txt": "bidi",
    b"badutf8\xff\xfename.txt": "badutf8",
    " spaces name .txt": " spaces name .txt",
    "-dash-name.txt": "-dash-name.txt",
}


def write_bad_names(folder: Path) -> None:
    """Each hostile name twice: a valid article under good/, an empty file under bad/."""
    good_dir = folder / "good"
    bad_dir = folder / "bad"
    good_dir.mkdir(parents=True, exist_ok=True)
    bad_dir.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(HOSTILE_NAMES):
        _write(good_dir, name, article(f"named {i}").encode())
        _write(bad_dir, name, b"")


def write_special_entries(folder: Path) -> tuple[list[Hostile], socket.socket]:
    """A FIFO, a socket, symlink loops, a dangling link and a link to /dev/zero; and the socket."""
    folder.mkdir(parents=True, exist_ok=True)
    os.mkfifo(folder / "fifo.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "socket.txt"))
    os.symlink("loop_b.txt", folder / "loop_a.txt")
    os.symlink("loop_a.txt", folder / "loop_b.txt")
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    os.symlink("missing.txt", folder / "dangling.txt")
    os.symlink("/dev/zero", folder / "zero.txt")  # endless bytes: reading it would never end
    _write(folder, "fine.txt", article("next to special entries").encode())
    entries = [
        Hostile("fifo.txt", "skipped", "FIFO", "fifo.txt"),
        Hostile("socket.txt", "skipped", "socket", "socket.txt"),
        Hostile("loop_a.txt", "skipped", "loop", "loop_a.txt"),
        Hostile("loop_b.txt", "skipped", "loop", "loop_b.txt"),
        Hostile("sub/up", "skipped", "loop", "sub/up"),
        Hostile("dangling.txt", "skipped", "no such file", "dangling.txt"),
        Hostile("zero.txt", "skipped", "device", "zero.txt"),
        Hostile("fine.txt", "stored"),
    ]
    return entries, sock
