"""Turn quoted spans into quotes attributed to speakers, following British news conventions."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple

from ..records import Quote, SpeakerKind
from .lexicon import NOT_NAME_WORDS, PRONOUNS, SPEAKER_NOUNS, SPEECH_PHRASES, SPEECH_VERBS
from .names import fold
from .people import PeopleIndex, PersonMention, person_key
from .quotemarks import Span, find_spans
from .wordtrie import trie_pattern

RATINGS: Final = {"good", "outstanding", "requires improvement", "inadequate", "adequate", "poor"}
_LONGEST_RATING: Final = max(map(len, RATINGS))
_NAME_ONLY: Final = re.compile(r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,2}")
WINDOW: Final = 400  # characters before a quote searched for its attribution
# Case-sensitive on purpose: speech verbs are lower case in running text, and an
# IGNORECASE alternation this long is several times slower to scan. Written as a
# prefix tree, which scans about twice as fast as the flat list of 121 verbs.
_VERB: Final = re.compile(
    rf"\b{trie_pattern([*(v.rstrip(':') for v in SPEECH_VERBS), *SPEECH_PHRASES])}\b"
)
_ACCORDING: Final = re.compile(
    r"\baccording\s+to\s+(?P<who>(?:(?!\b(?:that|which|who|whose|when|where)\b)[^,.;:“”\"]){2,80})",
    re.I,
)
_SENTENCE_STARTS: Final = re.compile(r"\s+[\"“‘'A-Z0-9]")  # what follows the end of a sentence
_AUX: Final = re.compile(
    r"(?:\s+(?:has|have|had|was|is|were|are|will|would|also|then|later|previously|today|yesterday|"
    r"further|additionally|earlier|once|again|recently|now|had\s+earlier|publicly|"
    r"in\s+a\s+statement|in\s+an?\s+\w+))+$",
    re.I,
)
# Every _AUX match ends with one of these words, or with "a/an <word>": a cheap test on
# the last two words before running _AUX over the whole clause.
_AUX_END: Final = re.compile(
    r"(?:\s(?:has|have|had|was|is|were|are|will|would|also|then|later|previously|today|"
    r"yesterday|further|additionally|earlier|once|again|recently|now|publicly|statement)"
    r"|\san?\s+\w+)$",
    re.I,
)
_CLAUSE_WORDS: Final = {
    "that",
    "which",
    "who",
    "whom",
    "when",
    "where",
    "as",
    "but",
    "while",
    "because",
    "although",
    "though",
    "if",
    "after",
    "before",
    "since",
    "and",
    "so",
    "yet",
    "or",
    "it",
    "comes",
    "came",
}
_FORCE_HEADS: Final = frozenset(
    {"police", "constabulary", "service", "force"}
)  # end a force's name
_NP_JOINERS: Final = {"of", "for", "and", "the", "a", "an", "on", "at", "in", "from", "to", "&"}
_NP_INNER_JOINERS: Final = frozenset(_NP_JOINERS - {"the", "a", "an"})  # cannot open a phrase
_WORD_STOPS: Final = re.compile(r"[\s,;:()“”\"‘’']")  # where a word may end, walking back
_TITLE_CUE: Final = re.compile(
    r"(?:report|review|inspection|study|strategy|campaign|operation|book|film|programme|document|"
    r"titled|entitled|called|named|headlined|dubbed|known\s+as)\W{0,3}$",
    re.I,
)
_VOICE_OF: Final = re.compile(
    r"(spokes(?:man|woman|person)|statement)\s+(?:for|from)\s+(?:the\s+)?(.{2,60})", re.I
)
_GENERIC_ORG: Final = re.compile(
    r"^(?:(?:the|a|an|its|their|this|that)\s+)?(?:new\s+|national\s+|latest\s+|damning\s+|"
    r"police\s+|force\s+)?(report|reports|watchdog|inspectors|inspectorate|inspection|document|review|"
    r"findings|force|spokesman|spokeswoman|spokesperson|statement)$",
    re.I,
)
_ORG_NOUN: Final = re.compile(
    r"(?=[at])\b(?:the|an?)\s+(?:[a-z]+\s+)?(?:inspectorate|inspectors|watchdog|report|review|panel|"
    r"force|commission|IOPC|HMICFRS|HMIC|council|court|jury|federation|union|charity)\b"
)
_UNNAMED: Final = re.compile(  # the look-ahead (every opening word's first letter) speeds the scan
    r"(?=[ahost])\b(?:(?:one|two|some|another|several)\s+of\s+(?:his|her|their|the)\s+|the\s+|a\s+|his\s+"
    r"|her\s+|one\s+|another\s+)(?:(?P<mod>\w+)(?:['’]s)?\s+)?"
    r"(?P<noun>woman|women|victims?|girl|mother|wife|daughter|sister|complainants?|"
    r"survivors?|man|father|husband|son|brother|boy|students?|teenagers?|pupils?|neighbours?|"
    r"friends?|colleagues?)\b",
    re.I,
)
# The first letters of _UNNAMED's opening words, in either case, and the long s, which
# matches an s case-insensitively.
_UNNAMED_OPENERS: Final = frozenset("ahostAHOSTſ")
# Every _UNNAMED match holds one of these, in any case: "man" stands for "woman" too.
_UNNAMED_NOUNS: Final = (
    b"man", b"women", b"victim", b"girl", b"mother", b"wife", b"daughter", b"sister",
    b"complainant", b"survivor", b"father", b"husband", b"son", b"brother", b"boy",
    b"student", b"teenager", b"pupil", b"neighbour", b"friend", b"colleague",
)  # fmt: skip
_UNNAMED_NOUN: Final = re.compile(b"|".join(_UNNAMED_NOUNS))


def _may_name_unnamed(text: str) -> bool:
    """Cheap test before _UNNAMED: False only if no unnamed person can be named in text."""
    # No noun holds a k: the Kelvin sign does not matter.
    return _UNNAMED_NOUN.search(_ascii_lower(text)) is not None or any(ch in text for ch in "İıſ")


# The first of these after an unnamed person of either sex says which ('her' and 'she' female,
# the rest male).
_GENDERED_PRONOUN: Final = re.compile(r"\b(?:she|her|hers|he|him|his)\b", re.I)
_CLAUSE_REACH: Final = 40  # how far after an unnamed person a clause that names them may begin


_ORDINALS: Final = frozenset(("first", "second", "third", "fourth", "fifth", "sixth", "seventh"))


def _unnamed_name(m: re.Match[str]) -> str:
    """The speaker name for an _UNNAMED match: 'Unnamed woman', 'Unnamed third woman'."""
    noun = _singular(m.group("noun"))
    mod = m.group("mod")
    if mod and mod.lower() in _ORDINALS:
        return f"Unnamed {mod.lower()} {noun}"  # 'the third woman': not the first one
    return f"Unnamed {noun}"


def _singular(noun: str) -> str:
    """One of an unnamed person's nouns in the singular, lower-cased ('women' -> 'woman')."""
    low = noun.lower()
    return "woman" if low == "women" else low.rstrip("s")


