"""Read the plainest YAML front matter (a `key: value` a line) without building YAML nodes."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

import yaml

# "key: value" or "key:" at the left margin; a short plain-word key, one space before the value.
_KEY_LINE: Final = re.compile(r"([A-Za-z_][A-Za-z0-9_-]{0,99}):(?: (.+))?")
_ITEM: Final = "  - "  # a list item under the last "key:"
_INDICATORS: Final = "-?:,[]{}#&*!|>'\"%@`"  # characters a plain YAML value cannot open with
_STR: Final = "tag:yaml.org,2002:str"
_TIMESTAMP: Final = "tag:yaml.org,2002:timestamp"
# YAML's own rules for what a plain value is (a string, a date, a number...) and for building
# a date, so values are read exactly as the YAML loader reads them.
_RESOLVE: Final[Callable[[type[yaml.Node], str, tuple[bool, bool]], str]] = (
    yaml.resolver.Resolver().resolve
)
_CONSTRUCTOR: Final = yaml.constructor.SafeConstructor()


class _NotPlain(Exception):
    """The front matter holds something other than plain keys, strings, dates and lists."""


def read_plain(raw: str) -> dict[str, Any] | None:
    """The mapping the YAML loader reads from raw, or None if raw is not of the plainest kind.

    Plain means: every line is `key: value`, `key:`, or `  - value` under a `key:`; values are
    single-line strings (quoted without escapes, or plain) or dates; no comments, blank lines,
    tabs, trailing spaces or other unprintable characters. Anything else is left to YAML.
    """
    data: dict[str, Any] = {}
    open_key: str | None = None  # the last "key:" with no value: list items may follow
    try:
        for line in raw.split("\n"):
            if not line.isprintable() or line[-1:].isspace():
                return None
            if line.startswith(_ITEM) and open_key is not None:
                items = data[open_key]
                if items is None:
                    items = data[open_key] = []
                items.append(_value(line[len(_ITEM) :]))
                continue
            match = _KEY_LINE.fullmatch(line)
            if not match or _plain_tag(match.group(1)) != _STR:
                return None
            key, text = match.groups()
            data[key] = None if text is None else _value(text)
            open_key = key if text is None else None
    except _NotPlain:
        return None
    return data


def _value(text: str) -> Any:
    """A one-line value as YAML reads it; _NotPlain if it is not a plain string or date."""
    if text[0] in "\"'":
        quote = text[0]
        inner = text[1:-1]
        if len(text) < 2 or text[-1] != quote or quote in inner or "\\" in inner:
            raise _NotPlain
        return inner
    if text[0] in _INDICATORS or text[0].isspace():
        raise _NotPlain
    if ": " in text or " #" in text or text.endswith(":"):
        raise _NotPlain  # a nested mapping, a comment, or a YAML error
    tag = _plain_tag(text)
    if tag == _STR:
        return text
    if tag == _TIMESTAMP:
        try:
            return _CONSTRUCTOR.construct_yaml_timestamp(yaml.ScalarNode(tag, text))
        except ValueError:
            raise _NotPlain from None  # an impossible date: the YAML loader reports it
    raise _NotPlain  # a number, boolean or null


def _plain_tag(text: str) -> str:
    """The type YAML gives an unquoted scalar: its implicit tag."""
    return _RESOLVE(yaml.ScalarNode, text, (True, False))
