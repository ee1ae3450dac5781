"""Find people named in an article, with their titles, roles, organisations and aliases."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..records import Person
from .lexicon import FEMALE_NAMES, MALE_NAMES, NOT_NAME_WORDS, ROLE_NOUNS, TITLES
from .names import fold

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
# One capitalised word of a name: "Smith", "McAllister", "O'Neill", "Smith-Jones". Every use is
# followed by a space or by "no lower-case letter next", so the letter runs never need to give
# characters back: they are possessive (`++`), which spares the engine pointless backtracking.
_NAME_TOKEN = (
    rf"(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][{_LOWER}]++(?:[-'’][{_UPPER}]?[{_LOWER}]++)*"
)
# The same word as the first of a run, written to open with the capital-letter class: a pattern
# that starts with a character class lets the engine jump from capital to capital instead of
# trying every position. The checks that would come first (not glued to a preceding word, the
# Mc/Mac/O'/D' prefixes) look back at that capital instead; the prefixes are tried in the same
# order, so the matches are the same.
_FIRST_TOKEN = (
    rf"[{_UPPER}](?<![\w’'][{_UPPER}])"
    rf"(?:(?<=M)c[{_UPPER}]|(?<=M)ac[{_UPPER}]|(?<=[OD])['’][{_UPPER}])?"
    rf"[{_LOWER}]++(?:[-'’][{_UPPER}]?[{_LOWER}]++)*"
)
_PARTICLE = r"(?:de|da|del|van|von|der|den|le|la|bin|al|el)"
_TITLE_ALT = "|".join(
    re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True)
)
# A run of two to eight capitalised words (particles allowed between them).
_CANDIDATE = re.compile(
    rf"{_FIRST_TOKEN}(?:\s++(?:{_PARTICLE}\s++)?{_NAME_TOKEN}){{1,7}}(?![{_LOWER}])"
)
_TITLE_BEFORE = re.compile(rf"(?:(?<=\s)|^)(?P<title>(?:(?:{_TITLE_ALT})\.?\s+)+)$")
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
# The word a title ends with; the text before a name can only end in a title if its last word
# (less one full stop) is one of these.
_TITLE_ENDS = frozenset(t.split()[-1] for t in TITLES)
_HONORIFIC_SURNAME = re.compile(
    rf"\b(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Supt|Insp|Sgt|PC|DC|DS|DI|DCI|HMI|Cllr)\.?\s+"
    rf"(?P<name>{_NAME_TOKEN})(?![{_LOWER}])"
)
# The patterns below are matched at a position (`pattern.match(para, end)`), never on a slice.
_APPOSITIVE = re.compile(r"\s*,\s*(?P<role>[^,.;:“”\"‘]{3,120}?)\s*,")
_CLAUSE_NOT_ROLE = re.compile(r"(?i)(who|which|when|where|speaking|responding|adding)\b")
_FROM_ORG = re.compile(
    rf"\s+(?:from|of|at|for|with)\s+(?P<org>(?:the\s+)?[{_UPPER}][\w’'&-]*(?:\s+(?:and\s+|of\s+|for\s+)?[{_UPPER}][\w’'&-]*)*)"
)
_SAID_AFTER = re.compile(
    r"\s*(?:,[^,]{0,80},\s*|,\s*)?(?:said|says|added|told|explained|warned)\b"
)
_DESCRIBED_AFTER = re.compile(r",\s*(?:the|a|an|who|head|chair|chief|director|of|from)\b")
_ROLE_BEFORE = re.compile(
    rf"(?P<role>(?:[{_UPPER}][\w’'&-]*\s+|(?:and|of|for|the)\s+){{0,6}}(?:{'|'.join(ROLE_NOUNS)}))\s*,?\s*$",
    re.I,
)
_LEADING_ARTICLE = re.compile(r"^(?i:the|a|an|and)\s+")
# Last letters of the role nouns: text can only end in a role if it ends in one of these.
_ROLE_LAST_LETTERS = frozenset(n[-1].lower() for n in ROLE_NOUNS)

_CAP_WORD = re.compile(rf"(?<![\w’'-])(?:Mc|Mac|O['’])?[{_UPPER}][\w’'-]*(?<![’'])")
_POSSESSIVE_NAME = re.compile(r"[’']s?\s+[A-Z]")
_FEMALE_TITLE = re.compile(r"\b(mrs|ms|miss|dame|lady|baroness)\b")
_MALE_TITLE = re.compile(r"\b(mr|sir|lord)\b")
_ROLE_HINTS = tuple(n.lower() for n in ROLE_NOUNS)
_ROLE_HINT_RE = re.compile("|".join(re.escape(n) for n in _ROLE_HINTS))


def _has_role_hint(window: str) -> bool:
    return _ROLE_HINT_RE.search(window.lower()) is not None


def _may_end_in_role(window: str) -> bool:
    """Cheap test: could `_ROLE_BEFORE` match, i.e. does the text end in a role noun's letter?"""
    text = window.rstrip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    return text[-1:].lower() in _ROLE_LAST_LETTERS