_UNNAMED_GENDER: Final = {
    "woman": "f",
    "women": "f",
    "girl": "f",
    "mother": "f",
    "wife": "f",
    "daughter": "f",
    "sister": "f",
    "man": "m",
    "father": "m",
    "husband": "m",
    "son": "m",
    "brother": "m",
    "boy": "m",
}
WATCHDOGS: Final = {
    "HMICFRS": "HMICFRS",
    "Inspectorate of Constabulary and Fire": "HMICFRS",
    "HMIC": "HMIC",
    "Inspectorate of Constabulary": "HMIC",
    "IOPC": "IOPC",
    "Independent Office for Police Conduct": "IOPC",
    "IPCC": "IPCC",
    "Independent Police Complaints Commission": "IPCC",
}


def _watchdog_pattern() -> re.Pattern[str]:
    """The names of WATCHDOGS as whole words, grouped by their first letter.

    Each group opens with its letter, so the scan jumps between H and I; the look-behind
    after it stands for the word boundary before the name. Within a group the names keep
    their order, so the same name is found where several could match.
    """
    groups: dict[str, list[str]] = {}
    for name in WATCHDOGS:
        groups.setdefault(name[0], []).append(re.escape(name[1:]))
    alternatives = [f"{ch}(?<!\\w.)(?:{'|'.join(rest)})" for ch, rest in groups.items()]
    return re.compile(f"(?:{'|'.join(alternatives)})\\b")


_WATCHDOG_RE: Final = _watchdog_pattern()
_WORD: Final = re.compile(r"\w+")
_TWO_WORDS: Final = re.compile(r"\w+\W+\w")  # found when a text has two words or more
_FIVE_WORDS: Final = re.compile(r"\w+(?:\W+\w+){4}")  # found when a text has five words or more
_TITLE_WORD: Final = re.compile(r"[\w’'-]+")
# The longest start of a text whose _TITLE_WORDs all start with a capital A-Z or are small
# words, then the next word if it starts with a-z. Word and gap classes are complementary,
# so the scan never backtracks.
_TITLE_PREFIX: Final = re.compile(
    r"[^\w’'-]*(?:(?:[A-Z][\w’'-]*|(?:of|and|the|a|for|on|in|to)(?![\w’'-]))[^\w’'-]*)*"
    r"(?P<lower>[a-z][\w’'-]*)?"
)
_TITLE_SMALL_WORDS: Final = frozenset({"of", "and", "the", "a", "for", "on", "in", "to"})
_ASCII_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_ENDS_IN_PUNCT: Final = re.compile(r"[.!?,]$")
_INVERTING_MARKS: Final = tuple(",“”\"‘’'")  # '…,” said X': the verb comes before its subject
_INVERTED_WHO: Final = re.compile(
    r"\s+((?!(?:in|on|at|that|to|of|by|for|with|from|after|before)\b)[^,.;:“”\"]{2,80})"
)
_ROLE_PHRASE: Final = re.compile(r"[a-z’' -]{3,40}")
_LEADING_ARTICLE: Final = re.compile(r"^(?:the|a|an)\s+", re.I)
_THAT_FORCE: Final = re.compile(
    r"(?i)(?:(spokes\w+|statement)\s+(?:for|from)\s+)?(?:that|this|the)\s+force"
)
_RELATIVE_END: Final = re.compile(r",\s*(?:which|who)$")
_APPOSITIVE_CUT: Final = re.compile(r"[,(‘’]")
_DETERMINER_ADJECTIVES: Final = re.compile(
    r"(?:^|\s)((?i:the|a|an|its|their)\s+(?:[a-z][\w-]*\s+){1,2})$"
)
_NON_SPACE: Final = re.compile(r"\S+")
_DASH_BYLINE: Final = re.compile(r"^[\s,.]*[—–-]+\s*([^,.;:“”\"—–]{2,80})")
_LEADING_PUNCT: Final = re.compile(r"^[\s,.;:!?—–-]*")
_AFTER_VERB_WHO: Final = re.compile(r"\s+([^,.;:!?“”\"]{2,90})(?:,\s*([^,.;:!?“”\"]{2,60}))?")
_SENTENCE_BREAK: Final = re.compile(r"[.!?;“”\"]")


# Every watchdog name holds one of these.
_WATCHDOG_CUES: Final = ("HMIC", "IOPC", "IPCC", "Inspectorate of Constabulary", "Independent ")
# (text to find, the cues then tested for where it is found; None: it is the cue itself)
_WATCHDOG_FIRSTS: Final[tuple[tuple[str, tuple[str, ...] | None], ...]] = (
    ("HMIC", None),
    ("I", tuple(cue for cue in _WATCHDOG_CUES if cue.startswith("I"))),
)


def _watchdog_paragraphs(paragraphs: Sequence[str]) -> set[int]:
    """The paragraphs that may name a watchdog: a few substring searches over the article."""
    # Joined without a separator, a cue may run on into the next paragraph: the paragraph
    # it starts in is only tried (the watchdog pattern then decides), never missed.
    joined = "".join(paragraphs)
    starts = list(itertools.accumulate(map(len, paragraphs), initial=0))
    found: set[int] = set()
    # The cues but one start with an I, and a capital I is rare: the places of I, each
    # tested for those cues at once, are found quicker than each of those cues.
    for cue, tests in _WATCHDOG_FIRSTS:
        i = joined.find(cue)
        while i >= 0:
            if tests is None or joined.startswith(tests, i):
                found.add(bisect.bisect_right(starts, i) - 1)
            i = joined.find(cue, i + 1)
    return found


def _may_say_according(text: str) -> bool:
    """Cheap test before _ACCORDING (case-insensitive): False only if no 'according' is in text."""
    if "ccording" in text:
        return True
    return _ascii_lower(text).find(b"according") >= 0 or "İ" in text or "ı" in text


def _ascii_lower(text: str) -> bytes:
    """The ASCII letters and signs of text, lower-cased, for the cheap tests before a pattern.

    The only other characters that match an ASCII letter case-insensitively are the dotted
    and dotless Turkish i, the long s and the Kelvin sign, which the callers look for apart
    where they matter. Dropping the others may join letters into a word that is not in the
    text: a test then says "maybe", never "no" wrongly. Far quicker than str.lower().
    """
    return text.encode("ascii", "ignore").lower()


# A pure function of a short name; names recur from article to article.
_person_key: Final = functools.lru_cache(maxsize=4096)(person_key)


class Speaker(NamedTuple):
    """Who said something: a display name and whether a person or an organisation."""

    name: str
    kind: SpeakerKind


@dataclass(frozen=True)
class QuoteContext:
    """What attribution needs to know about the article beyond its paragraphs."""

    people: PeopleIndex
    main_force: str | None
    force_at: Callable[[str], str | None]  # canonical force named in a phrase, if any
    force_spans: Sequence[Sequence[tuple[int, int, str]]] = ()  # per paragraph


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """The text with quoted spans blanked out, offsets unchanged (one pass, however many)."""
    if len(spans) == 1:  # the usual case
        a, b = max(0, spans[0][0]), min(len(text), spans[0][1])
        return text[:a] + "x" * (b - a) + text[b:] if a < b else text
    out: list[str] = []
    done = 0  # text before this is already copied or blanked
    for a, b in sorted(spans):
        a, b = max(0, a, done), min(len(text), b)
        if a < b:
            out += (text[done:a], "x" * (b - a))
            done = b
    out.append(text[done:])
    return "".join(out)


