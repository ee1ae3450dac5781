"""Properties of the parser on any text: no exception, quotes from the text, valid references."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.records import ParsedArticle
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]

# A shared two-core machine stalls now and then: a generous deadline still catches a hang.
PROPERTY_SETTINGS = settings(
    max_examples=120,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow],
)

# Any code point except surrogates (which cannot be in decoded text): controls, marks,
# every quote mark, bidi overrides, line and paragraph separators.
ANY_CHAR = st.characters(codec="utf-8")

# Pieces of news prose that steer the parser into its quote, name, date and Markdown paths.
FRAGMENTS = (
    "\n",
    "\n\n",
    "\r\n",
    " ",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "″",
    "--- ",
    "---\n",
    "```yaml\n",
    "```\n",
    "title: ",
    "date: 2021-03-04\n",
    "url: https://www.bbc.co.uk/news/uk-2017-10-06\n",
    "said",
    " said: ",
    ", said ",
    " she said.",
    " he added",
    " they said",
    "according to the report, ",
    "the report said",
    "Supt Jane Doe",
    "Ch Supt Zoë Ávila-Smith",
    "Mr Doe",
    "Stephen Mold, the commissioner,",
    "HMICFRS",
    "the force",
    "Kent Police",
    "the Met",
    "Police Scotland",
    "Northamptonshire Police and Crime Commissioner",
    "Friday, 6th October 2017, 11:03 am",
    "Updated 7 October 2017",
    "in December 2016",
    "next year",
    "this week (October 2)",
    "436 allegations",
    "48 per cent",
    "two-thirds of forces",
    "Hide Ad",
    "Read more: ",
    "Sign up to our newsletter",
    "**",
    "*",
    "_",
    "# ",
    "- ",
    "[link](https://x.example/a)",
    "![img](x.png)",
    "<b>",
    "&amp;",
    "â€™",
    "'˜",
    "\u00a0",
    "\u202e",
    "\x1b[2J",
    "\x00",
    "It’s",
    "officers’ union",
    ". ",
    "good",
)

PROSE = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(ANY_CHAR, max_size=12)),
    max_size=80,
).map("".join)
# Front matter with keys the parser reads and values of every YAML kind, good and bad.
YAML_KEYS = st.sampled_from(["title", "date", "url", "description", "site_name", "meta", "x"])
GOOD_YAML_VALUES = [
    "Kent officer sacked",
    "2021-03-04",
    "[1, 2]",
    "{a: b}",
    "null",
    '"\\x1b[2J \\u202e"',
    "{title: Nested title, date: 2019}",
]
YAML_VALUES = st.one_of(
    st.sampled_from(
        [
            *GOOD_YAML_VALUES,
            "2020-02-30",
            "2021-13-01",
            "2021-01-01 25:00:00",
            "2020-01-01T00:00:00+99:00",
            "!!int x",
            "!!float y",
            "!!bool maybe",
            "!!timestamp z",
            "!!binary AAAA",
            "!!python/object/apply:os.system ['true']",
            "&anchor [1]",
            "*anchor",
            "1" + "0" * 5000,
        ]
    ),
    st.text(ANY_CHAR, max_size=20),
)


def _front_matter(values: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda pairs, body: "---\n" + "\n".join(f"{k}: {v}" for k, v in pairs) + "\n---\n\n" + body,
        st.lists(st.tuples(YAML_KEYS, values), max_size=6),
        PROSE,
    )


# Any text at all, for the no-exception property.
TEXT = st.one_of(st.text(ANY_CHAR, max_size=400), PROSE, _front_matter(YAML_VALUES))


def _no_front_matter(text: str) -> bool:
    return not text.lstrip("\ufeff \t\r\n").startswith(("---", "```"))


# Text whose front matter (if any) YAML can build, so the other properties are judged on
# their own: a front matter exception fails the no-exception property alone.
PARSEABLE = st.one_of(
    st.text(ANY_CHAR, max_size=400).filter(_no_front_matter),
    PROSE.filter(_no_front_matter),
    _front_matter(
        st.one_of(
            st.sampled_from(GOOD_YAML_VALUES),
            st.text(st.characters(categories=["L", "Zs"]), max_size=20),
        )
    ),
)


@pytest.fixture(scope="module", autouse=True)
def warm_parser() -> None:
    """Compile the parser's patterns before any example is timed."""
    parse_article('Supt Jane Doe said: "Warm up the parser now."', "warm.txt")


