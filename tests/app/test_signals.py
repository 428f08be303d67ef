"""Signals, as a shutdown script, an administrator or a closed terminal send them.

Only staff's "Exit the exhibit" is a deliberate end (exit code 0, the supervisor
stops). A signal ends the exhibit cleanly with 128 + its number and a line in the
log, and the supervisor starts it again; the supervisor itself stops with its child
on SIGTERM, SIGINT and SIGHUP; an exhibit whose supervisor is gone stops too.
"""

from __future__ import annotations

import os
import signal

import pytest

from tests.app.processes import start, wait_for


@pytest.mark.adversarial(item=10)
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP,
                                    signal.SIGQUIT, signal.SIGUSR1],
                         ids=lambda s: signal.Signals(s).name)
def test_a_signal_stops_the_exhibit_cleanly_with_its_own_exit_code(tmp_path, qtbot, signum):
    exhibit = start(qtbot, tmp_path / "home", "--mode", "kiosk")
    code, _out, err = exhibit.stop(signum)
    assert code == 128 + signum, err
    name = signal.Signals(signum).name
    assert f"signal {signum}: stopping ({name})" in exhibit.log
    assert f"stopped (exit code {128 + signum})" in exhibit.log
    assert "Traceback" not in err and "KeyboardInterrupt" not in err


def _holder(home) -> int | None:
    try:
        return int((home / "data" / "instance.lock").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def supervised(qtbot, tmp_path):
    """A supervised kiosk, up: (supervisor, home, the exhibit's process id)."""
    home = tmp_path / "home"
    sup = start(qtbot, home, "supervise", "--heartbeat-timeout", "30", "--", "--animation",
                "none", "--mode", "kiosk", wait=False)
    wait_for(qtbot, lambda: _holder(home) is not None, "the first exhibit")
    yield sup, home, _holder(home)
    if sup.process.poll() is None:
        sup.stop(signal.SIGKILL)
    child = _holder(home)
    if child is not None and _alive(child):
        os.kill(child, signal.SIGKILL)


@pytest.mark.adversarial(item=10)
def test_sigterm_to_the_exhibit_is_not_staff_exit_it_comes_back(qtbot, supervised):
    sup, home, first = supervised
    os.kill(first, signal.SIGTERM)
    wait_for(qtbot, lambda: _holder(home) not in (None, first), "the exhibit to come back", 30)
    assert sup.process.poll() is None  # the supervisor did not stop
    code, _out, _err = sup.stop()
    assert code == 0
    log = (home / "log" / "supervisor.log").read_text(encoding="utf-8")
    assert "the exhibit stopped with exit code 143" in log and "restart 1" in log


@pytest.mark.adversarial(item=10)
def test_sighup_to_the_supervisor_stops_its_exhibit_too(qtbot, supervised):
    sup, home, child = supervised
    code, _out, _err = sup.stop(signal.SIGHUP)
    assert code == 0
    assert not _alive(child)  # no exhibit runs on unwatched
    log = (home / "log" / "supervisor.log").read_text(encoding="utf-8")
    assert "supervisor stopping (SIGHUP)" in log


@pytest.mark.adversarial(item=10)
def test_an_exhibit_whose_supervisor_was_killed_stops(qtbot, supervised):
    """kill -9 of the supervisor used to leave the exhibit running, unwatched, and the
    next supervisor's exhibit then found the lock taken (exit 3) and stopped."""
    sup, home, child = supervised
    sup.stop(signal.SIGKILL)
    wait_for(qtbot, lambda: not _alive(child), "the orphaned exhibit to stop", 15)
    text = (home / "log" / "minusma-kiosk.log").read_text(encoding="utf-8")
    assert "signal 15: stopping" in text or "the supervisor (process" in text
    # A new supervisor starts an exhibit at once: the lock is free.
    again = start(qtbot, home, "supervise", "--", "--mode", "kiosk", "--animation", "none",
                  wait=False)
    try:
        wait_for(qtbot, lambda: _holder(home) not in (None, child), "a new exhibit")
    finally:
        again.stop()


@pytest.mark.adversarial(item=10)
def test_a_signal_during_start_up_is_not_lost(tmp_path, qtbot):
    """SIGTERM while the window is being built (a supervisor stopping a slow start): the
    exhibit stops as soon as its event loop runs, with 143, and nothing is reported as
    an unhandled exception (raising from the handler landed inside Qt callbacks)."""
    for attempt in range(3):
        home = tmp_path / f"home{attempt}"
        exhibit = start(qtbot, home, "--mode", "kiosk", wait=False)
        wait_for(qtbot, lambda e=exhibit: "starting in kiosk mode" in e.log, "the start")
        code, _out, err = exhibit.stop(signal.SIGTERM, timeout=60)
        assert code == 128 + signal.SIGTERM, err
        assert "Traceback" not in err and "unhandled" not in err
        assert "signal 15: stopping (SIGTERM)" in exhibit.log
