"""The exhibit never uses the network: a whole kiosk visit, watched from inside the process.

Two witnesses: Python's audit hooks (every socket, connect and name lookup made
from Python), and the kernel's table of this process's sockets at the end (any
internet socket Qt or a library opened in C and kept).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SESSION = r"""
import sys
calls = []
NET = ("socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
       "socket.sendto", "urllib.Request", "http.client.connect")
def hook(event, args):
    if event in NET or (event == "socket.__new__" and args[1] in (2, 10)):  # AF_INET(6)
        calls.append((event, repr(args)[:120]))
sys.addaudithook(hook)

from minusma_kiosk.app import Options, create_application, create_shell, load_with_fallback
from minusma_kiosk.kiosk.analytics import Analytics
from minusma_kiosk.ui.capture import settle, shots
from minusma_kiosk.ui.visit_recorder import VisitRecorder
from minusma_kiosk.ui.router import ScreenId
from PySide6.QtTest import QTest
from PySide6.QtCore import QPoint
app = create_application()
shell = create_shell(load_with_fallback(None), Options(mode="kiosk", animation="none",
                                                       diagonal_inches=32))
recorder = VisitRecorder(shell.host, shell.kiosk, Analytics(__import__("pathlib").Path(sys.argv[1])))
shell.resize(1920, 1080)
shell.show()
settle()
kiosk = shell.kiosk
kiosk.start_attract()
settle()
dev = QTest.createTouchDevice()
window = shell
p = QPoint(900, 500)
QTest.touchEvent(window, dev).press(0, p, window).commit()
QTest.touchEvent(window, dev).release(0, p, window).commit()
settle()
for shot in shots(shell):   # every screen in every state, the kiosk's views too
    pass
kiosk.end_visit("idle")
kiosk.stop()
recorder.close()

import os, re
inodes = set()
for fd in os.listdir("/proc/self/fd"):
    try:
        m = re.match(r"socket:\[(\d+)\]", os.readlink(f"/proc/self/fd/{fd}"))
    except OSError:
        continue
    if m:
        inodes.add(m.group(1))
inet = []
for table in ("tcp", "tcp6", "udp", "udp6"):
    try:
        rows = open(f"/proc/net/{table}").read().splitlines()[1:]
    except OSError:
        continue
    inet += [table for row in rows if row.split()[9] in inodes]
print("AUDIT", len(calls), calls[:5])
print("INET", len(inet), inet)
"""


def test_a_whole_kiosk_visit_opens_no_network_connection(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"), QT_QPA_PLATFORM="offscreen",
               MINUSMA_KIOSK_HOME=str(tmp_path / "home"))
    out = subprocess.run([sys.executable, "-c", SESSION, str(tmp_path / "visits.sqlite3")],
                         env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    lines = dict(line.split(" ", 1) for line in out.stdout.splitlines()
                 if line.startswith(("AUDIT", "INET")))
    assert lines["AUDIT"].startswith("0 "), lines["AUDIT"]
    assert lines["INET"].startswith("0 "), lines["INET"]
