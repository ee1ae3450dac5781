"""Roles and organisations read right after a name, whatever spaces come first."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.people import PersonMention, find_people

# (id, paragraph, expected (name, role, organisation) of the first person)
CASES: list[tuple[str, str, tuple[str, str | None, str | None]]] = [
    (
        "appositive-after-comma",
        "Jane Doe, head of the unit, said so.",
        ("Jane Doe", "head of the unit", None),
    ),
    (
        "appositive-after-space-then-comma",
        "Jane Doe , head of the unit, said so.",
        ("Jane Doe", "head of the unit", None),
    ),
    (
        "appositive-after-two-spaces",
        "Jane Doe  , head of the unit, said so.",
        ("Jane Doe", "head of the unit", None),
    ),
    (
        "organisation-after-space",
        "Jane Doe from Reclaim Trust said so.",
        ("Jane Doe", None, "Reclaim Trust"),
    ),
    (
        "organisation-after-two-spaces",
        "Jane Doe  of Reclaim Trust said so.",
        ("Jane Doe", None, "Reclaim Trust"),
    ),
    (
        "organisation-after-with",
        "Jane Doe with Reclaim Trust said so.",
        ("Jane Doe", None, "Reclaim Trust"),
    ),
    ("other-word-after-space", "Jane Doe said Reclaim Trust knew.", ("Jane Doe", None, None)),
    (
        "role-before-name-after-a-clause",
        "He sent messages that the force's barrister, Rhian Tudor-Owen, described as sexual.",
        ("Rhian Tudor-Owen", "force's barrister", None),
    ),
    (
        "role-before-name-after-said",
        "\u201cWe failed her,\u201d said Kent Police's chief constable, Ann Lowe.",
        ("Ann Lowe", "Kent Police's chief constable", None),
    ),
    (
        "role-before-name",
        "The unit director Jane Doe said so.",
        ("Jane Doe", "unit director", None),
    ),
    ("name-ends-paragraph", "A statement came from Jane Doe ", ("Jane Doe", None, None)),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_role_and_organisation(text: str, expected: tuple[str, str | None, str | None]) -> None:
    """find_people reads the role and organisation next to the first person's name."""
    person = find_people([text]).people[0]
    assert (person.name, person.role, person.organisation) == expected


def test_mentions_compare_by_fields() -> None:
    """Person mentions are equal and hash alike exactly when their fields are."""
    a, b = PersonMention(0, 1, 5, "jane doe"), PersonMention(0, 1, 5, "jane doe")
    assert a == b and hash(a) == hash(b)
    assert a != PersonMention(0, 1, 6, "jane doe")
    assert (a.paragraph, a.start, a.end, a.key) == (0, 1, 5, "jane doe")
