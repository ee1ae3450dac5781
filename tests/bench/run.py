"""Benchmark forcewatch on a synthetic corpus of N articles: medians and p95 over several runs.

    python tests/bench/run.py --articles N [--json] [--runs R]

Builds (or reuses) a generated corpus, ingests it with the real `forcewatch ingest`
command, then measures parsing, the store size, the explorer's cold start in a real pty,
the query calls the explorer makes per keystroke, timelines, speakers' quotes and peak
memory. With --json the last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import fcntl
import hashlib
import importlib
import importlib.machinery
import json
import os
import platform
import pty
import random
import re
import select
import shutil
import signal
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus as gen
from forcewatch.store.parse import decode_bytes, parse_article
from forcewatch.store.reader import Store, open_store
from forcewatch.store.views import ArticleFilter

KEYS = (
    "parse_articles_per_s",
    "ingest_s",
    "store_mb",
    "cold_start_s",
    "filter_p95_ms",
    "filter_median_ms",
    "search_p95_ms",
    "search_median_ms",
    "timeline_ms",
    "speaker_ms",
    "ingest_rss_mb",
    "app_rss_mb",
)
TARGETS: dict[str, dict[int, tuple[str, float]]] = {
    # figure -> corpus size -> (">=" or "<=", target), from the speed issue's table
    "parse_articles_per_s": {1000: (">=", 1000), 10000: (">=", 1000), 100000: (">=", 1000)},
    "ingest_s": {10000: ("<=", 20), 100000: ("<=", 180)},
    "cold_start_s": {1000: ("<=", 0.6), 10000: ("<=", 0.8), 100000: ("<=", 1.5)},
    "filter_p95_ms": {10000: ("<=", 30), 100000: ("<=", 50)},
    "search_p95_ms": {10000: ("<=", 100), 100000: ("<=", 300)},
    "app_rss_mb": {10000: ("<=", 150), 100000: ("<=", 400)},
}
SEARCH_WORDS = (
    "vetting",
    "misconduct",
    "dismissed",
    "commissioner",
    "inspectors",
    "allegations",
    "corruption",
    "relationship",
    "domestic",
    "grooming",
    "nottinghamshire",
    "okafor",
)
SEARCH_PHRASES = ("gross misconduct", "counter corruption unit", "barred list")
ANSI = re.compile(
    rb"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|P[^\x1b]*\x1b\\|[@-Z\\-_])"
)
MB = 1024 * 1024


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# ---- statistics ------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values)) if values else float("nan")


def p95(values: Sequence[float]) -> float:
    """The 95th percentile (nearest rank)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, -(-95 * len(ordered) // 100))
    return float(ordered[rank - 1])


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "median": median(values),
        "p95": p95(values),
        "min": min(values) if values else float("nan"),
        "max": max(values) if values else float("nan"),
        "n": len(values),
    }


# ---- machine --------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    mem = 0
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) // 1024
    try:
        import textual

        textual_version = getattr(textual, "__version__", "")
    except ImportError:
        textual_version = ""
    return {
        "cpu_count": os.cpu_count(),
        "cpu_model": model,
        "mem_total_mb": mem,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "textual": textual_version,
        "loadavg_start": list(os.getloadavg()),
    }


# ---- corpus and stores ----------------------------------------------------------------------


def cache_root() -> Path:
    root = Path(
        os.environ.get("FORCEWATCH_BENCH_DIR") or Path(tempfile.gettempdir()) / "forcewatch-bench"
    )
    root.mkdir(parents=True, exist_ok=True)
    return root


def corpus_dir(n: int, seed: int) -> Path:
    """The generated corpus for (N, seed), written once and reused."""
    # The generator draws forces from the gazetteer: a changed gazetteer is a new corpus.
    forces = hashlib.sha256("\n".join(gen.force_weights()[0]).encode()).hexdigest()[:8]
    folder = cache_root() / f"corpus-v{gen.GENERATOR_VERSION}-{forces}-n{n}-s{seed}"
    done = folder / ".complete"
    if done.exists():
        return folder
    if folder.exists():
        shutil.rmtree(folder)
    log(f"generating {n:,} articles (seed {seed}) under {folder} ...")
    started = time.perf_counter()
    gen.write_corpus(folder, n, seed)
    done.write_text(f"{n}\n")
    log(f"  generated in {time.perf_counter() - started:.1f} s")
    return folder


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))


