"""An error nobody foresaw, met in a form or a page: one sentence on screen, the rest in a log.

A form that fails with no word is the worst first hour an officer can have:
the traceback goes to the crash log beside the database folder, and the
person reads what happened, that nothing was saved, and where the details
are, to send to whoever helps them.
"""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from core import paths
from core.i18n import _


def write_log(error: BaseException) -> Path | None:
    """The traceback appended to ``crash.log`` in the data folder; None if it cannot be written."""
    try:
        log = paths.data_dir() / "crash.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            traceback.print_exception(error, file=handle)
        return log
    except OSError:
        return None


def sentence(error: BaseException, log: Path | None) -> str:
    where = str(log) if log is not None else _("the program's output")
    return _("Something went wrong and nothing was saved ({error}); the details are in {log}."
             ).format(error=str(error) or type(error).__name__, log=where)


def show_unexpected(parent: QWidget | None, error: BaseException) -> str:
    """Log ``error``, say it in one sentence (a window that does not block), return the sentence."""
    text = sentence(error, write_log(error))
    print(text, file=sys.stderr)
    box = QMessageBox(QMessageBox.Icon.Warning, "Ici & Là-bas", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("unexpectedError")
    box.open()  # not exec(): a test or a busy window is never left waiting on it
    return text
