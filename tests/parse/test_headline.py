"""Headlines: found below a saved page's masthead, section labels, menus and cookie banners."""

from __future__ import annotations

import pytest
from forcewatch.store.parse import parse_article
from forcewatch.store.parse.clean import is_furniture
from forcewatch.store.parse.headline import (
    choose_headline,
    is_masthead,
    is_menu_line,
    is_section_label,
)

BODY = (
    "A police constable who sent messages to a woman he met on duty has been dismissed "
    "without notice after a hearing this week."
)

# (id, lines at the top of a plain-text page, expected headline, expected outlet or None)
PAGES: list[tuple[str, list[str], str, str | None]] = [
    (
        "headline-first",
        ["Officer dismissed over messages to victim", BODY],
        "Officer dismissed over messages to victim",
        None,
    ),
    (
        "masthead-above",
        ["Tayside Evening Record", "Officer dismissed over messages to a victim", BODY],
        "Officer dismissed over messages to a victim",
        "Tayside Evening Record",
    ),
    (
        "section-label-above",
        ["UK News", "Former detective jailed for pressuring victims into sex", BODY],
        "Former detective jailed for pressuring victims into sex",
        None,
    ),
    (
        "masthead-and-two-item-menu",
        [
            "Birmingham Evening Gazette",
            "Crime > Courts",
            "Officer guilty of pursuing domestic abuse victims",
            BODY,
        ],
        "Officer guilty of pursuing domestic abuse victims",
        "Birmingham Evening Gazette",
    ),
    (
        "all-caps-masthead-tagline-and-menu",
        [
            "FORCE & FRONTLINE",
            "The weekly for policing professionals",
            "WORKFORCE | VETTING",
            "Federation warns new vetting rules risk trial by rumour",
            BODY,
        ],
        "Federation warns new vetting rules risk trial by rumour",
        "FORCE & FRONTLINE",
    ),
    (
        "force-site-after-cookie-banner",
        [
            "We use some essential cookies to make this website work.",
            "Accept additional cookies",
            "View cookies",
            "Merseyside Police",
            "Officer dismissed after relationship with missing woman",
            BODY,
        ],
        "Officer dismissed after relationship with missing woman",
        "Merseyside Police",
    ),
    (
        "headline-opening-with-by",
        ["By-election candidate calls for vetting review", BODY],
        "By-election candidate calls for vetting review",
        None,
    ),
    (
        "all-caps-headline-kept",
        ["WEST MIDS POLICE OFFICER SACKED OVER SEXUAL MESSAGES TO YOUNG WITNESS", BODY],
        "WEST MIDS POLICE OFFICER SACKED OVER SEXUAL MESSAGES TO YOUNG WITNESS",
        None,
    ),
    (
        "dateline-above-kept-for-date",
        [
            "North East Community Voice",
            "Issue 41 | June 2023",
            "Inside the hunt for officers who prey on women",
            BODY,
        ],
        "Inside the hunt for officers who prey on women",
        "North East Community Voice",
    ),
    (
        "menu-set-apart-by-spaces",
        [
            "The Sentinel\nUK news   World   Politics   Opinion   Sport\nUK news › Police",
            "Met detective jailed for pursuing mother whose son he was meant to protect",
            BODY,
        ],
        "Met detective jailed for pursuing mother whose son he was meant to protect",
        "The Sentinel",
    ),
    (
        "tagline-of-six-words-under-masthead",
        [
            "POLICE BULLETIN ONLINE",
            "The independent voice of UK policing",
            "NEWS > PROFESSIONAL STANDARDS",
            "GMP to screen officers' work phones for contact with victims",
            BODY,
        ],
        "GMP to screen officers' work phones for contact with victims",
        "POLICE BULLETIN ONLINE",
    ),
    (
        "student-paper-tagline",
        [
            "THE RADCLIFFE REVIEW",
            "Oxford's independent student newspaper since 1962",
            "TVP officer who targeted students during welfare checks sacked",
            BODY,
        ],
        "TVP officer who targeted students during welfare checks sacked",
        "THE RADCLIFFE REVIEW",
    ),
    (
        "long-site-name-above-a-section-label",
        [
            "His Majesty's Inspectorate of Constabulary and Fire & Rescue Services",
            "News",
            "Force must do more to protect public from predatory officers, says inspectorate",
            BODY,
        ],
        "Force must do more to protect public from predatory officers, says inspectorate",
        None,
    ),
    (
        "role-line-after-the-byline-is-no-menu",
        [
            "Cambridge Evening Courier",
            "Cambridgeshire PC who sent sexual messages to victim dismissed",
            "By Harriet Nwachukwu",
            "Crime Reporter",
            "Tuesday, 3rd September 2024, 4:32pm",
            BODY,
        ],
        "Cambridgeshire PC who sent sexual messages to victim dismissed",
        "Cambridge Evening Courier",
    ),
]


