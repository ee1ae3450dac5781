"""Find people named in an article, with their titles, roles, organisations and aliases."""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, repeat
from operator import add, attrgetter
from typing import Any, Final, NamedTuple

from ..records import Person
from .lexicon import FEMALE_NAMES, MALE_NAMES, NOT_NAME_WORDS, ROLE_NOUNS, TITLES
from .names import fold

_UPPER: Final = "A-ZÀ-ÖØ-Þ"
_LOWER: Final = "a-zß-öø-ÿ"
# These patterns run at every capital letter of every article, so they are written for the
# engine: an optional part is an alternation with an empty branch, `(?:x|)`, not `(?:x)?`, and
# a repeat's first round is written out, which spares the engine setting up a repeat where the
# first character already fails. Both forms try the same things in the same order as the
# plain ones, so they match the same.
#
# One capitalised word of a name: "Smith", "McAllister", "O'Neill", "Smith-Jones". Every use is
# followed by a space or by "no lower-case letter next", so the letter runs never need to give
# characters back: they are possessive (`++`), which spares the engine pointless backtracking.
# An apostrophe joins letters ("N'Golo", "Ng'ang'a") but a lone s after it is the possessive
# ("Ashby's barrister"), which is no part of the name.
_JOINED: Final = rf"(?:-[{_UPPER}]?|['’](?:[{_UPPER}]|(?!s(?![{_LOWER}]))))[{_LOWER}]++"
_HYPHENATED: Final = rf"(?:{_JOINED}(?:{_JOINED})*|)"
_NAME_TOKEN: Final = rf"(?:Mc|Mac|O['’]|D['’]|)[{_UPPER}][{_LOWER}]++{_HYPHENATED}"
# The same word as the first of a run, written to open with the capital-letter class: a pattern
# that starts with a character class lets the engine jump from capital to capital instead of
# trying every position. The checks that would come first (not glued to a preceding word, the
# Mc/Mac/O'/D' prefixes) look back at that capital instead, once the next character fits; the
# prefixes are tried in the same order, so the matches are the same.
_FIRST_TOKEN: Final = (
    rf"[{_UPPER}](?<![\w’'][{_UPPER}])"
    rf"(?:c(?<=Mc)[{_UPPER}]|ac(?<=Mac)[{_UPPER}]|['’](?<=[OD]['’])[{_UPPER}]|)"
    rf"[{_LOWER}]++{_HYPHENATED}"
)
_PARTICLE: Final = (
    r"(?:de|da|del|van|von|der|den|le|la|bin|al|el|ap|ab|ferch|ibn|bint|dos|das|du|di)"
)
# A run of two to eight capitalised words (particles allowed between them).
_NEXT_WORD: Final = rf"\s++(?:{_PARTICLE}\s++|){_NAME_TOKEN}"
_CANDIDATE: Final = re.compile(rf"{_FIRST_TOKEN}{_NEXT_WORD}(?:{_NEXT_WORD}){{0,6}}(?![{_LOWER}])")


def _prefix_tree(phrases: Iterable[str]) -> str:
    """A pattern matching exactly the phrases (a space matches any whitespace), as a prefix tree.

    'Chief Inspector|Chief Constable' becomes 'Chief\\s+(?:Inspector|Constable)': the engine
    reads each character once instead of trying every phrase in turn.
    """
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for ch in phrase:
            node = node.setdefault(r"\s+" if ch == " " else re.escape(ch), {})
        node[""] = {}  # a phrase ends here

    def render(node: dict[str, Any]) -> str:
        branches = [token + render(child) for token, child in node.items() if token]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ")" + ("?" if "" in node else "")

    return render(tree)


_TITLE_ALT: Final = _prefix_tree(sorted(TITLES))


