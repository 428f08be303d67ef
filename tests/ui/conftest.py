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
def make_shell(qtbot, bundled) -> Callable[..., Shell]:
    """Factory: ``make_shell(size=(1920, 1080), lang="en", loaded=None, **options)``."""

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
        return shell

    return make


@pytest.fixture(autouse=True)
def _no_running_timers(request, qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves a timer or an animation running in a window."""
    yield
    running = []
    for top in qapp.topLevelWidgets():
        if not top.isVisible():
            continue
        running += [t.objectName() or repr(t) for t in top.findChildren(QTimer) if t.isActive()]
        running += [repr(a) for a in top.findChildren(QAbstractAnimation)
                    if a.state() == QAbstractAnimation.State.Running]
    if running:
        pytest.fail("timers or animations left running: " + ", ".join(running))
