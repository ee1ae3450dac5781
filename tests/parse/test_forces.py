"""Police force gazetteer and force-mention detection."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.forces import (
    all_forces,
    canonical_force,
    find_forces,
    force_info,
    force_spans,
    tally,
)
from forcewatch.store.parse.gazetteer import FORCES, territorial_england_and_wales
from hypothesis import given, settings
from hypothesis import strategies as st

HAMPSHIRE = "Hampshire and Isle of Wight Constabulary"
MET = "Metropolitan Police Service"
PSNI = "Police Service of Northern Ireland"

# (id, paragraphs, expected [(force, mentions, paragraph indexes)] in order of first mention)
Expected = list[tuple[str, int, tuple[int, ...]]]
CASES: list[tuple[str, list[str], Expected]] = [
    (
        "official-name",
        ["Kent Police said two constables had been dismissed after a hearing."],
        [("Kent Police", 1, (0,))],
    ),
    (
        "lower-case-force-word",
        ["A spokesman for Hampshire police confirmed the officer had resigned."],
        [(HAMPSHIRE, 1, (0,))],
    ),
    (
        "former-name-maps-to-current-force",
        ["The inquiry was led by Hampshire Constabulary before the force was renamed."],
        [(HAMPSHIRE, 1, (0,))],
    ),
    (
        "hampshire-variants-count-together",
        ["Hampshire Police, Hants police and the Isle of Wight police are one force."],
        [(HAMPSHIRE, 3, (0,))],
    ),
    (
        "police-in-area",
        ["Police in Kent have arrested a serving constable; officers in Dorset are assisting."],
        [("Kent Police", 1, (0,)), ("Dorset Police", 1, (0,))],
    ),
    (
        "living-in-an-area-is-not-a-mention",
        ["The sergeant, who lives in Kent, was suspended."],
        [],
    ),
    (
        "short-county-alias",
        ["Inspectors praised Notts police for its vetting backlog work."],
        [("Nottinghamshire Police", 1, (0,))],
    ),
    (
        "all-capitals-headline",
        ["NORTHAMPTONSHIRE POLICE SACKS SERGEANT OVER MESSAGES"],
        [("Northamptonshire Police", 1, (0,))],
    ),
    (
        "northants-alias",
        ["Northants Police opened a misconduct case in March."],
        [("Northamptonshire Police", 1, (0,))],
    ),
    (
        "met-aliases",
        [
            "The Met said the Metropolitan Police Service had referred itself, and a "
            "Scotland Yard source added that Met Police vetting would be reviewed."
        ],
        [(MET, 4, (0,))],
    ),
    (
        "met-possessive-and-officer",
        ["A former Met officer was barred after the Met's professional standards unit acted."],
        [(MET, 2, (0,))],
    ),
    (
        "met-roles",
        ["A Met spokeswoman said the Met Commissioner had met the family."],
        [(MET, 2, (0,))],
    ),
    (
        "met-the-verb-is-not-the-force",
        ["Two officers met police chiefs and later met with the watchdog."],
        [],
    ),
    (
        "met-office-is-not-the-force",
        ["The Met Office issued a warning and the Met Gala was cancelled."],
        [],
    ),
    (
        "lower-case-metropolitan-is-generic",
        ["Large metropolitan police forces face the heaviest caseloads."],
        [],
    ),
    (
        "acronyms",
        ["GMP, the PSNI and BTP each sent figures to the inspectorate."],
        [
            ("Greater Manchester Police", 1, (0,)),
            (PSNI, 1, (0,)),
            ("British Transport Police", 1, (0,)),
        ],
    ),
    (
        "acronyms-need-capitals",
        ["The gmp manufacturing rules and a btp spreadsheet were cited."],
        [],
    ),
    (
        "ruc-is-psni",
        ["Her father served in the Royal Ulster Constabulary; the RUC later became the PSNI."],
        [(PSNI, 3, (0,))],
    ),
    (
        "pre-2013-scottish-forces-are-their-own",
        ["Strathclyde Police and Grampian Police merged into Police Scotland in 2013."],
        [
            ("Strathclyde Police", 1, (0,)),
            ("Grampian Police", 1, (0,)),
            ("Police Scotland", 1, (0,)),
        ],
    ),
    (
        "bare-area-listed-after-a-force",
        ["Smaller forces such as Dyfed-Powys and North Wales recorded fewer than 20."],
        [("Dyfed-Powys Police", 1, (0,)), ("North Wales Police", 1, (0,))],
    ),
    (
        "bare-area-after-or",
        ["I'd say the same to colleagues in Greater Manchester Police or Merseyside."],
        [("Greater Manchester Police", 1, (0,)), ("Merseyside Police", 1, (0,))],
    ),
    (
        "bare-area-alone-is-a-place",
        ["A former detective now living in Merseyside said he was told to drop it."],
        [],
    ),
    (
        "area-with-its-own-force-word-counted-once",
        ["Kent Police, Sussex and Surrey Police share a unit."],
        [("Kent Police", 1, (0,)), ("Sussex Police", 1, (0,)), ("Surrey Police", 1, (0,))],
    ),
    (
        "longest-match-north-yorkshire",
        ["North Yorkshire Police said the review was complete."],
        [("North Yorkshire Police", 1, (0,))],
    ),
    (
        "north-and-south-yorkshire-distinct",
        ["South Yorkshire Police worked with North Yorkshire Police on the case."],
        [("South Yorkshire Police", 1, (0,)), ("North Yorkshire Police", 1, (0,))],
    ),
    (
        "west-midlands-not-midlands",
        ["West Midlands Police leads, while other Midlands police teams assist."],
        [("West Midlands Police", 1, (0,))],
    ),
    (
        "greater-manchester-not-manchester",
        ["Greater Manchester Police issued the statement."],
        [("Greater Manchester Police", 1, (0,))],
    ),
    (
        "city-of-london-not-met",
        ["City of London Police took over the fraud inquiry."],
        [("City of London Police", 1, (0,))],
    ),
    (
        "city-alias",
        ["Manchester police arrested a constable on Tuesday."],
        [("Greater Manchester Police", 1, (0,))],
    ),
    (
        "area-with-officer-words",
        [
            "Surrey officers searched the flat.",
            "A Durham policeman gave evidence.",
            "Lancashire cops were praised.",
            "Cumbria’s police force apologised.",
        ],
        [
            ("Surrey Police", 1, (0,)),
            ("Durham Constabulary", 1, (1,)),
            ("Lancashire Constabulary", 1, (2,)),
            ("Cumbria Constabulary", 1, (3,)),
        ],
    ),
    (
        "dyfed-powys-dash-variants",
        ["Dyfed-Powys Police, Dyfed Powys police and Dyfed–Powys Police are one force."],
        [("Dyfed-Powys Police", 3, (0,))],
    ),
    (
        "hyphenated-compound",
        ["The Essex Police-led operation ended in May."],
        [("Essex Police", 1, (0,))],
    ),
    (
        "pcc-is-an-office",
        ["Northamptonshire Police and Crime Commissioner Jane Doe welcomed the report."],
        [],
    ),
    (
        "pfcc-is-an-office",
        ["The Northamptonshire Police, Fire and Crime Commissioner asked for a briefing."],
        [],
    ),
    (
        "pcc-for-area-is-an-office",
        ["The Police and Crime Commissioner for Kent will hold the chief to account."],
        [],
    ),
    (
        "possessive-pcc-is-an-office",
        ["Kent's police and crime commissioner attended."],
        [],
    ),
    (
        "federation-is-not-the-force",
        ["The Northamptonshire Police Federation said members were worried."],
        [],
    ),
    (
        "crime-panel-is-not-the-force",
        ["The Hampshire Police and Crime Panel will question the commissioner."],
        [],
    ),
    (
        "police-authority-is-not-the-force",
        ["The British Transport Police Authority approved the budget."],
        [],
    ),
    (
        "office-then-force",
        ["The Kent Police and Crime Commissioner said Kent Police must improve."],
        [("Kent Police", 1, (0,))],
    ),
    (
        "professional-standards-is-the-force",
        [
            "An inspector from Northamptonshire Police Professional Standards spoke.",
            "Northamptonshire Police's professional standards department investigated.",
        ],
        [("Northamptonshire Police", 2, (0, 1))],
    ),
    (
        "urls-are-not-mentions",
        [
            "Details are at https://www.example.org/GMP/report and northants.police.uk today.",
            "See www.kent-police.example.com for the appeal.",
        ],
        [],
    ),
    (
        "mention-beside-a-url-still-counts",
        ["Essex Police (www.essex.police.uk) published the outcome."],
        [("Essex Police", 1, (0,))],
    ),
    (
        "read-more-link-line",
        ["Read more: Essex Police launch appeal after seaside assault"],
        [],
    ),
    (
        "generic-police-and-forces",
        [
            "Police forces across the country must act, and forces in England and Wales "
            "were told the force should review vetting."
        ],
        [],
    ),
    (
        "bare-area-names",
        ["Essex County Council met in Nottingham while Kent residents protested."],
        [],
    ),
    (
        "conjoined-areas",
        ["Kent and Essex Police share a serious crime directorate."],
        [("Kent Police", 1, (0,)), ("Essex Police", 1, (0,))],
    ),
    (
        "conjoined-directions",
        ["North and South Wales Police signed the agreement."],
        [("North Wales Police", 1, (0,)), ("South Wales Police", 1, (0,))],
    ),
    (
        "conjoined-list",
        ["Bedfordshire, Cambridgeshire and Hertfordshire police run a joint unit."],
        [
            ("Bedfordshire Police", 1, (0,)),
            ("Cambridgeshire Constabulary", 1, (0,)),
            ("Hertfordshire Constabulary", 1, (0,)),
        ],
    ),
    (
        "conjunct-never-recounts-a-mention",
        ["Both the Met and City of London Police said so."],
        [(MET, 1, (0,)), ("City of London Police", 1, (0,))],
    ),
    (
        "special-forces",
        ["The Civil Nuclear Constabulary and the MoD Police guard the site."],
        [("Civil Nuclear Constabulary", 1, (0,)), ("Ministry of Defence Police", 1, (0,))],
    ),
    (
        "overseas-namesakes",
        ["New South Wales Police and New Hampshire police officers visited New Jersey."],
        [],
    ),
    (
        "nca-is-not-a-force",
        ["The National Crime Agency and the College of Policing were consulted."],
        [],
    ),
    (
        "counts-and-paragraphs-in-first-mention-order",
        [
            "Avon and Somerset Police opened the case.",
            "Wiltshire Police later joined.",
            "No force is named here.",
            "Avon and Somerset Police and Wiltshire Police then wrote to Avon and Somerset Police.",
        ],
        [("Avon and Somerset Police", 3, (0, 3)), ("Wiltshire Police", 2, (1, 3))],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_find_forces(paragraphs: list[str], expected: Expected) -> None:
    """find_forces names each force once, with its mention count and paragraphs, in order."""
    got = [(m.name, m.mentions, m.paragraphs) for m in find_forces(paragraphs)]
    assert got == expected


SPAN_CASES = [
    ("met-short-form", "Then the Met said no.", [("the Met", MET)]),
    ("gwent", "Officers from Gwent Police attended.", [("Gwent Police", "Gwent Police")]),
    (
        "conjunct-span-is-the-area",
        "Kent and Essex Police agreed.",
        [("Kent", "Kent Police"), ("Essex Police", "Essex Police")],
    ),
    (
        "curly-apostrophe",
        "Sussex’s police force responded.",
        [("Sussex’s police force", "Sussex Police")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), [c[1:] for c in SPAN_CASES], ids=[c[0] for c in SPAN_CASES]
)
def test_force_spans(text: str, expected: list[tuple[str, str]]) -> None:
    """force_spans gives the exact characters of each mention and its canonical force."""
    assert [(text[s:e], name) for s, e, name in force_spans(text)] == expected


CANONICAL_CASES = [
    ("official", "Derbyshire Constabulary", "Derbyshire Constabulary"),
    ("the-met", "the Met", MET),
    ("met-police", "met police", MET),
    ("scotland-yard", "Scotland Yard", MET),
    ("hampshire-police", "Hampshire police", HAMPSHIRE),
    ("hampshire-constabulary", "Hampshire Constabulary", HAMPSHIRE),
    ("notts", "Notts Police", "Nottinghamshire Police"),
    ("northants", "NORTHANTS POLICE", "Northamptonshire Police"),
    ("psni", "PSNI", PSNI),
    ("ruc", "Royal Ulster Constabulary", PSNI),
    ("tayside-legacy", "Tayside Police", "Tayside Police"),
    ("west-mids", "West Mids Police", "West Midlands Police"),
    ("dyfed-powys-space", "Dyfed Powys Police", "Dyfed-Powys Police"),
    ("bare-area", "Kent", None),
    ("nca", "National Crime Agency", None),
    ("empty", "", None),
]


@pytest.mark.parametrize(
    ("name", "expected"), [c[1:] for c in CANONICAL_CASES], ids=[c[0] for c in CANONICAL_CASES]
)
def test_canonical_force(name: str, expected: str | None) -> None:
    """canonical_force maps any official, former or alias name to one canonical name."""
    assert canonical_force(name) == expected


def test_tally_of_spans_equals_find_forces() -> None:
    """Tallying per-paragraph spans gives the same forces as scanning the paragraphs."""
    paragraphs = [
        "Gwent Police and the Met met on Monday.",
        "",
        "Officers from Gwent Police, GMP and Kent and Essex Police attended.",
    ]
    found = find_forces(paragraphs)
    assert tally([force_spans(p) for p in paragraphs]) == found
    assert [(m.name, m.mentions, m.paragraphs) for m in found] == [
        ("Gwent Police", 2, (0, 2)),
        (MET, 1, (0,)),
        ("Greater Manchester Police", 1, (2,)),
        ("Kent Police", 1, (2,)),
        ("Essex Police", 1, (2,)),
    ]


def test_force_info_gives_the_gazetteer_entry() -> None:
    """force_info returns the entry, with kind and nation, for any of a force's names."""
    info = force_info("Notts police")
    assert info is not None
    assert (info.name, info.kind, info.nation) == (
        "Nottinghamshire Police",
        "territorial",
        "england",
    )
    btp = force_info("BTP")
    assert btp is not None and btp.kind == "special"
    assert force_info("Nottingham") is None


