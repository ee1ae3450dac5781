"""Ingest: idempotence, replacement by path, skipped entries, bad files, many files."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
from forcewatch.store.ingest import collect_files, ingest
from forcewatch.store.prepare import article_id
from forcewatch.store.reader import open_store
from forcewatch.store.seeds import seed_store
from forcewatch.store.views import ArticleFilter
from store_helpers import SEEDS, article_text, seed_files, snapshot, write


def test_reingest_of_seeds_changes_no_byte(seeded: Path) -> None:
    """Ingesting the same seed files again leaves every store file byte-identical."""
    before = snapshot(seeded)
    counts = open_store(seeded).info()
    report = ingest(seeded, [str(p) for p in seed_files()])
    assert len(report.unchanged) == 5 and not report.added and not report.replaced
    assert not report.commit.written
    assert snapshot(seeded) == before
    again = open_store(seeded).info()
    assert (again.articles, again.quotes, again.events, again.figures, again.speakers) == (
        counts.articles,
        counts.quotes,
        counts.events,
        counts.figures,
        counts.speakers,
    )


def test_seed_store_builds_from_bundled_package(tmp_path: Path) -> None:
    """The bundled seeds build a five-article store named after them."""
    report = seed_store(tmp_path / "s")
    assert len(report.added) == 5
    info = open_store(tmp_path / "s").info()
    assert info.articles == 5 and info.name == "bundled seeds"


def test_changed_file_replaces_its_old_records(tmp_path: Path) -> None:
    """A changed file at the same path replaces that path's article, quotes and index terms."""
    corpus = tmp_path / "corpus"
    first = write(
        corpus,
        "a.txt",
        article_text("Kent officer sacked", 'Kent Police said: "The zebracorn conduct was wrong."'),
    )
    write(corpus, "b.txt", article_text("Other story", "Durham Constabulary opened a review."))
    store = tmp_path / "store"
    ingest(store, [corpus])
    old_id = article_id(first.read_text())
    first.write_text(
        article_text("Kent officer dismissed", 'Kent Police said: "The quagga conduct was wrong."')
    )
    report = ingest(store, [corpus])
    assert report.replaced == (str(first),) and len(report.unchanged) == 1
    s = open_store(store)
    titles = sorted(r.title for r in s.articles())
    assert titles == ["Kent officer dismissed", "Other story"]
    assert sorted(r.source for r in s.articles()) == [str(first), str(corpus / "b.txt")]
    assert s.article(old_id) is None
    assert s.search("zebracorn") == [] and len(s.search("quagga")) == 1
    assert all("zebracorn" not in g.text for sp in s.speakers() for g in s.quotes_by(sp.key))


def test_same_text_at_two_paths_is_one_article(tmp_path: Path) -> None:
    """Ids come from content: a copy of a file under another name is not stored twice."""
    corpus = tmp_path / "c"
    text = article_text("Copied", "Some text about Essex Police.")
    write(corpus, "one.txt", text)
    write(corpus, "two.md", text)
    report = ingest(tmp_path / "s", [corpus])
    assert len(report.added) == 1 and len(report.unchanged) == 1
    ids = [r.id for r in open_store(tmp_path / "s").articles()]
    assert ids == [article_id(text)] and 0 < ids[0] < 2**53


def test_collect_files_skips_special_entries_with_reasons(tmp_path: Path) -> None:
    """FIFOs, sockets, other extensions and symlink loops are skipped, each with a reason."""
    root = tmp_path / "in"
    write(root, "good.txt", "x")
    write(root / "sub", "deep.MD", "x")
    write(root, "image.png", "x")
    os.mkfifo(root / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(root / "sock.txt"))
    os.symlink("loop_b", root / "loop_a.txt")
    os.symlink("loop_a.txt", root / "loop_b")
    os.symlink(".", root / "sub" / "self")
    try:
        files, skipped = collect_files([root])
    finally:
        sock.close()
    assert sorted(Path(f).name for f in files) == ["deep.MD", "good.txt"]
    reasons = {Path(s.path).name: s.reason for s in skipped}
    assert reasons["pipe.txt"] == "a FIFO"
    assert reasons["sock.txt"] == "a socket"
    assert reasons["image.png"] == "not a .txt or .md file"
    assert reasons["loop_a.txt"] == "symlink loop"
    assert reasons["self"] == "symlink loop"


def test_bad_files_fail_alone_and_the_rest_is_stored(tmp_path: Path) -> None:
    """Empty, binary and oversized files each fail with a reason; good files are stored."""
    corpus = tmp_path / "c"
    write(corpus, "good.txt", article_text("Good one", "Avon and Somerset Police said so."))
    write(corpus, "empty.txt", "  \n\n ")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 64)
    with open(corpus / "huge.txt", "wb") as handle:
        handle.truncate(65 * 1024 * 1024)
    report = ingest(tmp_path / "s", [corpus])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert set(reasons) == {"empty.txt", "binary.txt", "huge.txt"}
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "larger than" in reasons["huge.txt"]
    assert [r.title for r in open_store(tmp_path / "s").articles()] == ["Good one"]


def test_many_files_are_parsed_in_a_pool_and_all_stored(tmp_path: Path) -> None:
    """Above the pool threshold every file is still stored exactly once, in one commit."""
    corpus = tmp_path / "c"
    for i in range(60):
        write(corpus, f"a{i:03}.txt", article_text(f"Story {i}", f"Word{i} Cheshire Police."))
    report = ingest(tmp_path / "s", [corpus], workers=2)
    assert len(report.added) == 60 and report.commit.generation == 1
    s = open_store(tmp_path / "s")
    assert sorted(r.title for r in s.articles()) == sorted(f"Story {i}" for i in range(60))
    assert len(s.articles(ArticleFilter(text="word17"))) == 1


def test_seed_folder_is_the_package_data() -> None:
    """The tests and the package read the same five seed files."""
    assert len(seed_files()) == 5 and SEEDS.is_dir()


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads unreadable files")
def test_unreadable_file_fails_with_permission_reason(tmp_path: Path) -> None:
    """A file the user cannot read is reported, not fatal."""
    path = write(tmp_path / "c", "secret.txt", "x")
    path.chmod(0)
    report = ingest(tmp_path / "s", [tmp_path / "c"])
    assert [f.reason for f in report.failed] == ["permission denied"]


def test_commit_keeps_the_manifest_permissions(seeded: Path, tmp_path: Path) -> None:
    """Replacing the manifest keeps its mode; new blobs take the same mode."""
    manifest = seeded / "forcewatch.json"
    manifest.chmod(0o640)
    before = set((seeded / "blobs").iterdir())
    ingest(seeded, [write(tmp_path / "c", "n.txt", article_text("New", "Kent Police."))])
    assert manifest.stat().st_mode & 0o777 == 0o640
    new_blobs = set((seeded / "blobs").iterdir()) - before
    assert new_blobs and {p.stat().st_mode & 0o777 for p in new_blobs} == {0o640}
    assert open_store(seeded).info().generation == 2
