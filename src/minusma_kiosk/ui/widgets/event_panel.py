"""The selected event: date, title, text, place, category and source.

The panel never scrolls: the screen gives it the room its longest story needs
(:meth:`EventPanel.needed_height`), so the whole story is in view at once.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from minusma_kiosk.content.formatting import format_date
from minusma_kiosk.content.model import Category, Event, Lang
from minusma_kiosk.ui.widgets.figure_view import source_line
from minusma_kiosk.ui.widgets.text import button, cut_to_fit, height_at, label, primary


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

    Signals
    -------
    read_more()
        "Read more" was tapped: the screen shows the whole story (:attr:`story`).

    Parameters
    ----------
    gentle
        Show events involving deaths without graphic detail (school visits).
    """

    read_more = Signal()

    def __init__(self, gentle: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.gentle = gentle
        #: Region names in the current language (English name → shown name).
        self.region_names: dict[str, str] = {}
        self._event: Event | None = None
        self._lang: Lang = "en"
        lay = QVBoxLayout(self)
        self.date = label("kicker")
        self.title = label("h3")
        self.meta = label("caption")
        self.text = label("body")
        self.source = label("caption")
        self._labels = (self.date, self.title, self.meta, self.text, self.source)
        primary(*self._labels)
        for w in self._labels:
            lay.addWidget(w)
        #: Shown when the room given (:meth:`fit_to`) cannot hold the whole story.
        self.more_button = button("secondary")
        self.more_button.setObjectName("timeline_read_more")
        self.more_button.hide()
        self.more_button.clicked.connect(self.read_more)
        lay.addWidget(self.more_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addStretch(1)
        self._layout = lay
        self._full_text = ""
        self._room: int | None = None
        self._width = 0

    def show_event(self, event: Event | None, lang: Lang) -> None:
        """Show ``event`` (None: the hint) in ``lang``."""
        self._event, self._lang = event, lang
        if event is None:
            self.date.setText(self.tr("TIMELINE"))
            self.title.setText(self.tr("Touch a marker or drag the time strip"))
            self.meta.setText("")
            self.text.setText(self.tr(
                "Each shape on the time strip is an event, and shows its kind. A numbered "
                "bubble holds events close together: tap it to choose one. Tap a region "
                "of the map to see only its events."))
            self.source.setText("")
            self.setAccessibleName(self.title.text())
            self._full_text = self.text.text()
            self._apply_fit()
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
        self._full_text = self.text.text()
        self._apply_fit()

    @property
    def story(self) -> tuple[str, str, str, str, str]:
        """Date, headline, place, the whole text and the source line shown."""
        return (self.date.text(), self.title.text(), self.meta.text(), self._full_text,
                self.source.text())

    @property
    def cut(self) -> bool:
        """Whether the text is cut short (with "Read more") to fit the room given."""
        return self.more_button.isVisibleTo(self)

    def fit_to(self, room: int | None, width: int) -> None:
        """Keep the story within ``room`` pixels of height at ``width`` (None: no
        limit): if it does not fit, the text stops at a word with "…" and "Read more"
        opens all of it."""
        self._room, self._width = room, width
        self._apply_fit()

    def _apply_fit(self) -> None:
        self.more_button.setText(self.tr("Read more"))
        self.text.setText(self._full_text)
        self.more_button.hide()
        room, width = self._room, self._width
        if room is None or width <= 0 or self.needed_height(width) <= room:
            return
        self.more_button.show()
        cut_to_fit(self.text, self._full_text, lambda: self.needed_height(width) <= room)

    def needed_height(self, width: int) -> int:
        """The height the story shown needs, whole, in a panel ``width`` pixels wide."""
        m = self._layout.contentsMargins()
        frame = 2 * self.frameWidth()
        inner = width - m.left() - m.right() - frame
        shown = [w for w in self._labels if w.text()]
        more = self.more_button.sizeHint().height() + self._layout.spacing() \
            if self.more_button.isVisibleTo(self) else 0
        return frame + m.top() + m.bottom() + sum(height_at(w, inner) for w in shown) \
            + self._layout.spacing() * max(len(shown) - 1, 0) + more

    def needed_for(self, events: Iterable[Event | None], width: int) -> int:
        """The most any of ``events`` (None: the hint) needs at ``width``, in the
        language shown; the event shown stays."""
        shown, lang, room = self._event, self._lang, self._room
        self._room = None
        most = 0
        for event in events:
            self.show_event(event, lang)
            most = max(most, self.needed_height(width))
        self._room = room
        self.show_event(shown, lang)
        return most

    def set_spacing(self, margin: int, spacing: int) -> None:
        """Sizes for the window."""
        self._layout.setContentsMargins(margin, margin, margin, margin)
        self._layout.setSpacing(spacing)
