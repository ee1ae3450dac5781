"""Dated statements for the per-force timeline, resolved against the publication date."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event, Published
from .dates import find_dates_in, resolve
from .sentences import sentences

MAX_EVENT_TEXT = 400
_FORCE_WORDS = ("the force", "the constabulary", "the Force")


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
    for force in article_forces or [None]:  # type: ignore[list-item]
        events.append(Event(published.date, published.precision, force, title, None, "published"))
    dated = find_dates_in(paragraphs)
    for pi, para in enumerate(paragraphs):
        spans = force_spans[pi] if pi < len(force_spans) else ()
        in_para = dated[pi]
        if not in_para:
            continue
        for start, end, sentence in sentences(para):
            mentions = [m for m in in_para if start <= m.start < end]
            if not mentions:
                continue
            named = list(dict.fromkeys(name for a, b, name in spans if a >= start and b <= end))
            if not named and main_force and any(w in sentence for w in _FORCE_WORDS):
                named = [main_force]
            text = (
                sentence
                if len(sentence) <= MAX_EVENT_TEXT
                else sentence[: MAX_EVENT_TEXT - 1] + "…"
            )
            seen: set[tuple[str | None, str]] = set()
            for mention in mentions[:3]:
                if mention.relative is None and mention.year is None and mention.month is None:
                    continue
                date, precision = resolve(mention, published.date)
                key = (date, precision)
                if key in seen:
                    continue
                seen.add(key)
                for force in named or [None]:  # type: ignore[list-item]
                    events.append(Event(date, precision, force, text, pi, "mentioned"))
    return tuple(events)
