"""A figure as a visitor sees it: the number, what it counts, when, and from where."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from minusma_kiosk.content.formatting import (
    format_date,
    format_figure,
    format_formula,
    format_number,
    is_day,
    qualifier_word,
)
from minusma_kiosk.content.model import Figure, Lang, Source
from minusma_kiosk.state.app_state import DisplaySource
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.fit_label import FitLabel
from minusma_kiosk.ui.widgets.text import label, primary, set_role


def source_line(src: Source, lang: Lang) -> str:
    """"Title — Publisher, 26 April 2023" for a source."""
    date = f", {format_date(src.published, lang)}" if src.published else ""
    return f"{src.title} — {src.publisher}{date}"


def provenance(fig: Figure, lang: Lang, short: bool = False) -> str:
    """Where a figure comes from: its source, or its formula for a derived figure.

    ``short``: the source named by its publisher and date only (the full title is on
    the opened card), for a large figure in a small room."""
    when = format_date(fig.as_of, lang)
    if short and fig.derivation is None:
        as_of = QCoreApplication.translate("FigureView", "As of {date}.") if is_day(fig.as_of) \
            else QCoreApplication.translate("FigureView", "As of {date}.",
                                            "a month, year or period")
        return f"{short_origin(fig, lang)}. {as_of.format(date=when)}"
    if fig.derivation is not None:
        text = QCoreApplication.translate("FigureView", "Computed for this exhibit: {formula}")
        text = text.format(formula=format_formula(fig.derivation, lang))
        return f"{text} ({when})"
    assert fig.source is not None
    text = QCoreApplication.translate("FigureView", "Source: {source}")
    # French says "au 26 avril 2023" for a day but "en 2023", "en avril 2023" otherwise.
    as_of = QCoreApplication.translate("FigureView", "As of {date}.") if is_day(fig.as_of) \
        else QCoreApplication.translate("FigureView", "As of {date}.", "a month, year or period")
    return f"{text.format(source=source_line(fig.source, lang))}. " + as_of.format(date=when)


class FigureView(QWidget):
    """Shows one figure, large or compact.

    Parameters
    ----------
    figure
        The figure to show.
    display
        The display it follows (language; sizes for the large figure).
    large
        The card's headline figure (largest text on the screen) or a compact line.
    """

    def __init__(self, figure: Figure, display: DisplaySource, large: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        self._large = large
        self._condensed = False
        self._level = 0
        self._lang: Lang = display.display.language
        self._sizes = (150, 24)
        lay = self._box = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        self.qualifier = label("qualifier")
        self.value: QLabel
        if large:
            self.value = FitLabel()
            self.value.setProperty("role", "figure")
            font = self.value.font()
            font.setBold(True)
            self.value.setFont(font)
        else:
            self.value = label("h2")
        self.what = label("lead" if large else "body")
        self.note = label("body")
        self.origin = label("caption")
        for w in (self.qualifier, self.value, self.what, self.note, self.origin):
            lay.addWidget(w)
        if large:  # a card's big figure: its value, what it counts, its date and source
            primary(self.qualifier, self.value, self.what, self.origin)
        follow_language(self, display, lambda: self.set_language(display.display.language),
                        now=True)
        if large:
            follow_metrics(self, display, self.apply_metrics)

    def set_language(self, lang: Lang) -> None:
        """Write the figure in ``lang``."""
        fig = self.figure
        if self._large:
            word = qualifier_word(fig.qualifier, lang)
            self.qualifier.setText(word)
            self.qualifier.setVisible(bool(word))
            self.value.setText(format_number(fig.value, fig.unit, lang))
        else:
            self.qualifier.hide()
            self.value.setText(format_figure(fig, lang))
        self.what.setText(fig.label.get(lang))
        self.note.setText(fig.note.get(lang))
        self.note.setVisible(bool(fig.note))
        self._lang = lang
        self.origin.setText(provenance(fig, lang, short=self._condensed))
        self.setAccessibleName(f"{format_figure(fig, lang)} {self.what.text()}")
        self.setAccessibleDescription(self.origin.text())

    def apply_metrics(self, m: Metrics) -> None:
        """Size the large figure for the window."""
        self._sizes = (m.font("figure"), m.font("h2"))
        if isinstance(self.value, FitLabel):
            self.value.set_range(*self._sizes)
            self._box.setSpacing(m.space("xs") // 2)
        self.condense(self._level)

    def condense(self, level: int) -> None:
        """A large figure in a small room (large text, a small window). Level 1: the
        number at most 1.5 times the headline size, what it counts in body text, the
        source as publisher and date (the whole source is on the opened card). Level 2:
        the number at the headline size too. 0: as designed."""
        on = level > 0
        self._condensed, self._level = on, level
        if not self._large or not isinstance(self.value, FitLabel):
            return
        big, small = self._sizes
        self.value.set_range(big if level == 0 else small if level > 1
                             else min(big, round(1.5 * small)), small)
        set_role(self.what, "body" if on else "lead")
        self.what.setText(self.what.text())  # its height for the new font
        self.origin.setText(provenance(self.figure, self._lang, short=on))


def short_origin(fig: Figure, lang: Lang) -> str:
    """A one-line origin for a key figure: "Source: AFP, 11 December 2023"."""
    if fig.derivation is not None:
        text = QCoreApplication.translate("FigureView", "Computed for this exhibit: {formula}")
        return text.format(formula=format_formula(fig.derivation, lang))
    assert fig.source is not None
    src = fig.source
    publisher = src.publisher.split(" (")[0]
    date = f", {format_date(src.published, lang)}" if src.published else ""
    text = QCoreApplication.translate("FigureView", "Source: {source}")
    return text.format(source=f"{publisher}{date}")


class StatView(QWidget):
    """A key figure in a row of them: the number, what it counts, a short source."""

    def __init__(self, figure: Figure, display: DisplaySource,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure = figure
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(4)
        self.value = label("stat", wrap=False)
        self.what = label("body")
        self.origin = label("caption")
        for w in (self.value, self.what, self.origin):
            lay.addWidget(w)
        lay.addStretch(1)
        follow_language(self, display, lambda: self.set_language(display.display.language),
                        now=True)

    def set_language(self, lang: Lang) -> None:
        """Write the figure in ``lang``."""
        fig = self.figure
        self.value.setText(format_figure(fig, lang))
        self.what.setText(fig.label.get(lang))
        self.origin.setText(short_origin(fig, lang))
        self.setAccessibleName(f"{self.value.text()} {self.what.text()}")
        self.setAccessibleDescription(self.origin.text())
