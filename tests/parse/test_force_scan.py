"""Force mentions found in one scan of all paragraphs match those found paragraph by paragraph."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.forces import force_spans, paragraph_force_spans
from hypothesis import given, settings
from hypothesis import strategies as st

# (id, paragraphs, [(paragraph index, mention text, force)] expected from the joint scan)
Found = list[tuple[int, str, str]]
CASES: list[tuple[str, list[str], Found]] = [
    ("no-paragraphs", [], []),
    ("empty-paragraphs", ["", "", ""], []),
    (
        "name-opens-each-paragraph",
        ["Kent Police said.", "Essex Police agreed."],
        [(0, "Kent Police", "Kent Police"), (1, "Essex Police", "Essex Police")],
    ),
    (
        "name-ends-a-paragraph-before-a-force-word",
        ["A statement came from Kent", "Police officers later said so."],
        [],
    ),
    (
        "longer-name-not-read-across-paragraphs",
        ["Officers from Kent Police", "Force staff were told."],
        [(0, "Kent Police", "Kent Police")],
    ),
    (
        "name-after-quote-mark-and-bracket",
        ["“Kent Police” and (Essex Police) replied."],
        [(0, "Kent Police", "Kent Police"), (0, "Essex Police", "Essex Police")],
    ),
    (
        "name-after-newline-and-dash",
        ["First line\nKent Police said -Essex Police too."],
        [(0, "Kent Police", "Kent Police"), (0, "Essex Police", "Essex Police")],
    ),
    (
        "glued-to-a-letter-outside-ascii",
        ["éKent Police and ΣKent Police are no names; Kent Police is."],
        [(0, "Kent Police", "Kent Police")],
    ),
    (
        "glued-to-a-digit-or-underscore",
        ["5Kent Police and _Kent Police, unlike Kent Police."],
        [(0, "Kent Police", "Kent Police")],
    ),
    (
        "nul-inside-a-paragraph",
        ["Kent\x00Police, then \x00Essex Police."],
        [(0, "Essex Police", "Essex Police")],
    ),
    (
        "dotted-capital-i-lowers-to-two-characters",
        ["İstanbul visitors met Kent Police.", "Essex Police too."],
        [(0, "Kent Police", "Kent Police"), (1, "Essex Police", "Essex Police")],
    ),
    (
        "conjunct-in-second-paragraph",
        ["Nothing here.", "Kent and Essex Police attended."],
        [(1, "Kent", "Kent Police"), (1, "Essex Police", "Essex Police")],
    ),
    (
        "office-not-force-in-first-paragraph",
        ["Kent Police and Crime Commissioner spoke.", "Kent Police did not."],
        [(1, "Kent Police", "Kent Police")],
    ),
]


@pytest.mark.parametrize(
    ("paragraphs", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_joint_scan_finds_each_paragraphs_mentions(paragraphs: list[str], expected: Found) -> None:
    """paragraph_force_spans gives each paragraph's mentions, the same as force_spans does."""
    found = paragraph_force_spans(paragraphs)
    assert found == [force_spans(p) for p in paragraphs]
    assert [
        (i, paragraphs[i][s:e], name) for i, spans in enumerate(found) for s, e, name in spans
    ] == expected


_PIECES = st.sampled_from(
    [
        *("Kent", "kent", "Police", "police", "Essex", "Met", "the", "and", "&", "’s", "'s"),
        *("North", "South", "Wales", "officers", "in", "Office", "New", "Scotland", "Yard"),
        *(" ", "  ", "-", "—", "\n", "\x00", "“", "(", ",", "é", "İ", "Σ", "5", "_", "K"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=14).map("".join), max_size=4))
def test_joint_scan_matches_paragraph_scans(paragraphs: list[str]) -> None:
    """Joined or not, the scan finds the same spans in paragraphs built from name parts."""
    assert paragraph_force_spans(paragraphs) == [force_spans(p) for p in paragraphs]
