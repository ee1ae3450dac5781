"""Full-text search answers exactly as a plain scan of the stored articles' words would."""

from __future__ import annotations

import random
from collections import Counter
from itertools import accumulate
from pathlib import Path

import pytest
from forcewatch.store.api import SortKey
from forcewatch.store.ingest import ingest
from forcewatch.store.reader import Store, open_store
from forcewatch.store.textindex import decode_postings, query_words, term_counts
from forcewatch.store.views import ArticleFilter, Facets
from store_helpers import article_text, write

FORCES = ["Kent Police", "Essex Police", "Durham Constabulary", "Gwent Police"]
WORDS = "vetting misconduct hearing dismissed barred review unit victims trust panel".split()
# Many words sharing "co": a two-letter prefix that stands for too many terms to expand.
CO_WORDS = [f"co{a}{b}" for a in "bdfgklmpstvz" for b in "aeiouy"]
SORTS: tuple[SortKey, ...] = ("date", "title", "outlet")


def story(rng: random.Random, n: int) -> str:
    force = rng.choice(FORCES)
    words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 14)))
    extra = " ".join(rng.sample(CO_WORDS, rng.randint(0, 5)))
    body = (
        f"{force} said the {words} would continue.\n\n"
        f"The {extra} case and the {rng.choice(WORDS)} {rng.choice(WORDS)} were noted.\n\n"
        f"Filed as zqx{n:03}a and zqx{n:03}b, see zqx{n:03}b."  # words found in one article
    )
    title = f"Story {n} {rng.choice(WORDS)}"
    return article_text(title, body, date=f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{n % 10}")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 60 generated articles, ten of them replaced in a second ingest."""
    root = tmp_path_factory.mktemp("search")
    rng = random.Random(11)
    for n in range(60):
        write(root / "src", f"s{n:02}.txt", story(rng, n))
    store = root / "store"
    ingest(store, [str(root / "src")])
    for n in range(0, 60, 6):  # replaced articles leave unused slots behind in the index
        write(root / "src", f"s{n:02}.txt", story(rng, n + 100))
    ingest(store, [str(root / "src")])
    return store


def scan(store: Store, text: str) -> list[tuple[int, int]]:
    """(article id, matches) by reading every article's words, most matches then newest."""
    details = [store.article(row.id) for row in store.articles()]
    counts = []
    for d in details:
        assert d is not None
        counts.append(term_counts([d.row.title, d.description or "", *d.paragraphs]))
    vocabulary = sorted(set().union(*counts))
    whole, prefix = query_words(text)
    if not whole and prefix is None:
        return []
    groups = [[word] for word in whole]
    if prefix is not None:
        terms = [t for t in vocabulary if t.startswith(prefix)]
        if len(prefix) < 3 and len(terms) > 64:
            terms = [prefix] if prefix in vocabulary else []
        groups.append(terms)
    found = [
        (d.row.id, sum(c.get(t, 0) for group in groups for t in group))
        for d, c in zip(details, counts, strict=True)
        if d is not None and all(any(t in c for t in group) for group in groups)
    ]
    return sorted(found, key=lambda hit: -hit[1])  # stable: newest first among equals


def facet_scan(store: Store, ids: set[int]) -> dict[str, Counter[str]]:
    """Facet counts over the given articles, from their rows."""
    out: dict[str, Counter[str]] = {k: Counter() for k in ("forces", "speakers", "outlets")}
    for row in store.articles():
        if row.id in ids:
            out["forces"].update(row.forces)
            out["speakers"].update(row.speakers)
            if row.outlet:
                out["outlets"][row.outlet] += 1
    return out


def as_counts(facets: Facets) -> dict[str, Counter[str]]:
    return {
        kind: Counter({v.value: v.count for v in getattr(facets, kind)})
        for kind in ("forces", "speakers", "outlets")
    }


TYPED = [
    *("vetting"[:i] for i in range(1, 8)),
    *("misconduct hearing"[:i] for i in range(1, 19)),
    *("co"[:i] for i in range(1, 3)),
    "cob",
    "coba",
    "cobe panel",
    "the",
    "the ",
    "misconduct misconduct",
    "misconduct misc",
    "trust zzz",
    "zzz",
    "  ",
    "Story 1",
    "zqx",
    "zqx00",
    "zqx003b",
    "vetting zqx01",
]


def test_search_ranks_as_a_scan_of_the_words(corpus: Path) -> None:
    """Every search finds the articles, match counts and order a scan of the words finds."""
    store = open_store(corpus)
    assert len(CO_WORDS) > 64
    checked = 0
    for text in TYPED:
        hits = [(h.article_id, h.matches) for h in store.search(text)]
        assert hits == scan(store, text), text
        checked += bool(hits)
    assert checked > len(TYPED) // 2


def test_typing_letter_by_letter_answers_like_a_fresh_store(corpus: Path) -> None:
    """Results kept from earlier keystrokes never leak into later ones: each answer (list,
    hits, facets) equals a freshly opened store's, and the list holds exactly the hits."""
    warm = open_store(corpus)
    for text in TYPED:
        fresh = open_store(corpus)
        flt = ArticleFilter(text=text)
        rows = warm.articles(flt)
        hits = warm.search(text)
        assert hits == fresh.search(text), text
        assert rows.ids == fresh.articles(flt).ids, text
        if query_words(text) != ([], None):
            assert set(rows.ids) == {h.article_id for h in hits}, text
            assert as_counts(warm.facets(flt)) == facet_scan(warm, set(rows.ids)), text
        assert warm.facets(flt) == fresh.facets(flt), text
        by_title = warm.articles(flt, "title", False)
        assert sorted(by_title.ids) == sorted(rows.ids), text


def test_search_combines_with_facet_filters(corpus: Path) -> None:
    """A search inside a force keeps only that force's hits, in the list's order."""
    store = open_store(corpus)
    for force in FORCES:
        for text in ("vet", "misconduct", "co", "trust panel"):
            hits = {h.article_id for h in store.search(text)}
            expected = [r.id for r in store.articles() if r.id in hits and force in r.forces]
            assert store.articles(ArticleFilter(force=force, text=text)).ids == expected


def _reference_decode(value: str) -> tuple[list[int], list[int]]:
    gaps, _, counts = value.partition(";")
    return list(accumulate(map(int, gaps.split()))), list(map(int, counts.split()))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param(";", id="empty"),
        pytest.param("3;1", id="one"),
        pytest.param("3 1 7;1 2 1", id="plain"),
        pytest.param("0 5;2 1", id="first-slot-zero"),
        pytest.param("03 1;1 1", id="leading-zero"),
        pytest.param(" 3  1;1 1", id="extra-spaces"),
        pytest.param("3 1 ;1 1", id="trailing-space"),
        pytest.param("-1 4;2 2", id="negative-gap"),
        pytest.param("+3;1", id="plus-sign"),
    ],
)
def test_decode_postings_reads_every_form_as_int_would(value: str) -> None:
    """Postings decode to the slots and counts that int() on each number gives."""
    assert decode_postings(value) == _reference_decode(value)


