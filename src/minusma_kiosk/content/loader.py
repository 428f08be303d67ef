"""Load and check a content folder.

The folder holds (see the curator guide in README.md):

``site.toml``     home-screen texts and the content version
``sources.csv``   every document the exhibit cites
``figures.csv``   every number shown, with its source or its formula
``cards.toml``    the interest cards
``credits.toml``  credits for fonts, data and software
``tour.toml``     the presenter's guided tour (optional)

:func:`load_content` never raises for bad content: it returns every problem it
found, each naming the file and line, and a :class:`Content` only when there are
none.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from minusma_kiosk.content import formatting
from minusma_kiosk.content.charts import load_charts
from minusma_kiosk.content.fields import (
    check_id,
    csv_text,
    id_list,
    source_list,
    str_field,
    tables,
    text_field,
    unknown_keys,
)
from minusma_kiosk.content.files import (
    TomlDoc,
    check_picture,
    folder_problem,
    read_csv,
    read_toml,
    resolve_inside,
)
from minusma_kiosk.content.limits import LIMITS
from minusma_kiosk.content.model import (
    Card,
    CardId,
    Content,
    Credit,
    Derivation,
    Figure,
    FigureId,
    Qualifier,
    Site,
    Source,
    SourceId,
    Unit,
)
from minusma_kiosk.content.problems import LineRef, Problem, ProblemLog, report
from minusma_kiosk.content.timeline import RegionOf, load_timeline
from minusma_kiosk.content.tour import load_tour

_ID = re.compile(r"^[a-z0-9][a-z0-9_]*$")
#: Longest formula (the bundled ones are under 60 characters); bounds the work of
#: reading and computing one.
MAX_FORMULA_CHARS = 300


@dataclass(frozen=True)
class LoadResult:
    """What loading a content folder gave: the content, or the problems."""

    content: Content | None
    problems: tuple[Problem, ...]
    #: Files that could not be read as a whole (what refers to them follows from that).
    broken: frozenset[str] = frozenset()

    @property
    def ok(self) -> bool:
        """True when the folder loaded without a problem."""
        return self.content is not None and not self.problems

    def report(self) -> list[str]:
        """The problems as a curator reads them: root causes first, then one line per
        broken file for what follows from it."""
        return report(self.problems, self.broken)


def load_content(root: Path, check_geography: bool = False) -> LoadResult:
    """Load every file of a content folder and check all cross-references.

    Parameters
    ----------
    root
        The content folder (the bundled one, or a curator's ``--content DIR``).
    check_geography
        Also check each place's region against its coordinates on the bundled map
        (``minusma-kiosk check`` does; the app skips it to start fast).
    """
    log = ProblemLog()
    root = Path(root)
    if (why := folder_problem(root)) is not None:
        log.add(str(root), None, why)
        return LoadResult(None, tuple(log.items))
    sources = _load_sources(root, log)
    figures = _load_figures(root, log, sources)
    site = _load_site(root, log, sources, figures)
    cards = _load_cards(root, log, sources, figures)
    credits = _load_credits(root, log)
    timeline = load_timeline(root, log, sources, _region_finder() if check_geography else None)
    charts = load_charts(root, log, figures)
    tour = load_tour(root, log, timeline, charts, cards)
    if log or site is None:
        return LoadResult(None, log.ordered(), frozenset(log.broken))
    content = Content(root=root, site=site, sources=tuple(sources.values()),
                      figures=tuple(figures.values()), cards=cards, credits=credits,
                      timeline=timeline, charts=charts, tour=tour)
    return LoadResult(content, ())


def _region_finder() -> RegionOf:
    """Which region of the bundled map a point (lat, lon) lies in."""
    from minusma_kiosk import resources
    from minusma_kiosk.content.geo import load_map
    from minusma_kiosk.content.projection import project

    map_data = load_map(resources.path("map", "mali.json"))

    def region_of(lat: float, lon: float) -> str | None:
        x, y = project(lon, lat)
        region = map_data.region_at(float(x), float(y))
        return region.name if region is not None else None

    return region_of


# --- files ---------------------------------------------------------------------

def _load_site(root: Path, log: ProblemLog, sources: dict[str, Source],
               figures: dict[str, Figure]) -> Site | None:
    doc = read_toml(root, "site.toml", log)
    if doc is None:
        return None
    table = doc.data.get("site")
    if not isinstance(table, dict):
        log.add(doc.name, None, "the [site] table is missing")
        return None
    known = ("version", "sources", "key_figures", "title", "subtitle", "intro", "footnote")
    unknown_keys(doc, log, table, known, "site")
    for other in doc.data:
        if other != "site":
            log.add(doc.name, doc.line_of(other), f"unknown table or key {other!r}")
    version = str_field(doc, log, table, "version", "site")
    return Site(
        version=version,
        title=text_field(doc, log, table, "title", "site", limit="site.title"),
        subtitle=text_field(doc, log, table, "subtitle", "site", limit="site.subtitle"),
        intro=text_field(doc, log, table, "intro", "site", limit="site.intro"),
        footnote=text_field(doc, log, table, "footnote", "site", required=False,
                            limit="site.footnote"),
        sources=source_list(doc, log, table.get("sources"), sources, "site", "sources"),
        key_figures=_key_figures(doc, log, table.get("key_figures"), figures),
    )


def _key_figures(doc: TomlDoc, log: ProblemLog, value: Any,
                 figures: dict[str, Figure]) -> tuple[Figure, ...]:
    chosen = id_list(doc, log, value, figures, "figure", "figures.csv", "site", "key_figures")
    if len(chosen) > 3:
        log.add(doc.name, doc.line_of("site", "key_figures"),
                f"key_figures lists {len(chosen)} figures; the home screen shows at most 3")
    return tuple(chosen[:3])


def _load_sources(root: Path, log: ProblemLog) -> dict[str, Source]:
    name = "sources.csv"
    rows = read_csv(root, name, log, ("id", "title", "publisher", "published", "url"))
    seen: dict[str, LineRef] = {}
    out: dict[str, Source] = {}
    for row in rows:
        sid = row.get("id")
        if not check_id(log, name, row.line, sid, seen, "source"):
            continue
        for col in ("title", "publisher"):
            if not row.get(col):
                log.add(name, row.line, f"source {sid!r}: the {col} is empty")
            elif why := LIMITS[f"source.{col}"].problem(" ".join(row.get(col).split())):
                log.add(name, row.line, f"source {sid!r}: the {col} {why}")
        url = row.get("url")
        if url and not re.match(r"^https?://\S+$", url):
            log.add(name, row.line, f"source {sid!r}: the url must start with http:// or https://")
        if not url:
            log.add(name, row.line, f"source {sid!r}: the url is empty (give the address "
                    "of the page or document that was read)")
        published = row.get("published")
        if published and (why := formatting.date_problem(published)):
            log.add(name, row.line, f"source {sid!r}: published date {why}")
        out[sid] = Source(SourceId(sid), row.get("title"), row.get("publisher"), url, published)
    return out


def _load_figures(root: Path, log: ProblemLog, sources: dict[str, Source]) -> dict[str, Figure]:
    name = "figures.csv"
    rows = read_csv(root, name, log,
                    ("id", "value", "unit", "qualifier", "as_of", "source", "formula",
                     "label_en"), ("label_fr", "note_en", "note_fr"))
    seen: dict[str, LineRef] = {}
    plain: dict[str, Figure] = {}
    pending: list[tuple[Any, str, list[str]]] = []
    units = {u.value: u for u in Unit}
    qualifiers = {q.value: q for q in Qualifier}
    for row in rows:
        fid = row.get("id")
        if not check_id(log, name, row.line, fid, seen, "figure"):
            continue
        unit = units.get(row.get("unit"))
        if unit is None:
            log.add(name, row.line, f"figure {fid!r}: unknown unit {row.get('unit')!r}; "
                    f"use one of {', '.join(units)}")
        qualifier = qualifiers.get(row.get("qualifier"))
        if qualifier is None:
            log.add(name, row.line, f"figure {fid!r}: unknown qualifier "
                    f"{row.get('qualifier')!r}; leave it empty or use one of "
                    f"{', '.join(q for q in qualifiers if q)}")
        as_of = row.get("as_of")
        if not as_of:
            log.add(name, row.line, f"figure {fid!r}: as_of is empty (when was it true?)")
        elif why := formatting.date_problem(as_of):
            log.add(name, row.line, f"figure {fid!r}: as_of {why}")
        if not row.get("label_en"):
            log.add(name, row.line, f"figure {fid!r}: label_en is empty (say what is counted)")
        label = csv_text(row, "label", log, name, required=True, limit="figure.label",
                         what=f"figure {fid!r}")
        note = csv_text(row, "note", log, name, limit="figure.note", what=f"figure {fid!r}")
        source_id, formula, raw = row.get("source"), row.get("formula"), row.get("value")
        if formula and source_id:
            log.add(name, row.line, f"figure {fid!r}: give a source or a formula, not both "
                    "(a derived figure's sources are those of its inputs)")
            continue
        if len(formula) > MAX_FORMULA_CHARS:
            log.add(name, row.line, f"figure {fid!r}: the formula has {len(formula)} "
                    f"characters; keep it to {MAX_FORMULA_CHARS} (a few figure ids and + - * /)")
            continue
        if formula:
            if raw:
                log.add(name, row.line, f"figure {fid!r}: a derived figure is computed from "
                        "its formula; leave its value empty")
            try:
                names = formatting.formula_names(formula)
            except (SyntaxError, ValueError) as exc:
                log.add(name, row.line, f"figure {fid!r}: the formula cannot be read "
                        f"({exc.msg if isinstance(exc, SyntaxError) else exc})")
                continue
            if unit and qualifier is not None:
                pending.append(((row, fid, unit, qualifier, as_of, label, note), formula, names))
            continue
        if not source_id:
            log.add(name, row.line, f"figure {fid!r}: the source is empty; every figure "
                    "shown needs a source id from sources.csv (or a formula)")
            continue
        if source_id not in sources:
            log.add(name, row.line, f"figure {fid!r}: unknown source {source_id!r} "
                    "(not an id in sources.csv)", cause="sources.csv")
            continue
        value, why = _number(raw)
        if value is None:
            log.add(name, row.line, f"figure {fid!r}: the value {raw!r} {why}")
            continue
        if unit is None or qualifier is None:
            continue
        plain[fid] = Figure(FigureId(fid), value, unit, qualifier, as_of, label,
                            source=sources[source_id], note=note)
    return _resolve_derived(log, name, plain, pending)


_PLAIN = re.compile(r"^-?\d+(\.\d+)?$")
_GROUPED = re.compile(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$")  # 1,840 or 1,234,567.5


def _number(raw: str) -> tuple[float | None, str]:
    """A figure's value written as in English (``1840``, ``1,840``, ``292.5``), or why not.

    A comma is only a thousands separator: ``292,5`` (a French decimal comma) is
    refused rather than read as 2,925."""
    text = raw.strip().replace("\u00a0", "").replace("\u202f", "")
    if _PLAIN.match(text) or _GROUPED.match(text):
        value = float(text.replace(",", ""))
        if math.isfinite(value):
            return value, ""
        return None, "is too large to be a figure"
    if re.match(r"^-?\d+,\d{1,2}$|^-?\d+,\d{4,}$", text):
        return None, (f"uses a comma for decimals; write {text.replace(',', '.')} with a "
                      "point (commas may only group thousands: 1,840)")
    return None, "is not a number (write it with digits, a point for decimals: 292.5)"


def _resolve_derived(log: ProblemLog, name: str, figures: dict[str, Figure],
                     pending: list[tuple[Any, str, list[str]]]) -> dict[str, Figure]:
    """Compute derived figures in dependency order; report unknown ids and cycles."""
    known = set(figures) | {p[0][1] for p in pending}
    remaining = []
    for item in pending:
        (row, fid, *_), _formula, names = item
        missing = [n for n in names if n not in known]
        if missing:
            log.add(name, row.line, f"figure {fid!r}: the formula uses unknown figure "
                    f"id(s) {', '.join(missing)}", cause=name)
        else:
            remaining.append(item)
    while remaining:
        ready = [p for p in remaining if all(n in figures for n in p[2])]
        if not ready:
            for (row, fid, *_), _f, _n in remaining:
                log.add(name, row.line, f"figure {fid!r}: its formula depends on itself "
                        "through other figures")
            break
        for item in ready:
            (row, fid, unit, qualifier, as_of, label, note), formula, names = item
            inputs = tuple(dict.fromkeys(figures[n] for n in names))
            try:
                value = formatting.evaluate(formula, figures)
            except ZeroDivisionError:
                log.add(name, row.line, f"figure {fid!r}: the formula divides by zero")
                remaining.remove(item)
                continue
            if not math.isfinite(value):
                log.add(name, row.line, f"figure {fid!r}: the formula gives {value}, not a "
                        "number that can be shown")
                remaining.remove(item)
                continue
            figures[fid] = Figure(FigureId(fid), value, unit, qualifier, as_of, label,
                                  derivation=Derivation(formula, inputs), note=note)
            remaining.remove(item)
    return figures


def _load_cards(root: Path, log: ProblemLog, sources: dict[str, Source],
                figures: dict[str, Figure]) -> tuple[Card, ...]:
    doc = read_toml(root, "cards.toml", log)
    if doc is None:
        return ()
    known = ("id", "figure", "more_figures", "sources", "image", "headline", "text", "detail",
             "disagreement")
    seen: dict[str, LineRef] = {}
    cards = []
    for i, table in enumerate(tables(doc, log, "card")):
        at = ("card", i)
        unknown_keys(doc, log, table, known, *at)
        cid = table.get("id", "")
        id_line = partial(doc.line_of, *at, "id")
        if not isinstance(cid, str) or not check_id(log, doc.name, id_line, cid, seen, "card"):
            cid = ""
        headline = text_field(doc, log, table, "headline", *at, limit="card.headline")
        text = text_field(doc, log, table, "text", *at, limit="card.text")
        detail = text_field(doc, log, table, "detail", *at, limit="card.detail")
        disagreement = text_field(doc, log, table, "disagreement", *at, required=False,
                                  limit="card.disagreement")
        fid = str_field(doc, log, table, "figure", *at)
        figure = figures.get(fid)
        if fid and figure is None:
            log.add(doc.name, doc.line_of(*at, "figure"),
                    f"unknown figure {fid!r} (not an id in figures.csv)", cause="figures.csv")
        card_sources = source_list(doc, log, table.get("sources"), sources, *at, "sources")
        more = id_list(doc, log, table.get("more_figures"), figures, "figure", "figures.csv",
                        *at, "more_figures")
        image = None
        if "image" in table:
            rel = table["image"]
            if isinstance(rel, str):
                image_line = partial(doc.line_of, *at, "image")
                image = resolve_inside(root, rel, log, doc.name, image_line)
                if image is not None:
                    image = check_picture(image, rel, log, doc.name, image_line)
            else:
                log.add(doc.name, doc.line_of(*at, "image"), "image must be a file name in quotes")
        if cid and figure is not None:
            cards.append(Card(CardId(cid), headline, text, figure, detail, card_sources,
                              disagreement, image, more))
    return tuple(cards)


def _load_credits(root: Path, log: ProblemLog) -> tuple[Credit, ...]:
    doc = read_toml(root, "credits.toml", log)
    if doc is None:
        return ()
    out = []
    for i, table in enumerate(tables(doc, log, "credit")):
        at = ("credit", i)
        unknown_keys(doc, log, table, ("what", "who", "licence", "url"), *at)
        what = text_field(doc, log, table, "what", *at, limit="credit.what")
        who = str_field(doc, log, table, "who", *at)
        licence = str_field(doc, log, table, "licence", *at)
        url = str_field(doc, log, table, "url", *at, required=False)
        out.append(Credit(what, who, licence, url))
    return tuple(out)
