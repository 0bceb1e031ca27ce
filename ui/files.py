"""Asking where to save a file the app writes: workbooks, templates, PDFs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


def ask_save_path(parent: QWidget, title: str, default: Path, filter_text: str,
                  suffix: str) -> Path | None:
    """The path the user chose, with ``suffix`` (".pdf") added when left out; None if cancelled."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(default), filter_text)
    if not chosen:
        return None
    return Path(chosen if chosen.lower().endswith(suffix) else f"{chosen}{suffix}")
