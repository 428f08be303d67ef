"""The map-driven timeline: one time cursor for the map, the strip and the event.

Drag the strip to travel in time (it snaps to events); tap a marker or a region
on the map; the chips filter by kind of event; play steps through the events.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.geo import MapData
from minusma_kiosk.content.model import Category, Content, Event, Place, TourStep
from minusma_kiosk.content.typography import colon
from minusma_kiosk.state.app_state import AnimationLevel, AppState, Aspect
from minusma_kiosk.state.timeline_state import Autoplay, TimelineState
from minusma_kiosk.ui.display import follow, follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.event_panel import EventPanel, category_name
from minusma_kiosk.ui.widgets.map_view import MapView
from minusma_kiosk.ui.widgets.markers import marker_path
from minusma_kiosk.ui.widgets.text import button, label, set_flag
from minusma_kiosk.ui.widgets.time_strip import TimeStrip


def category_icon(category: Category, side: int) -> QIcon:
    """The category's marker shape as an icon (shape and colour, never colour alone)."""
    pixmap = QPixmap(QSize(side, side))
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillPath(marker_path(category, QPointF(side / 2, side / 2), side * 0.36),
               QColor(palette().categories.of(category.value)))
    p.end()
    return QIcon(pixmap)


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
        outer = QVBoxLayout(self)
        self._outer = outer
        self._chips_grid = QGridLayout()
        # Large text or a low window: legend and era summary are in the event panel.
        self._compact = False
        outer.addLayout(self._chips_grid)
        self._main = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.map = MapView(map_data, timeline.places, timeline.camps, timeline.occupations,
                           self.display)
        self.map.setObjectName("timeline_map")
        self._main.addWidget(self.map, 3)
        side = QVBoxLayout()
        self.panel = EventPanel(gentle)
        side.addWidget(self.panel, 1)
        controls = QHBoxLayout()
        self.prev_button = button("arrow", "‹")
        self.prev_button.setObjectName("timeline_previous")
        self.play_button = button("primary")
        self.play_button.setObjectName("timeline_play")
        self.next_button = button("arrow", "›")
        self.next_button.setObjectName("timeline_next")
        controls.addWidget(self.prev_button)
        controls.addWidget(self.play_button, 1)
        controls.addWidget(self.next_button)
        side.addLayout(controls)
        filters = QHBoxLayout()
        self.region_label = label("caption")
        self.show_all_button = button("secondary")
        self.show_all_button.setObjectName("timeline_show_all")
        filters.addWidget(self.region_label, 1)
        filters.addWidget(self.show_all_button)
        side.addLayout(filters)
        self._main.addLayout(side, 2)
        outer.addLayout(self._main, 1)
        self.era_label = label("body")
        self.era_label.setObjectName("timeline_era")
        outer.addWidget(self.era_label)
        self.strip = TimeStrip(timeline.eras, self.display)
        self.strip.setObjectName("timeline_strip")
        outer.addWidget(self.strip)
        self.chips: dict[Category, QPushButton] = {}
        for category in Category:
            chip = button("chip")
            chip.setObjectName(f"chip_{category.value}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.clicked.connect(lambda _=False, c=category: self._cursor.toggle_category(c))
            self.chips[category] = chip
        self.legend = label("caption")
        self._place_chips(columns=len(Category))
        # Wiring: the cursor drives everything; widgets only report.
        self.prev_button.clicked.connect(lambda: self._user_step(-1))
        self.next_button.clicked.connect(lambda: self._user_step(+1))
        self.play_button.clicked.connect(self.autoplay.toggle)
        self.show_all_button.clicked.connect(self._cursor.show_all)
        self.strip.scrubbed.connect(self._on_strip_scrubbed)
        self.strip.released.connect(self._on_strip_released)
        self.strip.tapped.connect(self._on_strip_released)
        self.map.place_tapped.connect(self._on_map_place_tapped)
        self.map.region_tapped.connect(self._on_map_region_tapped)
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
        # The chips' category shapes are drawn in the palette's colours.
        follow_metrics(self, self.display, self._draw_chip_icons, Aspect.PALETTE)

    def _draw_chip_icons(self, m: Metrics) -> None:
        icon = m.font("body")
        for category, chip in self.chips.items():
            chip.setIcon(category_icon(category, icon * 2))
            chip.setIconSize(QSize(icon, icon))

    def _set_compact(self, compact: bool) -> None:
        """Large text: the era summary and the legend move into the event panel."""
        if compact == self._compact:
            return
        self._compact = compact
        if compact:
            self._outer.removeWidget(self.era_label)
            self._chips_grid.removeWidget(self.legend)
            self.panel.set_extras([self.era_label, self.legend])
        else:
            self.panel.set_extras([])
            self._outer.insertWidget(self._outer.indexOf(self.strip), self.era_label)
        self.era_label.show()
        self.legend.show()

    def _place_chips(self, columns: int) -> None:
        """Chips in one row (landscape) or two (portrait, large text); the legend beside or
        below (or, with large text, in the event panel)."""
        grid = self._chips_grid
        for w in (*self.chips.values(), self.legend):
            grid.removeWidget(w)
        for i, chip in enumerate(self.chips.values()):
            grid.addWidget(chip, i // columns, i % columns)
        rows = (len(self.chips) + columns - 1) // columns
        if self._compact:
            grid.setColumnStretch(len(self.chips), 0)
        elif columns == len(self.chips):
            grid.addWidget(self.legend, 0, columns)
            grid.setColumnStretch(columns, 1)
        else:
            grid.addWidget(self.legend, rows, 0, 1, columns)
            grid.setColumnStretch(len(self.chips), 0)

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

    def _on_map_place_tapped(self, place: Place) -> None:
        self.autoplay.pause()
        here = [e for e in self._cursor.visible_events() if e.place is place]
        if here:
            self._cursor.select(min(here, key=lambda e: abs((e.date - self._cursor.date).days)))

    def _on_map_region_tapped(self, region: str | None) -> None:
        self.autoplay.pause()
        self._cursor.set_region(region if region != self._cursor.region else None)

    def _on_cursor_date_changed(self, day: dt.date) -> None:
        self.map.set_date(day)
        self.strip.set_cursor(day, self._cursor.selected)
        self._update_era()

    def _update_era(self) -> None:
        """Name the era the cursor is in, with its summary (the bands are too narrow)."""
        lang = self._state.language
        day = self._cursor.date
        era = next((e for e in self._cursor.timeline.eras if e.start <= day <= e.end), None)
        if era is None:
            self.era_label.setText("")
            return
        self.era_label.setText(f"{era.title.get(lang)}{colon(lang)}{era.summary.get(lang)}")

    def _on_cursor_selection_changed(self, event: Event | None) -> None:
        self.map.set_selected(event)
        self.strip.set_cursor(self._cursor.date, event)
        self.panel.show_event(event, self._state.language)

    def _on_cursor_filter_changed(self) -> None:
        events = self._cursor.visible_events()
        self.map.set_events(events)
        self.map.set_region_filter(self._cursor.region)
        self.strip.set_events(events)
        for category, chip in self.chips.items():
            chip.setChecked(category in self._cursor.categories)
            set_flag(chip, "active", category in self._cursor.categories)
        self._update_filter_row()

    def _on_autoplay_playing_changed(self, playing: bool) -> None:
        self.play_button.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.play_button.setAccessibleName(self.play_button.text())

    def _update_filter_row(self) -> None:
        lang = self._state.language
        region = self._cursor.region
        n = len(self._cursor.visible_events())
        if region is not None:
            name = self._region_names[region].name_fr if lang == "fr" and region in \
                self._region_names else region
            self.region_label.setText(self.tr("Showing the {n} events of the {region} region")
                                      .format(n=n, region=name))
        elif len(self._cursor.categories) < len(Category):
            self.region_label.setText(self.tr("Showing {n} events of the chosen kinds")
                                      .format(n=n))
        else:
            self.region_label.setText(self.tr("{n} events. Tap a region of the map to see "
                                              "only its events.").format(n=n))
        filtered = region is not None or len(self._cursor.categories) < len(Category)
        self.show_all_button.setVisible(filtered)

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
        self.show_all_button.setText(self.tr("Show all"))
        self._on_autoplay_playing_changed(self.autoplay.playing)
        for category, chip in self.chips.items():
            chip.setText(category_name(category))
            chip.setAccessibleName(self.tr("Show {kind} events").format(
                kind=category_name(category)))
        self.legend.setText(self.tr("Black ring: a town with events (larger: more events). "
                                    "Blue square: UN camp (hollow: opening date not "
                                    "verified). Dashed red ring: town held by armed groups."))
        self.panel.region_names = {
            r.name: (r.name_fr if lang == "fr" else r.name) for r in self._region_names.values()}
        self.panel.show_event(self._cursor.selected, lang)
        self._update_filter_row()
        self._update_era()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("m")
        self._outer.setContentsMargins(margin, m.space("s"), margin, m.space("s"))
        self._outer.setSpacing(m.space("s"))
        self._main.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                                else QBoxLayout.Direction.LeftToRight)
        # Large text or a low window (a laptop): the era summary and the legend scroll
        # with the event, so the map and the event keep their room; the chips take two
        # rows when one would not hold them.
        compact = m.text_scale > 1 or (not m.portrait and m.height < 900)
        self._set_compact(compact)
        self._draw_chip_icons(m)
        one_row = sum(chip.sizeHint().width() for chip in self.chips.values()) \
            + m.space("s") * len(self.chips) <= m.width - 2 * margin
        self._place_chips(3 if m.portrait or (compact and not one_row) else len(self.chips))
        # Portrait: the map keeps almost a third of the height; the event text scrolls.
        share = 0.3 if compact else 0.22
        self.panel.setMaximumHeight(round(m.height * share) if m.portrait else 16777215)
        self.map.setMinimumHeight(round(m.height * 0.30) if m.portrait else 0)
        self._chips_grid.setSpacing(m.space("s"))
        self._main.setSpacing(m.space("m"))
        self.map.set_sizes(m.font("caption"), m.px_per_mm)
        self.strip.set_font_px(m.font("caption"), round(m.font("caption") * 6.3))
        self.panel.set_spacing(m.space("m"), m.space("s"))
        side = m.target()
        for b in (self.prev_button, self.next_button):
            b.setFixedSize(side, side)

    def _on_motion_changed(self, level: AnimationLevel) -> None:
        self.strip.inertia = level is not AnimationLevel.NONE
        self.map.motion = level is AnimationLevel.FULL

    def spoken_text(self) -> str:
        from minusma_kiosk.ui.speech import visible_text

        return visible_text(self.panel)

    def on_enter(self) -> None:
        self.map.set_selected(self._cursor.selected)

    def on_leave(self) -> None:
        self.autoplay.pause()
        self.strip.stop()
        self.map.stop_motion()

    def reset(self) -> None:
        self.autoplay.pause()
        self._cursor.reset()
        self.map.reset_view()

    def present(self, step: TourStep) -> None:
        self.autoplay.pause()
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
