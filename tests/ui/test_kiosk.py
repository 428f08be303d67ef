"""Kiosk mode: attract loop, first touch, "Still there?", reset, lockdown, admin PIN and panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minusma_kiosk.kiosk.pin import hash_pin
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.router import ScreenId
from tests.ui.touch import device, tap

PIN = "24681357"


@pytest.fixture(scope="module")
def pin_hash():
    return hash_pin(PIN)


@pytest.fixture
def kiosk(make_shell, tmp_path, pin_hash):
    shell = make_shell(mode="kiosk", pin_hash=pin_hash, config_path=tmp_path / "config.toml")
    yield shell
    shell.kiosk.stop()
    shell.may_close = True  # so the test can close it

def press_and_hold(window, point: QPoint):
    QTest.touchEvent(window, device()).press(0, point, window).commit()
    QApplication.processEvents()


def release(window, point: QPoint):
    QTest.touchEvent(window, device()).release(0, point, window).commit()
    QApplication.processEvents()


def test_the_attract_loop_plays_the_timeline_a_chart_and_a_card(kiosk, qtbot):
    k = kiosk.kiosk
    k.start_attract()
    assert k.attract_overlay.isVisible() and k.attracting
    assert kiosk.router.current is ScreenId.TIMELINE
    timeline = kiosk.router.screen(ScreenId.TIMELINE)
    assert timeline.autoplay.playing
    k.loop.timer.setInterval(10)
    k.loop.next_step()
    assert not timeline.autoplay.playing
    assert kiosk.router.current is ScreenId.BUDGET
    charts = kiosk.router.screen(ScreenId.BUDGET)
    assert charts.chart.axis.value == "fiscal_year" and charts.autoplay.playing
    charts.autoplay._timer.setInterval(10)
    years = set()
    kiosk.time_cursor.date_changed.connect(lambda _day: years.add(kiosk.time_cursor.fiscal_year()))
    qtbot.waitUntil(lambda: len(years) >= 3, timeout=3000)  # the years step on their own
    card_before = kiosk.deck.current
    k.loop.next_step()
    assert kiosk.router.current is ScreenId.CARDS
    assert kiosk.deck.current == (card_before + 1) % kiosk.deck.count
    k.loop.next_step()
    assert kiosk.router.current is ScreenId.TIMELINE


def test_the_first_touch_enters_and_presses_nothing(kiosk):
    k = kiosk.kiosk
    k.start_attract()
    k.loop.next_step()  # now on the charts
    charts = kiosk.router.screen(ScreenId.BUDGET)
    shown = charts.chart.id
    settle()
    other = next(t for cid, t in charts.picker.items() if cid != shown)
    tap(other)
    assert not k.attracting and not k.attract_overlay.isVisible()
    assert charts.chart.id == shown  # the touch that woke the exhibit pressed nothing
    assert not charts.autoplay.playing and k.monitor.running
    tap(other)  # the next one does
    assert charts.chart.id != shown


def test_nobody_there_asks_then_starts_over(kiosk, qtbot):
    k = kiosk.kiosk
    k.start_attract()
    tap(kiosk.nav)  # enters
    kiosk.state.set_language("fr")
    kiosk.router.navigate(ScreenId.TIMELINE)
    kiosk.time_cursor.set_region("Mopti")
    kiosk.router.navigate(ScreenId.CARDS)
    kiosk.deck.go_to(3)
    k.set_idle_times(50, 50)
    k.monitor.set_warning_ms(300)
    with qtbot.waitSignal(k.monitor.warned, timeout=3000):
        pass
    assert k.idle_overlay.isVisible()
    assert k.idle_overlay.title.text() == "Vous êtes toujours là\u202f?"
    assert "s" in k.idle_overlay.countdown.text()
    with qtbot.waitSignal(k.visit_ended, timeout=3000) as ended:
        pass
    assert ended.args == ["idle"]
    assert not k.idle_overlay.isVisible() and k.attracting
    assert kiosk.state.language == "en"
    assert kiosk.time_cursor.region is None
    assert kiosk.deck.current == 0


def test_a_touch_during_the_question_continues_the_visit(kiosk, qtbot):
    k = kiosk.kiosk
    k.start_attract()
    tap(kiosk.nav)
    kiosk.router.navigate(ScreenId.CARDS)
    kiosk.deck.go_to(2)
    k.set_idle_times(50, 50)
    k.monitor.set_warning_ms(5000)
    qtbot.waitSignal(k.monitor.warned, timeout=3000).wait()
    k.set_idle_times(60_000, 60_000)  # no second warning while the test looks
    tap(k.idle_overlay, QPoint(20, 20))
    assert not k.idle_overlay.isVisible() and not k.attracting
    assert kiosk.deck.current == 2 and kiosk.router.current is ScreenId.CARDS


def test_map_and_chart_screens_wait_less_than_reading_screens(kiosk):
    k = kiosk.kiosk
    k.set_idle_times(60_000, 90_000)
    k.monitor.start()
    kiosk.router.navigate(ScreenId.TIMELINE)
    assert k.monitor.idle_ms == 60_000
    kiosk.router.navigate(ScreenId.CARDS)
    assert k.monitor.idle_ms == 90_000


@pytest.mark.parametrize("key, mods", [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
])
def test_no_key_leads_out(kiosk, key, mods):
    before = kiosk.kiosk.lockdown.swallowed
    state = kiosk.windowState()
    QTest.keyClick(kiosk, key, mods)
    assert kiosk.kiosk.lockdown.swallowed > before
    assert kiosk.isVisible() and kiosk.windowState() == state


def test_the_window_refuses_to_close(kiosk):
    assert not kiosk.close()
    assert kiosk.isVisible()


def test_no_context_menu_anywhere(kiosk):
    from PySide6.QtGui import QContextMenuEvent

    before = kiosk.kiosk.lockdown.swallowed
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    QApplication.sendEvent(kiosk.nav, event)
    assert kiosk.kiosk.lockdown.swallowed == before + 1


def test_holding_the_corner_opens_the_pin_pad_and_a_short_press_does_not(kiosk, qtbot):
    k = kiosk.kiosk
    k.staff.hold.setInterval(200)
    corner = QPoint(3, 3)
    press_and_hold(kiosk, corner)
    release(kiosk, corner)
    assert not k.staff.hold.isActive() and not k.pin_pad.isVisible()
    press_and_hold(kiosk, corner)
    qtbot.waitUntil(k.pin_pad.isVisible, timeout=3000)
    release(kiosk, corner)
    middle = QPoint(kiosk.width() // 2, kiosk.height() // 2)
    press_and_hold(kiosk, middle)  # elsewhere: nothing starts
    assert not k.staff.hold.isActive()
    release(kiosk, middle)


def enter_pin(pad, digits: str) -> None:
    settle()
    for d in digits:
        tap(pad.keys[d])
    tap(pad.keys["ok"])


def test_a_wrong_pin_is_refused_and_repeated_ones_lock_the_pad(kiosk):
    k = kiosk.kiosk
    k.open_pin_pad()
    for _ in range(2):
        enter_pin(k.pin_pad, "11111111")
        assert k.pin_pad.message.text() == "Wrong PIN."
    enter_pin(k.pin_pad, "11111111")
    assert "wait 30 s" in k.pin_pad.message.text()
    enter_pin(k.pin_pad, PIN)  # locked: even the right PIN waits
    assert not k.admin.isVisible()


def test_the_right_pin_opens_the_admin_panel(kiosk):
    k = kiosk.kiosk
    k.open_pin_pad()
    enter_pin(k.pin_pad, PIN)
    assert k.admin.isVisible() and not k.pin_pad.isVisible()
    from minusma_kiosk import __version__

    facts = k.admin.facts.text()
    assert __version__ in facts and kiosk.content.site.version in facts
    assert "MB" in facts and "running for" in facts


def test_no_pin_set_says_how_to_set_one(make_shell):
    shell = make_shell(mode="kiosk")
    try:
        k = shell.kiosk
        k.open_pin_pad()
        assert "minusma-kiosk set-pin" in k.pin_pad.message.text()
        assert not k.pin_pad.keys["1"].isEnabled()
    finally:
        k.stop()
        shell.may_close = True


def test_admin_settings_are_applied_and_saved(kiosk, tmp_path):
    from minusma_kiosk.kiosk.config import load_config

    k = kiosk.kiosk
    k.set_idle_times(60_000, 90_000)
    k.open_admin()
    settle()
    tap(k.admin.buttons["explore_more"])
    tap(k.admin.buttons["language_fr"])
    assert k.idle_times_ms[0] == 75_000
    assert kiosk.state.default_language == "fr"
    config = load_config(tmp_path / "config.toml")
    assert config.idle_explore_s == 75 and config.exhibit_language == "fr"
    assert config.problems == ()


def test_exit_from_the_admin_panel_closes_the_window(kiosk):
    k = kiosk.kiosk
    k.open_admin()
    settle()
    tap(k.admin.buttons["exit"])
    assert not kiosk.isVisible()


def test_the_pointer_hides_for_fingers_and_returns_for_a_mouse(kiosk):
    tap(kiosk.nav)
    cursor = QGuiApplication.overrideCursor()
    assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QMouseEvent

    move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(40, 30), QPointF(40, 30),
                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)  # a real mouse, not a finger
    QApplication.sendEvent(kiosk.nav, move)
    assert QGuiApplication.overrideCursor() is None


def test_the_self_test_runs_from_the_admin_panel(kiosk, qtbot):
    k = kiosk.kiosk
    k.open_admin()
    settle()
    tap(k.admin.buttons["self_test"])
    assert "running" in k.admin.self_test_result.text()
    qtbot.waitUntil(lambda: k.self_test.process is None, timeout=120_000)
    assert k.admin.self_test_result.text().startswith("Self-test passed: self-test OK")


def test_a_visit_is_counted_anonymously(kiosk, tmp_path, qtbot):
    from minusma_kiosk.kiosk.analytics import Analytics
    from minusma_kiosk.kiosk.visit_report import summarize
    from minusma_kiosk.ui.visit_recorder import VisitRecorder

    db = tmp_path / "visits.sqlite3"
    recorder = VisitRecorder(kiosk.host, kiosk.kiosk, Analytics(db))
    k = kiosk.kiosk
    k.start_attract()
    settle()
    tap(kiosk.nav)  # the first touch: a visit starts (this touch presses nothing)
    kiosk.router.navigate(ScreenId.BUDGET)
    charts = kiosk.router.screen(ScreenId.BUDGET)
    settle()
    tap(charts.picker["minusma_budget"])
    kiosk.router.navigate(ScreenId.CARDS)
    kiosk.deck.go_to(2)
    kiosk.state.set_language("fr")
    kiosk.state.set_access(text_size=150, high_contrast=True)
    k.set_idle_times(20, 20)
    k.monitor.set_warning_ms(20)
    qtbot.waitSignal(k.visit_ended, timeout=3000).wait()
    recorder.close()
    # The next visitor finds the default language and display settings.
    from minusma_kiosk.state.app_state import Access

    assert kiosk.state.access == Access() and kiosk.state.language == "en"
    s = summarize(db)
    assert sum(n for _, n in s.sessions_per_day) == 1 and s.resets == 1
    assert {name for name, _, _ in s.screens} >= {"timeline", "budget", "cards"}
    assert ("chart_minusma_budget", 1) in s.taps
    assert (kiosk.content.cards[2].id, 1) in s.cards
    assert ("fr", 1) in s.languages
    # What the visitor chose, not the reset to the defaults after the visit.
    assert sorted(s.settings) == [("high_contrast=on", 1), ("text_size=150", 1)]
    assert ("en", 1) in s.languages  # the visit's first language, not the reset


def test_kiosk_mode_fills_the_screen_without_a_frame(bundled, qtbot):
    from minusma_kiosk.app import Options, _show, create_shell

    options = Options(mode="kiosk", animation="none", diagonal_inches=32)
    shell = create_shell(bundled, options)
    qtbot.addWidget(shell)
    try:
        _show(shell, options)
        qtbot.waitExposed(shell)
        assert shell.windowFlags() & Qt.WindowType.FramelessWindowHint
        assert shell.isFullScreen()
        assert shell.geometry() == QApplication.primaryScreen().geometry()
        assert shell.kiosk.attracting  # nobody there yet: the attract loop plays
    finally:
        shell.kiosk.stop()
        shell.may_close = True


def test_reload_from_the_admin_panel_replaces_the_window(bundled, qtbot):
    from minusma_kiosk.app import Options, _show, create_shell
    from minusma_kiosk.ui.shell import Shell

    options = Options(mode="kiosk", animation="none", diagonal_inches=32)
    old = create_shell(bundled, options)
    qtbot.addWidget(old)
    _show(old, options)
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, Shell)}
    old.kiosk.reload_requested.emit()
    shells = [w for w in QApplication.topLevelWidgets()
              if isinstance(w, Shell) and id(w) not in before and w.isVisible()]
    try:
        assert len(shells) == 1 and not old.isVisible()
        new = shells[0]
        assert new.kiosk is not None and new.kiosk.attracting
        assert new.content.site.version == bundled.content.site.version
    finally:
        for shell in shells:
            qtbot.addWidget(shell)
            shell.kiosk.stop()
            shell.may_close = True


def test_the_self_test_command_frozen_and_not(monkeypatch, tmp_path):
    import sys

    from minusma_kiosk.ui.self_test_runner import self_test_command

    assert self_test_command(tmp_path) == (
        sys.executable, ["-m", "minusma_kiosk", "self-test", "--content", str(tmp_path)])
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert self_test_command(tmp_path) == (
        sys.executable, ["self-test", "--content", str(tmp_path)])


@pytest.mark.adversarial(item=11)
def test_wrong_pins_are_logged_without_their_digits(kiosk, caplog):
    k = kiosk.kiosk
    k.open_pin_pad()
    for _ in range(3):
        enter_pin(k.pin_pad, "97531864")
    wrong = [r.getMessage() for r in caplog.records if "wrong admin PIN" in r.getMessage()]
    assert wrong[0] == "wrong admin PIN (1 in a row)"
    assert wrong[-1] == "wrong admin PIN (3 in a row; the pad is locked for 30 s)"
    assert "97531864" not in caplog.text


@pytest.mark.adversarial(item=11)
def test_the_lockout_survives_a_restart(make_shell, tmp_path, pin_hash):
    """A visitor who makes the exhibit restart gets no fresh tries."""
    first = make_shell(mode="kiosk", pin_hash=pin_hash, config_path=tmp_path / "config.toml")
    first.kiosk.open_pin_pad()
    for _ in range(3):
        enter_pin(first.kiosk.pin_pad, "11111111")
    first.kiosk.stop()
    second = make_shell(mode="kiosk", pin_hash=pin_hash, config_path=tmp_path / "config.toml")
    k = second.kiosk
    k.open_pin_pad()
    enter_pin(k.pin_pad, PIN)
    assert not k.admin.isVisible()
    assert "Too many tries" in k.pin_pad.message.text()


NOTICES = ["safe mode (bundled content, default settings): the exhibit failed 3 times in a "
           "row at start; last error: RuntimeError: figures.csv made the charts divide by zero",
           "visit database damaged (file is not a database): moved aside as "
           "analytics.sqlite3.damaged-20261203-101500, a new one started",
           "the log folder /x cannot be written (Permission denied): logging to the terminal "
           "only", "configuration: 2 problem(s), the first: config.toml:3: …"]


@pytest.mark.adversarial(item=2)
@pytest.mark.parametrize(("size", "diagonal", "text_size"),
                         [((1920, 1080), 32.0, 100), ((1920, 1080), 32.0, 150),
                          ((1366, 768), 15.6, 150), ((1080, 1920), 32.0, 150)])
def test_the_admin_panel_lists_what_needs_attention(bundled, pin_hash, qtbot, tmp_path, size,
                                                     diagonal, text_size):
    """Staff see what is wrong on this machine, and the panel still fits (notices and log
    lines are cut to the panel, never pushed off the screen)."""
    from minusma_kiosk.app import Options, close_shell, create_shell
    from minusma_kiosk.kiosk import paths
    from tests.ui.layout_audit import audit

    paths.log_dir().mkdir(parents=True, exist_ok=True)
    (paths.log_dir() / "minusma-kiosk.log").write_text(
        "".join(f"2026-12-03 10:{i:02d}:00,123 INFO minusma_kiosk: a long log line that goes on "
                f"and on past the width of any panel, number {i}\n" for i in range(40)))
    shell = create_shell(bundled, Options(mode="kiosk", lang="fr", pin_hash=pin_hash,
                                          animation="none", diagonal_inches=diagonal),
                         notices=NOTICES)
    try:
        shell.state.set_access(text_size=text_size)
        shell.resize(*size)
        shell.show()
        qtbot.waitExposed(shell)
        shell.kiosk.open_admin()
        settle()
        admin = shell.kiosk.admin
        text = admin.notices.text()
        assert admin.notices.isVisible() and text.startswith("À vérifier")
        if text_size == 100:
            assert all(n[:40] in text for n in NOTICES)  # every one, if cut at the end
        assert "10:39:00" in admin.log.text()  # the newest log line is shown
        assert audit(admin) == []
        narrow = [f"{name} {b.width()} < {b.sizeHint().width()}"
                  for name, b in admin.buttons.items()
                  if len(b.text()) > 1 and b.width() < b.sizeHint().width()]
        assert narrow == [], "buttons narrower than their text"
    finally:
        close_shell(shell)


def test_the_admin_panel_has_no_attention_line_when_all_is_well(kiosk):
    kiosk.kiosk.open_admin()
    settle()
    assert not kiosk.kiosk.admin.notices.isVisible()
