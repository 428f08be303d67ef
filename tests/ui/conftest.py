"""Fixtures for widget tests: the application, shells, touch input, hygiene checks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QAbstractAnimation, QTimer
from PySide6.QtWidgets import QApplication

from minusma_kiosk.app import LoadedContent, Options, create_shell, load_with_fallback
from minusma_kiosk.ui.capture import settle
from minusma_kiosk.ui.shell import Shell
from minusma_kiosk.ui.theme.fonts import install_fonts


@pytest.fixture(scope="session")
def bundled() -> LoadedContent:
    """The bundled content, loaded once."""
    return load_with_fallback(None)


@pytest.fixture(autouse=True)
def _fonts(qapp: QApplication) -> None:
    install_fonts(qapp)


@pytest.fixture
def make_shell(qtbot, bundled) -> Iterator[Callable[..., Shell]]:
    """Factory: ``make_shell(size=(1920, 1080), lang="en", loaded=None, **options)``.

    When the test ends, it fails if a shell it made still runs a timer or an
    animation (checked before the windows are closed).
    """
    made: list[Shell] = []

    def make(size: tuple[int, int] = (1920, 1080), lang: str = "en",
             loaded: LoadedContent | None = None, **options) -> Shell:
        options.setdefault("diagonal_inches", 32.0)
        options.setdefault("animation", "none")
        shell = create_shell(loaded or bundled, Options(lang=lang, **options))
        qtbot.addWidget(shell)
        shell.resize(*size)
        shell.show()
        qtbot.waitExposed(shell)
        settle()
        made.append(shell)
        return shell

    yield make
    running = []
    for shell in made:
        running += [t.objectName() or repr(t) for t in shell.findChildren(QTimer)
                    if t.isActive()]
        running += [a.objectName() or repr(a) for a in shell.findChildren(QAbstractAnimation)
                    if a.state() == QAbstractAnimation.State.Running]
    for shell in made:
        # A kiosk refused pytest-qt's close (which comes first) and keeps its pointer
        # hidden and its language catalogue installed: stop it and close it for real.
        if shell.kiosk is not None:
            shell.kiosk.stop()
        shell.may_close = True
        if shell.isVisible():
            shell.close()
    if running:
        pytest.fail("timers or animations left running: " + ", ".join(running))
