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
