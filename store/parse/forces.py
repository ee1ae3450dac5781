"""Find the UK police forces an article names, with mention counts and paragraphs."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..records import ForceMention
from .gazetteer import (
    AREA_PREFIXES,
    AREA_SUFFIXES,
    EXACT_WORDS,
    FORCES,
    FREE_WORDS,
    TOWN_SUFFIXES,
    Force,
)

_FREE, _PROPER, _EXACT = 0, 1, 2

# Characters that may separate the words of a name: spaces, line breaks and dashes.
_SEP_CHARS = r"\s\-\u2010\u2011\u2012\u2013\u2014"
_SEP = f"[{_SEP_CHARS}]{{1,3}}"
_SEP_RUN = re.compile(f"[{_SEP_CHARS}]+")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_DIRECTIONS = ("north", "south", "east", "west")

# An office or body named after a force is not the force: "Kent Police and Crime
# Commissioner", "Essex Police, Fire and Crime Commissioner", "Kent Police Federation".
_OFFICE_AFTER = re.compile(
    r"(?:\s*,\s*|\s+)(?:fire\s*,?\s*(?:and|&)\s*|(?:and|&)\s*)crime\b"
    r"|\s+(?:federation|authority|ombudsman|staff\s+association"
    r"|superintendents['\u2019]?\s+association)\b",
    re.IGNORECASE,
)
# "the Met" is not the police in "the Met Office" or "the Met Gala".
_NOT_THE_MET = re.compile(
    r"\s+(?:office|gala|opera|museum|ball|life|\u00e9ireann|eireann)\b", re.IGNORECASE
)
# Link furniture at the start of a line: "Read more: ...", "RELATED: ...".
_FURNITURE = re.compile(
    r"[^\S\n]*(?:read\s+more|read\s+next|more\s+on\s+this\s+story|related(?:\s+articles?"
    r"|\s+stories)?|see\s+also|also\s+read|most\s+read|watch|listen|more)\s*[:|\u00bb\u203a]",
    re.IGNORECASE,
)
_FURNITURE_REACH = 300
_SPACE = re.compile(r"\s")
_DOMAIN = re.compile(
    r"[\w-]\.(?:[\w-]+\.)*(?:uk|com|org|net|gov|info|io|scot|wales|ie|eu|news)\b",
    re.IGNORECASE,
)
# "New Hampshire police", "New South Wales Police": another country's force.
_NEW_BEFORE = re.compile(r"\bnew\s+\Z", re.IGNORECASE)
_TAIL_AND = re.compile(r"(?:\s*,)?\s+(?:and|&)\s+\Z", re.IGNORECASE)
_TAIL_COMMA = re.compile(r"\s*,\s*\Z")


@dataclass(frozen=True)
class _Entry:
    """One matchable name: the force it means and how each word's case is checked."""

    force: str
    checks: tuple[tuple[str, int], ...]
    area: str | None = None  # the area key, when this name is "{area} {force word}"
    not_before: re.Pattern[str] | None = None  # words that, following, unmake the match


def _unify_apostrophes(text: str) -> str:
    return text if text.isascii() and "`" not in text else text.translate(_APOSTROPHES)


def _key(text: str) -> str:
    """Normalise a name for lookup: lower case, one kind of apostrophe, single spaces."""
    return _SEP_RUN.sub(" ", _unify_apostrophes(text).lower()).strip()


def _checks(spelling: str) -> tuple[tuple[str, int], ...]:
    out: list[tuple[str, int]] = []
    for word in _SEP_RUN.split(spelling.translate(_APOSTROPHES).strip()):
        bare = word.split("'")[0]
        if bare in EXACT_WORDS:
            out.append((word, _EXACT))
        elif bare.lower() in FREE_WORDS or not bare[:1].isupper():
            out.append((word, _FREE))
        else:
            out.append((word, _PROPER))
    return tuple(out)


def _case_ok(matched: str, checks: tuple[tuple[str, int], ...]) -> bool:
    words = _SEP_RUN.split(_unify_apostrophes(matched))
    if len(words) != len(checks):
        return False
    for word, (spelling, rule) in zip(words, checks, strict=True):
        if rule == _PROPER and not word[:1].isupper():
            return False
        if rule == _EXACT:
            head, spelled = word.split("'")[0], spelling.split("'")[0]
            if head != spelled and head != spelled.upper():
                return False
    return True


