"""The shell: banner, screen stack and navigation bar around the router.

It wires screens to the router, tells the display state the window's size, and
nothing more; each screen owns its own content, and every view follows the
display state itself (:mod:`minusma_kiosk.ui.display`).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeyEvent, QResizeEvent, QScreen, QShowEvent
from PySide6.QtWidgets import QLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from minusma_kiosk.content.model import Content
from minusma_kiosk.state.app_state import LAYOUT, AppState, Aspect, DisplayChange, Window
from minusma_kiosk.state.card_deck import CardDeck
from minusma_kiosk.state.timeline_state import TimelineState
from minusma_kiosk.ui.display import follow, metrics_of
from minusma_kiosk.ui.host import Host
from minusma_kiosk.ui.i18n import Translations
from minusma_kiosk.ui.router import Router, Screen, ScreenId, Speaks
from minusma_kiosk.ui.theme.metrics import Metrics, px_per_mm, reach_header_px
from minusma_kiosk.ui.theme.palette import use_palette
from minusma_kiosk.ui.widgets.banner import ContentBanner
from minusma_kiosk.ui.widgets.nav_bar import NavBar
from minusma_kiosk.ui.widgets.text import ring_on_keyboard_focus

if TYPE_CHECKING:
    from minusma_kiosk.ui.kiosk_controller import KioskController
    from minusma_kiosk.ui.presenter import Presenter
    from minusma_kiosk.ui.speech import Speaker
    from minusma_kiosk.ui.visit_recorder import VisitRecorder
    from minusma_kiosk.ui.widgets.access_panel import AccessPanel
    from minusma_kiosk.ui.widgets.reach_header import ReachHeader


class RunMode(enum.Enum):
    """How the exhibit is used."""

    WINDOW = "window"
    KIOSK = "kiosk"
    PRESENT = "present"


class Shell(QWidget):
    """The exhibit's main window.

    Parameters
    ----------
    content
        Loaded content.
    state
        Shared state.
    mode
        Window, kiosk (fullscreen, 20 mm targets) or presenter.
    translations
        The translator switcher (UI strings).
    diagonal_inches
        The screen's real diagonal, overriding what the screen reports.
    rejected
        ``(folder, problem count)`` when the curator's content was rejected.
    gentle
        Show events involving deaths without graphic detail (school visits).
    watch
        Curator preview: show the content files' changes on every screen as they are
        saved (the last good content stays when an edit breaks a check).
    screen_bottom_cm
        Height of the screen's lower edge above the floor (the low-reach layout).
    """

    def __init__(self, content: Content, state: AppState, mode: RunMode = RunMode.WINDOW,
                 translations: Translations | None = None,
                 diagonal_inches: float | None = None,
                 rejected: tuple[str, int] | None = None, gentle: bool = False,
                 watch: bool = False, screen_bottom_cm: float = 76,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Shell")
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        ring_on_keyboard_focus(self)  # it hears the first Tab press
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setWindowTitle("MINUSMA — Mali since 2012")
        self.content, self.state, self.mode = content, state, mode
        self._translations = translations or Translations(self)
        # First of all the state's followers: the palette painters read and the UI
        # catalogue are switched before any view restyles or retranslates.
        follow(self, state, Aspect.PALETTE | Aspect.LANGUAGE, self._on_display_changed)
        #: A kiosk window refuses to close unless the admin panel asked (``may_close``).
        self.may_close = mode is not RunMode.KIOSK
        #: The add-ons the composition root (``app.py``) made for this window, kept
        #: here for it and the tests: the kiosk controller and the visit recorder (kiosk
        #: mode), the presenter (presenter mode). The shell itself never calls them;
        #: they see the exhibit through :attr:`host`.
        self.kiosk: KioskController | None = None
        self.recorder: VisitRecorder | None = None
        self.presenter: Presenter | None = None
        self._diagonal = diagonal_inches
        self._screen_bottom_mm = screen_bottom_cm * 10
        #: The display settings panel and the read-aloud voice, made on first use.
        self.access_panel: AccessPanel | None = None
        self.speaker: Speaker | None = None
        self._watching_screen = False
        lay = self._box = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        # The window's size is the screen's: content must fit it, never grow it.
        lay.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.banner = ContentBanner(*rejected, state) if rejected else None
        if self.banner is not None:
            lay.addWidget(self.banner)
        #: Low reach: the top of a tall screen shows where the visitor is; every control
        #: is below it (made the first time a visitor asks for it).
        self.reach_header: ReachHeader | None = None
        self.stack = QStackedWidget()
        self.stack.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        lay.addWidget(self.stack, 1)
        self.router = Router(self.stack, self)
        self.deck = CardDeck(len(content.cards), self)
        self._gentle = gentle
        # The one time cursor, shared by the timeline and (later) the budget charts.
        self.time_cursor = TimelineState(content.timeline, self) if content.timeline else None
        self._register_screens()
        self.nav = self._make_nav()
        lay.addWidget(self.nav)
        #: What the add-ons (kiosk, presenter, visit recorder) see of the exhibit.
        self.host = Host(self, state, self.router, content, self.deck, self.time_cursor,
                         self.reset_visit, self._add_bar)
        follow(self, state, LAYOUT, self._on_layout_changed, now=False)
        # Sizes and the style sheets come with the first resize or show, not before:
        # applying them for the default size first would style everything twice.
        self.watcher = None
        if watch:
            from minusma_kiosk.ui.content_watcher import ContentWatcher

            self.watcher = ContentWatcher(content.root, self)
            self.watcher.reloaded.connect(self._on_watcher_reloaded)
            self.watcher.failed.connect(self._on_watcher_failed)
        self.router.navigate(ScreenId.HOME)

    def _add_bar(self, widget: QWidget) -> None:
        """A bar above the navigation (the presenter's step indicator)."""
        self._box.insertWidget(self._box.indexOf(self.nav), widget)

    def _make_nav(self) -> NavBar:
        nav = NavBar(self.router.registered(), self.state)
        nav.screen_requested.connect(self.router.navigate)
        nav.language_requested.connect(self._on_nav_language_requested)
        nav.access_requested.connect(self.open_access_panel)
        self.router.screen_changed.connect(nav.set_active)
        return nav

    def _screen_order(self, content: Content) -> list[ScreenId]:
        """The screens ``content`` has, in navigation order."""
        order = [ScreenId.HOME, ScreenId.CARDS, ScreenId.SOURCES]
        if content.timeline is not None and content.timeline.events:
            order.insert(1, ScreenId.TIMELINE)
        if content.charts:
            order.insert(order.index(ScreenId.CARDS), ScreenId.BUDGET)
        return order

    def _register_screens(self) -> None:
        """Register every screen; each module is imported when its screen is first shown,
        so only the home screen's code runs before the first frame."""
        order = self._screen_order(self.content)
        if ScreenId.TIMELINE in order:
            self.router.register(ScreenId.TIMELINE, self._build_timeline)
        if ScreenId.BUDGET in order:
            self.router.register(ScreenId.BUDGET, self._build_charts)
        self.router.register(ScreenId.HOME, lambda parent: self._build_home(order, parent))
        self.router.register(ScreenId.CARDS, self._build_cards)
        self.router.register(ScreenId.SOURCES, self._build_sources)

    # Each screen is made inside the stack: made elsewhere and moved in, its every widget
    # would be styled again (a third of a second for the cards).
    def _build_home(self, order: list[ScreenId], parent: QWidget) -> Screen:
        from minusma_kiosk.ui.screens.home import HomeScreen

        return HomeScreen(self.content, self.state, order, parent)

    def _build_timeline(self, parent: QWidget) -> Screen:
        from minusma_kiosk import resources
        from minusma_kiosk.content.geo import load_map
        from minusma_kiosk.ui.screens.timeline import TimelineScreen

        assert self.time_cursor is not None
        map_data = load_map(resources.path("map", "mali.json"))
        return TimelineScreen(self.content, self.state, self.time_cursor, map_data,
                              gentle=self._gentle, parent=parent)

    def _build_charts(self, parent: QWidget) -> Screen:
        from minusma_kiosk.ui.screens.charts import ChartsScreen

        return ChartsScreen(self.content, self.state, self.time_cursor, parent)

    def _build_cards(self, parent: QWidget) -> Screen:
        from minusma_kiosk.ui.screens.cards import CardsScreen

        return CardsScreen(self.content, self.state, self.deck, self.px_per_mm(), parent)

    def _build_sources(self, parent: QWidget) -> Screen:
        from minusma_kiosk.ui.screens.sources import SourcesScreen

        return SourcesScreen(self.content, self.state, parent)

    # --- curator preview -----------------------------------------------------------
    def _on_watcher_reloaded(self, content: Content) -> None:
        """New content that passed its checks: every screen shows it, each where the
        visitor was (the time cursor, the card, the chart) where that still exists."""
        self.content = content
        if self.banner is not None and self.banner.property("watch") == "true":
            self.banner.hide()
        new_order = self._screen_order(content)
        if new_order != self.router.registered():
            # A screen comes or goes (a timeline or charts added or emptied).
            self.router.unregister_all()
            self._register_screens()
            old_nav, self.nav = self.nav, self._make_nav()
            self._box.replaceWidget(old_nav, self.nav)
            old_nav.deleteLater()

        def update_state() -> None:
            if content.timeline is not None:
                if self.time_cursor is None:
                    self.time_cursor = TimelineState(content.timeline, self)
                else:
                    self.time_cursor.set_timeline(content.timeline)
            self.deck.set_count(len(content.cards))

        self.router.new_content(update_state)
        if self.router.current is not None:
            self.nav.set_active(self.router.current)
        self.host.new_content(content, self.time_cursor)  # tells content_changed

    def _on_watcher_failed(self, problems: list) -> None:  # list of Problem
        if self.banner is None:
            self.banner = ContentBanner(str(self.content.root), len(problems), self.state)
            self._box.insertWidget(0, self.banner)
        self.banner.setProperty("watch", "true")
        self.banner.show_problems(problems)
        self.banner.show()

    # --- language and palette ---------------------------------------------------------
    def _on_nav_language_requested(self) -> None:
        self.state.set_language(self.state.next_language())

    def _on_display_changed(self, change: DisplayChange) -> None:
        if Aspect.LANGUAGE in change:
            self._translations.apply(change.display.language)
        if Aspect.PALETTE in change:
            use_palette(change.display.access.high_contrast)

    # --- display settings and read-aloud -------------------------------------------
    def open_access_panel(self) -> None:
        """Show the display settings (built on first use, with the speech check)."""
        if self.access_panel is None:
            from minusma_kiosk.ui.speech import Speaker
            from minusma_kiosk.ui.widgets.access_panel import AccessPanel

            if self.speaker is None:
                self.speaker = Speaker(self)
            window = self.state.window
            self.access_panel = AccessPanel(self, self.state, self.speaker.available,
                                            low_reach=window is not None and window.reach_px > 0)
            self.access_panel.read_aloud_requested.connect(self.read_aloud)
        self.access_panel.show_over()

    def read_aloud(self) -> bool:
        """Say what the visitor is reading on the current screen; False if nothing is
        said (no engine, or nothing to read)."""
        current = self.router.current
        if self.speaker is None or current is None:
            return False
        screen = self.router.screen(current)
        if not isinstance(screen, Speaks):
            return False
        return self.speaker.say(screen.spoken_text(), self.state.language)

    def _on_layout_changed(self, change: DisplayChange) -> None:
        # The low-reach header is made the first time it is needed; it follows the
        # display itself from then on.
        if change.display.reach_px > 0 and self.reach_header is None:
            self._add_reach_header()

    def _add_reach_header(self) -> None:
        from minusma_kiosk.ui.widgets.reach_header import ReachHeader

        self.reach_header = ReachHeader(self.state)
        self._box.insertWidget(self._box.indexOf(self.stack), self.reach_header)
        self.router.screen_changed.connect(self.reach_header.set_screen)
        if self.router.current is not None:
            self.reach_header.set_screen(self.router.current)

    # --- sizes -------------------------------------------------------------------------
    def px_per_mm(self) -> float:
        """Pixels per physical millimetre on the screen the window is on."""
        screen = self.screen()
        # A window never outgrows its screen on real hardware; offscreen (screenshots,
        # tests) the virtual screen is 800x800 and the window is the size that counts.
        size = screen.size()
        if size.width() < self.width() or size.height() < self.height():
            size = self.size()
        return px_per_mm(screen.physicalDotsPerInch(), screen.devicePixelRatio(),
                         self._diagonal, size.width(), size.height())

    @property
    def metrics(self) -> Metrics:
        """The metrics in force (after the window's first resize)."""
        m = metrics_of(self.state.display)
        assert m is not None, "the window has no size yet"
        return m

    def _apply_metrics(self) -> None:
        """Tell the display state the window's size and screen; every view follows."""
        ppmm = self.px_per_mm()
        self.state.set_window(Window(
            self.width(), self.height(), ppmm, kiosk=self.mode is RunMode.KIOSK,
            reach_px=reach_header_px(self.height(), ppmm, self._screen_bottom_mm)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_metrics()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The window holds the focus itself at first: Qt would give the first button
        # the focus "by Tab" and draw its ring before any key was pressed.
        if self.focusWidget() is None:
            self.setFocus(Qt.FocusReason.OtherFocusReason)
        handle = self.windowHandle()
        if handle is not None and not self._watching_screen:
            handle.screenChanged.connect(self._on_window_screen_changed)
            self._watching_screen = True
        self._apply_metrics()

    def _on_window_screen_changed(self, _screen: QScreen) -> None:
        self._apply_metrics()

    # --- visits ---------------------------------------------------------------------------
    def reset_visit(self) -> None:
        """Everything back to how the next visitor should find it: every screen at its start,
        no filter, the first card, the default language, the home screen."""
        for screen in self.router.built():
            screen.reset()
        if self.time_cursor is not None:
            self.time_cursor.reset()
        self.deck.reset()
        if self.access_panel is not None:
            self.access_panel.hide()
        if self.speaker is not None:
            self.speaker.stop()
        self.state.reset()
        self.router.navigate(ScreenId.HOME)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close:
            event.ignore()  # kiosk: no way out but the admin panel
            return
        # The add-ons stop their timers and leave the application's input alone.
        self.host.closing.emit()
        # The UI catalogue is installed application-wide; it leaves with its window.
        self._translations.release()
        if self.watcher is not None:
            self.watcher.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_F11 and self.mode is not RunMode.KIOSK:
            self.setWindowState(self.windowState() ^ Qt.WindowState.WindowFullScreen)
            return
        super().keyPressEvent(event)


class FirstFrameProbe(QObject):
    """Calls a function once, right after the watched widget's first paint."""

    def __init__(self, watched: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(watched)
        self._callback: Callable[[], None] | None = callback
        watched.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False