def _by_last(words: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """Words grouped by their last character, for quick `str.endswith` tests."""
    groups: dict[str, tuple[str, ...]] = {}
    for word in words:
        groups[word[-1]] = (*groups.get(word[-1], ()), word)
    return groups


_TITLE_BEFORE: Final = re.compile(rf"(?:(?<=\s)|^)(?P<title>(?:(?:{_TITLE_ALT})\.?\s+)+)$")
_TITLE_WORDS: Final = frozenset(w for t in TITLES for w in t.split())
# The word a title ends with: the text before a name can only end in a title if its last word
# (less one full stop) is one of these.
_TITLE_ENDS: Final = frozenset(t.split()[-1] for t in TITLES)
_TITLE_ENDS_BY_LAST: Final = _by_last([*_TITLE_ENDS, *(t + "." for t in _TITLE_ENDS)])

# "Mr Cunningham". No word boundary before the title, so that the engine can jump between the
# titles' first letters: `_honorifics` checks the boundary itself.
_HONORIFICS: Final = (
    "Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Supt Insp Sgt PC DC DS DI DCI HMI Cllr"
)
_HONORIFIC_SURNAME: Final = re.compile(
    rf"(?P<title>{'|'.join(_HONORIFICS.split())})\.?\s+(?P<name>{_NAME_TOKEN})(?![{_LOWER}])"
)
# The honorifics, with and without a full stop, by last character.
_HONORIFIC_ENDS: Final = _by_last(_HONORIFICS.split() + [t + "." for t in _HONORIFICS.split()])
# Byte by byte, what `fold` makes of each Latin-1 character ('?' where not one such character).
_FOLD_TABLE: Final = bytes(
    ord(f) if len(f := fold(chr(b))) == 1 and f <= "\xff" else ord("?") for b in range(256)
)
_WORD_CHAR: Final = re.compile(r"\w")
_CAP_WORD: Final = re.compile(rf"(?<![\w’'-])(?:Mc|Mac|O['’])?[{_UPPER}][\w’'-]*(?<![’'])")
_POSSESSIVE_NAME: Final = re.compile(r"[’']s?\s+[A-Z]")
_FEW_SURNAMES: Final = 12  # more than this: one scan for all, not one search per surname

# The patterns below are matched where a name ends (`pattern.match(para, end)`), not on a slice.
_SAID_AFTER: Final = re.compile(
    r"\s*(?:,[^,]{0,80},\s*|,\s*)?(?:said|says|added|told|explained|warned)\b"
)
_AGE_AFTER: Final = re.compile(r",\s*\d{1,2},")  # 'Meena Patel, 56, whom he met …'
_DESCRIBED_AFTER: Final = re.compile(r",\s*(?:the|a|an|who|head|chair|chief|director|of|from)\b")
# '“…,” said Vikram Maddox, branch secretary …': a speech verb before the pair, and the
# clause ending after it.
_SAID_BEFORE: Final = re.compile(r"(?:said|says|added|continued|explained|according\s+to)\s+$")
_CLAUSE_END: Final = re.compile(r"[,.;:]")
# An appositive: ", head of the unit," after a name. The lookahead only fails fast (in one tight
# scan) when no comma follows within reach. The role takes as much as it can: it then ends at the
# comma, or spaces before it, which the caller strips; the shortest role would end at the same
# place less those spaces, and either way a match exists exactly when one of the other does.
_APPOSITIVE: Final = re.compile(
    r"\s*,\s*(?=[^,.;:“”\"‘]{0,120}+\s*,)(?P<role>[^,.;:“”\"‘]{3,120})\s*,"
)
_FROM_ORG: Final = re.compile(
    rf"\s+(?:from|of|at|for|with)\s+(?P<org>(?:the\s+)?[{_UPPER}][\w’'&-]*(?:\s+(?:and\s+|of\s+|for\s+)?[{_UPPER}][\w’'&-]*)*)"
)
# The first letters of the words `_FROM_ORG` opens with.
_ORG_FIRST: Final = frozenset("foaw")
_CLAUSE_NOT_ROLE: Final = re.compile(r"(?i)(who|which|when|where|speaking|responding|adding)\b")
# Every character that case-blind matching takes for the first letter of one of those words.
_CLAUSE_FIRST: Final = frozenset("wWsSſrRaA")
# A role just before a name: "Chief Executive Jane Doe", "head of the unit, Jane Doe". The
# role is up to six capitalised (or joining) words and a role noun that ends the text.
_ROLE_NOUNS: Final = "|".join(ROLE_NOUNS)
_ROLE_BEFORE: Final = re.compile(
    rf"(?P<role>(?:[{_UPPER}][\w’'&-]*\s+|(?:and|of|for|the)\s+){{0,6}}(?:{_ROLE_NOUNS}))\s*,?\s*$",
    re.I,
)
# `_ROLE_BEFORE` in two steps, which finds the same role much faster: the role noun that ends the
# text, then the leftmost start of the words that run up to it. Exact only while no role noun is
# the end of another (otherwise two nouns could end the text), so that is checked.
# Everything up to the last word that opens a clause or refers to someone else: what a role
# found before a name keeps is after it.
_CLAUSE_BEFORE_ROLE: Final = re.compile(
    r".*\b(?:that|which|who|whom|whose|when|where|as|but|while|because|if|after|before|since"
    r"|he|she|they|him|said|says|told)\s+",
    re.I,
)
_ROLE_NOUN_AT_END: Final = re.compile(rf"(?:{_ROLE_NOUNS})\s*,?\s*$", re.I)
_ROLE_WORDS_TO_END: Final = re.compile(
    rf"(?:[{_UPPER}][\w’'&-]*+\s++|(?:and|of|for|the)\s++){{0,6}}\Z", re.I
)
_LONGEST_ROLE: Final = max(len(n) for n in ROLE_NOUNS)
_ROLE_NOUNS_LOWER: Final = tuple(n.lower() for n in ROLE_NOUNS)
_ROLE_NOUNS_BY_LAST: Final = _by_last(_ROLE_NOUNS_LOWER)
_ROLE_NOUNS_DISTINCT_ENDS: Final = not any(
    a != b and b.lower().endswith(a.lower()) for a in ROLE_NOUNS for b in ROLE_NOUNS
)
_LEADING_ARTICLE: Final = re.compile(r"^(?i:the|a|an|and)\s+")
_ROLE_HINT_RE: Final = re.compile("|".join(re.escape(n) for n in _ROLE_NOUNS_LOWER))
# Last letters of the role nouns: text can only end in a role if it ends in one of these.
_ROLE_LAST_LETTERS: Final = frozenset(n[-1].lower() for n in ROLE_NOUNS)
# Letters that case-blind matching pairs with an ASCII letter other than by lower-casing
# (dotless i, long s, dotted capital I): texts with them take the slow, exact path.
_CASE_ODD: Final = frozenset("ıſİ")

_FEMALE_TITLE: Final = re.compile(r"\b(mrs|ms|miss|dame|lady|baroness)\b")
_MALE_TITLE: Final = re.compile(r"\b(mr|sir|lord)\b")
_GIVEN_NAMES: Final = FEMALE_NAMES | MALE_NAMES
# How a pseudonym is introduced: '(asked to be) identified only as Megan', 'who we are calling
# Jess', 'Jess (not her real name)'. Each is looked for only where its plain words stand.
_AS_OPENERS: Final = ("known", "identified", "referred to", "named", "only", "here", "simply")
_NAME_NEXT: Final = re.compile(r"[\"“‘']?(?P<name>[A-Z][a-z]+)\b(?![\"”’']?\s+[A-Z])")
_WE_BEFORE: Final = re.compile(
    r"\b(?:(?:we|I)\s+(?:(?:are|am|have|will|[’']re|[’']ve)\s+)?|be\s+)$"
)
_CALLED: Final = re.compile(
    r"call(?:ing|ed)?(?:\s+(?:her|him))?\s+[\"“‘']?(?P<name>[A-Z][a-z]+)\b(?![\"”’']?\s+[A-Z])"
)
_NOT_REAL_NAME: Final = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)[\"”’']?\s*[(,]\s*(?:which\s+is\s+)?not\s+(?:her|his|their)\s+real\s+name"
)
# A lone first name that speaks: after a quote's end or a comma ('," Lauren, now 34, told'),
# or just after the verb and before punctuation ('said Hannah.'). The verbs are found by plain
# searches, far faster than a regex scan of the text.
_SPEECH_VERBS: Final = (" said", " says", " told", " added")
_VERBS_BEFORE_NAME: Final = frozenset((" said", " says", " added"))
_NAME_BEFORE_VERB: Final = re.compile(
    r"[,”\"’']\s+(?P<name>[A-Z][a-z]+)(?:,\s+(?:now\s+)?\d{1,3},)?$"
)
_NAME_AFTER_VERB: Final = re.compile(r"\s+(?P<name>[A-Z][a-z]+)(?=[.,;])")
# Capitalised words that open sentences or name things, though some are given names too.
_NOT_SINGLE_NAMES: Final = frozenset(
    "will may mark grant bill rob pat frank joy hope faith sunny dean justice police court "
    "judge she he they it we i".split()
)
# Titles that go with a first name on a second mention: 'Sir Patrick', 'Dame Marian'.
_FIRST_NAME_TITLES: Final = frozenset(("Sir", "Dame"))
# Lower-case words that, just before a capitalised pair, say it is someone's name.
_ROLES_BEFORE_NAME: Final = frozenset(
    "chair chairman chairwoman prosecutor barrister solicitor coroner sheriff recorder counsel "
    "campaigner lawyer spokesman spokeswoman spokesperson commissioner councillor director "
    "founder manager officer constable detective victim survivor complainant colleague "
    "partner wife husband mother father daughter son sister brother".split()
)
_MALE_IN_A: Final = frozenset(
    "luca joshua ezra nikita sasha andrea jonah elijah isa musa mustafa".split()
)

