"""Flat rows for `forcewatch export` and `forcewatch stats`, built from the query API."""

from __future__ import annotations

from collections import Counter
from typing import Any, Literal

from .reader import Store

Table = Literal["articles", "quotes", "events", "figures"]
TABLES: tuple[Table, ...] = ("articles", "quotes", "events", "figures")

COLUMNS: dict[Table, tuple[str, ...]] = {
    "articles": (
        "id", "title", "outlet", "url", "source", "date", "precision", "date_source",
        "forces", "speakers", "quotes",
    ),
    "quotes": (
        "speaker_key", "speaker", "text", "partial", "article_id", "paragraph", "title",
        "outlet", "date",
    ),
    "events": (
        "date", "precision", "force", "kind", "text", "article_id", "paragraph", "title",
        "outlet",
    ),
    "figures": ("article_id", "value", "number", "counts", "sentence", "paragraph"),
}  # fmt: skip


def export_rows(store: Store, table: Table) -> list[dict[str, Any]]:
    """One flat dict per row; list values (forces, speakers) stay lists."""
    if table == "articles":
        return [
            {
                "id": r.id,
                "title": r.title,
                "outlet": r.outlet,
                "url": r.url,
                "source": r.source,
                "date": r.date,
                "precision": r.precision,
                "date_source": r.date_source,
                "forces": list(r.forces),
                "speakers": list(r.speakers),
                "quotes": r.quotes,
            }
            for r in store.articles()
        ]
    if table == "quotes":
        return [
            {
                "speaker_key": g.speaker_key,
                "speaker": g.speaker,
                "text": g.text,
                "partial": g.partial,
                "article_id": s.article_id,
                "paragraph": s.paragraph,
                "title": s.title,
                "outlet": s.outlet,
                "date": s.date,
            }
            for g in store.all_quotes()
            for s in g.sources
        ]
    if table == "events":
        return [
            {
                "date": e.date,
                "precision": e.precision,
                "force": e.force,
                "kind": e.kind,
                "text": e.text,
                "article_id": e.article_id,
                "paragraph": e.paragraph,
                "title": e.article_title,
                "outlet": e.outlet,
            }
            for e in store.all_events()
        ]
    return [{"article_id": f.article_id, **f.figure.to_json()} for f in store.figures()]


def stats(store: Store) -> dict[str, Any]:
    """Counts per table, per force and per year (the `stats --json` object)."""
    info = store.info()
    years: Counter[str] = Counter()
    for row in store.articles():
        years[str(row.year) if row.year is not None else "unknown"] += 1
    return {
        "articles": info.articles,
        "tables": {
            "articles": info.articles,
            "forces": info.forces,
            "speakers": info.speakers,
            "quotes": info.quotes,
            "events": info.events,
            "figures": info.figures,
        },
        "forces": [
            {"name": f.name, "articles": f.articles, "quotes": f.quotes, "events": f.events}
            for f in store.forces()
        ],
        "years": dict(sorted(years.items())),
        "store": {
            "path": info.path,
            "name": info.name,
            "schema_version": info.schema_version,
            "parser_version": info.parser_version,
            "generation": info.generation,
        },
    }