def folder_size(folder: Path) -> int:
    total = 0
    for path in folder.rglob("*"):
        with contextlib.suppress(OSError):
            if path.is_file():
                total += path.stat().st_size
    return total


def forcewatch_command() -> str:
    """The installed console script next to this interpreter (the venv's)."""
    candidate = Path(sys.executable).parent / "forcewatch"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("forcewatch")
    if not found:
        raise SystemExit("run.py: the `forcewatch` command is not installed in this environment")
    return found


# ---- process memory -------------------------------------------------------------------------


def proc_status(pid: int) -> dict[str, int]:
    """VmHWM and VmRSS of a live process, in kB (empty when it is gone)."""
    out: dict[str, int] = {}
    try:
        text = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return out
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS"):
            out[key] = int(value.split()[0])
    return out


def descendants(pid: int) -> list[int]:
    """The process and every live descendant."""
    found = [pid]
    i = 0
    while i < len(found):
        current = found[i]
        i += 1
        with contextlib.suppress(OSError):
            for task in os.listdir(f"/proc/{current}/task"):
                with contextlib.suppress(OSError):
                    text = Path(f"/proc/{current}/task/{task}/children").read_text()
                    found.extend(int(c) for c in text.split())
    return found


@dataclass
class TreeMemory:
    """Peak memory seen while sampling a process tree."""

    peak_process_kb: int = 0  # the largest single process (VmHWM)
    peak_total_kb: int = 0  # the largest sum of resident sizes at one moment
    cpu_ticks: dict[int, int] = field(default_factory=dict)  # pid -> last seen utime+stime

    def sample(self, pid: int) -> None:
        total = 0
        for p in descendants(pid):
            status = proc_status(p)
            self.peak_process_kb = max(self.peak_process_kb, status.get("VmHWM", 0))
            total += status.get("VmRSS", 0)
            ticks = cpu_ticks(p)
            if ticks is not None:
                self.cpu_ticks[p] = ticks
        self.peak_total_kb = max(self.peak_total_kb, total)

    @property
    def cpu_s(self) -> float:
        """CPU seconds used by every process seen in the tree (to its last sample)."""
        return sum(self.cpu_ticks.values()) / TICKS


TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> int | None:
    """utime + stime of a live process, in clock ticks."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw.rpartition(")")[2].split()
    return int(fields[11]) + int(fields[12])


# ---- 1. parse -------------------------------------------------------------------------------


def bench_parse(files: Sequence[Path], runs: int, sample: int) -> dict[str, Any]:
    """Decode + parse_article in this process, each run over files no earlier run parsed.

    Each file is parsed once, as in an ingest: nothing the parser remembers from one run
    can make a later run look faster than a first reading of new articles would be.
    """
    warm = min(20, len(files) // 2)
    rest = files[warm:]
    per_run = max(1, min(sample, len(rest) // runs))
    step = max(1, len(rest) // (per_run * runs))
    chosen = list(rest[::step])
    # With fewer files than runs, later runs read files again.
    samples = [chosen[(i * per_run) % len(chosen) :][:per_run] for i in range(runs)]
    for path in files[:warm]:  # warm the parser's lazy tables on files not measured
        parse_article(decode_bytes(path.read_bytes())[0], str(path))
    wall: list[float] = []
    cpu: list[float] = []
    for run in range(runs):
        blobs = [(p.read_bytes(), str(p)) for p in samples[run]]
        t0, c0 = time.perf_counter(), time.process_time()
        for data, source in blobs:
            text, _ = decode_bytes(data)
            parse_article(text, source)
        t1, c1 = time.perf_counter(), time.process_time()
        wall.append(len(blobs) / (t1 - t0))
        cpu.append(len(blobs) / (c1 - c0))
        log(f"  parse run {run + 1}: {wall[-1]:.0f} articles/s (cpu {cpu[-1]:.0f}/s)")
    return {"articles": per_run, "wall": summary(wall), "cpu": summary(cpu)}


def parser_compiled() -> bool:
    """Whether the installed parser is the compiled build (a wheel's) or plain Python."""
    module = importlib.import_module("forcewatch.store.parse.quotes")
    return str(module.__file__).endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES))


# ---- 2. ingest ------------------------------------------------------------------------------


@dataclass
class IngestRun:
    seconds: float
    rss_mb: float  # the largest single process of the tree
    total_rss_mb: float  # all processes together at their peak moment
    cpu_s: float  # CPU seconds of the whole process tree (sampled)
    status: int
    output: str


