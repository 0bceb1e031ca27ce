"""An error nobody foresaw: one sentence on screen, the traceback in the log file.

A form that fails with no word, or an app that vanishes (a frozen build has
no console to print to), is the worst first hour an officer can have. Every
unexpected error the app meets comes here: from a form's save
(``show_unexpected``), from any slot (``install`` sets ``sys.excepthook``)
and from start-up (``show_fatal``). The traceback goes to the rotating log
(core.logs); the person reads what happened and where the log is, to send
to whoever helps them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from core import logs
from core.i18n import _

# The error dialogs on screen: held so that Python keeps them, and so that an error repeated
# at every repaint shows one dialog, not a hundred.
_SHOWN: list[QMessageBox] = []


def write_log(error: BaseException) -> Path | None:
    """The traceback written to the rotating log file; None if it cannot be written."""
    return logs.log_exception((type(error), error, error.__traceback__))


def sentence(error: BaseException, log: Path | None) -> str:
    where = str(log) if log is not None else _("the program's output")
    return _("Something went wrong and nothing was saved ({error}); the details are in {log}."
             ).format(error=str(error) or type(error).__name__, log=where)


def general_sentence(error: BaseException, log: Path | None) -> str:
    where = str(log) if log is not None else _("the program's output")
    return _("Something unexpected went wrong ({error}); the details are in {log}, a file to "
             "send to whoever helps you.").format(error=str(error) or type(error).__name__,
                                                  log=where)


def show_unexpected(parent: QWidget | None, error: BaseException) -> str:
    """Log ``error``, say it in one sentence (a window that does not block), return the sentence."""
    log = write_log(error)
    text = sentence(error, log)
    print(text, file=sys.stderr)
    _box(parent, text, log).open()  # not exec(): a test or a busy window is never left waiting
    return text


def install() -> None:
    """From now on an exception that escapes a slot is logged and said, and the app goes on."""
    sys.excepthook = _hook


def _hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, trace)
        return
    log = logs.log_exception((kind, error, trace))
    text = general_sentence(error, log)
    print(text, file=sys.stderr)
    if not _on_screen():
        _box(QApplication.activeWindow(), text, log).open()


def _on_screen() -> bool:
    """Whether an error dialog is still showing. A dialog whose parent window was closed
    is gone without a ``finished`` signal: forget it, or no later error would ever show."""
    from shiboken6 import isValid

    _SHOWN[:] = [box for box in _SHOWN if isValid(box) and box.isVisible()]
    return bool(_SHOWN)


def show_fatal(error: BaseException, log: Path | None) -> None:
    """The app cannot go on (an error at start-up): the sentence on stderr and in a dialog."""
    text = general_sentence(error, log)
    print(text, file=sys.stderr)
    try:
        from ui.app import application, has_screen

        application()
        if has_screen():  # offscreen, nobody could click: the line on stderr is all
            _box(None, text, log).exec()
    except Exception:  # Qt itself is what failed: stderr and the log are all there is
        pass


def _box(parent: QWidget | None, text: str, log: Path | None) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, "Ici & Là-bas", text,
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("unexpectedError")
    if log is not None:
        folder = box.addButton(_("Open the log folder"), QMessageBox.ButtonRole.ActionRole)
        # An action button would close the box; the person may still want to read it.
        folder.clicked.disconnect()
        folder.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log.parent))))
    _SHOWN.append(box)
    box.finished.connect(lambda _result: _SHOWN.remove(box) if box in _SHOWN else None)
    return box