@pytest.mark.parametrize(
    "value",
    [pytest.param("x;1", id="letter"), pytest.param("1.5;1", id="fraction")],
)
def test_decode_postings_rejects_what_int_rejects(value: str) -> None:
    """Damaged postings raise ValueError, as int() does."""
    with pytest.raises(ValueError):
        decode_postings(value)


@pytest.mark.parametrize(
    ("values", "counted"),
    [
        pytest.param(["32", "14 16", "", "7"], False, id="refs"),
        pytest.param(["1:2 3:1", "", "4:7"], True, id="counted"),
        pytest.param(["1:2 3", "4:1"], True, id="count-left-out"),
        pytest.param(["12:", "3:1"], True, id="empty-count"),
        pytest.param(["01 2"], False, id="leading-zero"),
        pytest.param(["1  2", "3"], False, id="double-space"),
        pytest.param(["1:2 ", "3:1"], True, id="trailing-space"),
        pytest.param([], False, id="no-rows"),
        pytest.param(["", ""], True, id="empty-rows"),
    ],
)
def test_facet_columns_read_as_row_by_row(values: list[str], counted: bool) -> None:
    """A facet column read in one pass holds, row by row, the refs the manifest's own
    decoders read, and finds each value's rows."""
    from forcewatch.store.manifest import split_counted, split_refs
    from forcewatch.store.reader import _ref_column

    column = _ref_column(values, counted)
    expected = [[r for r, _ in split_counted(v)] if counted else split_refs(v) for v in values]
    starts = column.starts
    assert [list(column.refs[starts[i] : starts[i + 1]]) for i in range(len(values))] == expected
    for ref in {r for row in expected for r in row}:
        assert list(column.rows_with(ref)) == [i for i, row in enumerate(expected) if ref in row]


def test_rows_find_an_article_by_id_as_their_id_list_does(corpus: Path) -> None:
    """index_of_id agrees with the id list for every sort and filter, and says None for an
    article the rows do not hold."""
    store = open_store(corpus)
    every = store.articles().ids
    for flt in (None, ArticleFilter(text="vet"), ArticleFilter(force=FORCES[0])):
        for sort in SORTS:
            rows = store.articles(flt, sort)
            ids = rows.ids
            for aid in every:
                assert rows.index_of_id(aid) == (ids.index(aid) if aid in ids else None)
    assert store.articles().index_of_id(-5) is None
