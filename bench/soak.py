"""Soak benchmark: thousands of random touches on the kiosk, looking for leaks and errors.

Run ``python bench/soak.py`` (from a checkout or with the package installed). It
prints figures with PASS/FAIL against the issue's targets and exits 0 whatever
they are; it is not a test.

One kiosk shell (``Options(mode="kiosk", animation="full")``, 1920x1080
offscreen, the bundled content, analytics into a temporary database) runs the
attract loop, then receives ``--count`` random interactions through Qt's real
touch pipeline (``QTest.touchEvent`` on the window):

* 70 % one-finger taps anywhere on the window (buttons, map, strip, chips,
  charts, cards, the navigation bar, the language button);
* 20 % one-finger swipes (8 steps; a random direction and length up to 600 px);
* 10 % two-finger pinches (6 steps; spreading or closing up to 300 px);

and the event loop runs between them (``processEvents``). Every 250
interactions the visit is ended as the idle reset ends it (``end_visit``:
"Still there?" unanswered, everything reset, attract loop again), so resets,
the attract loop and the first touch are exercised as often as the screens.
Timers run on their own (autoplay, animations).

Figures:

* **exceptions**: uncaught Python exceptions (``sys.excepthook``, which slots
  and event handlers reach). Target 0.
* **Qt warnings**: messages of type warning or worse from Qt's message handler.
  Target 0.
* **RSS** (``VmRSS`` of this process) after a warm-up of 500 interactions and at
  the end. Target: growth <= 5 MB.
* **RSS every 1,000 interactions** (information: a plateau is caches filling,
  a steady climb is a leak).
* **interactions per second** (information).

``--count N`` (default 10,000), ``--seed S`` (default 1), ``--quick`` (1,000).
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import tempfile
import time
from pathlib import Path

from _common import HEIGHT, WIDTH, checkout_commit, setup_platform, verdict

WARMUP = 500
RESET_EVERY = 250
TARGET_RSS_GROWTH_MB = 5.0


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="Random touches on the kiosk: exceptions, Qt "
                                            "warnings, memory growth, interactions per second.")
    p.add_argument("--count", type=int, default=10_000)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--quick", action="store_true", help="1,000 interactions (smoke run)")
    args = p.parse_args(argv)
    count = 1_000 if args.quick else args.count
    with tempfile.TemporaryDirectory(prefix="minusma-bench-soak-") as tmp:
        import os

        os.environ["MINUSMA_KIOSK_HOME"] = str(Path(tmp) / "home")
        qpa = setup_platform(Path(tmp))
        return run(count, args.seed, qpa, Path(tmp))


def run(count: int, seed: int, qpa: str, tmp: Path) -> int:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import QPoint, QtMsgType, qInstallMessageHandler
    from PySide6.QtTest import QTest

    from minusma_kiosk.app import Options, create_application, create_shell, load_with_fallback
    from minusma_kiosk.kiosk.analytics import Analytics
    from minusma_kiosk.kiosk.visit_report import summarize
    from minusma_kiosk.ui.capture import settle
    from minusma_kiosk.ui.visit_recorder import VisitRecorder

    warnings: list[str] = []
    exceptions: list[str] = []

    def on_message(kind, _context, message) -> None:
        if kind in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            if "propagateSizeHints" not in message:  # offscreen platform noise
                warnings.append(message)

    def on_exception(kind, value, tb) -> None:
        import traceback

        exceptions.append("".join(traceback.format_exception(kind, value, tb))[-600:])

    qInstallMessageHandler(on_message)
    sys.excepthook = on_exception
    app = create_application()
    loaded = load_with_fallback(None)
    shell = create_shell(loaded, Options(mode="kiosk", animation="full", diagonal_inches=32))
    db = tmp / "visits.sqlite3"
    recorder = VisitRecorder(shell, Analytics(db))
    shell.resize(WIDTH, HEIGHT)
    shell.show()
    settle()
    kiosk = shell.kiosk
    kiosk.start_attract()
    device = QTest.createTouchDevice()
    rng = random.Random(seed)

    def point() -> QPoint:
        return QPoint(rng.randrange(WIDTH), rng.randrange(HEIGHT))

    def clamp(q: QPoint) -> QPoint:
        return QPoint(min(max(q.x(), 0), WIDTH - 1), min(max(q.y(), 0), HEIGHT - 1))

    def tap() -> None:
        q = point()
        QTest.touchEvent(shell, device).press(0, q, shell).commit()
        QTest.touchEvent(shell, device).release(0, q, shell).commit()

    def swipe() -> None:
        start = point()
        dx, dy = rng.randint(-600, 600), rng.randint(-300, 300)
        QTest.touchEvent(shell, device).press(0, start, shell).commit()
        for i in range(1, 9):
            QTest.touchEvent(shell, device).move(
                0, clamp(start + QPoint(dx * i // 8, dy * i // 8)), shell).commit()
        QTest.touchEvent(shell, device).release(0, clamp(start + QPoint(dx, dy)), shell).commit()

    def pinch() -> None:
        centre = point()
        spread = rng.randint(-300, 300)
        a0, b0 = centre - QPoint(100, 0), centre + QPoint(100, 0)
        QTest.touchEvent(shell, device).press(0, clamp(a0), shell).press(1, clamp(b0),
                                                                           shell).commit()
        for i in range(1, 7):
            d = QPoint(spread * i // 12, 0)
            QTest.touchEvent(shell, device).move(0, clamp(a0 - d), shell).move(
                1, clamp(b0 + d), shell).commit()
        d = QPoint(spread // 2, 0)
        QTest.touchEvent(shell, device).release(0, clamp(a0 - d), shell).release(
            1, clamp(b0 + d), shell).commit()

    actions = [tap] * 7 + [swipe] * 2 + [pinch]
    rss_start = None
    curve: list[tuple[int, float]] = []
    resets = 0
    t0 = time.perf_counter()
    for n in range(1, count + 1):
        rng.choice(actions)()
        app.processEvents()
        if n % RESET_EVERY == 0:
            kiosk.end_visit("idle")
            resets += 1
            app.processEvents()
        if n == WARMUP:
            gc.collect()
            rss_start = rss_mb()
            t_warm = time.perf_counter()
        if n % 1000 == 0:
            curve.append((n, rss_mb()))
    elapsed = time.perf_counter() - t0
    gc.collect()
    app.processEvents()
    rss_end = rss_mb()
    measured = count - WARMUP if count > WARMUP else count
    per_s = measured / (time.perf_counter() - t_warm) if count > WARMUP else count / elapsed
    kiosk.stop()
    recorder.close()
    visits = summarize(db)
    sessions = sum(n for _, n in visits.sessions_per_day)
    shell.may_close = True
    shell.close()

    growth = rss_end - (rss_start if rss_start is not None else rss_end)
    print(f"soak benchmark: {count} random touch interactions on the kiosk (seed {seed})")
    print(f"  PySide6 {pyside_version}; QT_QPA_PLATFORM={qpa}; window {WIDTH}x{HEIGHT}; "
          f"checkout {checkout_commit()}")
    print(f"  mix: 70% taps, 20% swipes, 10% pinches; a visit ended every {RESET_EVERY} "
          f"({resets} resets); {sessions} visits recorded by the analytics")
    print()
    print(f"exceptions: {len(exceptions)}  target 0: {verdict(len(exceptions), 0)}")
    for text in exceptions[:3]:
        print("  " + text.replace("\n", "\n  "))
    print(f"Qt warnings: {len(warnings)}  target 0: {verdict(len(warnings), 0)}")
    for text in sorted(set(warnings))[:5]:
        print(f"  {text}")
    print(f"RSS after {WARMUP} interactions {rss_start:.1f} MB, at the end {rss_end:.1f} MB: "
          f"growth {growth:+.1f} MB  target <= {TARGET_RSS_GROWTH_MB:g}: "
          f"{verdict(growth, TARGET_RSS_GROWTH_MB)}")
    print("RSS every 1,000 interactions (MB): "
          + ", ".join(f"{n // 1000}k {mb:.1f}" for n, mb in curve))
    print(f"interactions per second: {per_s:.0f} (total {elapsed:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
