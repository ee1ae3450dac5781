"""Metadata a saved page carries outside its prose: e-mail and wire headers, JSON-LD, code."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import parse_article

BODY = (
    "A police constable who sent messages to a woman he met on duty has been dismissed "
    "without notice after a hearing this week."
)

# (id, page text, expected title, expected (date, source))
PAGES: list[tuple[str, str, str, tuple[str | None, str]]] = [
    (
        "email-subject-wrapped",
        "Subject: The Standards Brief: two Kent dismissals, a GMP backlog and\n"
        "Norfolk's new reporting line\nFrom: The Brief <brief@example.org>\n\n" + BODY,
        "The Standards Brief: two Kent dismissals, a GMP backlog and Norfolk's new reporting line",
        (None, "none"),
    ),
    (
        "wire-slug-lines",
        "MIDLANDS COURT NEWS AGENCY\n\nSLUG: COURTS POLICE JAILED\n"
        "FILED: 15:07 Thursday 14 November 2024\nBY: Tom Ridgeway\nWORDS: 560\n\n"
        "Northamptonshire PC jailed for grooming burglary victim\n\n" + BODY,
        "Northamptonshire PC jailed for grooming burglary victim",
        ("2024-11-14", "front_matter"),
    ),
    (
        "json-ld-block",
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"@type":"NewsArticle","headline":"Peers press minister over vetting gap",'
        '"datePublished":"2024-11-21T17:45:00Z","dateModified":"2024-11-22T08:10:00Z"}'
        "</script>\n\nWESTMINSTER BRIEFING\n\nPeers press minister over vetting gap\n\n" + BODY,
        "Peers press minister over vetting gap",
        ("2024-11-21", "front_matter"),
    ),
    (
        "json-ld-escapes",
        '<script type="application/ld+json">{"@context":"https://schema.org",'
        '"headline":"Officer\\u2019s \\"secret\\" messages"}</script>\n\n' + BODY,
        'Officer’s "secret" messages',
        (None, "none"),
    ),
]


@pytest.mark.parametrize(
    ("text", "title", "published"), [c[1:] for c in PAGES], ids=[c[0] for c in PAGES]
)
def test_title_and_date_from_page_metadata(
    text: str, title: str, published: tuple[str | None, str]
) -> None:
    """The title and date come from the header or JSON-LD, and none of it is a paragraph."""
    parsed = parse_article(text, "page.txt")
    assert parsed.title == title
    assert (parsed.published.date, parsed.published.source) == published
    assert parsed.paragraphs == (BODY,)


def test_script_and_style_elements_are_no_text() -> None:
    """Code and styles in a saved page, in any case, leave no paragraph behind."""
    text = (
        "Officer dismissed over messages\n\n<SCRIPT>var tracking = 1;</script>\n\n"
        + BODY
        + "\n\n<style>\np { color: red }\n</Style>"
    )
    assert parse_article(text, "page.txt").paragraphs == (BODY,)