@pytest.mark.parametrize(
    ("lines", "headline", "outlet"), [c[1:] for c in PAGES], ids=[c[0] for c in PAGES]
)
def test_headline_found_below_page_chrome(
    lines: list[str], headline: str, outlet: str | None
) -> None:
    """The parsed title is the headline, the chrome above it is no paragraph, and a masthead
    names the outlet."""
    parsed = parse_article("\n\n".join(lines), "page.txt")
    assert parsed.title == headline
    assert parsed.paragraphs[0] == BODY
    assert parsed.outlet == outlet


def test_month_of_an_issue_line_above_the_headline_dates_the_article() -> None:
    """A date read from a line above the headline still dates the article."""
    lines = next(c[1] for c in PAGES if c[0] == "dateline-above-kept-for-date")
    parsed = parse_article("\n\n".join(lines), "page.txt")
    assert (parsed.published.date, parsed.published.precision) == ("2023-06", "month")


def test_front_matter_title_drops_the_masthead_and_repeated_headline() -> None:
    """With a title in front matter, the masthead and the headline repeated under it go."""
    text = (
        "---\ntitle: Officer dismissed over messages to a victim\n---\n\n"
        "Tayside Evening Record\n\nOfficer dismissed over messages to a victim\n\n" + BODY
    )
    parsed = parse_article(text, "page.md")
    assert parsed.paragraphs == (BODY,)


CHROME: list[tuple[str, str, bool, bool, bool]] = [
    # (id, line, masthead, section label, menu)
    ("paper", "Southwark & Lambeth Courier", True, False, False),
    ("caps-paper", "NORTH EAST COMMUNITY VOICE", True, False, False),
    ("force-site", "Merseyside Police", True, False, False),
    ("section", "UK News", False, True, False),
    ("one-word-section", "Investigations", False, True, False),
    ("breadcrumb", "Crime > Courts", False, False, True),
    ("pipe-menu", "UK news | Crime", False, False, True),
    ("short-title-case-headline", "Officer Sacked For Messages To Victim", False, False, False),
    ("sentence-headline", "Officer dismissed over messages", False, False, False),
    ("headline-with-police", "Kent Police officer jailed for stalking women", False, False, False),
]


@pytest.mark.parametrize(
    ("line", "masthead", "label", "menu"), [c[1:] for c in CHROME], ids=[c[0] for c in CHROME]
)
def test_page_chrome_kinds(line: str, masthead: bool, label: bool, menu: bool) -> None:
    """Mastheads, section labels and menus are told apart from headlines."""
    assert (is_masthead(line), is_section_label(line), is_menu_line(line)) == (
        masthead,
        label,
        menu,
    )


def test_no_headline_when_the_page_opens_with_prose() -> None:
    """A page that opens with long prose has no headline line to choose."""
    assert choose_headline([BODY * 3]) is None


COOKIE_LINES = [
    ("banner", "We use some essential cookies to make this website work.", True),
    (
        "site-uses",
        "This site uses cookies to improve your experience. Manage preferences | Accept",
        True,
    ),
    ("accept-button", "Accept additional cookies", True),
    ("reject-button", "Reject additional cookies", True),
    ("view-button", "View cookies", True),
    ("manage", "Manage preferences", True),
    ("privacy-heading", "We value your privacy", True),
    ("partners", "We and our partners use cookies to store and access information.", True),
    ("accept-all", "Accept all Manage options", True),
    (
        "buttons-set-apart-by-spaces",
        "Accept additional cookies    Reject additional cookies    View cookies",
        True,
    ),
    ("bracketed-buttons", "[Share] [Save] [Listen to this article]", True),
    ("headline-with-double-spaces", "Officer  jailed  for  abusing  his  position", False),
    (
        "prose-about-cookies",
        "The officer accepted that he had brought cookies to the woman's home on two visits.",
        False,
    ),
]


@pytest.mark.parametrize(
    ("line", "expected"), [c[1:] for c in COOKIE_LINES], ids=[c[0] for c in COOKIE_LINES]
)
def test_cookie_banners_are_furniture(line: str, expected: bool) -> None:
    """Cookie banners and their buttons are page furniture; prose that mentions cookies is not."""
    assert is_furniture(line) is expected
