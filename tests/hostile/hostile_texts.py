"""Deterministic hostile article texts, sized by a count, for the hostile-input tests."""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
HEADLINE = "Police force under scrutiny after misconduct hearing"

FIRST_NAMES = ("John", "Mary", "Peter", "Sarah", "David", "Anne", "Paul", "Jane", "Mark", "Lucy")


def token(i: int) -> str:
    """A distinct lower-case word for each i, so no two generated lines repeat."""
    letters = []
    for _ in range(4):
        letters.append(chr(97 + i % 26))
        i //= 26
    return "q" + "".join(letters)


def surname(i: int) -> str:
    """A distinct capitalised surname for each i."""
    return "Mc" + token(i).capitalize()


def seed_paragraphs() -> list[str]:
    """The body paragraphs of the bundled seed articles, each on one line."""
    paragraphs: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8", errors="replace")
        paragraphs += [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    return paragraphs


def _seed_run(n: int, separator: str) -> str:
    """n seed paragraphs (cycled, each made unique) joined by the separator."""
    paragraphs = seed_paragraphs()
    out = [f"{paragraphs[i % len(paragraphs)]} (item {token(i)})" for i in range(n)]
    return HEADLINE + "\n\n" + separator.join(out) + "\n"


def seed_article(n: int) -> str:
    """A long realistic article: n seed paragraphs, each its own paragraph."""
    return _seed_run(n, "\n\n")


def seed_line(n: int) -> str:
    """An enormous single line: n seed paragraphs with no line break between them."""
    return _seed_run(n, " ")


def open_marks_line(n: int) -> str:
    """One line with n opening curly quotes that never close."""
    return HEADLINE + "\n\n" + " ".join(f"the officer “{token(i)} said" for i in range(n))


def mixed_marks_line(n: int) -> str:
    """One line with n quote marks of every kind, unbalanced and in random order."""
    rng = random.Random(n)
    marks = "\"'“”‘’„‚″′"
    parts = [
        f"{rng.choice(marks)}{token(i)}{rng.choice(['', ' ', rng.choice(marks)])}" for i in range(n)
    ]
    return HEADLINE + "\n\n" + " ".join(parts)


def reopened_paragraphs(n: int) -> str:
    """n paragraphs that each reopen a quote that never closes (a runaway multi-paragraph quote)."""
    body = "\n\n".join(f"“We have {token(i)} the matter with the force" for i in range(n))
    return HEADLINE + "\n\nSupt Jane Doe said:\n\n" + body


def pronoun_quotes_paragraph(n: int) -> str:
    """One long paragraph of n short quotes attributed by pronouns, with no full stop."""
    parts = [f"she said “{token(i)} was wrong”, and the woman said" for i in range(n)]
    return HEADLINE + "\n\nSarah McQuinn, the officer, spoke " + " ".join(parts)


def said_quotes_paragraph(n: int) -> str:
    """One long paragraph of n quotes each attributed after the quote, with no full stop."""
    parts = [
        f"“{token(i)} matters,” said {FIRST_NAMES[i % 10]} {surname(i)}, and" for i in range(n)
    ]
    return HEADLINE + "\n\n" + " ".join(parts)


def emphasis_line(n: int) -> str:
    """One line with n Markdown emphasis marks that never close."""
    return HEADLINE + "\n\n" + " ".join(f"*{token(i)} _{token(i + 1)}" for i in range(n))


def many_people(n: int) -> str:
    """n paragraphs, each naming a different person who says something."""
    parts = [
        f"{FIRST_NAMES[i % 10]} {surname(i)} said the {token(i)} report was unfair to "
        f"Mr {surname(max(0, i - 1))}."
        for i in range(n)
    ]
    return HEADLINE + "\n\n" + "\n\n".join(parts)


FURNITURE = (
    "Hide Ad",
    "Read More",
    "Advertisement",
    "Share this article",
    "Sign up to our free newsletter for updates",
    "Read more: Police chief quits",
    "Image caption: officers outside the court",
    "Officers outside the court",
    "Officers outside the courtOfficers outside the court",
)


def furniture(n: int) -> str:
    """n blocks of page furniture and repeated captions around one line of prose each."""
    blocks: list[str] = []
    for i in range(n):
        blocks.extend(FURNITURE)
        blocks.append(f"The hearing into {token(i)} continued on day {i}.")
    return HEADLINE + "\n\n" + "\n\n".join(blocks)


# name -> (generator, starting count, largest base count); each generator's size grows
# linearly with the count. Emphasis marks stay within one line of the cleaner's line limit
# (20,000 characters, four times the base), where a pattern could backtrack over the line.
LINEAR_CASES: dict[str, tuple[Callable[[int], str], int, int]] = {
    "open_marks_one_line": (open_marks_line, 500, 200_000),
    "mixed_marks_one_line": (mixed_marks_line, 2000, 200_000),
    "reopened_quote_paragraphs": (reopened_paragraphs, 1000, 200_000),
    "pronoun_quotes_one_paragraph": (pronoun_quotes_paragraph, 250, 200_000),
    "said_quotes_one_paragraph": (said_quotes_paragraph, 250, 200_000),
    "emphasis_marks_one_line": (emphasis_line, 320, 320),
    "many_people": (many_people, 250, 200_000),
    "repeated_furniture": (furniture, 250, 200_000),
    "long_article": (seed_article, 500, 200_000),
    "enormous_line": (seed_line, 500, 200_000),
}


def linear_text(case: str, n: int) -> str:
    """The text of a linear-time case at count n."""
    return LINEAR_CASES[case][0](n)
