"""The exhibit's content as frozen, typed objects.

Widgets never see a dict: they get these objects, built once by
:func:`minusma_kiosk.content.loader.load_content`, with every cross-reference
(card → figure → source) already resolved.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

# Model objects compare by identity (eq=False): they are loaded once and shared,
# and skipping the generated __eq__/__hash__ shortens start-up.
from pathlib import Path
from typing import Literal, NewType

#: The period the exhibit covers; dates outside it are mistakes.
FIRST_DAY = dt.date(2012, 1, 1)
LAST_DAY = dt.date(2024, 12, 31)

Lang = Literal["en", "fr"]
#: Languages the content schema knows; English is required, French completes it.
LANGUAGES: tuple[Lang, ...] = ("en", "fr")
REQUIRED_LANGUAGES: tuple[Lang, ...] = ("en", "fr")

SourceId = NewType("SourceId", str)
PlaceId = NewType("PlaceId", str)
EventId = NewType("EventId", str)
FigureId = NewType("FigureId", str)
CardId = NewType("CardId", str)
ChartId = NewType("ChartId", str)
#: A region's name as on the map (Natural Earth's English names: "Timbuktu", "Kidal").
RegionId = NewType("RegionId", str)


@dataclass(frozen=True)
class Text:
    """A text in several languages; falls back to English when one is missing."""

    en: str
    fr: str = ""

    def get(self, lang: Lang) -> str:
        """Return the text in ``lang``, or the English text if it has none."""
        value: str = getattr(self, lang, "")
        return value or self.en

    def __bool__(self) -> bool:
        return bool(self.en)


class Unit(enum.Enum):
    """How a figure's value is read and formatted."""

    USD = "usd"
    PERCENT = "percent"
    PEOPLE = "people"
    COUNT = "count"
    TIMES = "times"
    KM2 = "km2"
    YEARS = "years"


class Qualifier(enum.Enum):
    """How exact a published figure is ("about 180", "more than 700")."""

    EXACT = ""
    ABOUT = "about"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    NEARLY = "nearly"


@dataclass(frozen=True, eq=False)
class Source:
    """A document a figure or a text is taken from."""

    id: SourceId
    title: str
    publisher: str
    url: str
    published: str = ""
    note: str = ""


@dataclass(frozen=True, eq=False)
class Derivation:
    """How a derived figure is computed from other figures.

    ``formula`` uses figure ids (``us_rate_2022_2024 * pk_budget_2022_23``); a
    percent figure counts as a fraction in it.
    """

    formula: str
    inputs: tuple[Figure, ...]


@dataclass(frozen=True, eq=False)
class Figure:
    """A number shown on screen, with its source or its derivation."""

    id: FigureId
    value: float
    unit: Unit
    qualifier: Qualifier
    as_of: str
    label: Text
    source: Source | None = None
    derivation: Derivation | None = None
    note: Text = field(default_factory=lambda: Text(""))

    @property
    def derived(self) -> bool:
        """True for a figure computed here rather than published."""
        return self.derivation is not None

    def sources(self) -> tuple[Source, ...]:
        """Every source behind this figure, through its inputs if derived."""
        if self.source is not None:
            return (self.source,)
        assert self.derivation is not None
        seen: dict[SourceId, Source] = {}
        for fig in self.derivation.inputs:
            for src in fig.sources():
                seen.setdefault(src.id, src)
        return tuple(seen.values())


@dataclass(frozen=True, eq=False)
class Card:
    """An interest card: why the mission mattered, with one large figure."""

    id: CardId
    headline: Text
    text: Text
    figure: Figure
    detail: Text
    sources: tuple[Source, ...]
    disagreement: Text = field(default_factory=lambda: Text(""))
    image: Path | None = None
    more_figures: tuple[Figure, ...] = ()

    def all_sources(self) -> tuple[Source, ...]:
        """The figures' sources first, then the card's other sources, no repeats."""
        seen: dict[SourceId, Source] = {}
        figure_sources = tuple(s for f in (self.figure, *self.more_figures) for s in f.sources())
        for src in figure_sources + self.sources:
            seen.setdefault(src.id, src)
        return tuple(seen.values())


