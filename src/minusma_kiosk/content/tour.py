"""Load ``tour.toml``: the presenter's guided tour, step by step (optional file).

    [[step]]
    screen = "timeline"            # home | timeline | budget | cards | sources
    title.en = "The north falls"   # 8 words or fewer: the presenter's step list
    title.fr = "Le nord tombe"
    event = "ML009"                # timeline: an event id (the cursor goes to its date)
    # date = "2012-04-06"          # timeline or budget: a day, when no event is named
    # region = "Kidal"             # timeline: show only this region's events
    # chart = "minusma_budget"     # budget: a chart id …
    # year = "2019-20"             # … and one of its keys (a fiscal year, a year)
    # card = "elections"           # cards: a card id; open = true shows its detail
    notes.en = "…"                 # optional: what to say (the presenter's notes window)
    notes.fr = "…"
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minusma_kiosk.content.fields import str_field, tables, text_field, unknown_keys
from minusma_kiosk.content.files import read_toml
from minusma_kiosk.content.model import (
    FIRST_DAY,
    LAST_DAY,
    Card,
    CardId,
    Chart,
    ChartId,
    EventId,
    RegionId,
    Timeline,
    TourStep,
)
from minusma_kiosk.content.periods import reachable
from minusma_kiosk.content.problems import ProblemLog

FILE = "tour.toml"
#: The screens a step may name (the ui's ScreenId values; a test keeps them equal).
SCREENS = ("home", "timeline", "budget", "cards", "sources")
KNOWN = ("screen", "title", "notes", "event", "date", "region", "chart", "year", "card",
         "open")
#: Which screen each field belongs to.
_FIELD_SCREEN = {"event": ("timeline",), "region": ("timeline",), "date": ("timeline", "budget"),
                 "chart": ("budget",), "year": ("budget",), "card": ("cards",),
                 "open": ("cards",)}


def load_tour(root: Path, log: ProblemLog, timeline: Timeline | None,
              charts: tuple[Chart, ...], cards: tuple[Card, ...]) -> tuple[TourStep, ...]:
    """Read ``tour.toml`` if the folder has one (no file: no tour)."""
    if not (root / FILE).exists():
        return ()
    doc = read_toml(root, FILE, log)
    if doc is None:
        return ()
    events = {e.id: e for e in timeline.events} if timeline else {}
    regions = {p.region for p in timeline.places} if timeline else set()
    chart_ids = {c.id: c for c in charts}
    card_ids = {c.id: c for c in cards}
    steps = []
    for i, table in enumerate(tables(doc, log, "step")):
        at = ("step", i)
        n = i + 1

        def problem(key: str, message: str, at: tuple[str, int] = at, n: int = n,
                    cause: str | None = None) -> None:
            log.add(doc.name, doc.line_of(*at, key), f"step {n}: {message}", cause=cause)

        unknown_keys(doc, log, table, KNOWN, *at)
        screen = str_field(doc, log, table, "screen", *at)
        if screen and screen not in SCREENS:
            problem("screen", f"unknown screen {screen!r}; screens: {', '.join(SCREENS)}")
            continue
        title = text_field(doc, log, table, "title", *at, limit="tour.title")
        notes = text_field(doc, log, table, "notes", *at, required=False, limit="tour.notes")
        for key, screens in _FIELD_SCREEN.items():
            if key in table and screen not in screens:
                problem(key, f"{key} belongs to a {' or '.join(screens)} step, not {screen}")
        event = None
        if "event" in table:
            event = events.get(EventId(str(table["event"])))
            if event is None:
                problem("event", f"unknown event {table['event']!r} (not an id in events.csv)",
                        cause="events.csv")
        date = _date(table.get("date"), problem)
        region: RegionId | None = None
        if "region" in table:
            region = RegionId(str(table["region"]))
            if region not in regions:
                problem("region", f"unknown region {table['region']!r}; regions: "
                        + ", ".join(sorted(regions)))
                region = None
        chart = None
        if "chart" in table:
            chart = chart_ids.get(ChartId(str(table["chart"])))
            if chart is None:
                problem("chart", f"unknown chart {table['chart']!r} (not an id in charts.toml)",
                        cause="charts.toml")
        year = table.get("year", "")
        if year:
            if "chart" not in table:
                problem("year", "a year needs a chart (chart = \"id\")")
            elif chart is None:
                year = ""  # the unknown chart is the problem already reported
            elif not isinstance(year, str) or year not in [p.key for p in chart.points]:
                problem("year", f"chart {chart.id!r} has no point {year!r}; its keys: "
                        + ", ".join(p.key for p in chart.points))
                year = ""
            elif [p.key for p in chart.points].index(year) not in reachable(chart, FIRST_DAY,
                                                                             LAST_DAY):
                problem("year", f"{year!r} is outside the exhibit's period "
                        f"({FIRST_DAY.year}–{LAST_DAY.year})")
                year = ""
        card = None
        if "card" in table:
            card = card_ids.get(CardId(str(table["card"])))
            if card is None:
                problem("card", f"unknown card {table['card']!r} (not an id in cards.toml)",
                        cause="cards.toml")
        opened = table.get("open", False)
        if not isinstance(opened, bool):
            problem("open", "open must be true or false")
            opened = False
        steps.append(TourStep(screen, title, notes, date, event, region, chart, str(year),
                              card, opened))
    return tuple(steps)


def _date(value: Any, problem: Callable[[str, str], None]) -> dt.date | None:
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        problem("date", f"{value!r} is not a day like 2013-01-11")
        return None
    if not FIRST_DAY <= day <= LAST_DAY:
        problem("date", f"{text} is outside the exhibit's period ({FIRST_DAY} – {LAST_DAY})")
        return None
    return day
