"""Moving around: views, tabs, panes, history, help, palette, mouse, sizes, loading."""

from __future__ import annotations

from pathlib import Path

import pytest
from forcewatch.store.api import Corpus
from forcewatch.store.reader import open_store
from forcewatch.tui import keys
from forcewatch.tui.app import ForcewatchApp, build_app
from forcewatch.tui.screens.help import HelpScreen
from forcewatch.tui.screens.main import MIN_HEIGHT, MIN_WIDTH
from forcewatch.tui.widgets.header import TopBar
from forcewatch.tui.widgets.rows import LinkItem
from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, Static, Tabs
from tui_helpers import build_store, gated_loader, press, running, screen_text, settle

NOTTS = "Nottinghamshire Police"


def current(app: ForcewatchApp) -> str | None:
    return app.main.query_one(ContentSwitcher).current


async def test_number_keys_switch_views_and_tabs(seed_store: Path) -> None:
    """1, 2 and 3 switch views, the tab follows, and each view's list takes the focus."""
    async with running(seed_store) as (app, pilot):
        tabs = app.main.query_one(Tabs)
        for key, view, focus in [
            ("2", "forces", app.main.forces.force_list),
            ("3", "speakers", app.main.speakers.speaker_list),
            ("1", "articles", app.main.articles.article_list),
        ]:
            await press(pilot, key)
            assert current(app) == view
            assert tabs.active == f"tab-{view}"
            assert app.focused is focus
        await press(pilot, "4")
        assert current(app) == "articles"  # no article opened yet


async def test_escape_goes_back_and_bracket_goes_forward(seed_store: Path) -> None:
    """History: Esc steps back through what was opened, ] steps forward again."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "j", "enter")
        assert current(app) == "reader"
        opened = app.main.reader.detail
        assert opened is not None
        await press(pilot, "2")
        assert current(app) == "forces"
        await press(pilot, "escape")
        assert current(app) == "reader"
        await press(pilot, "escape")
        assert current(app) == "articles"
        assert app.main.articles.article_list.cursor == 1
        await press(pilot, "escape")
        assert current(app) == "articles"
        await press(pilot, "right_square_bracket")
        assert current(app) == "reader"
        assert app.main.reader.detail == opened
        await press(pilot, "right_square_bracket")
        assert current(app) == "forces"
        await press(pilot, "4")
        assert current(app) == "reader"


async def test_tab_cycles_panes_one_at_a_time_when_narrow(seed_store: Path) -> None:
    """At 80 columns Tab shows the next pane alone; Shift+Tab goes back."""
    async with running(seed_store) as (app, pilot):
        articles = app.main.articles
        await press(pilot, "tab")
        assert articles.pane == "facets"
        assert app.focused is articles.facet_list
        assert not articles.pane_widget("article-pane").display
        await press(pilot, "shift+tab")
        assert articles.pane == "article-pane"
        assert app.focused is articles.article_list
        assert not articles.facet_list.display


async def test_panes_sit_side_by_side_when_wide(seed_store: Path) -> None:
    """At 120 columns both panes show and Tab only moves the focus."""
    async with running(seed_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "2")
        forces = app.main.forces
        assert forces.pane_widget("force-pane").display
        assert forces.pane_widget("timeline-pane").display
        assert len(forces.timeline.rows) > 0
        await press(pilot, "tab")
        assert app.focused is forces.timeline
        assert forces.pane_widget("force-pane").display


async def test_help_opens_with_question_mark_and_f1(seed_store: Path) -> None:
    """? and F1 show every key, drawn from the one binding list; Esc closes."""
    async with running(seed_store) as (app, pilot):
        for key in ("question_mark", "f1"):
            await press(pilot, key)
            assert isinstance(app.screen, HelpScreen)
            assert "Everywhere" in screen_text(app)
            shown = str(app.screen.query_one("#help-text", Static).render())
            for binding in keys.GLOBAL + keys.LIST + keys.READER + keys.ARTICLES:
                assert binding.description in shown
            assert "Command palette" in shown
            await press(pilot, "escape")
            assert not isinstance(app.screen, HelpScreen)
            assert current(app) == "articles"


async def test_footer_shows_the_keys_of_the_focused_view(seed_store: Path) -> None:
    """The footer lists the keys that work where the focus is."""
    async with running(seed_store) as (app, _pilot):
        footer = screen_text(app).splitlines()[-1]
        for label in ("Open", "Search", "Sort", "Filters", "Help", "Back"):
            assert label in footer


async def test_palette_goes_to_a_force(seed_store: Path) -> None:
    """Ctrl+P, "Go to force…", a few letters and Enter open that force's timeline."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"go to force")
        await settle(pilot)
        await press(pilot, "enter")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"notting")
        await settle(pilot)
        await press(pilot, "enter")
        assert current(app) == "forces"
        forces = app.main.forces
        assert forces.force_list.row is not None and forces.force_list.row.name == NOTTS
        assert forces.pane == "timeline-pane"
        assert NOTTS in screen_text(app)


