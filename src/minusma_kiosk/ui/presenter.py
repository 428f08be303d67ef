"""Presenter mode: a laptop, a keyboard or a presentation clicker, a guided tour.

Keys (clickers send PageDown/PageUp, some arrows, B or '.'):

* PageDown, →, ↓, space, Enter: next step — PageUp, ←, ↑, Backspace: previous;
* Home / F5: the first step — End: the last;
* digits then Enter (or a pause): that step;
* B or '.': a black screen, and back.

A discreet indicator shows "3 / 12 · title"; with a second screen, a notes
window there shows the step's notes, the next step and the time elapsed.
The visitor's touch and mouse work as always between steps.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from minusma_kiosk.content.model import Content, TourStep
from minusma_kiosk.state.app_state import Aspect, DisplaySource
from minusma_kiosk.state.tour_state import TourState
from minusma_kiosk.ui.display import follow, follow_metrics, style_root
from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import label

K = Qt.Key
NEXT = (K.Key_PageDown, K.Key_Right, K.Key_Down, K.Key_Space, K.Key_Return, K.Key_Enter)
PREVIOUS = (K.Key_PageUp, K.Key_Left, K.Key_Up, K.Key_Backspace)
BLANK = (K.Key_B, K.Key_Period)
FIRST = (K.Key_Home, K.Key_F5)
DIGIT_WAIT_MS = 1200


class StepIndicator(QLabel):
    """'3 / 12 · The north falls': a thin line above the navigation bar, covering nothing."""

    def __init__(self, display: DisplaySource) -> None:
        super().__init__()
        self.setObjectName("step_indicator")
        self.setProperty("role", "caption")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        style_root(self, display)
        follow_metrics(self, display, self.apply_metrics)

    def apply_metrics(self, m: Metrics) -> None:
        """Margins for the window."""
        self.setContentsMargins(m.space("m"), m.space("xs"), m.space("m"), m.space("xs"))


class BlankScreen(Overlay):
    """A black screen (B or '.'), as slide software does."""

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display, role="blank")
        self.setObjectName("blank_screen")


class NotesWindow(QWidget):
    """The presenter's own window: this step, its notes, the next step, the time."""

    def __init__(self, display: DisplaySource) -> None:
        super().__init__()
        self.setObjectName("presenter_notes")
        style_root(self, display)
        self.setWindowTitle("MINUSMA — presenter notes")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        lay = QVBoxLayout(self)
        self.position = label("caption")
        self.title = label("h2")
        self.notes = label("lead")
        self.next_title = label("body")
        self.clock = label("h2")
        for w in (self.position, self.title, self.notes, self.next_title):
            lay.addWidget(w)
        lay.addStretch(1)
        lay.addWidget(self.clock)
        self.started = time.monotonic()
        self._tick = QTimer(self)
        self._tick.setObjectName("presenter_clock")
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_clock)
        self._update_clock()

    def show_step(self, position: str, title: str, notes: str, next_title: str) -> None:
        """Show a step's texts."""
        self.position.setText(position)
        self.title.setText(title)
        self.notes.setText(notes or self.tr("(no notes for this step)"))
        self.next_title.setText(self.tr("Next: {title}").format(title=next_title)
                                if next_title else self.tr("Last step"))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._tick.start()

    def hideEvent(self, event) -> None:
        self._tick.stop()
        super().hideEvent(event)

    def _update_clock(self) -> None:
        minutes, seconds = divmod(int(time.monotonic() - self.started), 60)
        self.clock.setText(f"{minutes:d}:{seconds:02d}")


