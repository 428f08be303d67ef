"""Render screens to images offscreen: the screenshot and self-test commands."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from minusma_kiosk.ui.shell import Shell

#: Screen diagonals assumed for the default screenshot sizes, so touch-target
#: sizes come out as on the real hardware: a 32" exhibit screen, a 15.6" laptop.
DIAGONALS = {(1920, 1080): 32.0, (1080, 1920): 32.0, (1366, 768): 15.6}


@dataclass(frozen=True)
class Shot:
    """One rendered state of one screen."""

    screen: str  # a ScreenId's value, or "kiosk" for the kiosk's overlays
    state: str
    image: QImage

    def name(self, size: tuple[int, int], lang: str, tag: str = "") -> str:
        """File name: ``cards-2-elections-open_1920x1080_en.png``; ``tag`` names display
        settings (``…_fr_text150-contrast.png``)."""
        suffix = f"_{tag}" if tag else ""
        return f"{self.screen}-{self.state}_{size[0]}x{size[1]}_{lang}{suffix}.png"


def settle() -> None:
    """Let layouts and style changes take effect before grabbing."""
    app = QApplication.instance()
    assert app is not None
    for _ in range(3):
        app.processEvents()


KIOSK = "kiosk"
PRESENTER = "presenter"
ACCESS = "access"


def visit_states(shell: Shell, only: list[str] | None = None
                 ) -> Iterator[tuple[str, str, QWidget]]:
    """Show every registered screen (or ``only`` those, by name) in every state, then the
    display settings panel; in kiosk mode also the attract loop, "Still there?", the PIN
    pad and the admin panel; in presenter mode some tour steps, the blank screen and the
    notes window. Yields ``(screen, state, widget to grab)`` while each is shown."""
    for sid in shell.router.registered():
        if only and sid.value not in only:
            continue
        shell.router.navigate(sid)
        screen = shell.router.screen(sid)
        for state, show in screen.states():
            show()
            settle()
            yield sid.value, state, shell
        screen.reset()
    if not only or ACCESS in only:
        shell.open_access_panel()
        settle()
        yield ACCESS, "panel", shell
        assert shell.access_panel is not None
        shell.access_panel.hide()
    kiosk = shell.kiosk
    if kiosk is not None and (not only or KIOSK in only):
        for state, show in kiosk.states():
            show()
            settle()
            yield KIOSK, state, shell
        kiosk.quiet()
    presenter = shell.presenter
    if presenter is not None and (not only or PRESENTER in only):
        for state, show, target in presenter.states():
            show()
            settle()
            widget = target() if target is not None else None
            yield PRESENTER, state, widget or shell
        presenter.quiet()


def shots(shell: Shell, only: list[str] | None = None) -> Iterator[Shot]:
    """Every state of :func:`visit_states`, grabbed."""
    for screen, state, widget in visit_states(shell, only):
        yield Shot(screen, state, widget.grab().toImage())


def is_blank(image: QImage) -> bool:
    """True if an image has (almost) a single colour: nothing was drawn."""
    if image.isNull() or image.width() < 2 or image.height() < 2:
        return True
    colours = set()
    step_x, step_y = max(1, image.width() // 40), max(1, image.height() // 40)
    for y in range(0, image.height(), step_y):
        for x in range(0, image.width(), step_x):
            colours.add(image.pixel(x, y))
            if len(colours) > 3:
                return False
    return True
