"""The command line through real subprocesses: contracts, exit codes, safe output."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))
HOSTILE = "[bold red]boom[not bold] [@click=app.quit]q[link=x]click \x1b]0;title\x07\x1b[2J\u202e"
LITERAL = "[bold red]boom[not bold] [@click=app.quit]q[link=x]click"


def run(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("FORCEWATCH_DB", None)
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "forcewatch.tui", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=full_env,
        timeout=300,
    )


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store holding the seeds, built through the command line."""
    path = tmp_path / "db"
    done = run("--db", str(path), "ingest", *map(str, SEEDS))
    assert done.returncode == 0, done.stderr
    return path


def test_parse_prints_the_json_contract(tmp_path: Path) -> None:
    """`parse` prints one JSON object per file with the documented keys, source as given."""
    done = run("parse", *(f"seeds/{p.name}" for p in SEEDS), cwd=REPO)
    assert done.returncode == 0 and done.stderr == ""
    objects = [json.loads(line) for line in done.stdout.splitlines()]
    assert [o["source"] for o in objects] == [f"seeds/{p.name}" for p in SEEDS]
    for obj in objects:
        assert {"source", "title", "url", "outlet", "published", "forces", "people", "quotes",
                "events", "figures", "warnings"} <= set(obj)  # fmt: skip
        assert set(obj["published"]) >= {"date", "precision", "source"}
        assert all({"name", "mentions"} <= set(f) for f in obj["forces"])
        assert all({"name", "role", "aliases"} <= set(p) for p in obj["people"])
        assert all({"speaker", "text", "paragraphs", "partial"} <= set(q) for q in obj["quotes"])
        assert all({"date", "precision", "force", "text"} <= set(e) for e in obj["events"])
    assert not (tmp_path / "db").exists()


def test_parse_reports_bad_files_and_goes_on(tmp_path: Path) -> None:
    """A bad file gets one stderr line and exit 1; the good file is still printed."""
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 500)
    done = run("parse", str(bad), str(SEEDS[0]))
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"forcewatch: {bad}: binary content, not text"]
    assert len(done.stdout.splitlines()) == 1


def test_ingest_reports_failures_and_stores_the_rest(tmp_path: Path) -> None:
    """Ingest names each failing file on stderr, exits 1, and stores the good ones."""
    bad = tmp_path / "empty.md"
    bad.write_text("")
    db = tmp_path / "db"
    done = run("ingest", "--db", str(db), str(bad), *map(str, SEEDS), str(tmp_path / "missing.txt"))
    assert done.returncode == 1
    assert f"forcewatch: {bad}: empty file" in done.stderr.splitlines()
    assert f"forcewatch: {tmp_path / 'missing.txt'}: no such file or directory" in done.stderr
    assert "added" in done.stdout and "failed" in done.stdout
    stats = json.loads(run("--db", str(db), "stats", "--json").stdout)
    assert stats["articles"] == 5


def test_db_option_before_or_after_the_subcommand_and_env(store: Path) -> None:
    """--db works on either side of the subcommand, and FORCEWATCH_DB stands in for it."""
    before = run("--db", str(store), "stats", "--json")
    after = run("stats", "--json", "--db", str(store))
    env = run("stats", "--json", env={"FORCEWATCH_DB": str(store)})
    assert before.returncode == after.returncode == env.returncode == 0
    assert json.loads(before.stdout) == json.loads(after.stdout) == json.loads(env.stdout)


def test_stats_json_has_counts(store: Path) -> None:
    """stats --json has a top-level article count and per-table, force and year counts."""
    data = json.loads(run("--db", str(store), "stats", "--json").stdout)
    assert data["articles"] == 5 == data["tables"]["articles"]
    assert sum(data["years"].values()) == 5
    assert data["forces"] and all(f["articles"] >= 1 for f in data["forces"])
    table = run("--db", str(store), "stats")
    assert table.returncode == 0 and "articles" in table.stdout


@pytest.mark.parametrize("table", ["articles", "quotes", "events", "figures"])
def test_export_formats_agree(store: Path, tmp_path: Path, table: str) -> None:
    """CSV, JSON and JSON lines exports of a table hold the same rows."""
    as_json = json.loads(run("--db", str(store), "export", table, "--format", "json").stdout)
    lines = run("--db", str(store), "export", table, "--format", "jsonl").stdout.splitlines()
    out = tmp_path / f"{table}.csv"
    done = run("--db", str(store), "export", table, "--format", "csv", "-o", str(out))
    assert done.returncode == 0 and done.stdout == ""
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(as_json) == len(lines) == len(rows) > 0
    assert [json.loads(line) for line in lines] == as_json
    key = "id" if table == "articles" else "article_id"
    assert [str(r[key]) for r in as_json] == [r[key] for r in rows]


