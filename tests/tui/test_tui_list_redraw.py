"""Redrawing the row list after a query: rows shown again reuse their drawn lines."""

from __future__ import annotations

import asyncio
from pathlib import Path

from forcewatch.store.reader import open_store
from forcewatch.store.views import ArticleFilter
from forcewatch.tui import safe
from forcewatch.tui.widgets.rowlist import Look, RowList
from textual.app import App, ComposeResult
from textual.content import Content
from tui_helpers import press, running, screen_text


class Row:
    """A row object; equal labels on different objects are different rows."""

    def __init__(self, label: str) -> None:
        self.label = label


class Host(App[None]):
    """One RowList, counting how often each row is drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.drawn: list[str] = []
        self.suffix = ""

    def draw(self, row: Row, width: int, look: Look) -> Content:
        self.drawn.append(row.label)
        return safe.content(row.label + self.suffix)

    def compose(self) -> ComposeResult:
        yield RowList[Row](self.draw, id="list")


def lines(app: App[None]) -> list[str]:
    return [strip.text.rstrip() for strip in app.screen._compositor.render_strips()]


async def test_same_rows_with_the_same_look_are_not_drawn_again() -> None:
    """Showing the same row objects again draws nothing new; new objects are drawn."""
    app = Host()
    rows = [Row(f"row {i}") for i in range(30)]
    async with app.run_test(size=(40, 10)) as pilot:
        rowlist = app.query_one(RowList)
        rowlist.set_rows(rows)
        await pilot.pause()
        first = len(app.drawn)
        assert first == 10  # the visible rows
        rowlist.set_rows(list(rows), same_look=True)
        await pilot.pause()
        assert len(app.drawn) == first
        rowlist.set_rows(list(rows[5:]) + list(rows[:5]), same_look=True)
        await pilot.pause()
        assert lines(app)[0].endswith("row 5")
        # rows 10-14 come into view, and row 5 is now drawn under the cursor
        assert app.drawn[first:] == ["row 5", *(f"row {i}" for i in range(10, 15))]
        rowlist.set_rows([Row(r.label) for r in rows], same_look=True)
        await pilot.pause()
        assert len(app.drawn) >= first * 2


async def test_a_new_look_redraws_every_row() -> None:
    """Without `same_look`, and after refresh_rows, rows are drawn with the renderer's new
    state, so the screen never shows a stale line."""
    app = Host()
    rows = [Row(f"row {i}") for i in range(5)]
    async with app.run_test(size=(40, 10)) as pilot:
        rowlist = app.query_one(RowList)
        rowlist.set_rows(rows)
        await pilot.pause()
        app.suffix = " *"
        rowlist.set_rows(rows)
        await pilot.pause()
        assert lines(app)[1] == "  row 1 *"
        app.suffix = " !"
        rowlist.refresh_rows()
        await pilot.pause()
        assert lines(app)[1] == "  row 1 !"


async def test_typing_on_shows_each_keystrokes_rows_and_then_their_counts(
    seed_store: Path,
) -> None:
    """Letter by letter, the list holds the store's rows for the text typed so far; the
    count column fills in once typing pauses, is blank while a new text's counts are
    fetched, and goes when the search is cleared."""
    corpus = open_store(seed_store)
    async with running(seed_store, size=(120, 30)) as (app, pilot):
        view = app.main.articles
        await press(pilot, "slash")
        typed = ""
        for key in "misconduct":
            typed += key
            await press(pilot, key)
            expected = corpus.articles(ArticleFilter(text=typed)).ids
            assert [r.id for r in view.article_list.rows] == expected, typed
        hits = corpus.search("misconduct")
        assert hits
        shown = screen_text(app)
        for hit in hits:
            row = next(r for r in corpus.articles() if r.id == hit.article_id)
            line = next(li for li in shown.splitlines() if row.title[:30] in li)
            assert f"{hit.matches}×" in line, line
        # A new text shows its rows at once, without the last text's counts on them.
        before = view.article_list.rows
        await pilot.press("space")
        for _ in range(2000):
            if view.article_list.rows is not before:
                break
            await asyncio.sleep(0.001)
        finished = corpus.articles(ArticleFilter(text="misconduct ")).ids
        assert finished and [r.id for r in view.article_list.rows] == finished
        assert "×" not in screen_text(app)
        await press(pilot, "enter", "x")  # every row without a search: no count column
        assert len(view.article_list.rows) == len(corpus.articles())
        assert "×" not in screen_text(app)
