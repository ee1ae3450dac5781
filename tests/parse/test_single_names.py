"""People known by one name: pseudonyms and first names that speak, and unnamed speakers."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.parse.people import find_people

# (id, paragraphs, names expected among the people)
PEOPLE: list[tuple[str, list[str], set[str]]] = [
    (
        "identified-only-as",
        ["One of the women, who asked to be identified only as Megan, spoke to us."],
        {"Megan"},
    ),
    (
        "referred-to-as",
        ["The first woman, who asked to be referred to as Hannah, gave evidence."],
        {"Hannah"},
    ),
    ("we-are-calling", ["The woman, who we are calling Jess, was 23 at the time."], {"Jess"}),
    ("not-her-real-name", ["Aroha (not her real name) reported him in 2021."], {"Aroha"}),
    (
        "first-name-speaks",
        ["\u201cAt first I was flattered,\u201d Lauren, now 34, told the paper."],
        {"Lauren"},
    ),
    ("said-first-name", ["\u201cHe had all the power,\u201d said Hannah."], {"Hannah"}),
    (
        "role-before-name",
        ["The panel, chaired by legally qualified chair Rowena Pike, rejected his account."],
        {"Rowena Pike"},
    ),
]

NOT_PEOPLE: list[tuple[str, list[str], str]] = [
    ("be-called-a-name-of-two-words", ["She asked to be called Jane Roe."], "Jane"),
    ("known-as-two-words", ["The scheme, known as Operation Hydrant, began."], "Operation"),
    ("unknown-word-speaks", ["\u201cWe will act,\u201d Police said."], "Police"),
    ("sentence-start", ["Grant said the force would act."], "Grant"),
]


@pytest.mark.parametrize(
    ("paragraphs", "names"), [c[1:] for c in PEOPLE], ids=[c[0] for c in PEOPLE]
)
def test_single_names_are_people(paragraphs: list[str], names: set[str]) -> None:
    """A pseudonym, or a known first name used alone as a speaker, is a person."""
    found = {p.name for p in find_people(paragraphs).people}
    assert names <= found


@pytest.mark.parametrize(
    ("paragraphs", "word"), [c[1:] for c in NOT_PEOPLE], ids=[c[0] for c in NOT_PEOPLE]
)
def test_other_single_words_are_not_people(paragraphs: list[str], word: str) -> None:
    """Capitalised words that are no pseudonym and no speaking first name are nobody."""
    assert word not in {p.name for p in find_people(paragraphs).people}


def test_first_name_alone_stands_for_the_full_name() -> None:
    """After 'Lauren Hale' is named, 'Lauren said' is hers, not a new person's."""
    index = find_people(
        ["Lauren Hale reported the officer.", "\u201cI was scared,\u201d Lauren said."]
    )
    assert [p.name for p in index.people] == ["Lauren Hale"]
    assert [m.paragraph for m in index.mentions] == [0, 1]


# (id, article text, expected speaker of its one quote)
SPEAKERS: list[tuple[str, str, str]] = [
    (
        "pseudonym-then-she",
        "Officer jailed\n\nThe woman, who we are calling Jess, reported him.\n\n"
        "\u201cI was still covered in bruises,\u201d she said.",
        "Jess",
    ),
    (
        "one-woman-then-she",
        "Officer jailed\n\nDaniel Okoro, 41, was jailed.\n\n"
        "One woman told the court she had been terrified.\n\n"
        "\u201cHe knew my address,\u201d she said.",
        "Unnamed woman",
    ),
    (
        "one-of-the-women",
        "Officer jailed\n\nIn a statement read to the court, one of the women said: "
        "\u201cI have not called the police since.\u201d",
        "Unnamed woman",
    ),
    (
        "possessive-mother",
        "Officer jailed\n\nThe decision was criticised by the woman's mother, who said the "
        "family felt let down.\n\n\u201cShe did the right thing,\u201d she said.",
        "Unnamed mother",
    ),
    (
        "asked-to-be-called",
        "Officer jailed\n\nThe woman who reported him, who asked to be called Kirsty, said "
        "another officer had warned her.\n\n\u201cI was told he was a good lad,\u201d she said.",
        "Kirsty",
    ),
    (
        "clause-after-a-modifier",
        "Officer jailed\n\nOne of the women he targeted, who asked to be identified only as "
        "Megan, put it well.\n\n\u201cEvery time I reported him, nobody listened,\u201d she said.",
        "Megan",
    ),
    (
        "the-force-just-named",
        "Forces slow to act\n\nThe Met said it had more investigators. The Met was praised.\n\n"
        "GMP said in a statement that it had a new team. \u201cWe know there is more to do,\u201d "
        "the force said.",
        "Greater Manchester Police",
    ),
    (
        "sir-and-first-name",
        "Review published\n\nChief Constable Sir Patrick Vellacott commissioned the review.\n\n"
        "\u201cWe did not join the dots,\u201d Sir Patrick said.",
        "Patrick Vellacott",
    ),
    (
        "ordinal-kept",
        "Officer jailed\n\nThe first woman gave evidence on Monday.\n\n"
        "The second woman, who met him after a crash, said: \u201cI trusted him.\u201d",
        "Unnamed second woman",
    ),
    (
        "spokesperson-for-a-force",
        "Officer dismissed\n\nA spokesperson for Scotland Yard said: \u201cHis conduct fell far "
        "short of what we expect.\u201d",
        "Metropolitan Police Service spokesperson",
    ),
    (
        "force-spokesperson",
        "Officer jailed\n\nDevon & Cornwall Police confirmed an officer was suspended.\n\n"
        "A force spokesperson said: \u201cWe understand how distressing this is.\u201d",
        "Devon and Cornwall Police spokesperson",
    ),
]


@pytest.mark.parametrize(
    ("text", "speaker"), [c[1:] for c in SPEAKERS], ids=[c[0] for c in SPEAKERS]
)
def test_quotes_go_to_single_named_and_unnamed_speakers(text: str, speaker: str) -> None:
    """Quotes are attributed to pseudonyms, one unnamed person, and a force's spokesperson."""
    quotes = parse_article(text, "case.txt").quotes
    assert [q.speaker for q in quotes] == [speaker]
