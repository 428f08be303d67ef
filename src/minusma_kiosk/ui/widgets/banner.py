"""A discreet strip that tells staff the curator's content was rejected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from minusma_kiosk.content.problems import Problem
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language, style_root
from minusma_kiosk.ui.widgets.text import label


class ContentBanner(QFrame):
    """Shown above the screens when ``--content DIR`` failed its checks.

    Parameters
    ----------
    folder
        The rejected folder.
    problem_count
        How many problems the check found (the log has them all).
    display
        The display it follows (style, language).
    """

    def __init__(self, folder: str, problem_count: int, display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        style_root(self, display)
        self._problems: list[Problem] = []
        self.setProperty("role", "banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._folder, self._count = folder, problem_count
        lay = QHBoxLayout(self)
        self.text = label("caption")
        lay.addWidget(self.text)
        self.retranslate()
        follow_language(self, display, self.retranslate)

    def show_problems(self, problems: list[Problem]) -> None:
        """Curator preview: the watched files changed and have problems."""
        self._problems = problems
        first = str(problems[0]) if problems else ""
        self.text.setText(self.tr(
            "Your change was not applied: {count} problems, the first: {first}. "
            "The last good version stays on screen.").format(count=len(problems), first=first))

    def retranslate(self) -> None:
        """Set the text again."""
        if self._problems:
            self.show_problems(self._problems)
            return
        self.text.setText(self.tr(
            "The content in {folder} was rejected ({count} problems; see the log or run "
            "'minusma-kiosk check'). Showing the bundled content."
        ).format(folder=self._folder, count=self._count))
