"""Budget charts: who pays for peacekeeping, where it goes, what MINUSMA cost.

Drawn with pyqtgraph, which is imported when this screen is first built (never
before the first frame). Every bar, point and slice is a sourced figure: tap it
and the callout explains it (exact value, period, source, or the formula of a
value computed here). Years without a verified figure are labelled gaps.
The chart cannot be panned, zoomed, or given a menu: nothing leads off the exhibit.

Charts over time follow the shared time cursor: the year the exhibit is in is
marked, the year control and "play" move the cursor, and so does tapping a year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QVBoxLayout,
    QWidget,
)

from minusma_kiosk.content.formatting import format_date, format_figure
from minusma_kiosk.content.model import (
    FIRST_DAY,
    LAST_DAY,
    Axis,
    Chart,
    ChartId,
    ChartPoint,
    Content,
    TourStep,
)
from minusma_kiosk.content.periods import day_for, index_at, point_period, reachable
from minusma_kiosk.content.typography import colon, sentence
from minusma_kiosk.state.app_state import AppState
from minusma_kiosk.state.timeline_state import DayPlay, TimelineState
from minusma_kiosk.ui.display import follow_language, follow_metrics
from minusma_kiosk.ui.router import Screen, ScreenId
from minusma_kiosk.ui.theme.metrics import Metrics
from minusma_kiosk.ui.widgets.chart_axes import point_label
from minusma_kiosk.ui.widgets.chart_callout import CalloutTexts, ChartCallout
from minusma_kiosk.ui.widgets.chart_plot import ChartPlot
from minusma_kiosk.ui.widgets.figure_view import provenance, short_origin
from minusma_kiosk.ui.widgets.paged_tiles import PagedTiles
from minusma_kiosk.ui.widgets.reader_page import Block, ReaderPage
from minusma_kiosk.ui.widgets.text import (
    button,
    label,
    primary,
    set_flag,
    set_role,
)
from minusma_kiosk.ui.widgets.tile import Tile
from minusma_kiosk.ui.widgets.year_control import YearControl

#: Shares of the chart area the callout may take beside the plot, narrowest first: the
#: narrowest in which every callout of the chart fits whole is used.
CALLOUT_SHARES = (2 / 7, 1 / 3, 2 / 5, 1 / 2)


@dataclass(frozen=True)
class _ChartPlace:
    chart: ChartId
    point: str | None


class ChartsScreen(Screen):
    """A chart picker, the chart, and the callout that explains a tapped value.

    Parameters
    ----------
    content
        The loaded content (its charts).
    state
        Shared app state (language, animation level).
    cursor
        The shared time cursor: charts over time mark its year (or fiscal year), and
        tapping a year, the year control or "play" moves it.
    """

    screen_id = ScreenId.BUDGET

    def __init__(self, content: Content, state: AppState, cursor: TimelineState | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(state, parent)
        self._content, self._state, self._cursor = content, state, cursor
        self._charts = content.charts
        self._chart = content.charts[0]
        self._selected: ChartPoint | None = None
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        # The picker pages (never scrolls) when its tiles do not all fit.
        self.picker: dict[str, Tile] = {}
        for chart in content.charts:
            b = Tile("body")
            b.setProperty("role", "pick")
            b.setObjectName(f"chart_{chart.id}")
            b.clicked.connect(lambda _=False, c=chart: self.show_chart(c))
            self.picker[chart.id] = b
        self.picker_pages = PagedTiles(list(self.picker.values()), self.display)
        self._box.addWidget(self.picker_pages, 1)
        main_body = QWidget()
        main = QVBoxLayout(main_body)
        main.setContentsMargins(0, 0, 0, 0)
        self.title = label("h2")
        self.subtitle = label("body")
        self.notes = label("caption")
        head = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._head = head
        head.addWidget(self.title, 1)
        # The largest text: what the chart shows and its notes are read on a page of
        # their own, so that the chart and the callout keep the screen.
        self.about_button = button("secondary")
        self.about_button.setObjectName("chart_about")
        self.about_button.clicked.connect(self._on_about_button_clicked)
        self.about_button.hide()
        head.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignTop
                       | Qt.AlignmentFlag.AlignLeft)
        main.addLayout(head)
        main.addWidget(self.subtitle)
        main.addWidget(self.notes)
        self._large_text = False
        self._plot_min = self._plot_floor = 0
        self.reader: ReaderPage | None = None
        self.chart_plot = ChartPlot(self.display)
        self.chart_plot.point_tapped.connect(self._on_point_tapped)
        self.plot = self.chart_plot.plot
        # The body: the plot with its year control, and the callout beside it (below it
        # on a portrait screen), so the plot keeps the height of the screen.
        plot_column = QVBoxLayout()
        plot_column.addWidget(self.chart_plot, 1)
        # The year control: the shared cursor's year, one step at a time, or played.
        self.years = YearControl()
        self.year_prev, self.year_next = self.years.prev, self.years.next
        self.year_label, self.year_play = self.years.label, self.years.play
        self.years.step_requested.connect(self._user_step)
        self.autoplay: DayPlay | None = None
        if cursor is not None:
            self.autoplay = DayPlay(cursor, parent=self)
            self.years.play_requested.connect(self.autoplay.toggle)
            self.autoplay.playing_changed.connect(self.years.set_playing)
        plot_column.addWidget(self.years)
        # The callout: the value tapped, what it is and its source, always whole.
        self.callout = ChartCallout()
        self.callout_value, self.callout_text = self.callout.value, self.callout.text
        self.callout_source, self.callout_more = self.callout.source, self.callout.more
        primary(self.title)
        self.callout.read_more.connect(self._on_callout_more_clicked)
        self.callout.height_changed.connect(self._fit_callout_room)
        self.callout.widen = self._widen_callout
        self._body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._body.addLayout(plot_column, 5)
        self._body.addWidget(self.callout, 2)
        main.addLayout(self._body, 1)
        self.main_column = main_body
        self._box.addWidget(main_body, 3)
        if cursor is not None:
            cursor.date_changed.connect(self._on_cursor_date_changed)
        self.show_chart(self._chart)
        self.retranslate()
        follow_language(self, self.display, self.retranslate)
        follow_metrics(self, self.display, self.apply_metrics)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """The charts the picker offers."""
        return self._charts

    @property
    def chart(self) -> Chart:
        """The chart shown."""
        return self._chart

    # --- drawing -----------------------------------------------------------------------
    def show_chart(self, chart: Chart) -> None:
        """Draw ``chart`` (it comes in as the animation level allows)."""
        self._chart = chart
        self._selected = self._telling_point(chart)
        for cid, b in self.picker.items():
            set_flag(b, "active", cid == chart.id)
        self.picker_pages.show_tile(self.picker[chart.id])
        if self.autoplay is not None:
            days = [point_period(chart, i) for i in self._reachable()]
            self.autoplay.set_days(tuple(max(p[0], FIRST_DAY) for p in days if p is not None))
        self._draw()
        self._update_texts()
        self._fit_callout_room()

    def _telling_point(self, chart: Chart) -> ChartPoint | None:
        """The value the callout explains before any tap (it is never empty): the
        point of the time cursor's year, else the chart's highlighted point, else its
        largest value."""
        at = index_at(chart, self._cursor.date) if self._cursor is not None else None
        if at is not None and chart.points[at].figure is not None:
            return chart.points[at]
        named = [p for p in chart.points if p.key == chart.highlight and p.figure is not None]
        if named:
            return named[0]
        known = [p for p in chart.points if p.figure is not None]
        return max(known, key=lambda p: p.figure.value if p.figure else 0.0, default=None)

    def _draw(self) -> None:
        self.chart_plot.draw(self._chart, self._highlight_index())

    def _reachable(self) -> list[int]:
        """The points the time cursor can stand in (2025 is past the exhibit's end)."""
        return reachable(self._chart, FIRST_DAY, LAST_DAY)

    def _user_step(self, direction: int) -> None:
        self.pause()
        self.step_year(direction)

    def step_year(self, direction: int) -> None:
        """Move the shared cursor to the previous or next year with a point."""
        if self._cursor is None:
            return
        steps = self._reachable()
        if not steps:
            return
        current = self._highlight_index()
        if current in steps:
            i = steps.index(current) + direction
        else:
            i = 0 if direction > 0 else len(steps) - 1
        self.select_point(steps[max(0, min(i, len(steps) - 1))])

    def _update_year_control(self) -> None:
        shown = self._cursor is not None and self._chart.axis in (Axis.FISCAL_YEAR, Axis.YEAR)
        if self.years.isVisibleTo(self) != shown:  # a needless setVisible lays out again
            self.years.setVisible(shown)
        if not shown:
            return
        lang = self._state.language
        steps = self._reachable()
        current = self._highlight_index()
        if current is None:
            text = self.tr("Tap the arrows or a bar to choose a year")
        elif self._chart.axis is Axis.FISCAL_YEAR:
            key = self._chart.points[current].key
            start = int(key[:4])
            period = format_date(f"{start}-07-01/{start + 1}-06-30", lang)
            text = self.tr("Fiscal year {year} ({period})").format(
                year=format_date(key, lang), period=period)
        else:
            text = self.tr("Year {year}").format(year=self._chart.points[current].key)
        self.years.show_year(text, current not in steps or steps.index(current) > 0,
                             current not in steps or steps.index(current) < len(steps) - 1)
        self.years.set_playing(self.autoplay is not None and self.autoplay.playing)

    def _highlight_index(self) -> int | None:
        """The point the time cursor stands in, if the chart is over time."""
        if self._cursor is None:
            return None
        return index_at(self._chart, self._cursor.date)

    # --- touch ---------------------------------------------------------------------------
    def select_point(self, index: int) -> None:
        """Explain the value at ``index``; a year also moves the time cursor there."""
        point = self._chart.points[index]
        self._selected = point
        if self._cursor is not None:
            day = day_for(self._chart, index, self._cursor.date, FIRST_DAY, LAST_DAY)
            if day is not None:
                self._cursor.set_date(day)
        self._update_texts()

    def _on_point_tapped(self, index: int) -> None:
        self.pause()
        self.select_point(index)

    def _on_cursor_date_changed(self, _day: dt.date) -> None:
        self._update_year_control()
        self.chart_plot.set_highlight(self._highlight_index())

    # --- texts -----------------------------------------------------------------------------
    def _update_texts(self) -> None:
        self._update_year_control()
        lang, chart = self._state.language, self._chart
        self.title.setText(chart.title.get(lang))
        self.chart_plot.setAccessibleName(self.tr("Chart: {title}").format(
            title=chart.title.get(lang)))
        self.chart_plot.setAccessibleDescription(self.tr(
            "Tap a bar or a point: its value and source appear beside the chart."))
        self.subtitle.setText(chart.subtitle.get(lang))
        self.notes.setText("\n".join(
            f"{format_figure(fig, lang)} — {fig.label.get(lang)}. {short_origin(fig, lang)}"
            for fig in chart.notes))
        self.notes.setVisible(bool(chart.notes) and not self._large_text)
        self.subtitle.setVisible(not self._large_text)
        self.about_button.setVisible(self._large_text)
        self.about_button.setText(self.tr("About this chart"))
        self.callout.show_texts(self._callout_texts(self._selected))

    def _callout_texts(self, point: ChartPoint | None) -> CalloutTexts:
        """What the callout says for ``point`` (None: the hint)."""
        lang, chart = self._state.language, self._chart
        if point is None:
            return CalloutTexts(self.tr("Tap a bar or a point"),
                                self.tr("Every value shows where it comes from."))
        where = point.label(lang) if chart.axis is Axis.CATEGORY else \
            point_label(chart.axis, point.key, lang)
        if point.figure is None:
            why = sentence(point.reason.get(lang)) + "." if point.reason else \
                self.tr("No source we could check gives this value, so none is drawn.")
            return CalloutTexts(self.tr("{key}: no verified figure").format(key=where), why)
        fig = point.figure
        return CalloutTexts(f"{where}{colon(lang)}{format_figure(fig, lang, exact=True)}",
                            sentence(fig.label.get(lang)) + ".", fig.note.get(lang),
                            provenance(fig, lang), provenance(fig, lang, short=True))

    def _widest_need(self, width: int) -> int:
        """The most any of the chart's callouts needs at ``width`` for its value, what it
        is, its source and (if it has a note) the "Read more" button: the parts that must
        be whole."""
        most = 0
        for point in (None, *self._chart.points):
            t = self._callout_texts(point)
            most = max(most, self.callout.need((t.value, t.what, "", t.source), width,
                                               bool(t.note)))
        return most

    def _fit_callout_room(self) -> None:
        """Give the callout the room the chart's callouts need: beside the plot, the
        narrowest share of the width (two sevenths to a half) in which each one's value,
        what it is and source fit whole; under the plot (portrait), that height."""
        with self.callout.measuring():
            self._choose_callout_room()

    def _choose_callout_room(self) -> None:
        body = self._body.geometry()
        if body.width() <= 0 or body.height() <= 0:
            return
        sp = self._body.spacing()
        if self._body.direction() == QBoxLayout.Direction.TopToBottom:
            need = self._widest_need(body.width())
            years = 0
            if self.years.isVisibleTo(self):
                lay = self.years.layout()
                years = max(self.years.sizeHint().height(), self.years.minimumHeight(),
                            lay.totalHeightForWidth(body.width()) if lay is not None
                            and lay.hasHeightForWidth() else 0)
            # The plot gives up height (down to a tenth of the screen) before the callout
            # cuts its value, what it is or its source.
            free = body.height() - 2 * sp - years
            plot_min = max(self._plot_floor, min(self._plot_min, free - need))
            if self.chart_plot.minimumHeight() != plot_min:
                self.chart_plot.setMinimumHeight(plot_min)
            room = free - plot_min
            # Kept: the body's layout would otherwise squeeze the year's control under
            # the callout (its wrapped label gives no minimum height of its own).
            self.years.setMinimumHeight(years)
            self.callout.room = max(min(need, room), 0)
            self.callout.setMinimumHeight(self.callout.room)
            self.callout.setMaximumHeight(self.callout.room)
            self.callout.fit()
            return
        self.callout.room = None
        self.callout.setMaximumHeight(16777215)
        self.years.setMinimumHeight(0)
        share = CALLOUT_SHARES[-1]
        for candidate in CALLOUT_SHARES:
            if self._widest_need(round((body.width() - sp) * candidate)) <= body.height():
                share = candidate
                break
        if self._body.stretch(1) != round(share * 100):
            self._body.setStretch(0, round((1 - share) * 100))
            self._body.setStretch(1, round(share * 100))

    @property
    def callout_cut(self) -> bool:
        """Whether what the value is, or its source, is cut short for want of room (only
        with the largest text on a small screen)."""
        return self.callout.cut

    @property
    def callout_note_cut(self) -> bool:
        """Whether the figure's note stops short, with "Read more"."""
        return self.callout.note_cut

    def _widen_callout(self) -> bool:
        """Beside the plot, the next wider share for the callout (the year's name may
        have taken a line since the share was chosen); False if there is none."""
        if self._body.direction() != QBoxLayout.Direction.LeftToRight:
            return False
        wider = [x for x in CALLOUT_SHARES if round(x * 100) > self._body.stretch(1)]
        if not wider:
            return False
        self._body.setStretch(0, round((1 - wider[0]) * 100))
        self._body.setStretch(1, round(wider[0] * 100))
        return True

    def _on_callout_more_clicked(self) -> None:
        """The whole callout on a page over the window."""
        if self.reader is None:
            self.reader = ReaderPage(self.window(), self.display)
        t = self.callout.texts
        blocks = [Block(t.what, "body", primary=True)]
        if t.note:
            blocks.append(Block(t.note, "body"))
        blocks.append(Block(t.source, "caption", primary=True))
        self.reader.open(t.value, blocks, self.tr("Back to the chart"))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._body.activate()
        self._fit_callout_room()

    def retranslate(self) -> None:
        lang = self._state.language
        for chart in self._charts:
            if chart.id in self.picker:
                self.picker[chart.id].set_texts(chart.title.get(lang), "")
        self._update_texts()

    def apply_metrics(self, m: Metrics) -> None:
        margin = m.space("l")
        self._box.setContentsMargins(margin, m.space("m"), margin, m.space("s"))
        self._box.setSpacing(m.space("l"))
        self._box.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                               else QBoxLayout.Direction.LeftToRight)
        # The callout under the plot in portrait, and with the largest text (a column
        # beside the plot would be too narrow for its value); beside it otherwise.
        # The largest text (and larger text on a portrait screen, where the callout is
        # under the plot): what the chart shows is read on its own page.
        self._large_text = m.text_scale > 1.25 or (m.portrait and m.text_scale > 1)
        set_role(self.title, "h3" if self._large_text else "h2")
        # Portrait: the title takes the whole width, the button goes under it.
        self._head.setDirection(QBoxLayout.Direction.TopToBottom if m.portrait
                                else QBoxLayout.Direction.LeftToRight)
        self._update_texts()
        stacked = m.portrait
        self._body.setDirection(QBoxLayout.Direction.TopToBottom if stacked
                                else QBoxLayout.Direction.LeftToRight)
        self._body.setSpacing(m.space("m"))
        self._body.setStretch(0, 1 if stacked else 5)
        self._body.setStretch(1, 0 if stacked else 2)
        self.callout.setMinimumHeight(m.px(200) if stacked else 0)
        self._fit_callout_room()
        self.picker_pages.set_columns(2 if m.portrait else 1)
        self.picker_pages.set_spacing(m.space("s"))
        self.picker_pages.set_button_side(m.target())
        self._box.setStretch(0, 0 if m.portrait else 1)
        self._box.setStretch(1, 1 if m.portrait else 3)
        for b in self.picker.values():
            b.set_padding(m.space("s"))
            b.setMinimumHeight(m.target(72 if m.portrait else 90))
            # Portrait: smaller tile names, so that the chart keeps the height.
            set_role(b.heading, "note_heading" if m.portrait else "body")
        # Large text: the year's name above its buttons; the plot keeps a usable height
        # and the column scrolls for the rest.
        self.years.size_for(m, stacked=m.portrait or m.text_scale > 1.25)
        # The plot keeps a usable height (portrait: more with larger text, for its
        # upright "no verified figure" labels).
        share = (0.15 if m.text_scale <= 1.25 else 0.12) * m.text_scale if m.portrait \
            else 0.3 if m.text_scale <= 1.25 else 0.25
        self._plot_min, self._plot_floor = round(m.height * share), round(m.height * 0.1)
        self.chart_plot.setMinimumHeight(self._plot_min)
        if m.portrait:
            share = 0.22 if m.text_scale <= 1 else 0.2 if m.text_scale <= 1.25 else 0.18
            self.picker_pages.setFixedHeight(round(m.height * share))
        else:
            self.picker_pages.setMinimumHeight(0)
            self.picker_pages.setMaximumHeight(16777215)

    def spoken_text(self) -> str:
        from minusma_kiosk.ui.speech import visible_text

        return f"{self.title.text()}. {visible_text(self.callout)}"

    def on_enter(self) -> None:
        self._draw()

    def _on_about_button_clicked(self) -> None:
        """What the chart shows and its notes, on a page over the window."""
        if self.reader is None:
            self.reader = ReaderPage(self.window(), self.display)
        lang, chart = self._state.language, self._chart
        blocks = [Block(chart.subtitle.get(lang), "body")]
        blocks += [Block(line, "caption") for line in self.notes.text().splitlines() if line]
        self.reader.open(chart.title.get(lang), blocks, self.tr("Back to the chart"))

    def on_leave(self) -> None:
        if self.reader is not None:
            self.reader.hide()
        self.pause()
        self.chart_plot.stop()

    def place(self) -> object:
        """The chart shown (by id) and the point tapped (by key)."""
        return _ChartPlace(self._chart.id, self._selected.key if self._selected else None)

    def restore(self, place: object) -> None:
        if not isinstance(place, _ChartPlace):
            return
        chart = next((c for c in self._charts if c.id == place.chart), None)
        if chart is None:
            return
        self.show_chart(chart)
        keys = [p.key for p in chart.points]
        if place.point in keys:
            self._selected = chart.points[keys.index(place.point)]
            self._update_texts()

    def reset(self) -> None:
        if self.reader is not None:
            self.reader.hide()
        self.pause()
        self.show_chart(self._charts[0])

    def present(self, step: TourStep) -> None:
        self.pause()
        if step.date is not None and self._cursor is not None:
            self._cursor.set_date(step.date)
        chart = next((c for c in self._charts if step.chart and c.id == step.chart.id),
                     self._charts[0])
        self.show_chart(chart)
        keys = [p.key for p in chart.points]
        if step.year in keys:
            self.select_point(keys.index(step.year))

    def attract(self, on: bool) -> None:
        if not on:
            self.pause()
            return
        # A fiscal-year chart if there is one (MINUSMA's budget), stepping through its years.
        timed = [c for c in self._charts if len(reachable(c, FIRST_DAY, LAST_DAY)) >= 2]
        if timed:
            fiscal = [c for c in timed if c.axis is Axis.FISCAL_YEAR]
            self.show_chart((fiscal or timed)[0])
            self.play()

    def play(self) -> None:
        """Step through the shown chart's years on their own (the attract loop uses it)."""
        if self.autoplay is not None:
            self.autoplay.play()

    def pause(self) -> None:
        """Stop stepping through the years."""
        if self.autoplay is not None:
            self.autoplay.pause()
