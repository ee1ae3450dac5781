"""The benchmark corpus generator: deterministic, realistic, and parseable."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from forcewatch.store.parse import decode_bytes, parse_article, speaker_key

SAMPLE = 60


def _load() -> ModuleType:
    name = "forcewatch_bench_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("corpus.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


gen = _load()


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.suffix in (".txt", ".md")
    }


@pytest.fixture(scope="module")
def articles() -> list[Any]:
    return list(gen.iter_articles(SAMPLE, seed=7))


@pytest.fixture(scope="module")
def parsed(articles: list[Any]) -> list[tuple[Any, Any]]:
    out = []
    for art in articles:
        text, _ = decode_bytes(art.text.encode(art.encoding))
        out.append((art, parse_article(text, art.filename)))
    return out


def test_same_seed_writes_identical_files(tmp_path: Path) -> None:
    """Two corpora written with one seed are byte-identical, file for file."""
    a = gen.write_corpus(tmp_path / "a", 25, seed=11, workers=1)
    b = gen.write_corpus(tmp_path / "b", 25, seed=11, workers=1)
    files_a, files_b = _files(a), _files(b)
    assert len(files_a) == 25
    assert files_a == files_b


def test_article_does_not_depend_on_corpus_size_or_workers(tmp_path: Path) -> None:
    """Article i is the same in a small and a large corpus, written serially or in parallel."""
    small = _files(gen.write_corpus(tmp_path / "s", 5, seed=3, workers=1))
    large = _files(gen.write_corpus(tmp_path / "l", 12, seed=3, workers=2))
    assert len(large) == 12
    assert all(large[name] == data for name, data in small.items())


def test_other_seed_gives_other_articles() -> None:
    """A different seed changes the articles."""
    first = [a.text for a in gen.iter_articles(10, seed=1)]
    second = [a.text for a in gen.iter_articles(10, seed=2)]
    assert sum(x != y for x, y in zip(first, second, strict=True)) >= 9


def test_articles_are_about_three_kilobytes(articles: list[Any]) -> None:
    """Articles average about 3 KB and none is tiny or huge."""
    sizes = [len(a.text.encode(a.encoding)) for a in articles]
    assert 2500 <= sum(sizes) / len(sizes) <= 4000
    assert min(sizes) > 1500 and max(sizes) < 6000


def test_pool_has_hundreds_of_speakers_and_every_force() -> None:
    """Hundreds of distinct speakers; every force in the gazetteer can be chosen."""
    from forcewatch.store.parse.forces import all_forces

    pool = gen.speaker_pool(gen.DEFAULT_SEED)
    assert len({s.name for s in pool}) >= 500
    names, weights = gen.force_weights()
    assert set(names) == set(all_forces())
    assert all(w > 0 for w in weights)


CONVENTIONS = [
    ("speaker before with said:", " said: "),
    ("speaker after", " said."),
    ("curly double quotes", "\u201c"),
    ("single-quote house style", "\u2018"),
    ("front matter", "---\ntitle: "),
    ("page furniture: Hide Ad", "Hide Ad"),
    ("page furniture: Read more", "Read more: "),
    ("newsletter line", "newsletter"),
    ("dateline", " 20"),
    ("inverted attribution", ", said "),
]


@pytest.mark.parametrize(("convention", "needle"), CONVENTIONS, ids=[c for c, _ in CONVENTIONS])
def test_corpus_uses_each_convention(articles: list[Any], convention: str, needle: str) -> None:
    """Each quote convention, front matter, dateline and furniture line occurs in the sample."""
    texts = [a.text.replace("\r\n", "\n") for a in articles]
    assert any(needle in t for t in texts), convention


def test_multi_paragraph_quotes_reopen_each_paragraph(articles: list[Any]) -> None:
    """Some quotes run over paragraphs that each reopen the quote and only the last closes."""

    def runs(text: str) -> Iterator[bool]:
        paras = text.replace("\r\n", "\n").split("\n\n")
        for a, b in pairwise(paras):
            for open_, close in (('"', '"'), ("\u201c", "\u201d"), ("\u2018", "\u2019")):
                if " said: " + open_ in a and not a.endswith(close) and b.startswith(open_):
                    yield True

    assert sum(any(runs(a.text)) for a in articles) >= 3


def test_every_article_parses_with_quotes_and_its_force(parsed: list[tuple[Any, Any]]) -> None:
    """The parser finds quotes and the story's force in every generated article."""
    for art, result in parsed:
        assert result.quotes, art.filename
        assert art.force in {f.name for f in result.forces}, art.filename


def test_dates_and_titles_parse(parsed: list[tuple[Any, Any]]) -> None:
    """Dated articles parse to the date they carry, undated ones to none; titles lose the site."""
    dated = [(a, r) for a, r in parsed if a.precision == "day"]
    undated = [(a, r) for a, r in parsed if a.precision == "unknown"]
    assert len(dated) >= SAMPLE // 2
    right = sum(r.published.date == a.published.isoformat() for a, r in dated)
    assert right >= 0.9 * len(dated)
    assert all(r.published.date is None for _, r in undated)
    titles = sum(r.title == a.title for a, r in parsed)
    assert titles >= 0.9 * len(parsed)


def test_quoted_people_are_found_as_speakers(parsed: list[tuple[Any, Any]]) -> None:
    """Most people the generator quoted come back as quote speakers."""
    wanted = found = 0
    for art, result in parsed:
        keys = {speaker_key(q.speaker) for q in result.quotes}
        for name in art.speakers:
            wanted += 1
            found += speaker_key(name) in keys
    assert wanted >= SAMPLE * 2
    assert found >= 0.8 * wanted


def test_furniture_is_not_in_parsed_paragraphs(parsed: list[tuple[Any, Any]]) -> None:
    """Page furniture the generator adds is dropped by the parser."""
    for art, result in parsed:
        for para in result.paragraphs:
            assert para not in ("Hide Ad", "Read More", "Advertisement"), art.filename
