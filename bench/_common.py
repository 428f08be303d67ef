"""What the benchmark scripts share: the offscreen screen, figures, verdicts.

The scripts run as ``python bench/<name>.py``, so this folder is on ``sys.path``
and they import this module as ``_common``.
"""

from __future__ import annotations

import gc
import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
REPO_SRC = REPO / "src"
if REPO_SRC.is_dir():  # a checkout: its src/ first (harmless when installed)
    sys.path.insert(0, str(REPO_SRC))

#: The screen every benchmark gives Qt: 1920x1080 at 96 dpi.
OFFSCREEN_CONFIG = {
    "windowFrameMargins": False,
    "screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080,
                 "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}],
}
WIDTH, HEIGHT = 1920, 1080
#: Frames of each series not counted (first paints, caches warming up).
WARMUP_FRAMES = 5


def p95(samples: list[float]) -> float:
    if len(samples) == 1:
        return samples[0]
    return statistics.quantiles(samples, n=100, method="inclusive")[94]



@dataclass
class Series:
    """Frame times (s) of one series."""

    label: str
    frames_s: list[float] = field(default_factory=list)

    @property
    def p50_ms(self) -> float:
        return statistics.median(self.frames_s) * 1000

    @property
    def p95_ms(self) -> float:
        return p95(self.frames_s) * 1000

    @property
    def max_ms(self) -> float:
        return max(self.frames_s) * 1000

    def as_json(self) -> dict:
        return {"frames": len(self.frames_s), "p50_ms": self.p50_ms, "p95_ms": self.p95_ms,
                "max_ms": self.max_ms, "samples_ms": [s * 1000 for s in self.frames_s]}



def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]], left: int = 1) -> None:
    """A text table: the first ``left`` columns left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for row in (header, None, *rows):
        if row is None:
            print("  ".join("-" * w for w in widths))
            continue
        print("  ".join(c.ljust(w) if i < left else c.rjust(w)
                        for i, (c, w) in enumerate(zip(row, widths, strict=True))))


def write_json(path: Path | None, figures: dict) -> None:
    """``--json OUT``: the figures as JSON (nothing when ``path`` is None)."""
    if path is None:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {path}")


def verdict(value: float, target: float) -> str:
    return "PASS" if value <= target else "FAIL"



def checkout_commit() -> str | None:
    """The checkout's HEAD (short), "+dirty" if src/ differs from it; None if not a checkout."""

    repo = REPO_SRC.parent
    try:
        head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True, timeout=10, check=True)
        dirty = subprocess.run(["git", "-C", str(repo), "status", "--porcelain", "--", "src"],
                               capture_output=True, text=True, timeout=10, check=True)
    except (OSError, subprocess.SubprocessError):
        return None
    return head.stdout.strip() + ("+dirty" if dirty.stdout.strip() else "")



def setup_platform(workdir: Path) -> str:
    if not os.environ.get("QT_QPA_PLATFORM"):
        config = workdir / "offscreen.json"
        config.write_text(json.dumps(OFFSCREEN_CONFIG), encoding="utf-8")
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    return os.environ["QT_QPA_PLATFORM"]


class ShellBench:
    """The QApplication, and building and disposing shells, for in-process benches.

    Parameters
    ----------
    animation
        The animation level the shells are built with.
    """

    def __init__(self, animation: str) -> None:
        from PySide6.QtCore import QCoreApplication, QEvent

        from minusma_kiosk.app import create_application
        from minusma_kiosk.ui.capture import settle

        self.app = create_application()
        self._animation = animation
        self._settle = settle
        self._flush_layouts = lambda: QCoreApplication.sendPostedEvents(
            None, QEvent.Type.LayoutRequest)
        self._deferred_delete = QEvent.Type.DeferredDelete

    def new_shell(self, loaded):
        from minusma_kiosk.app import Options, create_shell

        shell = create_shell(loaded, Options(animation=self._animation, diagonal_inches=32))
        shell.resize(WIDTH, HEIGHT)
        shell.show()
        self._settle()
        shell.grab()
        return shell

    def dispose(self, shell) -> None:
        shell.close()
        shell.deleteLater()
        self.app.sendPostedEvents(None, self._deferred_delete)
        self._settle()
        gc.collect()

    def open_screen(self, shell, screen) -> tuple[float, float]:
        """Open ``screen`` (a ScreenId): (navigate + processEvents + grab, a second grab), s."""
        gc.collect()
        t0 = time.perf_counter()
        shell.router.navigate(screen)
        self.app.processEvents()
        shell.grab()
        t1 = time.perf_counter()
        shell.grab()
        t2 = time.perf_counter()
        self._settle()
        return t1 - t0, t2 - t1
