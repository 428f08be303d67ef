"""Exhibit-wide state: language and animation level."""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Signal

from minusma_kiosk.content.model import LANGUAGES, Lang


class AnimationLevel(enum.Enum):
    """How much motion the exhibit shows (tests run with NONE)."""

    NONE = "none"
    REDUCED = "reduced"
    FULL = "full"


class AppState(QObject):
    """The visitor-facing settings every screen follows.

    Parameters
    ----------
    default_language
        The language the exhibit starts in and returns to on :meth:`reset`.
    animation
        The animation level every animation must respect.

    Signals
    -------
    language_changed(str)
        Emitted with the new language code after it changed.
    """

    language_changed = Signal(str)

    def __init__(self, default_language: Lang = "en",
                 animation: AnimationLevel = AnimationLevel.FULL,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if default_language not in LANGUAGES:
            raise ValueError(f"unknown language {default_language!r}; known: {LANGUAGES}")
        self._default_language: Lang = default_language
        self._language: Lang = default_language
        self.animation = animation

    @property
    def language(self) -> Lang:
        """The current language code."""
        return self._language

    @property
    def default_language(self) -> Lang:
        """The language the exhibit starts in and returns to."""
        return self._default_language

    def set_default_language(self, lang: str) -> None:
        """A new language to return to after each visit (the admin panel)."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; known: {LANGUAGES}")
        self._default_language = lang  # type: ignore[assignment]  # checked above

    def set_language(self, lang: Lang) -> None:
        """Switch language; emits :attr:`language_changed` only on a change."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; known: {LANGUAGES}")
        if lang != self._language:
            self._language = lang
            self.language_changed.emit(lang)

    def next_language(self) -> Lang:
        """The language the language button switches to."""
        i = LANGUAGES.index(self._language)
        return LANGUAGES[(i + 1) % len(LANGUAGES)]

    def reset(self) -> None:
        """Return to the defaults (used by the idle reset)."""
        self.set_language(self._default_language)
