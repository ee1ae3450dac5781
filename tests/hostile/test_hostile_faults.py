"""Faults under a store: a full disk, a file size limit, a read-only folder, corrupt files."""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hostile_cli import SEEDS, Result, run, without_read_override
from hostile_files import article


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of the seed articles, built once; tests damage copies of it."""
    base = tmp_path_factory.mktemp("seeded")
    (base / "home").mkdir()
    result = run(["--db", base / "store", "ingest", SEEDS], base / "home")
    assert result.status == 0, result.err
    return base / "store"


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home folder for the command."""
    path = tmp_path / "home"
    path.mkdir()
    return path


def files_of(store: Path) -> dict[str, str]:
    """Every file in the store and its content hash."""
    found = {}
    for dirpath, _, names in os.walk(store):
        for name in names:
            path = Path(dirpath) / name
            found[str(path.relative_to(store))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def big_batch(folder: Path, count: int = 400) -> Path:
    """Many articles with long bodies: far more than a tiny disk holds."""
    folder.mkdir(parents=True, exist_ok=True)
    filler = " ".join(f"The panel heard evidence item {i} about the case." for i in range(60))
    for i in range(count):
        (folder / f"big{i:04}.txt").write_text(
            article(f"big {i}") + "\n" + filler, encoding="utf-8"
        )
    return folder


def titles(home: Path, store: Path) -> list[str]:
    result = run(["--db", store, "export", "articles", "--format", "jsonl"], home)
    assert result.status == 0, result.err
    return sorted(json.loads(line)["title"] for line in result.out.splitlines())


def assert_one_clear_line(result: Result, *words: str) -> None:
    lines = [line for line in result.err.splitlines() if line.strip()]
    assert "Traceback" not in result.err, result.err[-3000:]
    assert len(lines) == 1, lines
    assert lines[0].startswith("forcewatch: "), lines[0]
    assert any(w in lines[0] for w in words), lines[0]


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1 MB tmpfs: room for the seed store, not for a big batch."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=True)


def _write_fails_and_store_is_kept(
    home: Path, store: Path, batch: Path, preexec: Callable[[], None] | None, *words: str
) -> None:
    seeded = run(["--db", store, "ingest", SEEDS], home)
    assert seeded.status == 0, seeded.err
    before_titles = titles(home, store)
    before = files_of(store)
    result = run(["--db", store, "ingest", batch], home, preexec=preexec)
    assert result.status == 2, f"exit {result.status}: {result.err[-2000:]}"
    assert_one_clear_line(result, *words)
    assert files_of(store) == before, "the failed write changed or left files in the store"
    assert titles(home, store) == before_titles


def test_full_disk_gives_one_line_and_keeps_the_old_store(
    home: Path, tmp_path: Path, tiny_disk: Path
) -> None:
    """Ingesting more than a full tmpfs holds fails with 'disk is full'; the old store is intact."""
    batch = big_batch(tmp_path / "batch")
    _write_fails_and_store_is_kept(home, tiny_disk / "store", batch, None, "disk is full")


def test_file_size_limit_gives_one_line_and_keeps_the_old_store(home: Path, tmp_path: Path) -> None:
    """Under RLIMIT_FSIZE a big commit fails with a clear line; the old store is intact."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (200_000, 200_000))

    batch = big_batch(tmp_path / "batch")
    _write_fails_and_store_is_kept(home, tmp_path / "store", batch, limit, "size limit")


def test_read_only_store_folder_gives_one_line(home: Path, tmp_path: Path) -> None:
    """A store folder the user cannot write to: one clear line; the store is unchanged."""
    store = tmp_path / "store"
    batch = big_batch(tmp_path / "batch", count=3)
    seeded = run(["--db", store, "ingest", SEEDS], home)
    assert seeded.status == 0
    before = files_of(store)
    for folder in (store, store / "blobs"):
        folder.chmod(0o555)
    try:
        result = run(["--db", store, "ingest", batch], home, preexec=without_read_override)
    finally:
        for folder in (store, store / "blobs"):
            folder.chmod(0o755)
    assert result.status == 2, result.err
    assert_one_clear_line(result, "permission denied", "Permission denied")
    assert files_of(store) == before


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _garbage(path: Path) -> None:
    path.write_bytes(b"\x00\xff garbage {")


def _empty(path: Path) -> None:
    path.write_bytes(b"")


def _wrong_shape(path: Path) -> None:
    path.write_text('{"meta": [1, 2, 3], "articles": "x"}', encoding="utf-8")


def _other_schema(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    for doc in data["meta"].values():
        doc["schema_version"] = 999
    path.write_text(json.dumps(data), encoding="utf-8")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "garbage": _garbage,
    "empty": _empty,
    "wrong_shape": _wrong_shape,
}


@pytest.mark.parametrize("damage", [*DAMAGE, "other_schema"])
def test_damaged_manifest_gives_a_way_out_and_reindex_recovers(
    home: Path, seed_store: Path, tmp_path: Path, damage: str
) -> None:
    """A damaged store index: every command says how to recover, and `reindex` does."""
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    before = titles(home, store)
    manifest = store / "forcewatch.json"
    (_other_schema if damage == "other_schema" else DAMAGE[damage])(manifest)
    for args in (["stats"], ["export", "quotes"], ["ingest", tmp_path / "none.txt"]):
        if args[0] == "ingest":
            (tmp_path / "none.txt").write_text(article("after damage"), encoding="utf-8")
        result = run(["--db", store, *args], home)
        assert result.status == 2, f"{args}: exit {result.status}: {result.err[-2000:]}"
        assert_one_clear_line(result, "reindex", "backup")
    fixed = run(["--db", store, "reindex"], home)
    assert fixed.status == 0, fixed.err[-2000:]
    assert titles(home, store) == before


def _delete(path: Path) -> None:
    path.unlink()


SHARD_DAMAGE: dict[str, Callable[[Path], None]] = {"truncated": _truncate, "deleted": _delete}


@pytest.mark.parametrize("damage", list(SHARD_DAMAGE))
@pytest.mark.parametrize("kind", ["quotes", "events", "figures", "terms", "bodies"])
def test_damaged_data_file_gives_a_way_out(
    home: Path, seed_store: Path, tmp_path: Path, kind: str, damage: str
) -> None:
    """A damaged or deleted data file: each command succeeds or prints one line with a way out."""
    store = tmp_path / "store"
    shutil.copytree(seed_store, store)
    (shard,) = (store / "blobs").glob(f"{kind}-*")
    SHARD_DAMAGE[damage](shard)
    (tmp_path / "new.txt").write_text(article("after shard damage"), encoding="utf-8")
    table = kind if kind in ("quotes", "events", "figures") else "quotes"
    for args in (["export", table], ["ingest", tmp_path / "new.txt"], ["reindex"]):
        result = run(["--db", store, *args], home)
        assert "Traceback" not in result.err, f"{args}: {result.err[-3000:]}"
        if result.status != 0:
            assert result.status == 2, f"{args}: exit {result.status}"
            assert_one_clear_line(result, "reindex", "backup", "ingest")