class Presenter(QObject):
    """Runs the tour on the exhibit from the keyboard or a clicker.

    Parameters
    ----------
    host
        The exhibit, as add-ons see it.
    steps
        The tour (from ``tour.toml``); without one, the steps are the screens in order.
    """

    def __init__(self, host: Host, steps: tuple[TourStep, ...]) -> None:
        super().__init__(host)
        self.host = host
        self.steps = self._steps_or_screens(steps)
        self.tour = TourState(len(self.steps), self)
        self.indicator = StepIndicator(host.state)
        host.add_bar(self.indicator)
        self.blank = BlankScreen(host.window, host.state)
        self.notes: NotesWindow | None = None
        self._digits = ""
        self._digit_timer = QTimer(self)
        self._digit_timer.setObjectName("presenter_digits")
        self._digit_timer.setSingleShot(True)
        self._digit_timer.setInterval(DIGIT_WAIT_MS)
        self._digit_timer.timeout.connect(self._jump_to_digits)
        self.tour.step_changed.connect(self._on_tour_step_changed)
        self.tour.blanked_changed.connect(self._on_tour_blanked_changed)
        follow(self, host.state, Aspect.LANGUAGE, lambda _change: self._update_texts(),
               now=False)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        host.content_changed.connect(self._on_host_content_changed)
        host.closing.connect(self.stop)

    def _steps_or_screens(self, steps: tuple[TourStep, ...]) -> tuple[TourStep, ...]:
        """The tour's steps; without a tour, the screens in order."""
        if steps:
            return steps
        from minusma_kiosk.content.model import Text

        return tuple(TourStep(sid.value, Text(sid.value)) for sid in
                     self.host.screens())

    def _on_host_content_changed(self, content: Content) -> None:
        """New content (curator preview): the new tour, at the same step if it still
        exists, shown again."""
        self.steps = self._steps_or_screens(content.tour)
        self.tour.set_count(len(self.steps))
        if not self.tour.blank:
            self.tour.go(self.tour.index)

    def start(self, notes_window: bool | None = None) -> None:
        """Show the first step; a notes window on the second screen if there is one."""
        if notes_window is None:
            notes_window = len(QGuiApplication.screens()) > 1
        if notes_window:
            self.notes = NotesWindow(self.host.state)
            screens = QGuiApplication.screens()
            if len(screens) > 1:
                self.notes.setGeometry(screens[1].availableGeometry())
            self.notes.show()
        self.tour.first()

    def _on_tour_step_changed(self, index: int) -> None:
        step = self.steps[index]
        self.host.present(step)
        self._update_texts()

    def _on_tour_blanked_changed(self, blank: bool) -> None:
        if blank:
            self.blank.show_over()
        else:
            self.blank.hide()

    def _update_texts(self) -> None:
        lang = self.host.state.language
        i = self.tour.index
        step = self.steps[i]
        position = f"{i + 1} / {len(self.steps)}"
        self.indicator.setText(f"{position} · {step.title.get(lang)}")
        if self.notes is not None:
            following = self.steps[i + 1].title.get(lang) if i + 1 < len(self.steps) else ""
            self.notes.show_step(position, step.title.get(lang), step.notes.get(lang),
                                 following)

    def _jump_to_digits(self) -> None:
        if self._digits:
            self.tour.go(int(self._digits) - 1)
        self._digits = ""
        self._digit_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        windows = (self.host.window, self.notes)
        if not isinstance(watched, QWidget) or watched.window() not in windows:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):
            return False
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self._digits += chr(key)
            self._digit_timer.start()
        elif key in (K.Key_Return, K.Key_Enter) and self._digits:
            self._jump_to_digits()
        elif key in NEXT:
            self.tour.next()
        elif key in PREVIOUS:
            self.tour.previous()
        elif key in FIRST:
            self.tour.first()
        elif key == K.Key_End:
            self.tour.last()
        elif key in BLANK:
            self.tour.toggle_blank()
        elif key == K.Key_Escape and self.tour.blank:
            self.tour.set_blank(False)
        else:
            return False
        return True

    def stop(self) -> None:
        """Stop the timers, close the notes window, leave the keys alone."""
        self._digit_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        if self.notes is not None:
            self.notes.close()
            self.notes.deleteLater()
            self.notes = None

    def open_notes(self) -> NotesWindow:
        """The notes window (made if there is none), the size of the exhibit's window."""
        if self.notes is None:
            self.notes = NotesWindow(self.host.state)
            self.notes.resize(self.host.window.size())
        return self.notes

    def quiet(self) -> None:
        """After the screenshots: no blank, the notes window closed."""
        self.tour.set_blank(False)
        if self.notes is not None:
            self.notes.close()
            self.notes.deleteLater()
            self.notes = None
