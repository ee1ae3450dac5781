"""Incremental commits (adds, replacements, reshards) answer exactly like a fresh build."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from forcewatch.store import shards
from forcewatch.store.ingest import ingest
from forcewatch.store.reader import Store, open_store
from forcewatch.store.textindex import decode_postings
from forcewatch.store.tinyfile import read_tables
from forcewatch.store.views import ArticleFilter
from store_helpers import article_text, write

FORCES = ["Kent Police", "Essex Police", "Durham Constabulary", "Gwent Police", "Sussex Police"]
PEOPLE = ["Supt Jane Roe", "Chief Constable Sam Poe", "Dr Ann Loe"]
WORDS = "vetting misconduct hearing dismissed barred review unit victims trust panel".split()


def random_article(rng: random.Random, n: int) -> str:
    force, other = rng.sample(FORCES, 2)
    person = rng.choice(PEOPLE)
    words = " ".join(rng.choice(WORDS) for _ in range(12))
    body = (
        f"{force} said the {words} would continue.\n\n"
        f'{person}, of {force}, said: "The {rng.choice(WORDS)} matters to {other}."\n\n'
        f"In March {rng.randint(2010, 2024)}, {other} recorded {rng.randint(2, 90)} allegations."
    )
    return article_text(
        f"Story {n} {rng.choice(WORDS)}",
        body,
        date=f"20{rng.randint(10, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
    )


def answers(store: Store) -> dict[str, Any]:
    """Everything the query API says, keyed so that two stores can be compared."""
    rows = list(store.articles())
    out: dict[str, Any] = {
        "rows": [(r.id, r.title, r.source, r.date, r.forces, r.speakers, r.quotes) for r in rows],
        "forces": store.forces(),
        "speakers": store.speakers(),
        "facets": store.facets(),
        "figures": store.figures(),
        "events": store.all_events(),
        "quotes": store.all_quotes(),
        "info": {
            k: v
            for k, v in vars(store.info()).items()
            if k in ("articles", "quotes", "events", "figures", "forces", "speakers")
        },
    }
    for force in store.forces():
        out[f"timeline {force.name}"] = store.timeline(force.name)
        out[f"facets {force.name}"] = store.facets(ArticleFilter(force=force.name))
    for speaker in store.speakers():
        out[f"quotes {speaker.key}"] = store.quotes_by(speaker.key)
    for word in [*WORDS, "vet", "mis", "story 1", "kent vett"]:
        out[f"search {word}"] = sorted((h.article_id, h.matches) for h in store.search(word))
        out[f"filter {word}"] = [r.id for r in store.articles(ArticleFilter(text=word))]
    for row in rows:
        out[f"article {row.id}"] = store.article(row.id)
    return out


def indexed_slots(store: Path) -> set[int]:
    """Every article slot the full-text index mentions."""
    meta = json.loads((store / "forcewatch.json").read_text())["meta"]["1"]
    found: set[int] = set()
    for name in filter(None, meta["blobs"]["terms"]):
        for doc in read_tables(store / "blobs" / name)["terms"].values():
            slots, counts = decode_postings(doc["p"])
            assert slots == sorted(set(slots)) and len(slots) == len(counts) and min(counts) > 0
            found.update(slots)
    return found


def live_slots(store: Path) -> set[int]:
    tables = json.loads((store / "forcewatch.json").read_text())
    return {s for chunk in tables["articles"].values() for s in chunk["slot"]}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_incremental_store_matches_a_fresh_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    """After each batch of adds and edits, the store answers as one built from scratch."""
    for kind in list(shards._PER_SHARD):
        monkeypatch.setitem(shards._PER_SHARD, kind, 3)  # tiny shards: reshards happen
    rng = random.Random(seed)
    corpus = tmp_path / "corpus"
    store = tmp_path / "store"
    names: list[str] = []
    for step in range(6):
        for _ in range(rng.randint(1, 5)):
            name = f"a{len(names):03}.txt"
            names.append(name)
            write(corpus, name, random_article(rng, len(names)))
        for name in rng.sample(names, min(len(names), rng.randint(0, 3))):
            write(corpus, name, random_article(rng, rng.randint(100, 999)))
        ingest(store, [corpus])
        fresh = tmp_path / f"fresh{step}"
        ingest(fresh, [corpus])
        assert answers(open_store(store)) == answers(open_store(fresh)), f"step {step}"
        assert indexed_slots(store) == live_slots(store)  # replaced articles left the index
    assert open_store(store).info().generation == 6
