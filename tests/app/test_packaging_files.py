"""The files in packaging/ that the installers ship."""

from __future__ import annotations

import configparser
from pathlib import Path

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"


def test_the_systemd_unit_runs_the_kiosk_under_the_supervisor():
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # systemd keys are case-sensitive
    unit.read(PACKAGING / "systemd" / "minusma-kiosk.service", encoding="utf-8")
    exec_start = unit["Service"]["ExecStart"].split()
    assert exec_start[:2] == ["minusma-kiosk", "supervise"]
    assert exec_start[exec_start.index("--"):] == ["--", "--mode", "kiosk"]
    assert unit["Service"]["Restart"] == "on-failure"  # a deliberate exit (0) stays stopped
    assert unit["Install"]["WantedBy"] == "graphical-session.target"
    # systemctl stop signals the supervisor alone, which stops the exhibit cleanly.
    assert unit["Service"]["KillMode"] == "mixed"
