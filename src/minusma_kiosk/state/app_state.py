"""Exhibit-wide state: language, animation level and the visitor's display settings."""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from minusma_kiosk.content.model import LANGUAGES, Lang


class AnimationLevel(enum.Enum):
    """How much motion the exhibit shows (tests run with NONE)."""

    NONE = "none"
    REDUCED = "reduced"
    FULL = "full"


#: The text sizes a visitor can pick, in per cent.
TEXT_SIZES = (100, 125, 150)


@dataclass(frozen=True)
class Access:
    """The visitor's display settings (the accessibility panel).

    Attributes
    ----------
    text_size
        Per cent of the design type sizes: one of :data:`TEXT_SIZES`.
    high_contrast
        The high-contrast theme.
    reduced_motion
        Animations turn into cross-fades or stop (whatever the configured level).
    low_reach
        Every control in the lower part of the screen, for seated visitors.
    """

    text_size: int = 100
    high_contrast: bool = False
    reduced_motion: bool = False
    low_reach: bool = False

    def __post_init__(self) -> None:
        if self.text_size not in TEXT_SIZES:
            raise ValueError(f"text size {self.text_size} is not one of {TEXT_SIZES}")

    def differences(self, other: Access) -> tuple[str, ...]:
        """The names of the settings that differ from ``other``'s."""
        return tuple(f.name for f in dataclasses.fields(self)
                     if getattr(self, f.name) != getattr(other, f.name))

    def changed(self) -> tuple[str, ...]:
        """The names of the settings that differ from the defaults."""
        return self.differences(Access())


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
    access_changed(object)
        Emitted with the new :class:`Access` after a display setting changed.
    motion_changed(object)
        Emitted with the new :class:`AnimationLevel` in force when it changed (the
        visitor asked for less motion, or the reset undid it). Animations follow this
        signal alone: less motion changes no size, so nothing is laid out again.
    """

    language_changed = Signal(str)
    access_changed = Signal(object)
    motion_changed = Signal(object)

    def __init__(self, default_language: Lang = "en",
                 animation: AnimationLevel = AnimationLevel.FULL,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        if default_language not in LANGUAGES:
            raise ValueError(f"unknown language {default_language!r}; known: {LANGUAGES}")
        self._default_language: Lang = default_language
        self._language: Lang = default_language
        #: The configured animation level; :attr:`animation` is what is in force.
        self.base_animation = animation
        self._access = Access()

    @property
    def animation(self) -> AnimationLevel:
        """The animation level in force: the configured one, reduced if the visitor
        asked for less motion."""
        if self._access.reduced_motion and self.base_animation is AnimationLevel.FULL:
            return AnimationLevel.REDUCED
        return self.base_animation

    @property
    def access(self) -> Access:
        """The visitor's display settings."""
        return self._access

    def set_access(self, *, text_size: int | None = None, high_contrast: bool | None = None,
                   reduced_motion: bool | None = None, low_reach: bool | None = None) -> None:
        """Change display settings (``text_size=150``, ``high_contrast=True`` …; None:
        as it is); emits :attr:`access_changed` only on a change."""
        old = self._access
        self._set_access(Access(old.text_size if text_size is None else text_size,
                                old.high_contrast if high_contrast is None else high_contrast,
                                old.reduced_motion if reduced_motion is None
                                else reduced_motion,
                                old.low_reach if low_reach is None else low_reach))

    def _set_access(self, new: Access) -> None:
        if new == self._access:
            return
        motion = self.animation
        self._access = new
        self.access_changed.emit(new)
        if self.animation is not motion:
            self.motion_changed.emit(self.animation)

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
        self._default_language = lang  # narrowed to a Lang by the check above

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
        """Return to the defaults (used by the idle reset): the default language and
        the default display settings."""
        self.set_language(self._default_language)
        self._set_access(Access())
