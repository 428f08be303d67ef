"""Charts benchmark: opening the budget charts screen, and its frames.

Run ``python bench/charts.py`` (from a checkout or with the package installed).
It prints figures with PASS/FAIL against the targets; it is not a test and exits
0 whatever they are.

Everything runs in this process, on Qt's ``offscreen`` platform with a
1920x1080 screen (unless ``QT_QPA_PLATFORM`` is already set, which is then left
as it is), in a 1920x1080 window built as the app builds it:
``load_with_fallback(None)`` -> ``create_application()`` -> ``create_shell(loaded,
Options(animation="full", diagonal_inches=32))`` -> ``resize(1920, 1080)`` ->
``show()``. Wall times are ``time.perf_counter()``.

* **pyqtgraph import** (information): ``import pyqtgraph`` timed after PySide6
  (QtCore, QtGui, QtWidgets) is imported, before anything else. The charts
  screen imports it on first use; here it is already loaded, so "open" below
  does not include it.
* **open**: a fresh shell is built, shown and settled on the home screen; then
  the time from just before ``shell.router.navigate(ScreenId.BUDGET)`` (the
  screen is not built yet) until after ``QApplication.processEvents()`` and a
  ``shell.grab()`` of the window. Median/min/max of ``--runs`` fresh shells. The
  very first shell also pays the first import of the charts module (pyqtgraph
  itself already loaded): it is reported apart as "cold", not in the median.
* **animation** (coming in): for each chart (``screen.show_chart(chart)``, then
  the running ``chart_grow`` animation is stopped, untimed), the frame time of
  ``screen.chart_plot.grow_to(v)`` + ``QApplication.processEvents()`` (the
  event loop paints what changed) for v = 0 .. 1 in 40 steps: bars grow, lines
  draw from the left.
* **morph** (a new year): for each chart over time, the cursor is put in its
  first year and the chart drawn (untimed), then moved to its last year (the
  ``chart_morph`` animation it starts is stopped, untimed), and the frame time of
  ``screen.chart_plot.morph_to(v)`` + processEvents for v = 0 .. 1 in 40 steps
  (the year marker slides, the bar colours cross-fade).
* **step a year**: ``screen.step_year(+1)`` + processEvents on every chart over
  time, from its first year to its last (the morph it starts is stopped after
  the frame, untimed): the cursor moves, the year control and callout update.
* **switch chart**: ``screen.show_chart(c)`` + processEvents, cycling through
  every chart (the grow animation it starts is stopped after the frame,
  untimed).
* **tap a bar**: ``screen.select_point(i)`` + processEvents, every point of
  every chart in turn.

The first 5 frames of each series (of each chart, for the animation) are a
warm-up and are not counted. Frame figures are p50 and p95.

Targets: open <= 150 ms (median); animation and morph p95 <= 8 ms. Switch, tap
and step are reported against 16 ms (one 60 Hz frame).

``--quick`` is a smoke run (2 shells, fewer frames: figures not meaningful);
``--runs N`` sets the number of fresh shells for "open" (default 10);
``--json OUT`` also writes the figures as JSON.

Standard library plus the project's own dependencies (PySide6, pyqtgraph).
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
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

RUNS, QUICK_RUNS = 10, 2
GROW_STEPS, QUICK_GROW_STEPS = 40, 10
SWITCH_PASSES, QUICK_SWITCH_PASSES = 6, 2
TAP_PASSES, QUICK_TAP_PASSES = 3, 1

TARGET_OPEN_MS = 150.0
TARGET_ANIM_P95_MS = 8.0
TARGET_INTERACTION_P95_MS = 16.0


# --------------------------------------------------------------------------- #
# Qt measurements
# --------------------------------------------------------------------------- #

class Bench(ShellBench):
    """Shells built with animation "full", and this bench's timings."""

    def __init__(self) -> None:
        super().__init__(animation="full")

    def frames(self, label: str, steps: list[Callable[[], None]],
               after: Callable[[], None] | None = None) -> Series:
        """Time ``step(); processEvents()`` for each step, after a warm-up.

        ``after`` (untimed) runs after each frame.
        """
        series = Series(label)
        gc.collect()
        self.app.processEvents()
        for i, step in enumerate(steps):
            t0 = time.perf_counter()
            step()
            self.app.processEvents()
            t1 = time.perf_counter()
            if after is not None:
                after()
            if i >= WARMUP_FRAMES:
                series.frames_s.append(t1 - t0)
        return series


def quiet(bench: Bench, screen) -> None:
    """Stop the animations (chart whole, marker in place) and let the loop paint, untimed."""
    screen.chart_plot.stop()
    bench.app.processEvents()


def timed_charts(screen, charts) -> list:
    """The charts over time the cursor can move through (two years or more)."""
    from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY
    from minusma_kiosk.content.periods import reachable

    return [c for c in charts if len(reachable(c, FIRST_DAY, LAST_DAY)) >= 2]


