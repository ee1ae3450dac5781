"""Soak: SIGKILL `forcewatch ingest` at random moments, over and over, and check the store each time.

Each round writes a new version of the same batch of article files and starts the real
command line to ingest it, then kills it with SIGKILL at a random moment (half the kills
land anywhere in a run, half in its last part, where the commit happens). After each kill:

- the store opens read-only, and opening it changes no file;
- it holds the seed articles and the batch either all at the old version or all at the new
  one: never a mix, never a torn or missing file;
- every article's detail loads.

Then the same ingest runs to completion, after which the batch is at the new version and
no temp file is left in the store.

    python tests/soak/kill_loop.py --count 500
prints a JSON summary and exits 1 if any round failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TEMP_MARK = ".tmp-"
BATCH = 24  # files rewritten every round


def command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).with_name("forcewatch")
    return [str(script)] if script.exists() else [sys.executable, "-m", "forcewatch.tui.cli"]


def article(slot: int, version: int) -> str:
    """Article `slot` of the batch at `version`: its title carries both."""
    return (
        f"Officer case {slot} update v{version}\n\n"
        f"Kent Police said officer {slot} had been dismissed after hearing {version}.\n\n"
        f"Supt Jane Doe said: “Case {slot} is closed at version {version} and we have "
        f"learned from it.”\n\n"
        f"The force said {slot + version} allegations had been made in the past year.\n"
    )


def write_batch(folder: Path, version: int) -> None:
    """Rewrite every file of the batch at the given version (atomically, by rename)."""
    folder.mkdir(parents=True, exist_ok=True)
    for slot in range(BATCH):
        path = folder / f"case{slot:02d}.txt"
        temp = folder / f"case{slot:02d}.txt.new"
        temp.write_text(article(slot, version), encoding="utf-8")
        os.replace(temp, path)


def snapshot(store: Path) -> dict[str, tuple[int, int, int]]:
    """Every file in the store: size, mtime and inode, to prove a read changed nothing."""
    found = {}
    for dirpath, _, files in os.walk(store):
        for name in files:
            path = Path(dirpath) / name
            st = path.lstat()
            found[str(path.relative_to(store))] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def temp_files(store: Path) -> list[str]:
    return sorted(str(p.relative_to(store)) for p in store.rglob("*") if TEMP_MARK in p.name)


def temp_files_quick(folder: Path) -> bool:
    """Whether a folder (not its subfolders) holds a temp file right now."""
    try:
        with os.scandir(folder) as entries:
            return any(TEMP_MARK in entry.name for entry in entries)
    except FileNotFoundError:
        return False


def versions_in_store(store: Path) -> tuple[dict[int, int], int]:
    """Open read-only: the version of each batch slot, and the number of seed articles."""
    from forcewatch.store.reader import open_store

    corpus = open_store(store, read_only=True)
    rows = list(corpus.articles())
    slots: dict[int, int] = {}
    seeds = 0
    for row in rows:
        detail = corpus.article(row.id)
        if detail is None:
            raise AssertionError(f"article {row.id} ({row.title!r}) is listed but cannot be loaded")
        if row.title.startswith("Officer case "):
            words = row.title.split()
            slot, version = int(words[2]), int(words[4].lstrip("v"))
            if slot in slots:
                raise AssertionError(f"slot {slot} stored twice: v{slots[slot]} and v{version}")
            slots[slot] = version
        else:
            seeds += 1
    return slots, seeds


@dataclass
class Soak:
    """The loop's state and tallies."""

    work: Path
    rng: random.Random
    store: Path = field(init=False)
    batch: Path = field(init=False)
    version: int = 0  # the version the store holds now
    run_seconds: float = 0.0
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    max_blobs: int = 0

    def __post_init__(self) -> None:
        self.store = self.work / "store"
        self.batch = self.work / "batch"

    def ingest(self, paths: list[Path]) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(
            [*command(), "--db", str(self.store), "ingest", *map(str, paths)],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=600,
        )

    def setup(self) -> None:
        """Seeds and version 0 of the batch, stored completely; time a full run."""
        write_batch(self.batch, 0)
        done = self.ingest([SEEDS, self.batch])
        if done.returncode != 0:
            raise SystemExit(f"setup ingest failed: {done.stderr.decode(errors='replace')}")
        times = []
        for version in (1, 2, 3):
            write_batch(self.batch, version)
            start = time.monotonic()
            done = self.ingest([self.batch])
            times.append(time.monotonic() - start)
            if done.returncode != 0:
                raise SystemExit(f"timing ingest failed: {done.stderr.decode(errors='replace')}")
        self.version = 3
        self.run_seconds = statistics.median(times)
        self.check(self.version, None, "setup")

    def kill_moment(self) -> float | None:
        """Seconds after the start to kill at, or None to kill once writing has begun."""
        choice = self.rng.random()
        if choice < 1 / 3:
            return self.rng.uniform(0.0, 1.1 * self.run_seconds)
        if choice < 2 / 3:
            return self.rng.uniform(0.6 * self.run_seconds, 1.05 * self.run_seconds)
        return None

    def wait_for_writing(self, proc: subprocess.Popen[bytes]) -> bool:
        """Poll until the writer has a temp file in the store, then wait a random instant."""
        blobs = self.store / "blobs"
        while proc.poll() is None:
            if temp_files_quick(blobs) or temp_files_quick(self.store):
                time.sleep(self.rng.uniform(0.0, 0.03))
                return True
            time.sleep(0.0005)
        return False

    def check(self, old: int, new: int | None, label: str) -> int | None:
        """The store opens unchanged by reading and holds one whole version; which one."""
        before = snapshot(self.store)
        try:
            slots, seeds = versions_in_store(self.store)
        except Exception as exc:  # any failure to read is what this soak hunts for
            self.failures.append(f"{label}: the store does not open: {type(exc).__name__}: {exc}")
            return None
        after = snapshot(self.store)
        if before != after:
            self.failures.append(f"{label}: opening read-only changed files")
        if seeds != 5:
            self.failures.append(f"{label}: {seeds} seed articles, not 5")
        held = set(slots.values())
        allowed = {old} if new is None else {old, new}
        if len(slots) != BATCH or len(held) != 1 or not held <= allowed:
            self.failures.append(
                f"{label}: batch versions {sorted(Counter(slots.values()).items())}, want one of {sorted(allowed)}"
            )
            return None
        return held.pop()

    def round(self, number: int) -> None:
        new = self.version + 1
        write_batch(self.batch, new)
        proc = subprocess.Popen(
            [*command(), "--db", str(self.store), "ingest", str(self.batch)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
        )
        blobs_before = set(os.listdir(self.store / "blobs"))
        delay = self.kill_moment()
        started = time.monotonic()
        try:
            if delay is None:
                self.wait_for_writing(proc)
                raise subprocess.TimeoutExpired(proc.args, 0)
            proc.wait(timeout=delay)
            finished = True
        except subprocess.TimeoutExpired:
            finished = proc.poll() is not None
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        delay = time.monotonic() - started
        mid_write = (
            bool(temp_files(self.store)) or set(os.listdir(self.store / "blobs")) != blobs_before
        )
        stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        if proc.stderr:
            proc.stderr.close()
        if finished and proc.returncode != 0:
            self.failures.append(f"round {number}: ingest failed: {stderr.strip()[-500:]}")
        held = self.check(self.version, new, f"round {number} after kill at {delay:.2f}s")
        if finished:
            self.outcomes["finished before the kill"] += 1
        elif held == new:
            self.outcomes["killed after the commit"] += 1
        elif held == self.version and mid_write:
            self.outcomes["killed while writing, before the commit"] += 1
        elif held == self.version:
            self.outcomes["killed before writing"] += 1
        if held is not None:
            self.version = held
        done = self.ingest([self.batch])  # the next write: recovers and cleans up
        if done.returncode != 0:
            message = done.stderr.decode(errors="replace").strip()[-500:]
            self.failures.append(f"round {number}: the write after the kill failed: {message}")
        left = temp_files(self.store)
        if left:
            self.failures.append(f"round {number}: temp files after the next write: {left}")
        held = self.check(new, None, f"round {number} after the next write")
        if held is not None:
            self.version = held
        blobs = self.store / "blobs"
        if blobs.is_dir():
            self.max_blobs = max(self.max_blobs, len(os.listdir(blobs)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=500, help="kill rounds (default 500)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--work", type=Path, default=None, help="work folder (default: a temp one)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    work = args.work or Path(tempfile.mkdtemp(prefix="forcewatch-soak-"))
    work.mkdir(parents=True, exist_ok=True)
    soak = Soak(work, random.Random(seed))
    started = time.monotonic()
    try:
        soak.setup()
        for number in range(1, args.count + 1):
            soak.round(number)
            if soak.failures:
                break
            if number % 25 == 0:
                print(f"{number} rounds, {dict(soak.outcomes)}", file=sys.stderr, flush=True)
    finally:
        summary = {
            "rounds": args.count,
            "seed": seed,
            "run_seconds": round(soak.run_seconds, 3),
            "outcomes": dict(soak.outcomes),
            "kills": sum(n for k, n in soak.outcomes.items() if k.startswith("killed")),
            "max_blob_files": soak.max_blobs,
            "elapsed_seconds": round(time.monotonic() - started, 1),
            "failures": soak.failures,
        }
        print(json.dumps(summary, indent=1), flush=True)
        if not args.keep and args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if soak.failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
