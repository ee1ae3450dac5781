"""The cheap checks that let cleaning skip its patterns never change what is cleaned away."""

from __future__ import annotations

import pytest
from forcewatch.store.parse.clean import clean_paragraphs, is_furniture, repair_mojibake

PROSE = "The officer was dismissed after a hearing found he had abused his position."

FURNITURE = [
    ("hide-ad", "Hide Ad"),
    ("advert", "ADVERT"),
    ("sponsored", "Sponsored"),
    ("watch-next", "Watch next: the hearing in full"),
    ("related", "Related: more on this case"),
    ("trending", "Trending"),
    ("subscribe", "Subscribe for free updates"),
    ("register", "Register for email updates"),
    ("enter-email", "Enter your email address"),
    ("thank-you", "Thank you for subscribing"),
    ("we-use", "We use your sign-up to provide content"),
    ("by-signing", "By signing up you agree"),
    ("invalid", "Invalid email"),
    ("went-wrong", "Something went wrong, please try again"),
    ("share-this", "Share this article"),
    ("whatsapp", "WhatsApp"),
    ("copy-link", "Copy link"),
    ("follow", "Follow us on social media"),
    ("click", "Click here to read the report"),
    ("comments", "Comments (12)"),
    ("skip", "Skip to content"),
    ("listen", "Listen to this article"),
    ("minutes", "4 min read"),
    ("minutes-long", "12 minutes read"),
    ("caption", "Image caption"),
    ("photo", "Photo: Force handout"),
    ("picture", "Pictures (police)"),
    ("credit", "Credit: Getty"),
    ("image-paren", "(Image: Northfield Post)"),
    ("getty", "Getty Images"),
    ("pa-wire", "PA Wire"),
    ("copyright", "Copyright 2024 Northfield Post"),
    ("rights", "All rights reserved"),
    ("top", "Back to top"),
    ("continue", "Continue reading"),
    ("video", "This video can not be played"),
    ("stories", "Top stories"),
    ("more-from", "More from Crime"),
    ("also-like", "You may also like"),
    ("recommended", "Recommended for you"),
    ("cookie", "Cookies help us run this site"),
    ("loading", "Loading..."),
    ("url", "https://example.org/news/1"),
    ("menu", "Home > News > Crime"),
    ("dashes", "- - -"),
    ("long-s", "ſhare this article"),
    ("kelvin-sign", "LinKedIn"),
    ("dotless-i", "Lınkedin"),
    ("dotted-i", "LİNKEDIN"),
]


@pytest.mark.parametrize("line", [line for _, line in FURNITURE], ids=[n for n, _ in FURNITURE])
def test_furniture_lines_are_found(line: str) -> None:
    """Every kind of furniture line is recognised, whatever its case or look-alike letters."""
    assert is_furniture(line)


PROSE_LINES = [
    ("sentence", PROSE),
    ("starts-like-share", "Shareholders were told the force had lost the case."),
    ("starts-with-this", "This was the third hearing for the constable."),
    ("number", "12 officers were dismissed last year, the figures show."),
    ("slash", "The 2023/24 figures were published on Tuesday."),
]


@pytest.mark.parametrize("line", [line for _, line in PROSE_LINES], ids=[n for n, _ in PROSE_LINES])
def test_prose_lines_are_kept(line: str) -> None:
    """Prose that merely opens like furniture, or holds a menu mark, is not furniture."""
    assert not is_furniture(line)


BODIES = [
    ("plain-heading", "# Officer dismissed\n\n" + PROSE, ["Officer dismissed", PROSE]),
    (
        "plain-bullet",
        "- first point made\n\n1. second point made",
        ["first point made", "second point made"],
    ),
    ("quote-mark", "> " + PROSE, [PROSE]),
    ("emphasis", "**Officer dismissed**\n\n" + PROSE, ["Officer dismissed", PROSE]),
    ("link", "[Officer dismissed](https://example.org)\n\n" + PROSE, ["Officer dismissed", PROSE]),
    ("entity", "Officer &amp; staff\n\n" + PROSE, ["Officer & staff", PROSE]),
    (
        "links-header",
        PROSE + "\n\nRead more:\nAnother story\n\nEnd of the report.",
        [PROSE, "End of the report."],
    ),
    (
        "links-header-alone-then-link-list",
        PROSE + "\n\n**Read more**\n\n- [Another story](https://example.org/a)\n"
        "- [A third story](https://example.org/b)\n\nEnd of the report.",
        [PROSE, "End of the report."],
    ),
    (
        "links-header-bilingual",
        PROSE + "\n\nDarllen mwy / Read more\n\n- Another story\n- A third story",
        [PROSE],
    ),
    (
        "list-after-prose-is-kept",
        PROSE + "\n\n- first point made\n- second point made",
        [PROSE, "first point made", "second point made"],
    ),
    ("furniture", "Hide Ad\n\n" + PROSE + "\n\nAdvertisement", [PROSE]),
    ("links-header-long-s", PROSE + "\n\nſee also:\nAnother story", [PROSE]),
    ("links-header-caps", PROSE + "\n\nMORE FROM CRIME:\nAnother story", [PROSE]),
    ("menu-line", "Home > News > Crime\n\n" + PROSE, [PROSE]),
    ("repeated-any-case", PROSE + "\n\n" + PROSE.upper(), [PROSE]),
    (
        "repeated-caption",
        PROSE + "\n\nJane Smith\n\nEnd of the report.\n\nJane Smith",
        [PROSE, "End of the report."],
    ),
    (
        "doubled-caption",
        "A man was held by policeA man was held by police\n\nA man was held by police\n\n" + PROSE,
        [PROSE],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), [(b, e) for _, b, e in BODIES], ids=[n for n, _, _ in BODIES]
)
def test_markdown_and_furniture_removed(body: str, expected: list[str]) -> None:
    """Markdown at a line's start or inside it, and furniture blocks, are cleaned away."""
    assert clean_paragraphs(body) == expected


MOJIBAKE = [
    ("apostrophe", "the officerâ€™s account", "the officer’s account"),
    ("pound", "a Â£500 fine", "a £500 fine"),
    ("no-break-space-only", "a\u00a0fine", "a fine"),
    ("damaged-quote-only", "'˜a phrase", "‘a phrase"),
    ("clean", "nothing to repair here", "nothing to repair here"),
]


@pytest.mark.parametrize(
    ("text", "expected"), [(t, e) for _, t, e in MOJIBAKE], ids=[n for n, _, _ in MOJIBAKE]
)
def test_mojibake_repaired(text: str, expected: str) -> None:
    """Mojibake is repaired even when only one kind of damaged character is in the text."""
    assert repair_mojibake(text) == expected
