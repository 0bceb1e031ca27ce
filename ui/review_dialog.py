"""The retention review: who has had no activity for N years, why, and anonymising them.

The officer ticks the people the commune no longer needs and anonymises
them at once (one confirmation, one wipe of the file). The number of years
is a setting kept in the file, 5 unless changed here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import fmt, settings
from core.gdpr import review
from core.i18n import N_, _, ngettext
from ui import gdpr_actions

if TYPE_CHECKING:
    from ui.context import Context

COLUMNS = (N_("Name"), N_("Last activity"), N_("Why"))


class ReviewDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.idle: list[review.Idle] = []
        self.anonymise_dialog: gdpr_actions.AnonymiseDialog | None = None
        self.setWindowTitle(_("Retention review"))
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(_("Personal data is kept no longer than needed. These contacts "
                                  "have had no mission, journal entry, link change or edit for "
                                  "at least the number of years below."), wordWrap=True))
        layout.addLayout(self._years_row())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([_(c) for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemChanged.connect(lambda _item: self._enable())
        layout.addWidget(self.table, 1)
        self.count = QLabel()
        layout.addWidget(self.count)
        layout.addWidget(self._buttons())
        self.reload()

    def _years_row(self) -> QHBoxLayout:
        self.years = QSpinBox(minimum=0, maximum=50)
        self.years.setValue(review.review_years(self.ctx.db))
        self.years.setSuffix(" " + _("years"))
        self.years.valueChanged.connect(self._years_changed)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("No activity for at least")))
        row.addWidget(self.years)
        row.addStretch(1)
        return row

    def _buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.select_all = QPushButton(_("Select &all"))
        self.select_all.clicked.connect(lambda: self.check_all(True))
        buttons.addButton(self.select_all, QDialogButtonBox.ButtonRole.ActionRole)
        self.anonymise_button = QPushButton(_("&Anonymise the selected contacts…"))
        self.anonymise_button.clicked.connect(self.anonymise_checked)
        buttons.addButton(self.anonymise_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        return buttons

    def _years_changed(self, years: int) -> None:
        settings.put(self.ctx.db, "gdpr_review_years", str(years))
        self.reload()

    def reload(self) -> None:
        self.idle = review.idle_contacts(self.ctx.db, self.ctx.today, self.years.value())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.idle))
        for row, idle in enumerate(self.idle):
            name = QTableWidgetItem(idle.name)
            name.setFlags(name.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            name.setCheckState(Qt.CheckState.Unchecked)
            name.setData(Qt.ItemDataRole.UserRole, idle.contact_id)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, QTableWidgetItem(fmt.date(idle.last_activity)))
            self.table.setItem(row, 2, QTableWidgetItem(idle.reason))
        self.table.blockSignals(False)
        self.table.resizeColumnsToContents()
        self.count.setText(ngettext("{n} contact to review.", "{n} contacts to review.",
                                    len(self.idle)).format(n=len(self.idle)))
        self._enable()

    def check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.table.rowCount()):
            self.table.item(row, 0).setCheckState(state)

    def checked_ids(self) -> list[int]:
        return [int(self.table.item(row, 0).data(Qt.ItemDataRole.UserRole))
                for row in range(self.table.rowCount())
                if self.table.item(row, 0).checkState() == Qt.CheckState.Checked]

    def _enable(self) -> None:
        self.anonymise_button.setEnabled(bool(self.checked_ids()))

    def anonymise_checked(self) -> None:
        ids = self.checked_ids()
        if ids:
            self.anonymise_dialog = gdpr_actions.anonymise(self, self.ctx, ids,
                                                           on_done=self.reload)
