"""Run ``minusma-kiosk self-test`` beside the running exhibit (the admin panel's button).

The self-test renders every screen offscreen in a child process, so the exhibit
on screen is not disturbed; its last line is the summary shown to staff.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

log = logging.getLogger(__name__)


def self_test_command(content: Path) -> tuple[str, list[str]]:
    """How to run the self-test from here: the frozen bundle's own program, or Python."""
    if getattr(sys, "frozen", False):
        return sys.executable, ["self-test", "--content", str(content)]
    return sys.executable, ["-m", "minusma_kiosk", "self-test", "--content", str(content)]


class SelfTestRunner(QObject):
    """One self-test at a time, in a child process on the offscreen platform.

    Signals
    -------
    finished(bool, str)
        Whether it passed, and its last line of output (or why it could not start).
    """

    finished = Signal(bool, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.process: QProcess | None = None

    def start(self, content: Path) -> bool:
        """Start a self-test of ``content``; False if one is already running."""
        if self.process is not None:
            return False
        process = QProcess(self)
        process.setObjectName("self_test")
        process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        env = QProcessEnvironment.systemEnvironment()
        env.insert("QT_QPA_PLATFORM", "offscreen")
        process.setProcessEnvironment(env)
        process.finished.connect(self._on_process_finished)
        process.errorOccurred.connect(self._on_process_error_occurred)
        self.process = process
        program, args = self_test_command(content)
        log.info("self-test started from the admin panel")
        process.start(program, args)
        return True

    def stop(self) -> None:
        """Kill a running self-test (the window closes)."""
        if self.process is not None:
            self.process.kill()
            self.process.waitForFinished(3000)

    def _on_process_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        output = bytes(process.readAll().data()).decode("utf-8", errors="replace").strip()
        last = output.splitlines()[-1] if output else ""
        log.info("self-test finished (exit code %d): %s", code, last)
        process.deleteLater()
        self.finished.emit(code == 0, last)

    def _on_process_error_occurred(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.process is not None:
            process, self.process = self.process, None
            log.error("self-test could not start: %s", process.errorString())
            process.deleteLater()
            self.finished.emit(False, process.errorString())