@dataclass(frozen=True, eq=False)
class Credit:
    """A credit line on the Sources & credits screen (fonts, data, software)."""

    what: Text
    who: str
    licence: str
    url: str


@dataclass(frozen=True, eq=False)
class Site:
    """Texts of the home screen and the content's version."""

    version: str
    title: Text
    subtitle: Text
    intro: Text
    footnote: Text
    sources: tuple[Source, ...] = ()
    key_figures: tuple[Figure, ...] = ()


class Category(enum.Enum):
    """What kind of event: the filter chips and the marker shapes follow it."""

    CONFLICT = "conflict"
    POLITICS = "politics"
    PEACEKEEPING = "peacekeeping"
    ELECTIONS = "elections"
    AGREEMENTS = "agreements"
    HUMANITARIAN = "humanitarian"


@dataclass(frozen=True, eq=False)
class Place:
    """A town or site; without coordinates (no source gives them) it is shown by
    its region only."""

    id: PlaceId
    name: Text
    lat: float | None
    lon: float | None
    kind: str
    source: Source | None
    region: RegionId

    @property
    def mapped(self) -> bool:
        """Whether the place has coordinates and a marker on the map."""
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True, eq=False)
class Event:
    """One moment on the timeline.

    ``date`` is the first of the month when only the month is known
    (``precision == "month"``). ``gentle`` is the text without graphic detail for
    school visits; it is set for every event that involves deaths.
    """

    id: EventId
    date: dt.date
    precision: str
    title: Text
    text: Text
    gentle: Text
    place: Place | None
    category: Category
    deaths: bool
    source: Source

    @property
    def region(self) -> str | None:
        """The region the event happened in (None for national events)."""
        return self.place.region if self.place is not None else None

    def shown_text(self, gentle: bool) -> Text:
        """The text to show, respecting the gentle setting."""
        return self.gentle if gentle and self.gentle else self.text


@dataclass(frozen=True, eq=False)
class Camp:
    """A MINUSMA camp; dates are None where no source gives them."""

    id: str
    place: Place
    name: Text
    opened: dt.date | None
    closed: dt.date | None
    source: Source | None
    source_opened: Source | None = None

    def open_on(self, day: dt.date) -> bool | None:
        """Whether the camp was open on ``day``; None when the dates do not say."""
        if self.opened is not None and day < self.opened:
            return False
        if self.closed is not None and day >= self.closed:
            return False
        if self.opened is None:
            return None
        return True


@dataclass(frozen=True, eq=False)
class Occupation:
    """A town or a region held by armed groups for a period: who held it, from when to
    when, the documents for it and, where they disagree, what each says.

    Exactly one of ``place`` (a town) and ``region`` (a region as drawn on the map) is
    set. ``held_to`` is the first day the holders no longer held it."""

    id: str
    place: Place | None
    held_from: dt.date
    held_to: dt.date | None
    held_by: Text
    source: Source
    region: RegionId | None = None
    #: The document for ``held_from`` when it is not ``source``.
    source_from: Source | None = None
    #: Where the sources disagree (dates, who held it), in the visitor's words.
    differ: Text = field(default_factory=lambda: Text(""))

    def held_on(self, day: dt.date) -> bool:
        """Whether the town or region was held on ``day``."""
        return self.held_from <= day and (self.held_to is None or day < self.held_to)

    @property
    def sources(self) -> tuple[Source, ...]:
        """The documents for the row, the one for its start first."""
        if self.source_from is None or self.source_from.id == self.source.id:
            return (self.source,)
        return (self.source_from, self.source)


@dataclass(frozen=True, eq=False)
class Era:
    """A band on the time strip."""

    id: str
    start: dt.date
    end: dt.date
    title: Text
    summary: Text
    sources: tuple[Source, ...]
    #: The name on the strip's band (3 words or fewer; the title is shown in full over
    #: the map).
    short: Text = Text("", "")