def run_ingest(command: str, source: Path, store: Path) -> IngestRun:
    """`forcewatch ingest SOURCE --db STORE` as a subprocess, timed and memory-sampled."""
    env = dict(os.environ)
    env.pop("FORCEWATCH_DB", None)
    memory = TreeMemory()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [command, "ingest", str(source), "--db", str(store)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env=env,
    )
    assert proc.stdout is not None
    os.set_blocking(proc.stdout.fileno(), False)
    chunks: list[bytes] = []
    status: int | None = None
    usage = None
    while status is None:
        memory.sample(proc.pid)
        ready, _, _ = select.select([proc.stdout], [], [], 0.05)
        if ready:
            with contextlib.suppress(BlockingIOError):
                chunk = proc.stdout.read()
                if chunk:
                    chunks.append(chunk)
        pid, raw, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid == proc.pid:
            status = os.waitstatus_to_exitcode(raw)
            proc.returncode = status
    seconds = time.perf_counter() - t0
    with contextlib.suppress(BlockingIOError, ValueError):
        rest = proc.stdout.read()
        if rest:
            chunks.append(rest)
    proc.stdout.close()
    maxrss_kb = usage.ru_maxrss if usage is not None else 0  # includes reaped descendants
    return IngestRun(
        seconds=seconds,
        rss_mb=max(maxrss_kb, memory.peak_process_kb) / 1024,
        total_rss_mb=memory.peak_total_kb / 1024,
        cpu_s=memory.cpu_s,
        status=status,
        output=b"".join(chunks).decode("utf-8", "replace"),
    )


# ---- 3. queries the app makes per keystroke -------------------------------------------------


def list_keystroke(store: Store, flt: ArticleFilter, keep: int | None) -> tuple[float, float]:
    """What the article list asks per change of filter or search: the list query, search
    matches, the total, the cursor's row, the visible rows; then the facets. Returns the
    milliseconds until the list can paint and until the facets can too."""
    t0 = time.perf_counter()
    rows = store.articles(flt, "date", True)
    if flt.text.strip():
        store.search(flt.text).matches_by_id()  # as the list reads them: no hit objects
    store.info() if not flt.is_empty else len(rows)
    cursor = 0
    if keep is not None:
        ids = rows.ids
        cursor = ids.index(keep) if keep in ids else 0
    for i in range(cursor, min(len(rows), cursor + 40)):
        rows[i]
    t1 = time.perf_counter()
    store.facets(flt)
    t2 = time.perf_counter()
    return (t1 - t0) * 1000, (t2 - t0) * 1000


def search_sequence() -> list[str]:
    """Successive prefixes typed into the search box: 'v', 've', 'vet', ..."""
    typed: list[str] = []
    for word in (*SEARCH_WORDS, *SEARCH_PHRASES):
        typed.extend(word[:i] for i in range(1, len(word) + 1))
    return typed


def filter_sequence(store: Store, count: int, seed: int) -> list[ArticleFilter]:
    """Facet choices a user might make, one per keystroke (Enter on a facet value)."""
    rng = random.Random(f"filters:{seed}")
    facets = store.facets(None)
    forces = [v.value for v in facets.forces]
    speakers = [v.value for v in facets.speakers]
    outlets = [v.value for v in facets.outlets]
    years = [int(v.value) for v in facets.years]
    out: list[ArticleFilter] = []
    flt = ArticleFilter()
    for _ in range(count):
        action = rng.random()
        if action < 0.3 and forces:
            flt = replace(
                flt, force=rng.choice(forces[:25]) if rng.random() < 0.8 else rng.choice(forces)
            )
        elif action < 0.5 and years:
            flt = replace(flt, year=rng.choice(years))
        elif action < 0.65 and speakers:
            pick = speakers[:50] if rng.random() < 0.7 else speakers
            flt = replace(flt, speaker=rng.choice(pick))
        elif action < 0.8 and outlets:
            flt = replace(flt, outlet=rng.choice(outlets))
        elif action < 0.92:
            which = rng.choice(("force", "year", "speaker", "outlet"))
            flt = replace(flt, **{which: None})
        else:
            flt = ArticleFilter()
        out.append(flt)
    return out


