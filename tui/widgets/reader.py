"""The reader's text: an article as blocks, quotes labelled by speaker, forces marked."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from forcewatch.store.views import ArticleDetail, QuoteSpan
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.content import Content, Span
from textual.widgets import Static

from .. import format as fmt
from .. import keys, safe

QUOTE_STYLE = "italic"
FORCE_STYLE = "bold underline"
TARGET_MARK = "▶ "
OPENERS = '“"‘'
CLOSERS = '”"’'


@dataclass(frozen=True)
class Block:
    """One piece of the reader: a title, a meta line, a paragraph, a figure."""

    content: Content
    classes: str
    paragraph: int | None = None
    quote: bool = False
    target: bool = False


def file_name(source: str) -> str:
    """The last part of a stored source path (either slash)."""
    return re.split(r"[\\/]", source.rstrip("/\\"))[-1] or source


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def quote_ranges(paragraph: str, quote: str) -> list[tuple[int, int]]:
    """Where the quote's words sit in the paragraph (both already cleaned)."""
    found: list[tuple[int, int]] = []
    pieces = [_norm(quote)] + [_norm(p) for p in re.split(r"\n+", quote) if p.strip()]
    folded = paragraph.casefold()
    for piece in dict.fromkeys(pieces):
        if len(piece) < 4:
            continue
        start = folded.find(piece.casefold())
        if start >= 0:
            found.append((start, start + len(piece)))
            break
    if found:
        return found
    opener = min((i for i in (paragraph.find(c) for c in OPENERS) if i >= 0), default=-1)
    closer = max(paragraph.rfind(c) for c in CLOSERS)
    if opener >= 0 and closer > opener:
        return [(opener, closer + 1)]
    return [(0, len(paragraph))]


def name_ranges(paragraph: str, names: Iterable[str]) -> list[tuple[int, int]]:
    """Every place a name occurs in the paragraph, ignoring case."""
    folded = paragraph.casefold()
    out: list[tuple[int, int]] = []
    for name in names:
        needle = safe.clean(name).casefold()
        if not needle:
            continue
        start = folded.find(needle)
        while start >= 0:
            out.append((start, start + len(needle)))
            start = folded.find(needle, start + len(needle))
    return out


def _same_quote(a: str, b: str) -> bool:
    return _norm(safe.clean(a)).casefold() == _norm(safe.clean(b)).casefold()


def article_blocks(
    detail: ArticleDetail, paragraph: int | None = None, quote: str | None = None
) -> list[Block]:
    """The article as reader blocks, with the target paragraph (or quote) marked."""
    row = detail.row
    blocks = [Block(safe.content(row.title or "(untitled)", "bold"), "title")]
    meta = [
        safe.assemble(("Outlet  ", "dim"), row.outlet or "unknown"),
        safe.assemble(
            ("Date    ", "dim"), fmt.date_with_source(row.date, row.precision, row.date_source)
        ),
        safe.assemble(("Source  ", "dim"), row.url or "no URL"),
        safe.assemble(("File    ", "dim"), file_name(row.source)),
    ]
    if detail.forces:
        meta.append(
            safe.assemble(
                ("Forces  ", "dim"),
                safe.join((safe.content(f.name, FORCE_STYLE) for f in detail.forces), ", "),
            )
        )
    if detail.forces or detail.quotes:
        meta.append(safe.assemble(("Jump    ", "dim"), "Tab: the forces and speakers named here"))
    blocks.append(Block(safe.join(meta, "\n"), "meta"))
    first = _norm(safe.clean(detail.paragraphs[0])) if detail.paragraphs else ""
    if detail.description and _norm(safe.clean(detail.description)) != first:
        blocks.append(Block(safe.content(detail.description, "italic"), "lede"))

    targets: set[int] = set()
    target_quote: QuoteSpan | None = None
    if quote:
        target_quote = next((q for q in detail.quotes if _same_quote(q.text, quote)), None)
        if target_quote is not None:
            targets.update(target_quote.paragraphs)
    if paragraph is not None and not targets:
        targets.add(paragraph)

    force_names = [f.name for f in detail.forces]
    for index, raw in enumerate(detail.paragraphs):
        text = safe.clean(raw)
        quotes = [q for q in detail.quotes if index in q.paragraphs]
        spans: list[Span] = []
        for q in quotes:
            style = QUOTE_STYLE + (" bold" if q is target_quote else "")
            spans.extend(Span(s, e, style) for s, e in quote_ranges(text, safe.clean(q.text)))
        spans.extend(Span(s, e, FORCE_STYLE) for s, e in name_ranges(text, force_names))
        target = index in targets
        body = Content(text, spans)
        number = safe.content(f"¶{index + 1} ", "dim")
        label = _label(quotes, index)
        mark = safe.content(TARGET_MARK, "bold") if target else Content("")
        if label is not None:
            content = safe.join([safe.assemble(mark, label, " ", number), body], "\n")
        else:
            content = safe.assemble(mark, number, body)
        classes = "para" + (" -quote" if quotes else "") + (" -target" if target else "")
        blocks.append(Block(content, classes, index, bool(quotes), target))

    if detail.figures:
        blocks.append(Block(safe.content("Figures", "bold"), "section"))
        for fig in detail.figures:
            line = safe.assemble(
                (fig.value, "bold"),
                f" — {fig.counts} " if fig.counts else " — ",
                (f"(¶{fig.paragraph + 1})", "dim"),
                safe.NEWLINE,
                (fig.sentence, "dim"),
            )
            blocks.append(Block(line, "figure", fig.paragraph))
    if detail.warnings:
        notes = safe.join((safe.content("• " + w) for w in detail.warnings), "\n")
        blocks.append(Block(safe.assemble(("Parser notes", "bold"), safe.NEWLINE, notes), "notes"))
    return blocks


