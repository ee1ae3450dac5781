"""Each record's own __init__ takes exactly its fields and leaves it a frozen dataclass."""

from __future__ import annotations

import dataclasses
import inspect
from typing import Any

import pytest
from forcewatch.store.records import (
    Event,
    Figure,
    ForceMention,
    ParsedArticle,
    Person,
    Published,
    Quote,
)

PUBLISHED = Published("2024-03-01", "day", "dateline")
SAMPLES: list[tuple[str, Any]] = [
    ("published", PUBLISHED),
    ("force", ForceMention("Kent Police", 3, (0, 2))),
    ("person", Person("Jane Smith", "PC", "officer", "Kent Police", ("Smith",), 2)),
    ("quote", Quote("Jane Smith", "It was wrong.", (3,), True, "organisation")),
    ("event", Event("2024-03", "month", "Kent Police", "Dismissed.", 4, "published")),
    ("figure", Figure("12", 12.0, "officers", "12 officers were dismissed.", 5)),
    (
        "article",
        ParsedArticle(
            "a.txt",
            "Officer dismissed",
            "https://example.org/a",
            "Example",
            PUBLISHED,
            "Summary",
            ("One.", "Two."),
            (ForceMention("Kent Police", 1),),
            (Person("Jane Smith"),),
            (Quote("Jane Smith", "Words.", (1,)),),
            (Event(None, "unknown", None, "Text."),),
            (Figure("3", 3.0, "cases", "3 cases.", 0),),
            ("a warning",),
        ),
    ),
]
IDS = [name for name, _ in SAMPLES]
RECORDS = [record for _, record in SAMPLES]


def _default(f: dataclasses.Field[Any]) -> Any:
    if f.default is not dataclasses.MISSING:
        return f.default
    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return inspect.Parameter.empty


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_init_takes_the_fields_in_order_with_their_defaults(record: Any) -> None:
    """The direct __init__ names every field, in field order, with the field's default."""
    cls = type(record)
    params = list(inspect.signature(cls).parameters.values())
    assert [(p.name, p.default) for p in params] == [
        (f.name, _default(f)) for f in dataclasses.fields(cls)
    ]


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_record_is_built_alike_by_position_keyword_and_json(record: Any) -> None:
    """Positional, keyword and from_json construction give equal, equally hashed records."""
    cls = type(record)
    values = [getattr(record, f.name) for f in dataclasses.fields(cls)]
    by_keyword = cls(**{f.name: v for f, v in zip(dataclasses.fields(cls), values, strict=True)})
    by_json = cls.from_json(record.to_json())
    assert cls(*values) == by_keyword == by_json == record
    assert hash(by_keyword) == hash(by_json) == hash(record)
    assert dataclasses.astuple(by_json) == dataclasses.astuple(record)


@pytest.mark.parametrize("record", RECORDS, ids=IDS)
def test_record_stays_frozen(record: Any) -> None:
    """Assigning to a field fails; replace() gives a changed copy and leaves the record alone."""
    first = dataclasses.fields(record)[0]
    before = getattr(record, first.name)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, first.name, "changed")
    changed = dataclasses.replace(record, **{first.name: "changed"})
    assert getattr(changed, first.name) == "changed" and getattr(record, first.name) == before