def _has_non_space(text: str, start: int, end: int) -> bool:
    """Whether text holds a character other than space between start and end (end > start)."""
    # A sentence of a masked paragraph starts with the space after its full stop, then
    # its first word: the first two characters answer, the pattern only when they cannot.
    if not text[start].isspace() or (start + 1 < end and not text[start + 1].isspace()):
        return True
    return _NON_SPACE.search(text, start, end) is not None


def _sentence_ends(masked: str) -> list[int]:
    """Where each sentence of a paragraph with its quotes blanked out ends.

    Just after a . ! ? or … followed by space and a capital, digit or quote mark; each
    punctuation character is found by substring search, far quicker than a regex scan.
    """
    ends: list[int] = []
    for stop in ".!?…":
        i = masked.find(stop)
        while i >= 0:
            if _SENTENCE_STARTS.match(masked, i + 1):
                ends.append(i + 1)
            i = masked.find(stop, i + 1)
    ends.sort()
    return ends


_CLOSING_MARKS: Final = "”’\"'"
_SUBHEADING_LONGEST: Final = 90  # characters


def _ends_sentence(para: str) -> bool:
    """Whether the paragraph ends as running text does, with a stop (maybe inside a quote)."""
    return para.rstrip().rstrip(_CLOSING_MARKS + ")").endswith((".", "!", "?", "…"))


def _is_subheading(para: str, masked: str) -> bool:
    """A short line ending in a quote with no stop and no speech verb: a subheading."""
    line = para.rstrip()
    if len(line) > _SUBHEADING_LONGEST or line[-1:] not in _CLOSING_MARKS:
        return False
    if line.rstrip(_CLOSING_MARKS + " ").endswith((".", "!", "?", "…", ",", ";")):
        return False
    return _VERB.search(masked) is None


def _has_words(text: str, least: int) -> bool:
    """Whether text has a word (least 1) or two (least 2), as _WORD or _TWO_WORDS finds."""
    # The usual quote opens with a word character, and a space follows its first word
    # directly: a word run, a gap, a word character. Anything else goes to the pattern.
    if text[:1].isalnum():
        if least == 1:
            return True
        space = text.find(" ")
        if space > 0 and text[space + 1 : space + 2].isalnum():
            return True
    return (_TWO_WORDS if least == 2 else _WORD).search(text) is not None