def test_errors_are_one_line_with_exit_2(tmp_path: Path) -> None:
    """A missing or corrupt store is one line on stderr and exit status 2, no traceback."""
    missing = run("--db", str(tmp_path / "none"), "stats")
    assert missing.returncode == 2 and len(missing.stderr.splitlines()) == 1
    assert "forcewatch ingest" in missing.stderr
    db = tmp_path / "db"
    db.mkdir()
    (db / "forcewatch.json").write_text('{"meta": ')
    corrupt = run("--db", str(db), "export", "articles")
    assert corrupt.returncode == 2 and "Traceback" not in corrupt.stderr
    assert "corrupt" in corrupt.stderr and len(corrupt.stderr.splitlines()) == 1


def test_reindex_rewrites_the_store(store: Path) -> None:
    """reindex re-parses every stored article and keeps the counts."""
    before = json.loads(run("--db", str(store), "stats", "--json").stdout)
    done = run("--db", str(store), "reindex")
    assert done.returncode == 0 and "5 articles" in done.stdout
    after = json.loads(run("--db", str(store), "stats", "--json").stdout)
    assert after["tables"] == before["tables"]
    assert after["store"]["generation"] == before["store"]["generation"] + 1


def test_hostile_names_and_titles_are_printed_literally(tmp_path: Path) -> None:
    """Markup in file names and titles is shown as text; escape sequences never reach output."""
    folder = tmp_path / "in"
    folder.mkdir()
    good = folder / f"{HOSTILE}.txt"
    good.write_text(f"{HOSTILE} headline\n\nKent Police said the review was sound.\n")
    bad = folder / f"{HOSTILE} bad.txt"
    bad.write_bytes(b"\x00" * 100)
    db = tmp_path / "db"
    outputs = [run("--db", str(db), "ingest", str(folder))]
    outputs += [
        run("--db", str(db), "export", "articles", "--format", fmt) for fmt in ("csv", "json")
    ]
    outputs.append(run("parse", str(good)))
    outputs.append(run("--db", str(db), "stats"))
    for done in outputs:
        for stream in (done.stdout, done.stderr):
            assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
    ingest_err = outputs[0].stderr
    assert LITERAL in ingest_err
    assert outputs[0].returncode == 1
    csv_rows = list(csv.DictReader(io.StringIO(outputs[1].stdout)))
    assert csv_rows[0]["title"].startswith(LITERAL)
    assert json.loads(outputs[2].stdout)[0]["title"].startswith(LITERAL)


def test_module_and_console_script_agree(store: Path) -> None:
    """The installed `forcewatch` script and `python -m forcewatch.tui` run the same CLI."""
    script = Path(sys.executable).with_name("forcewatch")
    if not script.exists():
        pytest.skip("console script not installed next to this interpreter")
    via_script = subprocess.run(
        [str(script), "--db", str(store), "stats", "--json"], capture_output=True, text=True
    )
    assert json.loads(via_script.stdout) == json.loads(
        run("--db", str(store), "stats", "--json").stdout
    )


def test_first_start_builds_the_store_from_the_seeds(tmp_path: Path) -> None:
    """With no store yet, `forcewatch` builds one from the bundled seeds."""
    try:
        import forcewatch.tui.app  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("the explorer exists; its start is tested with the app")
    db = tmp_path / "fresh"
    done = run(env={"FORCEWATCH_DB": str(db)})
    assert done.returncode == 0, done.stderr
    assert "5 articles" in done.stdout
    assert json.loads(run("--db", str(db), "stats", "--json").stdout)["articles"] == 5


def test_file_names_that_are_not_utf8(tmp_path: Path) -> None:
    """Names with undecodable bytes are stored and printed as escapes, never a crash."""
    folder = os.fsencode(tmp_path / "in")
    os.mkdir(folder)
    with open(os.path.join(folder, b"ok\xff.txt"), "wb") as handle:
        handle.write(b"Headline here\n\nKent Police said so.\n")
    with open(os.path.join(folder, b"bin\xfe.txt"), "wb") as handle:
        handle.write(bytes(400))
    db = str(tmp_path / "db")
    strict = {"PYTHONIOENCODING": "utf-8:strict"}
    done = run("--db", db, "ingest", str(tmp_path / "in"), env=strict)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "bin\\udcfe.txt: binary content, not text" in done.stderr
    exported = run("--db", db, "export", "articles", "--format", "csv", env=strict)
    assert exported.returncode == 0 and "ok\\udcff.txt" in exported.stdout