# The paragraphs are scanned as one text joined with NUL. No scanning pattern matches or crosses
# that character, and the checks that look one character back or ahead treat it as they treat a
# paragraph's start or end, so the joined scan finds exactly what per-paragraph scans would (a
# NUL inside a paragraph is the same character either way).
_JOINER: Final = "\x00"


class PersonMention(NamedTuple):
    """Where a person is named in the paragraphs (many per article: a named tuple is the
    cheapest read-only record to make, compiled or not)."""

    paragraph: int
    start: int
    end: int
    key: str


@dataclass(slots=True, init=False)
class _Draft:
    name: str
    title: str | None
    role: str | None
    organisation: str | None
    aliases: set[str]
    paragraph: int
    gender: str | None
    seen: int

    def __init__(self, name: str, paragraph: int) -> None:
        self.name = name
        self.title = self.role = self.organisation = self.gender = None
        self.aliases = set()
        self.paragraph = paragraph
        self.seen = 0


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


@functools.lru_cache(maxsize=4096)
def _gender(title: str | None, first: str) -> str | None:
    """'f' or 'm' from a title, else from a given name; None when neither tells."""
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


def _strong(title: str | None, first: str, para: str, start: int, end: int) -> bool:
    """Evidence that a capitalised pair is a person: a title, a known first name, 'X said', or
    a role just before it ('chaired by legally qualified chair Rowena Pike')."""
    if title:
        return True
    if fold(first) in _GIVEN_NAMES:
        return True
    if (
        _SAID_AFTER.match(para, end) is not None
        or _DESCRIBED_AFTER.match(para, end) is not None
        or _AGE_AFTER.match(para, end) is not None
    ):
        return True
    before = para[max(0, start - 16) : start]  # longer than any of the roles, and a space
    if not before.endswith(" "):
        return False
    words = before.split()
    # 'chair Rowena Pike', and with a comma 'Deputy Chief Constable, Helena Okoro'
    if words and words[-1].rstrip(",").lower() in _ROLES_BEFORE_NAME:
        return True
    return _CLAUSE_END.match(para, end) is not None and _SAID_BEFORE.search(before) is not None


