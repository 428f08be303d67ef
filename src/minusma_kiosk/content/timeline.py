"""Load the map-driven timeline: places, events, camps, occupied towns, eras.

Files (in the content folder):

``places.csv``      id,name_en,name_fr,lat,lon,kind,region,source[,coordinates]
``events.csv``      id,date,date_precision,title_en,title_fr,text_en,text_fr,
                    gentle_en,gentle_fr,place,category,deaths,source
``camps.csv``       id,place,name_en,name_fr,opened,closed,source,source_opened
``occupation.csv``  id,place,held_from,held_to,held_by_en,held_by_fr,source
                    [,region,source_from,differ_en,differ_fr]
``eras.toml``       [[era]] id, start, end, title.en/.fr, short.en/.fr, summary.en/.fr,
                   sources

A place's ``region`` is one of Mali's regions as drawn on the bundled map
(Natural Earth names). ``minusma-kiosk check`` also verifies it against the
place's coordinates, so the map and the timeline always agree; the app itself
trusts the column, which keeps the map geometry off the start-up path.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from minusma_kiosk.content.fields import (
    check_id,
    csv_text,
    source_list,
    str_field,
    tables,
    text_field,
    unknown_keys,
)
from minusma_kiosk.content.files import Row, read_csv, read_toml
from minusma_kiosk.content.formatting import date_problem
from minusma_kiosk.content.model import (
    FIRST_DAY,
    LAST_DAY,
    Camp,
    Category,
    Era,
    Event,
    EventId,
    Occupation,
    Place,
    PlaceId,
    RegionId,
    Source,
    Timeline,
)
from minusma_kiosk.content.problems import LineRef, ProblemLog

PLACE_KINDS = ("capital", "city", "town", "village")
#: Mali's regions on the bundled map (Natural Earth 1:10m admin-1, English names).
#: Ménaka and Taoudénit became regions after these boundaries were drawn; they lie
#: inside Gao and Timbuktu here.
REGIONS = ("Kayes", "Koulikoro", "Sikasso", "Ségou", "Mopti", "Timbuktu", "Gao", "Kidal",
           "Bamako")
#: Mali's bounding box, generously (lat, lon): a point outside is a typo.
MALI_BOX = ((10.0, 25.5), (-12.5, 4.5))

RegionOf = Callable[[float, float], str | None]


def parse_day(text: str, file: str, line: LineRef, what: str, log: ProblemLog,
              required: bool = True) -> dt.date | None:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM`` (first of the month) within 2012–2024."""
    text = text.strip()
    if not text:
        if required:
            log.add(file, line, f"{what} is empty")
        return None
    why = date_problem(text)
    parts = text.split("-")
    if why or "/" in text or len(parts) not in (2, 3) or len(parts[1]) != 2:
        log.add(file, line, f"{what} {text!r} is not a date like 2013-07-01 or 2013-07"
                + (f" ({why})" if why else ""))
        return None
    day = dt.date(int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) == 3 else 1)
    if not FIRST_DAY <= day <= LAST_DAY:
        log.add(file, line, f"{what} {text} is outside the exhibit's period "
                f"({FIRST_DAY.year}–{LAST_DAY.year})")
        return None
    return day


def _source(log: ProblemLog, file: str, row: Row, column: str, sources: dict[str, Source],
            what: str, required: bool = True) -> Source | None:
    sid = row.get(column)
    if not sid:
        if required:
            log.add(file, row.line, f"{what}: the {column} is empty; give a source id from "
                    "sources.csv")
        return None
    if sid not in sources:
        log.add(file, row.line, f"{what}: unknown source {sid!r} (not an id in sources.csv)",
                cause="sources.csv")
        return None
    return sources[sid]


def _place(log: ProblemLog, file: str, row: Row, places: dict[str, Place], what: str,
           national: bool = False) -> Place | None:
    """The place ``row`` names, or None (logged) when it is not an id in places.csv."""
    pid = row.get("place")
    place = places.get(pid)
    if place is None:
        also = ", nor 'national'" if national else ""
        log.add(file, row.line, f"{what}: unknown place {pid!r} (not an id in places.csv{also})",
                cause="places.csv")
    return place


