"""Score the parser on a folder of articles against their gold annotations.

Usage: python tests/parse/devscore.py [DIR] [--gold GOLD_DIR]

DIR holds .txt/.md articles (default: the development corpus next to the tests); GOLD_DIR
holds one JSON annotation per article (default: DIR/gold). Prints one line per article, the
details of every miss, and a summary; exits 1 when a target is not met.

Matching rules (those the gold files are written for):
- a gold quote is found when a predicted quote's normalised text starts with its
  ``starts_with`` (or contains it within the first 60 characters);
- the speaker is right when, for a person, the surname matches (and the first names too when
  both sides give one), or, for an organisation, the prediction contains any ``speaker_accept``
  substring;
- quotes marked borderline, duplicate or in_headline, or repeating a group, are optional: finding
  them earns nothing and reporting them costs nothing;
- a predicted quote is spurious when it matches no gold quote and no entry under ``ignore``,
  ``titles``, ``scare_quotes`` or ``titles_in_quotes``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from forcewatch.store.parse import decode_bytes, parse_article

DEV_DIR = Path(__file__).resolve().parents[1] / "data" / "dev"
ARTICLE_SUFFIXES = (".txt", ".md")
SLACK = 60  # a gold start may begin this many characters into a predicted quote

TARGETS: dict[str, float] = {
    "quote_recall": 0.9,
    "quote_precision": 0.9,
    "attributed": 0.9,
    "force_precision": 0.95,
    "force_recall": 0.95,
    "titles": 1.0,
    "dates": 1.0,
}

_MARKS = "\"'`´‘’‚‛“”„‟˜′″«»‹›"
_MARK_TABLE = str.maketrans(dict.fromkeys(_MARKS, "'"))
_WORD = re.compile(r"[a-z0-9]+")

# Words dropped before comparing people's names: honorifics and the ranks papers put first.
# fmt: off
_NAME_PREFIXES = frozenset({
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "rt",
    "hon", "cllr", "hm", "hmi", "supt", "superintendent", "chief", "ch", "constable", "inspector",
    "insp", "det", "detective", "sgt", "sergeant", "pc", "dcc", "acc", "assistant", "deputy",
    "commissioner", "of", "constabulary",
})

# Words that do not tell one force from another, and short forms mapped to the full key.
_FORCE_FILLER = frozenset({
    "the", "of", "and", "police", "constabulary", "service", "force", "isle", "wight", "mps",
})
# fmt: on
_FORCE_SHORT = {
    "met": "metropolitan",
    "scotland yard": "metropolitan",
    "gmp": "greater manchester",
    "notts": "nottinghamshire",
    "northants": "northamptonshire",
    "psni": "northern ireland",
    "btp": "british transport",
    "lancs": "lancashire",
    "leics": "leicestershire",
    "herts": "hertfordshire",
    "beds": "bedfordshire",
    "cambs": "cambridgeshire",
    "wilts": "wiltshire",
    "glos": "gloucestershire",
}

_OPTIONAL_FLAGS = ("borderline", "duplicate", "in_headline")
_NOT_QUOTE_KEYS = ("ignore", "titles", "scare_quotes", "titles_in_quotes")


def fold(text: str) -> str:
    """Lower-case, strip accents, unify quote marks and collapse white space."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.translate(_MARK_TABLE).lower().split())


def words(text: str) -> list[str]:
    """The letters-and-digits words of a text, folded."""
    return _WORD.findall(fold(text))


def normal(text: str) -> str:
    """A text reduced to its folded words joined by single spaces."""
    return " ".join(words(text))


def force_key(name: str) -> str:
    """A key under which a force's official name and its common short forms agree."""
    key = " ".join(w for w in words(name) if w not in _FORCE_FILLER)
    return _FORCE_SHORT.get(key, key)


def person_words(name: str) -> list[str]:
    """A person's name words without honorifics or ranks."""
    return [w for w in words(name) if w not in _NAME_PREFIXES]


