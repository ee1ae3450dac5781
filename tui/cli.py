"""The `forcewatch` command line: open the explorer, ingest, parse, stats, export, reindex."""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from . import kiosk

if TYPE_CHECKING:
    from forcewatch.store.reader import Store
    from rich.console import Console

PROG = "forcewatch"
EXPORT_TABLES = ("articles", "quotes", "events", "figures")
EXPORT_FORMATS = ("csv", "json", "jsonl")
WARM_DELAY_S = 1.0


class CliError(Exception):
    """A user-facing failure: printed as one line, exit status 2."""


def _common() -> argparse.ArgumentParser:
    # SUPPRESS defaults let the options sit before or after the subcommand without the
    # subcommand's parser resetting a value given before it.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="store folder (default: $FORCEWATCH_DB, else the user data folder)",
    )
    common.add_argument(
        "--kiosk",
        action="store_true",
        default=argparse.SUPPRESS,
        help=f"browse only, for visitors (also ${kiosk.ENV_KIOSK}=1)",
    )
    common.add_argument(
        "--no-quit",
        action="store_true",
        default=argparse.SUPPRESS,
        help=f"kiosk: refuse quitting, for a physical terminal (also ${kiosk.ENV_NO_QUIT}=1)",
    )
    common.add_argument(
        "--idle-reset",
        metavar="SECONDS",
        type=_seconds,
        default=argparse.SUPPRESS,
        help=(
            "kiosk: back to the start after SECONDS without input "
            f"(default {kiosk.DEFAULT_IDLE_RESET:g}; 0: never; also ${kiosk.ENV_IDLE_RESET})"
        ),
    )
    return common


def _seconds(text: str) -> float:
    try:
        return kiosk.parse_seconds(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    common = _common()
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Explore news coverage of police abuse of position for a sexual purpose.",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    ingest = sub.add_parser(
        "ingest", parents=[common], help="add article files and folders to the store"
    )
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    parse = sub.add_parser(
        "parse", parents=[common], help="print one JSON object per article (no store)"
    )
    parse.add_argument("paths", nargs="+", metavar="PATH")
    stats = sub.add_parser("stats", parents=[common], help="counts per table, force and year")
    stats.add_argument("--json", action="store_true", help="print one JSON object")
    export = sub.add_parser("export", parents=[common], help="write a table as CSV or JSON")
    export.add_argument("table", choices=EXPORT_TABLES)
    export.add_argument("--format", choices=EXPORT_FORMATS, default="jsonl")
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    sub.add_parser(
        "reindex", parents=[common], help="re-parse every stored article with this parser"
    )
    return parser


# ---- output helpers ---------------------------------------------------------------------


