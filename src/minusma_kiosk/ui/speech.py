"""Read-aloud through Qt's text-to-speech, where the machine has an offline engine.

QtTextToSpeech comes with PySide6-Addons, which the exhibit does not require: on a
machine without it, or without an engine (speech-dispatcher, flite …), nothing is
offered and nothing fails. The module is imported only when a visitor first opens
the display settings, so it costs start-up nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QLocale, QObject

log = logging.getLogger(__name__)

LOCALES = {"en": "en_GB", "fr": "fr_FR"}


def _qt_engine(parent: QObject):  # -> QTextToSpeech | None
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return None
    if not QTextToSpeech.availableEngines():
        return None
    engine = QTextToSpeech(parent)
    if engine.state() == QTextToSpeech.State.Error:
        log.info("text to speech unavailable: %s", engine.errorString())
        engine.deleteLater()
        return None
    return engine


class Speaker(QObject):
    """Says a text in a language, or does nothing where no engine exists.

    Parameters
    ----------
    engine
        An object with ``say(text)``, ``stop()`` and ``setLocale(QLocale)`` (a
        ``QTextToSpeech``); by default Qt's, if one can be made.
    """

    def __init__(self, parent: QObject | None = None, engine=None) -> None:
        super().__init__(parent)
        self._engine = engine if engine is not None else _qt_engine(self)

    @property
    def available(self) -> bool:
        """Whether anything can be said on this machine."""
        return self._engine is not None

    def say(self, text: str, lang: str) -> bool:
        """Say ``text`` in ``lang`` (stopping what was being said); False if unavailable."""
        if self._engine is None or not text.strip():
            return False
        self._engine.stop()
        self._engine.setLocale(QLocale(LOCALES.get(lang, lang)))
        self._engine.say(text)
        return True

    def stop(self) -> None:
        """Stop speaking (the visitor left, or the exhibit reset)."""
        if self._engine is not None:
            self._engine.stop()


def visible_text(widget) -> str:  # widget: QWidget
    """The texts of the labels shown inside ``widget``, in reading order, as sentences:
    what the visitor sees is what is read, in the language shown."""
    from PySide6.QtWidgets import QLabel

    parts = []
    for lab in widget.findChildren(QLabel):
        text = " ".join(lab.text().split())
        if text and lab.isVisibleTo(widget):
            parts.append(text if text[-1] in ".!?:…»" else text + ".")
    return " ".join(parts)
