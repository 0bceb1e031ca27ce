"""The imports made so far, with the way to undo one whose records were not changed since."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from core import fmt
from core.excel import apply
from core.i18n import _
from ui.import_undo import batch_of, counted, undo_import, undo_label
from ui.import_wizard import KIND_LABELS

if TYPE_CHECKING:
    from ui.context import Context


class ImportsDialog(QDialog):
    def __init__(self, ctx: Context, parent: Any = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(_("Imports"))
        self.resize(760, 380)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([_("Date"), _("File"), _("Records"), _("Created"),
                                              _("Updated"), _("Undone")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.undo_button = QPushButton(_("&Undo this import…"))
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.batches: list[dict[str, Any]] = []
        self.table.itemSelectionChanged.connect(self._enable_undo)
        self.refresh()

    def refresh(self) -> None:
        self.batches = apply.batches(self.ctx.db)
        self.table.setRowCount(len(self.batches))
        for row, batch in enumerate(self.batches):
            cells = [fmt.date(batch["imported_at"][:10]), batch["file_name"],
                     _(KIND_LABELS.get(batch["kind"], batch["kind"])), str(batch["created"]),
                     str(batch["updated"]),
                     fmt.date(batch["undone_at"][:10]) if batch["undone_at"] else ""]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        # The newest import still in place is chosen: with no row selected the button
        # would do nothing, and an officer opening this list means the latest one.
        open_rows = [n for n, batch in enumerate(self.batches) if not batch["undone_at"]]
        self.table.clearSelection()
        if open_rows:
            self.table.selectRow(open_rows[0])
        self._enable_undo()

    def _enable_undo(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.undo_button.setEnabled(
            bool(rows) and not self.batches[rows[0].row()]["undone_at"])

    def undo_selected(self) -> None:
        """Say what will go, then take the import back; the bar says what went."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        batch = self.batches[rows[0].row()]["id"]
        if not self.confirm(batch_of(self.ctx, batch)):
            return
        if undo_import(self.ctx, batch, self):
            self.refresh()

    def confirm(self, info: dict[str, Any]) -> bool:
        text = _("{action}? The {created} it created will be removed, and the {updated} it "
                 "changed put back as they were.").format(
            action=undo_label(info), created=counted(info["kind"], info["created"]),
            updated=counted(info["kind"], info["updated"]))
        answer = QMessageBox.question(self, _("Undo the import"), text)
        return answer == QMessageBox.StandardButton.Yes