def _console(stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def _say(message: str, *, file: TextIO | None = None) -> None:
    """One plain line; callers pass text already cleaned."""
    print(message, file=file or sys.stdout, flush=True)


def _fail_line(path: str, reason: str) -> None:
    from .safe import clean

    _say(f"{PROG}: {clean(path)}: {clean(reason)}", file=sys.stderr)


@contextlib.contextmanager
def _progress(label: str) -> Iterator[Callable[[int, int], None] | None]:
    """A Rich progress bar on stderr when it is a terminal; None otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn("{task.description}", style="progress.description", markup=False),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=_console(stderr=True),
        transient=True,
    )
    task = bar.add_task(label, total=None)
    started = False

    def update(done: int, total: int) -> None:
        # The bar (and its refresh thread) starts with the first result, once the
        # parsing workers have been started from a process with no other thread.
        nonlocal started
        if not started:
            bar.start()
            started = True
        bar.update(task, completed=done, total=total)
        if done >= total:
            bar.update(task, description="Writing the store")

    try:
        yield update
    finally:
        if started:
            bar.stop()


def _store_path(args: argparse.Namespace) -> Path:
    from forcewatch.store.layout import resolve_store_path

    return resolve_store_path(getattr(args, "db", None))


def _open(args: argparse.Namespace) -> Store:
    from forcewatch.store.reader import open_store

    return open_store(_store_path(args), read_only=True)


# ---- commands ---------------------------------------------------------------------------


def cmd_ingest(args: argparse.Namespace) -> int:
    from forcewatch.store.ingest import ingest
    from rich.table import Table

    from .safe import plain

    store = _store_path(args)
    missing = [p for p in args.paths if not os.path.lexists(p)]
    for path in missing:
        _fail_line(path, "no such file or directory")
    present = [p for p in args.paths if p not in missing]
    with _progress("Parsing") as progress:
        report = ingest(store, present, progress=progress)
    for failure in report.failed:
        _fail_line(failure.path, failure.reason)
    for skip in report.skipped:
        _fail_line(skip.path, f"skipped: {skip.reason}")
    table = Table(title=plain(f"Ingest into {store}"), show_header=True)
    table.add_column("result")
    table.add_column("files", justify="right")
    for label, count in (
        ("added", len(report.added)),
        ("replaced", len(report.replaced)),
        ("unchanged", len(report.unchanged)),
        ("failed", len(report.failed) + len(missing)),
        ("skipped", len(report.skipped)),
    ):
        table.add_row(plain(label), plain(str(count)))
    table.add_row(plain("articles in store"), plain(str(report.commit.articles)))
    _console().print(table)
    return 1 if report.failed or missing else 0


def cmd_parse(args: argparse.Namespace) -> int:
    from forcewatch.store.ingest import FileError, collect_files, parse_file, run_parallel

    missing = [p for p in args.paths if not os.path.lexists(p)]
    for path in missing:
        _fail_line(path, "no such file or directory")
    files, skipped = collect_files(p for p in args.paths if p not in missing)
    for skip in skipped:
        _fail_line(skip.path, f"skipped: {skip.reason}")
    failed = bool(missing)
    out = sys.stdout
    for path, result in run_parallel(parse_file, files):
        if isinstance(result, FileError):
            _fail_line(path, str(result))
            failed = True
            continue
        # ensure_ascii keeps control and bidi characters escaped: safe on a terminal.
        out.write(json.dumps(result.to_json(), ensure_ascii=True) + "\n")
    out.flush()
    return 1 if failed else 0


def cmd_stats(args: argparse.Namespace) -> int:
    from forcewatch.store.export import stats

    data = stats(_open(args))
    if args.json:
        _say(json.dumps(data, ensure_ascii=True))
        return 0
    from rich.table import Table

    from .safe import plain

    console = _console()
    tables = Table(title=plain(f"Store {data['store']['path']} ({data['store']['name']})"))
    tables.add_column("table")
    tables.add_column("rows", justify="right")
    for name, count in data["tables"].items():
        tables.add_row(plain(name), plain(str(count)))
    console.print(tables)
    forces = Table(title=plain("Per force"))
    for column in ("force", "articles", "quotes", "events"):
        forces.add_column(column, justify="left" if column == "force" else "right")
    for force in data["forces"]:
        forces.add_row(
            plain(force["name"]),
            plain(str(force["articles"])),
            plain(str(force["quotes"])),
            plain(str(force["events"])),
        )
    console.print(forces)
    years = Table(title=plain("Per year"))
    years.add_column("year")
    years.add_column("articles", justify="right")
    for year, count in data["years"].items():
        years.add_row(plain(year), plain(str(count)))
    console.print(years)
    return 0


def _csv_cell(value: Any) -> str:
    from .safe import clean

    if value is None:
        return ""
    if isinstance(value, list):
        return clean("; ".join(str(v) for v in value))
    if isinstance(value, bool):
        return "true" if value else "false"
    return clean(value, keep_newlines=True)


def write_export(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as CSV (cleaned of control characters), a JSON array, or JSON lines."""
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_csv_cell(row.get(c)) for c in columns])
        return buffer.getvalue()
    if fmt == "json":
        return json.dumps(list(rows), ensure_ascii=True, indent=1) + "\n"
    return "".join(json.dumps(row, ensure_ascii=True) + "\n" for row in rows)


def cmd_export(args: argparse.Namespace) -> int:
    from forcewatch.store.export import COLUMNS, export_rows

    store = _open(args)
    text = write_export(export_rows(store, args.table), COLUMNS[args.table], args.format)
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CliError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from forcewatch.store.reindex import reindex

    from .safe import clean

    store = _store_path(args)
    with _progress("Re-parsing") as progress:
        report = reindex(store, progress=progress)
    for name in report.unreadable:
        _fail_line(str(store / "blobs" / name), "unreadable; its articles were not recovered")
    how = " (recovered from the stored article texts)" if report.recovered else ""
    _say(clean(f"reindexed {report.articles} articles in {store}{how}"))
    return 1 if report.unreadable else 0


