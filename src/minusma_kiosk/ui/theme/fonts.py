"""Load the bundled typeface so text renders the same on every machine."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from minusma_kiosk import resources

log = logging.getLogger(__name__)
FONT_FILES = ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")
FAMILY = "Noto Sans"


def install_fonts(app: QApplication) -> str:
    """Register the bundled fonts and make them the application font.

    Returns
    -------
    str
        The family in use (falls back to the platform default if loading fails).
    """
    family = None
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(resources.path("fonts", name)))
        if font_id < 0:
            log.error("could not load bundled font %s", name)
            continue
        family = family or QFontDatabase.applicationFontFamilies(font_id)[0]
    if family:
        font = QFont(family)
        font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
        app.setFont(font)
    return family or app.font().family()
