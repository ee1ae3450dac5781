"""The query API over a real store: timelines, quote groups, facets, search, sorting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from forcewatch.store.parse import speaker_key
from forcewatch.store.prepare import prepare
from forcewatch.store.reader import open_store
from forcewatch.store.records import (
    Event,
    Figure,
    ForceMention,
    ParsedArticle,
    Person,
    Published,
    Quote,
)
from forcewatch.store.views import ArticleFilter, ArticleRow, QuoteGroup
from forcewatch.store.writer import commit

KENT = "Kent Police"
MET = "Metropolitan Police Service"


def article(
    n: int,
    *,
    title: str,
    date: str | None,
    outlet: str | None,
    forces: tuple[str, ...] = (),
    quotes: tuple[Quote, ...] = (),
    events: tuple[Event, ...] = (),
    paragraphs: tuple[str, ...] = ("Body text.",),
    figures: tuple[Figure, ...] = (),
) -> ParsedArticle:
    precision = "unknown" if date is None else {10: "day", 7: "month", 4: "year"}[len(date)]
    return ParsedArticle(
        source=f"/corpus/{n}.txt",
        title=title,
        url=None,
        outlet=outlet,
        published=Published(date, precision, "front_matter" if date else "none"),  # type: ignore[arg-type]
        description=None,
        paragraphs=paragraphs,
        forces=tuple(ForceMention(f, 1, (0,)) for f in forces),
        people=(Person("Jane Roe", "Supt", "head of standards", KENT, ("Ms Roe",), 0),),
        quotes=quotes,
        events=events,
        figures=figures,
    )


def build(tmp_path: Path, parsed: list[ParsedArticle]) -> Path:
    store = tmp_path / "store"
    batch = [prepare(p, f"raw {i} {p.title}", p.source) for i, p in enumerate(parsed)]
    commit(store, batch)
    return store


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    said = Quote("Supt Jane Roe", "We will root out abusers.", (0,))
    return build(
        tmp_path,
        [
            article(
                1,
                title="Kent officer dismissed for misconduct",
                date="2019-05-02",
                outlet="BBC News",
                forces=(KENT,),
                quotes=(said,),
                events=(
                    Event("2019-05-02", "day", None, "Published", None, "published"),
                    Event(None, "unknown", KENT, "Undated review", 0),
                    Event("2018", "year", KENT, "Hearing held", 0),
                ),
                paragraphs=("The dismissal followed a hearing. Misconduct proven.",),
                figures=(Figure("436", 436.0, "allegations", "There were 436 allegations.", 0),),
            ),
            article(
                2,
                title="Met and Kent review vetting",
                date="2017-11",
                outlet="The Guardian",
                forces=(MET, KENT),
                quotes=(
                    Quote("Jane Roe", "we  will root out ABUSERS", (0,)),
                    Quote("Ms Roe", "Another remark entirely.", (0,)),
                ),
                events=(Event("2017-11", "month", MET, "Vetting review announced", 0),),
                paragraphs=("Vetting reviews were dismissive of concerns.",),
            ),
            article(
                3,
                title="Undated piece on Kent",
                date=None,
                outlet=None,
                forces=(KENT,),
                quotes=(
                    Quote("Kent Police", "We will root out abusers.", (0,), False, "organisation"),
                ),
                events=(Event("2020-01-01", "day", KENT, "New unit launched", 0),),
                paragraphs=("Dismissals rose.",),
            ),
        ],
    )


def test_timeline_is_in_date_order_with_undated_last(corpus: Path) -> None:
    """A force's timeline runs oldest to newest and ends with its undated events."""
    events = open_store(corpus).timeline(KENT)
    assert [e.text for e in events] == [
        "Hearing held",
        "Published",
        "New unit launched",
        "Undated review",
    ]
    assert events[1].article_title == "Kent officer dismissed for misconduct"
    assert [e.text for e in open_store(corpus).timeline(MET)] == ["Vetting review announced"]


def test_same_quote_from_two_outlets_is_one_group(corpus: Path) -> None:
    """Equal words (after case, spacing and punctuation) by one speaker form one group."""
    groups = open_store(corpus).quotes_by("jane roe")
    assert all(isinstance(g, QuoteGroup) for g in groups)
    by_text = {g.text.casefold().strip(". "): g for g in groups}
    shared = by_text["we  will root out abusers"]
    assert sorted(s.outlet or "" for s in shared.sources) == ["BBC News", "The Guardian"]
    assert [s.date for s in shared.sources] == ["2017-11", "2019-05-02"]
    assert len(by_text["another remark entirely"].sources) == 1
    # The force said the same words: a different speaker, so not in Jane Roe's group.
    assert len(open_store(corpus).quotes_by(speaker_key(KENT))[0].sources) == 1


def test_speakers_carry_counts_and_details(corpus: Path) -> None:
    """Speaker summaries count quotes and articles and take role from the people found."""
    speakers = {s.key: s for s in open_store(corpus).speakers()}
    roe = speakers["jane roe"]
    assert (roe.quotes, roe.articles, roe.role, roe.organisation) == (
        3,
        2,
        "head of standards",
        KENT,
    )
    assert roe.forces[0] == KENT
    assert speakers[speaker_key(KENT)].kind == "organisation"
    assert next(iter(speakers)) == "jane roe"