def load_places(root: Path, log: ProblemLog, sources: dict[str, Source],
                region_of: RegionOf | None) -> dict[str, Place]:
    """Read ``places.csv``."""
    name = "places.csv"
    rows = read_csv(root, name, log, ("id", "name_en", "name_fr", "lat", "lon", "kind",
                                      "region", "source"), ("coordinates",))
    seen: dict[str, LineRef] = {}
    out: dict[str, Place] = {}
    for row in rows:
        pid = row.get("id")
        if not check_id(log, name, row.line, pid, seen, "place"):
            continue
        what = f"place {pid!r}"
        if not row.get("name_en"):
            log.add(name, row.line, f"{what}: name_en is empty")
        unknown = row.get("coordinates") == "unknown"
        if row.get("coordinates") not in ("", "unknown"):
            log.add(name, row.line, f"{what}: coordinates must be empty or 'unknown'")
        lat: float | None
        lon: float | None
        try:
            lat, lon = float(row.get("lat")), float(row.get("lon"))
        except ValueError:
            lat = lon = None
            if row.get("lat") or row.get("lon"):
                log.add(name, row.line, f"{what}: lat/lon must be decimal numbers")
                continue
            if not unknown:
                log.add(name, row.line, f"{what} has no coordinates: give lat and lon in "
                        "decimal degrees (e.g. 16.2667 and -0.0400), or write 'unknown' in "
                        "the coordinates column if no source gives them (the place is then "
                        "shown by its region only)")
                continue
        if unknown and lat is not None:
            log.add(name, row.line, f"{what}: coordinates are 'unknown' but lat/lon are given")
        (lat0, lat1), (lon0, lon1) = MALI_BOX
        if lat is not None and lon is not None and not (lat0 <= lat <= lat1 and
                                                         lon0 <= lon <= lon1):
            log.add(name, row.line, f"{what}: {lat}, {lon} is not in Mali (latitude "
                    f"{lat0}…{lat1}, longitude {lon0}…{lon1}); are lat and lon swapped?")
            continue
        kind = row.get("kind")
        if kind not in PLACE_KINDS:
            log.add(name, row.line, f"{what}: unknown kind {kind!r}; use one of "
                    + ", ".join(PLACE_KINDS))
        # Coordinates need a source; an unmapped place has none to cite.
        source = _source(log, name, row, "source", sources, what, required=not unknown)
        region = row.get("region")
        if region not in REGIONS:
            log.add(name, row.line, f"{what}: unknown region {region!r}; the regions are "
                    + ", ".join(REGIONS))
            continue
        if region_of is not None and lat is not None and lon is not None and \
                (found := region_of(lat, lon)) != region:
            log.add(name, row.line, f"{what}: region {region!r} does not match its "
                    f"coordinates, which lie in {found or 'no region of Mali'}")
        if source is None and not unknown:
            continue
        out[pid] = Place(PlaceId(pid), csv_text(row, "name", log, name, required=True,
                                                limit="place.name", what=what), lat,
                         lon, kind, source, RegionId(region))
    return out