async def test_palette_goes_to_a_speaker_and_an_article(seed_store: Path) -> None:
    """ "Go to speaker…" opens the quotes; "Go to article…" searches the store and opens one."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, pilot):
        await press(pilot, "ctrl+p")
        await pilot.press(*"go to speaker")
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.press(*"billingham")
        await settle(pilot)
        await press(pilot, "enter")
        assert current(app) == "speakers"
        assert app.main.speakers.speaker_list.row is not None
        assert app.main.speakers.speaker_list.row.key == "zoe billingham"
        await press(pilot, "ctrl+p")
        await pilot.press(*"go to article")
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.press(*"hampshire")
        await settle(pilot)
        await press(pilot, "enter")
        assert current(app) == "reader"
        detail = app.main.reader.detail
        assert detail is not None
        found = {r.id for r in corpus.articles(None)} & {
            h.article_id for h in corpus.search("hampshire")
        }
        assert detail.row.id in found


async def test_palette_filters_by_year(seed_store: Path) -> None:
    """ "Filter by year…" filters the article list to that year."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "2", "ctrl+p")
        await pilot.press(*"filter by year")
        await settle(pilot)
        await press(pilot, "enter")
        await pilot.press(*"2017")
        await settle(pilot)
        await press(pilot, "enter")
        assert current(app) == "articles"
        view = app.main.articles
        assert view.flt.year == 2017
        assert view.article_list.rows and all(r.year == 2017 for r in view.article_list.rows)
        assert "✓ year: 2017" in screen_text(app)


async def test_mouse_opens_rows_and_switches_tabs(seed_store: Path) -> None:
    """A click selects a row, a second click opens it; clicking a tab switches view."""
    async with running(seed_store) as (app, pilot):
        rows = app.main.articles.article_list
        await pilot.click(rows, offset=(10, 2))
        await settle(pilot)
        assert rows.cursor == 2
        await pilot.click(rows, offset=(10, 2))
        await settle(pilot)
        assert current(app) == "reader"
        assert app.main.reader.detail is not None
        assert app.main.reader.detail.row.id == rows.rows[2].id
        await pilot.click("#tab-forces")
        await settle(pilot)
        assert current(app) == "forces"


async def test_reader_links_jump_to_forces_and_speakers(seed_store: Path) -> None:
    """From the reader, Tab reaches the links; Enter on one opens that force or speaker."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "enter")
        reader = app.main.reader
        assert reader.detail is not None
        await press(pilot, "tab")
        assert app.focused is reader.links
        link = reader.links.row
        assert isinstance(link, LinkItem) and link.kind == "force"
        await press(pilot, "enter")
        assert current(app) == "forces"
        assert app.main.forces.force_list.row is not None
        assert app.main.forces.force_list.row.name == link.key
        await press(pilot, "escape")
        assert current(app) == "reader"
        assert app.focused is reader.links
        speakers = [r for r in reader.links.rows if isinstance(r, LinkItem) and r.kind == "speaker"]
        if speakers:
            for _ in range(len(reader.links.rows)):
                row = reader.links.row
                if isinstance(row, LinkItem) and row.kind == "speaker":
                    break
                await press(pilot, "j")
            await press(pilot, "enter")
            assert current(app) == "speakers"
            assert app.main.speakers.speaker_list.row is not None
            assert app.main.speakers.speaker_list.row.key == speakers[0].key


async def test_reader_shows_source_date_and_figures(seed_store: Path) -> None:
    """The reader gives the URL, the date with where it came from, and the figures."""
    corpus = open_store(seed_store)
    first = corpus.articles()[0]
    async with running(seed_store) as (app, pilot):
        await press(pilot, "enter")
        reader = app.main.reader
        text = reader.text.text
        assert first.title in text
        assert first.url is not None and first.url in text
        assert "(to the day, from the" in text
        detail = corpus.article(first.id)
        assert detail is not None
        if detail.figures:
            assert "Figures" in text
            assert detail.figures[0].value in text
        await press(pilot, "n")
        quoted = [i for i, b in enumerate(reader.text.blocks) if b.quote]
        if quoted:
            assert reader.text._quote_at == quoted[0]


async def test_too_small_a_window_says_so(seed_store: Path) -> None:
    """Below the minimum size a message replaces the layout; enlarging brings it back."""
    async with running(seed_store, size=(MIN_WIDTH - 10, MIN_HEIGHT - 4)) as (app, pilot):
        shown = screen_text(app)
        assert f"needs at least {MIN_WIDTH}×{MIN_HEIGHT}" in shown
        assert "Articles" not in shown
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        shown = screen_text(app)
        assert "needs at least" not in shown
        assert "5 articles" in shown


async def test_header_shows_name_counts_and_read_only(seed_store: Path) -> None:
    """The header names the corpus, gives its counts and says it is read-only."""
    info = open_store(seed_store, read_only=True).info()
    async with running(seed_store) as (app, _pilot):
        header = app.main.query_one(TopBar).text
        assert header.startswith("forcewatch │ seeds │ 5 articles")
        assert f"{info.forces} forces" in header
        assert header.rstrip().endswith("read-only")


async def test_first_paint_comes_before_slow_data(seed_store: Path) -> None:
    """With a slow store the app paints and answers keys before the data arrives."""
    gate, slow_open = gated_loader(seed_store)
    app = build_app(loader=slow_open)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert "Loading…" in screen_text(app) or "opening…" in screen_text(app)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        gate.set()
        await settle(pilot)
        assert len(app.main.articles.article_list.rows) == 5


async def test_a_store_that_cannot_open_says_why(tmp_path: Path) -> None:
    """When the store fails to open the list says so in one line."""

    def broken() -> Corpus:
        return open_store(tmp_path / "missing", read_only=True)

    app = build_app(loader=broken)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        shown = screen_text(app)
        assert "Could not open the store" in shown
        assert "store not open" in shown


async def test_no_color_keeps_every_mark(seed_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With NO_COLOR the cursor, filters and dates keep their text marks."""
    monkeypatch.setenv("NO_COLOR", "1")
    async with running(seed_store) as (app, pilot):
        assert app.no_color
        shown = screen_text(app)
        assert "▸ " in shown
        assert "undated ?" in shown or "~" in shown or "≈" in shown
        await press(pilot, "f", "enter")
        assert "✓ " in screen_text(app)


