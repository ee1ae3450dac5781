"""Frozen records that the parser produces from one article's text."""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Literal, TypeVar

Precision = Literal["day", "month", "year", "unknown"]
DateSource = Literal["front_matter", "dateline", "url", "none"]
SpeakerKind = Literal["person", "organisation"]


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _ints(value: Any) -> tuple[int, ...]:
    return tuple(v for v in value if isinstance(v, int)) if isinstance(value, list) else ()


def _choice(value: Any, allowed: tuple[str, ...]) -> Any:
    return value if value in allowed else allowed[-1]


_PRECISIONS = ("day", "month", "year", "unknown")
_DATE_SOURCES = ("front_matter", "dateline", "url", "none")

_Record = TypeVar("_Record")


def _direct_init(cls: type[_Record]) -> type[_Record]:
    """Give a frozen dataclass an __init__ that writes its fields straight into the instance's
    __dict__. The one dataclass generates sets them one at a time through object.__setattr__,
    several times slower, and the parser makes thousands of records. The new __init__ takes
    the same parameters: every field, in order, with its default."""
    scope: dict[str, Any] = {}
    params: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: default factories are not supported")
        if f.default is MISSING:
            params.append(f.name)
        else:
            scope[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    values[{f.name!r}] = {f.name}\n" for f in fields(cls))  # type: ignore[arg-type]
    source = f"def __init__(self, {', '.join(params)}):\n    values = self.__dict__\n{body}"
    exec(source, scope)  # the source holds only the class's own field names, as dataclass's does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    setattr(cls, "__init__", init)  # noqa: B010 - mypy refuses assigning a method
    return cls


@_direct_init
@dataclass(frozen=True)
class Published:
    """When an article was published, how precisely, and where that came from."""

    date: str | None = None  # "YYYY-MM-DD", "YYYY-MM", "YYYY" or None
    precision: Precision = "unknown"
    source: DateSource = "none"

    def to_json(self) -> dict[str, Any]:
        return {"date": self.date, "precision": self.precision, "source": self.source}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Published:
        """The inverse of to_json; unknown values fall back to the defaults."""
        return cls(
            date=_opt(data.get("date")),
            precision=_choice(data.get("precision"), _PRECISIONS),
            source=_choice(data.get("source"), _DATE_SOURCES),
        )


@_direct_init
@dataclass(frozen=True)
class ForceMention:
    """A police force named in an article, with its mention count and paragraphs."""

    name: str
    mentions: int
    paragraphs: tuple[int, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "mentions": self.mentions, "paragraphs": list(self.paragraphs)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ForceMention:
        """The inverse of to_json."""
        return cls(
            name=_text(data.get("name")),
            mentions=_int(data.get("mentions")),
            paragraphs=_ints(data.get("paragraphs")),
        )


@_direct_init
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Person:
        """The inverse of to_json."""
        aliases = data.get("aliases")
        return cls(
            name=_text(data.get("name")),
            title=_opt(data.get("title")),
            role=_opt(data.get("role")),
            organisation=_opt(data.get("organisation")),
            aliases=tuple(a for a in aliases if isinstance(a, str))
            if isinstance(aliases, list)
            else (),
            paragraph=_int(data.get("paragraph")),
        )


@_direct_init
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        """The inverse of to_json."""
        return cls(
            speaker=_text(data.get("speaker")),
            text=_text(data.get("text")),
            paragraphs=_ints(data.get("paragraphs")),
            partial=data.get("partial") is True,
            speaker_kind=_choice(data.get("speaker_kind"), ("organisation", "person")),
        )


@_direct_init
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Event:
        """The inverse of to_json."""
        paragraph = data.get("paragraph")
        return cls(
            date=_opt(data.get("date")),
            precision=_choice(data.get("precision"), _PRECISIONS),
            force=_opt(data.get("force")),
            text=_text(data.get("text")),
            paragraph=paragraph if isinstance(paragraph, int) else None,
            kind=_choice(data.get("kind"), ("published", "mentioned")),
        )


@_direct_init
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        """The inverse of to_json."""
        number = data.get("number")
        return cls(
            value=_text(data.get("value")),
            number=float(number) if isinstance(number, int | float) else None,
            counts=_text(data.get("counts")),
            sentence=_text(data.get("sentence")),
            paragraph=_int(data.get("paragraph")),
        )


@_direct_init
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

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ParsedArticle:
        """The inverse of to_json; malformed items are dropped, never raised."""

        def items(key: str) -> list[dict[str, Any]]:
            value = data.get(key)
            return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []

        def texts(key: str) -> tuple[str, ...]:
            value = data.get(key)
            return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()

        published = data.get("published")
        return cls(
            source=_text(data.get("source")),
            title=_text(data.get("title")),
            url=_opt(data.get("url")),
            outlet=_opt(data.get("outlet")),
            published=Published.from_json(published if isinstance(published, dict) else {}),
            description=_opt(data.get("description")),
            paragraphs=texts("paragraphs"),
            forces=tuple(ForceMention.from_json(v) for v in items("forces")),
            people=tuple(Person.from_json(v) for v in items("people")),
            quotes=tuple(Quote.from_json(v) for v in items("quotes")),
            events=tuple(Event.from_json(v) for v in items("events")),
            figures=tuple(Figure.from_json(v) for v in items("figures")),
            warnings=texts("warnings"),
        )
