"""Backups from the app: made automatically once a day, by hand, and restored from a list.

The copying and checking is ``core.backup``'s; this module runs it off the
UI thread (``ui.worker``), because a copy of a large file must never freeze
the window, and keeps the one setting it owns, ``last_backup_at``, written
from the UI thread with the app's own connection.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import backup, fmt, settings
from core.db import open_db
from core.i18n import _
from core.spec import TABLE_ORDER
from ui.worker import run_job

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from ui.context import Context

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def moment_text(moment: datetime) -> str:
    """ "23 nov. 2026 à 10:05": a date in the user's language and a 24-hour time."""
    return _("{date} at {time}").format(date=fmt.date(moment.date()), time=moment.strftime("%H:%M"))


def size_text(size: int) -> str:
    if size < 1_000_000:
        return _("{size} kB").format(size=fmt.number(max(size, 1000) / 1000, places=0))
    return _("{size} MB").format(size=fmt.number(size / 1_000_000, places=1))


# --- making backups ---------------------------------------------------------


def backup_now(
    parent: QWidget | None,
    ctx: Context,
    on_done: Callable[[backup.Backup], None] | None = None,
    *,
    quiet: bool = False,
) -> None:
    """Make a verified backup and thin out the old ones, in a worker; then note when."""
    db_path, folder, keep = ctx.db_path, ctx.backup_folder(), settings.backup_keep(ctx.db)

    def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> backup.Backup:
        return backup.backup_and_rotate(db_path, folder, keep)

    def done(made: backup.Backup) -> None:
        settings.put(ctx.db, "last_backup_at", made.taken_at.isoformat())
        if not quiet:
            ctx.events.notify.emit(
                _("Backup made and verified: {name}").format(name=made.path.name), None
            )
        if on_done:
            on_done(made)

    def failed(message: str) -> None:  # a backup that fails must always be told
        if quiet:
            ctx.events.notify.emit(
                _("The automatic backup failed: {error}").format(error=message), None
            )
        else:
            QMessageBox.warning(parent, _("Backup"), message)

    run_job(parent, _("Backing up…"), job, done, failed, quiet=quiet)


def backup_if_due(
    parent: QWidget | None, ctx: Context, on_done: Callable[[backup.Backup], None] | None = None
) -> bool:
    """Back up quietly unless it was already done today; True when a backup was started."""
    if not settings.backup_due(ctx.db, datetime.now()):
        return False
    backup_now(parent, ctx, on_done, quiet=True)
    return True


# --- restoring --------------------------------------------------------------


class BackupModel(QAbstractTableModel):
    """The backups of one folder, newest first."""

    COL_DATE, COL_SIZE = range(2)

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder
        self.backups: list[backup.Backup] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.backups = backup.list_backups(self.folder) if self.folder.is_dir() else []
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        made = self.backups[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == self.COL_DATE:
                return moment_text(made.taken_at)
            return size_text(made.size)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_SIZE:
            return RIGHT
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(made.path)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_("Made on"), _("Size"))[section]


class RestoreDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Restore a backup"))
        self.resize(560, 420)
        self.model = BackupModel(ctx.backup_folder())
        intro = QLabel(
            _(
                "Choose the backup to go back to. Everything entered since then will be replaced; "
                "the current state is backed up first, so nothing is lost for good."
            )
        )
        intro.setWordWrap(True)
        self.view = self._table()
        self.empty = QLabel(_("No backup yet in {folder}.").format(folder=self.model.folder))
        self.empty.setWordWrap(True)
        self.restore_button = QPushButton(_("&Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(_("&Close"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)  # only one of the two is shown
        layout.addWidget(buttons)
        self._update()

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(
            BackupModel.COL_DATE, QHeaderView.ResizeMode.Stretch
        )
        view.horizontalHeader().setSectionResizeMode(
            BackupModel.COL_SIZE, QHeaderView.ResizeMode.ResizeToContents
        )
        view.doubleClicked.connect(self.restore_selected)
        return view

    def _update(self) -> None:
        has_any = self.model.rowCount() > 0
        self.view.setVisible(has_any)
        self.empty.setVisible(not has_any)
        self.restore_button.setEnabled(has_any)
        if has_any and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)
        self.view.setFocus()

    def selected(self) -> backup.Backup | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.backups[rows[0].row()] if rows else None

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None or not self._confirm(chosen):
            return
        db_path, folder = self.ctx.db_path, self.model.folder

        def job(progress: Callable[[int, int], None], cancelled: Callable[[], bool]) -> Any:
            safety = backup.restore(db_path, chosen.path, folder)
            open_db(db_path, verify=False).close()  # brings an older backup up to date
            return safety

        run_job(self, _("Restoring…"), job, lambda safety: self._restored(chosen, safety))

    def _confirm(self, chosen: backup.Backup) -> bool:
        answer = QMessageBox.question(
            self,
            _("Restore a backup"),
            _(
                "Go back to the backup of {moment}?\n\nThe current state will first be backed up."
            ).format(moment=moment_text(chosen.taken_at)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restored(self, chosen: backup.Backup, safety: backup.Backup) -> None:
        for table in TABLE_ORDER:
            self.ctx.changed(table)
        self.ctx.changed("settings")
        self.model.reload()
        self._update()
        QMessageBox.information(
            self,
            _("Restore a backup"),
            _(
                "The data is back as it was on {moment}.\n\nThe state before the restore was kept "
                "as {name}."
            ).format(moment=moment_text(chosen.taken_at), name=safety.path.name),
        )