def _names(force: Force) -> Iterator[tuple[str, str | None]]:
    """Every spelling that names `force` on its own, with its area when it has one."""
    yield force.name, None
    for alias in (*force.aliases, *force.former):
        yield alias, None
    for area in force.areas:
        for suffix in AREA_SUFFIXES:
            joiner = "" if suffix.startswith("'") else " "
            yield f"{area}{joiner}{suffix}", area
        for prefix in AREA_PREFIXES:
            for tail in ("", " Police", " Constabulary"):
                yield f"{prefix} {area}{tail}", None
    for town in force.towns:
        for suffix in TOWN_SUFFIXES:
            joiner = "" if suffix.startswith("'") else " "
            yield f"{town}{joiner}{suffix}", None


def _build_entries() -> tuple[dict[str, _Entry], dict[str, _Entry]]:
    entries: dict[str, _Entry] = {}
    areas: dict[str, _Entry] = {}
    for force in FORCES:
        for spelling, area in _names(force):
            key = _key(spelling)
            old = entries.get(key)
            if old is not None and old.force != force.name:
                raise ValueError(f"gazetteer: {spelling!r} names both {old.force} and {force.name}")
            if old is None or (old.area is None and area is not None):
                area_key = _key(area) if area is not None else None
                guard = _NOT_THE_MET if key == "the met" else None
                entries[key] = _Entry(force.name, _checks(spelling), area_key, guard)
        for area in force.areas:
            areas.setdefault(_key(area), _Entry(force.name, _checks(area), _key(area)))
    return entries, areas


class _Node:
    """A character trie node: children by character, and whether a key ends here."""

    __slots__ = ("children", "terminal")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.terminal = False


def _piece(ch: str) -> str:
    if ch == " ":
        return _SEP
    if ch == "'":
        return "['\u2019\u2018`\u00b4]"
    return re.escape(ch)


def _emit(node: _Node) -> str:
    branches = [_piece(ch) + _emit(node.children[ch]) for ch in sorted(node.children)]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "(?:" + body + ")?" if node.terminal else body


def _trie_regex(keys: Sequence[str]) -> str:
    """A regex matching any key, preferring the longest, built as a character trie."""
    root = _Node()
    for key in keys:
        node = root
        for ch in key:
            node = node.children.setdefault(ch, _Node())
        node.terminal = True
    return _emit(root)


@dataclass(frozen=True)
class _Tables:
    """Lookup tables and the compiled scanners, built once on first use."""

    entries: dict[str, _Entry]
    areas: dict[str, _Entry]
    after_space: re.Pattern[str]  # a space, then a name: see `_Scan`
    after_other: re.Pattern[str]  # any other character that may come before a name, then one
    areas_reversed: re.Pattern[str]  # area names spelled backwards, to read back from "and"
    longest_area: int


@functools.cache
def _tables() -> _Tables:
    entries, areas = _build_entries()
    if not all(key[:1].isalpha() and key[:1].isascii() for key in entries):
        raise ValueError("gazetteer: every name must start with a letter")
    # Case-sensitive over lower-cased text: much faster than re.IGNORECASE on long input.
    names = "(?:" + _trie_regex(sorted(entries)) + r")(?!\w)"
    after_space = re.compile(" " + names)
    after_other = re.compile("[^A-Za-z0-9_ ]" + names)
    backwards = re.compile("(?:" + _trie_regex(sorted(k[::-1] for k in areas)) + r")(?!\w)")
    longest = max(len(a) for a in areas) + 8
    return _Tables(entries, areas, after_space, after_other, backwards, longest)


_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_BY_NAME: dict[str, Force] = {f.name: f for f in FORCES}
_MAX_CONJUNCTS = 8


def prepare() -> None:
    """Build the scanners now (they are otherwise built on first use), e.g. before forking."""
    _tables()


def all_forces() -> tuple[str, ...]:
    """Every force's canonical name, in gazetteer order."""
    return tuple(f.name for f in FORCES)


def force_info(name: str) -> Force | None:
    """The gazetteer entry for any official, former or alias name of a force."""
    canonical = canonical_force(name)
    return _BY_NAME.get(canonical) if canonical is not None else None


