"""Faults: read-only opens, bad stores, killed writers, concurrent writers, size limits."""

from __future__ import annotations

import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from forcewatch.store.errors import StoreError
from forcewatch.store.ingest import ingest
from forcewatch.store.layout import LOCK, MANIFEST, SCHEMA_VERSION
from forcewatch.store.reader import Store, open_store
from forcewatch.store.reindex import reindex
from forcewatch.store.views import ArticleFilter
from store_helpers import article_text, seed_files, snapshot, temp_files, write

KILL_LOOPS = int(os.environ.get("FORCEWATCH_KILL_LOOPS", "20"))


def cli(*args: str, **kwargs: object) -> list[str]:
    return [sys.executable, "-m", "forcewatch.tui", *args]


def exercise(store: Store) -> int:
    """Call every query once; returns how many articles were read in full."""
    store.info()
    store.facets()
    store.facets(ArticleFilter(text="police"))
    store.search("report")
    for force in store.forces():
        store.timeline(force.name)
    for speaker in store.speakers():
        store.quotes_by(speaker.key)
    store.figures()
    store.all_events()
    store.all_quotes()
    store.changed()
    details = [store.article(r.id) for r in store.articles()]
    assert all(d is not None for d in details)
    return len(details)


def corpus_dir(root: Path, count: int, prefix: str) -> Path:
    folder = root / prefix
    for i in range(count):
        write(
            folder,
            f"{prefix}{i:03}.txt",
            article_text(
                f"{prefix} story {i}",
                f'Lancashire Police said: "Case {prefix} {i} is under review." ' * 3,
            ),
        )
    return folder


def titles(store: Path) -> frozenset[str]:
    return frozenset(r.title for r in open_store(store, read_only=True).articles())


def test_read_only_open_writes_nothing(seeded: Path) -> None:
    """Opening read-only and running every query creates, locks and changes no file."""
    (seeded / LOCK).unlink()
    before = snapshot(seeded)
    listing = sorted(os.listdir(seeded))
    assert exercise(open_store(seeded, read_only=True)) == 5
    assert snapshot(seeded) == before
    assert sorted(os.listdir(seeded)) == listing


def test_read_only_open_of_a_read_only_folder(seeded: Path) -> None:
    """A store whose folders and files are read-only opens and answers, unchanged."""
    paths = [seeded, *seeded.rglob("*")]
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        before = snapshot(seeded)
        store = open_store(seeded, read_only=True)
        assert exercise(store) == 5 and store.info().read_only
        assert snapshot(seeded) == before
    finally:
        for path in paths:
            path.chmod(0o755 if path.is_dir() else 0o644)


def test_missing_store_is_a_clear_error_and_nothing_is_created(tmp_path: Path) -> None:
    """Opening a folder without a store names the fix and creates nothing."""
    with pytest.raises(StoreError, match="no store") as info:
        open_store(tmp_path / "absent", read_only=True)
    assert "forcewatch ingest" in str(info.value)
    assert not (tmp_path / "absent").exists()


def _edit_manifest(store: Path, change: object) -> None:
    path = store / MANIFEST
    data = json.loads(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data))


def test_other_schema_names_reindex_and_reindex_fixes_it(seeded: Path) -> None:
    """A store of another schema version says to run reindex; reindex rebuilds it."""
    before = titles(seeded)

    def old_schema(data: dict) -> None:  # type: ignore[type-arg]
        data["meta"]["1"]["schema_version"] = 0
        del data["forces"], data["speakers"]
        data["articles"] = {"1": {"legacy": True}}

    _edit_manifest(seeded, old_schema)
    with pytest.raises(StoreError, match="schema version 0") as info:
        open_store(seeded)
    assert "forcewatch reindex" in str(info.value)
    assert reindex(seeded).articles == 5
    store = open_store(seeded)
    assert titles(seeded) == before and store.info().schema_version == SCHEMA_VERSION
    assert exercise(store) == 5


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda b: b[: len(b) // 2], id="truncated"),
        pytest.param(lambda b: b"", id="empty"),
        pytest.param(lambda b: b"\x00\xff garbage", id="garbage"),
        pytest.param(lambda b: b"[1, 2, 3]", id="not-tinydb"),
        pytest.param(lambda b: b'{"meta": {"1": {"schema_version": 1}}}', id="no-blob-list"),
    ],
)
def test_corrupt_manifest_is_a_clear_error(seeded: Path, damage: object) -> None:
    """A damaged manifest gives a one-line StoreError with a way to recover."""
    path = seeded / MANIFEST
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with pytest.raises(StoreError) as info:
        open_store(seeded, read_only=True)
    message = str(info.value)
    assert "\n" not in message
    assert "backup" in message or "reindex" in message


def test_corrupt_shard_is_a_clear_error(seeded: Path) -> None:
    """A damaged body shard fails the query with a StoreError naming the recovery."""
    store = open_store(seeded, read_only=True)
    for blob in (seeded / "blobs").glob("bodies-*"):
        blob.write_text("{broken")
    with pytest.raises(StoreError, match="reindex"):
        store.article(store.articles()[0].id)


