"""The one display state: language, motion, the visitor's display settings and the window.

Every view that depends on how the exhibit is displayed gets a
:class:`DisplaySource` (the :class:`AppState`, or a screen's :class:`DisplayGate`)
and subscribes to its single :attr:`DisplaySource.changed` signal; the
:class:`DisplayChange` it carries says which :class:`Aspect` changed, so a view
restyles only what depends on it (napari's ``QtDims(dims)``: a view gets its model).
Nothing forwards sizes or languages by hand.
"""

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

    def value(self, name: str) -> int | bool:
        """A setting by its name (``"high_contrast"``)."""
        value: int | bool = dataclasses.asdict(self)[name]
        return value

    def differences(self, other: Access) -> tuple[str, ...]:
        """The names of the settings that differ from ``other``'s."""
        mine, theirs = dataclasses.asdict(self), dataclasses.asdict(other)
        return tuple(name for name in mine if mine[name] != theirs[name])

    def changed(self) -> tuple[str, ...]:
        """The names of the settings that differ from the defaults."""
        return self.differences(Access())


def next_language(lang: Lang) -> Lang:
    """The language after ``lang`` (what the language button switches to)."""
    return LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]


class Aspect(enum.Flag):
    """What a :class:`DisplayChange` changed."""

    NONE = 0
    #: The window's size or its screen (pixels per millimetre).
    SIZE = enum.auto()
    #: The visitor's text size.
    TEXT = enum.auto()
    #: Standard or high-contrast colours.
    PALETTE = enum.auto()
    #: Less motion (the animation level in force may have changed).
    MOTION = enum.auto()
    #: The language.
    LANGUAGE = enum.auto()
    #: Controls lower (low reach): the screens lay out below the reach header.
    REACH = enum.auto()


#: The aspects that change sizes and so the layout.
LAYOUT = Aspect.SIZE | Aspect.TEXT | Aspect.REACH
#: The visitor's display settings (the "Aa" panel).
SETTINGS = Aspect.TEXT | Aspect.PALETTE | Aspect.MOTION | Aspect.REACH
#: Every aspect (a view's first look at the display).
EVERYTHING = LAYOUT | Aspect.PALETTE | Aspect.MOTION | Aspect.LANGUAGE

#: Which aspect each :class:`Access` setting is.
_ACCESS_ASPECT = {"text_size": Aspect.TEXT, "high_contrast": Aspect.PALETTE,
                  "reduced_motion": Aspect.MOTION, "low_reach": Aspect.REACH}


@dataclass(frozen=True)
class Window:
    """The window the exhibit is shown in.

    Attributes
    ----------
    width, height
        Its size in device-independent pixels.
    px_per_mm
        Device-independent pixels per physical millimetre on its screen.
    kiosk
        Kiosk touch targets (20 mm) apply.
    reach_px
        Height of the low-reach header when the visitor asks for controls lower (the
        part of the window above a seated visitor's reach; 0 if there is none).
    """

    width: int
    height: int
    px_per_mm: float
    kiosk: bool = False
    reach_px: int = 0


@dataclass(frozen=True)
class Display:
    """Everything about how the exhibit is displayed, at one moment.

    Attributes
    ----------
    language
        The language of every text.
    access
        The visitor's display settings.
    motion
        The animation level in force.
    window
        The window, once it has a size (None before its first resize).
    """

    language: Lang
    access: Access
    motion: AnimationLevel
    window: Window | None = None

    @property
    def reach_px(self) -> int:
        """Height of the low-reach header in force (0 unless controls are lower)."""
        if self.window is None or not self.access.low_reach:
            return 0
        return self.window.reach_px


@dataclass(frozen=True)
class DisplayChange:
    """What changed (:attr:`what`) and the display now (:attr:`display`)."""

    what: Aspect
    display: Display

    def __contains__(self, aspects: Aspect) -> bool:
        """``Aspect.TEXT in change``: True if any of ``aspects`` changed."""
        return bool(self.what & aspects)


