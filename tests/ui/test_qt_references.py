"""Guards the PySide6 version: some releases (6.12.0) lose a reference to None on every Qt call that returns
nothing and to True on every emit; on Python 3.11 the app then dies with "none_dealloc" after a few
thousand calls. pyproject.toml keeps such a release out; this test says when one gets in."""

from __future__ import annotations

import sys

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Sender(QObject):
    said = Signal(bool)


def test_qt_calls_keep_their_references_to_none_and_true(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    sender = _Sender()
    heard = []
    sender.said.connect(heard.append)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(1000):
        label.setText("takings")
        label.setVisible(False)
        sender.said.emit(True)
    none_lost = none_before - sys.getrefcount(None)
    true_lost = true_before - sys.getrefcount(True)
    assert len(heard) == 1000
    # A few references come and go with the test's own objects; a leak loses one per call (1000s).
    assert none_lost < 100 and true_lost < 100, (PySide6.__version__, none_lost, true_lost)
