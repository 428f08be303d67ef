"""State layer: QtCore only. Shared, observable state the screens subscribe to."""

from __future__ import annotations

from minusma_kiosk.state.app_state import AnimationLevel, AppState
from minusma_kiosk.state.card_deck import CardDeck

__all__ = ["AnimationLevel", "AppState", "CardDeck"]
