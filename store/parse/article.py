"""Parse one article's text into a ParsedArticle (placeholder until the full parser lands)."""

from __future__ import annotations

from ..records import ParsedArticle, Published

PARSER_VERSION = "0.1.0"


def parse_article(text: str, source: str = "") -> ParsedArticle:
    """Parse decoded article text into frozen records; never raises on any text."""
    paras = tuple(p.strip() for p in text.split("\n\n") if p.strip())
    title = paras[0] if paras else ""
    return ParsedArticle(
        source=source,
        title=title,
        url=None,
        outlet=None,
        published=Published(),
        description=None,
        paragraphs=paras[1:],
    )
