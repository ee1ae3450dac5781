"""What a person's name may hold: particles, but no possessive, and no region's name."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.people import find_people

# (id, paragraphs, the people expected, exactly)
CASES: list[tuple[str, list[str], set[str]]] = [
    (
        "welsh-particle",
        [
            "The commissioner, Cllr Rhys ap Ifan, said he would seek assurances.",
            "Cllr ap Ifan said the board would meet in May.",
        ],
        {"Rhys ap Ifan"},
    ),
    (
        "possessive-is-no-part-of-a-name",
        [
            "Kieran Ashby, 41, served with the force for 12 years.",
            "Supt Maya Hurst said Kieran Ashby's behaviour was a gross abuse of trust.",
        ],
        {"Kieran Ashby", "Maya Hurst"},
    ),
    (
        "region-is-nobody",
        ["The watchdog's director for the North West, Grant Mulholland, said it was candid."],
        {"Grant Mulholland"},
    ),
    (
        "named-after-said",
        ["\u201cWe are appalled,\u201d said Vikram Maddox, branch secretary at the union."],
        {"Vikram Maddox"},
    ),
    (
        "organisation-after-said-is-nobody",
        ["\u201cWomen deserve better,\u201d said Amnesty International."],
        set(),
    ),
]


@pytest.mark.parametrize(("paragraphs", "names"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_people_found(paragraphs: list[str], names: set[str]) -> None:
    """Exactly these people are found: whole names, each once."""
    assert {p.name for p in find_people(paragraphs).people} == names
