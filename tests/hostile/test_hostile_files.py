"""Bad files through the real command line: one clear line each, the batch goes on, nothing lost."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile_cli import SEEDS, Result, run, without_read_override
from hostile_files import (
    HOSTILE_NAMES,
    Hostile,
    article,
    write_bad_bytes,
    write_bad_names,
    write_bad_yaml,
    write_special_entries,
)

FORBIDDEN = {
    "ESC": b"\x1b",
    "BEL": b"\x07",
    "C1 CSI": "\x9b".encode(),
    "bidi override": "\u202e".encode(),
}


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home folder for the command."""
    path = tmp_path / "home"
    path.mkdir()
    return path


def _error_lines(result: Result) -> list[str]:
    return [line for line in result.err.splitlines() if line.strip()]


def _exported(home: Path, store: Path) -> list[dict[str, object]]:
    result = run(["--db", store, "export", "articles", "--format", "jsonl"], home)
    assert result.status == 0, result.err
    return [json.loads(line) for line in result.out.splitlines()]


def _seed_store(home: Path, store: Path) -> list[dict[str, object]]:
    """Ingest the seeds: the good batch that must survive everything after it."""
    result = run(["--db", store, "ingest", SEEDS], home)
    assert result.status == 0, result.err
    rows = _exported(home, store)
    assert len(rows) == 5
    return rows


def _assert_seeds_kept(home: Path, store: Path, seeds: list[dict[str, object]]) -> None:
    after = {row["id"]: row for row in _exported(home, store)}
    for row in seeds:
        assert after.get(row["id"]) == row, f"stored article lost or changed: {row['title']}"


def _assert_one_line_each(result: Result, folder: Path, entries: list[Hostile]) -> None:
    lines = _error_lines(result)
    reported = [e for e in entries if e.outcome in ("failed", "skipped")]
    for entry in reported:
        mine = [line for line in lines if f"{os.fsdecode(folder)}/{entry.token}" in line]
        assert len(mine) == 1, f"{entry.name}: expected one line, got {mine!r} in {lines!r}"
        assert mine[0].startswith("forcewatch: "), mine[0]
        assert entry.reason.lower() in mine[0].lower(), f"{entry.name}: {mine[0]!r}"
    assert len(lines) == len(reported), f"unexpected lines: {lines!r}"


def _assert_no_controls(data: bytes, where: str) -> None:
    for label, needle in FORBIDDEN.items():
        assert needle not in data, f"{label} reached the terminal in {where}: {data!r}"


def test_bad_bytes_fail_alone_and_good_files_are_stored(home: Path, tmp_path: Path) -> None:
    """Empty, binary, broken and huge files fail with one line each; odd encodings are stored."""
    store = tmp_path / "store"
    seeds = _seed_store(home, store)
    folder = tmp_path / "in"
    entries = write_bad_bytes(folder)
    result = run(["--db", store, "ingest", folder], home)
    assert result.status == 1, result.err
    _assert_one_line_each(result, folder, entries)
    sources = {row["source"] for row in _exported(home, store)}
    for entry in entries:
        stored = os.path.abspath(folder / entry.name) in sources
        assert stored == (entry.outcome == "stored"), f"{entry.name}: stored={stored}"
    _assert_seeds_kept(home, store, seeds)


def test_parse_reports_bad_bytes_and_prints_the_rest(home: Path, tmp_path: Path) -> None:
    """`forcewatch parse` prints one JSON object per readable file and one line per bad one."""
    folder = tmp_path / "in"
    entries = write_bad_bytes(folder)
    result = run(["parse", folder], home)
    assert result.status == 1, result.err
    _assert_one_line_each(result, folder, entries)
    printed = [json.loads(line) for line in result.out.splitlines()]
    expected = {str(folder / e.name) for e in entries if e.outcome == "stored"}
    assert {p["source"] for p in printed} == expected
    by_name = {Path(str(p["source"])).name: p for p in printed}
    for name in ("windows1252.txt", "utf16le.txt", "utf16be.txt", "crlf.txt", "cr_only.txt"):
        quotes = by_name[name]["quotes"]
        assert isinstance(quotes, list) and quotes, f"{name}: the quote was not found"
        assert quotes[0]["text"].startswith("There is no place"), (name, quotes)
    assert "£5 – ‘x’" in str(by_name["windows1252.txt"]["title"])


def test_many_files_with_bad_ones_go_through_the_worker_pool(home: Path, tmp_path: Path) -> None:
    """Above the parallel threshold, bad files still fail alone and every good file is stored."""
    store = tmp_path / "store"
    folder = tmp_path / "in"
    entries = write_bad_bytes(folder / "bad")
    good = folder / "good"
    good.mkdir()
    for i in range(60):
        (good / f"a{i:03}.txt").write_text(article(f"pool {i}"), encoding="utf-8")
    result = run(["--db", store, "ingest", folder], home)
    assert result.status == 1, result.err
    _assert_one_line_each(result, folder / "bad", entries)
    stored = [e for e in entries if e.outcome == "stored"]
    assert len(_exported(home, store)) == 60 + len(stored)


