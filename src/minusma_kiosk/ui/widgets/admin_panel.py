"""The staff panel behind the PIN: state of the machine, a few settings, exit and reload."""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.overlay import Overlay
from minusma_kiosk.ui.widgets.text import button, label, set_flag

STEP_S = 15  # the idle times change by this much per tap


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

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("admin_panel")
        self._info: AdminInfo | None = None
        lay = self.add_panel()
        self.title = label("h2")
        self.facts = label("body")
        lay.addWidget(self.title)
        lay.addWidget(self.facts)
        #: What staff should know about this machine (hidden when all is well).
        self.notices = label("body")
        self.notices.setObjectName("admin_notices")
        self.notices.hide()
        lay.addWidget(self.notices)
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
        lay.addLayout(self.settings)
        self.actions = QGridLayout()  # two by two: French labels are long
        for i, (name, signal) in enumerate((("self_test", self.self_test_requested),
                                            ("reload", self.reload_requested),
                                            ("exit", self.exit_requested),
                                            ("close", self.closed))):
            b = button("primary" if name == "close" else "secondary")
            b.setObjectName(f"admin_{name}")
            b.clicked.connect(signal)
            self.buttons[name] = b
            self.actions.addWidget(b, i // 2, i % 2)
        self.buttons["close"].clicked.connect(self.hide)
        lay.addLayout(self.actions)
        self.self_test_result = label("body")
        lay.addWidget(self.self_test_result)
        self.log = label("log")
        self.log.setTextFormat(Qt.TextFormat.PlainText)
        self.log.setWordWrap(False)
        lay.addWidget(self.log)
        self.retranslate()

    def open(self, info: AdminInfo) -> None:
        """Show the panel with ``info``."""
        self._info = info
        self.self_test_result.setText("")
        self.retranslate()
        self.show_over()

    def show_self_test(self, ok: bool, summary: str) -> None:
        """The self-test's result."""
        prefix = self.tr("Self-test passed") if ok else self.tr("Self-test FAILED")
        self.self_test_result.setText(f"{prefix}: {summary}")

    def _change_idle(self, name: str, delta: int) -> None:
        if self._info is None:
            return
        current = self._info.explore_s if name == "explore" else self._info.reading_s
        value = max(30, min(600, current + delta))
        key = "explore_s" if name == "explore" else "reading_s"
        self._info = replace(self._info, **{key: value})
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
        self.notices.setVisible(bool(info.notices))
        self.notices.setText("\n".join([self.tr("Needs attention:")]
                                       + [f"• {notice}" for notice in info.notices]))
        self.explore_value.setText(self.tr("{n} s").format(n=info.explore_s))
        self.reading_value.setText(self.tr("{n} s").format(n=info.reading_s))
        for code in ("en", "fr"):
            set_flag(self.buttons[f"language_{code}"], "active", code == info.language)
        self.log.setText("\n".join(line[:140] for line in info.log_lines[-8:])
                         or self.tr("(the log is empty)"))

    def apply_metrics(self, m: Metrics) -> None:
        """Sizes for the window."""
        margin = m.space("l")
        self.panel.layout().setContentsMargins(margin, margin, margin, margin)
        self.panel.layout().setSpacing(m.space("s"))
        self.panel.setFixedWidth(min(m.px(1500), self.parentWidget().width() - 2 * m.space("m")))
        self.settings.setHorizontalSpacing(m.space("m"))
        self.actions.setSpacing(m.space("s"))
        for name, b in self.buttons.items():
            if name.endswith(("_less", "_more")):
                b.setFixedSize(m.target(), m.target())
            else:
                b.setMinimumHeight(m.target())
