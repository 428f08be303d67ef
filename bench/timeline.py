"""Timeline benchmark: opening the timeline screen, scrubbing, zooming, loading content.

Run ``python bench/timeline.py`` (from a checkout or with the package installed).
It prints figures with PASS/FAIL against the targets; it is not a test and exits
0 whatever they are, unless the synthetic content fails its checks (exit 1).

Everything runs in this process, on Qt's ``offscreen`` platform with a
1920x1080 screen (unless ``QT_QPA_PLATFORM`` is already set, which is then left
as it is), in a 1920x1080 window built as the app builds it:
``load_with_fallback`` -> ``create_application()`` -> ``create_shell(loaded,
Options(animation="none", diagonal_inches=32))`` -> ``resize(1920, 1080)`` ->
``show()``. Wall times are ``time.perf_counter()``; a "full repaint" is
``QWidget.grab()``, which renders the widget and its children synchronously.

What is measured, for two contents -- the bundled one ("real") and a synthetic
copy of it with 2,000 events ("2000 events", see below):

* **open**: a fresh shell is built, shown and settled on the home screen; then
  the time from just before ``shell.router.navigate(ScreenId.TIMELINE)`` (the
  screen is not built yet: its modules are imported, the map JSON is loaded,
  the scene is built) until after ``QApplication.processEvents()`` and a
  ``shell.grab()`` of the window. Median of ``--runs`` fresh shells. The very
  first shell of the process (real content) also pays the first import of the
  timeline modules: it is reported apart as "cold" and not in the median. For
  information, the cost of one more full repaint right after is given too
  (part of "open" is that grab).
* **scrub (select)**: for each event in date order, the frame time of
  ``cursor.select(event)`` + ``sendPostedEvents(LayoutRequest)`` (so the grab
  sees the new layout, as a real frame would) + ``shell.grab()``. With few
  events, the pass is repeated until at least 200 frames are measured.
* **scrub (drag)**: the drag path: ``cursor.set_date(day)`` for day going from
  2012-01-01 to 2024-12-31 in 7-day steps (no event selected), same frame.
* **zoom/pan**: ``screen.map.set_view(zoom, centre)`` (``_apply`` in older
  code) + layout flush +
  ``screen.map.grab()``, with zoom going 1 -> 6 -> 1 (geometrically) while the
  centre goes once round an ellipse over the map (30 % of its width and height
  around its middle).

Between two timed frames the event loop is run once, untimed (it also paints
the window's own backing store, which is not counted), and the first frames of
each series are a warm-up that is not counted. Frame figures are p50 and p95.

* **content load** of the 2,000-event folder: median of 10 runs of
  ``minusma_kiosk.content.load_content(folder)`` (default arguments, as the app
  loads it at start-up) and, for information, with ``check_geography=True``
  (as ``minusma-kiosk check`` does); the bundled content too, for information.

The synthetic folder is a copy of the bundled content (without the presenter's
``tour.toml``, which names real events) whose ``events.csv`` has
2,000 generated rows: ids EV0001..EV2000, dates spread evenly over
2012-01-01..2024-12-31, places cycling over the ids of ``places.csv`` that have
coordinates, categories cycling, ``deaths=no``, the first source of
``sources.csv``, short titles and texts in English and French. It must load
without a problem (``loaded.rejected is None``), else the problems are printed
and the script exits 1.

Targets: open <= 150 ms; scrub p95 <= 8 ms (real) and <= 16 ms (2,000 events),
both for the select and the drag path; content load of 2,000 events <= 150 ms.
Zoom/pan p95 is reported against 16 ms (one 60 Hz frame).

``--quick`` is a smoke run (2 shells, fewer loads, fewer frames -- with 2,000
events only every k-th event is selected: figures not meaningful); ``--json OUT``
also writes the figures as JSON.

Standard library plus the project's own dependencies (PySide6).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from _common import (
    HEIGHT,
    WARMUP_FRAMES,
    WIDTH,
    Series,
    ShellBench,
    checkout_commit,
    print_table,
    setup_platform,
    verdict,
    write_json,
)

SYNTHETIC_EVENTS = 2000
RUNS, QUICK_RUNS = 10, 2
LOADS, QUICK_LOADS = 10, 3
MIN_SCRUB_FRAMES, QUICK_SCRUB_FRAMES = 200, 40
DRAG_STEP_DAYS, QUICK_DRAG_STEP_DAYS = 7, 60
ZOOM_FRAMES, QUICK_ZOOM_FRAMES = 240, 40  # 1 -> 6 -> 1, half each way
MAX_ZOOM = 6.0

TARGET_OPEN_MS = 150.0
TARGET_SCRUB_P95_MS = {"real": 8.0, "2000 events": 16.0}
TARGET_ZOOM_P95_MS = 16.0
TARGET_LOAD_MS = 150.0


# --------------------------------------------------------------------------- #
# Figures
# --------------------------------------------------------------------------- #



# --------------------------------------------------------------------------- #
# Synthetic content (no Qt needed)
# --------------------------------------------------------------------------- #

def write_synthetic_content(source: Path, dest: Path, n: int) -> None:
    """Copy ``source`` to ``dest`` with ``events.csv`` replaced by ``n`` generated rows."""
    from minusma_kiosk.content.model import Category
    from minusma_kiosk.content.timeline import FIRST_DAY, LAST_DAY

    shutil.copytree(source, dest)
    (dest / "tour.toml").unlink(missing_ok=True)  # the tour names real events
    with (source / "places.csv").open(encoding="utf-8", newline="") as f:
        places = [row["id"] for row in csv.DictReader(f)
                  if (row.get("coordinates") or "").strip() != "unknown"]
    with (source / "sources.csv").open(encoding="utf-8", newline="") as f:
        first_source = next(csv.DictReader(f))["id"]
    with (source / "events.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    categories = [c.value for c in Category]
    span = (LAST_DAY - FIRST_DAY).days
    with (dest / "events.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=header, restval="")
        writer.writeheader()
        for i in range(n):
            day = FIRST_DAY + dt.timedelta(days=round(i * span / max(n - 1, 1)))
            writer.writerow({
                "id": f"EV{i + 1:04d}", "date": day.isoformat(), "date_precision": "day",
                "title_en": f"Synthetic event {i + 1}",
                "title_fr": f"Événement synthétique {i + 1}",
                "text_en": f"A generated event number {i + 1} for the benchmark.",
                "text_fr": f"Un événement généré, numéro {i + 1}, pour la mesure.",
                "place": places[i % len(places)], "category": categories[i % len(categories)],
                "deaths": "no", "source": first_source,
            })


def time_loads(folder: Path, runs: int, **kwargs) -> list[float]:
    from minusma_kiosk.content import load_content

    out = []
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        result = load_content(folder, **kwargs)
        out.append(time.perf_counter() - t0)
        assert result.content is not None, result.problems
    return out


# --------------------------------------------------------------------------- #
# Qt measurements
# --------------------------------------------------------------------------- #



class Bench(ShellBench):
    """Shells built with animation "none", and this bench's timings."""

    def __init__(self) -> None:
        super().__init__(animation="none")

    def frames(self, label: str, steps: list[Callable[[], None]],
               grab: Callable[[], object] | None = None) -> Series:
        """Time each step's frame (after a warm-up).

        Without ``grab``: ``step(); processEvents()`` — the event loop lays out and
        paints what changed into the window's backing store, as on a real screen.
        With ``grab``: ``step(); flush layouts; grab()`` — the whole window
        repainted, the worst case.
        """
        series = Series(label)
        gc.collect()
        self.app.processEvents()
        for i, step in enumerate(steps):
            t0 = time.perf_counter()
            step()
            if grab is None:
                self.app.processEvents()
            else:
                self._flush_layouts()
                grab()
            t1 = time.perf_counter()
            if grab is not None:
                self.app.processEvents()  # untimed: timers, the backing store's own paint
            if i >= WARMUP_FRAMES:
                series.frames_s.append(t1 - t0)
        return series