def load_events(root: Path, log: ProblemLog, sources: dict[str, Source],
                places: dict[str, Place]) -> tuple[Event, ...]:
    """Read ``events.csv``, sorted by date."""
    name = "events.csv"
    rows = read_csv(root, name, log,
                    ("id", "date", "date_precision", "title_en", "title_fr", "text_en",
                     "text_fr", "gentle_en", "gentle_fr", "place", "category", "deaths",
                     "source"))
    seen: dict[str, LineRef] = {}
    categories = {c.value: c for c in Category}
    events = []
    for row in rows:
        eid = row.get("id")
        if not check_id(log, name, row.line, eid.lower(), seen, "event"):
            continue
        what = f"event {eid}"
        day = parse_day(row.get("date"), name, row.line, f"{what}: date", log)
        precision = row.get("date_precision")
        if precision not in ("day", "month"):
            log.add(name, row.line, f"{what}: date_precision must be 'day' or 'month'")
        elif day and (precision == "month") != (row.get("date").count("-") == 1):
            log.add(name, row.line, f"{what}: date_precision {precision!r} does not match "
                    f"the date {row.get('date')!r}")
        title = csv_text(row, "title", log, name, required=True, limit="event.title", what=what)
        text = csv_text(row, "text", log, name, required=True, limit="event.text", what=what)
        gentle = csv_text(row, "gentle", log, name, limit="event.gentle", what=what)
        for column in ("title_en", "text_en"):
            if not row.get(column):
                log.add(name, row.line, f"{what}: {column} is empty")
        category = categories.get(row.get("category"))
        if category is None:
            log.add(name, row.line, f"{what}: unknown category {row.get('category')!r}; use "
                    "one of " + ", ".join(categories))
        deaths = row.get("deaths")
        if deaths not in ("yes", "no"):
            log.add(name, row.line, f"{what}: deaths must be 'yes' or 'no'")
        elif deaths == "yes" and not row.get("gentle_en"):
            log.add(name, row.line, f"{what}: an event with deaths needs gentle_en, a text "
                    "without graphic detail for school visits")
        place = None
        if row.get("place") != "national":
            place = _place(log, name, row, places, what, national=True)
            if place is None:
                continue
        source = _source(log, name, row, "source", sources, what)
        if day is None or category is None or source is None or deaths not in ("yes", "no"):
            continue
        events.append(Event(EventId(eid), day, precision, title, text, gentle, place, category,
                            deaths == "yes", source))
    return tuple(sorted(events, key=lambda e: (e.date, e.id)))


def load_camps(root: Path, log: ProblemLog, sources: dict[str, Source],
               places: dict[str, Place]) -> tuple[Camp, ...]:
    """Read ``camps.csv``."""
    name = "camps.csv"
    rows = read_csv(root, name, log, ("id", "place", "name_en", "name_fr", "opened", "closed",
                                      "source"), ("source_opened",))
    seen: dict[str, LineRef] = {}
    camps = []
    for row in rows:
        cid = row.get("id")
        if not check_id(log, name, row.line, cid, seen, "camp"):
            continue
        what = f"camp {cid!r}"
        place = _place(log, name, row, places, what)
        opened = parse_day(row.get("opened"), name, row.line, f"{what}: opened", log, False)
        closed = parse_day(row.get("closed"), name, row.line, f"{what}: closed", log, False)
        if opened and closed and closed <= opened:
            log.add(name, row.line, f"{what}: closed {closed} is not after opened {opened}")
        dated = bool(row.get("opened") or row.get("closed"))
        source = _source(log, name, row, "source", sources, what, required=dated)
        source_opened = _source(log, name, row, "source_opened", sources, what, required=False)
        if place is not None:
            camps.append(Camp(cid, place, csv_text(row, "name", log, name, limit="camp.name",
                                                    what=f"camp {cid!r}"), opened, closed, source,
                              source_opened))
    return tuple(camps)


def load_occupations(root: Path, log: ProblemLog, sources: dict[str, Source],
                     places: dict[str, Place]) -> tuple[Occupation, ...]:
    """Read ``occupation.csv``: towns (``place``) or regions (``region``) held by armed
    groups, one period a row; the periods of one town or region must not overlap."""
    name = "occupation.csv"
    rows = read_csv(root, name, log, ("id", "place", "held_from", "held_to", "held_by_en",
                                      "held_by_fr", "source"),
                    ("region", "source_from", "differ_en", "differ_fr"))
    seen: dict[str, LineRef] = {}
    out: list[Occupation] = []
    for row in rows:
        oid = row.get("id")
        if not check_id(log, name, row.line, oid, seen, "row"):
            continue
        what = f"occupation {oid!r}"
        place, region = _held_where(log, name, row, places, what)
        start = parse_day(row.get("held_from"), name, row.line, f"{what}: held_from", log)
        end = parse_day(row.get("held_to"), name, row.line, f"{what}: held_to", log, False)
        if start and end and end <= start:
            log.add(name, row.line, f"{what}: held_to is not after held_from")
        source = _source(log, name, row, "source", sources, what)
        source_from = _source(log, name, row, "source_from", sources, what, required=False)
        held_by = csv_text(row, "held_by", log, name, limit="occupation.held_by")
        differ = csv_text(row, "differ", log, name, limit="occupation.differ", what=what)
        if (place is None and region is None) or start is None or source is None:
            continue
        occ = Occupation(oid, place, start, end, held_by, source, region, source_from, differ)
        clash = next((o for o in out if (o.place, o.region) == (place, region)
                      and _overlap(o, occ)), None)
        if clash is not None:
            log.add(name, row.line, f"{what}: its period overlaps row {clash.id!r} for the "
                    "same town or region; end one period before the other begins")
            continue
        out.append(occ)
    return tuple(out)


