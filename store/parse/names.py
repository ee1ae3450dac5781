"""Name folding: keys that group one speaker's spellings, titles and ranks."""

from __future__ import annotations

import re
import unicodedata
from typing import Final

HONORIFICS: Final = frozenset(
    "mr mrs ms miss mx dr prof professor sir dame lord lady baroness rev cllr councillor hon rt".split()
)

RANKS: Final = frozenset(
    """pc psc dc ds di dci dsupt dcs supt superintendent chief inspector insp sgt sergeant
    constable detective det ch chf assistant deputy commander commissioner acc dcc cc
    hmi hm hmcic temporary acting officer police staff""".split()
)

_WORD: Final = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*")


def fold(text: str) -> str:
    """Lower-case, strip accents and unify quote marks, for comparing names."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'")
    return text.lower()


def speaker_key(name: str) -> str:
    """A key that groups one speaker across articles: 'HMI Zoë Billingham' -> 'zoe billingham'."""
    words = _WORD.findall(fold(name))
    while words and words[0] in {"the", "an", "a"}:
        words.pop(0)
    core = [w for w in words if w not in HONORIFICS and w not in RANKS]
    return " ".join(core or words)
