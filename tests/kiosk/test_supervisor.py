"""The supervisor: restarts after a crash and a hang, backs off a storm, stops on exit 0.

The children are small Python scripts that behave like the exhibit (they touch
the heartbeat file) and write one line per start, with the time, to runs.txt.
"""

from __future__ import annotations

import datetime as dt
import sys
import threading
import time

import pytest

from minusma_kiosk.kiosk.supervisor import (
    SAFE_AFTER,
    Supervisor,
    last_error,
    next_daily,
    parse_time,
)

CHILD = """
import os, sys, time
from pathlib import Path
runs = Path(sys.argv[1])
behaviour = sys.argv[2:]
with runs.open("a") as f:
    f.write(f"{time.time()}\\n")
n = len(runs.read_text().splitlines())
todo = behaviour[n - 1] if n <= len(behaviour) else "exit0"
beat = Path(os.environ.get("MINUSMA_KIOSK_HEARTBEAT", os.devnull))
with runs.with_suffix(".safe").open("a") as f:
    f.write(os.environ.get("MINUSMA_KIOSK_SAFE_MODE", "-") + "\\n")
if todo == "crash":
    sys.exit(1)
if todo == "traceback":
    raise RuntimeError("figures.csv made the charts divide by zero")
if todo == "exit0":
    sys.exit(0)
if todo == "exit3":
    sys.exit(3)
if todo == "hang":
    time.sleep(600)  # no more heartbeats
while True:  # "run": alive, beating
    beat.touch()
    time.sleep(0.1)
"""


def run_for(sup: Supervisor, seconds: float) -> int:
    """Run ``sup`` until a stop is requested after ``seconds`` (as a signal would)."""
    timer = threading.Timer(seconds, sup.request_stop)
    timer.start()
    try:
        return sup.run()
    finally:
        timer.cancel()


