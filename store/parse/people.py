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
_NAME_TOKEN = rf"(?:Mc|Mac|O['’]|D['’])?[{_UPPER}][{_LOWER}]+(?:[-'’][{_UPPER}]?[{_LOWER}]+)*"
_PARTICLE = r"(?:de|da|del|van|von|der|den|le|la|bin|al|el)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{1,7}}"
_TITLE_ALT = "|".join(
    re.escape(t).replace(r"\ ", r"\s+") for t in sorted(TITLES, key=len, reverse=True)
)
_CANDIDATE = re.compile(rf"(?<![\w’'])(?P<name>{_NAME})(?![{_LOWER}])")
_TITLE_BEFORE = re.compile(rf"(?:(?<=\s)|^)(?P<title>(?:(?:{_TITLE_ALT})\.?\s+)+)$")
_TITLE_WORDS = frozenset(w for t in TITLES for w in t.split())
_HONORIFIC_SURNAME = re.compile(
    rf"\b(?P<title>Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lord|Lady|Supt|Insp|Sgt|PC|DC|DS|DI|DCI|HMI|Cllr)\.?\s+"
    rf"(?P<name>{_NAME_TOKEN})(?![{_LOWER}])"
)
_APPOSITIVE = re.compile(r"^\s*,\s*(?P<role>[^,.;:“”\"‘]{3,120}?)\s*,")
_FROM_ORG = re.compile(
    rf"^\s+(?:from|of|at|for|with)\s+(?P<org>(?:the\s+)?[{_UPPER}][\w’'&-]*(?:\s+(?:and\s+|of\s+|for\s+)?[{_UPPER}][\w’'&-]*)*)"
)
_ROLE_BEFORE = re.compile(
    rf"(?P<role>(?:[{_UPPER}][\w’'&-]*\s+|(?:and|of|for|the)\s+){{0,6}}(?:{'|'.join(ROLE_NOUNS)}))\s*,?\s*$",
    re.I,
)


_TOKEN = re.compile(r"\S+")
_CAP_WORD = re.compile(rf"(?<![\w’'-])(?:Mc|Mac|O['’])?[{_UPPER}][\w’'-]*(?<![’'])")
_POSSESSIVE_NAME = re.compile(r"[’']s?\s+[A-Z]")
_FEMALE_TITLE = re.compile(r"\b(mrs|ms|miss|dame|lady|baroness)\b")
_MALE_TITLE = re.compile(r"\b(mr|sir|lord)\b")
_ROLE_HINTS = tuple(n.lower() for n in ROLE_NOUNS)
_ROLE_HINT_RE = re.compile("|".join(re.escape(n) for n in _ROLE_HINTS))


def _has_role_hint(window: str) -> bool:
    return _ROLE_HINT_RE.search(window.lower()) is not None


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


def _is_name(name: str) -> bool:
    words = name.split()
    if any(w.strip("’'").lower() in NOT_NAME_WORDS for w in words):
        return False
    return not any(w.isupper() and len(w) > 1 for w in words)


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


def _strong(title: str | None, name: str, after: str) -> bool:
    """Evidence that a capitalised pair is a person: a title, a known first name, or 'X said'."""
    if title:
        return True
    first = fold(name.split()[0])
    if first in FEMALE_NAMES or first in MALE_NAMES:
        return True
    return bool(
        re.match(r"^\s*(?:,[^,]{0,80},\s*|,\s*)?(?:said|says|added|told|explained|warned)\b", after)
        or re.match(r"^,\s*(?:the|a|an|who|head|chair|chief|director|of|from)\b", after)
    )


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
            tokens = [
                (m.start() + t.start(), m.start() + t.end(), t.group())
                for t in re.finditer(r"\S+", m.group())
            ]
            # The name is the run's tail after any title, organisation or force words:
            # "Met Commissioner Sir Mark Rowley", "Northamptonshire Police Supt Mark Behan".
            i = len(tokens)
            while i > 0 and not (
                tokens[i - 1][2] in _TITLE_WORDS
                or tokens[i - 1][2].lower() in NOT_NAME_WORDS
                or any(s < tokens[i - 1][1] and tokens[i - 1][0] < e for s, e in spans)
            ):
                i -= 1
            tokens = tokens[i:]
            if len(tokens) > 3:
                tokens = tokens[-3:]
            if len(tokens) < 2:
                continue
            name_start, end = tokens[0][0], tokens[-1][1]
            name = " ".join(t[2] for t in tokens)
            if not _is_name(name):
                continue
            window = para[max(0, name_start - 60) : name_start]
            tm = _TITLE_BEFORE.search(window)
            title = " ".join(tm.group("title").split()) if tm else None
            start = name_start - len(window) + tm.start("title") if tm else name_start
            words = name.split()
            after = para[end:]
            if not _strong(title, name, after):
                continue
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
    # Second pass: honorific + surname ("Mr Cunningham"), and bare surnames of known people.
    by_surname = {drafts[k].name.split()[-1]: k for k in surnames.values()}
    taken: dict[int, list[tuple[int, int]]] = {}
    for x in mentions:
        taken.setdefault(x.paragraph, []).append((x.start, x.end))
    for pi, para in enumerate(paragraphs):
        if not by_surname:
            break
        covered = bytearray(len(para) + 1)
        for a0, b0 in taken.get(pi, []):
            covered[a0:b0] = b"\x01" * (b0 - a0)
        for m in _HONORIFIC_SURNAME.finditer(para):
            key2 = surnames.get(fold(m.group("name")))
            if key2 is None or covered[m.start()]:
                continue
            draft = drafts[key2]
            draft.aliases.add(" ".join(m.group(0).split()))
            if draft.gender is None:
                draft.gender = _gender(m.group("title"), "")
            mentions.append(PersonMention(pi, m.start(), m.end(), key2))
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        for m in _CAP_WORD.finditer(para):
            key3 = by_surname.get(m.group(0))
            if key3 is None or _POSSESSIVE_NAME.match(para, m.end()):
                continue
            if covered[m.start()]:
                continue
            mentions.append(PersonMention(pi, m.start(), m.end(), key3))
    mentions.sort(key=lambda x: (x.paragraph, x.start))
    people = tuple(
        Person(
            name=d.name,
            title=d.title,
            role=d.role,
            organisation=d.organisation,
            aliases=tuple(sorted(a for a in d.aliases if a != d.name)),
            paragraph=d.paragraph,
        )
        for d in sorted(drafts.values(), key=lambda d: d.paragraph)
    )
    keyed = {person_key(p.name): p for p in people}
    return PeopleIndex(people, tuple(mentions), {k: d.gender for k, d in drafts.items()}, keyed)


def _read_role(draft: _Draft, para: str, start: int, end: int) -> None:
    """Role from an appositive ('X, head of Y, said'), organisation from 'X from Y'."""
    after = para[end:]
    if draft.role is None:
        m = _APPOSITIVE.match(after)
        if m and not re.match(
            r"(?i)(who|which|when|where|speaking|responding|adding)\b", m.group("role")
        ):
            draft.role = m.group("role").strip()
        elif _has_role_hint(para[max(0, start - 90) : start]):
            before = _ROLE_BEFORE.search(para[max(0, start - 90) : start])
            if before and before.group("role")[:1].strip():
                role = before.group("role").strip(" ,")
                role = re.sub(r"^(?i:the|a|an|and)\s+", "", role)
                if len(role.split()) >= 1 and role.lower() not in {"said", "says"}:
                    draft.role = role
    if draft.organisation is None:
        m2 = _FROM_ORG.match(after)
        if m2:
            draft.organisation = m2.group("org").strip()