def _held_where(log: ProblemLog, name: str, row: Row, places: dict[str, Place],
                what: str) -> tuple[Place | None, RegionId | None]:
    """The town (``place``) or the region (``region``) a row of occupation.csv is about:
    exactly one of them."""
    region = row.get("region")
    if row.get("place") and region:
        log.add(name, row.line, f"{what}: give a place or a region, not both (a row is about "
                "one town or one region)")
        return None, None
    if region:
        if region not in REGIONS:
            log.add(name, row.line, f"{what}: unknown region {region!r}; the regions are "
                    + ", ".join(REGIONS))
            return None, None
        return None, RegionId(region)
    if not row.get("place"):
        log.add(name, row.line, f"{what}: the place and the region are both empty; give the "
                "town's id from places.csv or a region's name")
        return None, None
    return _place(log, name, row, places, what), None


def _overlap(a: Occupation, b: Occupation) -> bool:
    far = dt.date.max
    return a.held_from < (b.held_to or far) and b.held_from < (a.held_to or far)


def load_eras(root: Path, log: ProblemLog, sources: dict[str, Source]) -> tuple[Era, ...]:
    """Read ``eras.toml``: bands on the time strip, in order, not overlapping."""
    doc = read_toml(root, "eras.toml", log)
    if doc is None:
        return ()
    known = ("id", "start", "end", "title", "short", "summary", "sources")
    seen: dict[str, LineRef] = {}
    eras: list[Era] = []
    for i, table in enumerate(tables(doc, log, "era")):
        at = ("era", i)
        unknown_keys(doc, log, table, known, *at)
        eid = table.get("id", "")
        if not isinstance(eid, str) or not check_id(log, doc.name, doc.line_of(*at), eid,
                                                    seen, "era"):
            continue
        title = text_field(doc, log, table, "title", *at, limit="era.title")
        short = text_field(doc, log, table, "short", *at, required=False, limit="era.short")
        summary = text_field(doc, log, table, "summary", *at, limit="era.summary")
        days = []
        for key in ("start", "end"):
            raw = str_field(doc, log, table, key, *at)
            days.append(parse_day(raw, doc.name, doc.line_of(*at, key), f"era {eid!r}: {key}",
                                  log) if raw else None)
        era_sources = source_list(doc, log, table.get("sources"), sources, *at, "sources")
        start, end = days
        if start and end:
            if end <= start:
                log.add(doc.name, doc.line_of(*at, "end"), f"era {eid!r} ends before it starts")
            elif eras and start < eras[-1].end:
                log.add(doc.name, doc.line_of(*at, "start"), f"era {eid!r} starts before the "
                        f"previous era {eras[-1].id!r} ends ({eras[-1].end})")
            elif title:
                eras.append(Era(eid, start, end, title, summary, era_sources, short))
    return tuple(eras)


def load_timeline(root: Path, log: ProblemLog, sources: dict[str, Source],
                  region_of: RegionOf | None) -> Timeline:
    """Read every timeline file of a content folder."""
    places = load_places(root, log, sources, region_of)
    return Timeline(
        places=tuple(places.values()),
        events=load_events(root, log, sources, places),
        camps=load_camps(root, log, sources, places),
        occupations=load_occupations(root, log, sources, places),
        eras=load_eras(root, log, sources),
    )


