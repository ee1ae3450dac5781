"""The Forces view on the seeds: counts and chart, a force's timeline, opening the reader."""

from __future__ import annotations

from pathlib import Path

from forcewatch.store.reader import open_store
from forcewatch.store.views import EventRow
from forcewatch.tui.widgets.rows import Heading
from tui_helpers import press, running, screen_text, to_force

NOTTS = "Nottinghamshire Police"


async def test_force_list_shows_counts_and_a_yearly_chart(seed_store: Path) -> None:
    """Key 2 lists every force with its article, quote and event counts and a chart."""
    corpus = open_store(seed_store)
    async with running(seed_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "2")
        forces = app.main.forces
        assert app.focused is forces.force_list
        assert [f.name for f in forces.force_list.rows] == [f.name for f in corpus.forces()]
        shown = screen_text(app)
        assert "Arts  Qts Evts" in shown
        for force in corpus.forces():
            line = next(ln for ln in shown.splitlines() if ln[2:].startswith(force.name[:20]))
            assert f"{force.articles:>4} {force.quotes:>4} {force.events:>4}" in line
        years = [y for f in corpus.forces() for y, _n in f.years]
        assert f"{min(years)}–{max(years)}" in shown
        assert any(ch in shown for ch in "▁▂▃▄▅▆▇█")


async def test_nottinghamshire_shows_its_october_2017_coverage(seed_store: Path) -> None:
    """Done when: the Forces view shows Nottinghamshire Police with its October 2017 coverage."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "2")
        await to_force(app, pilot, NOTTS)
        await press(pilot, "enter")
        forces = app.main.forces
        assert forces.pane == "timeline-pane"
        assert app.focused is forces.timeline
        events = [r for r in forces.timeline.rows if isinstance(r, EventRow)]
        assert any(e.date and e.date.startswith("2017-10") for e in events)
        shown = screen_text(app)
        assert NOTTS in shown
        assert "2017-10" in shown


async def test_timeline_groups_by_year_with_undated_last(seed_store: Path) -> None:
    """Dated events sit under year headings in date order; undated ones in their own group."""
    corpus = open_store(seed_store)
    force = next(
        f.name for f in corpus.forces() if any(not e.date for e in corpus.timeline(f.name))
    )
    async with running(seed_store) as (app, pilot):
        await press(pilot, "2")
        await to_force(app, pilot, force)
        await press(pilot, "enter")
        rows = list(app.main.forces.timeline.rows)
        headings = [r.title for r in rows if isinstance(r, Heading)]
        assert headings[-1] == "Undated"
        assert all(h.isdigit() for h in headings[:-1])
        undated_at = next(
            i for i, r in enumerate(rows) if isinstance(r, Heading) and r.title == "Undated"
        )
        dated = [r.date for r in rows[:undated_at] if isinstance(r, EventRow)]
        assert all(dated) and dated == sorted(dated)  # type: ignore[type-var]
        assert all(isinstance(r, EventRow) and not r.date for r in rows[undated_at + 1 :])
        assert "undated ?" in screen_text(app) or len(rows) > 20


async def test_enter_on_an_event_opens_the_reader_at_its_paragraph(seed_store: Path) -> None:
    """Enter on an event opens its article with that paragraph marked and in view."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "2")
        await to_force(app, pilot, NOTTS)
        await press(pilot, "enter")
        timeline = app.main.forces.timeline
        for _ in range(len(timeline.rows)):
            row = timeline.row
            if isinstance(row, EventRow) and row.paragraph is not None:
                break
            await press(pilot, "j")
        event = timeline.row
        assert isinstance(event, EventRow) and event.paragraph is not None
        await press(pilot, "enter")
        reader = app.main.reader
        assert app.main.query_one("#views").current == "reader"  # type: ignore[attr-defined]
        assert reader.detail is not None and reader.detail.row.id == event.article_id
        targets = [b for b in reader.text.blocks if b.target]
        assert [b.paragraph for b in targets] == [event.paragraph]
        marked = [ln for ln in screen_text(app).splitlines() if "▶" in ln]
        assert len(marked) == 1 and f"¶{event.paragraph + 1}" in marked[0]


async def test_escape_goes_back_from_the_timeline_to_the_list(seed_store: Path) -> None:
    """On a narrow screen Enter shows the timeline alone and Esc returns to the list."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "2", "enter")
        forces = app.main.forces
        assert forces.pane == "timeline-pane"
        assert not forces.force_list.display or not forces.pane_widget("force-pane").display
        await press(pilot, "escape")
        assert forces.pane == "force-pane"
        assert app.focused is forces.force_list