def timed(func: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    func()
    return (time.perf_counter() - t0) * 1000


def bench_keystrokes(store_path: Path, runs: int, filters: int, seed: int) -> dict[str, Any]:
    """Filter and search keystrokes through the store API, on a freshly opened store per run."""
    filter_ms: list[float] = []
    search_ms: list[float] = []
    filter_list_ms: list[float] = []
    search_list_ms: list[float] = []
    first_filter: list[float] = []
    first_search: list[float] = []
    open_ms: list[float] = []
    typed = search_sequence()
    for run in range(runs):
        t0 = time.perf_counter()
        store = open_store(store_path, read_only=True)
        open_ms.append((time.perf_counter() - t0) * 1000)
        sequence = filter_sequence(store, filters, seed + run)
        keep = store.articles()[0].id if len(store.articles()) else None
        pairs = [list_keystroke(store, flt, keep) for flt in sequence]
        first_filter.append(pairs[0][1])
        filter_list_ms.extend(p[0] for p in pairs)
        filter_ms.extend(p[1] for p in pairs)
        store = open_store(store_path, read_only=True)
        pairs = [list_keystroke(store, ArticleFilter(text=text), keep) for text in typed]
        first_search.append(pairs[0][1])
        search_list_ms.extend(p[0] for p in pairs)
        search_ms.extend(p[1] for p in pairs)
        log(
            f"  keystrokes run {run + 1}: filter median {median(filter_ms):.1f} ms p95 "
            f"{p95(filter_ms):.1f}; search median {median(search_ms):.1f} ms p95 {p95(search_ms):.1f}"
        )
    return {
        "filter": summary(filter_ms),
        "search": summary(search_ms),
        "filter_list": summary(filter_list_ms),
        "search_list": summary(search_list_ms),
        "first_filter_ms": median(first_filter),
        "first_search_ms": median(first_search),
        "open_ms": summary(open_ms),
        "keystrokes_per_run": {"filter": filters, "search": len(typed)},
    }


def bench_open_views(store_path: Path, runs: int, sample: int, seed: int) -> dict[str, Any]:
    """timeline(force) and quotes_by(speaker): cold (first call on a fresh store) and warm."""
    base = open_store(store_path, read_only=True)
    forces = [f.name for f in base.forces()]
    speakers_all = base.speakers()
    top = [s.key for s in speakers_all[:sample]]
    rng = random.Random(f"speakers:{seed}")
    rest = [s.key for s in speakers_all[sample:]]
    speakers = top + (rng.sample(rest, min(sample, len(rest))) if rest else [])
    timeline_cold: list[float] = []
    timeline_warm: list[float] = []
    speaker_cold: list[float] = []
    speaker_warm: list[float] = []
    for run in range(runs):
        for i, force in enumerate(forces):
            if (i + run) % max(1, len(forces) // sample) == 0:
                fresh = open_store(store_path, read_only=True)
                timeline_cold.append(timed(lambda f=force, s=fresh: s.timeline(f)))  # type: ignore[misc]
            base.timeline(force)
            timeline_warm.append(timed(lambda f=force: base.timeline(f)))  # type: ignore[misc]
        for i, key in enumerate(speakers):
            if (i + run) % 2 == 0:
                fresh = open_store(store_path, read_only=True)
                speaker_cold.append(timed(lambda k=key, s=fresh: s.quotes_by(k)))  # type: ignore[misc]
            base.quotes_by(key)
            speaker_warm.append(timed(lambda k=key: base.quotes_by(k)))  # type: ignore[misc]
    return {
        "timeline_cold": summary(timeline_cold),
        "timeline_warm": summary(timeline_warm),
        "speaker_cold": summary(speaker_cold),
        "speaker_warm": summary(speaker_warm),
        "forces": len(forces),
        "speakers_sampled": len(speakers),
    }


# ---- 4. cold start in a real pty ------------------------------------------------------------


@dataclass
class ColdStart:
    seconds: float | None
    first_output_s: float | None  # the first visible characters (the app's first paint)
    cpu_s: float | None  # CPU seconds the app had used when the list painted
    rss_paint_mb: float
    rss_settled_mb: float
    error: str = ""
    screen_tail: str = ""


def _strip(data: bytes) -> str:
    return ANSI.sub(b"", data).decode("utf-8", "replace")


FLOOR_MARK = "FLOOR-APP-PAINTED"
FLOOR_APP = f"""
from textual.app import App
from textual.widgets import Static


class Floor(App[None]):
    def compose(self):
        yield Static("{FLOOR_MARK}")


Floor().run()
"""


def compile_package() -> None:
    """Write the package's bytecode, as `pip install .` does, so a cold start measures the
    installed program rather than Python compiling its sources (an editable install under
    PYTHONDONTWRITEBYTECODE never caches them)."""
    import forcewatch.store
    import forcewatch.tui

    folders = [*forcewatch.store.__path__, *forcewatch.tui.__path__]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], check=True)