# Words that make up the names of regions ("North West", "East Midlands") and never a person's
# whole name.
_PLACE_WORDS: Final = frozenset(
    "North South East West Northern Southern Eastern Western Central Mid Midlands Greater "
    "Upper Lower Inner Outer".split()
)


def _blocked_name_tail(
    run: str, spans: Sequence[tuple[int, int]], offset: int
) -> tuple[int, Sequence[str]] | None:
    """`_free_name_tail` of a run that a blocked span touches: no name word may lie in one.

    `spans` are the paragraph's blocked spans, `offset` where the run starts in the paragraph.
    """
    words = run.split()
    end = len(run)
    start = end
    count = 0
    for word in reversed(words):
        word_start = end - len(word)
        if word in _TITLE_WORDS or word.lower() in NOT_NAME_WORDS:
            break
        if _overlaps(offset + word_start, offset + end, spans):
            break
        start = word_start
        count += 1
        if count == 3:
            break
        end = len(run[:word_start].rstrip())
    if count < 2 or all(word in _PLACE_WORDS for word in words[-count:]):
        return None
    return start, words[-count:]


@functools.lru_cache(maxsize=4096)
def _free_name_tail(run: str) -> tuple[int, tuple[str, ...]] | None:
    """The name at the end of a capitalised run: where in the run it starts, and its words.

    The name is the run's tail after any title, organisation or force words ("Met Commissioner
    Sir Mark Rowley", "Northamptonshire Police Supt Mark Behan"), at most its last three words;
    None when fewer than two words are left.
    """
    words = run.split()
    count = 0
    for word in reversed(words):
        if word in _TITLE_WORDS or word.lower() in NOT_NAME_WORDS:
            break
        count += 1
        if count == 3:
            break
    if count and words[-count][:1].islower():
        count -= 1  # "Cllr ap Ifan": a particle opens no name
    if count < 2 or all(word in _PLACE_WORDS for word in words[-count:]):
        return None  # "the North West" is a region, not a person
    if count == len(words):
        return 0, tuple(words)
    before = run.rsplit(None, count)[0]
    return len(run) - len(run[len(before) :].lstrip()), tuple(words[-count:])


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def _title_before(para: str, name_start: int) -> tuple[str | None, int]:
    """The title or rank just before a name, if any, and where the name with its title starts."""
    window_start = max(0, name_start - 60)
    if name_start == window_start or not para[name_start - 1].isspace():
        return None, name_start
    if not para[name_start - 2 : name_start - 1].isspace():
        # The text before the name must end in a title's last word, less any full stop.
        ends = _TITLE_ENDS_BY_LAST.get(para[name_start - 2 : name_start - 1], ())
        if not para.endswith(ends, window_start, name_start - 1):
            return None, name_start
    window = para[window_start:name_start]
    chunks = window.split()
    if not chunks or chunks[-1].removesuffix(".") not in _TITLE_ENDS:
        return None, name_start
    # Every word of a run of titles is a title word (the last of a title may carry a full
    # stop), so the run cannot start before the trailing title words: search from there.
    count = 1
    while count < len(chunks) and chunks[-count - 1].removesuffix(".") in _TITLE_WORDS:
        count += 1
    first = 0
    if count < len(chunks):
        before = window.rsplit(None, count)[0]
        first = len(window) - len(window[len(before) :].lstrip())
    found = _title_run(window[first:])
    if found is None:
        return None, name_start
    return found[0], window_start + first + found[1]