def speaker_correct(gold_quote: Mapping[str, Any], predicted: str) -> bool:
    """Whether a predicted speaker is the one the gold quote names."""
    got = fold(predicted)
    if not got:
        return False
    accept = gold_quote.get("speaker_accept")
    if accept:
        return any(fold(str(a)) in got for a in accept)
    want = person_words(str(gold_quote.get("speaker", "")))
    have = person_words(predicted)
    if not want or not have or want[-1] != have[-1]:
        return False
    return len(want) == 1 or len(have) == 1 or want[0] == have[0]


def text_matches(start: str, predicted: str) -> bool:
    """Whether a normalised predicted quote begins with (or soon reaches) a normalised start."""
    if not start:
        return False
    at = predicted.find(start)
    return 0 <= at <= SLACK


def published_correct(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    """Whether the predicted publication date agrees with the gold one (as far as gold goes)."""
    want = gold.get("published")
    got = _published_date(pred)
    if not want:
        return not got
    return bool(got) and got[: len(str(want))] == str(want)


def _published_date(pred: Mapping[str, Any]) -> str:
    value = pred.get("published")
    if isinstance(value, Mapping):
        value = value.get("date")
    return str(value) if value else ""


def _is_optional(quote: Mapping[str, Any], seen_groups: set[Any]) -> bool:
    group = quote.get("group")
    optional = any(quote.get(flag) for flag in _OPTIONAL_FLAGS) or (
        group is not None and group in seen_groups
    )
    if group is not None:
        seen_groups.add(group)
    return optional


@dataclass(frozen=True)
class ArticleScore:
    """How one article's parse compares with its gold annotation."""

    file: str
    error: str | None
    title_ok: bool
    title_got: str
    date_ok: bool
    date_want: str | None
    date_got: str
    forces_missing: tuple[str, ...]
    forces_extra: tuple[str, ...]
    forces_right: int
    gold_quotes: int
    found: int
    right_speaker: int
    missed: tuple[str, ...]
    wrong_speaker: tuple[str, ...]
    spurious: tuple[str, ...]
    not_quotes_reported: tuple[str, ...]
    paragraph_mismatch: tuple[str, ...]

    def line(self) -> str:
        """One summary line for this article."""
        if self.error:
            return f"{self.file}: NO OUTPUT ({self.error})"
        forces = f"{self.forces_right}/{len(self.forces_extra)}/{len(self.forces_missing)}"
        return (
            f"{self.file}: title={'ok' if self.title_ok else 'X'} "
            f"date={'ok' if self.date_ok else 'X'} forces tp/fp/fn={forces} "
            f"quotes {self.found}/{self.gold_quotes} found, {self.right_speaker} right speaker, "
            f"{len(self.spurious)} spurious"
        )

    def details(self) -> list[str]:
        """Indented lines naming each thing that went wrong."""
        out: list[str] = []
        if not self.title_ok:
            out.append(f"title: got {self.title_got!r}")
        if not self.date_ok:
            out.append(f"date: want {self.date_want!r} got {self.date_got!r}")
        pairs = (
            ("forces missing", self.forces_missing),
            ("forces extra", self.forces_extra),
            ("missed", self.missed),
            ("wrong speaker", self.wrong_speaker),
            ("spurious", self.spurious),
            ("not-quotes reported (not counted)", self.not_quotes_reported),
            ("paragraph count (not counted)", self.paragraph_mismatch),
        )
        for label, items in pairs:
            if items:
                out.append(f"{label}: {list(items)}")
        return ["    " + line for line in out]


def score_article(
    gold: Mapping[str, Any], pred: Mapping[str, Any] | None, error: str = ""
) -> ArticleScore:
    """Compare one article's parser output (None when there is none) with its gold."""
    required: list[Mapping[str, Any]] = []
    optional: list[Mapping[str, Any]] = []
    seen_groups: set[Any] = set()
    for quote in gold.get("quotes", []):
        (optional if _is_optional(quote, seen_groups) else required).append(quote)
    gold_forces = {force_key(f) for f in gold.get("forces", [])}
    if pred is None:
        return ArticleScore(
            file=str(gold["file"]),
            error=error or "no parser output",
            title_ok=False,
            title_got="",
            date_ok=False,
            date_want=gold.get("published"),
            date_got="",
            forces_missing=tuple(sorted(gold_forces)),
            forces_extra=(),
            forces_right=0,
            gold_quotes=len(required),
            found=0,
            right_speaker=0,
            missed=tuple(str(q["starts_with"])[:50] for q in required),
            wrong_speaker=(),
            spurious=(),
            not_quotes_reported=(),
            paragraph_mismatch=(),
        )

    title_want = gold.get("title")
    title_got = str(pred.get("title") or "")
    pred_forces = {
        force_key(str(f.get("name", "")) if isinstance(f, Mapping) else str(f))
        for f in pred.get("forces", [])
    }
    quotes = [q for q in pred.get("quotes", []) if isinstance(q, Mapping)]
    texts = [normal(str(q.get("text", ""))) for q in quotes]

    used: set[int] = set()
    found = right = 0
    missed: list[str] = []
    wrong: list[str] = []
    paragraphs: list[str] = []
    for gq in required:
        start = normal(str(gq["starts_with"]))
        hit = next(
            (i for i, t in enumerate(texts) if i not in used and text_matches(start, t)), None
        )
        if hit is None:
            missed.append(str(gq["starts_with"])[:50])
            continue
        used.add(hit)
        found += 1
        speaker = str(quotes[hit].get("speaker") or "")
        if speaker_correct(gq, speaker):
            right += 1
        else:
            wrong.append(f"{str(gq['starts_with'])[:30]!r}: want {gq['speaker']!r} got {speaker!r}")
        want_paras = gq.get("paragraphs")
        got_paras = len(quotes[hit].get("paragraphs") or ())
        if isinstance(want_paras, int) and want_paras != got_paras:
            paragraphs.append(f"{str(gq['starts_with'])[:30]!r}: want {want_paras} got {got_paras}")

    not_quotes = [normal(str(x)) for key in _NOT_QUOTE_KEYS for x in gold.get(key, [])]
    excused = not_quotes + [normal(str(q["starts_with"])) for q in optional]
    spurious: list[str] = []
    reported: list[str] = []
    for i, t in enumerate(texts):
        if i in used:
            continue
        if any(x and (t.startswith(x) or x.startswith(t)) for x in excused):
            if any(x and (t.startswith(x) or x.startswith(t)) for x in not_quotes):
                reported.append(t[:50])
            continue
        spurious.append(t[:50])

    return ArticleScore(
        file=str(gold["file"]),
        error=None,
        title_ok=not title_want or normal(str(title_want)) == normal(title_got),
        title_got=title_got,
        date_ok=published_correct(gold, pred),
        date_want=gold.get("published"),
        date_got=_published_date(pred),
        forces_missing=tuple(sorted(gold_forces - pred_forces)),
        forces_extra=tuple(sorted(pred_forces - gold_forces)),
        forces_right=len(gold_forces & pred_forces),
        gold_quotes=len(required),
        found=found,
        right_speaker=right,
        missed=tuple(missed),
        wrong_speaker=tuple(wrong),
        spurious=tuple(spurious),
        not_quotes_reported=tuple(reported),
        paragraph_mismatch=tuple(paragraphs),
    )


@dataclass(frozen=True)
class Summary:
    """Aggregate figures over a set of scored articles."""

    articles: int
    no_output: int
    titles: float
    dates: float
    force_precision: float
    force_recall: float
    quote_precision: float
    quote_recall: float
    attributed: float

    def figure(self, name: str) -> float:
        """One named figure (a key of TARGETS)."""
        value = getattr(self, name)
        assert isinstance(value, float)
        return value

    def shortfalls(self, targets: Mapping[str, float] = TARGETS) -> list[str]:
        """The figures below their targets, as 'name=got<want' strings."""
        return [
            f"{name}={self.figure(name):.2f}<{want}"
            for name, want in targets.items()
            if self.figure(name) < want - 1e-9
        ]

    def line(self) -> str:
        """The closing summary line."""
        return (
            f"SUMMARY articles={self.articles} no_output={self.no_output} "
            f"title={self.titles:.2f} date={self.dates:.2f} "
            f"forces P={self.force_precision:.2f} R={self.force_recall:.2f} "
            f"quotes P={self.quote_precision:.2f} R={self.quote_recall:.2f} "
            f"attributed={self.attributed:.2f}"
        )


def summarise(scores: Sequence[ArticleScore]) -> Summary:
    """Pool per-article counts into corpus-wide figures."""
    n = max(1, len(scores))
    tp = sum(s.forces_right for s in scores)
    fp = sum(len(s.forces_extra) for s in scores)
    fn = sum(len(s.forces_missing) for s in scores)
    gold_quotes = sum(s.gold_quotes for s in scores)
    found = sum(s.found for s in scores)
    spurious = sum(len(s.spurious) for s in scores)
    return Summary(
        articles=len(scores),
        no_output=sum(1 for s in scores if s.error),
        titles=sum(s.title_ok for s in scores) / n,
        dates=sum(s.date_ok for s in scores) / n,
        force_precision=tp / max(1, tp + fp),
        force_recall=tp / max(1, tp + fn),
        quote_precision=found / max(1, found + spurious),
        quote_recall=found / max(1, gold_quotes),
        attributed=sum(s.right_speaker for s in scores) / max(1, gold_quotes),
    )


def article_paths(folder: Path) -> list[Path]:
    """The article files directly inside a folder, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def load_gold(gold_dir: Path) -> list[dict[str, Any]]:
    """Every gold annotation in a folder, sorted by file name."""
    out: list[dict[str, Any]] = []
    for path in sorted(gold_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "file" not in data:
            raise ValueError(f"{path.name}: not a gold annotation (no 'file' key)")
        out.append(data)
    return out


def parse_file(path: Path) -> dict[str, Any]:
    """Read, decode and parse one article file into its `forcewatch parse` JSON object."""
    text, _warnings = decode_bytes(path.read_bytes())
    result: dict[str, Any] = parse_article(text, path.name).to_json()
    return result


def score_folder(article_dir: Path, gold_dir: Path) -> tuple[list[ArticleScore], Summary]:
    """Parse every gold-annotated article in a folder and score it."""
    scores: list[ArticleScore] = []
    for gold in load_gold(gold_dir):
        path = article_dir / str(gold["file"])
        try:
            pred: dict[str, Any] | None = parse_file(path)
            error = ""
        except Exception as exc:  # a crash is reported as this article's result
            pred, error = None, f"{type(exc).__name__}: {exc}"
        scores.append(score_article(gold, pred, error))
    return scores, summarise(scores)


def breakdown(scores: Iterable[ArticleScore], summary: Summary, verbose: bool = True) -> str:
    """The per-article report followed by the summary line."""
    lines: list[str] = []
    for score in scores:
        lines.append(score.line())
        if verbose:
            lines.extend(score.details())
    lines.append(summary.line())
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry: print the breakdown; exit 1 if any target is missed."""
    parser = argparse.ArgumentParser(description="Score the parser against gold annotations.")
    parser.add_argument("dir", nargs="?", type=Path, default=DEV_DIR, help="article folder")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder (default DIR/gold)")
    parser.add_argument("--quiet", action="store_true", help="one line per article, no details")
    args = parser.parse_args(argv)
    gold_dir = args.gold or args.dir / "gold"
    if not gold_dir.is_dir():
        print(f"devscore: no gold folder at {gold_dir}", file=sys.stderr)
        return 2
    scores, summary = score_folder(args.dir, gold_dir)
    print(breakdown(scores, summary, verbose=not args.quiet))
    short = summary.shortfalls()
    if short:
        print("SHORT " + " ".join(short))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
