"""Display-change benchmark: how long each visitor setting takes to apply, on each screen.

Run ``python bench/display.py`` (from a checkout or with the package installed).
It prints figures; it is not a test and exits 0 whatever they are.

For every screen (home, timeline, budget, cards, sources) at 1920x1080 the
exhibit is shown, then each display change is made the way the "Aa" panel and the
language button make it (``AppState.set_access`` / ``set_language``), back and
forth ``--runs`` times: text size 100 -> 150 %, high contrast on and off, less
motion on and off, English <-> French. One sample is the wall time from the
change until the window has been laid out and painted again (the change, then
``processEvents`` and ``grab()`` of the window, as a screenshot does). The first
two changes of each kind are not counted (caches warming up).

A hidden screen is restyled when it is next shown, not while hidden, so the
second table gives that deferred part: the time to open each screen from the
home screen right after a change was made there, beside the time to open it with
nothing changed (both: navigate, then laid out and painted).

Targets (issue #13, at 1920x1080): less motion <= 50 ms, high contrast <= 150 ms,
text size <= 250 ms, language <= 250 ms (the p95 is compared).
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

from _common import Series, checkout_commit, print_table, setup_platform, verdict, write_json

TARGETS_MS = {"less motion": 50.0, "high contrast": 150.0, "text size": 250.0,
              "language": 250.0}
WARMUP = 2


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--runs", type=int, default=10, help="changes of each kind per screen")
    p.add_argument("--quick", action="store_true", help="3 changes of each kind (smoke run)")
    p.add_argument("--json", type=Path, metavar="OUT")
    args = p.parse_args(argv)
    runs = 3 if args.quick else max(args.runs, 3)
    with tempfile.TemporaryDirectory(prefix="minusma-bench-display-") as tmp:
        platform = setup_platform(Path(tmp))
        from _common import ShellBench
        from PySide6 import __version__ as pyside_version

        from minusma_kiosk.app import load_with_fallback
        from minusma_kiosk.ui.router import ScreenId

        bench = ShellBench("full")
        loaded = load_with_fallback(None)
        shell = bench.new_shell(loaded)
        print("display-change benchmark: setting applied -> window laid out and painted")
        print(f"  PySide6 {pyside_version}; QT_QPA_PLATFORM={platform}; window 1920x1080; "
              f"checkout {checkout_commit()}; {runs} changes of each kind per screen "
              f"(+{WARMUP} not counted)")
        state = shell.state
        changes = {
            "text size": (lambda: state.set_access(text_size=150),
                          lambda: state.set_access(text_size=100)),
            "high contrast": (lambda: state.set_access(high_contrast=True),
                              lambda: state.set_access(high_contrast=False)),
            "less motion": (lambda: state.set_access(reduced_motion=True),
                            lambda: state.set_access(reduced_motion=False)),
            "language": (lambda: state.set_language("fr"), lambda: state.set_language("en")),
        }
        series: dict[tuple[str, str], Series] = {}
        for sid in shell.router.registered():
            bench.open_screen(shell, sid)
            for name, (there, back) in changes.items():
                s = series[(sid.value, name)] = Series(f"{sid.value} {name}")
                for i in range(runs + WARMUP):
                    for change in (there, back):
                        gc.collect()
                        t0 = time.perf_counter()
                        change()
                        bench.app.processEvents()
                        shell.grab()
                        if i >= WARMUP:
                            s.frames_s.append(time.perf_counter() - t0)
        # The deferred part: open a screen after a change made on the home screen.
        opened: dict[tuple[str, str], Series] = {}
        for sid in shell.router.registered():
            if sid is ScreenId.HOME:
                continue
            kinds = {"nothing changed": (lambda: None, lambda: None), **changes}
            for name, (there, back) in kinds.items():
                s = opened[(sid.value, name)] = Series(f"{sid.value} open after {name}")
                for i in range(runs + WARMUP):
                    for change in (there, back):
                        bench.open_screen(shell, ScreenId.HOME)
                        change()
                        bench.app.processEvents()
                        took, _again = bench.open_screen(shell, sid)
                        if i >= WARMUP:
                            s.frames_s.append(took)
        bench.open_screen(shell, ScreenId.HOME)
        bench.dispose(shell)
    rows, figures = [], {}
    for (screen, name), s in series.items():
        rows.append((screen, name, f"{s.p50_ms:.1f}", f"{s.p95_ms:.1f}", f"{s.max_ms:.1f}",
                     f"{TARGETS_MS[name]:.0f}", verdict(s.p95_ms, TARGETS_MS[name])))
        figures[f"{screen}/{name}"] = s.as_json()
    print()
    print_table(("screen", "change", "p50 ms", "p95 ms", "max ms", "target", ""), rows, left=2)
    worst = {name: max(s.p95_ms for (_scr, n), s in series.items() if n == name)
             for name in changes}
    print()
    for name, value in worst.items():
        print(f"{name}: worst p95 {value:.1f} ms over the screens (target <= "
              f"{TARGETS_MS[name]:.0f}): {verdict(value, TARGETS_MS[name])}")
    print()
    print("opening a screen from home right after a change there (the hidden screen's "
          "restyle, deferred to its showing)")
    rows = []
    for (screen, name), s in opened.items():
        rows.append((screen, name, f"{s.p50_ms:.1f}", f"{s.p95_ms:.1f}", f"{s.max_ms:.1f}"))
        figures[f"{screen}/open after {name}"] = s.as_json()
    print_table(("screen", "after", "p50 ms", "p95 ms", "max ms"), rows, left=2)
    write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
