"""The untrusted-text gate: literal text, no markup, no control characters."""

from __future__ import annotations

import re

import pytest
from forcewatch.tui import safe
from textual.content import Content

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")

HOSTILE = [
    pytest.param("[bold]x[/bold]", "[bold]x[/bold]", id="rich-markup"),
    pytest.param("[@click=app.quit]x[/]", "[@click=app.quit]x[/]", id="click-action"),
    pytest.param("[/", "[/", id="dangling-close"),
    pytest.param(
        "[link=file:///etc/passwd]x[/link]", "[link=file:///etc/passwd]x[/link]", id="link"
    ),
    pytest.param("a\x1b[2Jb", "a[2Jb", id="csi-clear-screen"),
    pytest.param("a\x1b]52;c;ZXZpbA==\x07b", "a]52;c;ZXZpbA==b", id="osc52-clipboard"),
    pytest.param("a\x1b]0;title\x07b", "a]0;titleb", id="osc0-title"),
    pytest.param("a\x9b2Jb\x9d0;t\x9c", "a2Jb0;t", id="c1-controls"),
    pytest.param("abc\u202edcba\u202c", "abcdcba", id="bidi-override"),
    pytest.param("x\u2066y\u2069\u200fz", "xyz", id="bidi-isolate-and-mark"),
    pytest.param("tab\there", "tab here", id="tab"),
    pytest.param("two\nlines", "two lines", id="newlines-folded"),
    pytest.param("a\r\nb", "a b", id="crlf"),
]


@pytest.mark.parametrize(("value", "expected"), HOSTILE)
def test_clean_strips_controls_and_keeps_brackets(value: str, expected: str) -> None:
    """clean() removes every control and bidi character and leaves markup-looking text alone."""
    assert safe.clean(value) == expected


@pytest.mark.parametrize(("value", "expected"), HOSTILE)
def test_content_is_literal(value: str, expected: str) -> None:
    """content() gives Content whose text is the cleaned value and whose only span is ours."""
    made = safe.content(value, "bold")
    assert made.plain == expected
    assert [span.style for span in made.spans] in ([], ["bold"])
    assert not CONTROL.search(made.plain)


@pytest.mark.parametrize(("value", "expected"), HOSTILE)
def test_plain_text_is_literal(value: str, expected: str) -> None:
    """plain() (used by the command line) gives a Rich Text without markup or controls."""
    text = safe.plain(value)
    assert text.plain == expected
    assert not text.spans


def test_assemble_mixes_literal_parts_and_keeps_styles_ours() -> None:
    """assemble() cleans str and (value, style) parts; only the given styles become spans."""
    made = safe.assemble(("[@click=app.quit]t[/]", "bold"), " · ", "\x1b[31mred")
    assert made.plain == "[@click=app.quit]t[/] · [31mred"
    assert {span.style for span in made.spans} == {"bold"}


def test_join_keeps_separator_newlines_but_folds_values() -> None:
    """join() may break lines between pieces, never inside an untrusted value."""
    made = safe.join([safe.content("a\nb"), safe.content("c")], "\n")
    assert made.plain == "a b\nc"


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        pytest.param("short", 8, "short   ", id="padded"),
        pytest.param("exactly8", 8, "exactly8", id="exact"),
        pytest.param("much longer text", 8, "much lo…", id="cut-with-ellipsis"),
        pytest.param("x", 0, "", id="zero-width"),
    ],
)
def test_fit_cuts_and_pads_to_width(text: str, width: int, expected: str) -> None:
    """fit() gives exactly `width` cells with an ellipsis where text was cut."""
    made = safe.fit(safe.content(text), width)
    assert made.plain == expected
    assert made.cell_length == width


def test_highlight_styles_only_given_offsets() -> None:
    """highlight() styles single characters of literal text and nothing else."""
    made = safe.highlight("[b]ok", [0, 3, 99], "underline")
    assert made.plain == "[b]ok"
    assert [(s.start, s.end) for s in made.spans] == [(0, 1), (3, 4)]


def test_textual_markup_would_have_been_interpreted() -> None:
    """The payloads are real: parsed as markup they lose their brackets (so the gate matters)."""
    assert Content.from_markup("[bold]x[/bold]").plain == "x"
    assert safe.content("[bold]x[/bold]").plain == "[bold]x[/bold]"
