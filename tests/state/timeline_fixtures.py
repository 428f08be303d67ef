"""A small hand-made timeline for state and widget tests."""

from __future__ import annotations

import datetime as dt

from minusma_kiosk.content.model import (
    Category,
    Event,
    EventId,
    Place,
    PlaceId,
    Source,
    SourceId,
    Text,
    Timeline,
)

SRC = Source(SourceId("src"), "A source", "Publisher", "https://example.org/a")
GAO = Place(PlaceId("gao"), Text("Gao"), 16.27, 0.04, "city", SRC, "Gao")
BAMAKO = Place(PlaceId("bamako"), Text("Bamako"), 12.65, -8.0, "capital", SRC, "Bamako")


def event(eid: str, day: str, category: Category = Category.CONFLICT,
          place: Place | None = GAO) -> Event:
    return Event(EventId(eid), dt.date.fromisoformat(day), "day", Text(f"title {eid}"),
                 Text(f"text {eid}"), Text(""), place, category, False, SRC)


def small_timeline(n_extra: int = 0) -> Timeline:
    events = [
        event("e1", "2012-01-17"),
        event("e2", "2012-03-22", Category.POLITICS, BAMAKO),
        event("e3", "2013-07-01", Category.PEACEKEEPING, BAMAKO),
        event("e4", "2015-06-20", Category.AGREEMENTS, None),
        event("e5", "2019-01-20"),
    ]
    for i in range(n_extra):
        day = dt.date(2012, 1, 1) + dt.timedelta(days=(i * 4391) // max(n_extra, 1))
        events.append(event(f"x{i}", day.isoformat()))
    events.sort(key=lambda e: (e.date, e.id))
    return Timeline(places=(GAO, BAMAKO), events=tuple(events), camps=(), occupations=(),
                    eras=())