class DisplaySource(QObject):
    """Something that tells views the display: the :class:`AppState`, or a screen's
    :class:`DisplayGate`.

    Signals
    -------
    changed(object)
        A :class:`DisplayChange`, after the display changed.
    """

    changed = Signal(object)

    @property
    def display(self) -> Display:
        """The display now."""
        raise NotImplementedError


class DisplayGate(DisplaySource):
    """Passes on a source's changes while open; while closed it remembers what
    changed and tells it, as one change, when it opens again.

    A screen holds one for its views: a hidden screen does not restyle or lay out
    for every setting the visitor tries elsewhere, only once, when it is shown.

    Parameters
    ----------
    source
        Where the changes come from.
    is_open
        Whether changes pass at once from the start.
    """

    def __init__(self, source: DisplaySource, is_open: bool = False,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._open = is_open
        self._pending = Aspect.NONE
        source.changed.connect(self._on_source_changed)

    @property
    def display(self) -> Display:
        return self._source.display

    @property
    def pending(self) -> Aspect:
        """What changed while the gate was closed."""
        return self._pending

    def open(self) -> None:
        """Let changes through; first tell what changed while closed (if anything)."""
        self._open = True
        pending, self._pending = self._pending, Aspect.NONE
        if pending:
            self.changed.emit(DisplayChange(pending, self.display))

    def close(self) -> None:
        """Hold changes back until :meth:`open`."""
        self._open = False

    def _on_source_changed(self, change: DisplayChange) -> None:
        if self._open:
            self.changed.emit(change)
        else:
            self._pending |= change.what


class AppState(DisplaySource):
    """The display state every view follows: language, motion, the visitor's display
    settings (the "Aa" panel) and the window (set by the shell).

    Parameters
    ----------
    default_language
        The language the exhibit starts in and returns to on :meth:`reset`.
    animation
        The animation level every animation must respect.

    Signals
    -------
    changed(object)
        A :class:`DisplayChange` after anything changed; nothing is emitted when a
        setter is given what is already in force.
    """

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
        self._window: Window | None = None

    @property
    def display(self) -> Display:
        return Display(self._language, self._access, self.animation, self._window)

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

    @property
    def window(self) -> Window | None:
        """The window (None before the shell first sized it)."""
        return self._window

    def set_window(self, window: Window) -> None:
        """The window's new size or screen (the shell, on resize and screen change)."""
        if window != self._window:
            self._window = window
            self.changed.emit(DisplayChange(Aspect.SIZE, self.display))

    def set_access(self, *, text_size: int | None = None, high_contrast: bool | None = None,
                   reduced_motion: bool | None = None, low_reach: bool | None = None) -> None:
        """Change display settings (``text_size=150``, ``high_contrast=True`` …; None:
        as it is); emits :attr:`changed` only on a change."""
        old = self._access
        self._set_access(Access(old.text_size if text_size is None else text_size,
                                old.high_contrast if high_contrast is None else high_contrast,
                                old.reduced_motion if reduced_motion is None
                                else reduced_motion,
                                old.low_reach if low_reach is None else low_reach))

    def _set_access(self, new: Access) -> None:
        what = Aspect.NONE
        for name in new.differences(self._access):
            what |= _ACCESS_ASPECT[name]
        if what:
            self._access = new
            self.changed.emit(DisplayChange(what, self.display))

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
        """Switch language; emits :attr:`changed` only on a change."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}; known: {LANGUAGES}")
        if lang != self._language:
            self._language = lang
            self.changed.emit(DisplayChange(Aspect.LANGUAGE, self.display))

    def next_language(self) -> Lang:
        """The language the language button switches to."""
        return next_language(self._language)

    def reset(self) -> None:
        """Return to the defaults (used by the idle reset): the default language and
        the default display settings, told as one change."""
        what = Aspect.NONE
        for name in Access().differences(self._access):
            what |= _ACCESS_ASPECT[name]
        if self._language != self._default_language:
            what |= Aspect.LANGUAGE
        if what:
            self._language, self._access = self._default_language, Access()
            self.changed.emit(DisplayChange(what, self.display))
