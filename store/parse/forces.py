"""Find the UK police forces an article names, with mention counts and paragraphs."""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

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
_SEP_CHARS: Final = r"\s\-\u2010\u2011\u2012\u2013\u2014"
_SEP: Final = f"[{_SEP_CHARS}]{{1,3}}"
_SEP_RUN: Final = re.compile(f"[{_SEP_CHARS}]+")
_APOSTROPHES: Final = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})
_DIRECTIONS: Final = ("north", "south", "east", "west")

# An office or body named after a force is not the force: "Kent Police and Crime
# Commissioner", "Essex Police, Fire and Crime Commissioner", "Kent Police Federation".
_OFFICE_AFTER: Final = re.compile(
    r"(?:\s*,\s*|\s+)(?:fire\s*,?\s*(?:and|&)\s*|(?:and|&)\s*)crime\b"
    r"|\s+(?:federation|authority|ombudsman|staff\s+association"
    r"|superintendents['\u2019]?\s+association)\b",
    re.IGNORECASE,
)
# "the Met" is not the police in "the Met Office" or "the Met Gala".
_NOT_THE_MET: Final = re.compile(
    r"\s+(?:office|gala|opera|museum|ball|life|\u00e9ireann|eireann)\b", re.IGNORECASE
)
# Link furniture at the start of a line: "Read more: ...", "RELATED: ...".
_FURNITURE: Final = re.compile(
    r"[^\S\n]*(?:read\s+more|read\s+next|more\s+on\s+this\s+story|related(?:\s+articles?"
    r"|\s+stories)?|see\s+also|also\s+read|most\s+read|watch|listen|more)\s*[:|\u00bb\u203a]",
    re.IGNORECASE,
)
_FURNITURE_REACH: Final = 300
_SPACE: Final = re.compile(r"\s")
_DOMAIN: Final = re.compile(
    r"[\w-]\.(?:[\w-]+\.)*(?:uk|com|org|net|gov|info|io|scot|wales|ie|eu|news)\b",
    re.IGNORECASE,
)
# "New Hampshire police", "New South Wales Police": another country's force.
_NEW_BEFORE: Final = re.compile(r"\bnew\s+\Z", re.IGNORECASE)
_TAIL_AND: Final = re.compile(r"(?:\s*,)?\s+(?:and|&)\s+\Z", re.IGNORECASE)
_TAIL_COMMA: Final = re.compile(r"\s*,\s*\Z")


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


def _trie(keys: Iterable[str]) -> _Node:
    """The keys as a character trie."""
    root = _Node()
    for key in keys:
        node = root
        for ch in key:
            node = node.children.setdefault(ch, _Node())
        node.terminal = True
    return root


def _trie_regex(keys: Sequence[str]) -> str:
    """A regex matching any key, preferring the longest, built as a character trie."""
    return _emit(_trie(keys))


@dataclass(frozen=True)
class _Tables:
    """Lookup tables and the compiled scanners, built once on first use."""

    entries: dict[str, _Entry]
    areas: dict[str, _Entry]
    names: re.Pattern[str]  # a name in lower-cased text, not glued to a word either side
    marked: re.Pattern[bytes]  # where a name may start, in the marked bytes: see `_marked`
    reach: int  # how far before its first capital a name may start
    longest: int  # how many characters a name may span
    areas_reversed: re.Pattern[str]  # area names spelled backwards, to read back from "and"
    longest_area: int


def _free_lead(entry: _Entry) -> int:
    """How many words open the name before its first word that must be capitalised."""
    for index, (_spelling, rule) in enumerate(entry.checks):
        if rule != _FREE:
            return index
    raise ValueError(f"gazetteer: {entry.force!r} has a name with no capitalised word")


def _marked_piece(ch: str) -> str:
    # In the marked bytes every character other than a letter, digit or "_" is a space or
    # MARK (see `_marked`), so a name's spaces, apostrophes and "&" are one of those.
    if ch == " ":
        return "[ \x01]{1,3}"
    if not ch.isalnum():
        return "[ \x01]"
    return re.escape(ch)


def _marked_pattern(entries: dict[str, _Entry]) -> re.Pattern[bytes]:
    """MARK, then a name or the rest of a name from its first word that must be capitalised.

    Every name a scan accepts has such a word ('officers in Kent', 'the Met'), and its
    capital puts a MARK before it, so each accepted name is found by this pattern at or
    shortly after its start: at most `_Tables.reach` characters after.
    """
    keys = set(entries)
    for key, entry in entries.items():
        lead = _free_lead(entry)
        if lead:
            keys.add(" ".join(key.split(" ")[lead:]))
    root = _trie(keys)

    def emit(node: _Node) -> str:
        branches = [_marked_piece(ch) + emit(node.children[ch]) for ch in sorted(node.children)]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if node.terminal else body

    return re.compile(("\x01(?:" + emit(root) + ")(?![a-z0-9_])").encode("ascii"))


def _spread(text: str) -> int:
    """The most characters `text` can span in an article: a space matches up to three."""
    return len(text) + 2 * text.count(" ")


@functools.cache
def _tables() -> _Tables:
    entries, areas = _build_entries()
    if not all(key[:1].isalpha() and key[:1].isascii() for key in entries):
        raise ValueError("gazetteer: every name must start with a letter")
    # Case-sensitive over lower-cased text: much faster than re.IGNORECASE on long input.
    names = re.compile(r"(?<!\w)(?:" + _trie_regex(sorted(entries)) + r")(?!\w)")
    reach = 0
    for key, entry in entries.items():
        lead = _free_lead(entry)
        if lead:
            reach = max(reach, _spread(" ".join(key.split(" ")[:lead])) + 3)
    longest = max(_spread(key) for key in entries)
    backwards = re.compile("(?:" + _trie_regex(sorted(k[::-1] for k in areas)) + r")(?!\w)")
    longest_area = max(len(a) for a in areas) + 8
    return _Tables(
        entries, areas, names, _marked_pattern(entries), reach, longest, backwards, longest_area
    )


