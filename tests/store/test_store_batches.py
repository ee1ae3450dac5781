"""Staged ingest: a batch spilled to disk in parts stores exactly what one in-memory commit does."""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from forcewatch.store.errors import StoreError
from forcewatch.store.ingest import collect_files, ingest, prepare_file
from forcewatch.store.reader import open_store
from forcewatch.store.reindex import reindex
from forcewatch.store.staging import BUCKETS, Staging
from forcewatch.store.views import ArticleFilter
from forcewatch.store.writer import commit
from store_helpers import SEEDS, article_text, write

GENERATOR = Path(__file__).parents[1] / "bench" / "corpus.py"
TINY_BUCKETS = {**dict.fromkeys(BUCKETS, 2), "terms": 1}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough synthetic articles (and the seeds) for bodies and terms to need several shards."""
    root = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(GENERATOR), str(root / "synthetic"), "--articles", "600"],
        check=True,
        capture_output=True,
    )
    shutil.copytree(SEEDS, root / "seeds")
    return root


def _one_commit(store: Path, paths: list[Path]) -> None:
    files, _ = collect_files(paths)
    commit(store, [prepare_file(f) for f in files])


def contents(store: Path) -> dict[str, str]:
    """Each store file's content hash by path (the lock file aside)."""
    return {
        str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(store.rglob("*"))
        if p.is_file() and p.name != ".lock"
    }


def test_small_batches_store_the_same_bytes_as_one_commit(corpus: Path, tmp_path: Path) -> None:
    """An ingest spilled in parts of 40 articles writes byte-identical files to one commit."""
    report = ingest(tmp_path / "parts" / "store", [corpus], batch_size=40, workers=2)
    _one_commit(tmp_path / "whole" / "store", [corpus])
    assert report.batches == 16 and len(report.added) == 605 and not report.failed
    assert len(open_store(tmp_path / "parts" / "store").articles(ArticleFilter())) == 605
    assert contents(tmp_path / "parts" / "store") == contents(tmp_path / "whole" / "store")


def test_one_large_batch_is_not_split(corpus: Path, tmp_path: Path) -> None:
    """A batch size above the article count stages everything as a single part."""
    report = ingest(tmp_path / "s", [corpus], batch_size=10_000, workers=2)
    assert report.batches == 1 and len(report.added) == 605


def test_more_shards_than_buckets_give_the_same_store(corpus: Path, tmp_path: Path) -> None:
    """Staging with fewer buckets than shards (bodies, terms) still matches one commit."""
    files, _ = collect_files([corpus])
    spill = tmp_path / "spill"
    spill.mkdir()
    with Staging(spill, batch_size=25, buckets=TINY_BUCKETS) as staging:
        for path in files:
            staging.add(prepare_file(path))
        assert staging.spills == 24
        commit(tmp_path / "parts" / "store", staging)
    _one_commit(tmp_path / "whole" / "store", [corpus])
    assert contents(tmp_path / "parts" / "store") == contents(tmp_path / "whole" / "store")
    assert list(spill.iterdir()) == []


def test_incremental_ingest_in_parts_matches_one_commit(corpus: Path, tmp_path: Path) -> None:
    """Adding to an existing store in parts, growing its shard counts, matches one commit."""
    for name in ("parts", "whole"):
        ingest(tmp_path / name / "store", [corpus / "seeds"])
    report = ingest(tmp_path / "parts" / "store", [corpus], batch_size=30)
    _one_commit(tmp_path / "whole" / "store", [corpus])
    assert report.batches == 21 and len(report.unchanged) == 5
    assert contents(tmp_path / "parts" / "store") == contents(tmp_path / "whole" / "store")


def test_replaced_swapped_and_copied_files_match_one_commit(tmp_path: Path) -> None:
    """Changed, swapped and duplicated files in parts give one commit's statuses and bytes."""
    src = tmp_path / "src"
    shutil.copytree(SEEDS, src)
    for name in ("parts", "whole"):
        ingest(tmp_path / name / "store", [src])
    names = sorted(src.iterdir())
    first, second = names[1].read_text(), names[2].read_text()
    names[1].write_text(second)
    names[2].write_text(first)
    names[0].write_text(names[0].read_text() + "\n\nKent Police said a review was under way.\n")
    write(src, "copy.md", names[3].read_text())
    parts = ingest(tmp_path / "parts" / "store", [src], batch_size=1)
    whole = ingest(tmp_path / "whole" / "store", [src], batch_size=10_000)
    assert parts.batches == 6 and whole.batches == 1
    assert (parts.added, parts.replaced, parts.unchanged) == (
        whole.added,
        whole.replaced,
        whole.unchanged,
    )
    assert len(parts.replaced) == 3
    assert contents(tmp_path / "parts" / "store") == contents(tmp_path / "whole" / "store")
    reindex(tmp_path / "parts" / "store")
    reindex(tmp_path / "whole" / "store")
    assert contents(tmp_path / "parts" / "store") == contents(tmp_path / "whole" / "store")


def test_bad_files_in_parts_are_reported_and_the_rest_stored(tmp_path: Path) -> None:
    """Bad files among several parts fail one line each; every good file is stored."""
    src = tmp_path / "src"
    for i in range(7):
        write(src, f"good{i}.txt", article_text(f"Story {i}", f"Kent Police said case {i} closed."))
    write(src, "empty.txt", "")
    (src / "binary.txt").write_bytes(b"\x00\xff" * 50)
    report = ingest(tmp_path / "s", [src], batch_size=2)
    assert len(report.added) == 7 and report.batches == 4
    assert sorted(Path(f.path).name for f in report.failed) == ["binary.txt", "empty.txt"]
    assert all("\n" not in f.reason and f.reason for f in report.failed)
    assert len(open_store(tmp_path / "s").articles(ArticleFilter())) == 7


def test_spill_folder_is_removed_after_success_and_failure(tmp_path: Path) -> None:
    """The staging folder is gone after an ingest, and after a commit that fails."""
    spill = tmp_path / "spill"
    spill.mkdir()
    ingest(tmp_path / "s", [SEEDS], batch_size=2, spill_dir=spill)
    assert list(spill.iterdir()) == []
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the store's folder should be")
    with pytest.raises(StoreError):
        ingest(blocked, [SEEDS], batch_size=2, spill_dir=spill)
    assert list(spill.iterdir()) == []


def test_bucket_counts_must_be_powers_of_two() -> None:
    """Bucket counts that are not powers of two are refused, since shards would straddle them."""
    with pytest.raises(ValueError, match="powers of two"):
        Staging(buckets={**TINY_BUCKETS, "terms": 3})


def test_folders_of_killed_ingests_are_removed_and_live_ones_kept(tmp_path: Path) -> None:
    """A new batch deletes spill folders a killed process left, never a live batch's folder."""
    script = (
        "import sys, time\n"
        "from forcewatch.store.staging import Staging\n"
        "s = Staging(sys.argv[1])\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline() == "ready\n"
    with Staging(tmp_path) as live:
        assert len(list(tmp_path.iterdir())) == 2
        child.kill()
        child.wait()
        with Staging(tmp_path):
            names = sorted(p.name for p in tmp_path.iterdir())
        assert len(names) == 2 and live.path is not None and live.path.name in names
    assert list(tmp_path.iterdir()) == []
