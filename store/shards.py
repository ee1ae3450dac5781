"""Which shard a key lives in, and how many shards each kind of blob needs."""

from __future__ import annotations

import zlib

# Items per shard at which a shard is split, sized so a shard stays around 1-4 MB.
_PER_SHARD = {
    "bodies": 200,  # articles (raw text, paragraphs, annotations: ~8-10 KB each)
    "figures": 4000,  # figures (~300 B each)
    "quotes": 5000,  # quote occurrences (~400 B each)
    "events": 8000,  # timeline entries (~250 B each)
    "terms": 500,  # articles' worth of postings (~4-6 KB per article)
}
MAX_SHARDS = {"events": 64}  # events shard by force; there are only ~50 forces


def shard_count(kind: str, items: int) -> int:
    """The smallest power of two that keeps each shard under its item budget."""
    wanted = max(1, -(-items // _PER_SHARD[kind]))
    count = 1
    while count < wanted:
        count *= 2
    return min(count, MAX_SHARDS.get(kind, 1 << 16))


def shard_of(key: str | int, count: int) -> int:
    """A stable shard number for a key (article id, speaker key, force, term prefix)."""
    if count == 1:
        return 0
    if isinstance(key, int):
        return key % count
    return zlib.crc32(key.encode("utf-8", "surrogatepass")) % count
