"""Guards against a Qt binding that corrupts the interpreter.

PySide6 6.12.0 drops one reference to None on every call of a C++ method that returns nothing.
Python 3.12+ never frees None, but on 3.11 the count reaches zero after a few thousand calls and
the app aborts (Fatal Python error: none_dealloc) — about 60 week switches in the grid. The
version pin in pyproject.toml avoids it; this test fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot


def test_void_calls_keep_none_alive(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(2000):
        widget.update()
    # Other code may take or drop a handful of references meanwhile; a leak loses ~2,000.
    assert before - sys.getrefcount(None) < 100
