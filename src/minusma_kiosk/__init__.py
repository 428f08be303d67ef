"""minusma-kiosk: a touch-screen exhibit on Mali since 2012 and the UN mission MINUSMA."""

from __future__ import annotations

__version__ = "0.1.0"
