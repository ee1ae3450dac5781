"""The command palette: every palette command in one table, and pickers for forces,
speakers, articles and filter values."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from forcewatch.store.api import Corpus
from forcewatch.store.views import ArticleFilter
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from . import format as fmt
from . import safe
from .data import NotLoaded
from .widgets.rows import FacetKind

if TYPE_CHECKING:
    from .screens.main import MainScreen


@dataclass(frozen=True)
class PaletteCommand:
    """A palette entry: its title, a help line, and the main-screen action it runs."""

    title: str
    help: str
    action: str
    kiosk: bool = True  # allowed in kiosk mode


COMMANDS: tuple[PaletteCommand, ...] = (
    PaletteCommand("Go to force…", "Pick a force and open its timeline", "pick('force')"),
    PaletteCommand("Go to speaker…", "Pick a speaker and list their quotes", "pick('speaker')"),
    PaletteCommand("Go to article…", "Find an article by its words and open it", "pick('article')"),
    PaletteCommand("View: Articles", "The article list (key 1)", "view('articles')"),
    PaletteCommand("View: Forces", "Forces and their timelines (key 2)", "view('forces')"),
    PaletteCommand("View: Speakers", "Speakers and their quotes (key 3)", "view('speakers')"),
    PaletteCommand("View: Reader", "The article last opened (key 4)", "view('reader')"),
    PaletteCommand("Filter by force…", "Only articles naming one force", "pick('filter:force')"),
    PaletteCommand(
        "Filter by speaker…", "Only articles quoting one speaker", "pick('filter:speaker')"
    ),
    PaletteCommand("Filter by outlet…", "Only articles from one outlet", "pick('filter:outlet')"),
    PaletteCommand("Filter by year…", "Only articles from one year", "pick('filter:year')"),
    PaletteCommand("Search articles", "Incremental search over titles and text (/)", "search"),
    PaletteCommand("Clear filters and search", "Show every article again (x)", "clear"),
    PaletteCommand("Sort by date", "Newest first", "sort_by('date')"),
    PaletteCommand("Sort by outlet", "A to Z", "sort_by('outlet')"),
    PaletteCommand("Sort by title", "A to Z", "sort_by('title')"),
    PaletteCommand("Back", "Where you were before (Esc)", "back"),
    PaletteCommand("Forward", "Where you went back from (])", "forward"),
    PaletteCommand("Keys", "Every key in every view (? or F1)", "app.help"),
)
"""Every palette command the explorer adds; kiosk mode keeps those marked `kiosk`."""


def allowed_commands(kiosk: bool) -> tuple[PaletteCommand, ...]:
    """The palette commands available in this mode."""
    return tuple(c for c in COMMANDS if c.kiosk or not kiosk)


def _main(provider: Provider) -> MainScreen:
    from .screens.main import MainScreen

    screen = provider.screen
    if not isinstance(screen, MainScreen):
        raise LookupError("the palette was opened outside the main screen")
    return screen


def _highlight(provider: Provider, query: str, text: str) -> tuple[float, Content]:
    """Score and literal Content with matched characters styled (never parsed as markup)."""
    matcher = provider.matcher(query)
    cleaned = safe.clean(text)
    score = matcher.match(cleaned)
    if score <= 0:
        return 0.0, safe.content(cleaned)
    _, offsets = matcher.fuzzy_search.match(query, cleaned)
    return score, safe.highlight(cleaned, offsets, "bold underline")


class ExplorerCommands(Provider):
    """The explorer's own commands: go to, views, filters, sort, history."""

    async def discover(self) -> Hits:
        screen = _main(self)
        for command in allowed_commands(screen.kiosk):
            yield DiscoveryHit(
                safe.content(command.title),
                partial(screen.run_action, command.action),
                text=command.title,
                help=command.help,
            )

    async def search(self, query: str) -> Hits:
        screen = _main(self)
        for command in allowed_commands(screen.kiosk):
            score, display = _highlight(self, query, command.title)
            if score > 0:
                yield Hit(
                    score,
                    display,
                    partial(screen.run_action, command.action),
                    text=command.title,
                    help=command.help,
                )


@dataclass(frozen=True)
class Choice:
    """One pickable thing: what to show, a note, and what choosing it does."""

    label: str
    note: str
    choose: Callable[[], Any]


async def _fetch(provider: Provider, fetch: Callable[[Corpus], Any]) -> Any:
    screen = _main(provider)

    def run() -> Any:
        with screen.data.use() as corpus:
            return fetch(corpus)

    return await asyncio.to_thread(run)


