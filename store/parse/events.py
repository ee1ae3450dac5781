"""Dated statements for the per-force timeline, resolved against the publication date."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from typing import Final

from ..records import Event, Published
from .articletext import article_text
from .dates import mentions_by_paragraph, resolve_parts

MAX_EVENT_TEXT: Final = 400


def _names_the_force(sentence: str) -> bool:
    """Whether the sentence speaks of 'the force' (the article's own)."""
    return "the force" in sentence or "the constabulary" in sentence or "the Force" in sentence


def find_events(
    paragraphs: Sequence[str],
    published: Published,
    title: str,
    force_spans: Sequence[Sequence[tuple[int, int, str]]],
    main_force: str | None,
    article_forces: Sequence[str],
) -> tuple[Event, ...]:
    """The publication itself, then each sentence naming a date, tied to the forces it names."""
    events: list[Event] = []
    owners: Sequence[str | None] = article_forces or [None]
    for force in owners:
        events.append(Event(published.date, published.precision, force, title, None, "published"))
    article = article_text(paragraphs)
    for pi, in_para in mentions_by_paragraph(paragraphs):
        spans = force_spans[pi] if pi < len(force_spans) else ()
        sentences = article.sentences(pi)
        places = [m[0] for m in in_para]  # in order
        for start, end, sentence in sentences:
            # A paragraph of one sentence holds all its mentions.
            mentions = (
                in_para[bisect_left(places, start) : bisect_left(places, end)]
                if len(sentences) > 1
                else in_para
            )
            if not mentions:
                continue
            named: list[str | None] = (
                list(dict.fromkeys(name for a, b, name in spans if a >= start and b <= end))
                if spans
                else []
            )
            if not named and main_force and _names_the_force(sentence):
                named = [main_force]
            text = (
                sentence
                if len(sentence) <= MAX_EVENT_TEXT
                else sentence[: MAX_EVENT_TEXT - 1] + "…"
            )
            seen: set[tuple[str | None, str]] = set()
            for _, _, year, month, day, relative in mentions[:3]:
                if relative is None and year is None and month is None:
                    continue
                key = resolve_parts(year, month, day, relative, published.date)
                if key in seen:
                    continue
                seen.add(key)
                date, precision = key
                for force in named or [None]:
                    events.append(Event(date, precision, force, text, pi, "mentioned"))
    return tuple(events)
