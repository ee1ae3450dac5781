"""Turn one parsed article into the rows and documents the store writes (pure, picklable)."""

from __future__ import annotations

import hashlib
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from .manifest import IndexRow
from .parse import PARSER_VERSION, speaker_key
from .records import ParsedArticle, Person
from .textindex import term_counts
from .tinyfile import encode_json

NO_FORCE = ""  # timeline bucket for events tied to no force


class DocEntry(NamedTuple):
    """One quote, timeline or figure document, with what the commit sorts, routes and counts
    it by. A new document comes serialised (workers share that cost, and a string is small to
    send and to keep); one read back from the store is a dict."""

    order: tuple[int, int] | tuple[int, int, str]  # place within its shard: (article, index[, tf])
    route: str | int  # what picks the shard: speaker key, timeline force or article id
    facts: tuple[Any, ...]  # quotes: (key, speaker, kind, role, org); timelines: (force,)
    doc: dict[str, Any] | str


@dataclass(frozen=True)
class ArticleData:
    """One article ready to store: its index row and its documents for each blob kind."""

    row: IndexRow
    body_json: str  # the body document, serialised here so workers share the cost
    events_count: int  # events in the article (not timeline entries)
    quotes: tuple[DocEntry, ...]
    events: tuple[DocEntry, ...]  # one per timeline an event is filed under
    figures: tuple[DocEntry, ...]
    terms: str  # the article's index terms, separated by spaces
    term_counts: bytes  # how often each occurs, as array("I") bytes

    @property
    def id(self) -> int:
        return self.row.id

    def term_lists(self) -> tuple[list[str], array[int]]:
        """The article's index terms, and how often each occurs."""
        counts = array("I")
        counts.frombytes(self.term_counts)
        return (self.terms.split(" ") if self.terms else []), counts


def quote_entry(doc: dict[str, Any]) -> DocEntry:
    """A stored quote document as an entry."""
    facts = (doc.get("k"), doc.get("s"), doc.get("kind"), doc.get("role"), doc.get("org"))
    return DocEntry((doc.get("a", 0), doc.get("i", 0)), str(doc.get("k", "")), facts, doc)


def event_entry(doc: dict[str, Any]) -> DocEntry:
    """A stored timeline document as an entry."""
    tf = str(doc.get("tf", ""))
    return DocEntry((doc.get("a", 0), doc.get("i", 0), tf), tf, (doc.get("tf"),), doc)


def figure_entry(doc: dict[str, Any]) -> DocEntry:
    """A stored figure document as an entry."""
    return DocEntry((doc.get("a", 0), doc.get("i", 0)), int(doc.get("a", 0)), (), doc)


def article_id(text: str) -> int:
    """A stable id from the decoded text: the first 52 bits of its SHA-256 (safe in JSON/JS)."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()
    return int.from_bytes(digest[:7], "big") >> 4


_QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "‚": "'", "„": '"'})


def normalise_quote(text: str) -> str:
    """The form under which the same quote from two outlets compares equal."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTE_MARKS).casefold()
    text = " ".join(text.split())  # whitespace runs as one space, none at the ends
    # Then no punctuation or symbols at the ends: all that is not a letter or digit.
    start, end = 0, len(text)
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return text[start:end]


def _people_by_key(people: tuple[Person, ...]) -> dict[str, Person]:
    found: dict[str, Person] = {}
    for person in people:
        for name in (person.name, *person.aliases):
            key = speaker_key(name)
            if key and key not in found:
                found[key] = person
    return found


def timeline_forces(force: str | None, kind: str, article_forces: tuple[str, ...]) -> list[str]:
    """The force timelines an event is filed under.

    An event tied to a force goes on that force's timeline. An article's own publication
    with no force goes on the timeline of every force the article mentions; another
    force-less event goes on the timeline of the article's force when it names only one.
    """
    if force:
        return [force]
    if kind == "published" and article_forces:
        return list(article_forces)
    if len(article_forces) == 1:
        return [article_forces[0]]
    return [NO_FORCE]


def prepare(parsed: ParsedArticle, raw: str, source: str) -> ArticleData:
    """Everything the store keeps about one article; `raw` is the decoded file text."""
    aid = article_id(raw)
    forces = tuple(dict.fromkeys(f.name for f in parsed.forces if f.name))
    people = _people_by_key(parsed.people)

    quote_docs: list[DocEntry] = []
    body_quotes: list[dict[str, Any]] = []
    per_speaker: Counter[str] = Counter()
    for quote in parsed.quotes:
        key = speaker_key(quote.speaker) or quote.speaker.strip().casefold()
        person = people.get(key)
        if person is not None:
            # "Ms Roe" quoted in an article that names "Supt Jane Roe": one speaker.
            key = speaker_key(person.name) or key
        per_speaker[key] += 1
        body_quotes.append({**quote.to_json(), "key": key})
        role = person.role if person else None
        org = person.organisation if person else None
        doc = {
            "a": aid,
            "i": len(quote_docs),
            "k": key,
            "s": quote.speaker,
            "kind": quote.speaker_kind,
            "role": role,
            "org": org,
            "t": quote.text,
            "n": normalise_quote(quote.text),
            "p": list(quote.paragraphs),
            "partial": quote.partial,
        }
        facts = (key, quote.speaker, quote.speaker_kind, role, org)
        quote_docs.append(DocEntry((aid, len(quote_docs)), key, facts, encode_json(doc)))

    event_docs: list[DocEntry] = []
    timelines: set[str] = set()
    for index, event in enumerate(parsed.events):
        for tf in timeline_forces(event.force, event.kind, forces):
            timelines.add(tf)
            doc = {
                "a": aid,
                "i": index,
                "tf": tf,
                "f": event.force,
                "d": event.date,
                "pr": event.precision,
                "t": event.text,
                "p": event.paragraph,
                "kind": event.kind,
            }
            event_docs.append(DocEntry((aid, index, tf), tf, (tf,), encode_json(doc)))

    figure_docs = [
        DocEntry((aid, i), aid, (), encode_json({"a": aid, "i": i, **f.to_json()}))
        for i, f in enumerate(parsed.figures)
    ]

    body = parsed.to_json()
    body["quotes"] = body_quotes
    body["source"] = source
    body["raw"] = raw
    body["parser_version"] = PARSER_VERSION
    body["store"] = {
        "speakers": sorted(per_speaker),
        "timelines": sorted(timelines),
        "entries": len(event_docs),
    }
    row = IndexRow(
        id=aid,
        title=parsed.title,
        outlet=parsed.outlet,
        url=parsed.url,
        source=source,
        date=parsed.published.date,
        precision=parsed.published.precision,
        date_source=parsed.published.source,
        forces=forces,
        speakers=tuple(per_speaker.items()),
        quotes=len(parsed.quotes),
        slot=-1,
    )
    terms = term_counts([parsed.title, *(parsed.description or "",), *parsed.paragraphs])
    return ArticleData(
        row=row,
        body_json=encode_json(body),
        events_count=len(parsed.events),
        quotes=tuple(quote_docs),
        events=tuple(event_docs),
        figures=tuple(figure_docs),
        terms=" ".join(terms),
        term_counts=array("I", terms.values()).tobytes(),
    )


def body_terms(body: dict[str, Any]) -> dict[str, int]:
    """Recompute an article's index terms from its stored body (to take it out of the index)."""
    parts = [str(body.get("title") or ""), str(body.get("description") or "")]
    parts.extend(str(p) for p in body.get("paragraphs") or ())
    return term_counts(parts)