_ASCII_LOWER: Final = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_BY_NAME: Final[dict[str, Force]] = {f.name: f for f in FORCES}
_MAX_CONJUNCTS: Final = 8


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


_JOINED_AFTER: Final = re.compile(r"(?:\s*,)?\s+(?:and|or|&)\s+|\s*,\s*")
_FORCE_WORD_AFTER: Final = re.compile(
    r"['\u2019]?s?\s+(?:police|constabulary|force|officers?|cops)\b", re.IGNORECASE
)


@functools.cache
def _areas_forward() -> re.Pattern[str]:
    """Any area name, in lower-cased text, not glued to a word after it."""
    return re.compile("(?:" + _trie_regex(sorted(_tables().areas)) + r")(?!\w)")


def _following_areas(lowered: str, text: str, end: int, force: str) -> list[tuple[int, int, str]]:
    """Bare areas listed after a force: 'Dyfed-Powys and North Wales', 'GMP or Merseyside'.

    An area alone is a place ('living in Merseyside'); joined by 'and', 'or' or a comma to a
    force's name it is another force. One followed by a force word is left to the main scan.
    """
    found: list[tuple[int, int, str]] = []
    areas = _tables().areas
    for _step in range(_MAX_CONJUNCTS):
        join = _JOINED_AFTER.match(text, end)
        if join is None:
            break
        m = _areas_forward().match(lowered, join.end())
        if m is None:
            break
        phrase = text[m.start() : m.end()]
        entry = areas.get(_key(phrase))
        if entry is None or not _case_ok(phrase, entry.checks):
            break
        if _FORCE_WORD_AFTER.match(text, m.end()) or _OFFICE_AFTER.match(text, m.end()):
            break
        if entry.force != force:
            found.append((m.start(), m.end(), entry.force))
        end = m.end()
    return found


@functools.lru_cache(maxsize=4096)
def _lookup(matched: str) -> _Entry | None:
    """The entry a matched name stands for, if its letter case fits (names repeat: cached)."""
    entry = _tables().entries.get(_key(matched))
    if entry is not None and not _case_ok(matched, entry.checks):
        return None
    return entry


# The marked bytes of a text: one byte for each character. A letter, digit or "_" (ASCII) is
# itself, lower-cased; any other character is a space, or MARK when a capital (A-Z) follows.
_MARK: Final = 0x01
_MARK_TABLE: Final = bytes(
    (b & 0x7F if chr(b & 0x7F).isalnum() or b & 0x7F == 0x5F else (_MARK if b & 0x80 else 0x20))
    for b in range(256)
)
_KELVIN: Final = "\u212a"  # the one character other than A-Z that lower-cases to an ASCII letter


def _marked(text: str) -> bytes:
    """The marked bytes of `text`, built with whole-text operations.

    Each character becomes one byte (outside ASCII: '?'), so offsets stay aligned. A capital is
    the one byte that lower-casing changes, by 0x20; that difference, moved one byte back and
    up to the top bit, flags the byte before each capital, which the table then turns into
    MARK (or leaves a letter, digit or "_").
    """
    if not text.isascii() and _KELVIN in text:
        text = text.replace(_KELVIN, "K")  # it is a capital that lower-cases to 'k'
    upper = text.encode("ascii", "replace")
    lower = upper.lower()
    low = int.from_bytes(lower, "little")
    flags = (int.from_bytes(upper, "little") ^ low) >> 6  # 0x20 at i+1 -> 0x80 at i
    return (low | flags).to_bytes(len(lower), "little").translate(_MARK_TABLE)


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
    # What is found: in each paragraph's lower-cased text, the leftmost name `names` matches
    # from `pos` on whose letter case fits, then the next from its end, and so on.
    #
    # Where to look is read from the marked bytes of the joined paragraphs (a space before
    # each, NUL between). A name whose case fits has a word that must be capitalised, and
    # `marked` finds a MARK before it at most `reach` characters after the name's start. So
    # before the first such hit at or after `pos` there is no name, and any name from `pos`
    # to the hit lies within `reach` before it: `names` searched from there finds it.
    tables = _tables()
    marked = _marked(" " + "\x00 ".join(paragraphs))
    hits, names, reach, longest = tables.marked, tables.names, tables.reach, tables.longest
    found: list[list[tuple[int, int, str]]] = [[] for _ in paragraphs]
    pi, base, limit = -1, 0, 0  # the paragraph of the last hit, where it starts and ends
    text = lowered = ""
    last_end = 0
    pos = 1
    while (hit := hits.search(marked, pos - 1)) is not None:
        at = hit.start() + 1
        if at >= limit:
            while at >= limit:
                pi += 1
                base = limit + 2 if pi else 1
                limit = base + len(paragraphs[pi])
            text, last_end = paragraphs[pi], 0
            lowered = _lower(text)
        rel = at - base
        low = max(0, pos - base, rel - reach)
        # The name may run up to `longest` characters on, and `names` reads one more.
        endpos = min(len(lowered), rel + longest + 1)
        while (m := names.search(lowered, low, endpos)) is not None and m.start() <= rel:
            start, end = m.span()
            entry = _lookup(text[start:end])
            if entry is not None:
                break
            low = start + 1
        else:
            pos = at + 1
            continue
        pos = base + end
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
            spans.extend(_conjuncts(lowered, text, start, entry, last_end))
        spans.append((start, end, entry.force))
        last_end = end
        following = _following_areas(lowered, text, end, entry.force)
        if following:
            spans.extend(following)
            last_end = following[-1][1]
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
