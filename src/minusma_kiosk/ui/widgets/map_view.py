"""The map of Mali: regions, neighbours, the Niger and Senegal, towns, camps, events.

Static layers (countries, regions, water) are built once into QPainterPaths and
drawn as the view's cached background, so moving the time cursor repaints only
the few markers that change. Scene units are the projection's kilometres, with
y flipped so north is up.

Touch and mouse input is handled by :class:`MapGestures` (map_gestures.py).
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    QEasingCurve,
    QEvent,
    QLineF,
    QPointF,
    QRect,
    QRectF,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QFrame, QGraphicsScene, QGraphicsView, QWidget

from minusma_kiosk.content.geo import MapData
from minusma_kiosk.content.model import Camp, Event, Lang, Occupation, Place
from minusma_kiosk.state.app_state import Aspect, DisplaySource
from minusma_kiosk.ui.display import follow, follow_language
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.map_backdrop import MapBackdrop
from minusma_kiosk.ui.widgets.map_gestures import MapGestures
from minusma_kiosk.ui.widgets.map_held import HeldRegions
from minusma_kiosk.ui.widgets.map_items import (  # scene_point: tests import it from here
    PulseRing,
    ShapeItem,
    scene_point,
)
from minusma_kiosk.ui.widgets.map_markers import MapMarkers
from minusma_kiosk.ui.widgets.map_note import MapNote
from minusma_kiosk.ui.widgets.map_overlays import MapOverlays
from minusma_kiosk.ui.widgets.map_scale import paint_scale_bar, scale_bar
from minusma_kiosk.ui.widgets.markers import marker_path

MAX_ZOOM = 6.0
#: Room around Mali when the whole country is shown, as a share of its larger side.
FIT_MARGIN = 0.03


class MapView(QGraphicsView):
    """The map; it shows and reports, the screen decides.

    Signals
    -------
    region_tapped(object)
        A region was tapped (its English name), or None for outside Mali.
    place_tapped(object)
        A place marker was tapped (the :class:`Place`).
    held_tapped(object)
        After either: the town or region held by armed groups that was tapped, at the
        date shown (the :class:`Occupation`), or None.
    """

    region_tapped = Signal(object)
    place_tapped = Signal(object)
    held_tapped = Signal(object)

    def __init__(self, map_data: MapData, places: tuple[Place, ...], camps: tuple[Camp, ...],
                 occupations: tuple[Occupation, ...], display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.map_data = map_data
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.viewport().setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        x0, y0, x1, y1 = map_data.view
        self._bounds = QRectF(QPointF(x0, -y1), QPointF(x1, -y0))
        # The scene reaches beyond the data so that the hidden scroll bars never stop
        # the view from centring (Mali is shown below the chips at the top).
        w, h = self._bounds.width(), self._bounds.height()
        self._scene.setSceneRect(self._bounds.adjusted(-w / 2, -h / 2, w / 2, h / 2))
        self.backdrop = MapBackdrop(map_data)
        box = self.backdrop.mali.boundingRect()
        pad = FIT_MARGIN * max(box.width(), box.height())
        self._mali_box = box.adjusted(-pad, -pad, pad, pad)
        # While the view moves, the backdrop is drawn quickly; 150 ms after the
        # last move it is drawn again in full quality.
        self._settle = QTimer(self)
        self._settle.setObjectName("map_settle")
        self._settle.setSingleShot(True)
        self._settle.setInterval(150)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._region_paths = self.backdrop.region_paths
        self.px_per_mm = 96 / 25.4
        self._zoom = 1.0
        self._font_px = 22
        self._lang: Lang = "en"
        colours = palette().map
        self._tint = self._scene.addPath(QPainterPath(), QPen(Qt.PenStyle.NoPen),
                                         QBrush(QColor(colours.region_tint)))
        self._tint.setOpacity(0.45)
        self._tint.setZValue(1)
        self._filter_outline = self._scene.addPath(QPainterPath(), QPen(Qt.PenStyle.NoPen))
        self._region: str | None = None
        self._filter_outline.setZValue(2)
        self.markers = MapMarkers(self._scene, places, camps, occupations, colours)
        self._labels_key: tuple | None = None
        self.held = HeldRegions(self._scene, occupations, self._region_paths)
        self.markers.add_area_labels(self._scene, map_data)
        self._selected_place: Place | None = None
        self._selection = ShapeItem(QPainterPath(), None, colours.city, 4)
        self._selected_event: Event | None = None
        self._selection.setZValue(20)
        self._selection.hide()
        self._scene.addItem(self._selection)
        self.pulse = PulseRing(self, colours.city)
        self._scene.addItem(self.pulse)
        self._pan_anim = QVariantAnimation(self)
        self._pan_anim.setObjectName("map_pan")
        self._pan_anim.setDuration(450)
        self._pan_anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._pan_anim.valueChanged.connect(self._on_pan_value_changed)
        self.motion = True
        self.gestures = MapGestures(self)
        #: The chips over the top and the notes in the corners.
        self.overlays = MapOverlays(self)
        follow_language(self, display, lambda: self.set_language(display.display.language),
                        now=True)
        follow(self, display, Aspect.PALETTE, lambda _change: self._recolour(), now=False)

    def _recolour(self) -> None:
        """Every mark and layer in the palette in force (standard or high contrast)."""
        c = palette().map
        self._tint.setBrush(QBrush(QColor(c.region_tint)))
        self.markers.recolour(c)
        self._style_held()
        self.pulse.set_style(None, c.city, 3)
        self._style_selection()
        self.set_region_filter(self._region)
        self.resetCachedContent()
        self.viewport().update()

    # --- the scale bar (map_scale.py) ---------------------------------------------------
    def _scale_font(self) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(self._font_px - 4, 12))
        return font

    def scale_bar(self) -> tuple[QRectF, float, str]:
        """Where the scale bar goes (view pixels: top right, under the chips), its
        length in pixels and its text ("200 km")."""
        return scale_bar(self.viewport().width(), self.top_inset, self.transform().m11(),
                         self._scale_font(), self.px_per_mm)

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        paint_scale_bar(painter, *self.scale_bar(), self._scale_font(), palette().map)

    # --- static layers ------------------------------------------------------------
    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        self.backdrop.paint(painter, QRectF(rect), self.transform().m11() or 1.0,
                            palette().map,
                            fast=self._settle.isActive())

    def _on_settle_timeout(self) -> None:
        """The fingers rest: repaint the static layers in full quality."""
        self.resetCachedContent()
        self.viewport().update()

    # --- what the map shows (read by tests and the layout audit) -------------------------
    @property
    def camp_markers(self) -> list[tuple[Camp, ShapeItem]]:
        """Each mapped camp and its marker."""
        return self.markers.camp_markers

    @property
    def held_markers(self) -> list[tuple[Occupation, ShapeItem]]:
        """Each mapped town held by armed groups, and its dashed ring."""
        return self.markers.held_markers

    @property
    def region_tint(self) -> QPainterPath:
        """The outline of the region tinted for the selected event (empty: none)."""
        return self._tint.path()

    # --- state from the screen ----------------------------------------------------------
    def set_language(self, lang: Lang) -> None:
        """Place names in ``lang``."""
        self._lang = lang
        self.markers.set_texts(lang, self._font_px)
        self._layout_labels()

    def _layout_labels(self) -> None:
        """Labels that overlap neither each other, nor the marks, nor the notes and chips
        over the map; towns only when zoomed in or selected."""
        over = (self.overlays.top, *self.overlays.corners.values())
        covered = [QRectF(w.geometry()) for w in over if w is not None and w.isVisibleTo(self)]
        covered.append(self.scale_bar()[0])
        # Placing every name costs a millisecond or two: not again for the same map.
        t = self.transform()
        key = (tuple(r.getRect() for r in covered), (t.m11(), t.dx(), t.dy()),
               self.horizontalScrollBar().value(), self.verticalScrollBar().value(),
               self._zoom, self._selected_place, self.markers.revision)
        if key == self._labels_key:
            return
        self._labels_key = key
        self.markers.layout_labels(lambda p: QPointF(self.mapFromScene(p)), self._zoom,
                                   self._selected_place, covered)

    def set_sizes(self, font_px: int, px_per_mm: float) -> None:
        """Label size and physical scale for the window."""
        self._font_px = font_px
        self.px_per_mm = px_per_mm
        self._style_held()
        self.set_language(self._lang)
        self._place_corners()

    def set_date(self, day: dt.date) -> None:
        """Show the camps open and the towns and regions held on ``day``."""
        self.markers.set_date(day)
        self.held.set_date(day)

    def _style_held(self) -> None:
        self.held.style(palette().map.occupied, self.px_per_mm)

    @property
    def held_regions(self) -> tuple[str, ...]:
        """The regions hatched as held by armed groups at the date shown (map order)."""
        return self.held.shown

    def set_events(self, events: tuple[Event, ...]) -> None:
        """Ring the places that have visible events (bigger ring: more events)."""
        self.markers.set_events(events)

    def set_selected(self, event: Event | None) -> None:
        """Mark the selected event's place and tint its region."""
        self._selected_event = event
        self._selected_place = event.place if event is not None and event.place is not None \
            and event.place.mapped else None
        self._layout_labels()
        if event is None or event.place is None:
            self._selection.hide()
            self.stop_motion()
            self._tint.setPath(QPainterPath())
            return
        region = event.region
        self._tint.setPath(self._region_paths.get(region, QPainterPath()) if region else
                           QPainterPath())
        if not event.place.mapped:
            self._selection.hide()
            self.stop_motion()
            return
        self._selection.set_path(marker_path(event.category, QPointF(0, 0), 14))
        self._style_selection()
        self._selection.setPos(scene_point(event.place))
        self._selection.show()
        if self.motion and self.isVisible():
            self.pulse.start_at(scene_point(event.place))
        self.ensure_visible(scene_point(event.place))

    def _style_selection(self) -> None:
        event = self._selected_event
        if event is not None:
            self._selection.set_style(palette().categories.of(event.category.value),
                                      palette().map.mark_edge, 3)

    def stop_motion(self) -> None:
        """Stop the pulse, any pan in progress and the pending quality repaint."""
        self.pulse.stop()
        self._pan_anim.stop()
        if self._settle.isActive():
            self._settle.stop()
            self._on_settle_timeout()

    def _on_pan_value_changed(self, value: QPointF) -> None:
        self.set_view(self._zoom, value)

    def set_region_filter(self, region: str | None) -> None:
        """Outline the region the events are filtered to."""
        self._region = region
        path = self._region_paths.get(region, QPainterPath()) if region else QPainterPath()
        pen = QPen(QColor(palette().map.city), 4)
        pen.setCosmetic(True)
        pen.setStyle(Qt.PenStyle.DashLine)
        self._filter_outline.setPen(pen)
        self._filter_outline.setPath(path)

    # --- view transform -------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        """Zoom relative to the whole map fitting the view."""
        return self._zoom

    def fit_scale(self) -> float:
        """The scale at which Mali (with a margin) fills the view; the neighbours fill the
        rest of it, edge to edge."""
        vp = self.viewport().rect()
        mali = self._mali_box
        height = vp.height() - self.top_inset
        if mali.isEmpty() or vp.isEmpty() or height <= 0:
            return 1.0
        return min((vp.width() - self.left_inset) / mali.width(), height / mali.height())

    def reset_view(self) -> None:
        """All of Mali, centred."""
        self._zoom = 1.0
        self.set_view(1.0, self._mali_box.center(), moving=False)

    @staticmethod
    def clamp_zoom(zoom: float) -> float:
        """A zoom within the allowed range."""
        return min(max(zoom, 1.0), MAX_ZOOM)

    def set_view(self, zoom: float, centre: QPointF, moving: bool = True) -> None:
        """Set zoom and centre, bounded so the map never leaves the view.

        ``moving``: part of a gesture or a glide (the backdrop is drawn quickly
        until the movement rests); False for a resize or a reset.
        """
        zoom = self.clamp_zoom(zoom)
        scale = self.fit_scale() * zoom
        vp = self.viewport().rect()
        half_w, half_h = vp.width() / scale / 2, vp.height() / scale / 2
        b = self._bounds
        cx = min(max(centre.x(), b.left() + half_w), b.right() - half_w) \
            if b.width() > 2 * half_w else b.center().x()
        cy = min(max(centre.y(), b.top() + half_h), b.bottom() - half_h) \
            if b.height() > 2 * half_h else b.center().y()
        t = QTransform()
        t.translate(vp.width() / 2, vp.height() / 2)
        t.scale(scale, scale)
        t.translate(-cx, -cy)
        if moving and self.transform() != t and self.isVisible():
            self._settle.start()
        self._zoom = zoom
        self.setTransform(t)
        # Where the scene is wider than the view the scroll bars (hidden) place it, not
        # the transform's translation: centre it through them too.
        # The top widget covers the top of the view: the whole country is shown below it.
        lift = self.top_inset / 2 / scale if zoom == 1.0 else 0.0
        shift = self.left_inset / 2 / scale if zoom == 1.0 else 0.0
        self.centerOn(QPointF(cx - shift, cy - lift))
        self._layout_labels()

    def centre(self) -> QPointF:
        """The scene point at the middle of the view."""
        return self.mapToScene(self.viewport().rect().center())

    def ensure_visible(self, point: QPointF) -> None:
        """Pan (without zooming) so ``point`` is in view; glides with full motion."""
        if self._zoom > 1.0 and not self.mapToScene(self.viewport().rect()).boundingRect() \
                .adjusted(20, 20, -20, -20).contains(point):
            if self.motion and self.isVisible():
                self._pan_anim.stop()
                self._pan_anim.setStartValue(self.centre())
                self._pan_anim.setEndValue(point)
                self._pan_anim.start()
            else:
                self.set_view(self._zoom, point)

    # --- widgets over the map (map_overlays.py) ---------------------------------------------
    def set_corner_note(self, note: MapNote, corner: Qt.Corner) -> None:
        """Keep ``note`` in ``corner`` of the view, over the map, as wide as its text
        needs up to its widest; left out while the map is too small for it."""
        self.overlays.set_corner_note(note, corner)
        self._place_corners()

    def corner_note(self, corner: Qt.Corner) -> MapNote | None:
        """The note kept in ``corner``."""
        return self.overlays.corners.get(corner)

    def set_top_widget(self, widget: QWidget) -> None:
        """Keep ``widget`` across the top of the view (the filter chips); Mali is fitted
        below it, and a top-left corner widget sits under it."""
        self.overlays.set_top_widget(widget)
        self._place_corners()

    @property
    def top_inset(self) -> int:
        """The height the top widget covers (0: none)."""
        return self.overlays.top_inset

    @property
    def left_inset(self) -> int:
        """The width the notes on the left cover, when keeping Mali clear of them costs
        little; else 0."""
        return self.overlays.left_inset(self.viewport().rect(), self._mali_box)

    def place_overlays(self) -> None:
        """Place the top widget and the corner notes again (their text or size changed),
        and fit Mali below the top widget."""
        self._place_corners()

    def _place_corners(self) -> None:
        inset_before = (self.top_inset, self.left_inset)
        self.overlays.px_per_mm = self.px_per_mm
        self.overlays.place()
        if (self.top_inset, self.left_inset) != inset_before:
            self.set_view(self._zoom, self.centre() if self._zoom > 1
                          else self._mali_box.center(), moving=False)
        else:
            self._layout_labels()

    def event(self, event: QEvent) -> bool:
        # A corner widget's text or font changed: it asks its parent (the view) to
        # lay it out again.
        if event.type() == QEvent.Type.LayoutRequest:
            self._place_corners()
        return super().event(event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place_corners()
        self.set_view(self._zoom, self.centre() if self._zoom > 1 else self._mali_box.center(),
                      moving=False)

    # --- what is under a finger -------------------------------------------------------------
    def tap_at(self, view_pos: QPointF) -> None:
        """A tap at ``view_pos``: a place marker if one is within a fingertip, else a region."""
        held = self.held_at(view_pos)
        place = self.place_near(view_pos)
        if place is not None:
            self.place_tapped.emit(place)
        else:
            scene = self.mapToScene(view_pos.toPoint())
            region = self.map_data.region_at(scene.x(), -scene.y())
            self.region_tapped.emit(region.name if region is not None else None)
        self.held_tapped.emit(held)

    def held_at(self, view_pos: QPointF) -> Occupation | None:
        """The town (its ring within a fingertip, 6 mm) or else the region held by armed
        groups at ``view_pos`` on the date shown, or None."""
        scene = self.mapToScene(view_pos.toPoint())
        region = self.map_data.region_at(scene.x(), -scene.y())
        return self.held.at(view_pos, self.markers.held_markers,
                            lambda p: QPointF(self.mapFromScene(p)),
                            region.name if region is not None else None,
                            6 * self.px_per_mm)

    def place_near(self, view_pos: QPointF) -> Place | None:
        """The place marker within a fingertip (5 mm) of a view position."""
        best, best_d = None, 5 * self.px_per_mm
        for place in self.markers.places:
            if not self.markers.has_events(place):
                continue
            p = self.mapFromScene(scene_point(place))
            d = QLineF(QPointF(p), view_pos).length()
            if d <= best_d:
                best, best_d = place, d
        return best
