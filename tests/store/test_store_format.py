"""The files on disk are TinyDB's own format, readable by TinyDB itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from forcewatch.store.reader import open_store
from forcewatch.store.tinyfile import encode_table_raw, encode_tables
from tinydb import TinyDB


def test_every_store_file_opens_in_tinydb(seeded: Path) -> None:
    """The manifest and each blob open with TinyDB and hold the documents the store lists."""
    with TinyDB(seeded / "forcewatch.json", access_mode="r") as db:
        assert {"meta", "articles", "forces", "speakers"} <= db.tables()
        meta = db.table("meta").all()[0]
        assert meta["counts"]["articles"] == 5
        assert sum(len(doc["id"]) for doc in db.table("articles").all()) == 5
    listed = [n for names in meta["blobs"].values() for n in names if n]
    assert sorted(listed) == sorted(p.name for p in (seeded / "blobs").iterdir())
    for name in listed:
        kind = name.split("-")[0]
        with TinyDB(seeded / "blobs" / name, access_mode="r") as db:
            assert db.tables() == {kind} and len(db.table(kind)) > 0
    with TinyDB(seeded / "blobs" / meta["blobs"]["bodies"][0], access_mode="r") as db:
        ids = {doc.doc_id for doc in db.table("bodies").all()}
    assert ids == {r.id for r in open_store(seeded).articles()}


@pytest.mark.parametrize(
    "docs",
    [
        pytest.param({}, id="empty"),
        pytest.param({2: {"a": [1, 2.5, None, True]}, 1: {"b": "x"}}, id="plain"),
        pytest.param({7: {"t": 'Zoë \x1b[2J \u202e 😀 "q"'}}, id="escapes"),
    ],
)
def test_spliced_encoding_matches_plain_encoding(docs: dict[int, dict[str, object]]) -> None:
    """Documents pre-serialised in workers encode to the very bytes of the plain encoder."""
    plain = encode_tables({"bodies": docs})
    assert encode_table_raw("bodies", docs) == plain
    texts = {k: json.dumps(v, separators=(",", ":")) for k, v in docs.items()}
    assert encode_table_raw("bodies", texts) == plain
    assert json.loads(plain) == {"bodies": {str(k): v for k, v in docs.items()}}
