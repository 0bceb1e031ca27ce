"""Long work off the UI thread, with progress and cancel (Dangerzone's callback pattern).

A job is a plain function ``fn(progress, cancelled)`` from core: it reports
through ``progress(done, total)`` and stops when ``cancelled()`` is true.
The worker thread never touches a widget: it emits signals, which Qt
delivers on the UI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from pathlib import Path

    from sqlite_utils import Database

JobFunction = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]


def on_own_connection(db_path: Path, job: Callable[[Database], Any]) -> JobFunction:
    """``job(db)`` as a job run with a connection of its own: a worker never shares the
    window's (SQLite connections belong to their thread)."""

    def run(_progress: Any, _cancelled: Any) -> Any:
        from core.db import open_db

        db = open_db(db_path, verify=False)
        try:
            return job(db)
        finally:
            db.close()

    return run


class JobSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class Job(QRunnable):
    def __init__(self, fn: JobFunction) -> None:
        super().__init__()
        self.fn = fn
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)  # the caller keeps it until its signals have fired

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit, self._cancel.is_set)
        except UserError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # a bug: keep the window alive, say so, log the details
            from ui.unexpected import general_sentence, write_log

            self.signals.failed.emit(general_sentence(error, write_log(error)))
        else:
            self.signals.finished.emit(result)


_running: set[Job] = set()


def run_job(parent: QWidget | None, title: str, fn: JobFunction,
            on_done: Callable[[Any], None] | None = None,
            on_failed: Callable[[str], None] | None = None, *, quiet: bool = False) -> Job:
    """Start ``fn`` in the thread pool; show a progress dialog unless ``quiet``."""
    job = Job(fn)
    _running.add(job)
    dialog = None if quiet else _progress_dialog(parent, title, job)

    def finish() -> None:
        _running.discard(job)
        if dialog is not None:
            dialog.close()

    def done(result: Any) -> None:
        finish()
        if on_done:
            on_done(result)

    def failed(message: str) -> None:
        finish()
        if on_failed:
            on_failed(message)
        elif parent is not None:
            QMessageBox.warning(parent, title, message)

    job.signals.finished.connect(done, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(job)
    return job


def _progress_dialog(parent: QWidget | None, title: str, job: Job) -> QProgressDialog:
    dialog = QProgressDialog(title, _("Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick jobs finish without a flash
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)

    job.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    return dialog


def wait_for_jobs(msecs: int = 30000) -> bool:
    """Block until every job is done (tests, and closing the window)."""
    return QThreadPool.globalInstance().waitForDone(msecs)
