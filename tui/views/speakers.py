"""The Speakers view: people and organisations quoted, and each one's quotes with sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from forcewatch.store.views import QuoteGroup, SpeakerSummary
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from .. import format as fmt
from .. import safe
from ..data import Data
from ..places import Place
from ..widgets.header import ColumnTitles
from ..widgets.rowlist import RowList
from ..widgets.rows import (
    Heading,
    QuoteItem,
    is_heading,
    quote_line,
    speaker_header,
    speaker_line,
)
from .base import Query

EMPTY_SPEAKERS = (
    "No speakers yet — people and organisations quoted in articles appear "
    "after `forcewatch ingest PATH`."
)
PICK_SPEAKER = "Pick a speaker and press Enter to see their quotes."
NO_QUOTES = "No quotes recorded for this speaker."


@dataclass(frozen=True)
class Quotes:
    """A speaker's quotes as list rows: each quote, then each place it was reported."""

    key: str
    rows: tuple[QuoteItem | Heading, ...]
    quotes: int
    articles: int


def quote_rows(key: str, groups: Sequence[QuoteGroup]) -> Quotes:
    """One row per quote followed by one row per source."""
    rows: list[QuoteItem | Heading] = []
    for group in groups:
        rows.append(QuoteItem(group))
        rows.extend(QuoteItem(group, source) for source in group.sources)
    articles = len({s.article_id for g in groups for s in g.sources})
    return Quotes(key, tuple(rows), len(groups), articles)


class SpeakersView(Query):
    """Speakers on the left, the highlighted speaker's quotes on the right."""

    PANES = ("speaker-pane", "quotes-pane")

    def __init__(self, data: Data, *, id: str | None = None) -> None:
        super().__init__(data, id=id)
        self._loaded = False
        self._quotes: Quotes | None = None
        self._want: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="speaker-pane", classes="pane"):
            rows = RowList[SpeakerSummary](speaker_line, empty="Loading…", id="speaker-list")
            yield ColumnTitles(
                speaker_header, lambda: rows.scrollable_content_region.width, id="speaker-header"
            )
            yield rows
        with Vertical(id="quotes-pane", classes="pane"):
            yield Static(safe.content(PICK_SPEAKER), id="quotes-title", classes="list-header")
            yield RowList[QuoteItem | Heading](
                quote_line, empty=PICK_SPEAKER, is_heading=is_heading, id="quotes"
            )
            yield Static(id="quote-preview", classes="preview")

    @property
    def speaker_list(self) -> RowList[SpeakerSummary]:
        return cast(RowList[SpeakerSummary], self.query_one("#speaker-list", RowList))

    @property
    def quote_list(self) -> RowList[QuoteItem | Heading]:
        return cast(RowList[QuoteItem | Heading], self.query_one("#quotes", RowList))

    def focus_target(self, name: str) -> RowList[SpeakerSummary] | RowList[QuoteItem | Heading]:
        return self.speaker_list if name == "speaker-pane" else self.quote_list

    # -- loading ----------------------------------------------------------------------

    def data_ready(self) -> None:
        self._loaded = False
        self._quotes = None
        if self.display and self.parent is not None:
            self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """Load the speaker list unless it is loaded."""
        if self._loaded:
            return
        self._loaded = True
        self.speaker_list.loading_rows = True
        self.query_corpus("speakers", lambda corpus: tuple(corpus.speakers()), self._show_speakers)

    def _show_speakers(self, speakers: tuple[SpeakerSummary, ...]) -> None:
        self.query_one(ColumnTitles).refresh()
        self.speaker_list.set_empty(EMPTY_SPEAKERS)
        want = self._want
        index = next((i for i, s in enumerate(speakers) if s.key == want), 0) if want else 0
        self.speaker_list.set_rows(speakers, cursor=index)
        if not speakers:
            self.quote_list.set_empty(EMPTY_SPEAKERS)

    @on(RowList.Highlighted, "#speaker-list")
    def _speaker_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        # Only the speaker the cursor rests on has their quotes fetched.
        self.settle(self._load_highlighted)

    def _load_highlighted(self) -> None:
        speaker = self.speaker_list.row
        if speaker is not None:
            self.load_quotes(speaker.key)

    def load_quotes(self, key: str) -> None:
        """Fetch and show the quotes of the speaker with `key`."""
        if self._quotes is not None and self._quotes.key == key:
            return
        self.quote_list.loading_rows = True
        self.query_corpus(
            "quotes", lambda corpus: quote_rows(key, corpus.quotes_by(key)), self._show_quotes
        )

    def _show_quotes(self, quotes: Quotes) -> None:
        speaker = self.speaker_list.row
        if speaker is not None and speaker.key != quotes.key:
            return
        self._quotes = quotes
        name = speaker.name if speaker is not None else quotes.key
        self.query_one("#quotes-title", Static).update(
            safe.assemble(
                (name, "bold"),
                f" · {fmt.plural(quotes.quotes, 'quote')}"
                f" from {fmt.plural(quotes.articles, 'article')}",
            )
        )
        self.quote_list.set_empty(NO_QUOTES)
        self.quote_list.set_rows(quotes.rows)
        self._preview()

    @on(RowList.Highlighted, "#quotes")
    def _quote_highlighted(self, event: RowList.Highlighted) -> None:
        event.stop()
        self._preview()

    def _preview(self) -> None:
        item = self.quote_list.row
        preview = self.query_one("#quote-preview", Static)
        if not isinstance(item, QuoteItem):
            preview.update("")
            return
        group = item.group
        sources = [item.source] if item.source else list(group.sources)
        lines = [
            safe.assemble(("“", "bold"), ("…" if group.partial else "") + group.text, ("”", "bold"))
        ]
        for s in sources:
            lines.append(
                safe.assemble(
                    ("— ", "dim"),
                    (s.outlet or "unknown outlet", "bold"),
                    f", {fmt.long_date(s.date, s.precision)}: ",
                    (s.title, "italic"),
                )
            )
        preview.update(safe.join(lines, "\n"))

    @on(RowList.Chosen, "#speaker-list")
    def _speaker_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        speaker = self.speaker_list.row
        if speaker is not None:
            self.post_message(self.Go(Place("speakers", key=speaker.key, pane="quotes-pane")))

    @on(RowList.Chosen, "#quotes")
    def _quote_chosen(self, event: RowList.Chosen) -> None:
        event.stop()
        item = self.quote_list.row
        if not isinstance(item, QuoteItem) or not item.group.sources:
            return
        source = item.source or item.group.sources[0]
        place = Place(
            "reader", key=str(source.article_id), paragraph=source.paragraph, quote=item.group.text
        )
        self.post_message(self.Go(place))

    # -- places -----------------------------------------------------------------------

    def place(self) -> Place:
        speaker = self.speaker_list.row
        return Place("speakers", key=speaker.key if speaker else None, pane=self.pane or None)

    def apply(self, place: Place) -> None:
        self.ensure_loaded()
        if place.key:
            self._want = place.key
            rows = self.speaker_list.rows
            index = next((i for i, s in enumerate(rows) if s.key == place.key), -1)
            if index >= 0:
                self.speaker_list.cursor = index
                self.load_quotes(place.key)
        self.show_pane(place.pane or "speaker-pane")
