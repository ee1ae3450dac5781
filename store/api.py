"""The typed query API the app and the command line read a corpus through."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from .views import (
    ArticleDetail,
    ArticleFilter,
    ArticleRow,
    EventRow,
    Facets,
    FigureRow,
    ForceSummary,
    QuoteGroup,
    SearchHit,
    SpeakerSummary,
    StoreInfo,
)

SortKey = Literal["date", "outlet", "title"]


class Corpus(Protocol):
    """Read-only queries over a store; every result is a frozen view, never a document."""

    def info(self) -> StoreInfo:
        """Corpus name, counts, versions and read-only state."""
        ...

    def articles(
        self,
        flt: ArticleFilter | None = None,
        sort: SortKey = "date",
        descending: bool = True,
    ) -> Sequence[ArticleRow]:
        """Articles matching the filter (facets and full-text), sorted; newest first by default."""
        ...

    def facets(self, flt: ArticleFilter | None = None) -> Facets:
        """Counts per force, speaker, outlet and year among the articles the filter selects."""
        ...

    def search(self, text: str) -> Sequence[SearchHit]:
        """Articles whose title or text match every word (the last word as a prefix)."""
        ...

    def article(self, article_id: int) -> ArticleDetail | None:
        """One article with paragraphs and annotations, or None if it is not stored."""
        ...

    def forces(self) -> Sequence[ForceSummary]:
        """Every force with coverage, most covered first."""
        ...

    def timeline(self, force: str) -> Sequence[EventRow]:
        """A force's events in date order; undated events last."""
        ...

    def speakers(self) -> Sequence[SpeakerSummary]:
        """Every speaker, people and organisations, most quoted first."""
        ...

    def quotes_by(self, speaker_key: str) -> Sequence[QuoteGroup]:
        """A speaker's quotes, the same words from several outlets grouped as one."""
        ...

    def figures(self, article_id: int | None = None) -> Sequence[FigureRow]:
        """Figures cited, for one article or all."""
        ...

    def changed(self) -> bool:
        """True when the store on disk was replaced since this view loaded it."""
        ...

    def reload(self) -> None:
        """Load the store again from disk."""
        ...
