"""The filter bar over the map: a chip per kind of event and "Show all".

A chip shows its kind's shape and name, with a check mark while its events are
shown; it keeps its width either way, so the row never moves. The chips go in one
row when they fit the width they are given, else in three or two columns; "Show
all" sits beside them, or under them when the row has no room for it. It is always
there, muted while nothing is filtered out.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QWidget

from minusma_kiosk.content.model import Category
from minusma_kiosk.state.app_state import Aspect, DisplaySource
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.theme.palette import palette
from minusma_kiosk.ui.widgets.event_panel import category_name
from minusma_kiosk.ui.widgets.markers import marker_path
from minusma_kiosk.ui.widgets.text import button, set_flag


def chip_text(category: Category, on: bool) -> str:
    """A filter chip's text: its kind, with a check mark while its events are shown."""
    return f"✓ {category_name(category)}" if on else category_name(category)


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


class FilterChips(QWidget):
    """The chips and "Show all".

    Signals
    -------
    toggled(object)
        A chip was tapped (its :class:`Category`).
    show_all_clicked()
        "Show all" was tapped.
    """

    toggled = Signal(object)
    show_all_clicked = Signal()

    def __init__(self, display: DisplaySource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chips: dict[Category, QPushButton] = {}
        for category in Category:
            chip = button("chip")
            chip.setObjectName(f"chip_{category.value}")
            chip.setCheckable(True)
            chip.setChecked(True)
            chip.clicked.connect(lambda _=False, c=category: self.toggled.emit(c))
            self.chips[category] = chip
        self.show_all = button("secondary")
        self.show_all.setObjectName("timeline_show_all")
        self.show_all.clicked.connect(self.show_all_clicked)
        bar = QHBoxLayout(self)
        bar.setContentsMargins(0, 0, 0, 0)
        self._grid = QGridLayout()
        bar.addLayout(self._grid)
        bar.addWidget(self.show_all)
        bar.addStretch(1)
        self._bar = bar
        self._on: frozenset[Category] = frozenset(Category)
        self.columns = len(self.chips)
        follow_language(self, display, self._retranslate, now=True)
        follow_metrics(self, display, self._apply_metrics)
        # The chips' shapes are drawn in the palette's colours.
        follow_metrics(self, display, self._draw_icons, Aspect.PALETTE)

    # --- state -------------------------------------------------------------------------
    def set_state(self, shown: frozenset[Category], filtered: bool) -> None:
        """Check the kinds ``shown``; "Show all" does something only when ``filtered``."""
        self._on = shown
        for category, chip in self.chips.items():
            on = category in shown
            chip.setChecked(on)
            set_flag(chip, "active", on)
            chip.setText(chip_text(category, on))
        self.show_all.setEnabled(filtered)

    def _retranslate(self) -> None:
        self.show_all.setText(self.tr("Show all"))
        for category, chip in self.chips.items():
            # As wide as with its check mark, on or off: the row does not move.
            chip.setMinimumWidth(0)
            chip.setText(chip_text(category, True))
            chip.setMinimumWidth(chip.sizeHint().width())
            chip.setText(chip_text(category, category in self._on))
            chip.setAccessibleName(self.tr("Show {kind} events").format(
                kind=category_name(category)))

    def _draw_icons(self, m: Metrics) -> None:
        icon = m.font("body")
        for category, chip in self.chips.items():
            chip.setIcon(category_icon(category, icon * 2))
            chip.setIconSize(QSize(icon, icon))

    def _apply_metrics(self, m: Metrics) -> None:
        self._grid.setSpacing(m.space("s"))
        self._bar.setSpacing(m.space("s"))
        self._draw_icons(m)

    # --- layout ------------------------------------------------------------------------
    def _width_in(self, columns: int) -> int:
        """The chips' width in ``columns`` columns, spacing included."""
        widths = [chip.sizeHint().width() for chip in self.chips.values()]
        columns = min(columns, len(widths))
        return sum(max(widths[c::columns]) for c in range(columns)) \
            + self._grid.spacing() * columns

    def arrange(self, width: int) -> None:
        """Lay the chips out for ``width`` pixels: one row if all fit beside "Show all",
        else three or two columns; "Show all" under them if it has no room beside."""
        self.ensurePolished()
        room = width - 4 * self._grid.spacing()
        extra = self.show_all.sizeHint().width()
        columns = len(self.chips) if self._width_in(len(self.chips)) + extra <= room else \
            3 if self._width_in(3) <= room else 2
        self.columns = columns
        grid = self._grid
        for w in (*self.chips.values(), self.show_all):
            grid.removeWidget(w)
            self._bar.removeWidget(w)
        for i, chip in enumerate(self.chips.values()):
            grid.addWidget(chip, i // columns, i % columns)
        grid.setColumnStretch(columns, 1 if columns == len(self.chips) else 0)
        if room >= self._width_in(columns) + extra:
            self._bar.insertWidget(1, self.show_all)
        else:
            rows = -(-len(self.chips) // columns)
            grid.addWidget(self.show_all, rows, 0, 1, columns, Qt.AlignmentFlag.AlignLeft)
        self.adjustSize()