_MALE_IN_A = frozenset("luca joshua ezra nikita sasha andrea jonah elijah isa musa mustafa".split())


@dataclass(frozen=True)
class PersonMention:
    """Where a person is named in the paragraphs."""

    paragraph: int
    start: int
    end: int
    key: str


@dataclass
class _Draft:
    name: str
    title: str | None = None
    role: str | None = None
    organisation: str | None = None
    aliases: set[str] = field(default_factory=set)
    paragraph: int = 0
    gender: str | None = None
    seen: int = 0


@dataclass(frozen=True)
class PeopleIndex:
    """The people of one article, and the spans where each is mentioned."""

    people: tuple[Person, ...]
    mentions: tuple[PersonMention, ...]
    genders: dict[str, str | None]
    keyed: dict[str, Person] = field(default_factory=dict)

    def by_key(self, key: str) -> Person | None:
        return self.keyed.get(key)


def person_key(name: str) -> str:
    """Compare people by folded name without titles."""
    return " ".join(fold(name).split())


def _gender(title: str | None, first: str) -> str | None:
    t = (title or "").lower()
    if _FEMALE_TITLE.search(t):
        return "f"
    if _MALE_TITLE.search(t):
        return "m"
    f = first.lower()
    if f in FEMALE_NAMES:
        return "f"
    if f in MALE_NAMES:
        return "m"
    if len(f) > 2 and f.endswith("a") and f not in _MALE_IN_A:
        return "f"  # Anika, Priya, Joanna: most given names ending in -a are women's
    return None


def _strong(title: str | None, first: str, para: str, end: int) -> bool:
    """Evidence that a capitalised pair is a person: a title, a known first name, or 'X said'."""
    if title:
        return True
    folded = fold(first)
    if folded in FEMALE_NAMES or folded in MALE_NAMES:
        return True
    return _SAID_AFTER.match(para, end) is not None or _DESCRIBED_AFTER.match(para, end) is not None


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _name_tail(
    run: str, offset: int, spans: Sequence[tuple[int, int]]
) -> tuple[int, list[str]] | None:
    """The name at the end of a capitalised run: its start and its last two or three words.

    The name is the run's tail after any title, organisation or force words ("Met Commissioner
    Sir Mark Rowley", "Northamptonshire Police Supt Mark Behan"); `offset` is where the run
    starts in its paragraph, `spans` the paragraph's blocked spans. None when under two words.
    """
    words = run.split()
    end = len(run)
    start = end
    count = 0
    for word in reversed(words):
        word_start = end - len(word)
        if (
            word in _TITLE_WORDS
            or word.lower() in NOT_NAME_WORDS
            or (spans and _overlaps(offset + word_start, offset + end, spans))
        ):
            break
        start = word_start
        count += 1
        if count == 3:
            break
        end = len(run[:word_start].rstrip())
    if count < 2:
        return None
    return offset + start, words[-count:]


def _title_before(para: str, name_start: int) -> tuple[str | None, int]:
    """The title or rank just before a name, if any, and where the name (with title) starts."""
    window_start = max(0, name_start - 60)
    if name_start == window_start or not para[name_start - 1].isspace():
        return None, name_start
    last = para[window_start:name_start].rsplit(None, 1)[-1:]
    if not last or last[0].removesuffix(".") not in _TITLE_ENDS:
        return None, name_start
    window = para[window_start:name_start]
    tm = _TITLE_BEFORE.search(window)
    if tm is None:
        return None, name_start
    return " ".join(tm.group("title").split()), window_start + tm.start("title")