@functools.lru_cache(maxsize=1024)
def _title_run(text: str) -> tuple[str, int] | None:
    """The run of titles ending `text` ('Det Supt. '), spaced singly, and where it starts.

    `text` starts at a word (or where the window before a name was cut), so what the search
    finds here is what it finds in the whole window; the same few titles come back often.
    """
    tm = _TITLE_BEFORE.search(text)
    if tm is None:
        return None
    return " ".join(tm.group("title").split()), tm.start("title")


def _paragraph_starts(paragraphs: Sequence[str]) -> list[int]:
    """Where each paragraph starts in the joined text (and, last, where one more would)."""
    return list(accumulate(map(add, map(len, paragraphs), repeat(1)), initial=0))


def find_people(
    paragraphs: Sequence[str], blocked: Sequence[Sequence[tuple[int, int]]] = ()
) -> PeopleIndex:
    """People in the paragraphs; `blocked` spans (forces, organisations) are never names."""
    drafts: dict[str, _Draft] = {}
    mentions: list[PersonMention] = []
    surnames: dict[str, str] = {}
    text = _JOINER.join(paragraphs)
    starts = _paragraph_starts(paragraphs)
    # The paragraph the current run lies in: its index, text, start and the next one's start.
    pi, para, base, next_base = -1, "", 0, 0
    spans: Sequence[tuple[int, int]] = ()
    for m in _CANDIDATE.finditer(text):
        at = m.start()
        if at >= next_base:
            pi = bisect_right(starts, at, pi + 1) - 1
            para, base, next_base = paragraphs[pi], starts[pi], starts[pi + 1]
            spans = blocked[pi] if pi < len(blocked) else ()
        # Each word of the tail is a capitalised word or particle and none is a non-name word,
        # so the tail is a name without further word checks.
        run = m.group()
        tail: tuple[int, Sequence[str]] | None = _free_name_tail(run)
        if tail is None:  # most runs ('Home Office') end here, often straight from the cache
            continue
        if spans and _overlaps(at - base, m.end() - base, spans):
            tail = _blocked_name_tail(run, spans, at - base)
            if tail is None:
                continue
        name_start, words = at - base + tail[0], tail[1]
        end = m.end() - base
        title, start = _title_before(para, name_start)
        if not _strong(title, words[0], para, start, end):
            continue
        name = " ".join(words)
        key = fold(name)  # person_key(name): the words hold no spaces to normalise
        draft = drafts.get(key)
        if draft is None:
            draft = drafts[key] = _Draft(name, pi)
        full = para[start:end]
        if full != name:
            draft.aliases.add(" ".join(full.split()))
        if title and not draft.title:
            draft.title = title
        if draft.gender is None:
            draft.gender = _gender(title, words[0])
        draft.seen += 1
        if draft.seen <= 3 and (draft.role is None or draft.organisation is None):
            _read_role(draft, para, start, end)
        surnames.setdefault(fold(words[-1]), key)
        if title and len(words) > 1 and title.split()[-1] in _FIRST_NAME_TITLES:
            surnames.setdefault(fold(words[0]), key)  # 'Sir Patrick' for Sir Patrick Vellacott
        mentions.append(PersonMention(pi, start, end, key))
    _single_names(text, starts, drafts, surnames)
    if surnames:
        _second_pass(text, paragraphs, starts, drafts, surnames, mentions)
    mentions.sort(key=attrgetter("paragraph", "start"))
    # Drafts were made in reading order, so they are already in order of first paragraph.
    keyed = {
        key: Person(
            d.name,
            d.title,
            d.role,
            d.organisation,
            tuple(sorted(d.aliases - {d.name})) if d.aliases else (),
            d.paragraph,
        )
        for key, d in drafts.items()
    }
    genders = {k: d.gender for k, d in drafts.items()}
    return PeopleIndex(tuple(keyed.values()), tuple(mentions), genders, keyed)