def _check_references(article: ParsedArticle) -> None:
    count = len(article.paragraphs)
    for quote in article.quotes:
        assert quote.paragraphs, f"quote with no paragraph: {quote}"
        assert all(0 <= p < count for p in quote.paragraphs), quote
    for event in article.events:
        assert event.paragraph is None or 0 <= event.paragraph < count, event
    for figure in article.figures:
        assert 0 <= figure.paragraph < count, figure
    for force in article.forces:
        assert all(0 <= p < count for p in force.paragraphs), force
    for person in article.people:
        assert 0 <= person.paragraph < count, person


def _check_quotes_in_text(article: ParsedArticle) -> None:
    for quote in article.quotes:
        own = [article.paragraphs[p] for p in quote.paragraphs if 0 <= p < len(article.paragraphs)]
        for piece in quote.text.split("\n\n"):
            assert piece.strip(), f"empty piece in quote {quote.text!r}"
            assert any(piece in para for para in own), (
                f"quote piece {piece!r} is in none of its paragraphs {quote.paragraphs}"
            )


@PROPERTY_SETTINGS
@given(TEXT)
def test_parse_never_raises_and_references_are_valid(text: str) -> None:
    """Any text parses without an exception, and every paragraph index points into the article."""
    article = parse_article(text, "any.txt")
    assert isinstance(article.title, str)
    _check_references(article)


@PROPERTY_SETTINGS
@given(PARSEABLE)
def test_every_quote_is_text_of_its_paragraphs(text: str) -> None:
    """Each paragraph piece of each quote occurs in one of the paragraphs the quote cites."""
    _check_quotes_in_text(parse_article(text, "any.txt"))


@PROPERTY_SETTINGS
@given(PARSEABLE)
def test_figures_and_events_quote_their_paragraph(text: str) -> None:
    """A figure's sentence and a dated event's text come from the paragraph they cite."""
    article = parse_article(text, "any.txt")
    for figure in article.figures:
        assert figure.sentence in article.paragraphs[figure.paragraph], figure
    for event in article.events:
        if event.paragraph is not None:
            text_part = event.text[:-1] if event.text.endswith("…") else event.text
            assert text_part in article.paragraphs[event.paragraph], event


@PROPERTY_SETTINGS
@given(PARSEABLE, st.sampled_from(["a.txt", "dir/b.md", ""]))
def test_parsing_is_deterministic(text: str, source: str) -> None:
    """Parsing the same text twice gives equal records and equal JSON."""
    first = parse_article(text, source)
    second = parse_article(text, source)
    assert first == second
    assert json.dumps(first.to_json()) == json.dumps(second.to_json())


@PROPERTY_SETTINGS
@given(PARSEABLE)
def test_json_round_trip(text: str) -> None:
    """The JSON contract holds every parsed article: from_json(to_json) gives it back."""
    article = parse_article(text, "any.txt")
    encoded = json.dumps(article.to_json(), ensure_ascii=True)
    assert ParsedArticle.from_json(json.loads(encoded)) == article


def test_parse_output_is_the_same_under_any_hash_seed(tmp_path: Path) -> None:
    """`forcewatch parse` prints byte-identical JSON in processes with different hash seeds."""
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests/data/dev").glob("*.*"))
    assert len(files) >= 5
    outputs = []
    for seed in ("1", "2", "987"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run(
            [sys.executable, "-m", "forcewatch.tui.cli", "parse", *map(str, files)],
            capture_output=True,
            env=env,
            timeout=600,
            cwd=tmp_path,
        )
        assert proc.returncode == 0, proc.stderr.decode(errors="replace")
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
