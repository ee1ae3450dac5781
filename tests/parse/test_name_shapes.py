"""What a person's name may hold: particles and peers' titles, but no possessive, no region."""

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
        "peers-by-title-and-one-name",
        [
            "Lord Pennard, a former senior officer, told peers the position was untenable.",
            "Baroness Whitlow said she had been contacted by a woman.",
            "The Lord Chancellor was not in the chamber.",
        ],
        {"Lord Pennard", "Baroness Whitlow"},
    ),
    (
        "peer-named-in-full-first",
        ["Adeline Thorne, a former judge, chaired it.", "Lady Thorne said it would report in May."],
        {"Adeline Thorne"},
    ),
    (
        "alderman-is-a-title",
        ["Alderman Dessie McKibben said the board would ask questions."],
        {"Dessie McKibben"},
    ),
    (
        "age-after-the-name",
        ["The officer pursued Meena Patel, 56, whom he met after a burglary."],
        {"Meena Patel"},
    ),
    (
        "role-and-comma-before-the-name",
        ["Staffordshire Police's Deputy Chief Constable, Helena Brightwater-Okoro, wrote."],
        {"Helena Brightwater-Okoro"},
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