def _honorifics(text: str, pos: int, endpos: int) -> Iterator[re.Match[str]]:
    """Honorific + name matches in text[pos:endpos], as `finditer` finds them with the pattern
    led by a word boundary.

    A match glued to a preceding word fails that boundary: it is dropped and the search resumes
    one character on, as the boundary would have made the engine do.
    """
    at = pos
    while (m := _HONORIFIC_SURNAME.search(text, at, endpos)) is not None:
        if m.start() and _WORD_CHAR.match(text, m.start() - 1):
            at = m.start() + 1
            continue
        yield m
        at = m.end()


def _fold_chars(text: str) -> str:
    """The text folded as `fold` folds each character of a name, character for character.

    A name's folded form is found in the result exactly where the name stands in the text
    (other characters may fold to anything of the same length). Names hold only Latin-1
    letters and quote marks, so every folded name is Latin-1 too.
    """
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii():
        text = text.replace("“", '"').replace("”", '"')  # the usual other non-ASCII
    if text.isascii():
        return text.lower()
    return text.encode("latin-1", "replace").translate(_FOLD_TABLE).decode("latin-1")


def _single_names(
    text: str, starts: list[int], drafts: dict[str, _Draft], surnames: dict[str, str]
) -> None:
    """People known by one word: a pseudonym ('identified only as Megan', 'Jess, not her real
    name'), or a known first name that speaks ('Lauren, now 34, told ...', 'said Hannah').

    A first name that opens the name of someone already found stands for that person. The
    second pass then finds every mention of either.
    """
    found: list[tuple[int, str]] = []
    at = text.find(" as ")
    while at >= 0:  # '(known|identified|referred to|…) as Megan'
        if text.endswith(_AS_OPENERS, max(0, at - 12), at) and (
            m := _NAME_NEXT.match(text, at + 4)
        ):
            found.append((m.start("name"), m["name"]))
        at = text.find(" as ", at + 4)
    at = text.find("call")
    while (
        at >= 0
    ):  # 'who we are calling Jess', 'we have called her Jess', 'asked to be called Kirsty'
        if _WE_BEFORE.search(text, max(0, at - 14), at) and (m := _CALLED.match(text, at)):
            found.append((m.start("name"), m["name"]))
        at = text.find("call", at + 4)
    if "real name" in text:
        found.extend((m.start("name"), m["name"]) for m in _NOT_REAL_NAME.finditer(text))
    for verb in _SPEECH_VERBS:
        at = text.find(verb)
        while at >= 0:
            named = _NAME_BEFORE_VERB.search(text, max(0, at - 24), at)
            if named is None and verb in _VERBS_BEFORE_NAME:
                named = _NAME_AFTER_VERB.match(text, at + len(verb))
            if named and fold(named["name"]) in _GIVEN_NAMES:
                found.append((named.start("name"), named["name"]))
            at = text.find(verb, at + len(verb))
    peers = _peers(text) if "Lord " in text or "Lady " in text or "Baroness " in text else []
    if not found and not peers:
        return
    for at, title, name in peers:  # 'Lord Pennard': a peer known by title and one name
        key = fold(name)
        if key in surnames or key in drafts:
            continue  # 'Lady Thorne' after 'Adeline Thorne' is Adeline Thorne
        draft = drafts[key] = _Draft(f"{title} {name}", bisect_right(starts, at) - 1)
        draft.title = title
        draft.gender = _gender(title, name)
        surnames[key] = key
    first_names = {fold(d.name.split()[0]): key for key, d in drafts.items() if " " in d.name}
    for at, name in found:
        key = fold(name)
        if key in surnames or key in drafts or key in _NOT_SINGLE_NAMES:
            continue
        if key in first_names:
            surnames[key] = first_names[key]  # 'Lauren' after 'Lauren Smith' is Lauren Smith
            continue
        draft = drafts[key] = _Draft(name, bisect_right(starts, at) - 1)
        draft.gender = _gender(None, name)
        surnames[key] = key