class Picker(Provider):
    """A palette over a list of choices loaded once, off the UI thread."""

    LIMIT: ClassVar[int] = 200

    def __init__(self, screen: Any, match_style: Any = None) -> None:
        super().__init__(screen, match_style)
        self._choices: Sequence[Choice] = ()

    async def startup(self) -> None:
        try:
            self._choices = await self.choices()
        except NotLoaded:
            self._choices = ()

    async def choices(self) -> Sequence[Choice]:
        """Every choice (loaded once per palette)."""
        raise NotImplementedError

    def _hit_display(self, choice: Choice, display: Content) -> Content:
        note = safe.content("  " + choice.note, "dim") if choice.note else Content("")
        return safe.assemble(display, note)

    async def discover(self) -> Hits:
        for choice in self._choices[: self.LIMIT]:
            yield DiscoveryHit(
                self._hit_display(choice, safe.content(choice.label)),
                choice.choose,
                text=safe.clean(choice.label),
            )

    async def search(self, query: str) -> Hits:
        for choice in self._choices:
            score, display = _highlight(self, query, choice.label)
            if score > 0:
                yield Hit(
                    score, self._hit_display(choice, display), choice.choose, text=choice.label
                )


class ForcePicker(Picker):
    """Go to a force's timeline."""

    async def choices(self) -> Sequence[Choice]:
        screen = _main(self)
        forces = await _fetch(self, lambda corpus: tuple(corpus.forces()))
        return [
            Choice(
                f.name,
                fmt.plural(f.articles, "article"),
                partial(screen.go_to, "forces", f.name),
            )
            for f in forces
        ]


class SpeakerPicker(Picker):
    """Go to a speaker's quotes."""

    async def choices(self) -> Sequence[Choice]:
        screen = _main(self)
        speakers = await _fetch(self, lambda corpus: tuple(corpus.speakers()))
        return [
            Choice(
                s.name,
                " · ".join(x for x in (s.role, s.organisation, fmt.plural(s.quotes, "quote")) if x),
                partial(screen.go_to, "speakers", s.key),
            )
            for s in speakers
        ]


class ArticlePicker(Provider):
    """Go to an article found by the store's full-text search."""

    LIMIT = 30

    async def discover(self) -> Hits:
        screen = _main(self)
        rows = await _fetch(self, lambda corpus: tuple(corpus.articles()[: self.LIMIT]))
        for row in rows:
            yield DiscoveryHit(
                _article_display(row.title, row.outlet, row.date, row.precision),
                partial(screen.go_to, "reader", str(row.id)),
                text=safe.clean(row.title),
            )

    async def search(self, query: str) -> Hits:
        screen = _main(self)
        text = query.strip()
        if not text:
            return
        rows = await _fetch(
            self, lambda corpus: tuple(corpus.articles(ArticleFilter(text=text))[: self.LIMIT])
        )
        for rank, row in enumerate(rows):
            yield Hit(
                1.0 - rank / (self.LIMIT + 1),
                _article_display(row.title, row.outlet, row.date, row.precision),
                partial(screen.go_to, "reader", str(row.id)),
                text=safe.clean(row.title),
            )


def _article_display(title: str, outlet: str | None, date: str | None, precision: str) -> Content:
    return safe.assemble(
        title or "(untitled)",
        ("  " + " · ".join([outlet or "—", fmt.short_date(date, precision)]), "dim"),
    )


class FacetPicker(Picker):
    """Filter the article list by one value of a facet."""

    KIND: ClassVar[FacetKind] = "force"

    async def choices(self) -> Sequence[Choice]:
        screen = _main(self)
        kind = self.KIND
        facets = await _fetch(self, lambda corpus: corpus.facets(screen.articles.flt))
        values = getattr(facets, kind + "s")
        return [
            Choice(
                v.label, fmt.plural(v.count, "article"), partial(screen.filter_by, kind, v.value)
            )
            for v in values
        ]


class ForceFilterPicker(FacetPicker):
    KIND = "force"


class SpeakerFilterPicker(FacetPicker):
    KIND = "speaker"


class OutletFilterPicker(FacetPicker):
    KIND = "outlet"


class YearFilterPicker(FacetPicker):
    KIND = "year"


PICKERS: dict[str, tuple[type[Provider], str]] = {
    "force": (ForcePicker, "Go to force…"),
    "speaker": (SpeakerPicker, "Go to speaker…"),
    "article": (ArticlePicker, "Go to article… (type words from its title or text)"),
    "filter:force": (ForceFilterPicker, "Filter by force…"),
    "filter:speaker": (SpeakerFilterPicker, "Filter by speaker…"),
    "filter:outlet": (OutletFilterPicker, "Filter by outlet…"),
    "filter:year": (YearFilterPicker, "Filter by year…"),
}
"""The second-level palettes, by the name `pick(...)` is given."""