def find_people(
    paragraphs: Sequence[str], blocked: Sequence[Sequence[tuple[int, int]]] = ()
) -> PeopleIndex:
    """People in the paragraphs; `blocked` spans (forces, organisations) are never names."""
    drafts: dict[str, _Draft] = {}
    mentions: list[PersonMention] = []
    surnames: dict[str, str] = {}
    for pi, para in enumerate(paragraphs):
        spans = blocked[pi] if pi < len(blocked) else ()
        for m in _CANDIDATE.finditer(para):
            # Every word of the tail is capitalised and none is a non-name word, so the name
            # needs no further word checks.
            tail = _name_tail(m.group(), m.start(), spans)
            if tail is None:
                continue
            name_start, words = tail
            end = m.end()
            title, start = _title_before(para, name_start)
            if not _strong(title, words[0], para, end):
                continue
            name = " ".join(words)
            key = person_key(name)
            draft = drafts.get(key)
            if draft is None:
                draft = drafts[key] = _Draft(name=name, paragraph=pi)
            full = para[start:end]
            if full != name:
                draft.aliases.add(" ".join(full.split()))
            if title and not draft.title:
                draft.title = title
            if draft.gender is None:
                draft.gender = _gender(title, words[0])
            draft.seen += 1
            if draft.seen <= 3:
                _read_role(draft, para, start, end)
            surnames.setdefault(fold(words[-1]), key)
            mentions.append(PersonMention(pi, start, end, key))
    if surnames:
        _second_pass(paragraphs, drafts, surnames, mentions)
    mentions.sort(key=lambda x: (x.paragraph, x.start))
    ordered = sorted(drafts.items(), key=lambda kd: kd[1].paragraph)
    keyed = {
        key: Person(
            name=d.name,
            title=d.title,
            role=d.role,
            organisation=d.organisation,
            aliases=tuple(sorted(a for a in d.aliases if a != d.name)),
            paragraph=d.paragraph,
        )
        for key, d in ordered
    }
    people = tuple(keyed.values())
    return PeopleIndex(people, tuple(mentions), {k: d.gender for k, d in drafts.items()}, keyed)


def _may_hold_surname(para: str, surnames: dict[str, str]) -> bool:
    """Cheap test: could a word of the paragraph fold to one of the (folded) surnames?"""
    if not para.isascii():
        return True  # accents and curly quotes fold away: leave these to the full scan
    lowered = para.lower()
    return any(s in lowered for s in surnames)


def _second_pass(
    paragraphs: Sequence[str],
    drafts: dict[str, _Draft],
    surnames: dict[str, str],
    mentions: list[PersonMention],
) -> None:
    """Honorific + surname ("Mr Cunningham"), and bare surnames of known people."""
    by_surname = {drafts[k].name.split()[-1]: k for k in surnames.values()}
    taken: dict[int, list[tuple[int, int]]] = {}
    for x in mentions:
        taken.setdefault(x.paragraph, []).append((x.start, x.end))
    for pi, para in enumerate(paragraphs):
        covered = taken.get(pi, [])
        if _may_hold_surname(para, surnames):
            for m in _HONORIFIC_SURNAME.finditer(para):
                key2 = surnames.get(fold(m.group("name")))
                if key2 is None or _inside(m.start(), covered):
                    continue
                draft = drafts[key2]
                draft.aliases.add(" ".join(m.group(0).split()))
                if draft.gender is None:
                    draft.gender = _gender(m.group("title"), "")
                mentions.append(PersonMention(pi, m.start(), m.end(), key2))
                covered = [*covered, (m.start(), m.end())]
        # A bare surname is a whole capitalised word equal to it: find each surname's
        # occurrences, then check the word that starts there.
        found: list[PersonMention] = []
        for surname, key3 in by_surname.items():
            at = para.find(surname)
            while at >= 0:
                m3 = _CAP_WORD.match(para, at)
                if (
                    m3 is not None
                    and m3.group(0) == surname
                    and not _POSSESSIVE_NAME.match(para, m3.end())
                    and not _inside(at, covered)
                ):
                    found.append(PersonMention(pi, at, m3.end(), key3))
                at = para.find(surname, at + 1)
        found.sort(key=lambda x: x.start)
        mentions.extend(found)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in spans)


def _read_role(draft: _Draft, para: str, start: int, end: int) -> None:
    """Role from an appositive ('X, head of Y, said'), organisation from 'X from Y'."""
    if draft.role is None:
        m = _APPOSITIVE.match(para, end)
        if m and not _CLAUSE_NOT_ROLE.match(m.group("role")):
            draft.role = m.group("role").strip()
        else:
            window = para[max(0, start - 90) : start]
            if _may_end_in_role(window) and _has_role_hint(window):
                before = _ROLE_BEFORE.search(window)
                if before and before.group("role")[:1].strip():
                    role = before.group("role").strip(" ,")
                    role = _LEADING_ARTICLE.sub("", role)
                    if len(role.split()) >= 1 and role.lower() not in {"said", "says"}:
                        draft.role = role
    if draft.organisation is None:
        m2 = _FROM_ORG.match(para, end)
        if m2:
            draft.organisation = m2.group("org").strip()