_PEER: Final = re.compile(
    r"\b(?P<title>Lord|Lady|Baroness|Viscount|Viscountess|Earl|Countess)\s+"
    r"(?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![’']?\s*[A-Z])"
)
# Words after 'Lord' or 'Lady' that make an office, not a peer's name.
_NOT_PEERS: Final = frozenset(
    "justice chancellor mayor chief advocate provost lieutenant speaker president privy "
    "protector chamberlain steward bishop".split()
)


def _peers(text: str) -> list[tuple[int, str, str]]:
    """Peers named by title and one word ('Lord Pennard', 'Baroness Whitlow'): where each
    stands, its title and the name."""
    return [
        (m.start(), m["title"], m["name"])
        for m in _PEER.finditer(text)
        if m["name"].lower() not in _NOT_PEERS and m["name"].lower() not in NOT_NAME_WORDS
    ]


def _spelled(name: str, folded: str) -> str:
    """The word of a name that `folded` stands for: its surname, or the first name that alone
    stands for the person."""
    words = name.split()
    return words[0] if len(words) > 1 and fold(words[0]) == folded else words[-1]


def _after_capital(text: str, at: int) -> bool:
    """Whether the word before `at` is capitalised: a title or another part of a name."""
    words = text[max(0, at - 30) : at].split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1:].isalnum()