def canonical_force(name: str) -> str | None:
    """The canonical name for any official, former or alias name, ignoring case; else None."""
    if not isinstance(name, str):
        return None
    key = _key(name)
    entries = _tables().entries
    entry = entries.get(key)
    if entry is None and key.startswith("the "):
        entry = entries.get(key[4:])
    if entry is None:
        for force in FORCES:
            if _key(force.name) == key:
                return force.name
        return None
    return entry.force


def _in_link(text: str, start: int, end: int) -> bool:
    """True when a one-word match sits inside a URL, domain, e-mail address or path."""
    if _SPACE.search(text, start, end) is not None:
        return False
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() and (after.isspace() or after in ",;!?)"):
        return False
    left = start
    floor = max(0, start - 300)
    while left > floor and not text[left - 1].isspace():
        left -= 1
    right = end
    ceiling = min(len(text), end + 300)
    while right < ceiling and not text[right].isspace():
        right += 1
    token = text[left:right].lstrip("([<\"'\u201c\u2018")
    return (
        "://" in token
        or "@" in token
        or token.lower().startswith(("www.", "/"))
        or _DOMAIN.search(token) is not None
    )


def _in_furniture(text: str, start: int) -> bool:
    """True when the match is on a 'Read more: ...' style link line."""
    floor = max(0, start - _FURNITURE_REACH)
    line_start = text.rfind("\n", floor, start) + 1
    if line_start == 0 and floor > 0:
        return False
    return _FURNITURE.match(text, line_start, start) is not None


def _area_ending_at(lowered: str, text: str, end: int) -> tuple[int, _Entry] | None:
    """The longest known area name that ends exactly at `end`, with its start."""
    tables = _tables()
    window = lowered[max(0, end - tables.longest_area) : end][::-1]
    m = tables.areas_reversed.match(window)
    if m is None:
        return None
    start = end - m.end()
    phrase = text[start:end]
    entry = tables.areas.get(_key(phrase))
    if entry is None or not _case_ok(phrase, entry.checks):
        return None
    return start, entry


def _conjuncts(
    lowered: str, text: str, start: int, entry: _Entry, floor: int
) -> list[tuple[int, int, str]]:
    """Forces joined to a match by 'and': 'Kent and Essex Police', 'North and South Wales'.

    Nothing before `floor` (the end of the previous mention) is read again.
    """
    window = text[max(0, start - 12) : start]
    if "and" not in window.lower() and "&" not in window:
        return []
    tail = _TAIL_AND.search(text, max(0, start - 12), start)
    if tail is None:
        return []
    found: list[tuple[int, int, str]] = []
    end = tail.start()
    main_words = (entry.area or "").split(" ")
    for _step in range(_MAX_CONJUNCTS):
        hit = _area_ending_at(lowered, text, end)
        if hit is not None:
            area_start, force = hit[0], hit[1].force
        elif len(main_words) > 1 and main_words[0] in _DIRECTIONS:
            word = re.search(r"\b(North|South|East|West)\Z", text[max(0, end - 6) : end])
            composed = None
            if word is not None:
                composed = _tables().areas.get(" ".join([word.group(1).lower(), *main_words[1:]]))
            if word is None or composed is None:
                break
            area_start, force = end - len(word.group(1)), composed.force
        else:
            break
        if area_start < floor:
            break
        if force != entry.force:
            found.append((area_start, end, force))
        comma = _TAIL_COMMA.search(text, max(0, area_start - 6), area_start)
        if comma is None:
            break
        end = comma.start()
    return found


@functools.lru_cache(maxsize=4096)
def _lookup(matched: str) -> _Entry | None:
    """The entry a matched name stands for, if its letter case fits (names repeat: cached)."""
    entry = _tables().entries.get(_key(matched))
    if entry is not None and not _case_ok(matched, entry.checks):
        return None
    return entry


# Where the scan finds no (more) names.
_NO_NAME = (_NEVER := 2**62, _NEVER)


