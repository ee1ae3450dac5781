"""The virtual row list: only visible rows render, even at 100,000 rows; keys and mouse."""

from __future__ import annotations

from forcewatch.tui import safe
from forcewatch.tui.widgets.rowlist import Look, RowList
from forcewatch.tui.widgets.rows import Heading, heading_line, is_heading
from textual.app import App, ComposeResult
from textual.content import Content

ROWS = 100_000


class Host(App[None]):
    """One RowList filling the screen, counting the rows it renders."""

    def __init__(self, rows: list[object]) -> None:
        super().__init__()
        self.rows = rows
        self.rendered: list[int] = []
        self.chosen: list[int] = []

    def draw(self, row: object, width: int, look: Look) -> Content:
        if isinstance(row, Heading):
            return heading_line(row, width, look)
        assert isinstance(row, int)
        self.rendered.append(row)
        return safe.content(f"row {row:06d} " + "word " * (row % 40))

    def compose(self) -> ComposeResult:
        yield RowList[object](self.draw, is_heading=is_heading, empty="Nothing yet.", id="list")

    def on_mount(self) -> None:
        self.query_one(RowList).set_rows(self.rows)
        self.query_one(RowList).focus()

    def on_row_list_chosen(self, message: RowList.Chosen) -> None:
        self.chosen.append(message.index)


def lines(app: App[None]) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_hundred_thousand_rows_render_only_visible_lines() -> None:
    """At 100k rows the list renders about a screenful of rows, not every row."""
    app = Host(list(range(ROWS)))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        rowlist = app.query_one(RowList)
        assert rowlist.virtual_size.height == ROWS
        assert len(set(app.rendered)) <= 40
        assert lines(app)[0].startswith("▸ row 000000")


async def test_keys_move_the_cursor_and_scroll() -> None:
    """j/k, arrows, PgDn, End and Home move the cursor and keep it on screen."""
    app = Host(list(range(ROWS)))
    async with app.run_test(size=(60, 20)) as pilot:
        rowlist = app.query_one(RowList)
        await pilot.press("j", "j", "down")
        assert rowlist.cursor == 3
        await pilot.press("k")
        assert rowlist.cursor == 2
        await pilot.press("pagedown")
        assert rowlist.cursor == 2 + 19
        await pilot.press("end")
        await pilot.pause()
        assert rowlist.cursor == ROWS - 1
        assert any(line.startswith("▸ row 099999") for line in lines(app))
        assert len(set(app.rendered)) <= 80
        await pilot.press("home")
        await pilot.pause()
        assert rowlist.cursor == 0
        assert lines(app)[0].startswith("▸ row 000000")


async def test_enter_and_mouse_choose_rows() -> None:
    """Enter chooses the cursor row; a click moves the cursor; a second click chooses."""
    app = Host(list(range(50)))
    async with app.run_test(size=(60, 20)) as pilot:
        rowlist = app.query_one(RowList)
        await pilot.press("enter")
        assert app.chosen == [0]
        await pilot.click(RowList, offset=(5, 4))
        await pilot.pause()
        assert rowlist.cursor == 4
        assert app.chosen == [0]
        await pilot.click(RowList, offset=(5, 4))
        await pilot.pause()
        assert app.chosen == [0, 4]


async def test_long_rows_are_cut_to_width_with_an_ellipsis() -> None:
    """A row wider than the list ends in an ellipsis and never wraps."""
    app = Host(list(range(39, 42)))
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        first = lines(app)[0]
        assert first.rstrip().endswith("…")
        assert len(first) == 40


async def test_headings_are_skipped_by_the_cursor() -> None:
    """Group titles are shown but the cursor passes over them."""
    rows: list[object] = [Heading("First"), 1, 2, Heading("Second"), 3]
    app = Host(rows)
    async with app.run_test(size=(40, 10)) as pilot:
        rowlist = app.query_one(RowList)
        assert rowlist.cursor == 1
        await pilot.press("j", "j")
        assert rowlist.cursor == 4
        await pilot.press("home")
        assert rowlist.cursor == 1
        assert lines(app)[0].strip() == "First"


async def test_empty_list_says_what_to_do() -> None:
    """With no rows the list shows its empty message instead."""
    app = Host([])
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        rowlist = app.query_one(RowList)
        assert rowlist.cursor == -1
        assert "Nothing yet." in "\n".join(lines(app))
        await pilot.press("enter", "j")
        assert app.chosen == []
