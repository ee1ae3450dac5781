"""Clean article bodies: repair mojibake, strip Markdown and page furniture, split paragraphs."""

from __future__ import annotations

import html
import re
import string
import unicodedata
from collections import Counter
from typing import Final

MAX_LINE: Final = 20_000  # longer lines are split at sentence ends before any pattern runs

# UTF-8 read as Windows-1252, the common web mojibake, and damaged forms of it.
_MOJIBAKE: Final = {
    "â€™": "’",
    "â€˜": "‘",
    "â€œ": "“",
    "â€\x9d": "”",
    "â€“": "–",
    "â€”": "—",
    "â€¦": "…",
    "â€¢": "•",
    "Â£": "£",
    "Â ": " ",
    "\u00a0": " ",
    "'˜": "‘",
    "‘˜": "‘",
}
_MOJIBAKE_RE: Final = re.compile(
    "|".join(re.escape(k) for k in sorted(_MOJIBAKE, key=len, reverse=True))
)
_LATIN_RUN: Final = re.compile(
    r"[ÂÃâ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]+"
)
_DANGLING_RQUO: Final = re.compile(r"â€(?=\s|$|[.,;:!?])")

_FURNITURE: Final = re.compile(
    r"""^(?:
        hide\ ad | advertisement | advert | sponsored | read\ more | read\ next | more\ on\ this\ story
      | (?:read|see|watch|listen)\ (?:more|also|next)\b.* | related(?::|\ (?:articles?|stories|content|topics)\b).{0,80}
      | most\ read | trending
      | (?:sign\ up|subscribe|register)\b.*\b(?:newsletter|updates|email|free)\b.*
      | enter\ your\ email.* | thank\ you\ for\ (?:subscribing|signing\ up).*
      | we\ use\ your\ sign-up.* | by\ signing\ up.* | invalid\ email.* | something\ went\ wrong.*
      | share\ (?:this|on)\b.* | share | tweet | email | facebook | twitter | whatsapp | linkedin | copy\ link
      | follow\ us\b.* | click\ here\b.* | comments?(?:\ \(\d+\))? | skip\ to\b.* | listen\ to\ this\ article.*
      | \d+\s+min(?:ute)?s?\ read | image\ (?:caption|source|copyright)\b.* | (?:photo|picture|image|credit)s?\s*[:(].*
      | \(image:.*\) | getty\ images | pa\ media | pa\ wire | copyright\b.{0,80} | all\ rights\ reserved.*
      | back\ to\ top | continue\ reading | play\ video | video\ loading | this\ video\ can\ not\ be\ played
      | top\ stories | more\ from\b.{0,60} | you\ may\ also\ like | recommended(?:\ for\ you)?
      | cookie.* | accept\ cookies.* | loading\.*
      | (?:we(?:\ and\ our\ partners)?|this\ (?:web)?site|our\ (?:web)?site)\ uses?\b.{0,60}\bcookies\b.*
      | (?:accept|reject|manage|view|allow|decline)\b.{0,30}\bcookies\b.{0,30}
      | manage\ (?:preferences|consent|settings|options)\b.{0,30} | accept\ all\b.{0,30}
      | we\ value\ your\ privacy
    )$""",
    re.I | re.X,
)
# The first four characters (lower case) of every _FURNITURE phrase but the "N min read" one:
# a line opening with plain ASCII that is none of these, and no digit, cannot be furniture.
_FURNITURE_HEADS: Final = frozenset(
    "hide|adve|spon|read|more|see |watc|list|rela|most|tren|sign|subs|regi|ente|than|we u|by s"
    "|inva|some|shar|twee|emai|face|twit|what|link|copy|foll|clic|comm|skip|imag|phot|pict|cred"
    "|(ima|gett|pa m|pa w|all |back|cont|play|vide|this|top |you |reco|cook|acce|load|our "
    "|reje|mana|view|allo|decl|we a|we v".split("|")
)
# How _LINKS_HEADER's words open, in lower case ("ſ" is an "s" when case is ignored).
_LINKS_HEADS: Final = frozenset(("re", "mo", "se", "yo", "ſe", "in", "to", "tr", "la"))
_LINKS_HEADER: Final = re.compile(
    r"^(?:read\s+(?:more|next|also)|more\s+on\s+this\s+story"
    r"|related(?:\s+(?:articles?|stories|content|topics|news|links|coverage))?"
    r"|more\s+from\b.{0,40}|see\s+also|you\s+(?:may|might)\s+also\s+like"
    r"|most\s+(?:read|viewed|popular|shared|watched)|in\s+case\s+you\s+missed\s+it"
    r"|top\s+stories|trending(?:\s+now)?|latest\s+(?:news|stories|headlines)"
    r"|recommended(?:\s+for\s+you)?|more)"
    r"(?:\s+from\s+[^:]{1,40})?\s*:?\s*$",
    re.I,
)


