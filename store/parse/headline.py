"""Find the headline among the lines at the top of a saved page, below any masthead and menus."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from .dates import is_dateline, is_update_line

TOP_LINES: Final = 8  # the headline is looked for among this many lines at the top
MASTHEAD_WORDS: Final = 6  # a masthead or section label is no longer than this
SHORT_HEADLINE: Final = 6  # below a masthead, a line this short may still be a tagline or label

# Words that name a publication, a broadcaster or a force's own site in a masthead.
_OUTLET_WORD: Final = re.compile(
    r"\b(?:news|post|times|echo|mail|online|herald|mirror|guardian|"
    r"telegraph|independent|standard|express|gazette|chronicle|journal|star|sun|record|"
    r"mercury|argus|observer|bbc|itv|sky|courier|ledger|wire|voice|advertiser|press|"
    r"tribune|examiner|sentinel|leader|citizen|messenger|bulletin|review|reporter|weekly|"
    r"daily|evening|sunday|magazine|radio|tv|channel|live|today|dispatch|globe|frontline)\b",
    re.I,
)
_FORCE_SITE: Final = re.compile(r"^Police\b|\b(?:Police|Constabulary)$")
# Words a page's section labels are made of ('UK News', 'Investigations', 'Crime').
_SECTION_WORDS: Final = frozenset(
    "uk world local latest national regional breaking home news crime courts court politics "
    "investigation investigations feature features opinion analysis comment long read reads "
    "interview in depth live england scotland wales northern ireland business special report "
    "exclusive".split()
)
# Joining words and marks a masthead may hold in lower case ('Chronicle & Echo', 'Press and ...').
_JOINERS: Final = frozenset(("&", "and", "of", "the", "on", "upon", "-", "–", "+", "in"))
_SENTENCE_MARKS: Final = re.compile(r"[.,:;?!\"“”‘]|'\s|\s'|^'|'$")
# 'By Jane Roe', 'Words by Jane Roe and John Doe', 'By JANE ROE, CRIME REPORTER', 'By Jane Roe –
# Crime Reporter': up to four capitalised words a name, and a short role after a mark.
_BYLINE_NAME: Final = r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}"
_BYLINE: Final = re.compile(
    rf"^(?i:by|words\s+by|words:|written\s+by|reporting\s+by)\s+{_BYLINE_NAME}"
    rf"(?:\s+(?:and|&)\s+{_BYLINE_NAME})?(?:\s*[,|–—-]\s*.{{0,60}})?$"
)
_BYLINE_OPENINGS: Final = ("by", "words", "written", "reporting")  # how a byline opens, lower-cased
# What a publication says of itself under its name ('The independent voice of UK policing',
# 'Oxford's student newspaper since 1962', 'Your weekly round-up of conduct news').
_TAGLINE: Final = re.compile(
    r"\b(?:newspaper|voice\s+of|since\s+(?:1[89]|20)\d\d|round-?up|your\s+(?:daily|weekly)"
    r"|magazine\s+for|news\s+for|home\s+of)\b",
    re.I,
)
_NAV_SEP: Final = re.compile(r"\s(?:\||>|›|»|/|·|•)\s")


def choose_headline(paragraphs: Sequence[str]) -> tuple[int, str | None] | None:
    """Where the headline stands among the first paragraphs, and the masthead above it if any.

    Saved pages often open with the site's name, a section label or a short menu before the
    headline: those are passed over. None when no line at the top reads as a headline.
    """
    candidates: list[int] = []
    first_meta = TOP_LINES  # the first dateline or byline, which comes after the headline
    for i, para in enumerate(paragraphs[:TOP_LINES]):
        if not looks_like_headline(para):
            break  # the body has begun
        if is_dateline(para) or is_update_line(para) or is_byline(para):
            first_meta = min(first_meta, i)
            continue
        candidates.append(i)
    if not candidates:
        return None
    # A menu or section label stands between the site's own lines and the headline: whatever
    # is above the last one ('His Majesty's Inspectorate of …', then 'News') is no headline.
    nav = max(
        (
            n
            for n, i in enumerate(candidates[:-1])
            if i < first_meta and (is_menu_line(paragraphs[i]) or is_section_label(paragraphs[i]))
        ),
        default=-1,
    )
    masthead: str | None = None
    below_masthead = False
    for n, i in enumerate(candidates):
        para = paragraphs[i]
        later = candidates[n + 1 :]
        if not later:
            return i, masthead
        if n < nav:
            if masthead is None and is_masthead(para):
                masthead = para
            below_masthead = True
            continue
        if is_menu_line(para):
            continue
        if is_masthead(para) or is_section_label(para):
            if masthead is None and not below_masthead and is_masthead(para):
                masthead = para
            below_masthead = True
            continue
        if (
            below_masthead
            and (_words(para) < SHORT_HEADLINE or _TAGLINE.search(para) is not None)
            and any(
                _words(paragraphs[j]) >= SHORT_HEADLINE and not is_menu_line(paragraphs[j])
                for j in later
            )
        ):
            continue  # a tagline under the masthead ('The weekly for policing professionals')
        return i, masthead
    return candidates[0], None


def is_byline(line: str) -> bool:
    """A byline: 'By Jane Roe, Crime Reporter', 'Words: Jane Roe', 'By Jane Roe and John Doe'."""
    return line[:10].lower().startswith(_BYLINE_OPENINGS) and _BYLINE.match(line) is not None


def is_page_chrome(line: str) -> bool:
    """A masthead, section label or menu line, as stand above a headline."""
    return is_menu_line(line) or is_masthead(line) or is_section_label(line)


def looks_like_headline(para: str) -> bool:
    """Short enough, and not a paragraph of prose ending in a full stop or colon."""
    return (len(para) <= 250 and not para.endswith((".", ":"))) or len(para) <= 140


def is_menu_line(line: str) -> bool:
    """A breadcrumb or section menu of short items: 'Crime > Courts', 'UK news | Crime'."""
    if len(line) > 120:
        return False
    items = _NAV_SEP.split(line)
    return len(items) >= 2 and all(0 < len(item.split()) <= 4 for item in items)


def is_masthead(line: str) -> bool:
    """A publication's name as a line of its own: a few capitalised words, one of them a word
    publications are named with ('Tayside Evening Record', 'FORCE & FRONTLINE')."""
    words = line.split()
    if not 1 <= len(words) <= MASTHEAD_WORDS or _SENTENCE_MARKS.search(line):
        return False
    if is_section_label(line):
        return False
    if not all(_capitalised(w) or w.lower() in _JOINERS for w in words):
        return False
    if line.isupper() or _OUTLET_WORD.search(line):
        return True
    # A force's own site: 'Merseyside Police', 'Police Scotland', 'Kent Police News'.
    return len(words) <= 4 and bool(_FORCE_SITE.search(line))


def is_section_label(line: str) -> bool:
    """A section's name over the headline: 'UK News', 'Investigations', 'FEATURE'."""
    words = line.lower().replace("&", " ").split()
    return 0 < len(words) <= 3 and all(w in _SECTION_WORDS for w in words)


def _capitalised(word: str) -> bool:
    first = next((c for c in word if c.isalnum()), "")
    return first.isupper() or first.isdigit()


def _words(line: str) -> int:
    return len(line.split())
