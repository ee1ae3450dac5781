"""Quick tests inside the quote finder: each shortcut gives the answer of the full test."""

from __future__ import annotations

import re

import pytest
from forcewatch.store.parse.quotemarks import (
    _CONTRACTION,
    _MARKS,
    _mark_kind,
    _paragraph_marks,
)
from forcewatch.store.parse.quotes import (
    _NON_SPACE,
    _TWO_WORDS,
    _UNNAMED,
    _UNNAMED_OPENERS,
    _WATCHDOG_CUES,
    _WATCHDOG_RE,
    _WORD,
    _has_non_space,
    _has_words,
    _is_role_phrase,
    _is_title,
    _may_name_unnamed,
    _phrase_shape,
    _watchdog_paragraphs,
)

MARK_TEXTS = {
    "none": "No marks at all here",
    "ascii-double": 'He said "yes" twice',
    "curly-and-apostrophes": "“It’s the force’s job,” she said, ‘quite’ so",
    "at-edges": "”starts and ends“",
    "every-kind": "\"“”„‟″«»'‘’‚‛′",
    "repeats": "‘a’ ‘b’ “c” “d”",
    "contractions": "in the '90s, 'em and rock 'n' roll, 'yes' ‘til ’90s",
    "other-digits": "in the ‘٩٠s and ‘٩٠ and ‘yes’",
}


def _marks_by_scan(text: str) -> list[tuple[int, str, bool, bool]]:
    """The usable marks of text, each mark found by one regex scan and judged alone."""
    padded = f" {text} "
    found = []
    for m in _MARKS.finditer(text):
        i = m.start()
        kind = _mark_kind(padded[i : i + 3])
        if kind and not (kind[1] and kind[0] == "s" and _CONTRACTION.match(text, i + 1, i + 5)):
            found.append((i, *kind))
    return found


@pytest.mark.parametrize("text", MARK_TEXTS.values(), ids=MARK_TEXTS.keys())
def test_marks_match_a_scan(text: str) -> None:
    """Marks found over the joined article are each paragraph's marks, as a scan of it finds."""
    for article in ([text], [text, "an ASCII 'paragraph'", ""], ["“other” ‘marks’", "", text]):
        found = _paragraph_marks(article)
        for p, paragraph in enumerate(article):
            assert found.get(p, []) == _marks_by_scan(paragraph)


UNNAMED_TEXTS = {
    "the-woman": ("The woman told the hearing", True),
    "one-of-his-victims": ("one of his victims said", True),
    "plain-man": ("a man said", True),
    "capitals": ("THE WOMAN said", True),
    "dotless-i": ("the gırl said", True),  # matched case-insensitively as 'girl'
    "long-s": ("her ſon said", True),  # the long s matches 's' case-insensitively
    "nobody": ("Essex Police said it would appeal", False),
    "no-noun": ("The panel found the case proven", False),
}


@pytest.mark.parametrize(("text", "named"), UNNAMED_TEXTS.values(), ids=UNNAMED_TEXTS.keys())
def test_unnamed_pretest_never_misses(text: str, named: bool) -> None:
    """The cheap pre-test says yes whenever the unnamed-person pattern finds a match."""
    assert (_UNNAMED.search(text) is not None) is named
    if named:
        assert _may_name_unnamed(text)


TITLES = {
    "report-title": ("Shining a Light on Betrayal", "the report ", True),
    "small-words": ("State of the Nation", "titled ", True),
    "speech": ("We have to keep checking", "said: ", False),
    "lower-first": ("at the centre of every case", "had been ", False),
    "odd-small-word": ("Review oF Vetting", "the review ", True),
    "one-word": ("Vetting", "the report ", False),
    "non-ascii-lower": ("Éclair éclair Review", "the report ", False),
    "plain-speech": ("We will not tolerate it", "said: ", False),
    "digits-in-first-word": ("A1 road works Review", "the report ", False),
    "short-second-word": ("We do Not Know", "the film ", False),
    "small-second-word": ("Shining a Light", "the report ", True),
    "capital-second-word": ("Shining Light", "the report ", True),
}


@pytest.mark.parametrize(("text", "before", "title"), TITLES.values(), ids=TITLES.keys())
def test_title_case_quotes(text: str, before: str, title: bool) -> None:
    """Title Case after a title cue is a title; a quote with a lower-case word is speech."""
    assert _is_title(text, before) is title


WORD_TEXTS = {
    "two-words": "We will",
    "one-word": "Vetting",
    "hyphenated": "counter-corruption",
    "apostrophe": "It’s",
    "leading-mark": "‘Yes’ no",
    "double-space": "Yes  no",
    "space-then-mark": "Yes “no”",
    "marks-only": "… —",
    "empty": "",
    "underscore": "_ x",
}