def morph_series(bench: Bench, screen, charts, steps: int) -> Series:
    from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY
    from minusma_kiosk.content.periods import point_period, reachable

    series = Series("morph")
    values = [i / steps for i in range(steps + 1)]
    for chart in charts:
        years = reachable(chart, FIRST_DAY, LAST_DAY)
        screen._cursor.set_date(max(point_period(chart, years[0])[0], FIRST_DAY))
        screen.show_chart(chart)
        quiet(bench, screen)
        screen._cursor.set_date(point_period(chart, years[-1])[0])
        screen.chart_plot._morph.stop()  # driven by hand below, deterministically
        one = bench.frames(chart.id, [lambda v=v: screen.chart_plot.morph_to(v) for v in values])
        series.frames_s += one.frames_s
        quiet(bench, screen)
    return series


def step_series(bench: Bench, screen, charts, passes: int) -> Series:
    from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY
    from minusma_kiosk.content.periods import point_period, reachable

    series = Series("step")
    for _ in range(passes):
        for chart in charts:
            years = reachable(chart, FIRST_DAY, LAST_DAY)
            screen._cursor.set_date(max(point_period(chart, years[0])[0], FIRST_DAY))
            screen.show_chart(chart)
            quiet(bench, screen)
            one = bench.frames(chart.id, [lambda: screen.step_year(+1)] * (len(years) - 1),
                               after=lambda: quiet(bench, screen))
            series.frames_s += one.frames_s
    return series


def animation_series(bench: Bench, screen, charts, steps: int) -> dict[str, Series]:
    out = {}
    values = [i / steps for i in range(steps + 1)]
    for chart in charts:
        screen.show_chart(chart)
        screen.chart_plot._grow.stop()  # driven by hand below, deterministically
        bench.app.processEvents()
        out[chart.id] = bench.frames(
            chart.id, [lambda v=v: screen.chart_plot.grow_to(v) for v in values])
        quiet(bench, screen)
    return out


def switch_series(bench: Bench, screen, charts, passes: int) -> Series:
    quiet(bench, screen)
    order = list(charts) * passes
    return bench.frames("switch", [lambda c=c: screen.show_chart(c) for c in order],
                        after=lambda: quiet(bench, screen))


def tap_series(bench: Bench, screen, charts, passes: int) -> Series:
    """Tap every point of every chart; the switch to each chart is untimed."""
    series = Series("tap")
    n = 0
    for _ in range(passes):
        for chart in charts:
            screen.show_chart(chart)
            quiet(bench, screen)
            gc.collect()
            for i in range(len(chart.points)):
                t0 = time.perf_counter()
                screen.select_point(i)
                bench.app.processEvents()
                t1 = time.perf_counter()
                if n >= WARMUP_FRAMES:
                    series.frames_s.append(t1 - t0)
                n += 1
    return series


# --------------------------------------------------------------------------- #
# Main
# --------------------------------------------------------------------------- #