class _Scan:
    """The names in a scan text, as `\\b(?:names)(?!\\w)` finds them, leftmost first.

    A name starts with a letter after a character that is no word character. The scan text
    has a space before each paragraph, so most names follow a space: one pattern finds those,
    led by a literal space, which the engine jumps to far faster than it tests a word
    boundary at every character. A second pattern, led by the set of other characters, finds
    the rest; of those, only a character outside ASCII may still be a word character, which
    is checked here. Each pattern's next name is kept until the scan moves past its start.
    """

    __slots__ = ("after_other", "after_space", "next_other", "next_space", "text")

    def __init__(self, text: str, tables: _Tables) -> None:
        self.text = text
        self.after_space = tables.after_space
        self.after_other = tables.after_other
        self.next_space = self.next_other = (-1, -1)

    def first(self, pos: int) -> tuple[int, int]:
        """Start and end of the leftmost name starting at or after `pos` (> 0); else _NO_NAME."""
        if self.next_space[0] < pos:
            m = self.after_space.search(self.text, pos - 1)
            self.next_space = (m.start() + 1, m.end()) if m is not None else _NO_NAME
        if self.next_other[0] < pos:
            self.next_other = self._after_other(pos - 1)
        return min(self.next_space, self.next_other)

    def _after_other(self, at: int) -> tuple[int, int]:
        text = self.text
        while (m := self.after_other.search(text, at)) is not None:
            at = m.start()
            if text[at].isascii() or _WORD_CHAR.match(text, at) is None:
                return at + 1, m.end()
            at += 1
        return _NO_NAME


_WORD_CHAR = re.compile(r"\w")


def _lower(text: str) -> str:
    """Lower-cased text, one character for each of `text`'s, so offsets stay aligned."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two
        lowered = text.translate(_ASCII_LOWER)
    return lowered


def force_spans(text: str) -> list[tuple[int, int, str]]:
    """Character spans of every force mention in `text`, with the force's canonical name."""
    if not isinstance(text, str) or not text:
        return []
    return paragraph_force_spans([text])[0]


def paragraph_force_spans(paragraphs: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """`force_spans` of each paragraph, found in one scan of them all."""
    # The scan text: a space before each paragraph, and NUL between them, which no name holds
    # or runs across, and which the checks either side of a name treat as a text's end.
    joined = " " + "\x00 ".join(paragraphs)
    lowered = joined.lower()
    if len(lowered) != len(joined):
        lowered = " " + "\x00 ".join(map(_lower, paragraphs))
    scan = _Scan(lowered, _tables())
    found: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]
    pi, base, limit = -1, 0, 0  # the paragraph of the last name, where it starts and ends
    text, last_end = "", 0
    pos = 1
    while (name := scan.first(pos))[0] < len(lowered):
        if name[0] >= limit:
            while name[0] >= limit:
                pi += 1
                base = limit + 2 if pi else 1
                limit = base + len(paragraphs[pi])
            text, last_end = paragraphs[pi], 0
        start, end = name[0] - base, name[1] - base
        entry = _lookup(text[start:end])
        if entry is None:
            pos = name[0] + 1
            continue
        pos = name[1]
        if _OFFICE_AFTER.match(text, end) is not None:
            continue
        if _NEW_BEFORE.search(text, max(0, start - 6), start) is not None:
            continue
        if entry.not_before is not None and entry.not_before.match(text, end) is not None:
            continue
        if _in_link(text, start, end) or _in_furniture(text, start):
            continue
        spans = found[pi]
        if entry.area is not None:
            spans.extend(_conjuncts(lowered[base:limit], text, start, entry, last_end))
        spans.append((start, end, entry.force))
        last_end = end
    for spans in found:
        if len(spans) > 1:
            spans.sort()
    return found


def tally(spans_by_paragraph: Sequence[Sequence[tuple[int, int, str]]]) -> tuple[ForceMention, ...]:
    """Forces with counts and paragraphs from per-paragraph `force_spans`, by first mention."""
    counts: dict[str, int] = {}
    where: dict[str, list[int]] = {}
    for index, spans in enumerate(spans_by_paragraph):
        for _start, _end, force in spans:
            counts[force] = counts.get(force, 0) + 1
            seen = where.setdefault(force, [])
            if not seen or seen[-1] != index:
                seen.append(index)
    return tuple(ForceMention(name, counts[name], tuple(where[name])) for name in counts)


def find_forces(paragraphs: Sequence[str]) -> tuple[ForceMention, ...]:
    """Forces named in the paragraphs, ordered by first mention, with counts and paragraphs."""
    return tally([force_spans(paragraph) for paragraph in paragraphs])