YAML_FILES = [
    "malformed.md",
    "wrong_types.md",
    "billion_laughs.md",
    "recursive_alias.md",
    "language_tags.md",
    "not_a_mapping.md",
    "deep_flow_nesting.md",
    "deep_block_nesting.md",
    "tab_and_controls.md",
    "huge_front_matter.md",
    "fenced_bomb.md",
]


@pytest.fixture
def yaml_folder(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """The hostile front matter files, and the canary file that executed YAML would create."""
    canary = tmp_path / "canary"
    folder = tmp_path / "yaml"
    entries = write_bad_yaml(folder, canary)
    assert sorted(e.name for e in entries) == sorted(YAML_FILES)
    yield folder, canary
    assert not canary.exists(), "a YAML tag ran code"


@pytest.mark.parametrize("name", YAML_FILES, ids=[n.removesuffix(".md") for n in YAML_FILES])
def test_hostile_front_matter_is_ignored_not_run(
    home: Path, yaml_folder: tuple[Path, Path], name: str
) -> None:
    """Bad, explosive or executable front matter leaves a parsed body; nothing runs."""
    folder, canary = yaml_folder
    result = run(["parse", folder / name], home)
    assert result.status == 0, f"exit {result.status}: {result.err[-3000:]}"
    (parsed,) = [json.loads(line) for line in result.out.splitlines()]
    assert any("There is no place" in str(p) for p in parsed["paragraphs"]), parsed["paragraphs"]
    assert len(json.dumps(parsed)) < 200_000, "an alias expanded into the output"
    assert not canary.exists()


def test_hostile_front_matter_batch_is_all_stored(
    home: Path, tmp_path: Path, yaml_folder: tuple[Path, Path]
) -> None:
    """One ingest of every hostile front matter file stores each of them, after the seeds."""
    folder, _ = yaml_folder
    store = tmp_path / "store"
    seeds = _seed_store(home, store)
    result = run(["--db", store, "ingest", folder], home)
    assert result.status == 0, f"exit {result.status}: {result.err[-3000:]}"
    sources = {Path(str(row["source"])).name for row in _exported(home, store)}
    assert set(YAML_FILES) <= sources
    _assert_seeds_kept(home, store, seeds)


def test_hostile_file_names_get_one_safe_line_each(home: Path, tmp_path: Path) -> None:
    """Names with controls, newlines, escapes, markup and bad UTF-8: one clean line each."""
    store = tmp_path / "store"
    seeds = _seed_store(home, store)
    write_bad_names(tmp_path / "names")
    result = run(["--db", store, "ingest", tmp_path / "names"], home)
    assert result.status == 1
    _assert_no_controls(result.stderr + result.stdout, "ingest output")
    lines = _error_lines(result)
    assert len(lines) == len(HOSTILE_NAMES), lines
    for name, token in HOSTILE_NAMES.items():
        mine = [line for line in lines if f"/bad/{token}" in line]
        assert len(mine) == 1 and "empty file" in mine[0], (name, mine, lines)
    rows = _exported(home, store)
    sources = {row["source"] for row in rows}
    for name in HOSTILE_NAMES:
        path = os.path.join(os.fsencode(tmp_path / "names" / "good"), os.fsencode(name))
        assert os.path.abspath(os.fsdecode(path)) in sources, f"{name!r} was not stored"
    _assert_seeds_kept(home, store, seeds)


def test_special_entries_are_skipped_without_hanging(home: Path, tmp_path: Path) -> None:
    """FIFOs, sockets, symlink loops and dangling links are skipped with one line each."""
    store = tmp_path / "store"
    folder = tmp_path / "in"
    entries, sock = write_special_entries(folder)
    try:
        result = run(["--db", store, "ingest", folder], home, timeout=300)
        parsed = run(["parse", folder], home, timeout=300)
    finally:
        sock.close()
    assert result.status == 0, result.err
    _assert_one_line_each(result, folder, entries)
    assert [Path(str(r["source"])).name for r in _exported(home, store)] == ["fine.txt"]
    _assert_one_line_each(parsed, folder, entries)
    assert len(parsed.out.splitlines()) == 1


def test_unreadable_entries_are_reported_not_fatal(home: Path, tmp_path: Path) -> None:
    """An unreadable file and an unreadable folder each get one line; the rest is stored."""
    folder, store = tmp_path / "in", tmp_path / "store"
    (folder / "locked").mkdir(parents=True)
    (folder / "fine.txt").write_text(article("readable"), encoding="utf-8")
    (folder / "secret.txt").write_text(article("secret"), encoding="utf-8")
    (folder / "locked" / "inner.txt").write_text(article("inner"), encoding="utf-8")
    (folder / "secret.txt").chmod(0)
    (folder / "locked").chmod(0)
    try:
        result = run(["--db", store, "ingest", folder], home, preexec=without_read_override)
    finally:
        (folder / "locked").chmod(0o700)
    assert result.status == 1, result.err
    entries = [
        Hostile("secret.txt", "failed", "permission denied", "secret.txt"),
        Hostile("locked", "skipped", "permission denied", "locked"),
    ]
    _assert_one_line_each(result, folder, entries)
    assert [Path(str(r["source"])).name for r in _exported(home, store)] == ["fine.txt"]