def _label(quotes: list[QuoteSpan], index: int) -> Content | None:
    if not quotes:
        return None
    names: list[Content] = []
    seen: set[str] = set()
    for q in quotes:
        if q.speaker_key in seen:
            continue
        seen.add(q.speaker_key)
        cont = " (continued)" if q.paragraphs and q.paragraphs[0] != index else ""
        names.append(safe.assemble((q.speaker, "bold"), cont))
    return safe.assemble(safe.join(names, ", "), ":")


class ArticleText(VerticalScroll, can_focus=True):
    """The scrolling text of one article."""

    BINDINGS: ClassVar[list[BindingType]] = list(keys.READER)

    def __init__(
        self, message: Content | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        """`message`: what to show until an article is shown."""
        super().__init__(id=id, classes=classes)
        self.blocks: list[Block] = []
        self._quote_at = -1
        self._message = message

    def compose(self) -> ComposeResult:
        if self._message is not None:
            yield Static(self._message, classes="message")

    async def show(self, blocks: list[Block]) -> None:
        """Replace the text with `blocks` and scroll to the target (or the top)."""
        self.blocks = blocks
        self._quote_at = -1
        await self.remove_children()
        await self.mount_all(Static(b.content, classes=b.classes) for b in blocks)
        self.scroll_home(animate=False)
        target = next((i for i, b in enumerate(blocks) if b.target), None)
        if target is not None:
            self.call_after_refresh(self._scroll_block, target)

    async def show_message(self, message: Content) -> None:
        """Replace the text with a message (nothing open, or loading)."""
        self.blocks = []
        await self.remove_children()
        await self.mount(Static(message, classes="message"))

    def _scroll_block(self, index: int, tries: int = 20) -> None:
        children = list(self.query_children(Static))
        if not 0 <= index < len(children):
            return
        target = children[index]
        if target.virtual_region.height == 0 and tries > 0:
            self.call_after_refresh(self._scroll_block, index, tries - 1)
            return
        self.scroll_to_widget(target, animate=False, top=True)

    @property
    def text(self) -> str:
        """The plain text shown, for tests and copying."""
        return "\n".join(b.content.plain for b in self.blocks)

    def action_quote(self, step: int) -> None:
        """Scroll to the next (or previous) quoted paragraph."""
        quoted = [i for i, b in enumerate(self.blocks) if b.quote]
        if not quoted:
            self.notify("No quotes in this article.", markup=False)
            return
        if step > 0:
            after = [i for i in quoted if i > self._quote_at]
            self._quote_at = after[0] if after else quoted[0]
        else:
            before = [i for i in quoted if self._quote_at >= 0 and i < self._quote_at]
            self._quote_at = before[-1] if before else quoted[-1]
        self._scroll_block(self._quote_at)
