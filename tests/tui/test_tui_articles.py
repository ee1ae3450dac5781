"""The Articles view on the seeds: list, sort, search, facets, reader."""

from __future__ import annotations

from pathlib import Path

from forcewatch.store.reader import open_store
from forcewatch.store.views import ArticleFilter
from forcewatch.tui.views.articles import SearchBox
from forcewatch.tui.widgets.rows import FacetItem, Heading
from tui_helpers import press, running, screen_text


def ids(rows: object) -> list[int]:
    return [row.id for row in rows]  # type: ignore[attr-defined]


async def test_lists_every_article_newest_first_with_dates(seed_store: Path) -> None:
    """All five seeds are listed, dated ones newest first, each date with its precision mark."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, _pilot):
        view = app.main.articles
        rows = list(view.article_list.rows)
        assert len(rows) == corpus.info().articles == 5
        assert ids(rows) == ids(corpus.articles())
        dated = [r.date for r in rows if r.date]
        assert dated and dated == sorted(dated, reverse=True)
        shown = screen_text(app)
        for row in rows:
            if row.date and row.precision == "day":
                assert row.date in shown
        assert "undated ?" in shown or len(dated) == 5
        assert "5 articles · newest first" in shown


async def test_focus_starts_in_the_article_list(seed_store: Path) -> None:
    """The keyboard works at once: focus is on the list and j moves the cursor."""
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        assert app.focused is view.article_list
        await press(pilot, "j")
        assert view.article_list.cursor == 1


async def test_sort_cycles_date_outlet_title_and_reverses(seed_store: Path) -> None:
    """s sorts by outlet, then title, then date again; r reverses; the status says so."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        await press(pilot, "s")
        assert (view.sort, view.descending) == ("outlet", False)
        assert ids(view.article_list.rows) == ids(corpus.articles(None, "outlet", False))
        assert "by outlet A–Z" in screen_text(app)
        await press(pilot, "s")
        assert ids(view.article_list.rows) == ids(corpus.articles(None, "title", False))
        assert "by title A–Z" in screen_text(app)
        await press(pilot, "r")
        assert ids(view.article_list.rows) == ids(corpus.articles(None, "title", True))
        assert "by title Z–A" in screen_text(app)
        await press(pilot, "s")
        assert (view.sort, view.descending) == ("date", True)


async def test_slash_searches_incrementally_with_match_counts(seed_store: Path) -> None:
    """Typing after / narrows the list at each key and shows how many matches were found."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        await press(pilot, "slash")
        assert isinstance(app.focused, SearchBox)
        await press(pilot, "v", "e", "t")
        partial = ids(corpus.articles(ArticleFilter(text="vet")))
        assert ids(view.article_list.rows) == partial
        await press(pilot, "t", "i", "n", "g")
        hits = corpus.search("vetting")
        assert ids(view.article_list.rows) == ids(corpus.articles(ArticleFilter(text="vetting")))
        assert 0 < len(hits) < 5
        total = sum(h.matches for h in hits)
        shown = screen_text(app)
        assert f"search “vetting”: {total} match" in shown
        assert f"{len(hits)} of 5 articles" in shown
        best = max(hits, key=lambda h: h.matches)
        assert f"{best.matches}×" in shown
        await press(pilot, "enter")
        assert app.focused is view.article_list  # type: ignore[comparison-overlap]


async def test_escape_leaves_the_search_and_x_clears_it(seed_store: Path) -> None:
    """Esc in the box returns to the list keeping the search; x shows every article again."""
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        await press(pilot, "slash", "p", "e", "e", "l", "escape")
        assert app.focused is view.article_list
        assert view.flt.text == "peel"
        assert view.has_class("-searching")
        await press(pilot, "x")
        assert view.flt == ArticleFilter()
        assert len(view.article_list.rows) == 5
        assert not view.has_class("-searching")


async def test_facets_filter_with_counts(seed_store: Path) -> None:
    """f shows the facets with counts; Enter on a force filters the list; again clears it."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        await press(pilot, "f")
        assert app.focused is view.facet_list
        assert view.pane == "facets"
        facets = corpus.facets()
        headings = [r.title for r in view.facet_list.rows if isinstance(r, Heading)]
        assert headings == ["Force", "Speaker", "Outlet", "Year"]
        first = facets.forces[0]
        item = view.facet_list.row
        assert isinstance(item, FacetItem)
        assert (item.kind, item.value, item.count) == ("force", first.value, first.count)
        await press(pilot, "enter")
        assert view.flt.force == first.value
        assert ids(view.article_list.rows) == ids(corpus.articles(ArticleFilter(force=first.value)))
        assert f"✓ {first.label}" in screen_text(app)
        await press(pilot, "escape")
        assert view.pane == "article-pane"
        assert f"✓ force: {first.label}" in screen_text(app)
        await press(pilot, "f", "enter")
        assert view.flt.force is None
        assert len(view.article_list.rows) == 5


async def test_year_facet_filters_by_year(seed_store: Path) -> None:
    """Choosing a year value keeps only that year's articles."""
    corpus = open_store(seed_store)
    async with running(seed_store) as (app, pilot):
        view = app.main.articles
        await press(pilot, "f")
        facet_rows = list(view.facet_list.rows)
        years = [
            i for i, r in enumerate(facet_rows) if isinstance(r, FacetItem) and r.kind == "year"
        ]
        assert years
        while view.facet_list.cursor != years[0]:
            await press(pilot, "j")
        await press(pilot, "enter")
        year = int(facet_rows[years[0]].value)  # type: ignore[union-attr]
        assert view.flt.year == year
        assert all(r.year == year for r in view.article_list.rows)
        assert ids(view.article_list.rows) == ids(corpus.articles(ArticleFilter(year=year)))


async def test_no_match_says_how_to_get_back(seed_store: Path) -> None:
    """A search that finds nothing says how to clear it."""
    async with running(seed_store) as (app, pilot):
        await press(pilot, "slash", "z", "q", "x", "j", "enter")
        assert "No articles match — press x" in screen_text(app)