def _second_pass(
    text: str,
    paragraphs: Sequence[str],
    starts: list[int],
    drafts: dict[str, _Draft],
    surnames: dict[str, str],
    mentions: list[PersonMention],
) -> None:
    """Honorific + surname ("Mr Cunningham"), and bare surnames of known people.

    `text` is the joined paragraphs, `starts` where each begins; `surnames` maps folded surnames
    to people's keys. Adds to `mentions`, and to the drafts' aliases and genders.
    """
    covered = bytearray(len(text) + 1)  # positions of the joined text inside a mention
    for x in mentions:
        a, b = starts[x.paragraph] + x.start, starts[x.paragraph] + x.end
        covered[a:b] = b"\x01" * (b - a)
    scan: Iterable[int]  # paragraphs to scan for honorifics
    bare: list[tuple[int, int, str]] = []  # known surnames standing alone: where, how long, whose
    if len(surnames) > _FEW_SURNAMES:
        # Many surnames: one scan each for honorifics and capitalised words keeps time linear.
        scan = range(len(paragraphs))
        by_surname = {_spelled(drafts[k].name, f): k for f, k in surnames.items()}
        bare = [
            (m.start(), len(m.group()), by_surname[m.group()])
            for m in _CAP_WORD.finditer(text)
            if m.group() in by_surname and not _POSSESSIVE_NAME.match(text, m.end())
        ]
    else:
        # Where each surname occurs, folded, tells both: an honorific can only name a known
        # person in a paragraph where a folded surname follows a title and spaces, and a bare
        # surname is an occurrence spelt as first written.
        folded = _fold_chars(text)
        paras: set[int] = set()
        for folded_name, key in surnames.items():
            surname = _spelled(drafts[key].name, folded_name)
            at = folded.find(folded_name)
            while at >= 0:
                if at > 1 and text[at - 1].isspace():
                    # After a space, an honorific ('Mr', 'DS.') may end just before it (after
                    # more spaces, leave it to the paragraph's full scan).
                    before = text[at - 2]
                    ends = _HONORIFIC_ENDS.get(before, ())
                    if before.isspace() or text.endswith(ends, 0, at - 1):
                        paras.add(bisect_right(starts, at) - 1)
                if not covered[at] and text.startswith(surname, at):
                    word = _CAP_WORD.match(text, at)
                    if (
                        word is not None
                        and word.end() - at == len(surname)
                        and not _POSSESSIVE_NAME.match(text, word.end())
                    ):
                        bare.append((at, len(surname), key))
                at = folded.find(folded_name, at + 1)
        scan = sorted(paras)
    sharing: dict[str, list[str]] | None = None  # people by folded surname, made when needed
    for pi in scan:
        for m in _honorifics(text, starts[pi], starts[pi] + len(paragraphs[pi])):
            folded_name = fold(m.group("name"))
            named = surnames.get(folded_name)
            if named is None or covered[m.start()]:
                continue
            sex = _gender(m.group("title"), "")
            if sex and drafts[named].gender not in (None, sex):
                # 'Mr Patel' after 'Meena Patel' and 'Rohan Patel': the Patel who can be a Mr
                if sharing is None:
                    sharing = {}
                    for k, d in drafts.items():
                        sharing.setdefault(fold(d.name.split()[-1]), []).append(k)
                named = next(
                    (k for k in sharing.get(folded_name, ()) if drafts[k].gender in (None, sex)),
                    named,
                )
            draft = drafts[named]
            draft.aliases.add(" ".join(m.group(0).split()))
            if draft.gender is None:
                draft.gender = sex
            start, end = m.start() - starts[pi], m.end() - starts[pi]
            mentions.append(PersonMention(pi, start, end, named))
            covered[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
    for at, size, key in bare:
        if not covered[at]:
            pi = bisect_right(starts, at) - 1
            mentions.append(PersonMention(pi, at - starts[pi], at - starts[pi] + size, key))


def _read_role(draft: _Draft, para: str, start: int, end: int) -> None:
    """Role from an appositive ('X, head of Y, said'), organisation from 'X from Y'."""
    after = para[end : end + 1]  # an appositive starts with a comma, 'from Y' with a space
    # Both patterns open with a run of spaces. When one space comes before something else, that
    # next character is the comma an appositive then needs, or the f/o/a/w of 'from' and the
    # like: any other, and the pattern cannot match.
    nxt = para[end + 1 : end + 2] if after.isspace() else ""
    if draft.role is None:
        appositive = after == "," or nxt == "," or nxt.isspace()
        m = _APPOSITIVE.match(para, end) if appositive else None
        role = m.group("role") if m else ""
        if m and not (role[:1] in _CLAUSE_FIRST and _CLAUSE_NOT_ROLE.match(role)):
            draft.role = role.strip()
        elif _may_end_in_role(para, max(0, start - 90), start):
            found = _role_before(para[max(0, start - 90) : start])
            if found is not None:
                clause = _CLAUSE_BEFORE_ROLE.match(found)
                if clause:  # 'sent her messages that the force's barrister': the barrister
                    found = found[clause.end() :]
                role = _LEADING_ARTICLE.sub("", found.strip(" ,"))
                if len(role.split()) >= 1 and role.lower() not in {"said", "says"}:
                    draft.role = role
    if draft.organisation is None and (nxt in _ORG_FIRST or nxt.isspace()):
        m2 = _FROM_ORG.match(para, end)
        if m2:
            draft.organisation = m2.group("org").strip()


def _may_end_in_role(para: str, floor: int, end: int) -> bool:
    """Whether `para[floor:end]`, less trailing spaces and one comma, ends in the last letter of
    a role noun: what the text must do for `_role_before` to find a role in it."""
    at = end
    while at > floor and para[at - 1].isspace():
        at -= 1
    if at > floor and para[at - 1] == ",":
        at -= 1
        while at > floor and para[at - 1].isspace():
            at -= 1
    return at > floor and para[at - 1].lower() in _ROLE_LAST_LETTERS


def _role_before(window: str) -> str | None:
    """The role ending the text before a name, if the text names a role noun anywhere.

    Finds what `_ROLE_HINT_RE` (the hint) then `_ROLE_BEFORE` would, faster: first the role
    noun that ends the text, then the leftmost start of the words that run up to it.
    """
    text = window.rstrip()
    if text.endswith(","):
        text = text[:-1].rstrip()
    end = len(text)
    tail = text[-_LONGEST_ROLE:]
    if _ROLE_NOUNS_DISTINCT_ENDS and (tail.isascii() or not _CASE_ODD.intersection(tail)):
        # Case-blind matching is lower-casing here, and a noun ending the text is a hint.
        lowered = tail.lower()
        nouns = _ROLE_NOUNS_BY_LAST.get(lowered[-1:], ())
        if not lowered.endswith(nouns):
            return None
        noun_start = end - next(len(n) for n in nouns if lowered.endswith(n))
    else:
        if tail[-1:].lower() not in _ROLE_LAST_LETTERS or not _ROLE_HINT_RE.search(window.lower()):
            return None
        if not _ROLE_NOUNS_DISTINCT_ENDS:
            m = _ROLE_BEFORE.search(window)
            return m.group("role") if m and m.group("role")[:1].strip() else None
        noun = _ROLE_NOUN_AT_END.search(window, max(0, end - _LONGEST_ROLE))
        if noun is None:
            return None
        noun_start = noun.start()
    # Each word before the noun is one whole whitespace-separated chunk (the first may be cut):
    # the role cannot start before the sixth chunk back.
    before = window[:noun_start]
    chunks = before.rsplit(None, 6)
    start = 0
    if len(chunks) == 7:
        start = len(before) - len(before[len(chunks[0]) :].lstrip())
    words = _ROLE_WORDS_TO_END.search(window, start, noun_start)
    assert words is not None  # zero words always match
    return window[words.start() : end]
