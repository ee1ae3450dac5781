"""Frozen records that the parser produces from one article's text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year", "unknown"]
DateSource = Literal["front_matter", "dateline", "url", "none"]
SpeakerKind = Literal["person", "organisation"]


@dataclass(frozen=True)
class Published:
    """When an article was published, how precisely, and where that came from."""

    date: str | None = None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    precision: Precision = "unknown"
    source: DateSource = "none"

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "precision": self.precision, "source": self.source}


@dataclass(frozen=True)
class ForceMention:
    """A police force named in an article, with its mention count and paragraphs."""

    name: str
    mentions: int
    paragraphs: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": self.mentions, "paragraphs": list(self.paragraphs)}


@dataclass(frozen=True)
class Person:
    """A named person with the title, role and organisation the text gives them."""

    name: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    aliases: tuple[str, ...] = ()
    paragraph: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "role": self.role,
            "organisation": self.organisation,
            "aliases": list(self.aliases),
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True)
class Quote:
    """Words attributed to a speaker, spanning one or more paragraphs."""

    speaker: str
    text: str
    paragraphs: tuple[int, ...]
    partial: bool = False
    speaker_kind: SpeakerKind = "person"

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker,
            "speaker_kind": self.speaker_kind,
            "text": self.text,
            "paragraphs": list(self.paragraphs),
            "partial": self.partial,
        }


@dataclass(frozen=True)
class Event:
    """A dated statement for a force's timeline."""

    date: str | None
    precision: Precision
    force: str | None
    text: str
    paragraph: int | None = None  # None for the article's own publication
    kind: Literal["published", "mentioned"] = "mentioned"

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date,
            "precision": self.precision,
            "force": self.force,
            "text": self.text,
            "paragraph": self.paragraph,
            "kind": self.kind,
        }


@dataclass(frozen=True)
class Figure:
    """A number cited in the text, what it counts, and the sentence it is in."""

    value: str
    number: float | None
    counts: str
    sentence: str
    paragraph: int

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "number": self.number,
            "counts": self.counts,
            "sentence": self.sentence,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True)
class ParsedArticle:
    """Everything extracted from one article file; paragraph indexes point into `paragraphs`."""

    source: str
    title: str
    url: str | None
    outlet: str | None
    published: Published
    description: str | None
    paragraphs: tuple[str, ...]
    forces: tuple[ForceMention, ...] = ()
    people: tuple[Person, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    figures: tuple[Figure, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        """The `forcewatch parse` contract: one JSON object per article."""
        return {
            "source": self.source,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published.to_json(),
            "description": self.description,
            "paragraphs": list(self.paragraphs),
            "forces": [f.to_json() for f in self.forces],
            "people": [p.to_json() for p in self.people],
            "quotes": [q.to_json() for q in self.quotes],
            "events": [e.to_json() for e in self.events],
            "figures": [f.to_json() for f in self.figures],
            "warnings": list(self.warnings),
        }