def _is_title(text: str, before: str) -> bool:
    """A quoted title in Title Case ('the report “Shining a Light”'), not speech."""
    # Speech usually opens with a capitalised word of letters and digits, one space and a
    # word of four or more small ASCII letters ("We will …"): the word _TITLE_PREFIX would
    # find first, and too long for a small word, so no title.
    space = text.find(" ")
    if space > 0 and text[0] in _ASCII_CAPITALS and (space == 1 or text[1:space].isalnum()):
        second = text[space + 1 : space + 5]
        if len(second) == 4 and second.isascii() and second.isalpha() and second.islower():
            return False
    # The quick answer for other speech: the first word that is neither capitalised nor a
    # small word, found in one scan, usually the second word.
    prefix = _TITLE_PREFIX.match(text)  # always found, if only empty
    first_lower = prefix.group("lower") if prefix else None
    if first_lower and first_lower.lower() not in _TITLE_SMALL_WORDS:
        return False
    words = capitalised = 0
    for m in _TITLE_WORD.finditer(text):
        word = m.group()
        words += 1
        if word[:1].isupper():
            capitalised += 1
        elif word.lower() not in _TITLE_SMALL_WORDS:
            return False  # a lower-case word that is not 'of', 'the', …: not Title Case
    if words < 2 or capitalised < max(2, words // 2):
        return False
    # A title cue ending within the last 25 characters also ends within the last 40.
    return bool(_TITLE_CUE.search(before[-40:]) or not _ENDS_IN_PUNCT.search(text))


@functools.lru_cache(maxsize=1024)
def _is_role_phrase(phrase: str) -> bool:
    """Whether a lower-case subject phrase may name a role ('the judge'); phrases recur."""
    return bool(_ROLE_PHRASE.fullmatch(phrase)) and phrase not in {
        "officer",
        "police officer",
        "force",
    }


def _names_role(role: str, title_and_role: str) -> bool:
    """Whether the words of role appear as whole words in a person's title and role."""
    return role in title_and_role and bool(re.search(rf"\b{re.escape(role)}\b", title_and_role))


class Attributor:
    """Resolves speaker phrases to people or organisations, remembering who spoke last."""

    def __init__(self, paragraphs: Sequence[str], masked: Sequence[str], ctx: QuoteContext) -> None:
        self.paragraphs = paragraphs
        self.masked = masked  # the paragraphs with quoted text blanked out
        self.ctx = ctx
        self.last_speaker: Speaker | None = None
        self._ends: list[Sequence[int] | None] = [None] * len(paragraphs)
        self._accords: list[bool | None] = [None] * len(paragraphs)
        self._speakers: dict[str, Speaker | None] = {}
        self.mentions: dict[int, list[PersonMention]] = {}
        for mention in ctx.people.mentions:
            self.mentions.setdefault(mention.paragraph, []).append(mention)
        self.mention_starts = {p: [m.start for m in ms] for p, ms in self.mentions.items()}
        self._watchdog_cues: set[int] | None = None  # paragraphs that may name a watchdog
        self._watchdogs: dict[int, list[str]] = {}
        self._roles: list[tuple[str, str]] | None = None
        self._genders: dict[str, str | None] = {}

    def ends(self, p: int) -> Sequence[int]:
        """Where each sentence of paragraph p ends, ignoring full stops inside quotes."""
        found = self._ends[p]
        if found is None:
            found = self._ends[p] = _sentence_ends(self.masked[p])
        return found

    def bounds(self, p: int, pos: int) -> tuple[int, int]:
        """Start and end of the sentence of paragraph p around pos."""
        ends = self._ends[p]
        if ends is None:
            ends = self.ends(p)
        i = bisect.bisect_right(ends, pos)
        return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(self.masked[p]))

    def according(self, p: int, start: int, end: int) -> re.Match[str] | None:
        """'… according to X' between start and end of paragraph p, outside quotes."""
        may = self._accords[p]
        if may is None:  # one cheap scan of the paragraph spares a scan per quote
            may = self._accords[p] = _may_say_according(self.masked[p])
        return _ACCORDING.search(self.masked[p], start, end) if may else None

    def _person_in(self, pi: int, start: int, end: int) -> Speaker | None:
        """The first person named whole between start and end of paragraph pi (not 'X’s …')."""
        here = self.mentions.get(pi)
        if not here:
            return None
        para = self.paragraphs[pi]
        for m in here[bisect.bisect_left(self.mention_starts[pi], start) :]:
            if m.start >= end:
                return None
            if m.end <= end and para[m.end : m.end + 2] not in ("’s", "'s"):
                return self._person_speaker(m.key)
        return None

    def _person_speaker(self, key: str) -> Speaker | None:
        """The speaker for the person with this key, made once per article."""
        if key not in self._speakers:
            person = self.ctx.people.by_key(key)
            self._speakers[key] = Speaker(person.name, "person") if person else None
        return self._speakers[key]

    def _last_person_before(
        self, pi: int, pos: int, gender: str | None
    ) -> tuple[tuple[int, int], Speaker] | None:
        best: tuple[tuple[int, int], Speaker] | None = None
        for p in range(pi, -1, -1):
            here = self.mentions.get(p, [])
            stop = bisect.bisect_left(self.mention_starts.get(p, []), pos) if p == pi else len(here)
            for m in reversed(here[:stop]):
                g = self.ctx.people.genders.get(m.key)
                if gender and g and g != gender:
                    continue
                person = self.ctx.people.by_key(m.key)
                if person:
                    best = ((m.paragraph, m.start), Speaker(person.name, "person"))
                    break
            if best is not None:
                break
        if best is None and self.last_speaker and self.last_speaker.kind == "person":
            return ((-1, 0), self.last_speaker)
        return best

    def _watchdogs_in(self, p: int) -> list[str]:
        """The watchdogs paragraph p names, in order (found when first asked for)."""
        if self._watchdog_cues is None:
            self._watchdog_cues = _watchdog_paragraphs(self.paragraphs)
        if p not in self._watchdog_cues:
            return []
        names = self._watchdogs.get(p)
        if names is None:
            found = _WATCHDOG_RE.findall(self.paragraphs[p])
            names = self._watchdogs[p] = [WATCHDOGS[n] for n in found]
        return names

    def _recent_watchdog(self, pi: int, inspectorate: bool) -> str | None:
        """The body named nearest before (else after) paragraph pi; inspectorates first if asked."""
        if not self._watchdogs_in(pi) and not self._watchdog_cues:
            return None  # no paragraph can name one
        fallback: str | None = None
        for p in itertools.chain(range(pi, -1, -1), range(pi + 1, len(self.paragraphs))):
            for name in reversed(self._watchdogs_in(p)):
                if not inspectorate or name.startswith("HMIC"):
                    return name
                fallback = fallback or name
            if fallback and abs(p - pi) > 30:
                break  # far enough: an inspectorate named this far away is not meant
        return fallback

    def _pronoun(self, pi: int, pos: int, pron: str) -> Speaker | None:
        if pron in ("they", "it"):
            same = self._org_earlier_in_sentence(pi, pos)
            if same:
                return same
            subject = self._recent_subject(pi, pos)
            if subject:
                return subject
            if self.last_speaker and self.last_speaker.kind == "organisation":
                return self.last_speaker
            if pron == "it":
                return None
        gender = PRONOUNS[pron]
        salient = self._salient_person(pi, pos, gender)
        if salient:
            return salient
        person = self._last_person_before(pi, pos, gender)
        if person is None or person[0][0] < 0:  # none named, or only the last speaker
            unnamed = self._unnamed_before(pi, pos, gender)
            if unnamed:
                return unnamed[1]
        return person[1] if person else None

    def _org_earlier_in_sentence(self, pi: int, pos: int) -> Speaker | None:
        """'When the inspectorate visited, they said …': a body named earlier in the sentence."""
        st, _ = self.bounds(pi, pos)
        best: Speaker | None = None
        for m in _ORG_NOUN.finditer(self.masked[pi], max(st, pos - WINDOW), pos):
            best = self.phrase(pi, m.start(), m.end()) or best
        return best

    def _subject_person(self, p: int, st: int, en: int) -> tuple[Speaker, str | None] | None:
        """The person (named or not) a sentence is about: its speech verb's or its opening subject."""
        para = self.paragraphs[p]
        # Every subject candidate lies within the sentence: one that names nobody and holds
        # no unnamed person ('the woman') is passed over without working them out.
        if not self._may_name(p, st, en):
            return None
        for a, b in self._subject_candidates(p, st, en):
            person = self._person_in(p, a, b)
            if person:
                return person, self._gender_of(person.name)
            # Every _UNNAMED match opens with one of _UNNAMED_OPENERS: checked first.
            m = _UNNAMED.match(para, a, b) if para[a : a + 1] in _UNNAMED_OPENERS else None
            if m:
                named = self._named_after(p, m.end(), en)
                if named:
                    return named, self._gender_of(named.name)
                gender = _UNNAMED_GENDER.get(_singular(m.group("noun")))
                if gender is None:  # 'The student, who was 19, was struggling with her …'
                    own = _GENDERED_PRONOUN.search(para, m.end(), en)
                    if own:
                        gender = "f" if own.group().lower() in ("she", "her", "hers") else "m"
                return Speaker(_unnamed_name(m), "person"), gender
        return None

    def _named_after(self, p: int, at: int, en: int) -> Speaker | None:
        """The person an appositive or a clause after an unnamed one names: 'the woman, who we
        are calling Jess,'."""
        para = self.paragraphs[p]
        for a, b in _appositive_after(para, at, en):  # 'The colleague, PC Sophie Marsden, told'
            person = self._person_in(p, a, b)
            if person:
                return person
        at = para.find(", wh", at, min(en, at + _CLAUSE_REACH))  # 'the women he targeted, who'
        if at < 0:
            return None
        close = para.find(",", at + 1, en)
        return self._person_in(p, at, close if close > 0 else en)

    def _gender_of(self, name: str) -> str | None:
        """The gender recorded for the person of this name, if any (looked up once a name)."""
        if name not in self._genders:
            self._genders[name] = self.ctx.people.genders.get(_person_key(name))
        return self._genders[name]

    def _may_name(self, p: int, start: int, end: int) -> bool:
        """Whether paragraph p may name a person, or an unnamed one, between start and end.

        False only if no person's mention starts there and no _UNNAMED match fits there.
        """
        starts = self.mention_starts.get(p)
        if starts and bisect.bisect_left(starts, start) < bisect.bisect_left(starts, end):
            return True
        return _may_name_unnamed(self.paragraphs[p][start:end])

    def _subject_candidates(self, p: int, st: int, en: int) -> Iterator[tuple[int, int]]:
        """Spans that may say who a sentence is about, best first; made as they are asked for."""
        para = self.paragraphs[p]
        verb = _VERB.search(self.masked[p], st, en)
        # The verb's subject lies between st and the verb: skipped if nobody can be named
        # there (as in a quote that opens the sentence).
        if verb and self._may_name(p, st, verb.start()):
            yield from _subject_before(para, verb.start(), st)
        if verb and para[st : verb.start()].rstrip().endswith(_INVERTING_MARKS):
            yield from _after_subject(para, verb.start(), en)  # '“…,” said Vikram Maddox.'
        according = self.according(p, st, en)
        if according:
            yield according.start("who"), according.end("who")
        head = _np_head(para, st, en)
        if head:
            yield head
            yield from _appositive_after(para, head[1], en)
        comma = para.find(", ", st, min(en, st + 70))
        if comma > 0:  # "After the verdicts, Judge X remanded …"
            after = _np_head(para, comma + 2, en)
            if after:
                yield after
                # "After the recording, Kent Police's chief constable, Jo Bloggs, sent us …"
                yield from _appositive_after(para, after[1], en)

    def _salient_person(self, pi: int, pos: int, gender: str | None) -> Speaker | None:
        """For he/she: the subject of the nearest earlier sentence that can be meant."""
        # Up to five non-blank sentences before pos, nearest first: in paragraph pi those
        # ending by the start of pos's sentence, then in the three paragraphs before it.
        found = 0
        for p in range(pi, max(-1, pi - 4), -1):
            masked = self.masked[p]
            ends = self._ends[p]
            if ends is None:
                ends = self.ends(p)
            if p == pi:  # up to the start of the sentence around pos, as bounds() gives it
                i = bisect.bisect_right(ends, pos)
                stop = ends[i - 1] if i else 0
            else:
                stop = len(masked)
            k = bisect.bisect_right(ends, stop)
            for i in range(k, max(0, k - 5) - 1, -1):
                st = ends[i - 1] if i else 0
                en = ends[i] if i < k else stop
                if en > st and _has_non_space(masked, st, en):
                    subject = self._subject_person(p, st, en)
                    if subject is not None:
                        speaker, g = subject
                        if gender and g is None:
                            # 'The chair, Kemi Adeyemo, said PC Wrenfield had …' then 'He …':
                            # one of known sex in the sentence is surer than one of unknown.
                            other = self._person_of_gender(p, st, en, gender)
                            if other is not None:
                                return other
                        if not (gender and g and g != gender):
                            return speaker
                    found += 1
                    if found >= 5:
                        return None
        return None

    def _person_of_gender(self, p: int, st: int, en: int, gender: str) -> Speaker | None:
        """The first person of this sex named in paragraph p between st and en, if any."""
        here = self.mentions.get(p)
        if not here:
            return None
        for m in here[bisect.bisect_left(self.mention_starts[p], st) :]:
            if m.start >= en:
                break
            if self.ctx.people.genders.get(m.key) == gender:
                return self._person_speaker(m.key)
        return None

    def _recent_subject(self, pi: int, pos: int) -> Speaker | None:
        """The organisation or group a recent sentence opened with ('Inspectors from X …')."""
        for p in (pi, pi - 1):
            if p < 0:
                continue
            text = self.paragraphs[p][: pos if p == pi else None]
            ends = self.ends(p)
            starts = [0, *ends[: bisect.bisect_right(ends, len(text))]]
            if p == pi:
                starts = starts[:-1]  # not the pronoun's own sentence
            for st in reversed(starts[-4:]):
                while st < len(text) and text[st] == " ":
                    st += 1
                if text[st : st + 1] in "“\"‘'":
                    continue
                head = _np_head(self.paragraphs[p], st, min(len(text), st + 120))
                if head is None or self._person_in(p, *head):
                    continue
                words = self.paragraphs[p][head[0] : head[1]].split()
                if words and words[0].lower() in PRONOUNS:
                    continue
                if any(
                    w.lower().rstrip("s’'") in SPEAKER_NOUNS or w.lower() in SPEAKER_NOUNS
                    for w in words
                ):
                    return self.phrase(p, *head)
        return None

    def _unnamed_before(
        self, pi: int, pos: int, gender: str | None
    ) -> tuple[tuple[int, int], Speaker] | None:
        """'One of his victims', 'the woman': an unnamed person a pronoun may refer to."""
        found: tuple[tuple[int, int], Speaker] | None = None
        for p in range(max(0, pi - 2), pi + 1):
            text = self.paragraphs[p][: pos if p == pi else None]
            for m in _UNNAMED.finditer(text, max(0, len(text) - 800)):
                g = _UNNAMED_GENDER.get(_singular(m.group("noun")))
                if gender and g and g != gender:
                    continue
                found = ((p, m.start()), Speaker(_unnamed_name(m), "person"))
        return found

    def _role_holder(self, phrase: str) -> Speaker | None:
        """'the judge', 'the chief constable': the one person whose title or role says so."""
        low = phrase.lower()
        if phrase != low or not _is_role_phrase(low):
            return None
        if self._roles is None:  # each person's title and role, lower-cased once
            self._roles = [
                (p.name, f"{p.title or ''} {p.role or ''}".lower()) for p in self.ctx.people.people
            ]
        holders = [name for name, roles in self._roles if _names_role(low, roles)]
        return Speaker(holders[0], "person") if len(holders) == 1 else None

    def _near_force(self, pi: int, pos: int) -> str | None:
        """The force last named before pos in its paragraph, else in the paragraph before."""
        spans = self.ctx.force_spans
        if pi < len(spans):
            here = [sp for sp in spans[pi] if sp[1] <= pos]
            if here:
                return here[-1][2]
        if 0 < pi <= len(spans) and spans[pi - 1]:
            return spans[pi - 1][-1][2]
        return None

    def _recent_force(self, pi: int, pos: int) -> str | None:
        for p in range(min(pi, len(self.ctx.force_spans) - 1), -1, -1):
            spans = [sp for sp in self.ctx.force_spans[p] if p < pi or sp[1] <= pos]
            if spans:
                return spans[-1][2]
        return None

    def best(self, pi: int, spans: Sequence[tuple[int, int]]) -> Speaker | None:
        """The first span naming a person, else the first naming anyone."""
        for start, end in spans:
            person = self._person_in(pi, start, end)
            if person:
                return person
        if len(spans) > 1:
            for start, end in spans:
                name = self.paragraphs[pi][start:end].strip()
                if _NAME_ONLY.fullmatch(name) and not any(
                    w.lower() in NOT_NAME_WORDS for w in name.split()
                ):
                    return Speaker(name, "person")  # an appositive that is just a name
        for start, end in spans:
            speaker = self._unnamed_phrase(pi, start, end)  # no person named: checked above
            if speaker:
                return speaker
        return None

    def phrase(self, pi: int, start: int, end: int) -> Speaker | None:
        """The speaker named by paragraph text[start:end] (a subject phrase)."""
        return self._person_in(pi, start, end) or self._unnamed_phrase(pi, start, end)

    def _unnamed_phrase(self, pi: int, start: int, end: int) -> Speaker | None:
        """The speaker of a subject phrase that names no person: a pronoun, role or body."""
        shape = _phrase_shape(self.paragraphs[pi][start:end])
        if shape is None:
            return None
        if shape.pronoun:
            return self._pronoun(pi, start, shape.pronoun)
        text = self.paragraphs[pi][start:end].strip(" ,")
        if text[:1] in _UNNAMED_OPENERS and (m := _UNNAMED.fullmatch(text)):
            return Speaker(_unnamed_name(m), "person")  # 'one of the women'
        phrase = shape.phrase
        role_holder = self._role_holder(phrase)
        if role_holder:
            return role_holder
        if phrase[:1] in "sS" and (voice := _VOICE_OF.fullmatch(phrase)):
            force = self.ctx.force_at(voice.group(2))  # 'A spokesperson for Scotland Yard'
            if force:
                return Speaker(f"{force} {voice.group(1).lower()}", "organisation")
        if shape.that_force:
            recent = self._recent_force(pi, start) or self.ctx.main_force
            if recent:
                noun = shape.that_force_noun
                return Speaker(f"{recent} {noun.lower()}" if noun else recent, "organisation")
        if not shape.may_speak:
            return None
        noun = shape.generic_noun
        if noun is not None:
            if (
                noun in ("force", "spokesman", "spokeswoman", "spokesperson", "statement")
                and self.ctx.main_force
            ):
                # The force named just before ('GMP said … "…," the force said'), else the
                # article's main one.
                near = self._near_force(pi, start) or self.ctx.main_force
                return Speaker(near if noun == "force" else f"{near} {noun}", "organisation")
            watchdog = self._recent_watchdog(pi, noun != "watchdog")
            if watchdog:
                return Speaker(f"{watchdog} {phrase}", "organisation")
        if shape.force_head:
            force = self.ctx.force_at(phrase)
            if force:
                return Speaker(force, "organisation")
        return Speaker(phrase[:1].upper() + phrase[1:], "organisation")


