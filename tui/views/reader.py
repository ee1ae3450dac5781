"""The Reader view: one article's text beside the forces and speakers it leads to."""

from __future__ import annotations

from collections import Counter
from typing import cast

from forcewatch.store.views import ArticleDetail
from textual import on
from textual.app import ComposeResult

from .. import format as fmt
from .. import safe
from ..data import Data
from ..places import Place
from ..widgets.reader import ArticleText, article_blocks
from ..widgets.rowlist import RowList
from ..widgets.rows import Heading, LinkItem, is_heading, link_line
from .base import Query

NOTHING_OPEN = "No article open — pick one in Articles (press 1) and press Enter."
NOT_FOUND = "That article is no longer in the store."


def link_rows(detail: ArticleDetail) -> list[LinkItem | Heading]:
    """The forces and speakers an article mentions, as jump targets."""
    rows: list[LinkItem | Heading] = []
    if detail.forces:
        rows.append(Heading("Forces", "Enter: timeline"))
        rows.extend(
            LinkItem("force", f.name, f.name, fmt.plural(f.mentions, "mention"))
            for f in detail.forces
        )
    counts = Counter(q.speaker_key for q in detail.quotes)
    names: dict[str, str] = {}
    for q in detail.quotes:
        names.setdefault(q.speaker_key, q.speaker)
    if names:
        rows.append(Heading("Speakers", "Enter: quotes"))
        rows.extend(
            LinkItem("speaker", key, name, fmt.plural(counts[key], "quote"))
            for key, name in names.items()
        )
    return rows


class ReaderView(Query):
    """An article, with its links to forces and speakers."""

    PANES = ("reader-text", "reader-links")

    def __init__(self, data: Data, *, id: str | None = None) -> None:
        super().__init__(data, id=id)
        self.detail: ArticleDetail | None = None
        self._place = Place("reader")

    def compose(self) -> ComposeResult:
        yield ArticleText(safe.content(NOTHING_OPEN), id="reader-text", classes="pane")
        yield RowList[LinkItem | Heading](
            link_line,
            empty="No forces or speakers in this article.",
            is_heading=is_heading,
            id="reader-links",
            classes="pane",
        )

    @property
    def text(self) -> ArticleText:
        return self.query_one(ArticleText)

    @property
    def links(self) -> RowList[LinkItem | Heading]:
        return cast(RowList[LinkItem | Heading], self.query_one("#reader-links", RowList))

    def data_ready(self) -> None:
        if self._place.article_id is not None:
            self.detail = None
            self.apply(self._place)

    def place(self) -> Place:
        return Place(
            "reader",
            key=self._place.key,
            paragraph=self._place.paragraph,
            quote=self._place.quote,
            pane=self.pane or None,
        )

    def apply(self, place: Place) -> None:
        self.show_pane(place.pane or "reader-text")
        article_id = place.article_id
        same = place == self._place or (
            self.detail is not None
            and self.detail.row.id == article_id
            and (place.paragraph, place.quote) == (self._place.paragraph, self._place.quote)
        )
        self._place = place
        if article_id is None or (same and self.detail is not None):
            return
        if self.detail is not None and self.detail.row.id == article_id:
            self._draw(self.detail)
            return
        self.query_corpus("article", lambda corpus: corpus.article(article_id), self._loaded)

    def _loaded(self, detail: ArticleDetail | None) -> None:
        if detail is None:
            self.detail = None
            self.run_worker(self.text.show_message(safe.content(NOT_FOUND)), exclusive=True)
            self.links.set_rows([])
            return
        if detail.row.id != self._place.article_id:
            return
        self.detail = detail
        self._draw(detail)

    def _draw(self, detail: ArticleDetail) -> None:
        blocks = article_blocks(detail, self._place.paragraph, self._place.quote)
        self.run_worker(self.text.show(blocks), group="reader-show", exclusive=True)
        self.links.set_rows(link_rows(detail))

    @on(RowList.Chosen, "#reader-links")
    def _link_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        item = self.links.row
        if not isinstance(item, LinkItem):
            return
        if item.kind == "force":
            self.post_message(self.Go(Place("forces", key=item.key, pane="timeline-pane")))
        elif item.kind == "speaker":
            self.post_message(self.Go(Place("speakers", key=item.key, pane="quotes-pane")))
