"""The idle monitor: warning, resume, expiry, per-screen idle times."""

from __future__ import annotations

from minusma_kiosk.state.idle import IdleMonitor


def test_silence_warns_then_expires(qtbot):
    monitor = IdleMonitor(30, 500)
    monitor.start()
    with qtbot.waitSignal(monitor.warned, timeout=2000):
        pass
    assert monitor.warning and 0 < monitor.remaining_warning_ms() <= 500
    with qtbot.waitSignal(monitor.expired, timeout=2000):
        pass
    assert not monitor.running and not monitor.warning


def test_a_touch_during_the_warning_resumes(qtbot):
    monitor = IdleMonitor(30, 5000)
    monitor.start()
    qtbot.waitSignal(monitor.warned, timeout=2000).wait()
    with qtbot.waitSignal(monitor.resumed, timeout=100):
        monitor.activity()
    assert monitor.running and not monitor.warning
    monitor.stop()


def test_a_touch_starts_the_count_again(qtbot):
    monitor = IdleMonitor(400, 5000)
    warned = []
    monitor.warned.connect(lambda: warned.append(True))
    monitor.start()
    for _ in range(3):
        qtbot.waitUntil(lambda: monitor._idle.remainingTime() < 250, timeout=2000)
        monitor.activity()
        assert monitor._idle.remainingTime() > 300  # counting from the touch
    assert warned == []
    monitor.stop()


def test_activity_does_nothing_when_stopped():
    monitor = IdleMonitor(30, 60)
    monitor.activity()
    assert not monitor.running


def test_a_new_idle_time_restarts_the_count(qtbot):
    monitor = IdleMonitor(10_000, 5000)
    monitor.start()
    monitor.set_idle_ms(30)
    with qtbot.waitSignal(monitor.warned, timeout=2000):
        pass
    monitor.stop()