class _PhraseShape(NamedTuple):
    """What the words of a subject phrase alone say about it; the article says the rest."""

    pronoun: str | None  # the phrase is this one pronoun
    phrase: str  # the words without a leading article
    that_force: bool  # "that force", "a spokesman for the force"
    that_force_noun: str | None  # "spokesman" in "a spokesman for the force"
    may_speak: bool  # at most nine words, with a capital or a speaker noun, not "we"
    generic_noun: str | None  # "report" in "the report", lower-cased
    force_head: bool  # four words at most, the last one a force's ("Essex Police")


@functools.lru_cache(maxsize=4096)
def _phrase_shape(text: str) -> _PhraseShape | None:
    """The shape of a subject phrase (short, and repeated: 'A force spokesman'); None if empty."""
    words = text.strip(" ,").split()
    if not words:
        return None
    if len(words) == 1 and (pronoun := words[0].lower().strip(",")) in PRONOUNS:
        return _PhraseShape(pronoun, "", False, None, False, None, False)
    phrase = _LEADING_ARTICLE.sub("", " ".join(words).strip(" ,"))
    that_force = _THAT_FORCE.fullmatch(phrase)
    phrase_words = phrase.split()
    may_speak = (
        bool(phrase)
        and len(phrase_words) <= 9
        and (
            any(w[:1].isupper() for w in phrase_words)
            or any(
                w.lower().strip("’'s") in SPEAKER_NOUNS or w.lower() in SPEAKER_NOUNS
                for w in phrase_words
            )
        )
        and phrase.lower() not in PRONOUNS
        and phrase.lower() not in {"we", "i", "you", "there", "this"}
        and phrase_words[0].lower() not in _NOT_SUBJECT_OPENERS  # 'What she got', 'Over days'
        # A clause ('the BBC she had been') or a possessive ("Kieran Ashby's") is no speaker.
        and not any(w.lower() in PRONOUNS for w in phrase_words)
        and not phrase_words[-1].endswith(("'s", "’s"))
    )
    generic = _GENERIC_ORG.match(phrase) if may_speak else None
    return _PhraseShape(
        pronoun=None,
        phrase=phrase,
        that_force=that_force is not None,
        that_force_noun=that_force.group(1) if that_force else None,
        may_speak=may_speak,
        generic_noun=generic.group(1).lower() if generic else None,
        force_head=len(phrase_words) <= 4 and phrase_words[-1].lower() in _FORCE_HEADS
        if may_speak
        else False,
    )


