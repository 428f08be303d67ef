"""Load ``charts.toml``: which figures each chart draws, in what order.

Every value is a row of ``figures.csv`` (so it carries its source, or its formula
when derived); a chart only says which figures it shows and where a year has no
verified figure (``gap = true``), which is drawn as a labelled gap, never
interpolated.

    [[chart]]
    id = "minusma_budget"
    kind = "bars"                  # bars | line | share
    axis = "fiscal_year"           # fiscal_year | year | date | category
    title.en = "…"
    subtitle.en = "…"
    points = [{ key = "2013-14", figure = "minusma_budget_2013_14_h1" },
              { key = "2015-16", gap = true,
                reason = { en = "No exact figure found", fr = "…" } }]
    memorial = true                # a chart of deaths: quiet greys, every value named
    # optional: label.en, points2 + label2.en (a second series), reference = "figure id",
    # notes = ["figure id", …] (figures explained under the chart)
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from minusma_kiosk.content.fields import (
    check_id,
    id_list,
    str_field,
    tables,
    text_field,
    unknown_keys,
)
from minusma_kiosk.content.files import TomlDoc, read_toml
from minusma_kiosk.content.model import Axis, Chart, ChartId, ChartKind, ChartPoint, Figure, Text
from minusma_kiosk.content.problems import LineRef, ProblemLog

_FISCAL = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")
KNOWN = ("id", "kind", "axis", "title", "subtitle", "points", "label", "points2", "label2",
         "reference", "notes", "highlight", "memorial")


def key_problem(axis: Axis, key: str) -> str | None:
    """Why ``key`` is not a valid key on ``axis``, or None."""
    if axis is Axis.FISCAL_YEAR:
        m = _FISCAL.match(key)
        if not m or int(m.group(2)) != (int(m.group(1)) + 1) % 100:
            return f"{key!r} is not a fiscal year like 2013-14 (1 July 2013 – 30 June 2014)"
    elif axis is Axis.YEAR:
        if not _YEAR.match(key):
            return f"{key!r} is not a year like 2016"
    elif axis is Axis.DATE:
        try:
            dt.date.fromisoformat(key)
        except ValueError:
            return f"{key!r} is not a date like 2016-06-29"
    elif not key.strip():
        return "the key is empty"
    return None


def _points(doc: TomlDoc, log: ProblemLog, value: Any, axis: Axis, figures: dict[str, Figure],
            *path: str | int) -> tuple[ChartPoint, ...]:
    line: LineRef = doc.line_of(*path)
    if not isinstance(value, list) or not value:
        log.add(doc.name, line, f"{path[-1]} must be a list of points: "
                "[{ key = \"2013-14\", figure = \"id\" }, { key = \"2015-16\", gap = true }]")
        return ()
    out: list[ChartPoint] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        if not isinstance(item, dict) or not isinstance(item.get("key"), str):
            log.add(doc.name, line, "each point needs a key in quotes, e.g. "
                    "{ key = \"2013-14\", figure = \"id\" }")
            continue
        key = item["key"]
        if why := key_problem(axis, key):
            log.add(doc.name, line, f"point {key!r}: {why}")
            continue
        if key in seen:
            log.add(doc.name, line, f"point {key!r} appears twice")
            continue
        seen.add(key)
        unknown = set(item) - {"key", "key_fr", "figure", "gap", "reason"}
        if unknown:
            log.add(doc.name, line, f"point {key!r}: unknown key(s) {', '.join(sorted(unknown))}; "
                    "a point has key and figure, or key and gap = true (and a reason)")
        gap, fid = item.get("gap") is True, item.get("figure")
        if gap == (fid is not None):
            log.add(doc.name, line, f"point {key!r}: give a figure id, or gap = true where "
                    "no verified figure exists (not both)")
            continue
        if fid is not None and fid not in figures:
            log.add(doc.name, line, f"point {key!r}: unknown figure {fid!r} "
                    "(not an id in figures.csv)", cause="figures.csv")
            continue
        key_fr = item.get("key_fr", "")
        if not isinstance(key_fr, str):
            log.add(doc.name, line, f"point {key!r}: key_fr must be text in quotes")
            key_fr = ""
        reason = text_field(doc, log, item, "reason", *path, index, required=False,
                            limit="point.reason")
        if reason and not gap:
            log.add(doc.name, line, f"point {key!r}: a reason is for a gap (why no figure is "
                    "shown); a point with a figure has none")
        out.append(ChartPoint(key, None if fid is None else figures[str(fid)], key_fr,
                              reason or Text("")))
    if axis is not Axis.CATEGORY and [p.key for p in out] != sorted(p.key for p in out):
        log.add(doc.name, line, f"{path[-1]}: points must be in time order")
    return tuple(out)


def load_charts(root: Path, log: ProblemLog, figures: dict[str, Figure]) -> tuple[Chart, ...]:
    """Read ``charts.toml``."""
    doc = read_toml(root, "charts.toml", log)
    if doc is None:
        return ()
    kinds = {k.value: k for k in ChartKind}
    axes = {a.value: a for a in Axis}
    seen: dict[str, LineRef] = {}
    charts = []
    for i, table in enumerate(tables(doc, log, "chart")):
        at = ("chart", i)
        unknown_keys(doc, log, table, KNOWN, *at)
        cid = table.get("id", "")
        if not isinstance(cid, str) or not check_id(log, doc.name, doc.line_of(*at), cid, seen,
                                                    "chart"):
            continue
        kind = kinds.get(str_field(doc, log, table, "kind", *at))
        axis = axes.get(str_field(doc, log, table, "axis", *at))
        if kind is None:
            log.add(doc.name, doc.line_of(*at, "kind"), f"chart {cid!r}: kind must be one of "
                    + ", ".join(kinds))
        if axis is None:
            log.add(doc.name, doc.line_of(*at, "axis"), f"chart {cid!r}: axis must be one of "
                    + ", ".join(axes))
        title = text_field(doc, log, table, "title", *at, limit="chart.title")
        subtitle = text_field(doc, log, table, "subtitle", *at, limit="chart.subtitle")
        label = text_field(doc, log, table, "label", *at, required=False, limit="chart.label")
        label2 = text_field(doc, log, table, "label2", *at, required=False,
                            limit="chart.label2")
        if kind is None or axis is None:
            continue
        points = _points(doc, log, table.get("points"), axis, figures, *at, "points")
        points2 = _points(doc, log, table["points2"], axis, figures, *at, "points2") \
            if "points2" in table else ()
        reference = None
        if "reference" in table:
            rid = table["reference"]
            reference = figures.get(rid) if isinstance(rid, str) else None
            if reference is None:
                log.add(doc.name, doc.line_of(*at, "reference"), f"chart {cid!r}: unknown "
                        f"reference figure {rid!r} (not an id in figures.csv)",
                        cause="figures.csv")
        notes = id_list(doc, log, table.get("notes"), figures, "figure", "figures.csv", *at,
                        "notes")
        units = {p.figure.unit for p in points + points2 if p.figure is not None}
        if reference is not None:
            units.add(reference.unit)
        if len(units) > 1:
            log.add(doc.name, doc.line_of(*at), f"chart {cid!r} mixes units ("
                    + ", ".join(sorted(u.value for u in units)) + "); one chart, one unit")
        if not any(p.figure is not None for p in points):
            raw = table.get("points")
            # Figures it names that figures.csv lacks: a consequence when that file is broken.
            named = isinstance(raw, list) and any(isinstance(p, dict) and "figure" in p
                                                  for p in raw)
            log.add(doc.name, doc.line_of(*at, "points"), f"chart {cid!r} has no figure to draw",
                    cause="figures.csv" if named else None)
            continue
        highlight = table.get("highlight", "")
        if highlight and (not isinstance(highlight, str) or highlight not in
                          {p.key for p in points}):
            log.add(doc.name, doc.line_of(*at, "highlight"), f"chart {cid!r}: highlight "
                    f"{highlight!r} is not the key of one of its points")
            highlight = ""
        memorial = table.get("memorial", False)
        if not isinstance(memorial, bool):
            log.add(doc.name, doc.line_of(*at, "memorial"), f"chart {cid!r}: memorial must be "
                    "true or false (true for a chart of deaths)")
            memorial = False
        charts.append(Chart(ChartId(cid), kind, axis, title, subtitle, points, label or Text(""),
                            points2, label2 or Text(""), reference, notes, str(highlight),
                            memorial))
    return tuple(charts)
