"""Parse one article's text into a ParsedArticle: the parser's single entry point."""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Final

from ..records import ForceMention, ParsedArticle, Precision, Published
from .clean import clean_paragraphs, is_caption_name, repair_mojibake
from .dates import dateline_date, is_dateline, is_update_line, parse_date_value, url_date
from .events import find_events
from .figures import find_figures
from .forces import force_spans, paragraph_force_spans, tally
from .frontmatter import split_front_matter
from .headline import TOP_LINES, choose_headline, is_byline, is_page_chrome
from .outlets import HOSTS, outlet_from_text, outlet_from_url, split_site_suffix
from .people import find_people
from .quotes import QuoteContext, find_quotes

PARSER_VERSION: Final = "1.0.0"
MAX_TEXT: Final = 64 * 1024 * 1024
HEADER_ZONE: Final = 8  # paragraphs at the top where datelines, bylines and URL lines live

_URL_LINE: Final = re.compile(
    r"^(?:url|source|link|canonical|original)\s*:\s*(?P<url>https?://\S+)$", re.I
)
_BARE_URL: Final = re.compile(r"^(?P<url>https?://\S+)$")
_NON_WORD: Final = re.compile(r"\W+")
_WRITER_ROLE: Final = re.compile(
    r"(?:[A-Z][\w&-]*\s+){0,3}(?:Reporter|Correspondent|Editor|Writer|Columnist|Journalist"
    r"|Staff|Desk)",
    re.I,
)
_UNDATED: Final = Published()
_TITLE_LINE: Final = re.compile(r"^(?:title|headline|subject)\s*:\s*(?P<title>.+)$", re.I)
_DATE_LINE: Final = re.compile(
    r"^(?:date|published|publication date|sent|FILED)\s*:\s*(?P<date>.+)$", re.I
)
_NEXT_FIELD: Final = re.compile(r"\s(?:From|To|Cc|Date|Sent|Reply-To):\s")
# A header line cut short by wrapping ends with a word that needs more after it.
_OPEN_ENDED: Final = re.compile(
    r"\s(?:and|or|of|the|a|an|to|for|in|on|with|at|by|from|after|over|as|its|his|her|&)$", re.I
)
# Other fields of an e-mail's header ('From: The Brief <brief@example.org>') or a news agency's
# slug lines ('SLUG: COURTS POLICE JAILED', 'WORDS: 560'), which are no part of the article.
_FIELD_LINE: Final = re.compile(
    r"^(?:(?i:from|to|cc|reply-to)\s*:.*@.*"
    r"|(?:SLUG|CATCHLINE|BY|WORDS|PICTURES|EMBARGO|PRIORITY|TAKE|ATTN|FOR)\s*:.*)$"
)


# A page's JSON-LD block ('<script type="application/ld+json">{"@context": …}'): its
# headline, publication date and address, read as the front matter's.
_JSON_LD_FIELD: Final = re.compile(
    r'"(?P<key>headline|datePublished|url)"\s*:\s*"(?P<value>(?:[^"\\]|\\.){1,2000})"'
)
_JSON_ESCAPE: Final = re.compile(r"\\(?:u(?P<hex>[0-9a-fA-F]{4})|(?P<char>.))")
_JSON_CHARS: Final = {"n": " ", "t": " ", "r": " ", "b": "", "f": ""}


def _json_ld(body: str) -> dict[str, str]:
    """headline, datePublished and url from the first JSON-LD block in the body, if any."""
    at = body.find('"@context"')
    if at < 0:
        return {}
    end = body.find("</script>", at)
    found: dict[str, str] = {}
    for m in _JSON_LD_FIELD.finditer(body, at, end if end > 0 else at + 20_000):
        found.setdefault(m.group("key"), _JSON_ESCAPE.sub(_unescape, m.group("value")).strip())
    return found


def _unescape(m: re.Match[str]) -> str:
    if m.group("hex"):
        return chr(int(m.group("hex"), 16))
    char = m.group("char")
    return _JSON_CHARS.get(char, char)