def _strip_auxiliaries(clause: str) -> str:
    """'Essex Police has also' -> 'Essex Police': drop auxiliaries before a speech verb."""
    last_two = clause.rsplit(None, 2)
    tail_start = len(last_two[0]) if len(last_two) == 3 else 0
    if _AUX_END.search(clause, tail_start) is None:
        return clause
    return _AUX.sub("", clause)


def _subject_before(text: str, verb_start: int, clause_start: int) -> list[tuple[int, int]]:
    """Candidate spans for the subject phrase that ends just before a speech verb."""
    clause_start = max(clause_start, verb_start - WINDOW)
    # The answer depends only on the clause and one character either side (the apostrophe
    # test looks there), so it is worked out on that short string, where clauses such as
    # ", she " repeat and are remembered.
    lo = max(0, clause_start - 1)
    spans = _clause_subject(text[lo : verb_start + 1], verb_start - lo, clause_start - lo)
    return [(lo + a, lo + b) for a, b in spans]


@functools.lru_cache(maxsize=8192)
def _clause_subject(text: str, verb_start: int, clause_start: int) -> tuple[tuple[int, int], ...]:
    """_subject_before on a short string holding the clause."""
    return tuple(_subject_spans(text, verb_start, clause_start))


def _subject_spans(text: str, verb_start: int, clause_start: int) -> list[tuple[int, int]]:
    """Candidate subject spans ending at verb_start, found from clause_start on."""
    left = _strip_auxiliaries(text[clause_start:verb_start].rstrip())
    stripped = left.rstrip()
    relative = _RELATIVE_END.search(stripped)
    if relative:  # "Essex Police, which said …": the phrase before the relative pronoun
        span = _np_tail(text, clause_start, clause_start + relative.start())
        return [span] if span else []
    if not stripped.endswith((",", ")")):
        who = stripped.find(" who ")
        if who > 0 and "," not in stripped:
            # 'A mother and daughter who reported him … have said': the phrase before 'who',
            # when it is all the clause holds before it.
            span = _np_tail(text, clause_start, clause_start + who)
            if span and not text[clause_start : span[0]].strip():
                return [span]
        span = _np_tail(text, clause_start, clause_start + len(stripped))
        return [span] if span else []
    # Appositives: "Stephen Mold, the commissioner, said", "X, of Y Police, who led it, said",
    # "…rare', HM Inspector Zoe X, said". Each comma-separated segment is a candidate,
    # nearest the verb last; the caller prefers one naming a person.
    inner = stripped[:-1]
    cuts = [m.end() for m in _APPOSITIVE_CUT.finditer(inner)]
    bounds = [0, *cuts][-4:]
    out: list[tuple[int, int]] = []
    for i, seg_start in enumerate(bounds):
        seg_end = bounds[i + 1] - 1 if i + 1 < len(bounds) else len(inner)
        if i == 0:
            span = _np_tail(text, clause_start + seg_start, clause_start + seg_end)
            if span:
                out.append(span)
        else:
            a, b = clause_start + seg_start, clause_start + seg_end
            if text[a:b].strip():
                out.append((a, b))
    return out


def _breaks_word(text: str, i: int) -> bool:
    """Punctuation that ends a phrase; an apostrophe inside a word (Women’s) does not."""
    ch = text[i]
    if ch in "’'":
        return not (0 < i < len(text) - 1 and text[i - 1].isalpha() and text[i + 1].isalpha())
    return ch in ',;:()“”"‘'


def _word_start(text: str, floor: int, j: int) -> int:
    """Where the word ending at j starts: after a space or phrase punctuation, or at floor."""
    space = text.rfind(" ", floor, j)
    k = space + 1 if space >= 0 else floor
    if _WORD_STOPS.search(text, k, j) is None:
        return k  # the usual case: only word characters back to the space
    k = j
    while k > floor and not text[k - 1].isspace() and not _breaks_word(text, k - 1):
        k -= 1
    return k


