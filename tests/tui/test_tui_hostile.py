"""Hostile article text shows literally everywhere in the explorer, and never reaches the
terminal as markup, actions or control characters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from forcewatch.store.records import Figure, ForceMention, Person
from forcewatch.store.views import (
    ArticleDetail,
    ArticleRow,
    EventRow,
    ForceSummary,
    QuoteGroup,
    QuoteSource,
    QuoteSpan,
    SpeakerSummary,
    StoreInfo,
)
from forcewatch.tui.app import ForcewatchApp, build_app
from forcewatch.tui.commands import _article_display
from forcewatch.tui.screens.main import MainScreen
from forcewatch.tui.widgets.header import header_content
from forcewatch.tui.widgets.reader import article_blocks
from forcewatch.tui.widgets.rowlist import Look
from forcewatch.tui.widgets.rows import (
    FacetItem,
    LinkItem,
    QuoteItem,
    YearSpan,
    article_line,
    event_line,
    facet_line,
    force_line,
    link_line,
    quote_line,
    speaker_line,
)
from rich.segment import Segment
from textual.command import CommandPalette
from textual.content import Content
from tui_helpers import build_store, press, running, screen_text, settle

MARKUP = "[bold]B[/bold] [@click=app.quit]C[/] [/ [link=https://evil.example]L[/link]"
ESCAPES = (
    "\x1b[2J\x1b]52;c;ZXZpbA==\x07\x1b]0;TITLE\x07\x9b31m\x9d0;t\x9c\u202eevil\u202c\u2066x\u2069"
)
TITLE = "Hostile " + MARKUP + ESCAPES
QUOTE = "We will [@click=app.quit]quit[/] now [/ and \x1b[2J clear the screen."
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def hostile_file(folder: Path) -> Path:
    """An article whose title, URL, quote and text carry markup and escape sequences."""
    url = "https://evil.example/[bold]u[/bold]" + ESCAPES
    text = (
        f"---\ntitle: {json.dumps(TITLE)}\nurl: {json.dumps(url)}\ndate: 2020-02-03\n---\n\n"
        "Kent Police said the officer was dismissed after a hearing.\n\n"
        f'Jane Vane, a spokesperson for Kent Police, said: "{QUOTE}"\n\n'
        "The force said 12 allegations [bold]were[/bold] made in 2019. \x1b]0;pwned\x07\n"
    )
    path = folder / "hostile.md"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store holding the hostile article and one seed."""
    folder = tmp_path_factory.mktemp("hostile")
    return build_store(folder, [hostile_file(folder)], name="[bold]store[/bold]\x1b[2J")


def segments(app: ForcewatchApp) -> list[Segment]:
    return [seg for strip in app.screen._compositor.render_strips() for seg in strip]


def assert_safe_screen(app: ForcewatchApp) -> None:
    """No control character in anything drawn, and no click action on article text."""
    for seg in segments(app):
        assert not FORBIDDEN.search(seg.text), repr(seg.text)
        meta = seg.style.meta if seg.style is not None else {}
        if "[" in seg.text or "evil" in seg.text:
            assert "@click" not in meta, repr(seg)


async def test_hostile_title_and_quote_show_literally_in_every_view(hostile_store: Path) -> None:
    """List, reader, forces, speakers and quotes show the payloads as text, safely."""
    async with running(hostile_store, size=(120, 40)) as (app, pilot):
        shown = screen_text(app)
        assert "[bold]store[/bold][2J" in shown
        assert "Hostile [bold]B[/bold]" in shown
        assert_safe_screen(app)
        await press(pilot, "enter")
        shown = screen_text(app)
        assert "Hostile " + MARKUP in shown.replace("\n ", " ") or "[@click=app.quit]C[/]" in shown
        assert "[@click=app.quit]quit[/] now [/ and [2J clear" in shown.replace("\n", " ")
        assert "[bold]were[/bold]" in shown
        assert "https://evil.example/[bold]u[/bold]" in shown
        assert_safe_screen(app)
        await press(pilot, "2", "enter")
        assert "Kent Police" in screen_text(app)
        assert_safe_screen(app)
        await press(pilot, "3", "enter")
        assert "[@click=app.quit]quit[/]" in screen_text(app)
        assert_safe_screen(app)
        assert app.is_running and isinstance(app.screen, MainScreen)


async def test_clicking_hostile_text_runs_no_action(hostile_store: Path) -> None:
    """Clicks on a title holding [@click=app.quit] move the cursor and open it; nothing quits."""
    async with running(hostile_store) as (app, pilot):
        rows = app.main.articles.article_list
        await pilot.click(rows, offset=(30, 0))
        await pilot.click(rows, offset=(30, 0))
        await settle(pilot)
        assert app.main.reader.detail is not None
        for y in range(2, 12):
            await pilot.click(app.main.reader.text, offset=(10, y))
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert_safe_screen(app)