def _summary(store: Store) -> None:
    from .safe import plain

    info = store.info()
    console = _console()
    console.print(plain(f"forcewatch store: {info.path} ({info.name})"))
    console.print(
        plain(
            f"{info.articles} articles, {info.forces} forces, {info.speakers} speakers, "
            f"{info.quotes} quotes, {info.events} events, {info.figures} figures"
        )
    )
    for row in store.articles()[:10]:
        console.print(plain(f"  {row.date or 'undated':10}  {row.title}"))


def cmd_explore(args: argparse.Namespace) -> int:
    from forcewatch.store.reader import open_store, store_exists

    path = _store_path(args)
    if not store_exists(path):
        from forcewatch.store.seeds import seed_store

        report = seed_store(path)
        for failure in report.failed:
            _fail_line(failure.path, failure.reason)
    store = open_store(path)
    try:
        from forcewatch.tui.app import build_app
    except ImportError as exc:
        if exc.name != "forcewatch.tui.app":
            raise
        _summary(store)
        return 0
    app = build_app(store, kiosk=bool(getattr(args, "kiosk", False)))
    # Build the filter indexes once the first screen is up, so the first keystroke in a
    # filter is as quick as the rest.
    warm = threading.Timer(WARM_DELAY_S, store.warm)
    warm.daemon = True
    warm.start()
    app.run()
    return 0


def run_kiosk(args: argparse.Namespace) -> int:
    """The explorer for visitors: read-only, browsing only, on a terminal; never a traceback."""
    try:
        settings = kiosk.KioskSettings.resolve(
            no_quit=bool(getattr(args, "no_quit", False)),
            idle_reset=getattr(args, "idle_reset", None),
        )
    except ValueError as exc:
        _say(f"{PROG}: ${kiosk.ENV_IDLE_RESET}: {exc}", file=sys.stderr)
        return 2
    # Before anything imports Textual, which reads its settings from the environment.
    kiosk.lock_down_process(settings)
    try:
        return _kiosk_session(args, settings)
    except KeyboardInterrupt:
        return 130
    except Exception:  # no traceback (locals, article text) for a visitor: one line
        _say(kiosk.EXIT_LINE, file=sys.stderr)
        return 1


def _kiosk_session(args: argparse.Namespace, settings: kiosk.KioskSettings) -> int:
    from forcewatch.store.errors import StoreError
    from forcewatch.store.reader import open_store, store_exists

    from .safe import clean

    if args.command is not None:
        _say(f"{PROG}: kiosk mode only browses: {args.command} is not available", file=sys.stderr)
        return 2
    path = _store_path(args)
    if not store_exists(path):
        _say(f"{PROG}: {clean(kiosk.missing_store_line(path))}", file=sys.stderr)
        return 2
    problem = kiosk.terminal_problem(sys.stdin, sys.stdout)
    if problem:
        _say(f"{PROG}: {problem}", file=sys.stderr)
        return 2
    try:
        store = open_store(path, read_only=True)
    except StoreError as exc:
        _say(f"{PROG}: {clean(exc)}", file=sys.stderr)
        return 2
    from .app import build_app

    app = build_app(
        store, kiosk=True, allow_quit=settings.allow_quit, idle_reset=settings.idle_reset
    )
    warm = threading.Timer(WARM_DELAY_S, store.warm)
    warm.daemon = True
    warm.start()
    app.run()
    if app.kiosk_failed:
        _say(kiosk.EXIT_LINE, file=sys.stderr)
        return 1
    return app.return_code or 0


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_explore,
    "ingest": cmd_ingest,
    "parse": cmd_parse,
    "stats": cmd_stats,
    "export": cmd_export,
    "reindex": cmd_reindex,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    from forcewatch.store.atomic import ignore_file_size_signal
    from forcewatch.store.errors import StoreError

    args = build_parser().parse_args(argv)
    # File names that are not valid UTF-8 arrive as surrogate escapes: print them as
    # visible escapes instead of failing on them.
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if getattr(args, "kiosk", False) or kiosk.env_flag(kiosk.ENV_KIOSK):
        return run_kiosk(args)
    if hasattr(args, "no_quit") or hasattr(args, "idle_reset"):
        _say(f"{PROG}: --no-quit and --idle-reset need --kiosk", file=sys.stderr)
        return 2
    ignore_file_size_signal()
    try:
        return COMMANDS[args.command](args)
    except (StoreError, CliError) as exc:
        from .safe import clean

        _say(f"{PROG}: {clean(exc)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): stop quietly.
        with contextlib.suppress(OSError):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
