"""The one time cursor: the date shown, the selected event, the filters, autoplay.

The map, the time strip and (later) the budget charts all follow this object;
none of them talks to the others.
"""

from __future__ import annotations

import bisect
import datetime as dt

from PySide6.QtCore import QObject, QTimer, Signal

from minusma_kiosk.content.model import FIRST_DAY, LAST_DAY, Category, Event, Timeline


def fiscal_year(day: dt.date) -> str:
    """The UN fiscal year (1 July – 30 June) a day falls in, e.g. ``"2013-14"``."""
    start = day.year if day.month >= 7 else day.year - 1
    return f"{start}-{(start + 1) % 100:02d}"


class TimelineState(QObject):
    """Where the visitor is in time, and what they chose to see.

    Parameters
    ----------
    timeline
        The loaded timeline (events sorted by date).

    Signals
    -------
    date_changed(object)
        The cursor moved (a ``datetime.date``).
    selection_changed(object)
        The selected event changed (an :class:`Event` or None).
    filter_changed()
        The region filter or the category filter changed.
    """

    date_changed = Signal(object)
    selection_changed = Signal(object)
    filter_changed = Signal()

    def __init__(self, timeline: Timeline, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeline = timeline
        self._date = timeline.events[0].date if timeline.events else FIRST_DAY
        self._selected: Event | None = None
        self._region: str | None = None
        self._categories: frozenset[Category] = frozenset(Category)
        self._visible = timeline.events

    # --- reading -----------------------------------------------------------------
    @property
    def date(self) -> dt.date:
        """The cursor's date."""
        return self._date

    @property
    def selected(self) -> Event | None:
        """The selected event, if any."""
        return self._selected

    @property
    def region(self) -> str | None:
        """The region the events are filtered to (None: all of Mali)."""
        return self._region

    @property
    def categories(self) -> frozenset[Category]:
        """The categories shown."""
        return self._categories

    def visible_events(self) -> tuple[Event, ...]:
        """The events that pass the filters, by date."""
        return self._visible

    def fiscal_year(self) -> str:
        """The UN fiscal year of the cursor (the budget charts follow it)."""
        return fiscal_year(self._date)

    def nearest_event(self, day: dt.date) -> Event | None:
        """The visible event closest in time to ``day`` (earlier one on a tie)."""
        events = self._visible
        if not events:
            return None
        dates = [e.date for e in events]
        i = bisect.bisect_left(dates, day)
        candidates = events[max(0, i - 1): i + 1]
        return min(candidates, key=lambda e: (abs((e.date - day).days), e.date))

    # --- changing ----------------------------------------------------------------
    def set_date(self, day: dt.date) -> None:
        """Move the cursor (clamped to the exhibit's period); keeps the selection."""
        day = min(max(day, FIRST_DAY), LAST_DAY)
        if day != self._date:
            self._date = day
            self.date_changed.emit(day)

    def select(self, event: Event | None) -> None:
        """Select an event (or none) and move the cursor to its date."""
        if event is not None:
            self.set_date(event.date)
        if event is not self._selected:
            self._selected = event
            self.selection_changed.emit(event)

    def snap(self) -> Event | None:
        """Select the visible event nearest to the cursor."""
        event = self.nearest_event(self._date)
        self.select(event)
        return event

    def step(self, direction: int, wrap: bool = False) -> Event | None:
        """Select the next (+1) or previous (-1) visible event."""
        events = self._visible
        if not events:
            return None
        if self._selected in events:
            i = events.index(self._selected) + direction
        else:
            dates = [e.date for e in events]
            i = bisect.bisect_right(dates, self._date) if direction > 0 else \
                bisect.bisect_left(dates, self._date) - 1
        if not 0 <= i < len(events):
            if not wrap:
                return self._selected
            i %= len(events)
        self.select(events[i])
        return events[i]

    def set_region(self, region: str | None) -> None:
        """Show only the events of ``region`` (None: all)."""
        if region != self._region:
            self._region = region
            self._refilter()

    def set_categories(self, categories: frozenset[Category]) -> None:
        """Show only these categories."""
        if categories != self._categories:
            self._categories = frozenset(categories)
            self._refilter()

    def toggle_category(self, category: Category) -> None:
        """Add or remove one category; the last one cannot be removed."""
        cats = set(self._categories)
        if category in cats and len(cats) > 1:
            cats.remove(category)
        else:
            cats.add(category)
        self.set_categories(frozenset(cats))

    def show_all(self) -> None:
        """Clear the region and category filters."""
        self._region = None
        self._categories = frozenset(Category)
        self._refilter()

    def set_timeline(self, timeline: Timeline) -> None:
        """New content: the same date, region and categories; the selected event is the
        one with the same id if it still exists (else none). Emits nothing: the screens
        that show the timeline are made again from the new content and read this state."""
        old = self._selected
        self.timeline = timeline
        by_id = {e.id: e for e in timeline.events}
        self._selected = by_id.get(old.id) if old is not None else None
        self._visible = self._filtered()
        if self._selected is not None and self._selected not in self._visible:
            self._selected = None

    def reset(self) -> None:
        """Back to the start: no filter, no selection, cursor on the first event."""
        self.show_all()
        self.select(None)
        self.set_date(self.timeline.events[0].date if self.timeline.events else FIRST_DAY)

    def _filtered(self) -> tuple[Event, ...]:
        return tuple(e for e in self.timeline.events
                     if e.category in self._categories
                     and (self._region is None or e.region == self._region))

    def _refilter(self) -> None:
        self._visible = self._filtered()
        self.filter_changed.emit()
        if self._selected is not None and self._selected not in self._visible:
            self.select(None)


class _Player(QObject):
    """Play/pause on a timer; subclasses say what one step does (``_advance``).

    Signals
    -------
    playing_changed(bool)
        Playback started or stopped.
    """

    playing_changed = Signal(bool)

    def __init__(self, state: TimelineState, interval_ms: int, name: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._timer = QTimer(self)
        self._timer.setObjectName(name)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def playing(self) -> bool:
        """Whether it is playing."""
        return self._timer.isActive()

    def play(self) -> None:
        """Start (taking the first step at once)."""
        if not self.playing:
            self._advance()
            self._timer.start()
            self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop."""
        if self.playing:
            self._timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        """Play if paused, pause if playing."""
        if self.playing:
            self.pause()
        else:
            self.play()

    def _on_timer_timeout(self) -> None:
        self._advance()

    def _advance(self) -> None:
        raise NotImplementedError


class Autoplay(_Player):
    """Steps through the visible events on a timer (play/pause, the attract loop).

    Parameters
    ----------
    state
        The cursor to drive.
    interval_ms
        Time spent on each event.
    """

    def __init__(self, state: TimelineState, interval_ms: int = 6000,
                 parent: QObject | None = None) -> None:
        super().__init__(state, interval_ms, "timeline_autoplay", parent)

    def _advance(self) -> None:
        self._state.step(+1, wrap=True)


class DayPlay(_Player):
    """Steps the cursor through given days on a timer (a chart's years, one by one).

    Parameters
    ----------
    state
        The cursor to drive.
    interval_ms
        Time spent on each day.
    """

    def __init__(self, state: TimelineState, interval_ms: int = 3000,
                 parent: QObject | None = None) -> None:
        super().__init__(state, interval_ms, "chart_autoplay", parent)
        self._days: tuple[dt.date, ...] = ()

    def set_days(self, days: tuple[dt.date, ...]) -> None:
        """The days to step through, in order (none: playing does nothing)."""
        self._days = tuple(sorted(days))

    def _advance(self) -> None:
        """To the first day after the cursor, or back to the first day after the last."""
        if not self._days:
            return
        later = [d for d in self._days if d > self._state.date]
        self._state.set_date(later[0] if later else self._days[0])
