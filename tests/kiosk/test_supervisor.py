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

from minusma_kiosk.kiosk.supervisor import Supervisor, next_daily, parse_time

CHILD = """
import os, sys, time
from pathlib import Path
runs = Path(sys.argv[1])
behaviour = sys.argv[2:]
with runs.open("a") as f:
    f.write(f"{time.time()}\\n")
n = len(runs.read_text().splitlines())
todo = behaviour[n - 1] if n <= len(behaviour) else "exit0"
beat = Path(os.environ["MINUSMA_KIOSK_HEARTBEAT"])
if todo == "crash":
    sys.exit(1)
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


@pytest.fixture
def child(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    runs = tmp_path / "runs.txt"

    def make(*behaviour: str, **kwargs) -> Supervisor:
        return Supervisor([sys.executable, str(script), str(runs), *behaviour],
                          tmp_path / "heartbeat", poll_s=0.05, **kwargs)

    make.starts = lambda: [float(t) for t in runs.read_text().split()]  # type: ignore[attr-defined]
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


def test_another_exhibit_running_stops_the_supervisor(child):
    assert child("exit3").run() == 3


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
    timer = threading.Timer(1.0, sup.request_stop)
    timer.start()
    try:
        assert sup.run() == 0
    finally:
        timer.cancel()
    assert sup._child is not None and sup._child.poll() is not None


def test_daily_times():
    assert parse_time("04:30") == dt.time(4, 30) and parse_time("") is None
    assert next_daily(dt.datetime(2026, 1, 1, 3, 0), dt.time(4, 30)) == dt.datetime(2026, 1, 1, 4, 30)
    assert next_daily(dt.datetime(2026, 1, 1, 5, 0), dt.time(4, 30)) == dt.datetime(2026, 1, 2, 4, 30)