@pytest.mark.parametrize("text", WORD_TEXTS.values(), ids=WORD_TEXTS.keys())
def test_word_counts_match_the_patterns(text: str) -> None:
    """The quick word test answers as the one-word and two-word patterns do."""
    assert _has_words(text, 1) is (_WORD.search(text) is not None)
    assert _has_words(text, 2) is (_TWO_WORDS.search(text) is not None)


SPACED = {
    "sentence-after-stop": (". She said", 1, 10),
    "word-at-start": ("She said", 0, 8),
    "spaces-then-word": ("   x", 0, 4),
    "spaces-only": ("a    b", 1, 5),
    "one-space": ("a b", 1, 2),
    "tab-then-word": ("\tx", 0, 2),
}


@pytest.mark.parametrize(("text", "start", "end"), SPACED.values(), ids=SPACED.keys())
def test_non_space_test_matches_the_pattern(text: str, start: int, end: int) -> None:
    """The quick test for a non-space character answers as the pattern does."""
    assert _has_non_space(text, start, end) is (_NON_SPACE.search(text, start, end) is not None)


def test_unnamed_openers_are_what_the_pattern_opens_with() -> None:
    """Every character the unnamed-person pattern can open with is in the quick test's set."""
    opener = re.compile(r"(?i)[ahost]")  # the pattern's look-ahead, as it is written
    assert _UNNAMED.pattern.startswith("(?=[ahost])")
    found = {chr(c) for c in range(0x110000) if opener.match(chr(c))}
    assert found == set(_UNNAMED_OPENERS)


ROLE_PHRASES = {
    "judge": ("judge", True),
    "chief-constable": ("chief constable", True),
    "officer": ("officer", False),
    "too-short": ("mp", False),
    "digits": ("officer 2", False),
    "police-officer": ("police officer", False),
}


@pytest.mark.parametrize(("phrase", "role"), ROLE_PHRASES.values(), ids=ROLE_PHRASES.keys())
def test_role_phrases(phrase: str, role: bool) -> None:
    """A short lower-case phrase of letters may name a role; bare 'officer' and 'force' never."""
    assert _is_role_phrase(phrase) is role


WATCHDOG_TEXTS = {
    "short-names": ("HMICFRS and the IOPC said", ["HMICFRS", "IOPC"]),
    "long-name": (
        "the Independent Office for Police Conduct said",
        ["Independent Office for Police Conduct"],
    ),
    "longest-first": (
        "Inspectorate of Constabulary and Fire and Rescue",
        ["Inspectorate of Constabulary and Fire"],
    ),
    "inside-words": ("xIOPC and IOPCs and HMICx", []),
    "at-start": ("IPCC files", ["IPCC"]),
}


@pytest.mark.parametrize(("text", "found"), WATCHDOG_TEXTS.values(), ids=WATCHDOG_TEXTS.keys())
def test_watchdog_names_found_whole(text: str, found: list[str]) -> None:
    """Watchdog names are found as whole words, the longer name where both fit."""
    assert _WATCHDOG_RE.findall(text) == found


CUE_ARTICLES = {
    "short-names": ["No body here.", "HMICFRS and the IOPC said", "I said so."],
    "long-names": ["The Independent Office for Police Conduct", "Inspectorate of Constabulary"],
    "across-paragraphs": ["the HM", "IC report", "Indep", "endent review"],
    "capital-i-only": ["I think", "It is", "In time"],
    "none": ["nothing", ""],
}


@pytest.mark.parametrize("paragraphs", CUE_ARTICLES.values(), ids=CUE_ARTICLES.keys())
def test_watchdog_cues_found_by_their_first_letters(paragraphs: list[str]) -> None:
    """The paragraphs where a watchdog cue starts, as a search for each cue finds them."""
    joined = "".join(paragraphs)
    owner = [p for p, text in enumerate(paragraphs) for _ in text]
    expected = {
        owner[i] for cue in _WATCHDOG_CUES for i in range(len(joined)) if joined.startswith(cue, i)
    }
    assert _watchdog_paragraphs(paragraphs) == expected


PHRASES = {
    "pronoun": ("she", "pronoun", "she"),
    "spokesman": ("A force spokesman", "phrase", "force spokesman"),
    "generic-report": ("the report", "generic_noun", "report"),
    "force-name": ("Essex Police", "force_head", True),
    "that-force": ("a spokesman for the force", "that_force_noun", "spokesman"),
    "lower-case-words": ("some people", "may_speak", False),
    "we": ("We", "may_speak", False),
}


@pytest.mark.parametrize(("text", "field", "value"), PHRASES.values(), ids=PHRASES.keys())
def test_phrase_shape(text: str, field: str, value: object) -> None:
    """The words of a subject phrase alone say whether it is a pronoun, a body or a force."""
    shape = _phrase_shape(text)
    assert shape is not None
    assert getattr(shape, field) == value


def test_phrase_shape_of_nothing() -> None:
    """A phrase of spaces and commas has no shape."""
    assert _phrase_shape(" , ") is None
