"""How views follow the display state: subscribe once, restyle only what changed.

A view is given a :class:`~minusma_kiosk.state.app_state.DisplaySource` and calls
:func:`follow` (or :func:`follow_metrics`, :func:`follow_language`) in its
constructor; the handler runs at once with the display as it is, then on every
change of the aspects it asked for. A style root (a screen, the navigation bar, an
overlay) calls :func:`style_root` first, so its style sheet is in force before its
own views lay out. Nobody forwards sizes, colours or languages by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from minusma_kiosk.state.app_state import (
    EVERYTHING,
    LAYOUT,
    Aspect,
    Display,
    DisplayChange,
    DisplaySource,
)
from minusma_kiosk.ui.theme.metrics import Metrics, compute_metrics
from minusma_kiosk.ui.theme.palette import palette_for
from minusma_kiosk.ui.theme.style import stylesheet


def metrics_of(display: Display) -> Metrics | None:
    """The pixel metrics for a display (None until the window has a size)."""
    window = display.window
    if window is None:
        return None
    return _metrics(window.width, window.height - display.reach_px, window.px_per_mm,
                    window.kiosk, display.access.text_size, display.access.high_contrast)


@functools.lru_cache(maxsize=16)
def _metrics(width: int, height: int, ppmm: float, kiosk: bool, text_size: int,
             high_contrast: bool) -> Metrics:
    return compute_metrics(width, height, ppmm, kiosk=kiosk, text_scale=text_size / 100,
                           high_contrast=high_contrast)


@functools.lru_cache(maxsize=8)
def sheet_for(m: Metrics) -> str:
    """The application style sheet for metrics ``m`` (cached: every style root of one
    window asks for the same one)."""
    return stylesheet(m, palette_for(m.high_contrast))


class _Follower(QObject):
    """Calls a handler for the changes it asked for; a child of the view, so it goes
    (and its connection with it) when the view goes."""

    def __init__(self, owner: QObject, source: DisplaySource, aspects: Aspect,
                 handler: Callable[[DisplayChange], None]) -> None:
        super().__init__(owner)
        self._aspects = aspects
        self._handler = handler
        source.changed.connect(self._on_source_changed)

    def _on_source_changed(self, change: DisplayChange) -> None:
        if change.what & self._aspects:
            self._handler(change)


def follow(owner: QObject, source: DisplaySource, aspects: Aspect,
           handler: Callable[[DisplayChange], None], *, now: bool = True) -> None:
    """Call ``handler(change)`` whenever one of ``aspects`` changes, for as long as
    ``owner`` lives; with ``now``, also at once with the display as it is."""
    _Follower(owner, source, aspects, handler)
    if now:
        handler(DisplayChange(aspects & EVERYTHING, source.display))


def follow_metrics(owner: QObject, source: DisplaySource, apply: Callable[[Metrics], None],
                   aspects: Aspect = LAYOUT) -> None:
    """Call ``apply(metrics)`` now (once the window has a size) and whenever the sizes
    change (or whatever ``aspects`` says, e.g. ``LAYOUT | Aspect.PALETTE``)."""

    def on_change(change: DisplayChange) -> None:
        m = metrics_of(change.display)
        if m is not None:
            apply(m)

    follow(owner, source, aspects, on_change)


def follow_language(owner: QObject, source: DisplaySource,
                    retranslate: Callable[[], None], *, now: bool = False) -> None:
    """Call ``retranslate()`` whenever the language changes (with ``now``, also at once;
    views usually set their texts in their constructor already)."""
    follow(owner, source, Aspect.LANGUAGE, lambda _change: retranslate(), now=now)


class StyleRoot(QObject):
    """Keeps the application style sheet on one widget (a screen, the navigation bar,
    an overlay), plus rules of its own (:meth:`set_extra`).

    The sheet is set on the style roots, not on the window: a change of colours or
    text size restyles the roots that are shown (a screen's gate holds it back
    while the screen is hidden), never every widget of every screen.
    """

    def __init__(self, widget: QWidget, source: DisplaySource) -> None:
        super().__init__(widget)
        self._widget = widget
        self._extra = ""
        self._applied: tuple[Metrics, str] | None = None
        self._metrics: Metrics | None = None
        follow(self, source, LAYOUT | Aspect.PALETTE, self._on_display_changed)

    def _on_display_changed(self, change: DisplayChange) -> None:
        self._metrics = metrics_of(change.display)
        self._apply()

    def set_extra(self, rules: str) -> None:
        """Rules of this widget's own, after the application's (restyles if new)."""
        self._extra = rules
        self._apply()

    def _apply(self) -> None:
        m = self._metrics
        if m is None or self._applied == (m, self._extra):
            return
        self._applied = (m, self._extra)
        self._widget.setStyleSheet(sheet_for(m) + self._extra)


def style_root(widget: QWidget, source: DisplaySource) -> StyleRoot:
    """Make ``widget`` a style root following ``source``; call it before the widget's
    views follow the same source, so the sheet is in force when they lay out."""
    return StyleRoot(widget, source)
