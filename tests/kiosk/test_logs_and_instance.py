"""Logs on disk, unhandled exceptions, and one exhibit at a time."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from minusma_kiosk.kiosk import logs
from minusma_kiosk.kiosk.single_instance import LOCK_NAME, Outcome, SingleInstance

SRC = Path(__file__).resolve().parents[2] / "src"


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=dict(os.environ, PYTHONPATH=str(SRC), **env))


def test_an_exception_in_a_slot_is_logged_and_the_app_goes_on(tmp_path):
    code = f"""
from pathlib import Path
from minusma_kiosk.kiosk.logs import setup_logging
setup_logging(Path({str(tmp_path)!r}))
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
def boom():
    raise RuntimeError("a bug in a slot")
QTimer.singleShot(0, boom)
QTimer.singleShot(50, lambda: print("still running", flush=True) or app.quit())
app.exec()
"""
    out = run_python(code, QT_QPA_PLATFORM="offscreen")
    assert out.returncode == 0, out.stderr
    assert "still running" in out.stdout
    text = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "unhandled exception" in text and "RuntimeError: a bug in a slot" in text
    assert "Traceback" in text


@pytest.fixture
def small_logs(monkeypatch):
    """Logs rotated at 2,000 bytes; the test's handlers and hooks removed afterwards."""
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    root = logging.getLogger()
    handlers, level, hook = list(root.handlers), root.level, sys.excepthook
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    sys.excepthook = hook
    logging.captureWarnings(False)


def test_the_log_rotates_and_the_last_lines_are_read(tmp_path, small_logs):
    logs.setup_logging(tmp_path)
    for i in range(200):
        logging.getLogger("minusma_kiosk.test").info("line %d", i)
    assert (tmp_path / (logs.LOG_NAME + ".1")).exists()
    assert logs.last_lines(tmp_path, 2)[-1].endswith("line 199")


def test_rotation_can_start_after_the_window(tmp_path, small_logs):
    logs.setup_logging(tmp_path, rotate=False)
    logging.getLogger("minusma_kiosk.test").info("before rotation")
    logs.enable_rotation()
    for i in range(60):
        logging.getLogger("minusma_kiosk.test").info("line %d", i)
    assert (tmp_path / (logs.LOG_NAME + ".1")).exists()
    text = "".join(p.read_text(encoding="utf-8") for p in tmp_path.glob("minusma-kiosk.log*"))
    assert "before rotation" in text and "line 59" in text


def test_last_lines_of_no_log_is_empty(tmp_path):
    assert logs.last_lines(tmp_path) == []


def test_a_second_instance_is_refused_while_the_first_runs(tmp_path):
    first = SingleInstance(tmp_path)
    assert first.acquire() is Outcome.ACQUIRED
    second = SingleInstance(tmp_path)
    assert second.acquire() is Outcome.HELD
    assert second.holder() == os.getpid()
    first.release()
    assert second.acquire() is Outcome.ACQUIRED
    second.release()


def test_the_lock_of_a_killed_exhibit_is_taken_over(tmp_path):
    code = f"""
import os, sys, time
from pathlib import Path
from minusma_kiosk.kiosk.single_instance import SingleInstance
lock = SingleInstance(Path({str(tmp_path)!r}))
assert lock.acquire().value == "acquired"
print("locked", flush=True)
sys.stdin.readline()
"""
    child = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True,
                             env=dict(os.environ, PYTHONPATH=str(SRC)))
    try:
        assert child.stdout.readline().strip() == "locked"
        assert SingleInstance(tmp_path).acquire() is Outcome.HELD
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
        child.stdin.close()
        child.stdout.close()
    assert (tmp_path / LOCK_NAME).exists()  # left behind by the killed process
    lock = SingleInstance(tmp_path)
    assert lock.acquire() is Outcome.ACQUIRED
    lock.release()
