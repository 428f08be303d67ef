"""Guards against a broken Qt binding.

PySide6 6.12.0 on Python 3.11 decrements None's reference count on every call of a
method that returns nothing (setText, update, lineTo…); after some thousands of
calls Python deallocates None and the exhibit crashes. 6.11.3 does not. This test
fails if the installed binding has that bug, whatever version it is.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QPainterPath
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: "
                    "its count cannot fall, and the bug cannot crash there")
def test_void_methods_do_not_leak_references_to_none(qapp):
    label, path = QLabel(), QPainterPath()
    before = sys.getrefcount(None)
    for i in range(2000):
        label.setText(str(i))
        path.lineTo(i, i)
    assert sys.getrefcount(None) - before > -100