def floor_command(space: Path) -> list[str]:
    """A trivial Textual app, run the same way: the floor for a cold start."""
    script = space / "floor_app.py"
    script.write_text(FLOOR_APP)
    return [sys.executable, str(script)]


def cold_start(
    command: str | list[str],
    store: Path | None,
    markers: Sequence[str],
    size: tuple[int, int],
    timeout: float,
    settle: float,
) -> ColdStart:
    """Spawn `forcewatch --db STORE` in a pty of `size` (cols, rows); seconds until any
    marker (a title from the top of the list) appears on screen. Killed by pid afterwards."""
    cols, rows = size
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("COLUMNS", "LINES", "NO_COLOR", "FORCEWATCH_DB")
    }
    env["TERM"] = "xterm-256color"
    argv = [command, "--db", str(store)] if isinstance(command, str) else command
    t0 = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child: size the terminal, then become forcewatch
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            os.execve(argv[0], argv, env)
        finally:
            os._exit(127)
    buffer = bytearray()
    seconds: float | None = None
    first_output: float | None = None
    cpu: float | None = None
    error = ""
    deadline = t0 + timeout
    try:
        while time.perf_counter() < deadline:
            ready, _, _ = select.select([fd], [], [], 0.02)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError as exc:
                if exc.errno == errno.EIO:
                    error = "the app exited before painting"
                    break
                raise
            if not chunk:
                error = "the app closed the terminal before painting"
                break
            now = time.perf_counter()
            buffer += chunk
            text = _strip(bytes(buffer))
            if first_output is None and text.strip():
                first_output = now - t0
            if any(m in text for m in markers):
                seconds = now - t0
                ticks = cpu_ticks(pid)
                cpu = ticks / TICKS if ticks is not None else None
                break
        else:
            error = f"no marker within {timeout:.0f} s"
        paint = proc_status(pid).get("VmHWM", 0)
        end = time.perf_counter() + settle
        while time.perf_counter() < end:  # keep draining so the app never blocks on output
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 1 << 16)
                except OSError:
                    break
                buffer += chunk
        settled = proc_status(pid).get("VmHWM", paint)
    finally:
        _kill(pid)
        os.close(fd)
    tail = _strip(bytes(buffer[-4000:]))[-600:] if seconds is None else ""
    return ColdStart(seconds, first_output, cpu, paint / 1024, settled / 1024, error, tail)


