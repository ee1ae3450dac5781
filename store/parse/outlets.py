"""Name the outlet an article came from: its URL's host, its site name, or a masthead line."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

HOSTS: Final = {
    "bbc.co.uk": "BBC News",
    "bbc.com": "BBC News",
    "theguardian.com": "The Guardian",
    "guardian.co.uk": "The Guardian",
    "independent.co.uk": "The Independent",
    "inews.co.uk": "i",
    "thetimes.co.uk": "The Times",
    "thetimes.com": "The Times",
    "telegraph.co.uk": "The Telegraph",
    "dailymail.co.uk": "Daily Mail",
    "mirror.co.uk": "Daily Mirror",
    "thesun.co.uk": "The Sun",
    "express.co.uk": "Daily Express",
    "standard.co.uk": "Evening Standard",
    "news.sky.com": "Sky News",
    "sky.com": "Sky News",
    "itv.com": "ITV News",
    "channel4.com": "Channel 4 News",
    "ft.com": "Financial Times",
    "manchestereveningnews.co.uk": "Manchester Evening News",
    "liverpoolecho.co.uk": "Liverpool Echo",
    "birminghammail.co.uk": "Birmingham Mail",
    "nottinghampost.com": "Nottingham Post",
    "northamptonchron.co.uk": "Northampton Chronicle & Echo",
    "dailyecho.co.uk": "Southern Daily Echo",
    "yorkshirepost.co.uk": "The Yorkshire Post",
    "yorkshireeveningpost.co.uk": "Yorkshire Evening Post",
    "thestar.co.uk": "Sheffield Star",
    "examinerlive.co.uk": "Huddersfield Examiner",
    "walesonline.co.uk": "WalesOnline",
    "scotsman.com": "The Scotsman",
    "heraldscotland.com": "The Herald",
    "dailyrecord.co.uk": "Daily Record",
    "belfasttelegraph.co.uk": "Belfast Telegraph",
    "irishnews.com": "The Irish News",
    "kentonline.co.uk": "KentOnline",
    "eveningexpress.co.uk": "Evening Express",
    "chroniclelive.co.uk": "Chronicle Live",
    "bristolpost.co.uk": "Bristol Post",
    "devonlive.com": "Devon Live",
    "justiceinspectorates.gov.uk": "HMICFRS",
    "policeconduct.gov.uk": "IOPC",
    "gov.uk": "GOV.UK",
    "college.police.uk": "College of Policing",
    "police.uk": "police.uk",
    "policeprofessional.com": "Police Professional",
    "politics.co.uk": "politics.co.uk",
}
# Masthead phrases that name an outlet inside page furniture.
# Each has a plain phrase checked first: a substring test is far cheaper than a regex scan.
MASTHEADS: Final = (
    ("The i newsletter", re.compile(r"\bThe i newsletter\b"), "i"),
    ("BBC News", re.compile(r"\bBBC News\b"), "BBC News"),
)


# An http(s) URL whose host is plain ASCII with no user, port or brackets: urlsplit would find
# the same host, far more slowly.
_PLAIN_HOST: Final = re.compile(r"https?://([A-Za-z0-9.-]+)(?:[/?#]|\Z)")


def outlet_from_url(url: str | None) -> str | None:
    """An outlet name from a URL's host: a known outlet, a force's site, or the bare host."""
    if not url:
        return None
    url = url.strip()
    if plain := _PLAIN_HOST.match(url):
        host = plain.group(1).lower()
    else:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
    host = host.removeprefix("www.")
    if not host:
        return None
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = HOSTS.get(".".join(parts[i:]))
        if name and not (name == "police.uk" and i > 0):
            return name
    return host


def outlet_from_text(text: str) -> str | None:
    """An outlet named by a masthead line left in the text."""
    for phrase, pattern, name in MASTHEADS:
        if phrase in text and pattern.search(text):
            return name
    return None


_NEWS_WORD: Final = re.compile(
    r"(?i)news|post|times|echo|mail|police|constabulary|online|herald|mirror|guardian|telegraph|"
    r"independent|standard|express|gazette|chronicle|journal|star|sun|record|mercury|argus|"
    r"observer|bbc|itv|sky"
)


def split_site_suffix(title: str) -> tuple[str, str | None]:
    """'Headline | Site name' -> ('Headline', 'Site name')."""
    for sep in (" | ", " – ", " — ", " - "):
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        pipe = sep == " | "
        short = 1 <= len(tail.split()) <= (8 if pipe else 5) and len(tail) < (70 if pipe else 50)
        if not (head and short):
            continue
        if pipe or (tail[:1].isupper() and len(head) > len(tail) and _NEWS_WORD.search(tail)):
            return head.strip(), tail.strip()
    return title.strip(), None