def _is_links_header(line: str) -> bool:
    """A heading over a list of links: 'Read more', 'Related', 'Darllen mwy / Read more'."""
    if "/" in line:  # a bilingual heading: the English after the slash
        line = line.rsplit("/", 1)[1].strip()
    return line[:2].lower() in _LINKS_HEADS and _LINKS_HEADER.match(line) is not None


_LINE_MARKS: Final = ">#-*+•0123456789"  # the characters Markdown at a line's start opens with
_HEADING: Final = re.compile(r"^#{1,6}\s+")
_BLOCKQUOTE: Final = re.compile(r"^(?:>\s?)+")
_BULLET: Final = re.compile(r"^\s*(?:[-*+•]|\d+[.)])\s+")
_IMAGE: Final = re.compile(r"!\[[^\]]{0,500}\]\([^)]{0,2000}\)")
_LINK: Final = re.compile(r"\[([^\]]{0,500})\]\((?:[^)]{0,2000})\)")
_AUTOLINK: Final = re.compile(r"<(https?://[^>\s]{1,2000})>")
_TAG: Final = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]{0,500})?/?>")
_EMPHASIS: Final = re.compile(r"(?<![\w*])(\*{1,3}|_{1,3})(?=\S)(.{1,300}?)(?<=\S)\1(?![\w*])")
_STRAY_MARKS: Final = re.compile(r"(?:(?<=\s)|^)[*_]{1,3}(?=\s|$)|(?<=\s)_(?=\s*-)|(?<=-)_")
_EDGE_MARKS: Final = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
_SPACES: Final = re.compile(r"[ \t]+")
_ONLY_PUNCT: Final = re.compile(r"^[\W_]*$")
_SENTENCE_END: Final = re.compile(r"[.!?…:;\"”’')\]]$")
_CAPTION_NAME: Final = re.compile(r"^(?:[A-Z][\w’'.-]*\s+){0,5}[A-Z][\w’'.-]*$")


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 decoded as Windows-1252 (â€™ → ’), including damaged forms like '˜."""
    if "â" in text or "Ã" in text or "Â" in text:
        text = _LATIN_RUN.sub(_redecode, text)
        text = _DANGLING_RQUO.sub("”", text)
    elif "\u00a0" not in text and "˜" not in text:
        return text  # every _MOJIBAKE key holds one of "â", "Â", "\u00a0" or "˜"
    return _MOJIBAKE_RE.sub(lambda m: _MOJIBAKE[m.group(0)], text)


def _redecode(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return run.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return run


def strip_markdown(line: str) -> str:
    """Markdown to plain text: headings, bullets, images, links, emphasis, tags, entities."""
    line = _strip_line_marks(line)
    if "](" in line:
        line = _IMAGE.sub("", line)
        line = _LINK.sub(r"\1", line)
    if "<" in line:
        line = _AUTOLINK.sub(r"\1", line)
        line = _TAG.sub("", line)
    if "&" in line:
        line = html.unescape(line)
    if "*" in line or "_" in line:
        for _ in range(3):
            new = _EMPHASIS.sub(r"\2", line)
            if new == line:
                break
            line = new
        line = _STRAY_MARKS.sub("", line)
        line = _EDGE_MARKS.sub("", line)
    return _SPACES.sub(" ", line).strip() if "  " in line or "\t" in line else line.strip()


def _strip_line_marks(line: str) -> str:
    """The Markdown that opens a line: blockquote marks, heading hashes, a bullet."""
    if line.startswith(">"):
        line = _BLOCKQUOTE.sub("", line)
    if line.startswith("#"):
        line = _HEADING.sub("", line)
    if line[:1] in "-*+•0123456789" and not line.startswith(("-- ", "- -")):
        line = _BULLET.sub("", line)
    return line


def _has_inline_markup(text: str) -> bool:
    """Whether strip_markdown has anything to do past the start of any line of the text."""
    return (
        ("]" in text and "](" in text)  # one character is found far faster than two
        or "<" in text
        or "&" in text
        or "*" in text
        or "_" in text
        or "  " in text
        or "\t" in text
    )


def is_furniture(line: str) -> bool:
    """Page furniture: ads, share buttons, newsletter prompts, 'Read more' links, captions."""
    return _is_furniture(line, menus=True)


def _is_furniture(line: str, menus: bool) -> bool:
    """is_furniture, told whether the text the line is from holds any menu mark at all."""
    if len(line) > 300:
        return False
    stripped = line.strip(" -–—|•>")
    if not stripped or (not stripped[0].isalnum() and _ONLY_PUNCT.match(stripped)):
        return True
    # Lower-casing is done char by char, so the opening's lower case opens the line's.
    head = stripped[:8].lower()
    if head.startswith(("http://", "https://", "www.")) and " " not in stripped:
        return True
    if len(stripped) < 90 and "newsletter" in stripped.lower():
        return True
    if menus and _is_menu(stripped):
        return True
    if "  " in stripped and _is_spaced_menu(stripped):
        return True
    if stripped[0] == "[" and _BUTTONS.fullmatch(stripped):
        return True  # '[Share] [Save] [Listen to this article]'
    if stripped[:4].isascii() and head[:4] not in _FURNITURE_HEADS and not "0" <= head[0] <= "9":
        return False  # opens as no _FURNITURE phrase can ("ſ", "K", "İ", "ı" match ASCII letters)
    return bool(_FURNITURE.match(stripped))


def _is_menu(line: str) -> bool:
    """Navigation: 'Home > News > Crime', 'Menu | Search | Sign in'."""
    if len(line) > 160 or not _has_menu_mark(line):
        return False
    if _DIGIT.search(line):
        return False  # 'By Jane Roe | 17.01.24 | Crime' is a dateline, read later
    items = _MENU_SEP.split(line)
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 for item in items)