@dataclass(frozen=True, eq=False)
class Timeline:
    """Everything the map-driven timeline shows."""

    places: tuple[Place, ...]
    events: tuple[Event, ...]
    camps: tuple[Camp, ...]
    occupations: tuple[Occupation, ...]
    eras: tuple[Era, ...]

    def sources(self) -> tuple[Source, ...]:
        """Every source the timeline uses."""
        seen: dict[SourceId, Source] = {}
        items: list[Source | None] = [e.source for e in self.events]
        items += [p.source for p in self.places]
        items += [c.source for c in self.camps] + [c.source_opened for c in self.camps]
        items += [s for o in self.occupations for s in o.sources]
        items += [s for era in self.eras for s in era.sources]
        for src in items:
            if src is not None:
                seen.setdefault(src.id, src)
        return tuple(seen.values())


class ChartKind(enum.Enum):
    """How a chart draws its points."""

    BARS = "bars"
    LINE = "line"
    SHARE = "share"


class Axis(enum.Enum):
    """What a chart's keys are."""

    FISCAL_YEAR = "fiscal_year"
    YEAR = "year"
    DATE = "date"
    CATEGORY = "category"


@dataclass(frozen=True, eq=False)
class ChartPoint:
    """One point of a chart: a sourced figure, or a gap (no verified figure)."""

    key: str
    figure: Figure | None
    key_fr: str = ""
    #: Why a gap has no figure, for the visitor (empty: "no verified figure").
    reason: Text = field(default_factory=lambda: Text(""))

    def label(self, lang: Lang) -> str:
        """The key as shown: a category's French name where one is given."""
        return self.key_fr if lang == "fr" and self.key_fr else self.key

    @property
    def gap(self) -> bool:
        """True where no verified figure exists (drawn as a labelled gap)."""
        return self.figure is None


@dataclass(frozen=True, eq=False)
class Chart:
    """A budget or personnel chart; every value is a figure with its source."""

    id: ChartId
    kind: ChartKind
    axis: Axis
    title: Text
    subtitle: Text
    points: tuple[ChartPoint, ...]
    label: Text = field(default_factory=lambda: Text(""))
    points2: tuple[ChartPoint, ...] = ()
    label2: Text = field(default_factory=lambda: Text(""))
    reference: Figure | None = None
    notes: tuple[Figure, ...] = ()
    highlight: str = ""
    #: Deaths, not money: drawn in quiet greys, every value named, no accent.
    memorial: bool = False


@dataclass(frozen=True, eq=False)
class TourStep:
    """One step of the presenter's guided tour: a screen and what it shows.

    ``screen`` is a screen's name (home, timeline, budget, cards, sources); the
    other fields say what that screen shows (each only where it makes sense).
    """

    screen: str
    title: Text
    notes: Text = field(default_factory=lambda: Text(""))
    date: dt.date | None = None
    event: Event | None = None
    region: RegionId | None = None
    chart: Chart | None = None
    year: str = ""
    card: Card | None = None
    open: bool = False


@dataclass(frozen=True, eq=False)
class Content:
    """Everything the exhibit shows, loaded and checked."""

    root: Path
    site: Site
    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    cards: tuple[Card, ...]
    credits: tuple[Credit, ...]
    timeline: Timeline | None = None
    charts: tuple[Chart, ...] = ()
    tour: tuple[TourStep, ...] = ()

    def figure(self, fid: str) -> Figure:
        """Return the figure with id ``fid`` (KeyError lists the known ids)."""
        for f in self.figures:
            if f.id == fid:
                return f
        raise KeyError(f"unknown figure {fid!r}; known: {', '.join(f.id for f in self.figures)}")

    def sources_in_use(self) -> tuple[Source, ...]:
        """Every source used by something on screen, in the order of ``sources.csv``."""
        used: set[SourceId] = set()
        used.update(s.id for s in self.site.sources)
        for fig in self.site.key_figures:
            used.update(s.id for s in fig.sources())
        for card in self.cards:
            used.update(s.id for s in card.all_sources())
        for fig in self.figures:
            used.update(s.id for s in fig.sources())
        if self.timeline is not None:
            used.update(s.id for s in self.timeline.sources())
        return tuple(s for s in self.sources if s.id in used)
