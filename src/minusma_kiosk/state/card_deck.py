"""Which interest card is shown, and whether it is opened."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class CardDeck(QObject):
    """Position in the deck of interest cards.

    Parameters
    ----------
    count
        Number of cards (at least 1).

    Signals
    -------
    current_changed(int)
        The shown card changed (new index).
    expanded_changed(bool)
        The shown card was opened (True) or closed (False).
    """

    current_changed = Signal(int)
    expanded_changed = Signal(bool)

    def __init__(self, count: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        if count < 1:
            raise ValueError("a card deck needs at least one card")
        self._count = count
        self._current = 0
        self._expanded = False

    @property
    def count(self) -> int:
        """Number of cards."""
        return self._count

    @property
    def current(self) -> int:
        """Index of the shown card."""
        return self._current

    @property
    def expanded(self) -> bool:
        """Whether the shown card is opened."""
        return self._expanded

    def go_to(self, index: int) -> None:
        """Show card ``index`` (wraps around); closes an opened card."""
        index %= self._count
        self.set_expanded(False)
        if index != self._current:
            self._current = index
            self.current_changed.emit(index)

    def next(self) -> None:
        """Show the next card (after the last comes the first)."""
        self.go_to(self._current + 1)

    def previous(self) -> None:
        """Show the previous card (before the first comes the last)."""
        self.go_to(self._current - 1)

    def set_expanded(self, expanded: bool) -> None:
        """Open or close the shown card."""
        if expanded != self._expanded:
            self._expanded = expanded
            self.expanded_changed.emit(expanded)

    def toggle(self) -> None:
        """Open the shown card if closed, close it if open."""
        self.set_expanded(not self._expanded)

    def set_count(self, count: int) -> None:
        """New content with ``count`` cards: the same card if it still exists (else the
        last), opened or not as it was. Emits nothing: the cards screen is made again."""
        if count < 1:
            raise ValueError("a card deck needs at least one card")
        self._count = count
        self._current = min(self._current, count - 1)

    def reset(self) -> None:
        """Back to the first card, closed."""
        self.go_to(0)
