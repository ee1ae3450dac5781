"""The Speakers view: speakers with roles and counts, their quotes grouped with every source."""

from __future__ import annotations

from pathlib import Path

from forcewatch.store.reader import open_store
from forcewatch.tui.widgets.rows import QuoteItem
from tui_helpers import build_store, press, running, screen_text, to_speaker

ZOE = "zoe billingham"
SHARED_QUOTE = "We will root out every officer who abuses their position for a sexual purpose."


def article_file(folder: Path, name: str, title: str, site: str, date: str) -> Path:
    """An article quoting the same words as its sibling, from another outlet."""
    text = (
        f"---\ntitle: {title}\nurl: https://www.{site}/news/{name}\ndate: {date}\n---\n\n"
        "Kent Police has promised to act after a national report.\n\n"
        f'Chief Constable Jane Doe said: "{SHARED_QUOTE}"\n\n'
        "The force said it had dismissed two officers in the past year.\n"
    )
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    return path


async def test_speaker_list_shows_role_organisation_quotes_and_forces(seed_store: Path) -> None:
    """Key 3 lists every speaker, most quoted first, with quote counts and forces."""
    corpus = open_store(seed_store)
    async with running(seed_store, size=(120, 40)) as (app, pilot):
        await press(pilot, "3")
        speakers = app.main.speakers
        assert app.focused is speakers.speaker_list
        assert [s.key for s in speakers.speaker_list.rows] == [s.key for s in corpus.speakers()]
        shown = screen_text(app)
        for s in corpus.speakers()[:8]:
            line = next(ln for ln in shown.splitlines() if 0 <= ln.find(s.name[:12]) < 8)
            assert f"{s.quotes}q" in line
            if s.organisation or s.role:
                assert (s.role or s.organisation or "")[:12] in line
            if s.forces:
                assert s.forces[0][:12] in line
            if s.kind == "organisation":
                assert "org " in line


async def test_zoe_billingham_has_quotes_from_three_articles(seed_store: Path) -> None:
    """Done when: the Speakers view shows Zoe Billingham with her quotes from three articles."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "3")
        await to_speaker(app, pilot, ZOE)
        await press(pilot, "enter")
        speakers = app.main.speakers
        assert speakers.pane == "quotes-pane"
        sources = {
            r.source.article_id
            for r in speakers.quote_list.rows
            if isinstance(r, QuoteItem) and r.source is not None
        }
        assert len(sources) == 3
        shown = screen_text(app)
        assert "Zoe Billingham" in shown
        assert "from 3 articles" in shown


async def test_a_quote_from_several_outlets_appears_once_with_all_sources(tmp_path: Path) -> None:
    """The same words reported by two outlets are one quote row followed by both sources."""
    a = article_file(tmp_path, "a", "Kent force pledges action", "kentonline.example", "2021-03-04")
    b = article_file(
        tmp_path, "b", "Chief constable vows action", "eveningpost.example", "2021-03-05"
    )
    store = build_store(tmp_path, [a, b], name="shared quote")
    async with running(store) as (app, pilot):
        await press(pilot, "3")
        await to_speaker(app, pilot, "jane doe")
        await press(pilot, "enter")
        rows = [r for r in app.main.speakers.quote_list.rows if isinstance(r, QuoteItem)]
        quotes = [r for r in rows if r.source is None]
        assert len(quotes) == 1 and quotes[0].group.text == SHARED_QUOTE
        assert len([r for r in rows if r.source is not None]) == 2
        shown = screen_text(app)
        assert "(2 sources)" in shown
        assert "kentonline.example · 2021-03-04" in shown
        assert "eveningpost.example · 2021-03-05" in shown


async def test_enter_on_a_quote_opens_the_reader_with_it_highlighted(seed_store: Path) -> None:
    """Enter on a quote opens its article with the quote's paragraph marked and labelled."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "3")
        await to_speaker(app, pilot, ZOE)
        await press(pilot, "enter")
        item = app.main.speakers.quote_list.row
        assert isinstance(item, QuoteItem)
        source = item.group.sources[0]
        await press(pilot, "enter")
        reader = app.main.reader
        assert reader.detail is not None and reader.detail.row.id == source.article_id
        targets = [b for b in reader.text.blocks if b.target]
        assert targets and all(b.quote for b in targets)
        assert source.paragraph in [b.paragraph for b in targets]
        marked = [ln for ln in screen_text(app).splitlines() if "▶" in ln]
        assert marked and "Zoe Billingham:" in marked[0]
        await press(pilot, "escape")
        assert app.main.speakers.pane == "quotes-pane"
        assert app.focused is app.main.speakers.quote_list