@pytest.fixture
def child(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    runs = tmp_path / "runs.txt"

    def make(*behaviour: str, **kwargs) -> Supervisor:
        kwargs.setdefault("lock_retry_s", 0.1)
        return Supervisor([sys.executable, str(script), str(runs), *behaviour],
                          kwargs.pop("heartbeat", tmp_path / "heartbeat"), poll_s=0.05,
                          **kwargs)

    make.starts = lambda: [float(t) for t in runs.read_text().split()]  # type: ignore[attr-defined]
    make.safe = lambda: runs.with_suffix(".safe").read_text().splitlines()  # type: ignore[attr-defined]
    return make


def test_a_crash_is_restarted_at_once_and_a_storm_backs_off(child):
    sup = child("crash", "crash", "crash")
    assert sup.run() == 0  # the fourth start exits 0: staff stopped it
    starts = child.starts()
    assert len(starts) == 4 and sup.restarts == 3
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert gaps[0] < 5.0  # the first restart: within 5 s
    assert gaps[1] >= 1.0 and gaps[2] >= 2.0  # then 1 s, 2 s: backing off


def test_a_hang_is_stopped_and_restarted(child):
    sup = child("hang", heartbeat_timeout_s=1.0)
    begun = time.monotonic()
    assert sup.run() == 0
    assert len(child.starts()) == 2 and sup.restarts == 1
    assert time.monotonic() - begun < 1.0 + 3.0 + 5.0  # timeout, SIGTERM grace, restart


def test_exit_zero_stops_the_supervisor(child):
    sup = child("exit0")
    assert sup.run() == 0
    assert len(child.starts()) == 1 and sup.restarts == 0


@pytest.mark.adversarial(item=10)
def test_another_exhibit_running_stops_the_supervisor(child):
    """Exit 3 again and again: another exhibit really runs. Tried a few times first,
    since an orphaned exhibit whose supervisor died stops within a second or two."""
    sup = child("exit3", "exit3", "exit3", "run")
    assert sup.run() == 3
    assert len(child.starts()) == 3


@pytest.mark.adversarial(item=10)
def test_a_lock_that_frees_up_is_taken(child):
    sup = child("exit3", "exit0")
    assert sup.run() == 0
    assert len(child.starts()) == 2


@pytest.mark.adversarial(item=10)
def test_repeated_quick_crashes_start_safe_mode_with_the_cause(child, caplog):
    """A crash loop backs off to a dark screen; after a few quick crashes the exhibit
    starts in safe mode instead, and the log says why it crashed."""
    sup = child(*["traceback"] * SAFE_AFTER, "exit0")
    assert sup.run() == 0
    safe = child.safe()
    assert safe[:SAFE_AFTER] == ["-"] * SAFE_AFTER  # the first starts: as configured
    assert "RuntimeError: figures.csv made the charts divide by zero" in safe[SAFE_AFTER]
    assert "failed 3 times in a row" in safe[SAFE_AFTER]
    assert "its last error: RuntimeError: figures.csv made the charts divide by zero" \
        in caplog.text
    assert "starting in safe mode" in caplog.text


@pytest.mark.adversarial(item=2)
def test_an_unwritable_heartbeat_file_is_replaced_not_a_crash(child, tmp_path, caplog):
    blocked = tmp_path / "data"
    blocked.write_text("a file where the data folder should be")
    sup = child("run", heartbeat=blocked / "heartbeat", heartbeat_timeout_s=2.0)
    assert run_for(sup, 3.0) == 0  # ran 3 s with a 2 s timeout: the spare heartbeat worked
    assert len(child.starts()) == 1
    assert "cannot be written: using" in caplog.text


@pytest.mark.adversarial(item=10)
def test_the_last_error_line():
    trace = ["Traceback (most recent call last):\n", '  File "x.py", line 1\n',
             "    boom()\n", "ValueError: bad value\n", "during handling\n"]
    assert last_error(trace) == "ValueError: bad value"
    crash = ("Fatal Python error: Segmentation fault\n\nCurrent thread 0x1 (most recent "
             "call first):\n  File \"/x/app.py\", line 315 in _show\n")
    assert last_error([], crash) == ('Fatal Python error: Segmentation fault '
                                     '(File "/x/app.py", line 315 in _show)')
    assert last_error(["starting\n", "cannot open display\n", "bye\n"]) == \
        "cannot open display"
    assert last_error([]) == ""


def test_the_daily_restart(child, tmp_path):
    calls = []

    def now():  # 04:29:59 at first and until the first child has started, then 04:30:01
        calls.append(1)
        started = len(calls) > 1 and (tmp_path / "runs.txt").exists()
        return dt.datetime(2026, 1, 1, 4, 30, 1) if started else dt.datetime(2026, 1, 1, 4, 29, 59)

    sup = child("run", daily_restart=dt.time(4, 30), now=now)
    assert sup.run() == 0  # restarted at 04:30, then the second start exits 0
    assert len(child.starts()) == 2 and sup.restarts == 1


def test_a_stop_request_ends_the_child(child):
    sup = child("run")
    assert run_for(sup, 1.0) == 0
    assert sup._child is not None and sup._child.poll() is not None


def test_daily_times():
    assert parse_time("04:30") == dt.time(4, 30) and parse_time("") is None
    assert next_daily(dt.datetime(2026, 1, 1, 3, 0), dt.time(4, 30)) == dt.datetime(2026, 1, 1, 4, 30)
    assert next_daily(dt.datetime(2026, 1, 1, 5, 0), dt.time(4, 30)) == dt.datetime(2026, 1, 2, 4, 30)


@pytest.mark.adversarial(item=10)
def test_a_command_that_cannot_start_is_retried_not_a_crash(tmp_path, caplog):
    sup = Supervisor([str(tmp_path / "no-such-exhibit")], tmp_path / "heartbeat", poll_s=0.05)
    assert run_for(sup, 1.5) == 0
    assert "the exhibit cannot be started" in caplog.text and "No such file" in caplog.text