async def test_hostile_text_in_the_palette_and_search(hostile_store: Path) -> None:
    """Palette entries and the search box show the payloads literally."""
    async with running(hostile_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "ctrl+p")
        await pilot.press(*"go to article")
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.press(*"hostile")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert "[@click=app.quit]C[/]" in screen_text(app)
        assert_safe_screen(app)
        await press(pilot, "escape")
        await press(pilot, "slash", *"[/")
        assert app.main.articles.flt.text == "[/"
        assert_safe_screen(app)


async def test_a_store_path_with_markup_fails_literally(tmp_path: Path) -> None:
    """An error naming a hostile path shows the path as text."""
    from forcewatch.store.reader import open_store

    folder = tmp_path / "[bold]x[/bold][@click=app.quit]q[/]\x1b[2J"

    def broken() -> object:
        return open_store(folder, read_only=True)

    app = build_app(loader=broken)  # type: ignore[arg-type]
    async with app.run_test(size=(120, 24)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Could not open the store" in shown
        message = app.main.articles.article_list.empty_message
        assert "[bold]x[/bold][@click=app.quit]q[/][2J" in message
        assert "[bold]x[/bold]" in shown
        assert_safe_screen(app)


# -- every renderer, fed hostile views directly ---------------------------------------

H = ESCAPES + "[b]" + MARKUP
LOOK = Look(*(Content.styled("x", "bold").spans[0].style for _ in range(5)))  # type: ignore[arg-type]


def row() -> ArticleRow:
    return ArticleRow(1, H, H, H, H, "2020-02-03", "day", "front_matter", (H, H), ("k",), 1)


def check(made: Content) -> None:
    assert not FORBIDDEN.search(made.plain), repr(made.plain)
    for span in made.spans:
        assert not isinstance(span.style, str) or "@" not in span.style


@pytest.mark.parametrize(
    "render",
    [
        pytest.param(lambda w: article_line(row(), w, LOOK, {1: 3}), id="article"),
        pytest.param(
            lambda w: force_line(
                ForceSummary(H, 1, 2, 3, ((2020, 1),)), w, LOOK, YearSpan(2019, 2021)
            ),
            id="force",
        ),
        pytest.param(
            lambda w: event_line(EventRow("2020", "year", H, H, "mentioned", 1, 0, H, H), w, LOOK),
            id="event",
        ),
        pytest.param(
            lambda w: speaker_line(SpeakerSummary("k", H, "person", H, H, 3, 1, (H,)), w, LOOK),
            id="speaker",
        ),
        pytest.param(
            lambda w: quote_line(
                QuoteItem(QuoteGroup("k", H, H, True, (QuoteSource(1, 0, H, H, None, "unknown"),))),
                w,
                LOOK,
            ),
            id="quote",
        ),
        pytest.param(
            lambda w: quote_line(
                QuoteItem(
                    QuoteGroup("k", H, H, False, ()), QuoteSource(1, 0, H, H, "2020", "year")
                ),
                w,
                LOOK,
            ),
            id="quote-source",
        ),
        pytest.param(lambda w: facet_line(FacetItem("force", H, H, 2, True), w, LOOK), id="facet"),
        pytest.param(lambda w: link_line(LinkItem("speaker", H, H, H), w, LOOK), id="link"),
        pytest.param(lambda w: _article_display(H, H, None, "unknown"), id="palette-article"),
    ],
)
@pytest.mark.parametrize("width", [30, 78, 140])
def test_every_row_renderer_keeps_text_literal(render, width: int) -> None:  # type: ignore[no-untyped-def]
    """Each list row shows hostile fields as text without controls or actions."""
    made = render(width)
    check(made)
    assert "[2J" in made.plain  # the printable rest of the sequence stays, as text


def test_reader_blocks_and_header_keep_text_literal() -> None:
    """The reader's blocks and the header show hostile fields as text."""
    detail = ArticleDetail(
        row=row(),
        description=H,
        paragraphs=(H, "said: " + H),
        forces=(ForceMention(H, 2, (0,)),),
        people=(Person(H),),
        quotes=(QuoteSpan(H, "k", H, (1,), False),),
        events=(),
        figures=(Figure(H, 1.0, H, H, 0),),
        warnings=(H,),
    )
    blocks = article_blocks(detail, paragraph=1, quote=H)
    assert any(b.target for b in blocks)
    for block in blocks:
        check(block.content)
    text = "\n".join(b.content.plain for b in blocks)
    assert text.count(MARKUP) >= 6
    info = StoreInfo(H, H, 1, 1, 1, 1, 1, 1, True, 1, "x", 1)
    header = header_content(info, kiosk=True, status=H, width=200)
    check(header)
    assert header.plain.rstrip().endswith("kiosk · read-only")
