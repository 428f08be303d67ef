"""The selected event: date, title, text, place, category and source."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.content.formatting import format_date
from minusma_kiosk.content.model import Category, Event, Lang
from minusma_kiosk.ui.widgets.figure_view import source_line
from minusma_kiosk.ui.widgets.scrolling import kinetic_scroll_area
from minusma_kiosk.ui.widgets.text import label, primary


def category_name(category: Category) -> str:
    """The translated name of a category (also used by the filter chips)."""
    names = {
        Category.CONFLICT: QCoreApplication.translate("Categories", "Conflict"),
        Category.POLITICS: QCoreApplication.translate("Categories", "Politics"),
        Category.PEACEKEEPING: QCoreApplication.translate("Categories", "Peacekeeping"),
        Category.ELECTIONS: QCoreApplication.translate("Categories", "Elections"),
        Category.AGREEMENTS: QCoreApplication.translate("Categories", "Agreements"),
        Category.HUMANITARIAN: QCoreApplication.translate("Categories", "Humanitarian"),
    }
    return names[category]


class EventPanel(QFrame):
    """Shows one event, or a hint when none is selected.

    Parameters
    ----------
    gentle
        Show events involving deaths without graphic detail (school visits).
    """

    def __init__(self, gentle: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.gentle = gentle
        #: Region names in the current language (English name → shown name).
        self.region_names: dict[str, str] = {}
        self._event: Event | None = None
        self._lang: Lang = "en"
        body = QWidget()
        lay = QVBoxLayout(body)
        self.date = label("kicker")
        self.title = label("h2")
        self.meta = label("caption")
        self.text = label("body")
        self.source = label("caption")
        primary(self.date, self.title, self.meta, self.text, self.source)
        for w in (self.date, self.title, self.meta, self.text, self.source):
            lay.addWidget(w)
        lay.addStretch(1)
        self._layout = lay
        self._extras: list[QWidget] = []
        self.area = kinetic_scroll_area(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)

    def show_event(self, event: Event | None, lang: Lang) -> None:
        """Show ``event`` (None: the hint) in ``lang``."""
        self._event, self._lang = event, lang
        if event is None:
            self.date.setText(self.tr("TIMELINE"))
            self.title.setText(self.tr("Touch a marker or drag the time strip"))
            self.meta.setText("")
            self.text.setText(self.tr(
                "Each mark on the strip below is an event. Shapes show the kind of event; "
                "the legend explains them. Tap a region of the map to see only its events."))
            self.source.setText("")
            self.setAccessibleName(self.title.text())
            return
        when = format_date(event.date.isoformat()[: 7 if event.precision == "month" else 10],
                           lang)
        self.date.setText(when)
        self.title.setText(event.title.get(lang))
        where = event.place.name.get(lang) if event.place else self.tr("Mali (national)")
        region = event.region
        if event.place and region:
            region_name = self.region_names.get(region, region)
            if region_name not in where:
                where = self.tr("{place}, {region} region").format(place=where,
                                                                     region=region_name)
            if not event.place.mapped:
                where += " " + self.tr("(no verified coordinates: shown by its region)")
        self.meta.setText(f"{category_name(event.category)} · {where}")
        self.text.setText(event.shown_text(self.gentle).get(lang))
        self.source.setText(self.tr("Source: {source}").format(
            source=source_line(event.source, lang)))
        self.setAccessibleName(f"{when}: {self.title.text()}")
        self.setAccessibleDescription(self.text.text())
        self.area.verticalScrollBar().setValue(0)

    def set_extras(self, widgets: list[QWidget]) -> None:
        """Widgets shown (and scrolled) below the event: with large text the screen moves
        its era summary and map legend here rather than squeeze them."""
        for w in self._extras:
            if w not in widgets:
                self._layout.removeWidget(w)
        for w in widgets:
            if w not in self._extras:
                self._layout.insertWidget(self._layout.count() - 1, w)
        self._extras = list(widgets)

    def set_spacing(self, margin: int, spacing: int) -> None:
        """Sizes for the window."""
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
