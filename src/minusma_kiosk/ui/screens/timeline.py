"""The map-driven timeline: one time cursor for the map, the strip and the event.

Drag the strip to travel in time (it snaps to events); tap a marker or a region
on the map; the chips filter by kind of event; play steps through the events.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QWidget,
)

from minusma_kiosk.content.geo import MapData
from minusma_kiosk.content.model import (
    Category,
    Content,
    Event,
    Occupation,
    Place,
    TourStep,
)
from minusma_kiosk.state.app_state import AnimationLevel, AppState, Aspect
from minusma_kiosk.state.timeline_state import Autoplay, TimelineState
from minusma_kiosk.ui.display import follow, follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.event_panel import EventPanel
from minusma_kiosk.ui.widgets.event_picker import EventPicker, event_date
from minusma_kiosk.ui.widgets.filter_chips import FilterChips
from minusma_kiosk.ui.widgets.held_note import HeldNote, held_texts
from minusma_kiosk.ui.widgets.map_note import MapNote
from minusma_kiosk.ui.widgets.map_view import MapView
from minusma_kiosk.ui.widgets.reader_page import Block, ReaderPage
from minusma_kiosk.ui.widgets.text import button
from minusma_kiosk.ui.widgets.time_strip import TimeStrip

#: Shares of the width the story column may take in landscape, narrowest first: the
#: narrowest in which the longest stories fit whole is used, and the map takes the rest.
SIDE_SHARES = (0.32, 0.36, 0.40, 0.45, 0.50)
#: Most of the map column the controls beside the strip may take (landscape).
CONTROLS_SHARE = 0.3
#: How many of the longest stories (by title, text and source) the layout is fitted to.
LONGEST = 3


def longest_events(events: tuple[Event, ...], gentle: bool) -> tuple[Event, ...]:
    """The events whose title, text or source line is longest, in either language: the
    stories the panel must have room for."""
    def length(key) -> list[Event]:
        return sorted(events, key=key, reverse=True)[:LONGEST]

    chosen: dict[str, Event] = {}
    for lang in ("en", "fr"):
        for key in (lambda e, lang=lang: len(e.shown_text(gentle).get(lang)),
                    lambda e, lang=lang: len(e.title.get(lang)),
                    lambda e: len(e.source.title) + len(e.source.publisher or "")):
            for e in length(key):
                chosen[e.id] = e
    return tuple(chosen.values())


class TimelineScreen(Screen):
    """Map, event panel, controls, filter chips and the time strip.

    Parameters
    ----------
    content
        The loaded content (its timeline).
    state
        Shared app state (language, animation level).
    cursor
        The shared time cursor.
    map_data
        The bundled map.
    gentle
        Show events involving deaths without graphic detail.
    """

    screen_id = ScreenId.TIMELINE

    def __init__(self, content: Content, state: AppState, cursor: TimelineState,
                 map_data: MapData, gentle: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        assert content.timeline is not None
        self._content, self._state, self._cursor = content, state, cursor
        timeline = content.timeline
        self.autoplay = Autoplay(cursor, parent=self)
        self._region_names = {r.name: r for r in map_data.regions}
        self.map = MapView(map_data, timeline.places, timeline.camps, timeline.occupations,
                           self.display)
        self.map.setObjectName("timeline_map")
        self.panel = EventPanel(gentle)
        self.prev_button = button("arrow", "‹")
        self.prev_button.setObjectName("timeline_previous")
        self.play_button = button("primary")
        self.play_button.setObjectName("timeline_play")
        self.next_button = button("arrow", "›")
        self.next_button.setObjectName("timeline_next")
        self.region_note = MapNote()
        self.region_note.setObjectName("timeline_filter_note")
        #: The town or region held by armed groups the visitor last tapped, while the
        #: date shown is in its period (the filter note tells who held it).
        self.held: Occupation | None = None
        #: Who held it: across the bottom of the map while shown, in place of the
        #: legend and the filter note (the held places are in the north); the period's
        #: note above gives way when both do not fit.
        self.held_note = HeldNote(self.display)
        self.held_note.setObjectName("timeline_held")
        self.held_note.read_more.connect(self._on_held_read_more)
        self.era_note = MapNote()
        self.era_note.setObjectName("timeline_era")
        self.strip = TimeStrip(timeline.eras, self.display)
        self.strip.setObjectName("timeline_strip")
        self.filter_bar = FilterChips(self.display)
        self.filter_bar.toggled.connect(self._cursor.toggle_category)
        self.filter_bar.show_all_clicked.connect(self._cursor.show_all)
        self.chips, self.show_all_button = self.filter_bar.chips, self.filter_bar.show_all
        self.legend = MapNote()
        self.legend.setObjectName("timeline_legend")
        # The story, whole; the controls that move through time go beside the strip
        # (landscape) or under the story (portrait).
        self.side = self.panel
        self._controls = QWidget()
        controls = QHBoxLayout(self._controls)
        controls.setContentsMargins(0, 0, 0, 0)
        controls.addWidget(self.prev_button)
        controls.addWidget(self.play_button, 1)
        controls.addWidget(self.next_button)
        self._controls_layout = controls
        self._grid = QGridLayout(self)
        self._portrait: bool | None = None
        # The longest stories of the content: the side column is made wide (landscape)
        # or tall (portrait) enough for each of them to show whole.
        self._longest = longest_events(timeline.events, gentle)
        self._reader: ReaderPage | None = None
        self.panel.read_more.connect(self._on_panel_read_more)
        # The notes where Mali is not: the period and the legend on the west (the
        # Atlantic, Mauritania, Senegal), the filter at the bottom right (coastal West
        # Africa, south of Mali's eastern regions).
        self.map.set_corner_note(self.era_note, Qt.Corner.TopLeftCorner)
        self.map.set_corner_note(self.legend, Qt.Corner.BottomLeftCorner)
        self.map.set_corner_note(self.region_note, Qt.Corner.BottomRightCorner)
        self.map.set_top_widget(self.filter_bar)
        # Wiring: the cursor drives everything; widgets only report.
        self.prev_button.clicked.connect(lambda: self._user_step(-1))
        self.next_button.clicked.connect(lambda: self._user_step(+1))
        self.play_button.clicked.connect(self.autoplay.toggle)
        self.strip.scrubbed.connect(self._on_strip_scrubbed)
        self.strip.released.connect(self._on_strip_released)
        self.strip.tapped.connect(self._on_strip_released)
        self.strip.event_tapped.connect(self._on_strip_event_tapped)
        self.strip.cluster_tapped.connect(self._on_strip_cluster_tapped)
        self._picker: EventPicker | None = None
        self.map.place_tapped.connect(self._on_map_place_tapped)
        self.map.region_tapped.connect(self._on_map_region_tapped)
        self.map.held_tapped.connect(self._on_map_held_tapped)
        cursor.date_changed.connect(self._on_cursor_date_changed)
        cursor.selection_changed.connect(self._on_cursor_selection_changed)
        cursor.filter_changed.connect(self._on_cursor_filter_changed)
        self.autoplay.playing_changed.connect(self._on_autoplay_playing_changed)
        follow(self, self.display, Aspect.MOTION,
               lambda change: self._on_motion_changed(change.display.motion))
        self._on_cursor_filter_changed()
        self._on_cursor_date_changed(cursor.date)
        self._on_cursor_selection_changed(cursor.selected)
        self.retranslate()
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    def _arrange(self, portrait: bool) -> None:
        """Landscape: the map and the strip on the left, the story on the right, as
        tall as the screen. Portrait: the map above the story, the strip below."""
        self.filter_bar.arrange(self._room_for_chips(portrait))
        self.map.place_overlays()
        if portrait == self._portrait:
            return
        self._portrait = portrait
        g = self._grid
        for w in (self.map, self.strip, self.side, self._controls):
            g.removeWidget(w)
        if portrait:
            for row, w in enumerate((self.map, self.side, self._controls, self.strip)):
                g.addWidget(w, row, 0, 1, 2)
            g.setColumnStretch(1, 1)
            g.setColumnStretch(2, 0)
        else:
            g.addWidget(self.map, 0, 0, 1, 2)
            g.addWidget(self._controls, 1, 0)
            g.addWidget(self.strip, 1, 1)
            g.addWidget(self.side, 0, 2, 2, 1)
            g.setColumnStretch(1, 1)
            g.setColumnStretch(2, 0)
        g.setColumnStretch(0, 0)
        g.setRowStretch(0, 1)

    def _fit_panel(self) -> None:
        """Give the story the room the content's longest needs, whole.

        Landscape: the narrowest side column (from a third of the width to a half) in
        which every long story fits the column's height; the map takes the rest.
        Portrait: the story's height at the full width; the map takes the rest.
        """
        if self._portrait is None or self.width() <= 0 or self.height() <= 0:
            return
        m = self._grid.contentsMargins()
        events = self._longest + (None,)
        controls = self._controls.minimumSizeHint().height()
        if self._portrait:
            width = self.width() - m.left() - m.right()
            spacing = self._grid.verticalSpacing()
            room = self.height() - m.top() - m.bottom() - controls - 3 * spacing \
                - max(self.strip.minimumHeight(), self.strip.sizeHint().height()) \
                - max(self.map.minimumHeight(), self.map.minimumSizeHint().height())
            need = min(self.panel.needed_for(events, width), max(room, 0))
            self.side.setMinimumWidth(0)
            self.side.setMaximumWidth(16777215)
            self._controls.setMaximumWidth(16777215)
            self.panel.setMinimumHeight(need)
            self.panel.setMaximumHeight(need)
            self.panel.fit_to(need, width)
            return
        room = self.height() - m.top() - m.bottom()
        usable = self.width() - m.left() - m.right() - self._grid.horizontalSpacing()
        if usable <= 0 or room <= 0:
            return
        chosen = round(usable * SIDE_SHARES[-1])
        for share in SIDE_SHARES:
            width = round(usable * share)
            if self.panel.needed_for(events, width) <= room:
                chosen = width
                break
        self.panel.setMinimumHeight(0)
        self.panel.setMaximumHeight(16777215)
        self.side.setFixedWidth(chosen)
        self._controls.setMaximumWidth(round(usable * CONTROLS_SHARE))
        self.panel.fit_to(room, chosen)

    def _on_panel_read_more(self) -> None:
        """The whole story, on a page over the window."""
        self.autoplay.pause()
        if self._reader is None:
            self._reader = ReaderPage(self.window(), self.display)
        date, title, meta, text, source = self.panel.story
        self._reader.open(title, [Block(date, "kicker", primary=True),
                                  Block(meta, "caption", primary=True),
                                  Block(text, "body", primary=True),
                                  Block(source, "caption", primary=True)],
                          self.tr("Back to the timeline"))

    def _on_held_read_more(self) -> None:
        """Who held the town or region, with where the sources differ and each source in
        full, on a page over the window."""
        texts = self.held_note.texts
        if texts is None:
            return
        self.autoplay.pause()
        if self._reader is None:
            self._reader = ReaderPage(self.window(), self.display)
        blocks = [Block(texts.when, "body", primary=True)]
        if texts.differ:
            blocks.append(Block(texts.differ, "body", primary=True))
        blocks += [Block(self.tr("Source: {source}").format(source=s), "caption", primary=True)
                   for s in texts.full_sources]
        self._reader.open(texts.heading, blocks, self.tr("Back to the timeline"))

    @property
    def reader(self) -> ReaderPage | None:
        """The "Read more" page, once opened."""
        return self._reader

    def _close_reader(self) -> None:
        for page in (self._reader, self._picker):
            if page is not None:
                page.hide()

    def _room_for_chips(self, portrait: bool | None) -> int:
        """The width over the map the chips' bar may take."""
        m = self._grid.contentsMargins()
        width = self.width() - m.left() - m.right()
        if portrait is False:
            width -= self.side.width() + self._grid.horizontalSpacing()
        return width

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_panel()
        if self._portrait is not None:
            self._arrange(self._portrait)
            self._fit_panel()

    # --- slots ---------------------------------------------------------------------
    def _user_step(self, direction: int) -> None:
        self.autoplay.pause()
        self._cursor.step(direction)

    def _on_strip_scrubbed(self, day: dt.date) -> None:
        self.autoplay.pause()
        self._cursor.set_date(day)

    def _on_strip_released(self, day: dt.date) -> None:
        self.autoplay.pause()
        self._cursor.set_date(day)
        self._cursor.snap()

    def _on_strip_event_tapped(self, event: Event) -> None:
        self.autoplay.pause()
        self._cursor.select(event)

    def _on_strip_cluster_tapped(self, events: tuple[Event, ...]) -> None:
        """Events a fingertip apart on the strip: which one? (a page of large buttons)"""
        self.autoplay.pause()
        if self._picker is None:
            self._picker = EventPicker(self.window(), self.display)
            self._picker.chosen.connect(self._on_strip_event_tapped)
        lang = self._state.language
        first, last = event_date(events[0], lang), event_date(events[-1], lang)
        heading = self.tr("{n} events, {first} to {last}").format(n=len(events), first=first,
                                                                  last=last)
        self._picker.open(events, lang, heading, self.tr("Back to the timeline"))

    @property
    def picker(self) -> EventPicker | None:
        """The page of a bubble's events, once opened."""
        return self._picker

    def _on_map_place_tapped(self, place: Place) -> None:
        self.autoplay.pause()
        here = [e for e in self._cursor.visible_events() if e.place is place]
        if here:
            self._cursor.select(min(here, key=lambda e: abs((e.date - self._cursor.date).days)))

    def _on_map_region_tapped(self, region: str | None) -> None:
        self.autoplay.pause()
        self._cursor.set_region(region if region != self._cursor.region else None)

    def _on_map_held_tapped(self, held: Occupation | None) -> None:
        self.held = held
        self._update_filter_row()
        if held is not None and not self.held_note.isVisibleTo(self.map):
            # No room over the map even for its heading (a portrait map at 150 % text):
            # the answer opens on its own page.
            self._on_held_read_more()

    def _on_cursor_date_changed(self, day: dt.date) -> None:
        self.map.set_date(day)
        if self.held is not None and not self.held.held_on(day):
            self.held = None
            self._update_filter_row()
        self.strip.set_cursor(day, self._cursor.selected)
        self._update_era()

    def _update_era(self) -> None:
        """Name the era the cursor is in, with its summary (the bands are too narrow)."""
        lang = self._state.language
        day = self._cursor.date
        era = next((e for e in self._cursor.timeline.eras if e.start <= day <= e.end), None)
        if era is None:
            self.era_note.set_text("", "")
            return
        if self.era_note.set_text(era.title.get(lang), era.summary.get(lang)):
            self.map.place_overlays()  # only for a new era: placing costs a millisecond

    def _on_cursor_selection_changed(self, event: Event | None) -> None:
        self.map.set_selected(event)
        self.strip.set_cursor(self._cursor.date, event)
        self.panel.show_event(event, self._state.language)

    def _on_cursor_filter_changed(self) -> None:
        events = self._cursor.visible_events()
        self.map.set_events(events)
        self.map.set_region_filter(self._cursor.region)
        self.strip.set_events(events)
        self._update_filter_row()

    def _on_autoplay_playing_changed(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setAccessibleName(self.play_button.text())

    def _update_filter_row(self) -> None:
        lang = self._state.language
        region = self._cursor.region
        n = len(self._cursor.visible_events())
        if region is not None:
            status = self.tr("Showing the {n} events of the {region} region").format(
                n=n, region=self._region_name(region, lang))
        elif len(self._cursor.categories) < len(Category):
            status = self.tr("Showing {n} events of the chosen kinds").format(n=n)
        else:
            status = self.tr("{n} events. Tap a region of the map to see only its "
                             "events.").format(n=n)
        held = self.held
        self.region_note.set_text("", status)
        if held is None:
            self.held_note.show_texts(None)
            self.map.set_corner_note(self.legend, Qt.Corner.BottomLeftCorner)
        else:
            name = held.place.name.get(lang) if held.place is not None else \
                self._region_name(held.region or "", lang)
            self.held_note.show_texts(held_texts(held, name, lang))
            self.map.set_corner_note(self.held_note, Qt.Corner.BottomLeftCorner)
        filtered = region is not None or len(self._cursor.categories) < len(Category)
        self.filter_bar.set_state(frozenset(self._cursor.categories), filtered)
        self.map.place_overlays()

    def _region_name(self, region: str, lang: str) -> str:
        known = self._region_names.get(region)
        return known.name_fr if lang == "fr" and known is not None else region

    # --- Screen hooks ------------------------------------------------------------------
    def retranslate(self) -> None:
        lang = self._state.language
        self.map.setAccessibleName(self.tr("Map of Mali"))
        self.map.setAccessibleDescription(self.tr(
            "Regions, the Niger, towns and UN camps at the date shown. Tap a region to see "
            "only its events, or a town to open its event nearest the date shown."))
        self.strip.setAccessibleName(self.tr("Time strip, 2012 to 2024"))
        self.strip.setAccessibleDescription(self.tr(
            "Drag it to move through time; tap a mark to open that event."))
        self.prev_button.setAccessibleName(self.tr("Previous event"))
        self.next_button.setAccessibleName(self.tr("Next event"))
        self._on_autoplay_playing_changed(self.autoplay.playing)
        self.legend.set_text("", self.tr(
            "Black ring: town with events (larger: more). Blue square: UN camp (hollow: "
            "opening date not verified). Red hatching: held by armed groups; tap it. No "
            "hatching does not prove state control."))
        self.panel.region_names = {
            r.name: (r.name_fr if lang == "fr" else r.name) for r in self._region_names.values()}
        self.panel.show_event(self._cursor.selected, lang)
        self._update_filter_row()
        self._update_era()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("m")
        self._grid.setContentsMargins(margin, m.space("s"), margin, m.space("s"))
        self._grid.setHorizontalSpacing(m.space("m"))
        self._grid.setVerticalSpacing(m.space("s"))
        self._controls_layout.setSpacing(m.space("s"))
        self._arrange(m.portrait)
        # Portrait: the map keeps at least a fifth to a quarter of the height (less with
        # larger text, so that more of the story stays on the screen).
        share = 0.25 if m.text_scale <= 1.25 else 0.2
        self.map.setMinimumHeight(round(m.height * share) if m.portrait else 0)
        self.map.set_sizes(m.font("caption"), m.px_per_mm)
        self.strip.set_font_px(m.font("caption"), round(m.font("caption") * 6.3))
        self.strip.set_target_px(m.min_target)
        self.panel.set_spacing(m.space("m"), m.space("s"))
        for note in (self.era_note, self.region_note, self.legend, self.held_note):
            note.widest = round(m.width * (0.4 if m.portrait else 0.2))
            note.set_padding(m.space("s"))
        side = m.target()
        for b in (self.prev_button, self.next_button):
            b.setFixedWidth(side)
        self._fit_panel()

    def _on_motion_changed(self, level: AnimationLevel) -> None:
        self.strip.inertia = level is not AnimationLevel.NONE
        self.map.motion = level is AnimationLevel.FULL

    def spoken_text(self) -> str:
        from minusma_kiosk.ui.speech import visible_text

        return visible_text(self.panel)

    def on_enter(self) -> None:
        self.map.set_selected(self._cursor.selected)

    def on_leave(self) -> None:
        self._close_reader()
        self.autoplay.pause()
        self.strip.stop()
        self.map.stop_motion()

    def reset(self) -> None:
        self._close_reader()
        self.autoplay.pause()
        self.held = None
        self._cursor.reset()
        self.map.reset_view()

    def show_held(self, occupation_id: str) -> None:
        timeline = self._cursor.timeline
        held = next(o for o in timeline.occupations if o.id == occupation_id)
        self.autoplay.pause()
        self._cursor.show_all()
        inside = [e for e in self._cursor.visible_events() if held.held_on(e.date)]
        if inside:
            self._cursor.select(inside[0])
        else:
            self._cursor.select(None)
            self._cursor.set_date(held.held_from)
        self._on_map_held_tapped(held)

    def present(self, step: TourStep) -> None:
        self.autoplay.pause()
        self.held = None
        self._cursor.show_all()
        self._cursor.set_region(step.region)
        if step.event is not None:
            self._cursor.select(step.event)
        elif step.date is not None:
            self._cursor.select(None)
            self._cursor.set_date(step.date)

    def attract(self, on: bool) -> None:
        if on:
            self.autoplay.play()
        else:
            self.autoplay.pause()
