"""Where the presenter is in the guided tour, and whether the screen is blanked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class TourState(QObject):
    """The current step of a tour of ``count`` steps.

    Signals
    -------
    step_changed(int)
        The current step's index changed (also emitted by :meth:`go` to the same
        step, so the screen shows the step again after the presenter wandered off).
    blanked_changed(bool)
        The screen was blanked or shown again.
    """

    step_changed = Signal(int)
    blanked_changed = Signal(bool)

    def __init__(self, count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.count = count
        self._index = 0
        self._blank = False

    def set_count(self, count: int) -> None:
        """A new tour of ``count`` steps (new content): the same step if it still exists."""
        self.count = count
        self._index = max(0, min(self._index, count - 1))

    @property
    def index(self) -> int:
        """The current step (0-based)."""
        return self._index

    @property
    def blank(self) -> bool:
        """Whether the screen is blanked."""
        return self._blank

    def go(self, index: int) -> None:
        """Show step ``index`` (clamped to the tour); unblanks the screen."""
        if self.count == 0:
            return
        self.set_blank(False)
        self._index = max(0, min(index, self.count - 1))
        self.step_changed.emit(self._index)

    def next(self) -> None:
        """The next step (stays on the last)."""
        self.go(self._index + 1)

    def previous(self) -> None:
        """The previous step (stays on the first)."""
        self.go(self._index - 1)

    def first(self) -> None:
        """Back to the first step."""
        self.go(0)

    def last(self) -> None:
        """The last step."""
        self.go(self.count - 1)

    def set_blank(self, blank: bool) -> None:
        """Blank the screen (B or '.') or show it again."""
        if blank != self._blank:
            self._blank = blank
            self.blanked_changed.emit(blank)

    def toggle_blank(self) -> None:
        """Blank if shown, show if blanked."""
        self.set_blank(not self._blank)
