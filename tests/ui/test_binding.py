"""Guard against a Qt binding that loses references to None (PySide6 6.12.0 on Python 3.11).

Such a binding aborts the app with "deallocating None" after some thousands
of paints; pyproject.toml excludes it, and this test says so if it comes back.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_keep_none_alive(qapp) -> None:
    label = QLabel()
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(500):
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("red"))
        painter.drawRect(QRectF(0, 0, 2, 2))
        label.setText("Marsassoum")
    painter.end()
    assert sys.getrefcount(None) - before > -100
