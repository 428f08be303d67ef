"""Start-up benchmark: process start -> first painted frame of the home screen.

Run ``python bench/startup.py`` (from a checkout or with the package installed).
It prints figures; it is not a test and exits 0 whatever they are, unless a
child process fails.

What is measured
----------------
For each variant a fresh child process is spawned and the wall time is taken
with ``time.perf_counter()`` from just before the spawn until the child's
marker line ``FIRST_FRAME maxrss_kib=<int>`` has been read from its stdout.
A child prints that line right after the first ``QEvent.Paint`` of its
top-level window (from a zero-delay timer, i.e. once the paint has finished),
together with its peak resident set size (``resource.getrusage(RUSAGE_SELF)
.ru_maxrss``, KiB on Linux), and then quits.

Variants, all with a 1600x900 window (clamped to the screen, as the app does):

* ``home screen``   -- ``python -m minusma_kiosk --bench-first-frame``: the
  exhibit started normally (window mode), marker printed by the app itself;
* ``bare QWidget``  -- a QApplication showing an empty QWidget (the floor that
  any PySide6 program pays);
* ``bare PlotWidget`` -- the same with ``pyqtgraph.PlotWidget()`` (what a
  start-up path that pulls in pyqtgraph would pay);
* ``frozen``        -- with ``--frozen DIR``: ``DIR/minusma-kiosk
  --bench-first-frame``, a PyInstaller bundle measured the same way.

The variants are interleaved round-robin (app, QWidget, PlotWidget[, frozen],
app, ...) to spread machine noise over all of them, after one warm-up round
that is not counted (it fills the OS file cache and the ``__pycache__``
folders). The report gives median, min and max over ``--runs`` rounds
(at least 10; ``--quick`` runs 2 for a smoke test), the median peak RSS and
the ratio of each median to the bare QWidget's. The target is: home screen
first frame <= 2x the bare QWidget.

Two extra, untimed runs with ``python -X importtime`` report (for
information) whether pyqtgraph is imported before the home screen's first
frame -- it should not be: the charts load it lazily -- and how long
importing pyqtgraph takes on top of PySide6.

Without a display, children use Qt's ``offscreen`` platform with a
1920x1080 screen (unless ``QT_QPA_PLATFORM`` is already set, which is then
left as it is).

Standard library only: the script itself never imports Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from _common import OFFSCREEN_CONFIG, REPO_SRC, write_json
from _common import print_table as table

MARKER = "FIRST_FRAME maxrss_kib="
TIMEOUT_S = 30.0
MIN_RUNS = 10
QUICK_RUNS = 2
TARGET_RATIO = 2.0

# A bare PySide6 program doing what the app does up to its first frame:
# QApplication, one top-level window sized like the app's, the same
# first-paint probe and the same marker. {imports}, {widget} and {watched}
# vary: a PlotWidget is a QGraphicsView, which paints only its viewport, so
# the probe watches that (it is painted in the same frame as the window).
BASELINE_TEMPLATE = textwrap.dedent("""\
    import resource
    import sys

    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication
    {imports}

    class FirstFrameProbe(QObject):
        def __init__(self, watched, callback):
            super().__init__(watched)
            self._callback = callback
            watched.installEventFilter(self)

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and self._callback is not None:
                callback, self._callback = self._callback, None
                QTimer.singleShot(0, callback)
            return False

    def report():
        rss_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(f"{marker}{{rss_kib}}", flush=True)
        QApplication.quit()

    app = QApplication(sys.argv[:1])
    window = {widget}
    screen = app.primaryScreen().availableGeometry()
    window.resize(min(1600, screen.width()), min(900, screen.height()))
    window.show()
    FirstFrameProbe({watched}, report)
    sys.exit(app.exec())
    """)

QWIDGET_CODE = BASELINE_TEMPLATE.format(
    imports="from PySide6.QtWidgets import QWidget", widget="QWidget()",
    watched="window", marker=MARKER)
PLOTWIDGET_CODE = BASELINE_TEMPLATE.format(
    imports="import pyqtgraph as pg", widget="pg.PlotWidget()",
    watched="window.viewport()", marker=MARKER)

VERSIONS_CODE = ("import sys, PySide6, pyqtgraph; "
                 "print(sys.version.split()[0], PySide6.__version__, pyqtgraph.__version__)")


class ChildFailed(Exception):
    """A child process did not deliver its marker, or exited with an error."""

    def __init__(self, label: str, reason: str, stderr: str) -> None:
        super().__init__(f"{label}: {reason}")
        self.label = label
        self.reason = reason
        self.stderr = stderr


@dataclass(frozen=True)
class Variant:
    """One program to start: a label for the table and how to spawn it."""

    key: str
    label: str
    argv: list[str]
    env: dict[str, str]


@dataclass
class Results:
    """The samples of one variant: wall times (s) and peak RSS (KiB)."""

    variant: Variant
    wall_s: list[float] = field(default_factory=list)
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.wall_s) * 1000

    @property
    def min_ms(self) -> float:
        return min(self.wall_s) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.wall_s) * 1000

    @property
    def median_rss_mib(self) -> float:
        return statistics.median(self.rss_kib) / 1024


@dataclass(frozen=True)
class Sample:
    wall_s: float
    rss_kib: int


# --------------------------------------------------------------------------- #
# Running children
# --------------------------------------------------------------------------- #

def _read_lines(stream, lines: queue.Queue) -> None:
    """Reader thread: put (perf_counter at read, line) for each line, then None."""
    for line in stream:
        lines.put((time.perf_counter(), line))
    lines.put(None)


def measure(variant: Variant, cwd: Path, timeout: float = TIMEOUT_S) -> Sample:
    """Spawn ``variant`` once; time from just before the spawn to its marker line.

    The child's stdout is read by a thread that stamps each line as soon as it
    is read, so the figure does not depend on when the main thread wakes up.
    stderr goes to a temporary file (the app logs there) and is shown only if
    the child fails.
    """
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        lines: queue.Queue = queue.Queue()
        t0 = time.perf_counter()
        proc = subprocess.Popen(variant.argv, env=variant.env, cwd=cwd,
                                stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=err, text=True, encoding="utf-8", errors="replace")
        reader = threading.Thread(target=_read_lines, args=(proc.stdout, lines), daemon=True)
        reader.start()
        deadline = t0 + timeout
        sample: Sample | None = None
        reason = ""
        try:
            while sample is None:
                remaining = deadline - time.perf_counter()
                if remaining <= 0:
                    reason = f"no first-frame marker within {timeout:.0f} s (killed)"
                    break
                try:
                    item = lines.get(timeout=remaining)
                except queue.Empty:
                    continue
                if item is None:
                    proc.wait()
                    reason = (f"exited with code {proc.returncode} "
                              "without printing the first-frame marker")
                    break
                t1, line = item
                if line.startswith(MARKER):
                    sample = Sample(t1 - t0, int(line[len(MARKER):].strip()))
            if sample is not None:
                try:
                    code = proc.wait(timeout=max(1.0, deadline - time.perf_counter()))
                except subprocess.TimeoutExpired:
                    reason = "printed the marker but did not quit (killed)"
                    sample = None
                else:
                    if code != 0:
                        reason = f"printed the marker but exited with code {code}"
                        sample = None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            reader.join(timeout=5)
            proc.stdout.close()
        if sample is None:
            err.seek(0)
            raise ChildFailed(variant.label, reason, err.read())
        return sample


def import_log(argv: list[str], env: dict[str, str], cwd: Path,
               timeout: float = TIMEOUT_S) -> tuple[list[str], bool]:
    """Run ``argv`` (which includes ``-X importtime``) with stderr merged into stdout.

    Returns the import-log lines written before the marker and whether the
    marker came. Merging both streams into one pipe keeps their order, so
    "before the marker" means "before the first frame".
    """
    try:
        proc = subprocess.run(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, encoding="utf-8", errors="replace",
                              timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        output = exc.output or ""
        if isinstance(output, bytes):
            output = output.decode("utf-8", "replace")
        raise ChildFailed("-X importtime run", f"timed out after {timeout:.0f} s",
                          output) from None
    before: list[str] = []
    for line in proc.stdout.splitlines():
        if line.startswith(MARKER):
            return before, True
        if line.startswith("import time:"):
            before.append(line)
    return before, False


def imported_modules(log: list[str]) -> list[tuple[str, int]]:
    """(module, cumulative µs) from ``-X importtime`` lines."""
    modules = []
    for line in log:
        parts = line[len("import time:"):].split("|")
        if len(parts) != 3:
            continue
        try:
            cumulative = int(parts[1])
        except ValueError:  # the header line
            continue
        modules.append((parts[2].strip(), cumulative))
    return modules


def is_pyqtgraph(module: str) -> bool:
    return module == "pyqtgraph" or module.startswith("pyqtgraph.")


# --------------------------------------------------------------------------- #
# Set-up
# --------------------------------------------------------------------------- #

def child_environment(workdir: Path) -> tuple[dict[str, str], dict[str, str], str]:
    """Environments for Python children and for a frozen executable, and the platform.

    Both choose the offscreen platform with a 1920x1080 screen unless
    ``QT_QPA_PLATFORM`` is set already. Python children also get the
    checkout's src/ in front of ``PYTHONPATH`` (harmless when the package is
    installed); a frozen bundle gets the environment without it.

    Bytecode is cached for every child (in a temporary ``PYTHONPYCACHEPREFIX``,
    written during the warm-up round), as in an installed copy, where pip
    compiles it at install time, or a frozen bundle: a machine that sets
    ``PYTHONDONTWRITEBYTECODE`` would otherwise recompile the app's modules at
    every start, a cost no visitor's machine pays.
    """
    base = dict(os.environ)
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base["PYTHONPYCACHEPREFIX"] = str(workdir / "pycache")
    # The exhibit's config, logs and data go to the work folder, not the user's.
    base["MINUSMA_KIOSK_HOME"] = str(workdir / "home")
    if not base.get("QT_QPA_PLATFORM"):
        config = workdir / "offscreen.json"
        config.write_text(json.dumps(OFFSCREEN_CONFIG), encoding="utf-8")
        base["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    python_env = dict(base)
    python_env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO_SRC), base.get("PYTHONPATH", "")) if p)
    # Each its own content cache: the source and the frozen exhibit key the cache
    # differently, and sharing one folder, each start would evict the other's.
    python_env["XDG_CACHE_HOME"] = str(workdir / "cache-source")
    frozen_env = dict(base, XDG_CACHE_HOME=str(workdir / "cache-frozen"))
    return python_env, frozen_env, base["QT_QPA_PLATFORM"]


def frozen_executable(folder: Path) -> Path:
    for name in ("minusma-kiosk", "minusma-kiosk.exe"):
        candidate = folder / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise FileNotFoundError(f"no executable minusma-kiosk in {folder}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Print start-up figures: process start -> first painted frame of the "
                    "home screen, next to a bare PySide6 QWidget and a bare pyqtgraph "
                    "PlotWidget measured in the same run.")
    p.add_argument("--runs", type=int, metavar="N",
                   help=f"counted rounds (default {MIN_RUNS}, at least {MIN_RUNS} "
                        "unless --quick)")
    p.add_argument("--quick", action="store_true",
                   help=f"smoke run: {QUICK_RUNS} rounds (figures not meaningful)")
    p.add_argument("--frozen", type=Path, metavar="DIR",
                   help="also measure the PyInstaller bundle DIR/minusma-kiosk")
    p.add_argument("--json", type=Path, metavar="OUT",
                   help="also write the figures as JSON to OUT")
    args = p.parse_args(argv)
    if args.runs is None:
        args.runs = QUICK_RUNS if args.quick else MIN_RUNS
    if args.runs < 1 or (args.runs < MIN_RUNS and not args.quick):
        p.error(f"--runs must be at least {MIN_RUNS} (or use --quick for a smoke run)")
    if args.frozen is not None:
        try:
            args.frozen_exe = frozen_executable(args.frozen.resolve())
        except FileNotFoundError as exc:
            p.error(str(exc))
    return args


# --------------------------------------------------------------------------- #
# Report
# --------------------------------------------------------------------------- #

def print_table(results: list[Results], reference: Results) -> None:
    header = ("variant", "median ms", "min ms", "max ms", "peak RSS MiB", "x QWidget")
    rows = [(r.variant.label, f"{r.median_ms:.1f}", f"{r.min_ms:.1f}", f"{r.max_ms:.1f}",
             f"{r.median_rss_mib:.1f}", f"{r.median_ms / reference.median_ms:.2f}")
            for r in results]
    table(header, rows)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="minusma-bench-") as tmp:
        workdir = Path(tmp)  # also the children's cwd, so nothing in it shadows a module
        python_env, frozen_env, platform = child_environment(workdir)
        py = sys.executable
        variants = [
            Variant("home", "home screen", [py, "-m", "minusma_kiosk", "--bench-first-frame"],
                    python_env),
            Variant("qwidget", "bare QWidget", [py, "-c", QWIDGET_CODE], python_env),
            Variant("plotwidget", "bare PlotWidget", [py, "-c", PLOTWIDGET_CODE], python_env),
        ]
        if args.frozen is not None:
            variants.append(Variant("frozen", "home screen (frozen)",
                                    [str(args.frozen_exe), "--bench-first-frame"], frozen_env))
        results = {v.key: Results(v) for v in variants}

        try:
            versions = subprocess.run([py, "-c", VERSIONS_CODE], env=python_env, cwd=workdir,
                                      capture_output=True, text=True, timeout=TIMEOUT_S,
                                      check=True).stdout.split()
        except (subprocess.SubprocessError, OSError):
            versions = []
        print("start-up benchmark: process start -> first painted frame")
        print(f"  python {py}"
              + (f" ({versions[0]}), PySide6 {versions[1]}, pyqtgraph {versions[2]}"
                 if len(versions) == 3 else ""))
        print(f"  QT_QPA_PLATFORM={platform}")
        if args.frozen is not None:
            print(f"  frozen: {args.frozen_exe}")
        print(f"  {args.runs} rounds{' (--quick: smoke run only)' if args.quick else ''}"
              f" + 1 warm-up, variants interleaved round-robin", flush=True)

        try:
            for round_no in range(args.runs + 1):
                for variant in variants:
                    sample = measure(variant, workdir)
                    if round_no > 0:  # round 0 is the warm-up
                        results[variant.key].wall_s.append(sample.wall_s)
                        results[variant.key].rss_kib.append(sample.rss_kib)

            home_log, home_marker = import_log(
                [py, "-X", "importtime", "-m", "minusma_kiosk", "--bench-first-frame"],
                python_env, workdir)
            plot_log, plot_marker = import_log(
                [py, "-X", "importtime", "-c", PLOTWIDGET_CODE], python_env, workdir)
        except ChildFailed as exc:
            print(f"\nchild failed: {exc.label}: {exc.reason}", file=sys.stderr)
            print("----- its stderr -----", file=sys.stderr)
            print(exc.stderr.rstrip() or "(empty)", file=sys.stderr)
            return 1

    reference = results["qwidget"]
    home = results["home"]
    ordered = list(results.values())
    print()
    print_table(ordered, reference)
    print()

    ratio = home.median_ms / reference.median_ms
    passed = ratio <= TARGET_RATIO
    print(f"home first frame / bare QWidget = {ratio:.2f} "
          f"(target <= {TARGET_RATIO:.2f}): {'PASS' if passed else 'FAIL'}")
    frozen_ratio = None
    if "frozen" in results:
        frozen_ratio = results["frozen"].median_ms / home.median_ms
        print(f"frozen first frame / source first frame = {frozen_ratio:.2f}")

    home_pg = [m for m, _ in imported_modules(home_log) if is_pyqtgraph(m)]
    pg_before = bool(home_pg)
    if home_marker:
        print(f"pyqtgraph imported before first frame: {'yes' if pg_before else 'no'}")
    else:
        print("pyqtgraph imported before first frame: unknown (no marker in the "
              "-X importtime run)")
    pg_import_ms = next((us / 1000 for m, us in imported_modules(plot_log)
                         if m == "pyqtgraph"), None)
    if plot_marker and pg_import_ms is not None:
        print(f"  (for information: importing pyqtgraph after PySide6 takes "
              f"{pg_import_ms:.1f} ms cumulative, from -X importtime of the bare PlotWidget)")

    if args.json is not None:
        figures = {
            "runs": args.runs,
            "quick": args.quick,
            "python": py,
            "versions": dict(zip(("python", "PySide6", "pyqtgraph"), versions, strict=False)),
            "qt_qpa_platform": platform,
            "variants": {
                r.variant.key: {
                    "label": r.variant.label,
                    "median_ms": r.median_ms,
                    "min_ms": r.min_ms,
                    "max_ms": r.max_ms,
                    "samples_ms": [s * 1000 for s in r.wall_s],
                    "median_peak_rss_mib": r.median_rss_mib,
                    "peak_rss_kib": r.rss_kib,
                    "ratio_to_qwidget": r.median_ms / reference.median_ms,
                } for r in ordered
            },
            "home_over_qwidget": ratio,
            "target_ratio": TARGET_RATIO,
            "pass": passed,
            "frozen_over_source": frozen_ratio,
            "pyqtgraph_imported_before_first_frame": pg_before if home_marker else None,
            "pyqtgraph_import_ms": pg_import_ms,
        }
        write_json(args.json, figures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