def scrub_series(bench: Bench, shell, screen, min_frames: int,
                 drag_step_days: int, quick: bool) -> tuple[Series, Series, Series]:
    from minusma_kiosk.content.timeline import FIRST_DAY, LAST_DAY

    cursor = shell.time_cursor
    events = list(cursor.timeline.events)
    screen.reset()
    bench.app.processEvents()
    if quick and len(events) > min_frames:  # smoke run: every k-th event only
        events = events[::math.ceil(len(events) / min_frames)]
    passes = max(1, math.ceil((min_frames + WARMUP_FRAMES) / len(events)))
    order = events * passes  # a repeat starts again at the first event (a real change)
    select_steps = [lambda e=e: cursor.select(e) for e in order]
    select = bench.frames("select", select_steps)
    select_full = bench.frames("select, whole window", select_steps, shell.grab)

    screen.reset()  # no selection, cursor on the first event
    cursor.select(None)
    bench.app.processEvents()
    days = []
    day = FIRST_DAY
    while day <= LAST_DAY:
        days.append(day)
        day += dt.timedelta(days=drag_step_days)
    drag_steps = [lambda d=d: cursor.set_date(d) for d in days]
    drag = bench.frames("drag", drag_steps)
    return select, drag, select_full


def zoom_series(bench: Bench, screen, frames: int) -> Series:
    from PySide6.QtCore import QPointF

    view = screen.map
    # The map's public setter (it was the private ``_apply`` before the map split).
    set_view = getattr(view, "set_view", None) or view._apply
    screen.reset()
    bench.app.processEvents()
    b = view._bounds
    cx, cy, rx, ry = b.center().x(), b.center().y(), b.width() * 0.3, b.height() * 0.3
    half = max(1, frames // 2)
    steps = []
    for i in range(WARMUP_FRAMES + 2 * half + 1):
        k = min(i, 2 * half)  # 0 .. 2*half, warm-up frames at zoom 1
        up = k / half if k <= half else (2 * half - k) / half  # 0 -> 1 -> 0
        zoom = MAX_ZOOM ** up
        angle = 2 * math.pi * k / (2 * half)
        centre = QPointF(cx + rx * math.sin(angle), cy - ry * (1 - math.cos(angle)) / 2)
        steps.append(lambda z=zoom, c=centre: set_view(z, c))
    series = bench.frames("zoom/pan", steps)
    screen.reset()
    return series


# --------------------------------------------------------------------------- #
# Main
# --------------------------------------------------------------------------- #

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Print timeline figures at 1920x1080 offscreen: time to open the "
                    "timeline screen, frame times while scrubbing and zooming, content "
                    "load time, with the bundled content and with 2,000 synthetic events.")
    p.add_argument("--quick", action="store_true",
                   help=f"smoke run: {QUICK_RUNS} shells per content, fewer frames and "
                        "loads (figures not meaningful)")
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="also write the figures as JSON to OUT")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    runs = QUICK_RUNS if args.quick else RUNS
    loads = QUICK_LOADS if args.quick else LOADS
    min_scrub = QUICK_SCRUB_FRAMES if args.quick else MIN_SCRUB_FRAMES
    drag_step = QUICK_DRAG_STEP_DAYS if args.quick else DRAG_STEP_DAYS
    zoom_frames = QUICK_ZOOM_FRAMES if args.quick else ZOOM_FRAMES

    with tempfile.TemporaryDirectory(prefix="minusma-bench-timeline-") as tmp:
        workdir = Path(tmp)
        qpa = setup_platform(workdir)  # before any QApplication exists

        from minusma_kiosk import resources
        from minusma_kiosk.app import load_with_fallback

        synthetic_dir = workdir / "content"
        write_synthetic_content(resources.content_dir(), synthetic_dir, SYNTHETIC_EVENTS)
        contents = {"real": load_with_fallback(None),
                    "2000 events": load_with_fallback(synthetic_dir)}
        synthetic = contents["2000 events"]
        if synthetic.rejected is not None:
            print(f"the synthetic content in {synthetic_dir} was rejected:", file=sys.stderr)
            for problem in synthetic.rejected.problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
        n_events = {k: len(v.content.timeline.events) for k, v in contents.items()}
        assert n_events["2000 events"] == SYNTHETIC_EVENTS, n_events

        import PySide6
        from PySide6.QtCore import qVersion

        bench = Bench()
        print("timeline benchmark (in-process, full-window repaints with QWidget.grab)")
        print(f"  python {sys.executable} ({platform.python_version()}), "
              f"PySide6 {PySide6.__version__}, Qt {qVersion()}")
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
        print(f"  machine: {platform.machine()}, {os.cpu_count()} cores "
              f"({usable} usable), {platform.platform()}")
        print(f"  QT_QPA_PLATFORM={qpa}; window {WIDTH}x{HEIGHT}, "
              f"{bench.app.primaryScreen().size().width()}x"
              f"{bench.app.primaryScreen().size().height()} screen")
        commit = checkout_commit()
        print(f"  events: real {n_events['real']}, synthetic {n_events['2000 events']}"
              + (f"; checkout at {commit}" if commit else ""))
        print(f"  {runs} fresh shells per content"
              f"{' (--quick: smoke run only)' if args.quick else ''}", flush=True)

        figures: dict = {"quick": args.quick, "runs": runs, "qt_qpa_platform": qpa,
                         "cores": os.cpu_count(), "commit": commit,
                         "python": platform.python_version(), "pyside6": PySide6.__version__,
                         "events": n_events, "contents": {}}

        from minusma_kiosk.ui.router import ScreenId

        # 1. open, cold first (real content, first import of the timeline modules)
        cold_s, cold_grab_s = None, None
        opens: dict[str, list[float]] = {k: [] for k in contents}
        regrabs: dict[str, list[float]] = {k: [] for k in contents}
        last_shell = {}
        for key, loaded in contents.items():
            for i in range(runs + (1 if key == "real" else 0)):
                shell = bench.new_shell(loaded)
                took, regrab = bench.open_screen(shell, ScreenId.TIMELINE)
                if key == "real" and i == 0:
                    cold_s, cold_grab_s = took, regrab
                else:
                    opens[key].append(took)
                    regrabs[key].append(regrab)
                if i == runs - (0 if key == "real" else 1):
                    last_shell[key] = shell  # kept for the frame series
                else:
                    bench.dispose(shell)

        # 2-3. frames, on the last shell of each content
        series: dict[str, dict[str, Series]] = {}
        for key in contents:
            shell = last_shell[key]
            screen = shell.router.screen(ScreenId.TIMELINE)
            select, drag, select_full = scrub_series(bench, shell, screen, min_scrub,
                                                     drag_step, args.quick)
            zoom = zoom_series(bench, screen, zoom_frames)
            series[key] = {"select": select, "drag": drag, "zoom": zoom,
                           "select_full": select_full}
            bench.dispose(shell)

        # 5. content load
        load_s = time_loads(synthetic_dir, loads)
        load_geo_s = time_loads(synthetic_dir, loads, check_geography=True)
        load_real_s = time_loads(resources.content_dir(), loads)

    # --- report -------------------------------------------------------------------
    ms = 1000
    print()
    print(f"open timeline screen (navigate + processEvents + grab), cold (first shell, real, "
          f"imports included): {cold_s * ms:.1f} ms (of which ~{cold_grab_s * ms:.1f} ms "
          "is one full repaint)")
    for key in contents:
        med = statistics.median(opens[key]) * ms
        print(f"  {key:<12} median {med:6.1f} ms  min {min(opens[key]) * ms:6.1f}  "
              f"max {max(opens[key]) * ms:6.1f}  (n={len(opens[key])}; a full repaint "
              f"~{statistics.median(regrabs[key]) * ms:.1f} ms)  "
              f"target <= {TARGET_OPEN_MS:.0f}: {verdict(med, TARGET_OPEN_MS)}")
        figures["contents"].setdefault(key, {})["open"] = {
            "median_ms": med, "samples_ms": [s * ms for s in opens[key]],
            "full_repaint_median_ms": statistics.median(regrabs[key]) * ms,
            "target_ms": TARGET_OPEN_MS, "pass": med <= TARGET_OPEN_MS}
    figures["open_cold_ms"] = cold_s * ms

    print()
    header = ("content", "series", "frames", "p50 ms", "p95 ms", "max ms", "target p95", "")
    rows = []
    for key in contents:
        for name, s in series[key].items():
            target = TARGET_ZOOM_P95_MS if name == "zoom" else TARGET_SCRUB_P95_MS[key]
            what = {"select": "scrub: select each event, event loop paints",
                    "drag": f"scrub: set_date every {drag_step} d, event loop paints",
                    "zoom": "zoom 1->6->1 + pan, event loop paints",
                    "select_full": "  (info) select + whole-window grab"}[name]
            judged = name != "select_full"
            rows.append((key, what, str(len(s.frames_s)), f"{s.p50_ms:.2f}", f"{s.p95_ms:.2f}",
                         f"{s.max_ms:.2f}", f"<= {target:.0f}" if judged else "",
                         verdict(s.p95_ms, target) if judged else ""))
            figures["contents"][key][name] = {**s.as_json(), "target_p95_ms": target,
                                              "pass": s.p95_ms <= target}
    print_table(header, rows, left=2)
    total = sum(len(s.frames_s) for v in series.values() for s in v.values())
    print(f"frames measured: {total} (after {WARMUP_FRAMES} warm-up frames per series)")

    print()
    med_load = statistics.median(load_s) * ms
    print(f"content load, {SYNTHETIC_EVENTS} events, load_content(folder) as at start-up: "
          f"median {med_load:.1f} ms (min {min(load_s) * ms:.1f}, n={len(load_s)})  "
          f"target <= {TARGET_LOAD_MS:.0f}: {verdict(med_load, TARGET_LOAD_MS)}")
    print(f"  for information: with check_geography=True "
          f"{statistics.median(load_geo_s) * ms:.1f} ms; bundled content "
          f"({n_events['real']} events) {statistics.median(load_real_s) * ms:.1f} ms")
    figures["load"] = {
        "median_ms": med_load, "samples_ms": [s * ms for s in load_s],
        "check_geography_median_ms": statistics.median(load_geo_s) * ms,
        "check_geography_samples_ms": [s * ms for s in load_geo_s],
        "bundled_median_ms": statistics.median(load_real_s) * ms,
        "target_ms": TARGET_LOAD_MS, "pass": med_load <= TARGET_LOAD_MS}

    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
