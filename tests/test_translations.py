"""The committed .ts catalogues match the code and the .qm files match the .ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_catalogues_are_up_to_date():
    result = subprocess.run([sys.executable, str(REPO / "tools" / "i18n.py"), "check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_french_ui_string_is_translated():
    tree = ET.parse(REPO / "resources" / "translations" / "minusma_kiosk_fr.ts")
    untranslated = [m.findtext("source") for m in tree.iter("message")
                    if not (m.findtext("translation") or "").strip()
                    or m.find("translation").get("type") == "unfinished"]
    assert untranslated == []