def parse_article(text: str, source: str = "") -> ParsedArticle:
    """Parse decoded article text into frozen records; never raises on any text."""
    warnings: list[str] = []
    if len(text) > MAX_TEXT:
        text = text[:MAX_TEXT]
        warnings.append("text longer than 64 MB truncated")
    fm = split_front_matter(text)
    warnings.extend(fm.warnings)
    paragraphs = clean_paragraphs(fm.body)
    top_url = _top_url(fm.body)

    ld = _json_ld(fm.body)
    fm_title = fm.title or ld.get("headline")
    title = repair_mojibake(fm_title) if fm_title else None
    url = fm.url or top_url or ld.get("url")
    site: str | None = fm.site
    date_value = fm.date or ld.get("datePublished")
    published = _UNDATED
    if title:
        title, suffix = split_site_suffix(title)
        site = site or suffix
    header: list[int] = []
    for i, para in enumerate(paragraphs[:HEADER_ZONE]):
        if ":" not in para:
            continue  # every header line's pattern holds a colon
        if "://" in para and (m := _URL_LINE.match(para) or _BARE_URL.match(para)):
            url = url or m.group("url")
            header.append(i)
        elif m2 := _TITLE_LINE.match(para):
            header.append(i)
            if title is None:
                # Wrapped header lines may have been joined: 'Subject: … From: The Brief <…>'.
                title = _NEXT_FIELD.split(m2.group("title"), 1)[0].strip()
                following = paragraphs[i + 1] if i + 1 < len(paragraphs) else ""
                if _OPEN_ENDED.search(title) and 0 < len(following) < 80 and ":" not in following:
                    title = f"{title} {following}"  # 'Subject: … a GMP backlog and' wraps on
                    header.append(i + 1)
        elif m3 := _DATE_LINE.match(para):
            date_value = date_value or m3.group("date")
            header.append(i)
        elif _FIELD_LINE.match(para):
            header.append(i)
    body = [p for i, p in enumerate(paragraphs) if i not in header] if header else paragraphs

    above: list[str] = []  # the masthead, labels and menus over the headline (an issue's date)
    if title is None and (found := choose_headline(body)) is not None:
        at, masthead = found
        title = body[at]
        site = site or masthead
        above = body[:at]
        del body[: at + 1]
    elif title is not None and body:
        _drop_repeated_title(body, title)
    if title is None:
        title = body[0][:200] if body else (source.rsplit("/", 1)[-1] or "Untitled")
        warnings.append("no headline found; first words used as the title")

    if date_value:
        parsed = parse_date_value(date_value)
        if parsed:
            published = Published(parsed[0], parsed[1], "front_matter")
        else:
            warnings.append(f"front matter date {date_value[:40]!r} not understood")
    body, dateline = _strip_header(body)
    if dateline is None and above:
        dateline = _strip_header(above)[1]
    if published.date is None and dateline:
        published = Published(dateline[0], dateline[1], "dateline")
    if published.date is None and url:
        from_url = url_date(url)
        if from_url:
            published = Published(from_url[0], from_url[1], "url")

    outlet = _outlet(url, site, fm.body[:20_000])
    # The headline is scanned with the body: each text's spans are what scanning it alone finds.
    spans = paragraph_force_spans([*body, title])
    title_spans = spans.pop()
    forces = _with_title_mentions(tally(spans), title_spans)
    force_names = [f.name for f in forces]
    main_force = force_names[0] if forces else None
    if forces:
        main_force = max(forces, key=lambda f: f.mentions).name
    people = find_people(body, [[(a, b) for a, b, _ in s] if s else [] for s in spans])

    def force_at(phrase: str) -> str | None:
        found = _phrase_spans(phrase)
        return found[0][2] if found else None

    ctx = QuoteContext(people=people, main_force=main_force, force_at=force_at, force_spans=spans)
    quotes = find_quotes(body, ctx)

    events = find_events(body, published, title, spans, main_force, force_names)
    return ParsedArticle(
        source=source,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        description=fm.description,
        paragraphs=tuple(body),
        forces=forces,
        people=people.people,
        quotes=quotes,
        events=events,
        figures=find_figures(body),
        warnings=tuple(warnings),
    )


@functools.lru_cache(maxsize=4096)
def _phrase_spans(phrase: str) -> list[tuple[int, int, str]]:
    """Forces named in a short speaker phrase; phrases repeat across articles, so cached."""
    return force_spans(phrase)


def _top_url(body: str) -> str | None:
    """A URL alone on a line (or after 'URL:'/'Source:') among the first lines of the body."""
    for line in body.lstrip().split("\n", 12)[:12]:
        line = line.strip()
        if "://" in line and (m := _URL_LINE.match(line) or _BARE_URL.match(line)):
            return m.group("url")
    return None


def _drop_repeated_title(body: list[str], title: str) -> None:
    """Drop the headline repeated at the top of the body, with the masthead and menus above it."""
    for at, para in enumerate(body[:TOP_LINES]):
        if _same(para, title):
            del body[: at + 1]
            return
        if not is_page_chrome(para):
            return


def _same(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return _NON_WORD.sub(" ", s).strip().lower()

    normal = norm(a)
    return normal == norm(b) or normal == norm(split_site_suffix(b)[0])


def _strip_header(body: list[str]) -> tuple[list[str], tuple[str, Precision] | None]:
    """Remove datelines, 'Updated' lines, bylines and the caption names beside them."""
    dateline: tuple[str, Precision] | None = None
    drop: set[int] = set()
    for i, para in enumerate(body[:HEADER_ZONE]):
        if is_update_line(para):
            drop.add(i)
        elif is_dateline(para):
            drop.add(i)
            if dateline is None:
                dateline = dateline_date(para)
        elif is_byline(para) or (i - 1 in drop and _WRITER_ROLE.fullmatch(para)):
            drop.add(i)  # 'By Jane Roe', and 'Crime Reporter' on the line below it
    if drop:
        last = max(drop)
        for j in range(last + 1, min(last + 3, len(body))):
            if is_caption_name(body[j]):
                drop.add(j)
            else:
                break
    return [p for i, p in enumerate(body) if i not in drop], dateline


_OUTLET_NAMES: Final = frozenset(HOSTS.values())


def _outlet(url: str | None, site: str | None, body: str) -> str | None:
    known = outlet_from_url(url)
    if known and known in _OUTLET_NAMES and known not in {"police.uk", "GOV.UK"}:
        return known
    if site:
        return site
    if known:
        return known
    return outlet_from_text(body)


def _with_title_mentions(
    forces: tuple[ForceMention, ...], title_spans: list[tuple[int, int, str]]
) -> tuple[ForceMention, ...]:
    """Count mentions in the headline too (paragraph indexes stay those of the body)."""
    in_title = Counter(name for _, _, name in title_spans)
    if not in_title:
        return forces
    out = [ForceMention(f.name, f.mentions + in_title.pop(f.name, 0), f.paragraphs) for f in forces]
    out.extend(ForceMention(name, n, ()) for name, n in in_title.items())
    return tuple(out)