def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Print budget-chart figures at 1920x1080 offscreen: time to open the "
                    "charts screen (pyqtgraph already loaded), frame times of the bars' "
                    "grow animation, of switching charts and of tapping a bar.")
    p.add_argument("--quick", action="store_true",
                   help=f"smoke run: {QUICK_RUNS} shells, fewer frames "
                        "(figures not meaningful)")
    p.add_argument("--runs", type=int, default=None, metavar="N",
                   help=f"fresh shells for the open time (default {RUNS}, "
                        f"{QUICK_RUNS} with --quick)")
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="also write the figures as JSON to OUT")
    args = p.parse_args(argv)
    if args.runs is not None and args.runs < 1:
        p.error("--runs must be at least 1")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    runs = args.runs if args.runs is not None else (QUICK_RUNS if args.quick else RUNS)
    grow_steps = QUICK_GROW_STEPS if args.quick else GROW_STEPS
    switch_passes = QUICK_SWITCH_PASSES if args.quick else SWITCH_PASSES
    tap_passes = QUICK_TAP_PASSES if args.quick else TAP_PASSES

    with tempfile.TemporaryDirectory(prefix="minusma-bench-charts-") as tmp:
        qpa = setup_platform(Path(tmp))  # before any QApplication exists

        import PySide6
        from PySide6 import QtCore, QtGui, QtWidgets  # noqa: F401  (not in pyqtgraph's time)
        from PySide6.QtCore import qVersion

        t0 = time.perf_counter()
        import pyqtgraph
        import_pg_s = time.perf_counter() - t0

        from minusma_kiosk.app import load_with_fallback
        from minusma_kiosk.ui.router import ScreenId

        loaded = load_with_fallback(None)
        charts = list(loaded.content.charts)
        if not charts:
            print("the bundled content has no charts: nothing to measure", file=sys.stderr)
            return 1
        charts_module = "minusma_kiosk.ui.screens.charts"
        assert charts_module not in sys.modules, "charts module imported before the cold open"

        bench = Bench()
        commit = checkout_commit()
        usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
        print("charts benchmark (in-process; frames = step + processEvents, the event loop "
              "paints what changed)")
        print(f"  python {sys.executable} ({platform.python_version()}), "
              f"PySide6 {PySide6.__version__}, Qt {qVersion()}, "
              f"pyqtgraph {pyqtgraph.__version__}")
        print(f"  machine: {platform.machine()}, {os.cpu_count()} cores "
              f"({usable} usable), {platform.platform()}")
        print(f"  QT_QPA_PLATFORM={qpa}; window {WIDTH}x{HEIGHT}, "
              f"{bench.app.primaryScreen().size().width()}x"
              f"{bench.app.primaryScreen().size().height()} screen")
        print(f"  charts: {len(charts)} ("
              + ", ".join(f"{c.id} {c.kind.value} {len(c.points)}" for c in charts) + ")"
              + (f"; checkout at {commit}" if commit else ""))
        print(f"  Options(animation='full', diagonal_inches=32); {runs} fresh shells for open"
              f"{' (--quick: smoke run only)' if args.quick else ''}", flush=True)

        figures: dict = {"quick": args.quick, "runs": runs, "qt_qpa_platform": qpa,
                         "cores": os.cpu_count(), "commit": commit,
                         "python": platform.python_version(), "pyside6": PySide6.__version__,
                         "qt": qVersion(), "pyqtgraph": pyqtgraph.__version__,
                         "import_pyqtgraph_ms": import_pg_s * 1000}

        # 1. open: cold first (first import of the charts module), then `runs` more
        cold_s = None
        opens: list[float] = []
        shell = None
        for i in range(runs + 1):
            shell = bench.new_shell(loaded)
            took, _ = bench.open_screen(shell, ScreenId.BUDGET)
            if i == 0:
                cold_s = took
            else:
                opens.append(took)
            if i < runs:
                bench.dispose(shell)

        # 2. frames, on the last shell (left on the charts screen)
        screen = shell.router.screen(ScreenId.BUDGET)
        assert screen.chart_plot._grow.objectName() == "chart_grow"
        assert screen.isVisible()
        charts = list(shell.content.charts)
        anim = animation_series(bench, screen, charts, grow_steps)
        anim_all = Series("animation", [s for c in charts for s in anim[c.id].frames_s])
        timed = timed_charts(screen, charts)
        morph = morph_series(bench, screen, timed, grow_steps)
        switch = switch_series(bench, screen, charts, switch_passes)
        tap = tap_series(bench, screen, charts, tap_passes)
        step = step_series(bench, screen, timed, tap_passes)
        bench.dispose(shell)

    # --- report -------------------------------------------------------------------
    ms = 1000
    print()
    print(f"import pyqtgraph (after PySide6, for information): {import_pg_s * ms:.1f} ms")
    print(f"open charts screen (navigate + processEvents + grab), cold (first shell, first "
          f"import of the charts module, pyqtgraph already loaded): {cold_s * ms:.1f} ms")
    med = statistics.median(opens) * ms
    print(f"  warm  median {med:6.1f} ms  min {min(opens) * ms:6.1f}  "
          f"max {max(opens) * ms:6.1f}  (n={len(opens)})  "
          f"target <= {TARGET_OPEN_MS:.0f}: {verdict(med, TARGET_OPEN_MS)}")
    figures["open_cold_ms"] = cold_s * ms
    figures["open"] = {"median_ms": med, "min_ms": min(opens) * ms, "max_ms": max(opens) * ms,
                       "samples_ms": [s * ms for s in opens], "target_ms": TARGET_OPEN_MS,
                       "pass": med <= TARGET_OPEN_MS}

    print()
    header = ("series", "frames", "p50 ms", "p95 ms", "max ms", "target p95", "")
    rows = []
    judged: list[tuple[str, Series, float | None]] = [
        (f"animation, {len(charts)} charts, {grow_steps} steps each", anim_all,
         TARGET_ANIM_P95_MS)]
    judged += [(f"  {c.id} ({c.kind.value})", anim[c.id], None) for c in charts]
    judged += [(f"morph to a new year, {len(timed)} charts", morph, TARGET_ANIM_P95_MS),
               ("switch chart (show_chart)", switch, TARGET_INTERACTION_P95_MS),
               ("tap a bar (select_point)", tap, TARGET_INTERACTION_P95_MS),
               ("step a year (step_year)", step, TARGET_INTERACTION_P95_MS)]
    figures["frames"] = {}
    for what, s, target in judged:
        rows.append((what, str(len(s.frames_s)), f"{s.p50_ms:.2f}", f"{s.p95_ms:.2f}",
                     f"{s.max_ms:.2f}", f"<= {target:.0f}" if target else "",
                     verdict(s.p95_ms, target) if target else ""))
        entry = s.as_json()
        if target:
            entry.update(target_p95_ms=target, passed=s.p95_ms <= target)
        figures["frames"][what.strip()] = entry
    print_table(header, rows)
    total = sum(len(s.frames_s) for s in (*anim.values(), morph, switch, tap, step))
    print(f"frames measured: {total} (after {WARMUP_FRAMES} warm-up frames per series, "
          "per chart for the animation)")

    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
