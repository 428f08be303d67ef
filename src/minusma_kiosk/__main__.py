"""``python -m minusma_kiosk`` runs the same command line as ``minusma-kiosk``."""

from __future__ import annotations

import sys

from minusma_kiosk.cli import main

sys.exit(main())
