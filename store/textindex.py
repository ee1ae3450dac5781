"""Full-text index pieces: tokens, stop words, term shards and compact posting lists."""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, islice
from operator import sub

MIN_TERM = 2  # shorter words are neither indexed nor searched
MAX_TERM = 40  # longer "words" are not real words: truncated

_WORD = re.compile(r"[0-9a-z]+")

_STOP = """a an and are as at be been but by for from had has have he her his i if in into is it
    its of on or our she so that the their them there they this to was we were which who will
    with you"""
STOPWORDS = frozenset(_STOP.split())


_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")


def fold_text(text: str) -> str:
    """Lower-case text with accents stripped, so 'Zoë' and 'zoe' index alike."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return _COMBINING.sub("", decomposed).lower()


def tokens(text: str) -> list[str]:
    """Index terms in order: folded words of two or more characters, stop words kept."""
    return [w[:MAX_TERM] for w in _WORD.findall(fold_text(text)) if len(w) >= MIN_TERM]


_TERM = re.compile(r"[0-9a-z]{2,}")  # the words `tokens` keeps, found in one scan


def term_counts(parts: Iterable[str]) -> dict[str, int]:
    """How often each indexable term occurs across the given texts (title, paragraphs)."""
    # One fold and one scan over the parts joined by a line break, which no term spans.
    folded = fold_text("\n".join(parts))
    counts = dict(Counter(_TERM.findall(folded)))
    for stop in STOPWORDS.intersection(counts):
        del counts[stop]
    if counts and max(map(len, counts)) > MAX_TERM:
        for word in [w for w in counts if len(w) > MAX_TERM]:
            cut = word[:MAX_TERM]
            counts[cut] = counts.get(cut, 0) + counts.pop(word)
    return counts


def query_words(text: str) -> tuple[list[str], str | None]:
    """Split a search string into whole words and a final prefix (None when it ends in a space).

    Words shorter than two characters and stop words are ignored, except that a stop word
    that is the final prefix still matches longer terms ("the" finds "theft").
    """
    words = tokens(text)
    ends_open = bool(text) and not text[-1].isspace() and bool(words)
    prefix = words.pop() if ends_open else None
    whole = [w for w in words if w not in STOPWORDS]
    return whole, prefix


def term_shard_key(term: str) -> str:
    """Terms sharing their first two characters share a shard, so a prefix hits one shard."""
    return term[:MIN_TERM]


def encode_postings(slots: Sequence[int], counts: Sequence[int]) -> str:
    """Ascending slots as gaps, then counts: '3 1 7;1 2 1'."""
    gaps = chain(slots[:1], map(sub, islice(slots, 1, None), slots))  # first slot, then steps
    return " ".join(map(str, gaps)) + ";" + " ".join(map(str, counts))


_DIGITS_AND_SPACES = str.maketrans("", "", "0123456789 ")
_DIGITS = str.maketrans("", "", "0123456789")
_DIGIT_VALUES = bytes.maketrans(b"0123456789", bytes(range(10)))


def _numbers(text: str) -> Sequence[int]:
    """Space-separated integers.

    Lists of one-digit numbers (common: small gaps between the slots of a frequent term,
    small counts) are read as bytes, every other character. The form encode_postings
    writes is valid JSON once the spaces become commas, and the JSON decoder reads it
    faster than int() reads each number; anything else goes through int().
    """
    digits = text[::2]
    if text[1::2] == " " * (len(text) // 2) and not digits.translate(_DIGITS):
        return digits.encode("ascii").translate(_DIGIT_VALUES)
    plain = (
        not text.translate(_DIGITS_AND_SPACES)
        and "  " not in text
        and " 0" not in text
        and not text.startswith(" ")
        and not text.endswith(" ")
        and not (text.startswith("0") and text[1:2].isdigit())
    )
    if plain:
        numbers: list[int] = json.loads("[" + text.replace(" ", ",") + "]")
        return numbers
    return list(map(int, text.split()))


def split_postings(value: str) -> tuple[Sequence[int], Sequence[int]]:
    """Slot gaps and counts from encode_postings' form (gaps: the first slot, then the
    difference to each next one)."""
    gaps, _, counts = value.partition(";")
    return _numbers(gaps), _numbers(counts)


def decode_postings(value: str) -> tuple[list[int], list[int]]:
    """Slots and counts back from encode_postings' form."""
    gaps, counts = split_postings(value)
    return list(accumulate(gaps)), list(counts)