def test_killed_writer_leaves_old_or_new_batch(tmp_path: Path) -> None:
    """A writer SIGKILLed at any moment leaves a store holding the old or the new batch."""
    base = tmp_path / "base"
    ingest(base, [str(p) for p in seed_files()])
    old = titles(base)
    new_files = corpus_dir(tmp_path, 30, "new")
    probe = tmp_path / "probe"
    shutil.copytree(base, probe)
    started = time.monotonic()
    subprocess.run(
        cli("--db", str(probe), "ingest", str(new_files)), check=True, capture_output=True
    )
    full = time.monotonic() - started
    new = titles(probe)
    assert len(new) == len(old) + 30
    extra = write(tmp_path / "extra", "extra.txt", article_text("Extra one", "Gwent Police."))
    rng = random.Random(7)
    for i in range(KILL_LOOPS):
        store = tmp_path / f"kill{i}"
        shutil.copytree(base, store)
        proc = subprocess.Popen(
            cli("--db", str(store), "ingest", str(new_files)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(0.6, 1.05) * full)
        proc.kill()
        proc.wait()
        seen = titles(store)
        assert seen in (old, new), f"iteration {i}: a mixed store"
        exercise(open_store(store, read_only=True))
        ingest(store, [extra])  # the next writer clears what the killed one left
        assert temp_files(store) == []
        assert titles(store) == seen | {"Extra one"}
        shutil.rmtree(store)


def test_two_concurrent_ingests_lose_nothing(seeded: Path, tmp_path: Path) -> None:
    """Two ingest processes writing at once both land all their articles."""
    one = corpus_dir(tmp_path, 25, "one")
    two = corpus_dir(tmp_path, 25, "two")
    procs = [
        subprocess.Popen(cli("--db", str(seeded), "ingest", str(folder)), stdout=subprocess.PIPE)
        for folder in (one, two)
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    got = titles(seeded)
    assert len(got) == 55
    assert {f"one story {i}" for i in range(25)} <= got
    assert {f"two story {i}" for i in range(25)} <= got
    assert temp_files(seeded) == []


def test_reader_during_writes_never_sees_a_torn_store(seeded: Path, tmp_path: Path) -> None:
    """A reader polling and reloading while writers commit always gets a whole store."""
    folders = [corpus_dir(tmp_path, 8, f"w{n}") for n in range(3)]
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        store = open_store(seeded, read_only=True)
        while not stop.is_set():
            try:
                if store.changed():
                    store.reload()
                exercise(store)
            except BaseException as exc:
                errors.append(exc)
                return

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for folder in folders:
            subprocess.run(
                cli("--db", str(seeded), "ingest", str(folder)), check=True, capture_output=True
            )
    finally:
        stop.set()
        reader.join()
    assert errors == []
    assert len(titles(seeded)) == 5 + 24


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


def test_file_size_limit_is_a_clear_error_and_keeps_the_store(seeded: Path, tmp_path: Path) -> None:
    """Hitting RLIMIT_FSIZE mid-commit fails with one line and leaves the store as it was."""
    before = snapshot(seeded)
    folder = corpus_dir(tmp_path, 30, "big")
    done = subprocess.run(
        cli("--db", str(seeded), "ingest", str(folder)),
        capture_output=True,
        text=True,
        preexec_fn=_limit_file_size,
    )
    assert done.returncode == 2
    assert "file size limit" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert snapshot(seeded) == before
    assert temp_files(seeded) == []
    assert exercise(open_store(seeded, read_only=True)) == 5


def test_reindex_recovers_a_store_whose_manifest_is_lost(seeded: Path, tmp_path: Path) -> None:
    """With the manifest corrupt, reindex rebuilds from body blobs, newest text per path."""
    path = write(tmp_path / "c", "a.txt", article_text("First version", "Kent Police."))
    ingest(seeded, [path])
    path.write_text(article_text("Second version", "Kent Police."))
    ingest(seeded, [path])
    (seeded / MANIFEST).write_text("{not json")
    report = reindex(seeded)
    assert report.recovered and report.articles == 6
    got = titles(seeded)
    assert "Second version" in got and "First version" not in got
    assert exercise(open_store(seeded)) == 6


def test_read_only_open_as_a_user_who_cannot_write(seeded: Path) -> None:
    """A user without write permission anywhere in the store can open and query it."""
    shared = Path(tempfile.mkdtemp(prefix="forcewatch-ro-"))
    try:
        shared.chmod(0o755)
        copy = shared / "store"
        shutil.copytree(seeded, copy)
        (copy / LOCK).unlink()
        for path in [copy, *copy.rglob("*")]:
            path.chmod(0o555 if path.is_dir() else 0o444)
        before = snapshot(copy)
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child drops to an unprivileged user, then reads
            os.close(read_end)
            status = 1
            try:
                if os.geteuid() == 0:
                    os.setgid(65534)
                    os.setuid(65534)
                count = exercise(open_store(copy, read_only=True))
                os.write(write_end, str(count).encode())
                status = 0
            except BaseException as exc:
                os.write(write_end, repr(exc).encode())
            finally:
                os._exit(status)
        os.close(write_end)
        with os.fdopen(read_end) as pipe:
            said = pipe.read()
        _, status = os.waitpid(pid, 0)
        assert os.waitstatus_to_exitcode(status) == 0, said
        assert said == "5"
        assert snapshot(copy) == before
    finally:
        for path in [shared, *shared.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(shared)
