"""Article text, file names and store paths reach the terminal literally: no markup, no escapes."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

import pytest
from hostile_cli import Result, run, run_in_pty

# Markup that Rich or Textual would act on, and control sequences a terminal would obey.
MARKUP = (
    "[bold]B[/bold]",
    "[link=https://evil.example]L[/link]",
    "[@click=app.quit]C[/]",
    "[/ ",
)
ESCAPES = "x\x1b[2J\x1b]0;TITLE\x07\x1b]52;c;aGk=\x07\x9b31m\u202eevil\u202c end"
TITLE = "Officer " + " ".join(MARKUP) + ESCAPES

QUOTE_MARKUP = "[link=https://evil.example]click[/link]"
SPEAKER_MARKUP = "[bold]Evil[/bold] Corp"

# The sequences Rich itself writes on a terminal: styles, cursor show/hide, line erase, moves.
RICH_OWN = re.compile(rb"\x1b\[[0-9;]*m|\x1b\[\?25[lh]|\x1b\[2K|\x1b\[[0-9]*[ABCDG]")
FORBIDDEN = {
    "BEL": b"\x07",
    "C1 CSI (U+009B)": "\x9b".encode(),
    "bidi override (U+202E)": "\u202e".encode(),
    "bidi pop (U+202C)": "\u202c".encode(),
}


def _yaml_quoted(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid YAML double-quoted scalar


def hostile_article() -> str:
    """An article whose title, URL, description, quotes and speakers carry the payloads."""
    url = "https://evil.example/[bold]u[/bold]/\x1b]8;;https://x.example\x07"
    filler = "\n\n".join(
        f"The hearing heard evidence from witness {chr(65 + i)} about the force." for i in range(26)
    )
    return (
        "---\n"
        f"title: {_yaml_quoted(TITLE)}\n"
        f"url: {_yaml_quoted(url)}\n"
        f"description: {_yaml_quoted('[red]desc[/red] ' + ESCAPES)}\n"
        "---\n\n"
        f'The Watchdog {SPEAKER_MARKUP} said: "Officers must {QUOTE_MARKUP} here \x1b[2J now '
        '[/ and \u202eevil\u202c too."\n\n'
        f'"We will not tolerate it [@click=app.quit]quit[/] at all," said {SPEAKER_MARKUP}.\n\n'
        "Kent Police said 12 allegations [bold]were[/bold] made \x1b[2J in 2019.\n\n"
        f"{filler}\n"
    )


def _terminal_text(result: Result) -> bytes:
    return result.stdout + result.stderr


def assert_terminal_safe(data: bytes, where: str) -> None:
    """Only Rich's own sequences may start with ESC; no BEL, C1 control or bidi override."""
    leftover = RICH_OWN.sub(b"", data)
    position = leftover.find(b"\x1b")
    assert position < 0, (
        f"{where}: an escape sequence reached the terminal: {leftover[position:][:60]!r}"
    )
    for label, needle in FORBIDDEN.items():
        assert needle not in data, f"{where}: {label} reached the terminal"


def _squeezed(data: bytes) -> str:
    """The shown text without whitespace, so a title wrapped inside a table can be found."""
    return re.sub(r"\s+", "", _plain(data))


STORE_SHOWN = "db[bold]S[/bold][@click=app.quit]Q[/]"


def _plain(data: bytes) -> str:
    """What the terminal shows as text: Rich's sequences and carriage returns removed."""
    return RICH_OWN.sub(b"", data).replace(b"\r", b"").decode("utf-8", errors="replace")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A private home folder for the command."""
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """A store path holding markup and control characters (made of nested folders)."""
    return tmp_path / "db[bold]S[" / "bold][@click=app.quit]Q[" / "]\x1b]0;T\x07\u202e\x9bend"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    """A folder with the hostile article under a hostile name, and empty files to report."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "art[bold]x[red]\x1b]0;T\x07\u202e.md").write_text(
        hostile_article(), encoding="utf-8"
    )
    (folder / "bad[@click=app.quit]q[red]\x1b[2J\x9b.txt").write_bytes(b"")
    (folder / "nl\nname\x1b]52;c;aGk=\x07.txt").write_bytes(b"")
    return folder


def test_ingest_on_a_terminal_shows_names_and_paths_literally(
    home: Path, store: Path, articles: Path
) -> None:
    """Progress, error lines and the summary table keep markup literal and drop escapes."""
    result = run_in_pty(["--db", store, "ingest", articles], home)
    assert result.status == 1, _plain(result.stdout)
    assert_terminal_safe(result.stdout, "ingest")
    shown = _plain(result.stdout)
    assert STORE_SHOWN in _squeezed(result.stdout), shown
    assert "bad[@click=app.quit]q[red]" in shown, shown
    error_lines = [line for line in shown.splitlines() if line.startswith("forcewatch: ")]
    assert len(error_lines) == 2, error_lines
    assert all("empty file" in line for line in error_lines), error_lines


