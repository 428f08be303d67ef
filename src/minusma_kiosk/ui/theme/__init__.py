"""One place for colours, type, spacing and touch-target sizes."""

from __future__ import annotations

from minusma_kiosk.ui.theme.metrics import Metrics, compute_metrics
from minusma_kiosk.ui.theme.tokens import PALETTE, Palette

__all__ = ["PALETTE", "Metrics", "Palette", "compute_metrics"]
