"""Split YAML front matter (--- fences or a ```yaml block) from an article body."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Final

import yaml

from .plainyaml import read_plain

MAX_FRONT_MATTER: Final = 64 * 1024
_LOADER: Final = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader when built
MAX_NODES: Final = 5_000
MAX_C_DEPTH: Final = 64

_DASHES: Final = re.compile(
    r"\A\ufeff?[ \t]*---[ \t]*\n(.*?)\n[ \t]*(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S
)
_FENCE: Final = re.compile(
    r"\A\ufeff?\s*```[ \t]*(?:ya?ml)[ \t]*\n(.*?)\n[ \t]*```[ \t]*(?:\n|\Z)", re.S
)

# Keys we look for, by what they mean; earlier keys win.
TITLE_KEYS: Final = ("title", "headline", "og:title", "og_title", "name")
URL_KEYS: Final = ("url", "canonical", "canonical_url", "link", "og:url", "permalink", "source")
DATE_KEYS: Final = (
    "date",
    "published",
    "published_at",
    "publish_date",
    "pubdate",
    "datepublished",
    "date_published",
    "article:published_time",
    "published_time",
    "created",
)
DESCRIPTION_KEYS: Final = (
    "description",
    "summary",
    "standfirst",
    "og:description",
    "excerpt",
    "subtitle",
)
SITE_KEYS: Final = ("site_name", "og:site_name", "site", "publisher", "outlet", "source_name")
# Each key's rank among the keys for its meaning: the lower, the better.
_TITLE_RANKS: Final = {key: rank for rank, key in enumerate(TITLE_KEYS)}
_URL_RANKS: Final = {key: rank for rank, key in enumerate(URL_KEYS)}
_DATE_RANKS: Final = {key: rank for rank, key in enumerate(DATE_KEYS)}
_DESCRIPTION_RANKS: Final = {key: rank for rank, key in enumerate(DESCRIPTION_KEYS)}
_SITE_RANKS: Final = {key: rank for rank, key in enumerate(SITE_KEYS)}


@dataclass(frozen=True)
class FrontMatter:
    """The front matter's useful values, the body after it, and warnings."""

    body: str
    title: str | None = None
    url: str | None = None
    date: str | None = None
    description: str | None = None
    site: str | None = None
    warnings: tuple[str, ...] = field(default=())


def split_front_matter(text: str) -> FrontMatter:
    """Separate front matter from the body; bad YAML becomes a warning, never an error."""
    match = _DASHES.match(text) or _FENCE.match(text)
    if not match:
        return FrontMatter(body=text)
    body = text[match.end() :]
    raw = match.group(1)
    if len(raw) > MAX_FRONT_MATTER:
        return FrontMatter(body=body, warnings=("front matter larger than 64 KB ignored",))
    data = read_plain(raw)
    if data is None:
        return _from_yaml(body, raw)
    return _from_mapping(body, data)


def _from_yaml(body: str, raw: str) -> FrontMatter:
    """Front matter read by the YAML loader, with any error as a warning."""
    # libyaml's C loader recurses without a limit and can crash the process on deep nesting;
    # deep documents go to the pure-Python loader, which raises RecursionError instead.
    loader = yaml.SafeLoader if _too_deep(raw) else _LOADER
    try:
        data = yaml.load(raw, Loader=loader)
    except yaml.YAMLError as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        return FrontMatter(body=body, warnings=(f"front matter is not valid YAML: {reason}",))
    except RecursionError:
        return FrontMatter(body=body, warnings=("front matter nested too deeply",))
    except Exception as exc:  # reported as a warning: the body still parses
        # PyYAML's constructors fail on some scalars with whatever their conversion raises:
        # 2019-02-30 (ValueError), !!bool maybe (KeyError), !!timestamp x (AttributeError).
        reason = f"{type(exc).__name__}: {exc}"[:200]
        return FrontMatter(body=body, warnings=(f"front matter value not understood: {reason}",))
    if data is None:
        return FrontMatter(body=body)
    if not isinstance(data, dict):
        return FrontMatter(body=body, warnings=("front matter is not a mapping; ignored",))
    return _from_mapping(body, data)


def _from_mapping(body: str, data: dict[Any, Any]) -> FrontMatter:
    """The useful values of read front matter."""
    warnings: list[str] = []
    pairs = list(_walk(data, warnings))
    return FrontMatter(
        body=body,
        title=_pick(pairs, _TITLE_RANKS, warnings),
        url=_pick(pairs, _URL_RANKS, warnings),
        date=_pick(pairs, _DATE_RANKS, warnings, allow_dates=True),
        description=_pick(pairs, _DESCRIPTION_RANKS, warnings),
        site=_pick(pairs, _SITE_RANKS, warnings),
        warnings=tuple(warnings),
    )


def _too_deep(raw: str) -> bool:
    """Whether raw YAML nests brackets, or indents lines (two spaces a level), past MAX_C_DEPTH."""
    margin = " " * (2 * MAX_C_DEPTH + 2)  # the least indentation that is too deep
    if raw.startswith(margin) or "\n" + margin in raw:
        return True
    if raw.count("[") + raw.count("{") <= MAX_C_DEPTH:
        return False  # too few brackets to nest too deeply
    level = 0
    for ch in raw:
        if ch in "[{":
            level += 1
            if level > MAX_C_DEPTH:
                return True
        elif ch in "]}" and level:
            level -= 1
    return False


def _walk(data: dict[Any, Any], warnings: list[str]) -> Iterator[tuple[int, str, Any]]:
    """Yield (depth, folded key, value) breadth-first; shared (aliased) nodes visited once."""
    seen: set[int] = set()
    queue: list[tuple[int, str, Any]] = [(0, "", data)]
    nodes = 0
    while queue:
        depth, prefix, node = queue.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        nodes += 1
        if nodes > MAX_NODES:
            warnings.append("front matter too large; rest ignored")
            return
        items: Iterable[tuple[Any, Any]]
        if isinstance(node, dict):
            items = node.items()
        elif isinstance(node, list):
            items = ((prefix, v) for v in node)
        else:
            continue
        for key, value in items:
            folded = str(key).strip().lower().replace("-", "_") if key is not None else ""
            if isinstance(node, dict):
                yield depth, folded, value
                full = f"{prefix}.{folded}" if prefix else folded
                if prefix:
                    yield depth, full, value
            if isinstance(value, (dict, list)) and depth < 8:
                queue.append((depth + 1, folded, value))


def _pick(
    pairs: list[tuple[int, str, Any]],
    ranks: dict[str, int],
    warnings: list[str],
    *,
    allow_dates: bool = False,
) -> str | None:
    """The shallowest value under the first matching key that is a usable string."""
    best: tuple[int, int, str] | None = None
    for depth, key, value in pairs:
        rank = ranks.get(key)
        if rank is None and "." in key:
            rank = ranks.get(key.rsplit(".", 1)[1])  # "meta.title" as "title"
        if rank is None:
            continue
        text = _as_text(value, allow_dates=allow_dates)
        if text is None:
            if value is not None:
                warnings.append(
                    f"front matter {key!r} has a {type(value).__name__}, not text; ignored"
                )
            continue
        candidate = (depth, rank, text)
        if best is None or candidate[:2] < best[:2]:
            best = candidate
    return best[2] if best else None


def _as_text(value: Any, *, allow_dates: bool) -> str | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    if allow_dates and isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if allow_dates and isinstance(value, int) and 1900 <= value <= 2100:
        return str(value)
    return None
