"""The look: a calm, legible style sheet on top of Qt's Fusion style.

One accent colour, generous row height, a light sidebar; nothing that
fights the platform's fonts or High-DPI scaling.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

ACCENT = "#1f5f8b"

STYLE_SHEET = f"""
QListWidget#sidebar {{
    background: #f2f4f7; border: none; border-right: 1px solid #dde2e8;
    padding-top: 12px; font-size: 10.5pt; outline: 0;
}}
QListWidget#sidebar::item {{ padding: 9px 18px; border-radius: 6px; margin: 1px 8px; }}
QListWidget#sidebar::item:hover {{ background: #e4e9ef; }}
QListWidget#sidebar::item:selected {{ background: {ACCENT}; color: white; }}
QWidget#topBar {{ background: #ffffff; border-bottom: 1px solid #dde2e8; }}
QLineEdit#globalSearch {{ padding: 5px 10px; border: 1px solid #c8d0da; border-radius: 14px; }}
QLabel#pageTitle {{ font-size: 17pt; font-weight: 600; color: #1d2935; }}
QLabel#pageCount {{ color: #5b6875; padding-left: 10px; padding-bottom: 3px; }}
QPushButton#primary {{
    background: {ACCENT}; color: white; border: none; border-radius: 5px; padding: 6px 14px;
}}
QPushButton#primary:hover {{ background: #174b6e; }}
QPushButton#flat {{ border: none; background: transparent; font-size: 13pt; padding: 0 6px; }}
QLabel#emptyHint {{ color: #5b6875; font-size: 11pt; padding: 40px; }}
QFrame#notification {{ background: #fff4d6; border-bottom: 1px solid #e8d49a; }}
QTableView {{ border: 1px solid #dde2e8; gridline-color: #eef1f4; }}
QTableView::item {{ padding: 0 6px; }}
QTableView::item:selected {{ background: #d5e6f3; color: #10202e; }}
QHeaderView::section {{
    background: #f7f8fa; border: none; border-bottom: 1px solid #dde2e8; padding: 5px 6px;
    font-weight: 600; color: #334250;
}}
"""


STYLE = "Fusion"


def apply(app: QApplication) -> None:
    if app.style().name().lower() != STYLE.lower():
        app.setStyle(STYLE)
    app.setStyleSheet(STYLE_SHEET)