def _is_spaced_menu(line: str) -> bool:
    """Navigation or buttons set apart by runs of spaces: 'UK news   World   Politics',
    'Accept additional cookies    Reject additional cookies'."""
    if len(line) > 160 or _MENU_PUNCT.search(line):
        return False
    items = _SPACE_RUN.split(line)
    return len(items) >= 3 and all(
        0 < len(item.split()) <= 4 and (item[0].isupper() or not item[0].isalnum())
        for item in items
    )


def _has_menu_mark(text: str) -> bool:
    """Whether any mark a menu separates its items with is in the text."""
    # A substring test per mark is much cheaper than a regex or set scan of the text.
    return (
        ">" in text
        or "|" in text
        or "/" in text
        or "›" in text
        or "»" in text
        or "·" in text
        or "•" in text
    )


_CODE_OPEN: Final = re.compile(r"<(script|style)\b")
_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def _drop_code(body: str) -> str:
    """The body without its <script> and <style> elements: a page's code is no text of it.

    Each element ends at the first closing tag after it; one left open is kept as text. One
    pass from left to right, so the time is linear in the body's length.
    """
    low = body.translate(_ASCII_LOWER)  # tags in any case, at the same offsets
    out: list[str] = []
    pos = 0
    while (m := _CODE_OPEN.search(low, pos)) is not None:
        close = low.find(f"</{m.group(1)}", m.end())
        if close < 0:
            break
        end = body.find(">", close)
        end = len(body) if end < 0 else end + 1
        out.append(body[pos : m.start()])
        out.append("\n")
        pos = end
    out.append(body[pos:])
    return "".join(out)


_BUTTONS: Final = re.compile(r"(?:\[[^\]\[]{1,40}\]\s*){2,12}")
_DIGIT: Final = re.compile(r"[0-9]")
_SPACE_RUN: Final = re.compile(r"\s{2,}|\t")
_MENU_PUNCT: Final = re.compile(r"[.,;:!?\"“”0-9]")
_MENU_SEP: Final = re.compile(r"\s(?:>|›|»|\||/|·|•)\s")


def _split_long(line: str) -> list[str]:
    if len(line) <= MAX_LINE:
        return [line]
    parts: list[str] = []
    start = 0  # cut by index: slicing off the rest each time would copy it again and again
    while len(line) - start > MAX_LINE:
        cut = line.rfind(". ", start, start + MAX_LINE)
        cut = cut + 1 if cut - start > MAX_LINE // 2 else start + MAX_LINE
        parts.append(line[start:cut])
        start = cut
    parts.append(line[start:])
    return parts