def test_progress_bar_shows_its_label_not_its_style_markup(
    home: Path, store: Path, articles: Path
) -> None:
    """The progress bar on a terminal says "Parsing", not the style markup of its column."""
    result = run_in_pty(["--db", store, "ingest", articles], home)
    shown = _plain(result.stdout)
    assert "Parsing" in shown, shown
    assert "[progress." not in shown, shown


def test_stats_and_reindex_on_a_terminal_show_the_store_path_literally(
    home: Path, store: Path, articles: Path
) -> None:
    """`stats` tables and the `reindex` message show a hostile store path safely."""
    run(["--db", store, "ingest", articles], home)
    stats = run_in_pty(["--db", store, "stats"], home)
    assert stats.status == 0, _plain(stats.stdout)
    assert_terminal_safe(stats.stdout, "stats")
    assert STORE_SHOWN in _squeezed(stats.stdout), _plain(stats.stdout)
    reindex = run_in_pty(["--db", store, "reindex"], home)
    assert reindex.status == 0, _plain(reindex.stdout)
    assert_terminal_safe(reindex.stdout, "reindex")
    assert STORE_SHOWN in _squeezed(reindex.stdout), _plain(reindex.stdout)


def test_errors_about_a_hostile_store_path_are_safe(home: Path, tmp_path: Path) -> None:
    """A store error naming a hostile path (no store there) is one clean line."""
    missing = tmp_path / "none[bold]x[" / "bold]\x1b]0;T\x07\u202e"
    result = run_in_pty(["--db", missing, "stats"], home)
    assert result.status != 0
    assert_terminal_safe(result.stdout, "stats error")
    shown = _plain(result.stdout)
    assert "Traceback" not in shown
    assert "none[bold]x[/bold]" in _squeezed(result.stdout), shown


@pytest.mark.parametrize("table", ["articles", "quotes", "events", "figures"])
def test_csv_export_on_a_terminal_has_no_controls(
    home: Path, store: Path, articles: Path, table: str
) -> None:
    """CSV exports keep markup as text and carry no control or bidi characters at all."""
    run(["--db", store, "ingest", articles], home)
    result = run_in_pty(["--db", store, "export", table, "--format", "csv"], home)
    assert result.status == 0, _plain(result.stdout)
    assert b"\x1b" not in result.stdout, "ESC in CSV output"
    assert_terminal_safe(result.stdout, f"export {table}")
    rows = list(csv.reader(io.StringIO(result.stdout.decode().replace("\r\n", "\n"))))
    assert len(rows) > 1
    cells = " ".join(cell for row in rows for cell in row)
    if table == "articles":
        for markup in (*MARKUP, "https://evil.example/[bold]u[/bold]/"):
            assert markup in cells, markup
    if table == "quotes":
        assert QUOTE_MARKUP in cells and SPEAKER_MARKUP in cells, cells[:2000]


def test_csv_export_to_a_file_has_no_controls(home: Path, store: Path, articles: Path) -> None:
    """`export -o FILE` writes the same clean CSV: no control or bidi characters."""
    run(["--db", store, "ingest", articles], home)
    out = home / "articles.csv"
    result = run(["--db", store, "export", "articles", "--format", "csv", "-o", out], home)
    assert result.status == 0, result.err
    data = out.read_bytes()
    assert b"\x1b" not in data
    assert_terminal_safe(data, "articles.csv")
    assert all(markup.encode() in data for markup in MARKUP)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_export_escapes_controls_and_keeps_the_text(
    home: Path, store: Path, articles: Path, fmt: str
) -> None:
    """JSON exports are valid JSON with every character of the title kept (escaped)."""
    run(["--db", store, "ingest", articles], home)
    result = run_in_pty(["--db", store, "export", "articles", "--format", fmt], home)
    assert result.status == 0
    assert_terminal_safe(result.stdout, f"export {fmt}")
    text = result.stdout.decode().replace("\r\n", "\n")
    rows = json.loads(text) if fmt == "json" else [json.loads(x) for x in text.splitlines()]
    assert [row["title"] for row in rows] == [TITLE]


def test_parse_prints_valid_json_with_the_text_preserved(home: Path, articles: Path) -> None:
    """`forcewatch parse` on a terminal writes escaped JSON that decodes to the exact text."""
    (path,) = [p for p in articles.iterdir() if p.suffix == ".md"]
    result = run_in_pty(["parse", path], home)
    assert result.status == 0
    assert_terminal_safe(result.stdout, "parse")
    (parsed,) = [json.loads(x) for x in result.stdout.decode().replace("\r\n", "\n").splitlines()]
    assert parsed["title"] == TITLE
    assert parsed["source"] == os.fsdecode(path)
    assert any(QUOTE_MARKUP in q["text"] for q in parsed["quotes"])
    assert any(q["speaker"] == SPEAKER_MARKUP for q in parsed["quotes"])