async def test_escape_then_key_arriving_together_still_reads_as_escape(seed_store: Path) -> None:
    """Over a slow link ESC and the next key can arrive as Alt+key: it still goes back."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "enter")
        assert current(app) == "reader"
        await pilot.press("alt+j")
        await pilot.pause(0.3)
        await settle(pilot)
        assert current(app) == "articles"
        assert app.main.articles.article_list.cursor == 1


@pytest.mark.parametrize(
    ("environ", "seconds"),
    [
        pytest.param({}, keys.DEFAULT_ESCAPE_DELAY_MS / 1000, id="local"),
        pytest.param({"SSH_CONNECTION": "1 2 3 4"}, keys.SSH_ESCAPE_DELAY_MS / 1000, id="ssh"),
        pytest.param({"SSH_TTY": "/dev/pts/1", "ESCDELAY": "40"}, 0.04, id="escdelay-wins"),
        pytest.param({"ESCDELAY": "oops"}, keys.DEFAULT_ESCAPE_DELAY_MS / 1000, id="bad-escdelay"),
    ],
)
def test_escape_delay_suits_the_link(environ: dict[str, str], seconds: float) -> None:
    """ESCDELAY wins; over SSH the wait for the rest of a key sequence is longer."""
    assert keys.escape_delay(environ) == pytest.approx(seconds)


def test_escape_delay_is_applied_to_textual() -> None:
    """build_app sets the wait Textual's key parser uses."""
    from textual import constants

    before = constants.ESCAPE_DELAY
    try:
        assert keys.apply_escape_delay({"ESCDELAY": "321"}) == pytest.approx(0.321)
        assert pytest.approx(0.321) == constants.ESCAPE_DELAY
    finally:
        setattr(constants, "ESCAPE_DELAY", before)  # noqa: B010


async def test_empty_views_say_what_to_do(tmp_path: Path) -> None:
    """With no force and no quote in the store, Forces and Speakers say how to get some."""
    plain = tmp_path / "plain.txt"
    plain.write_text(
        "A quiet day at the allotments\n\nThe vegetables grew and nobody said anything.\n",
        encoding="utf-8",
    )
    store = build_store(tmp_path, [plain], name="quiet")
    async with running(store) as (app, pilot):
        assert len(app.main.articles.article_list.rows) == 1
        await press(pilot, "2")
        assert "No forces yet — " in screen_text(app)
        assert "forcewatch ingest PATH" in app.main.forces.force_list.empty_message
        await press(pilot, "3")
        assert "No speakers yet — " in screen_text(app)
        await press(pilot, "4")
        assert current(app) == "speakers"