def _is_doubled(line: str) -> bool:
    """A caption glued to itself: 'A man was heldA man was held'."""
    n = len(line)
    return n >= 20 and n % 2 == 0 and line[: n // 2] == line[n // 2 :]


def split_blocks(body: str) -> list[list[str]]:
    """Blocks separated by blank lines, each a list of non-empty stripped lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in body.split("\n"):
        line = raw.strip()
        if not line:
            if current:
                blocks.append(current)
                current = []
        elif len(line) <= MAX_LINE:
            current.append(line)
        else:
            current.extend(_split_long(line))
    if current:
        blocks.append(current)
    return blocks


def _is_wrapped(lines: list[str]) -> bool:
    """Hard-wrapped prose: several lines of similar, long-ish length."""
    if len(lines) < 3:
        return False
    body = lines[:-1]
    return all(45 <= len(x) <= 110 for x in body) and max(map(len, body)) - min(map(len, body)) < 40


def _wrapped_document(blocks: list[list[str]]) -> bool:
    """A file hard-wrapped at a fixed width: most inner lines of multi-line blocks are 50–100."""
    inner = [len(line) for block in blocks if len(block) > 1 for line in block[:-1]]
    if len(inner) < 4 or max(inner) > 100:
        return False
    return sum(1 for n in inner if n >= 50) >= 0.75 * len(inner)


def _join_lines(lines: list[str], wrapped: bool = False) -> list[str]:
    """Lines of one block as paragraphs: wrapped prose joined, separate lines kept apart."""
    if wrapped or _is_wrapped(lines):
        return [" ".join(lines)]
    # Each paragraph as its pieces and its joined length, joined once at the end: growing
    # one string line by line would copy it again for every line.
    pieces: list[list[str]] = []
    lengths: list[int] = []
    for line in lines:
        if (
            pieces
            and not _SENTENCE_END.search(pieces[-1][-1][-1:])
            and line[:1].islower()
            and lengths[-1] >= 30
        ):
            pieces[-1].append(line)
            lengths[-1] += 1 + len(line)
        else:
            pieces.append([line])
            lengths.append(len(line))
    return [" ".join(p) for p in pieces]


def clean_paragraphs(body: str) -> list[str]:
    """Clean paragraphs in order: furniture, repeats and doubled captions removed."""
    body = repair_mojibake(body)
    if "<script" in body or "<style" in body or "<SCRIPT" in body or "<STYLE" in body:
        body = _drop_code(body)
    if not body.isascii():  # ASCII is already in normal form
        body = unicodedata.normalize("NFC", body)
    candidates: list[str] = []
    blocks = split_blocks(body)
    wrapped = _wrapped_document(blocks)
    # Lines are parts of the body: with no inline markup in it, only a line's start can hold any.
    inline_markup = _has_inline_markup(body)
    menus = _has_menu_mark(body)
    after_links_header = False  # the block before ended with a bare "Read more" heading
    for block in blocks:
        if after_links_header and all(_BULLET.match(raw) for raw in block):
            after_links_header = False
            continue  # the list of links under "Read more", in a block of its own
        after_links_header = False
        lines: list[str] = []
        for n, raw in enumerate(block):
            if inline_markup and "  " in raw and _is_spaced_menu(raw):
                continue  # before Markdown is stripped, which closes up the spaces
            if inline_markup:
                line = strip_markdown(raw)
            elif raw[:1] in _LINE_MARKS:
                line = _strip_line_marks(raw).strip()
            else:
                line = raw.strip()
            if not line:
                continue
            if _is_links_header(line):
                # "Read more:" and the link lines under it, to the end of the block
                after_links_header = n == len(block) - 1
                break
            if not _is_furniture(line, menus):
                lines.append(line)
        if len(lines) == 1:
            candidates.append(lines[0])  # a single line is its own paragraph
        elif lines:
            candidates.extend(_join_lines(lines, wrapped))
    doubled = {c for c in candidates if not len(c) % 2 and _is_doubled(c)}
    keys = [c.casefold() for c in candidates]
    if not doubled and len(set(keys)) == len(keys):
        return candidates  # nothing doubled and nothing repeated, even ignoring case
    halves = {c[: len(c) // 2] for c in doubled}
    counts = Counter(candidates)
    seen: set[str] = set()
    out: list[str] = []
    for index, para in enumerate(candidates):
        if para in doubled or para in halves:
            continue
        if index > 0 and counts[para] > 1 and not _SENTENCE_END.search(para) and len(para) < 200:
            continue  # a repeated caption line (a repeated headline keeps its first copy)
        key = keys[index]
        if key in seen:
            continue
        seen.add(key)
        out.append(para)
    return out


def is_caption_name(line: str) -> bool:
    """A short line that is only a capitalised name, as left by a photo caption."""
    words = line.split()
    return (
        2 <= len(words) <= 6 and bool(_CAPTION_NAME.match(line)) and not _SENTENCE_END.search(line)
    )