def _kill(pid: int) -> None:
    """End the app we started, by its pid: TERM, then KILL if it lingers."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.perf_counter() + 3
    while time.perf_counter() < deadline:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return
        time.sleep(0.02)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)


# ---- 5. keystrokes through the app (Textual Pilot, headless) --------------------------------


async def _pilot_latency(
    store_path: Path, words: Sequence[str], size: tuple[int, int]
) -> dict[str, Any]:
    """Type words into the app's search box (headless) and time each keystroke until the
    list holds the new rows and has repainted its visible lines."""
    from forcewatch.tui.app import build_app
    from textual import events

    app = build_app(open_store(store_path, read_only=True))
    latencies: list[float] = []
    to_rows: list[float] = []

    async def until(done: Callable[[], bool], limit: float = 30) -> bool:
        end = time.perf_counter() + limit
        while not done():
            if time.perf_counter() > end:
                return False
            await asyncio.sleep(0.0002)
        return True

    async with app.run_test(size=size) as pilot:
        view = app.main.articles
        rows_widget = view.article_list
        if not await until(lambda: bool(rows_widget.rows), 60):
            raise RuntimeError("the article list never filled")
        painted = rows_widget._cache  # the list's per-line render cache: refilled on repaint
        for word in words:
            await pilot.press("/")
            await pilot.pause()
            for ch in word:
                before = rows_widget.rows
                driver = app._driver
                assert driver is not None
                t0 = time.perf_counter()
                driver.send_message(events.Key(ch, ch))  # as a terminal would deliver it
                await until(lambda b=before: rows_widget.rows is not b)  # type: ignore[misc]
                t1 = time.perf_counter()
                await until(lambda: bool(painted) or not rows_widget.rows, 2)
                t2 = time.perf_counter()
                to_rows.append((t1 - t0) * 1000)
                latencies.append((t2 - t0) * 1000)
            before = rows_widget.rows
            view.set_search("")
            await until(lambda b=before: rows_widget.rows is not b)  # type: ignore[misc]
            await pilot.pause()
    return {"search": summary(latencies), "search_rows": summary(to_rows)}


def bench_pilot(store_path: Path, size: tuple[int, int]) -> dict[str, Any]:
    words = SEARCH_WORDS[:6]
    try:
        return asyncio.run(_pilot_latency(store_path, words, size))
    except Exception as exc:  # the app is optional here: report why it could not run
        return {"error": f"{type(exc).__name__}: {exc}"}


# ---- report ---------------------------------------------------------------------------------


def verdict(key: str, n: int, value: float | None) -> str:
    target = TARGETS.get(key, {}).get(n)
    if target is None or value is None or value != value:
        return ""
    op, limit = target
    ok = value >= limit if op == ">=" else value <= limit
    return f"{'ok  ' if ok else 'MISS'} ({op} {limit:g})"


def fmt(value: float | None) -> str:
    if value is None or value != value:
        return "n/a"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.3g}"


@dataclass
class Options:
    articles: int
    runs: int
    ingest_runs: int
    cold_runs: int
    seed: int
    filters: int
    parse_sample: int
    size: tuple[int, int]
    pilot: bool
    keep: bool
    as_json: bool
    store: Path | None
    extra: dict[str, Any] = field(default_factory=dict)


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(description="Benchmark forcewatch on N synthetic articles.")
    parser.add_argument("--articles", type=int, required=True, metavar="N")
    parser.add_argument("--json", action="store_true", help="end with one JSON line")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (default 3)")
    parser.add_argument(
        "--ingest-runs", type=int, help="ingest runs (default: --runs, 2 above 20k)"
    )
    parser.add_argument("--cold-runs", type=int, help="cold starts (default: max(7, --runs))")
    parser.add_argument("--seed", type=int, default=gen.DEFAULT_SEED)
    parser.add_argument("--filters", type=int, default=150, help="filter keystrokes per run")
    parser.add_argument("--parse-sample", type=int, default=1500, help="files parsed per run")
    parser.add_argument("--size", default="120x40", help="pty size COLSxROWS (default 120x40)")
    parser.add_argument("--no-pilot", action="store_true", help="skip keystrokes through the app")
    parser.add_argument("--keep", action="store_true", help="keep the built store")
    parser.add_argument(
        "--store", type=Path, metavar="DIR", help="measure this existing store; skip the ingest"
    )
    args = parser.parse_args(argv)
    cols, _, rows = args.size.partition("x")
    runs = max(1, args.runs)
    return Options(
        articles=args.articles,
        runs=runs,
        ingest_runs=args.ingest_runs or (runs if args.articles <= 20000 else 2),
        cold_runs=args.cold_runs or max(7, runs),
        seed=args.seed,
        filters=args.filters,
        parse_sample=args.parse_sample,
        size=(int(cols), int(rows)),
        pilot=not args.no_pilot,
        keep=args.keep,
        as_json=args.json,
        store=args.store,
    )


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="stores-", dir=cache_root()))
    try:
        yield path
    finally:
        if keep:
            log(f"stores kept under {path}")
        else:
            shutil.rmtree(path, ignore_errors=True)


def main(argv: Sequence[str] | None = None) -> int:
    opts = parse_args(argv)
    n = opts.articles
    info = machine()
    command = forcewatch_command()
    started = time.perf_counter()
    result: dict[str, Any] = {"articles": n, "seed": opts.seed, "runs": opts.runs}
    folder = corpus_dir(n, opts.seed)
    files = article_files(folder)
    if len(files) != n:
        raise SystemExit(f"run.py: expected {n} files under {folder}, found {len(files)}")
    result["corpus_mb"] = round(folder_size(folder) / MB, 1)

    log("parse (one process) ...")
    parse = bench_parse(files, opts.runs, opts.parse_sample)

    with workspace(opts.keep) as space:
        log(f"ingest x{opts.ingest_runs} ({os.cpu_count()} cores) ...")
        ingests: list[IngestRun] = []
        store = opts.store or space / "store-0"
        for run in range(0 if opts.store else opts.ingest_runs):
            store = space / f"store-{run}"
            done = run_ingest(command, folder, store)
            ingests.append(done)
            log(
                f"  ingest run {run + 1}: {done.seconds:.1f} s, peak {done.rss_mb:.0f} MB (tree {done.total_rss_mb:.0f} MB), exit {done.status}"
            )
            if done.status not in (0, 1):
                raise SystemExit(f"run.py: ingest failed ({done.status}):\n{done.output[-2000:]}")
            if run + 1 < opts.ingest_runs:
                shutil.rmtree(store)
        store_bytes = folder_size(store)
        probe = open_store(store, read_only=True)
        stored = len(probe.articles())
        top = probe.articles()[:3]
        markers = [row.title[:24] for row in top if len(row.title) >= 12] or [
            f"{stored:,} articles"
        ]
        del probe

        log("keystrokes through the store API ...")
        keys = bench_keystrokes(store, opts.runs, opts.filters, opts.seed)
        log("timelines and speakers ...")
        views = bench_open_views(store, opts.runs, 12, opts.seed)

        log(f"cold start in a {opts.size[0]}x{opts.size[1]} pty x{opts.cold_runs} ...")
        compile_package()
        colds: list[ColdStart] = []
        for run in range(opts.cold_runs):
            cs = cold_start(command, store, markers, opts.size, timeout=60, settle=1.5)
            colds.append(cs)
            if cs.seconds is None:
                log(f"  cold start run {run + 1}: FAILED: {cs.error}\n{cs.screen_tail}")
                break
            log(f"  cold start run {run + 1}: {cs.seconds:.3f} s, {cs.rss_settled_mb:.0f} MB")
        floors: list[float] = []
        for _ in range(opts.cold_runs):
            cs = cold_start(floor_command(space), None, [FLOOR_MARK], opts.size, 60, 0.1)
            if cs.seconds is not None:
                floors.append(cs.seconds)
        log(f"  trivial Textual app: median {median(floors):.3f} s")
        pilot: dict[str, Any] = bench_pilot(store, opts.size) if opts.pilot else {"skipped": True}
        if "search" in pilot:
            log(
                f"  pilot search: median {pilot['search']['median']:.1f} ms p95 {pilot['search']['p95']:.1f} ms"
            )
        elif "error" in pilot:
            log(f"  pilot: {pilot['error']}")

    cold_ok = [c.seconds for c in colds if c.seconds is not None]
    ingest_s = [i.seconds for i in ingests]

    def over_ingests(pick: Callable[[IngestRun], float], agg: Callable[..., float]) -> float | None:
        return round(agg([pick(i) for i in ingests]), 1) if ingests else None

    figures: dict[str, float | None] = {
        "parse_articles_per_s": round(parse["cpu"]["median"], 1),
        "ingest_s": round(median(ingest_s), 2) if ingests else None,
        "store_mb": round(store_bytes / MB, 1),
        "cold_start_s": round(median(cold_ok), 3)
        if cold_ok and len(cold_ok) == len(colds)
        else None,
        "filter_p95_ms": round(keys["filter"]["p95"], 2),
        "filter_median_ms": round(keys["filter"]["median"], 2),
        "search_p95_ms": round(keys["search"]["p95"], 2),
        "search_median_ms": round(keys["search"]["median"], 2),
        "timeline_ms": round(views["timeline_cold"]["median"], 2),
        "speaker_ms": round(views["speaker_cold"]["median"], 2),
        "ingest_rss_mb": over_ingests(lambda i: i.rss_mb, max),
        "app_rss_mb": round(median([c.rss_settled_mb for c in colds]), 1) if cold_ok else None,
    }
    result.update(figures)
    result.update(
        {
            "stored_articles": stored,
            "parse_wall_articles_per_s": round(parse["wall"]["median"], 1),
            "parse_note": "articles per CPU-second of the parsing process (median of runs); "
            "wall-clock rate beside it",
            "parse_sample": parse["articles"],
            "parser_compiled": parser_compiled(),
            "ingest_runs_s": [round(s, 2) for s in ingest_s],
            "ingest_exit": [i.status for i in ingests],
            "ingest_tree_rss_mb": over_ingests(lambda i: i.total_rss_mb, max),
            "ingest_cpu_s": over_ingests(lambda i: i.cpu_s, median),
            "cold_start_p95_s": round(p95(cold_ok), 3) if cold_ok else None,
            "cold_start_runs_s": [round(s, 3) for s in cold_ok],
            "textual_floor_s": round(median(floors), 3) if floors else None,
            "cold_start_vs_floor": round(median(cold_ok) / median(floors), 2)
            if cold_ok and floors
            else None,
            "cold_start_cpu_s": round(median([c.cpu_s for c in colds if c.cpu_s is not None]), 3),
            "first_paint_s": round(
                median([c.first_output_s for c in colds if c.first_output_s is not None]), 3
            ),
            "cold_start_error": next((c.error for c in colds if c.error), ""),
            "app_rss_at_paint_mb": round(median([c.rss_paint_mb for c in colds]), 1)
            if cold_ok
            else None,
            "filter_first_ms": round(keys["first_filter_ms"], 2),
            "filter_list_p95_ms": round(keys["filter_list"]["p95"], 2),
            "filter_list_median_ms": round(keys["filter_list"]["median"], 2),
            "search_list_p95_ms": round(keys["search_list"]["p95"], 2),
            "search_list_median_ms": round(keys["search_list"]["median"], 2),
            "search_first_ms": round(keys["first_search_ms"], 2),
            "store_open_ms": round(keys["open_ms"]["median"], 1),
            "keystrokes_per_run": keys["keystrokes_per_run"],
            "keystroke_method": "store API calls the article list makes per keystroke "
            "(articles, search, info, cursor lookup, 40 visible rows, then facets), fresh store "
            "per run; *_p95_ms include the facets, *_list_* stop when the list can paint",
            "timeline_warm_ms": round(views["timeline_warm"]["median"], 3),
            "timeline_cold_p95_ms": round(views["timeline_cold"]["p95"], 2),
            "speaker_warm_ms": round(views["speaker_warm"]["median"], 3),
            "speaker_cold_p95_ms": round(views["speaker_cold"]["p95"], 2),
            "pilot_search_median_ms": round(pilot["search"]["median"], 2)
            if "search" in pilot
            else None,
            "pilot_search_p95_ms": round(pilot["search"]["p95"], 2) if "search" in pilot else None,
            "pilot_search_rows_p95_ms": round(pilot["search_rows"]["p95"], 2)
            if "search_rows" in pilot
            else None,
            "pilot_note": pilot.get(
                "error",
                "headless Textual Pilot: '/' then type, until the list holds the new rows and repaints",
            )
            if not pilot.get("skipped")
            else "skipped",
            "pty_size": f"{opts.size[0]}x{opts.size[1]}",
            "bench_seconds": round(time.perf_counter() - started, 1),
        }
    )
    info["loadavg_end"] = list(os.getloadavg())
    result["machine"] = info

    lines = [
        f"forcewatch benchmark: {n:,} articles ({result['corpus_mb']} MB), seed {opts.seed}, "
        f"{opts.runs} runs; {info['cpu_count']} x {info['cpu_model']}, Python {info['python']}",
        f"{'figure':24} {'value':>12}  target",
    ]
    for key in KEYS:
        lines.append(f"{key:24} {fmt(figures[key]):>12}  {verdict(key, n, figures[key])}")
    lines.append(
        f"(parse wall {fmt(result['parse_wall_articles_per_s'])}/s, parser "
        f"{'compiled' if result['parser_compiled'] else 'plain Python'}; ingest runs "
        f"{result['ingest_runs_s']}, cpu {fmt(result['ingest_cpu_s'])} s; trivial Textual app "
        f"{fmt(result['textual_floor_s'])} s (x{fmt(result['cold_start_vs_floor'])}); first paint "
        f"{fmt(result['first_paint_s'])} s, app cpu at list paint {fmt(result['cold_start_cpu_s'])} s; "
        f"list-only p95 filter {fmt(result['filter_list_p95_ms'])} ms, search "
        f"{fmt(result['search_list_p95_ms'])} ms; "
        f"cold runs {result['cold_start_runs_s']}; first filter {fmt(result['filter_first_ms'])} ms, "
        f"first search {fmt(result['search_first_ms'])} ms; timeline warm {fmt(result['timeline_warm_ms'])} ms, "
        f"speaker warm {fmt(result['speaker_warm_ms'])} ms; pilot search p95 {fmt(result['pilot_search_p95_ms'])} ms)"
    )
    print("\n".join(lines), flush=True)
    if opts.as_json:
        print(json.dumps(result, ensure_ascii=True), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