def test_gazetteer_has_every_territorial_and_national_force() -> None:
    """The gazetteer holds the 43 forces of England and Wales, Scotland, the PSNI and BTP."""
    ew = territorial_england_and_wales()
    assert len(ew) == 43
    assert len({f.name for f in ew}) == 43
    assert sum(f.nation == "wales" for f in ew) == 4
    names = set(all_forces())
    for name in ("Police Scotland", PSNI, "British Transport Police", MET, HAMPSHIRE):
        assert name in names
    assert "National Crime Agency" not in names
    assert len(names) == len(FORCES)


def test_every_gazetteer_name_resolves_to_its_force() -> None:
    """Each official, alias and former name maps back to the force that lists it."""
    for force in FORCES:
        for name in (force.name, *force.aliases, *force.former):
            assert canonical_force(name) == force.name, name


def test_every_official_name_is_found_in_text() -> None:
    """Each force's official name, written in a sentence, is detected as that force."""
    for force in FORCES:
        text = f"A statement from {force.name} followed."
        assert [name for _s, _e, name in force_spans(text)] == [force.name], force.name


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_force_spans_never_raise(text: str) -> None:
    """Any text gives in-bounds, ordered spans naming known forces, never an exception."""
    spans = force_spans(text)
    known = set(all_forces())
    assert spans == sorted(spans)
    for start, end, name in spans:
        assert 0 <= start < end <= len(text)
        assert name in known
