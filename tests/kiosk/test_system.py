"""What differs between systems: memory as the admin panel shows it."""

from __future__ import annotations

import builtins
import math

from minusma_kiosk.kiosk.system import memory_mb


def test_linux_reads_the_resident_memory(tmp_path):
    status = tmp_path / "status"
    status.write_text("Name:\tx\nVmRSS:\t  204800 kB\n", encoding="ascii")
    assert memory_mb("linux", status) == 200.0


def test_linux_without_proc_falls_back_to_the_peak(tmp_path):
    assert memory_mb("linux", tmp_path / "missing") > 0


def test_macos_peak_is_in_bytes(monkeypatch):
    import resource

    class Usage:
        ru_maxrss = 300 * 1024 * 1024

    monkeypatch.setattr(resource, "getrusage", lambda _who: Usage())
    assert memory_mb("darwin") == 300.0


def test_windows_has_no_resource_module(monkeypatch):
    real_import = builtins.__import__

    def no_resource(name, *args, **kwargs):
        if name == "resource":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_resource)
    assert math.isnan(memory_mb("win32"))


def test_the_admin_panel_says_when_memory_is_unknown(qtbot):
    from PySide6.QtWidgets import QWidget

    from minusma_kiosk.state.app_state import AppState
    from minusma_kiosk.ui.widgets.admin_panel import AdminInfo, AdminPanel

    host = QWidget()
    qtbot.addWidget(host)
    panel = AdminPanel(host, AppState())
    panel.open(AdminInfo("1", "2", 61.0, float("nan"), (), 60, 90, "en"))
    assert "memory ? MB" in panel.facts.text()