def _appositive_after(text: str, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """The appositive right after a phrase ending at end: ', Jo Bloggs,' gives 'Jo Bloggs'."""
    if text.startswith(", ", end):
        close = text.find(",", end + 2, min(limit, end + 60))
        if close > end + 2:
            yield end + 2, close


def _joins_names(text: str, floor: int, k: int) -> bool:
    """Whether 'and' at k joins two parts of one phrase: a capitalised word or a speaker noun
    comes before it."""
    if _initial_before(text, floor, k).isupper():
        return True
    before = text[max(floor, k - 20) : k].split()
    return bool(before) and before[-1].lower() in SPEAKER_NOUNS


def _initial_before(text: str, floor: int, k: int) -> str:
    """The first character of the space-separated word before position k (not before floor)."""
    e = k
    while e > floor and text[e - 1].isspace():
        e -= 1
    if e <= floor:
        return ""
    space = text.rfind(" ", floor, e)
    return text[space + 1] if space >= 0 else text[floor]


def _np_tail(text: str, floor: int, end: int) -> tuple[int, int] | None:
    """Walk back from end over a noun phrase ('An HMICFRS spokesman'); return its span."""
    while end > floor and text[end - 1] in " ,":
        end -= 1
    i = end
    words = 0
    start = end
    while i > floor and words < 12:
        j = i
        while j > floor and text[j - 1] == " ":
            j -= 1
        k = _word_start(text, floor, j)
        if k == j:
            break
        word = text[k:j]
        low = word.lower()
        if words == 0 and low in PRONOUNS:
            start = k
            words = 1
            break  # "It concluded", "she said": the pronoun is the whole phrase
        if low in {"and", "&"} and words > 0 and _joins_names(text, floor, k):
            pass  # "Police and Crime Commissioner", "England and Wales", "mother and daughter"
        elif low in {"that", "this", "the", "a", "an"} and words > 0:
            start = k
            words += 1
            break  # "that force", "this report": a determiner ends the phrase
        elif low in _CLAUSE_WORDS or not (
            word[:1].isupper()
            or word[:1].isdigit()
            or low in _NP_JOINERS
            or low.rstrip("’'s") in SPEAKER_NOUNS
            or low in SPEAKER_NOUNS
            or (low in PRONOUNS and words == 0)
            or (words > 0 and low.isalpha() and _initial_before(text, floor, k).isupper())
        ):
            break
        start = k
        words += 1
        i = k
        if k > floor and _breaks_word(text, k - 1):
            break
    if start >= end:
        return None
    # "a national report", "the police watchdog": adjectives after a determiner (not before a
    # pronoun: 'In a written submission he said').
    pronoun = words == 1 and text[start:end].lower() in PRONOUNS
    m = None if pronoun else _DETERMINER_ADJECTIVES.search(text[floor:start])
    if m and not any(w in _CLAUSE_WORDS or w in SPEECH_VERBS for w in m.group(1).split()[1:]):
        start = floor + m.start(1)
    while start < end:
        first = text[start:end].split(None, 1)[0]
        if first.lower() not in _NP_INNER_JOINERS:
            break
        start += len(first) + 1
    return (start, end) if start < end else None


_CLAUSE_PRONOUN: Final = re.compile(r"\b(?:he|she|they)\b")
_LEADING_PREPOSITIONS: Final = frozenset(
    "in on at after before following during speaking outside with for from by under since "
    "when while as although though despite jailing sentencing responding asked over within "
    "throughout across until".split()
)
# Words a phrase that names no speaker opens with: a preposition or a question word.
_NOT_SUBJECT_OPENERS: Final = _LEADING_PREPOSITIONS | frozenset(
    ("what", "which", "who", "whom", "where", "why", "how")
)


_OPENING_CONJUNCTIONS: Final = frozenset(("but", "and", "yet", "so", "then"))


def _np_head(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The noun phrase a sentence opens with, for participles: 'The report …, stating: …'."""
    end = start
    first = 0  # the token the phrase may open with
    for n, m in enumerate(_NON_SPACE.finditer(text, start, limit)):
        token = m.group()
        if n == first:
            opener = token.lower().strip(",")
            if opener in _LEADING_PREPOSITIONS:
                return None  # "In a statement, …", "After the verdicts, …": not a subject
            if opener in _OPENING_CONJUNCTIONS:
                first, start = n + 1, m.end() + 1  # "But within days he …": look past "But"
                end = start
                continue
        word = token.strip(":,;")
        low = word.lower()
        if not (
            word[:1].isupper()
            or word[:1].isdigit()
            or low in _NP_JOINERS
            or low in SPEAKER_NOUNS
            or (low[-2:] in ("'s", "’s") and low[:-2] in SPEAKER_NOUNS)  # "The girl's father"
        ):
            break
        end = m.start() + len(word)
        if token.endswith((",", ";")):
            break
    if end == start or text[start:end].lower() in _NP_JOINERS:
        return None  # nothing, or only "The": no noun to name a speaker
    if text[end - 2 : end] in ("'s", "’s"):
        return None  # "A survivor's view": the phrase is about a view, not the survivor
    return (start, end)


def _after_subject(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """'…," said Ch Supt X.' or '…," she added.' or '…," the report, published today, said'."""
    # Worked out on the rest of the sentence and the character before it (the subject
    # finder may look there), where tails such as ', she said.' repeat and are remembered.
    lo = max(0, pos - 1)
    return [(lo + a, lo + b) for a, b in _tail_subject(text[lo:end], pos - lo)]


@functools.lru_cache(maxsize=4096)
def _tail_subject(text: str, pos: int) -> tuple[tuple[int, int], ...]:
    """_after_subject on a short string holding the rest of the sentence."""
    return tuple(_after_subject_spans(text, pos, len(text)))


def _after_subject_spans(text: str, pos: int, end: int) -> list[tuple[int, int]]:
    """Candidate speaker spans in text[pos:end], the rest of a sentence after a quote."""
    rest = text[pos:end]
    dash = _DASH_BYLINE.match(rest)
    if dash:  # "…” — Gail Harrow, Police and Crime Commissioner"
        return [(pos + dash.start(1), pos + dash.end(1))]
    m = _LEADING_PUNCT.match(rest)
    offset = pos + (m.end() if m else 0)
    tail = text[offset:end]
    v = _VERB.match(tail)
    if v:  # verb first: "said Supt X"
        after = offset + v.end()
        # "said Supt X", "said West Mercia Police's chief constable, Arjun Moffat":
        # the phrase after the verb and, after a comma, the appositive that may hold the name.
        who = _AFTER_VERB_WHO.match(text[after:end])
        if not who:
            return []
        spans = [(after + who.start(1), after + who.end(1))]
        if who.group(2):
            spans.append((after + who.start(2), after + who.end(2)))
        return spans
    v2 = _VERB.search(tail[:160])
    if not v2:
        return []
    before = tail[: v2.start()]
    if _SENTENCE_BREAK.search(before):
        return []
    return _subject_before(text, offset + v2.start(), offset)


class QuoteFinder:
    """Finds and attributes the quotes of one article."""

    def __init__(self, paragraphs: Sequence[str], ctx: QuoteContext) -> None:
        self.paragraphs = paragraphs
        self.ctx = ctx
        self.spans = find_spans(paragraphs)
        by_para: dict[int, list[tuple[int, int]]] = {}
        for span in self.spans:
            for pi, a, b in span.pieces:
                by_para.setdefault(pi, []).append((a, b))  # marks stay: sentences end before them
        self.masked = list(paragraphs)
        for i, quoted in by_para.items():
            self.masked[i] = _mask(paragraphs[i], quoted)
        self.attr = Attributor(paragraphs, self.masked, ctx)

    def quotes(self) -> tuple[Quote, ...]:
        out: list[Quote] = []
        last_para_with_quote = -10
        for span in self.spans:
            quote = self._one(span, last_para_with_quote)
            if quote is not None:
                out.append(quote)
                last_para_with_quote = span.pieces[-1][0]
        return tuple(out)

    def _one(self, span: Span, last_quote_para: int) -> Quote | None:
        pieces = span.pieces
        single = len(pieces) == 1
        pi, a, b = pieces[0]
        lp, la, lb = pieces[-1]
        para = self.paragraphs[pi]
        if single:
            text = para[a:b].strip()
        else:
            text = "\n\n".join(self.paragraphs[p][x:y].strip() for p, x, y in pieces).strip()
        one_word = single and not _has_words(text, 2)
        if one_word and not _has_words(text, 1):
            return None  # no words
        core = text.strip(" .,")
        if len(core) <= _LONGEST_RATING and core.lower() in RATINGS:
            return None  # "rated ‘good’": a grade, not speech
        if single and _is_subheading(para, self.masked[pi]):
            return None  # "## ‘We are ashamed’": a subheading echoing the speech below it
        s_start, s_end = self.attr.bounds(pi, a)
        # Attribution is looked for within WINDOW characters of the quote, so a paragraph
        # that is one enormous sentence still parses in linear time.
        if s_start < a - 1 - WINDOW:
            s_start = a - 1 - WINDOW
        before = para[s_start : a - 1]
        if single and _is_title(text, before):
            return None
        at_start = not before.strip(" —–-")
        speaker = self._according(pi, s_start, min(s_end, a + len(text) + WINDOW))
        if speaker is None and not at_start:  # at the start, no verb comes before the quote
            speaker = self._speaker_before(pi, s_start, a - 1)
        if speaker is None:
            _, l_end = self.attr.bounds(lp, la)
            speaker = self._speaker_after(lp, lb + 1, min(l_end, lb + WINDOW))
        intro = before.rstrip().endswith((":", ",")) or at_start  # "X said:" / "X said,"
        partial = not (intro and text[:1].isupper())
        if one_word and (speaker is None or not _ends_sentence(para)):
            # One word is speech only when its own sentence says who said it, in running
            # text: not in a standfirst ('Jury hears officer told one woman she ‘owed’ him').
            return None
        if speaker is None and at_start:
            speaker = self._dash_line_after(lp, lb)
        if (
            speaker is None
            and at_start
            and pi > 0
            and self.paragraphs[pi - 1].rstrip().endswith(":")
        ):
            speaker = self._introduced_by(pi - 1)
        if speaker is None and at_start and pi > 0 and self._reported_before(pi):
            # 'Supt Emma Rowntree led the team. She says the evidence was not hidden.' then a
            # quote with no attribution: hers, not the last quoted speaker's.
            prev = self.paragraphs[pi - 1]
            p_start, _ = self.attr.bounds(pi - 1, len(prev.rstrip()) - 1)
            speaker = self._speaker_before(pi - 1, p_start, len(prev))
        if speaker is None and at_start and self.attr.last_speaker:
            speaker = self.attr.last_speaker
        if speaker is None:
            if partial and not _FIVE_WORDS.search(text):  # a fragment of four words or fewer
                return None
            speaker = self._nearby(pi, a)
        if speaker is None:
            return None
        self.attr.last_speaker = speaker
        return Quote(
            speaker=speaker.name,
            text=text,
            paragraphs=(pi,) if single else tuple(p for p, _, _ in pieces),
            partial=partial,
            speaker_kind=speaker.kind,
        )

    def _speaker_before(self, pi: int, s_start: int, q_open: int) -> Speaker | None:
        """A speech verb with a subject earlier in the sentence: 'X said:' or 'X said the …'."""
        para = self.paragraphs[pi]
        masked = self.masked[pi]
        s_start = max(s_start, q_open - WINDOW)
        for v in _VERB.finditer(masked[s_start:q_open]):
            vs, ve = s_start + v.start(), s_start + v.end()
            if v.group().endswith("ing"):  # "…, saying:": the sentence's opening phrase
                speaker = self._opening_subject(pi, s_start, vs)
            else:
                speaker = self.attr.best(pi, _subject_before(para, vs, s_start))
            if speaker is not None:
                return speaker
            lead = para[s_start:vs].rstrip()
            if not lead or lead.endswith(_INVERTING_MARKS):
                # "said Supt X:" — the subject after the verb, right before the quote.
                who = _INVERTED_WHO.match(para, ve, q_open)
                if who:
                    speaker = self.attr.best(pi, [(who.start(1), who.end(1))])
                    if speaker is not None:
                        return speaker
            if lead.endswith((",", " and")):
                speaker = self._opening_subject(pi, s_start, vs)
                if speaker is not None:
                    return speaker
        return None

    def _opening_subject(self, pi: int, s_start: int, vs: int) -> Speaker | None:
        """The subject the sentence opens with, for a participle or a verb sharing it: 'The
        report …, stating', 'Inspectors examined 40 cases and found …', and after an opening
        phrase its pronoun: 'Over nine days he sent her messages, asking …'."""
        para = self.paragraphs[pi]
        head = _np_head(para, s_start, vs)
        if head is None:
            pron = _CLAUSE_PRONOUN.search(para, s_start, vs)
            return self.attr.best(pi, [pron.span()]) if pron else None
        return self.attr.best(pi, [head])

    def _reported_before(self, pi: int) -> bool:
        """Whether paragraph pi - 1 holds no quote and has a speech verb: reported speech."""
        prev = self.masked[pi - 1]
        return prev == self.paragraphs[pi - 1] and _VERB.search(prev) is not None

    def _dash_line_after(self, lp: int, q_close: int) -> Speaker | None:
        """A pull quote signed on the line below it: '“…”' then '— Jo Bloggs, chair'."""
        if lp + 1 >= len(self.paragraphs) or self.paragraphs[lp][q_close + 1 :].strip():
            return None
        dash = _DASH_BYLINE.match(self.paragraphs[lp + 1])
        return self.attr.best(lp + 1, [dash.span(1)]) if dash else None

    def _introduced_by(self, pi: int) -> Speaker | None:
        """The speaker of paragraph pi, which ends with a colon and introduces the next one.

        'Mr X said:', or with no speech verb the phrase its last sentence opens with:
        'A spokesperson for the force has given us this statement:'.
        """
        prev = self.paragraphs[pi]
        p_start, _ = self.attr.bounds(pi, len(prev) - 1)
        speaker = self._speaker_before(pi, p_start, len(prev))
        if speaker is None and _VERB.search(self.masked[pi], p_start) is None:
            head = _np_head(prev, p_start, len(prev))
            if head is not None:
                speaker = self.attr.best(pi, [head])
        return speaker

    def _speaker_after(self, pi: int, q_close: int, s_end: int) -> Speaker | None:
        para = self.paragraphs[pi]
        if q_close >= len(para):
            return None
        return self.attr.best(pi, _after_subject(para, q_close, s_end))

    def _according(self, pi: int, s_start: int, s_end: int) -> Speaker | None:
        m = self.attr.according(pi, s_start, s_end)
        if not m:
            return None
        return self.attr.phrase(pi, m.start("who"), m.end("who"))

    def _nearby(self, pi: int, pos: int) -> Speaker | None:
        """A quote with no attribution in its sentence: the speaker of the paragraph, if one."""
        para = self.paragraphs[pi]
        for v in _VERB.finditer(self.masked[pi], max(0, pos - WINDOW), pos):
            speaker = self.attr.best(pi, _subject_before(para, v.start(), 0))
            if speaker:
                return speaker
        return None


def find_quotes(paragraphs: Sequence[str], ctx: QuoteContext) -> tuple[Quote, ...]:
    """Every quote in the paragraphs with its speaker; scare quotes, titles and ratings dropped."""
    return QuoteFinder(paragraphs, ctx).quotes()


def speaker_fold(name: str) -> str:
    """Fold a speaker name for comparison."""
    return fold(name).strip()
