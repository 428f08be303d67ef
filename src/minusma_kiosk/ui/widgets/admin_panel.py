"""The staff panel behind the PIN: state of the machine, a few settings, exit and reload."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label, set_flag

STEP_S = 15  # the idle times change by this much per tap
TAIL_ROWS = 8  # log lines the panel shows when the screen has room


@dataclass(frozen=True)
class AdminInfo:
    """What the panel shows about the running exhibit."""

    app_version: str
    content_version: str
    uptime_s: float
    memory_mb: float
    log_lines: tuple[str, ...]
    explore_s: int
    reading_s: int
    language: str
    notices: tuple[str, ...] = ()


def duration(seconds: float) -> str:
    """``3 d 4 h``, ``2 h 14 min``, ``5 min``: an uptime for reading."""
    minutes = int(seconds // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min"


class ElidedLines(QLabel):
    """Lines of text, each cut to the label's width with "…", as many as fit its height
    (re-cut when it resizes): it never grows the panel past the screen.

    ``tail``: the last lines that fit (a log); otherwise the first ones, the last line
    shown then saying how many more there are (``more``, a format with ``{n}``), or only
    the first line when no more fit (a heading that gives the count).
    """

    def __init__(self, role: str, tail: bool = False) -> None:
        super().__init__()
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self._tail = tail
        if tail:
            self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        # As tall as its lines (a log: the last TAIL_ROWS), shorter when the panel must be.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._lines: list[str] = []
        #: Shown when there are no lines.
        self.empty = ""
        #: The last line when not all fit (not ``tail``).
        self.more = "… +{n}"

    def set_lines(self, lines: list[str]) -> None:
        """The lines (a log's: oldest first)."""
        self._lines = list(lines)
        self.updateGeometry()
        self._fit()

    def _slack(self) -> int:
        """Room above the lines: some fonts' glyphs rise above their ascent (the
        monospace fallback here), and are cut when the lines fill the label exactly."""
        return max(2, self.fontMetrics().height() // 4)

    def _height(self, rows: int) -> QSize:
        m = self.contentsMargins()
        return QSize(self.fontMetrics().averageCharWidth() * 24,
                     self.fontMetrics().lineSpacing() * rows + self._slack() + m.top()
                     + m.bottom())

    def sizeHint(self) -> QSize:
        rows = min(len(self._lines), TAIL_ROWS) if self._tail else len(self._lines)
        return self._height(max(1, rows))

    def minimumSizeHint(self) -> QSize:
        return self._height(min(2, max(1, len(self._lines))) if self._tail else 1)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()  # the style sheet's font came: other metrics

    def _fit(self) -> None:
        fm, room = self.fontMetrics(), self.contentsRect()

        def cut(lines: list[str]) -> list[str]:
            return [fm.elidedText(line, Qt.TextElideMode.ElideRight, room.width())
                    for line in lines]

        def fits(lines: list[str]) -> bool:
            return fm.boundingRect(room, int(self.alignment()), "\n".join(lines)).height() \
                + self._slack() <= room.height()

        shown = cut(self._lines)
        n = len(shown)
        while n > 1 and not fits(shown[-n:] if self._tail else shown[:n]):
            n -= 1
        if self._tail:
            shown = shown[-n:]
        elif n == 1:
            shown = shown[:1]
        elif n < len(shown):
            shown = shown[:n - 1] + cut([self.more.format(n=len(shown) - n + 1)])
        self.setText("\n".join(shown) or self.empty)


class AdminPanel(Overlay):
    """Versions, uptime, memory, the last log lines; idle times, default language;
    self-test, reload, exit.

    Signals
    -------
    closed()
        Back to the exhibit.
    exit_requested()
        Stop the exhibit (the supervisor does not restart a deliberate exit).
    reload_requested()
        Read the content again.
    self_test_requested()
        Run the self-test (its result comes back through :meth:`show_self_test`).
    setting_changed(str, str, object)
        Section, key and new value of a configuration setting.
    """

    closed = Signal()
    exit_requested = Signal()
    reload_requested = Signal()
    self_test_requested = Signal()
    setting_changed = Signal(str, str, object)

    def __init__(self, host: QWidget, display: DisplaySource) -> None:
        super().__init__(host, display)
        self.setObjectName("admin_panel")
        self._info: AdminInfo | None = None
        lay = self.add_panel()
        self.title = label("h2")
        lay.addWidget(self.title)
        #: What staff should know about this machine (hidden when all is well): one line
        #: each, across the panel, cut to its width (the log has them whole).
        self.notices = ElidedLines("body")
        self.notices.setObjectName("admin_notices")
        self.notices.hide()
        lay.addWidget(self.notices)
        # The machine's state beside the controls in landscape (at 150 % text one column
        # is taller than a 1080-pixel screen), above them in portrait.
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        info, controls = QVBoxLayout(), QVBoxLayout()
        self._body.addLayout(info, 1)
        self._body.addLayout(controls, 2)
        lay.addLayout(self._body, 1)
        self.facts = label("body")
        info.addWidget(self.facts)
        self.log = ElidedLines("log", tail=True)
        info.addWidget(self.log)
        info.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.settings = QGridLayout()
        self.explore_label, self.reading_label, self.language_label = (
            label("body"), label("body"), label("body"))
        self.explore_value, self.reading_value = label("lead"), label("lead")
        self.buttons: dict[str, QPushButton] = {}
        for row, (name, text, value) in enumerate(
                (("explore", self.explore_label, self.explore_value),
                 ("reading", self.reading_label, self.reading_value))):
            less, more = button("arrow", "−"), button("arrow", "+")
            less.setObjectName(f"admin_{name}_less")
            more.setObjectName(f"admin_{name}_more")
            less.clicked.connect(lambda _=False, n=name: self._change_idle(n, -STEP_S))
            more.clicked.connect(lambda _=False, n=name: self._change_idle(n, +STEP_S))
            self.buttons[f"{name}_less"], self.buttons[f"{name}_more"] = less, more
            self.settings.addWidget(text, row, 0)
            self.settings.addWidget(less, row, 1)
            self.settings.addWidget(value, row, 2, Qt.AlignmentFlag.AlignCenter)
            self.settings.addWidget(more, row, 3)
        languages = QHBoxLayout()
        for code, name in (("en", "English"), ("fr", "Français")):
            b = button("chip", name)
            b.setObjectName(f"admin_language_{code}")
            b.clicked.connect(lambda _=False, c=code: self._set_language(c))
            self.buttons[f"language_{code}"] = b
            languages.addWidget(b)
        self.settings.addWidget(self.language_label, 2, 0)
        self.settings.addLayout(languages, 2, 1, 1, 3)
        self.settings.setColumnStretch(0, 1)
        controls.addLayout(self.settings)
        controls.setAlignment(Qt.AlignmentFlag.AlignTop)
        # Across the whole panel: two by two where the texts fit, else one under another.
        self.action_grid = QGridLayout()
        self._action_names = ("self_test", "reload", "exit", "close")
        for i, (name, signal) in enumerate((("self_test", self.self_test_requested),
                                            ("reload", self.reload_requested),
                                            ("exit", self.exit_requested),
                                            ("close", self.closed))):
            b = button("primary" if name == "close" else "secondary")
            b.setObjectName(f"admin_{name}")
            b.clicked.connect(signal)
            self.buttons[name] = b
            self.action_grid.addWidget(b, i // 2, i % 2)
        self.buttons["close"].clicked.connect(self.hide)
        lay.addLayout(self.action_grid)
        self.self_test_result = label("body")
        lay.addWidget(self.self_test_result)
        self.retranslate()
        follow_language(self, display, self.retranslate)
        follow_metrics(self, display, self.apply_metrics)

    def open(self, info: AdminInfo) -> None:
        """Show the panel with ``info``."""
        self._info = info
        self.show_self_test_state("")
        self.retranslate()
        self.show_over()
        self._place_actions()

    def show_self_test(self, ok: bool, summary: str) -> None:
        """The self-test's result."""
        prefix = self.tr("Self-test passed") if ok else self.tr("Self-test FAILED")
        self.show_self_test_state(f"{prefix}: {summary}")

    def show_self_test_state(self, text: str) -> None:
        """A line about the self-test ("running…", its result); empty: none."""
        self.self_test_result.setText(text)
        self.self_test_result.setVisible(bool(text))

    def _change_idle(self, name: str, delta: int) -> None:
        if self._info is None:
            return
        current = self._info.explore_s if name == "explore" else self._info.reading_s
        value = max(30, min(600, current + delta))
        if name == "explore":
            key, self._info = "explore_s", replace(self._info, explore_s=value)
        else:
            key, self._info = "reading_s", replace(self._info, reading_s=value)
        self.retranslate()
        self.setting_changed.emit("idle", key, value)

    def _set_language(self, code: str) -> None:
        if self._info is None:
            return
        self._info = replace(self._info, language=code)
        self.retranslate()
        self.setting_changed.emit("exhibit", "language", code)

    def retranslate(self) -> None:
        """Set the texts in the current language."""
        self.title.setText(self.tr("Exhibit administration"))
        self.explore_label.setText(self.tr("Idle time on the map and chart screens"))
        self.reading_label.setText(self.tr("Idle time on the reading screens"))
        self.language_label.setText(self.tr("Language after each visit"))
        for name, text in (("self_test", self.tr("Run the self-test")),
                           ("reload", self.tr("Reload the content")),
                           ("exit", self.tr("Exit the exhibit")),
                           ("close", self.tr("Back to the exhibit"))):
            self.buttons[name].setText(text)
        if self.isVisible():
            self._place_actions()
        for name in ("explore", "reading"):
            self.buttons[f"{name}_less"].setAccessibleName(self.tr("Shorter"))
            self.buttons[f"{name}_more"].setAccessibleName(self.tr("Longer"))
        for b in self.buttons.values():
            if not b.accessibleName():
                b.setAccessibleName(b.text())
        info = self._info
        if info is None:
            return
        self.facts.setText(self.tr(
            "Software {app} · content {content} · running for {uptime} · memory {memory} MB"
        ).format(app=info.app_version, content=info.content_version,
                 uptime=duration(info.uptime_s),
                 memory=round(info.memory_mb) if math.isfinite(info.memory_mb) else "?"))
        self._show_notices()
        self.explore_value.setText(self.tr("{n} s").format(n=info.explore_s))
        self.reading_value.setText(self.tr("{n} s").format(n=info.reading_s))
        for code in ("en", "fr"):
            set_flag(self.buttons[f"language_{code}"], "active", code == info.language)
        self.log.empty = self.tr("(the log is empty)")
        self.log.set_lines(list(info.log_lines))

    def _place_actions(self) -> None:
        """Two columns of action buttons if the longest text fits in half the panel, else
        one (the texts as styled now: call again after the language or the size changes)."""
        margins = self.panel_box.contentsMargins()
        width = self.panel.width() - margins.left() - margins.right()
        widest = max(self.buttons[n].sizeHint().width() for n in self._action_names)
        columns = 2 if 2 * widest + self.action_grid.spacing() <= width else 1
        for i, name in enumerate(self._action_names):
            self.action_grid.removeWidget(self.buttons[name])
            self.action_grid.addWidget(self.buttons[name], i // columns, i % columns)

    def _show_notices(self) -> None:
        notices = self._info.notices if self._info is not None else ()
        self.notices.setVisible(bool(notices))
        self.notices.more = self.tr("… and {n} more")
        lines = [self.tr("Needs attention: {n} (the log has the details)").format(
            n=len(notices))]
        self.notices.set_lines(lines + [f"• {n}" for n in notices] if notices else [])

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window."""
        # Landscape screens are short: the panel's edges give way before its content.
        margin = m.space("l") if m.portrait else m.space("m")
        self.panel_box.setContentsMargins(margin, margin, margin, margin)
        self.panel_box.setSpacing(m.space("s"))
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                                else QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(m.space("l"))
        self.panel.setFixedWidth(min(m.px(1500), self.host.width() - 2 * m.space("m")))
        self.settings.setHorizontalSpacing(m.space("m"))
        self.settings.setVerticalSpacing(m.space("s"))
        self.action_grid.setSpacing(m.space("s"))
        self._place_actions()
        for name, b in self.buttons.items():
            if name.endswith(("_less", "_more")):
                b.setFixedSize(m.target(), m.target())
            else:
                b.setMinimumHeight(m.target())