def test_facets_count_within_the_current_filter(corpus: Path) -> None:
    """Facet counts cover only the selected articles."""
    s = open_store(corpus)
    everything = s.facets()
    assert {v.value: v.count for v in everything.forces} == {KENT: 3, MET: 1}
    assert {v.value: v.count for v in everything.years} == {"2019": 1, "2017": 1}
    met = s.facets(ArticleFilter(force=MET))
    assert {v.value: v.count for v in met.forces} == {KENT: 1, MET: 1}
    assert {v.value: v.count for v in met.outlets} == {"The Guardian": 1}
    assert {v.value: v.count for v in s.facets(ArticleFilter(year=2019)).speakers} == {
        "jane roe": 1
    }


def test_search_matches_every_word_and_the_last_as_prefix(corpus: Path) -> None:
    """Every word must match; the last word may be a prefix; stop words are ignored."""
    s = open_store(corpus)
    titles = {
        h.article_id: r.title
        for r in s.articles()
        for h in [h for h in s.search("dismiss")]
        if h.article_id == r.id
    }
    assert sorted(titles.values()) == [
        "Kent officer dismissed for misconduct",
        "Met and Kent review vetting",
        "Undated piece on Kent",
    ]
    assert [r.title for r in s.articles(ArticleFilter(text="kent vetting"))] == [
        "Met and Kent review vetting"
    ]
    assert [r.title for r in s.articles(ArticleFilter(text="the hearing misc"))] == [
        "Kent officer dismissed for misconduct"
    ]
    assert s.search("dismiss ") == []  # a finished word is matched whole
    assert len(s.articles(ArticleFilter(text="k"))) == 3  # one letter: no restriction yet
    hits = s.search("misconduct")
    assert hits[0].matches == 2  # title and paragraph


def test_filters_combine_and_agree_with_a_scan(corpus: Path) -> None:
    """Each filter combination returns exactly the rows a plain scan selects, in order."""
    s = open_store(corpus)
    rows = list(s.articles())
    for flt in [
        ArticleFilter(force=KENT),
        ArticleFilter(force=KENT, outlet="BBC News"),
        ArticleFilter(speaker="jane roe", year=2017),
        ArticleFilter(force=MET, text="vetting"),
        ArticleFilter(force="No Such Force"),
    ]:
        expected = [
            r
            for r in rows
            if (not flt.force or flt.force in r.forces)
            and (not flt.outlet or r.outlet == flt.outlet)
            and (not flt.speaker or flt.speaker in r.speakers)
            and (not flt.year or r.year == flt.year)
            and (not flt.text or r.id in {h.article_id for h in s.search(flt.text)})
        ]
        assert list(s.articles(flt)) == expected, flt


def test_sort_orders(corpus: Path) -> None:
    """Newest first with undated last by default; title and outlet sorts both ways."""
    s = open_store(corpus)
    assert [r.date for r in s.articles()] == ["2019-05-02", "2017-11", None]
    assert [r.date for r in s.articles(descending=False)] == ["2017-11", "2019-05-02", None]
    assert [r.title[:3] for r in s.articles(sort="title", descending=False)] == [
        "Ken",
        "Met",
        "Und",
    ]
    assert [r.outlet for r in s.articles(sort="outlet", descending=False)] == [
        "BBC News",
        "The Guardian",
        None,
    ]
    assert all(isinstance(r, ArticleRow) for r in s.articles())


def test_article_detail_and_figures(corpus: Path) -> None:
    """One article comes back with paragraphs, quotes keyed by speaker, events and figures."""
    s = open_store(corpus)
    row = s.articles()[0]
    detail = s.article(row.id)
    assert detail is not None and detail.row == row
    assert detail.paragraphs == ("The dismissal followed a hearing. Misconduct proven.",)
    assert [(q.speaker_key, q.text) for q in detail.quotes] == [
        ("jane roe", "We will root out abusers.")
    ]
    assert detail.people[0].aliases == ("Ms Roe",)
    assert [f.figure.value for f in s.figures(row.id)] == ["436"]
    assert [f.article_id for f in s.figures()] == [row.id]
    assert s.article(12345) is None
    assert dataclasses.is_dataclass(detail) and type(detail).__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_forces_are_summarised_most_covered_first(corpus: Path) -> None:
    """Force summaries carry article, quote and event counts and articles per year."""
    forces = open_store(corpus).forces()
    kent = forces[0]
    assert kent.name == KENT and kent.articles == 3
    assert kent.quotes == 4 and kent.events == 4
    assert kent.years == ((2017, 1), (2019, 1))


def test_changed_and_reload_follow_a_new_commit(corpus: Path, tmp_path: Path) -> None:
    """An open store notices a writer's commit and sees the new article after reload."""
    s = open_store(corpus, read_only=True)
    assert not s.changed()
    listed = s.articles()
    titles = [r.title for r in listed]
    extra = article(9, title="Brand new", date="2021-01-01", outlet="ITV", forces=(MET,))
    commit(corpus, [prepare(extra, "raw new", extra.source)])
    assert s.changed()
    s.reload()
    assert not s.changed()
    assert s.articles()[0].title == "Brand new"
    assert [r.title for r in listed] == titles  # an earlier result keeps its snapshot
    assert s.info().generation == 2
