"""Swap Qt translators when the visitor changes language.

UI strings are marked with ``tr()`` / ``QCoreApplication.translate()`` in the
code; ``resources/translations/minusma_kiosk_<lang>.ts`` holds their
translations and ``tools/i18n.py`` compiles them to ``.qm`` files.
English is the source language and needs no catalogue.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTranslator

from minusma_kiosk import resources
from minusma_kiosk.content.model import Lang

log = logging.getLogger(__name__)


class Translations(QObject):
    """Holds the installed translator and replaces it on a language change."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._translator: QTranslator | None = None
        self._loaded: dict[str, QTranslator] = {}  # each catalogue is read once

    def release(self) -> None:
        """Remove the installed catalogue (when the window that owns it closes)."""
        app = QCoreApplication.instance()
        if self._translator is not None and app is not None:
            app.removeTranslator(self._translator)
        self._translator = None

    def apply(self, lang: Lang) -> bool:
        """Install the catalogue for ``lang``; returns False if it could not be loaded."""
        app = QCoreApplication.instance()
        assert app is not None
        self.release()
        if lang == "en":
            return True
        translator = self._loaded.get(lang) or load_catalogue(lang, self)
        if translator is None:
            return False
        self._loaded[lang] = translator
        app.installTranslator(translator)
        self._translator = translator
        return True


def load_catalogue(lang: Lang, parent: QObject | None = None) -> QTranslator | None:
    """The compiled UI catalogue of ``lang``, or None (logged) if it cannot be read."""
    try:
        qm = resources.path("translations", f"minusma_kiosk_{lang}.qm")
    except FileNotFoundError:
        log.error("no UI translation for %s; UI strings stay in English", lang)
        return None
    translator = QTranslator()
    if not translator.load(str(qm)):
        log.error("could not load %s; UI strings stay in English", qm)
        return None
    translator.setParent(parent)
    return translator


_catalogues: dict[str, QTranslator | None] = {}


def translate_to(lang: Lang, context: str, text: str) -> str:
    """``text`` in ``lang`` whatever the current language (the attract loop shows both).

    The string must also be marked for ``tools/i18n.py`` with ``QT_TRANSLATE_NOOP``.
    """
    if lang == "en":
        return text
    if lang not in _catalogues:
        _catalogues[lang] = load_catalogue(lang)
    translator = _catalogues[lang]
    return (translator.translate(context, text) if translator else "") or text
