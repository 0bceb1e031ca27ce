"""Asking where to save a file the app writes (workbooks, templates, PDFs), and which
file to open (a spreadsheet to import, a logo).

Every save dialog opens in the same place: the folder the person last saved
in, or their Documents folder the first time (never the program's working
folder), with a name in their language that says what the file holds and
when it was made ("Contacts 2026-12-07.xlsx", "Contactpersonen 2026-12-07.xlsx").
An open dialog starts in the folder last opened from, else Documents.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

LAST_FOLDER_KEY = "files/last_save_folder"
LAST_OPEN_KEY = "files/last_open_folder"
# Characters no file system takes in a name (Windows is the strictest).
_UNSAFE = str.maketrans({c: " " for c in '<>:"/\\|?*\0'})


def documents_folder() -> Path:
    location = QStandardPaths.StandardLocation.DocumentsLocation
    return Path(QStandardPaths.writableLocation(location) or Path.home())


def save_folder(key: str = LAST_FOLDER_KEY) -> Path:
    """Where the next save dialog opens: the last folder used if it still exists, else
    Documents; the home folder when there is no Documents (Qt would open the working one).
    ``key``: the open dialogs remember their own folder."""
    last = QSettings().value(key, "")
    if last and Path(str(last)).is_dir():
        return Path(str(last))
    documents = documents_folder()
    return documents if documents.is_dir() else Path.home()


def dated_name(words: str, day: dt.date, suffix: str) -> str:
    """«Contacts 2026-12-07.xlsx»: what it holds, in the person's words, and the day."""
    clean = " ".join(words.translate(_UNSAFE).split())[:120].strip(" .")
    return f"{clean} {day.isoformat()}{suffix}"


def ask_save_path(parent: QWidget, title: str, default: Path, filter_text: str,
                  suffix: str) -> Path | None:
    """The path the user chose, with ``suffix`` (".pdf") added when left out; None if cancelled.

    The dialog proposes ``default``'s name in :func:`save_folder`; the folder chosen is
    remembered for the next time.
    """
    proposed = save_folder() / Path(default).name
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(proposed), filter_text)
    if not chosen:
        return None
    path = Path(chosen if chosen.lower().endswith(suffix) else f"{chosen}{suffix}")
    QSettings().setValue(LAST_FOLDER_KEY, str(path.parent))
    return path


def ask_open_path(parent: QWidget, title: str, filter_text: str,
                  folder: Path | None = None) -> Path | None:
    """The file the user chose to open, or None; ``folder`` first, else the last one opened
    from, else Documents. The folder is remembered for the next time."""
    start = folder if folder is not None and folder.is_dir() else save_folder(LAST_OPEN_KEY)
    chosen, _filter = QFileDialog.getOpenFileName(parent, title, str(start), filter_text)
    if not chosen:
        return None
    QSettings().setValue(LAST_OPEN_KEY, str(Path(chosen).parent))
    return Path(chosen)
