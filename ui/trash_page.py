"""The trash: what was deleted, with everything that went with it, and the way back.

Nothing the user deletes is lost at once: a deleted partnership takes its
projects, missions and budget with it into one trash entry, and restoring
the entry brings them all back. Only "Delete permanently" and "Empty the
trash" lose data, and both ask first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import fmt, records
from core.errors import UserError
from core.i18n import N_, _, ngettext
from core.spec import SPECS, children_of
from ui.backup_dialog import moment_text

if TYPE_CHECKING:
    from ui.context import Context

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def deleted_moment(stamp: str) -> str:
    """A UTC stamp from the database ("2026-11-23T09:05:00Z") in local time, for people."""
    try:
        moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)
    except (TypeError, ValueError):
        return stamp or ""
    return moment_text(moment.astimezone())


def affected_tables(table: str) -> list[str]:
    """``table`` and every kind of record that can go to the trash with it."""
    found = [table]
    for name in found:
        found += [child for child, _f in children_of(name) if child not in found]
    return found


class TrashModel(QAbstractTableModel):
    COL_KIND, COL_LABEL, COL_LINKED, COL_DELETED = range(4)
    HEADERS = (N_("What"), N_("Name"), N_("Deleted with it"), N_("Deleted on"))

    def __init__(self, ctx: Context) -> None:
        super().__init__()
        self.ctx = ctx
        self.entries: list[dict[str, Any]] = []

    def reload(self) -> None:
        self.beginResetModel()
        self.entries = records.trash_entries(self.ctx.db)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(entry, index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.COL_LINKED:
            return RIGHT
        return None

    def text(self, entry: dict[str, Any], column: int) -> str:
        if column == self.COL_KIND:
            spec = SPECS.get(entry["table_name"])
            return _(spec.label) if spec else str(entry["table_name"])
        if column == self.COL_LABEL:
            return str(entry["label"] or "")
        if column == self.COL_LINKED:
            linked = max(int(entry["record_count"] or 0) - 1, 0)
            return (
                ngettext("{count} record", "{count} records", linked).format(
                    count=fmt.number(linked)
                )
                if linked
                else ""
            )
        return deleted_moment(entry["deleted_at"])

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return _(self.HEADERS[section])


class TrashPage(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = TrashModel(ctx)
        intro = QLabel(
            _(
                "Deleted items stay here until you delete them permanently. Restoring an item "
                "also brings back everything that was deleted with it."
            )
        )
        intro.setWordWrap(True)
        self.stack = QStackedWidget()
        self.view = self._table()
        self.empty = QLabel(_("The trash is empty."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)  # as the list pages
        layout.addWidget(QLabel(_("Trash"), objectName="pageTitle"))
        layout.addWidget(intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(self._buttons())
        self._pending = False
        ctx.events.data_changed.connect(self._schedule_refresh)
        self.refresh()

    def _table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TrashModel.COL_LABEL, QHeaderView.ResizeMode.Stretch)
        view.selectionModel().selectionChanged.connect(self._update_buttons)
        return view

    def _buttons(self) -> QHBoxLayout:
        self.restore_button = QPushButton(_("&Restore"))
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(_("&Delete permanently…"))
        self.purge_button.clicked.connect(self.purge_selected)
        self.empty_button = QPushButton(_("&Empty the trash…"))
        self.empty_button.clicked.connect(self.empty_trash)
        row = QHBoxLayout()
        row.addWidget(self.restore_button)
        row.addWidget(self.purge_button)
        row.addStretch()
        row.addWidget(self.empty_button)
        return row

    # --- showing ------------------------------------------------------------

    def _schedule_refresh(self, _table: str = "") -> None:
        """One refresh for a burst of changes (a restore announces every kind of record)."""
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self.refresh)  # dropped if the page is gone

    def refresh(self) -> None:
        self._pending = False
        self.model.reload()
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)
        self._update_buttons()

    def _update_buttons(self) -> None:
        selected = self.selected() is not None
        self.restore_button.setEnabled(selected)
        self.purge_button.setEnabled(selected)
        self.empty_button.setEnabled(self.model.rowCount() > 0)

    def selected(self) -> dict[str, Any] | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    # --- acting -------------------------------------------------------------

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            records.restore(self.ctx.db, entry["id"])
        except UserError as error:  # its parent is in the trash too, or it is already gone
            QMessageBox.warning(self, _("Restore"), str(error))
            self.refresh()
            return
        for table in affected_tables(entry["table_name"]):
            self.ctx.changed(table)
        self.ctx.changed("trash")
        self.ctx.events.notify.emit(_("«{name}» is back.").format(name=entry["label"]), None)

    def purge_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        linked = max(int(entry["record_count"] or 0) - 1, 0)
        text = (
            ngettext(
                "Delete «{name}» and {count} record deleted with it permanently?",
                "Delete «{name}» and the {count} records deleted with it permanently?",
                linked,
            )
            if linked
            else _("Delete «{name}» permanently?")
        )
        text = text.format(name=entry["label"], count=fmt.number(linked))
        if self._confirm(_("Delete permanently"), text):
            self._purge(entry["id"])

    def empty_trash(self) -> None:
        count = self.model.rowCount()
        text = ngettext(
            "Delete the {count} item in the trash permanently?",
            "Delete the {count} items in the trash permanently?",
            count,
        )
        if self._confirm(_("Empty the trash"), text.format(count=fmt.number(count))):
            self._purge(None)

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self,
            title,
            text + "\n\n" + _("This cannot be undone."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _purge(self, trash_id: int | None) -> None:
        try:
            records.purge(self.ctx.db, trash_id)
        except UserError as error:
            QMessageBox.warning(self, _("Delete permanently"), str(error))
        self.ctx.changed("trash")
