"""Test set-up shared by every test.

Qt runs offscreen on a configured 1920x1080 screen, set before any QApplication
exists. Tests in tests/content import no Qt at all.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import pytest

_SCREEN = {"windowFrameMargins": False,
           "screens": [{"name": "kiosk", "x": 0, "y": 0, "width": 1920, "height": 1080,
                        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}
_config = Path(tempfile.gettempdir()) / "minusma-kiosk-test-screen.json"
_config.write_text(json.dumps(_SCREEN), encoding="utf-8")
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_config}"
os.environ.setdefault("QT_QPA_FONTDIR", "")

REPO = Path(__file__).resolve().parents[1]

# Caches (loaded content) go to a throw-away folder, not the tester's home.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="minusma-kiosk-test-cache-")
# Configuration, logs, analytics and the instance lock too (minusma_kiosk.kiosk.paths).
os.environ["MINUSMA_KIOSK_HOME"] = tempfile.mkdtemp(prefix="minusma-kiosk-test-home-")


@pytest.fixture(autouse=True)
def _home(tmp_path_factory, monkeypatch):
    """Each test gets configuration, logs and data (visit counts, the admin lock state)
    of its own: what one test leaves behind (a locked PIN pad) must not reach the next."""
    monkeypatch.setenv("MINUSMA_KIOSK_HOME", str(tmp_path_factory.mktemp("home")))


def _running() -> list[str]:
    """Every timer and animation still running anywhere in the application (none if no
    Qt application exists: content tests import no Qt)."""
    import sys

    if "PySide6.QtWidgets" not in sys.modules:
        return []
    from PySide6.QtCore import QAbstractAnimation, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return []
    found: list[str] = []
    for owner in (app, *app.topLevelWidgets()):
        found += [t.objectName() or repr(t) for t in owner.findChildren(QTimer)
                  if t.isActive()]
        found += [a.objectName() or repr(a) for a in owner.findChildren(QAbstractAnimation)
                  if a.state() == QAbstractAnimation.State.Running]
    return sorted(set(found))


@pytest.fixture(autouse=True)
def _no_leftover_timers():
    """Whatever a test made (a shell, a lone widget, an overlay, a controller), it must
    not leave a timer or an animation running when it ends: on a kiosk that is a leak,
    or a screen that moves on its own. Checked application-wide, after the test's own
    teardown."""
    before = set(_running())
    yield
    left = [name for name in _running() if name not in before]
    if left:
        pytest.fail("timers or animations left running: " + ", ".join(left))


def pytest_addoption(parser):
    parser.addoption("--approve", action="store_true", default=False,
                     help="image approval tests: save the new renderings as approved")
