"""Frozen rows that the store's query API returns to the app and the command line."""

from __future__ import annotations

from dataclasses import dataclass

from .records import Figure, ForceMention, Person, Precision, SpeakerKind


@dataclass(frozen=True)
class ArticleRow:
    """One line of the article list."""

    id: int
    title: str
    outlet: str | None
    url: str | None
    source: str
    date: str | None
    precision: Precision
    date_source: str
    forces: tuple[str, ...]
    speakers: tuple[str, ...]  # speaker keys quoted in the article
    quotes: int

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None


@dataclass(frozen=True)
class ArticleFilter:
    """Facet selections and a search string; None or "" means no restriction."""

    force: str | None = None
    speaker: str | None = None  # a speaker key
    outlet: str | None = None
    year: int | None = None
    text: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.force or self.speaker or self.outlet or self.year or self.text.strip())


@dataclass(frozen=True)
class FacetValue:
    """A facet value and how many articles in the current selection carry it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facets:
    """Counts per force, speaker, outlet and year over the current selection."""

    forces: tuple[FacetValue, ...]
    speakers: tuple[FacetValue, ...]
    outlets: tuple[FacetValue, ...]
    years: tuple[FacetValue, ...]


@dataclass(frozen=True)
class SearchHit:
    """An article matching a full-text search, with its number of matches."""

    article_id: int
    matches: int


@dataclass(frozen=True)
class QuoteSpan:
    """A quote inside an article, for highlighting in the reader."""

    speaker: str
    speaker_key: str
    text: str
    paragraphs: tuple[int, ...]
    partial: bool


@dataclass(frozen=True)
class EventRow:
    """A dated statement on a force's timeline, linked to its article and paragraph."""

    date: str | None
    precision: Precision
    force: str | None
    text: str
    kind: str
    article_id: int
    paragraph: int | None
    article_title: str
    outlet: str | None


@dataclass(frozen=True)
class ArticleDetail:
    """One article with its clean paragraphs and annotations, for the reader."""

    row: ArticleRow
    description: str | None
    paragraphs: tuple[str, ...]
    forces: tuple[ForceMention, ...]
    people: tuple[Person, ...]
    quotes: tuple[QuoteSpan, ...]
    events: tuple[EventRow, ...]
    figures: tuple[Figure, ...]
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class ForceSummary:
    """A force with coverage, its counts, and article counts per year."""

    name: str
    articles: int
    quotes: int
    events: int
    years: tuple[tuple[int, int], ...]  # (year, articles), ascending


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker, person or organisation, across the corpus."""

    key: str
    name: str
    kind: SpeakerKind
    role: str | None
    organisation: str | None
    quotes: int
    articles: int
    forces: tuple[str, ...]


@dataclass(frozen=True)
class QuoteSource:
    """One place a quote was reported."""

    article_id: int
    paragraph: int
    title: str
    outlet: str | None
    date: str | None
    precision: Precision


@dataclass(frozen=True)
class QuoteGroup:
    """A quote by one speaker; the same words reported by several outlets appear once."""

    speaker_key: str
    speaker: str
    text: str
    partial: bool
    sources: tuple[QuoteSource, ...]


@dataclass(frozen=True)
class FigureRow:
    """A figure with its article, for export and the reader."""

    article_id: int
    figure: Figure


@dataclass(frozen=True)
class StoreInfo:
    """Header facts: corpus name, counts, schema and whether it is read-only."""

    name: str
    path: str
    articles: int
    forces: int
    speakers: int
    quotes: int
    events: int
    figures: int
    read_only: bool
    schema_version: int
    parser_version: str
    generation: int
