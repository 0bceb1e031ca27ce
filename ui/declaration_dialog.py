"""The dialog before a declaration: which year, which partnership, the 1 % budgets' resources.

It says again, in a sentence, what the declaration counts. For the e-APD
worksheet it asks the resources of each "1 % Oudin-Santini" budget for the
year (the worksheet warns when spending passes 1 % of them); they are kept
in the file's settings, so next time they are already there.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core import fmt, records, settings
from core.declarations.apd_rule import ONE_PERCENT_BUDGETS, resources_key
from core.errors import UserError
from core.i18n import N_, _
from core.parse import parse_amount
from core.spec import BUDGET_SOURCES

if TYPE_CHECKING:
    from ui.context import Context

WHAT = {
    "apd": N_("For each partnership with a country on the OECD DAC list of ODA recipients: the "
              "commune's expenses of the year (staff time included) less what grants and "
              "partners paid, never below zero. To copy into the State's e-APD form between "
              "15 April and 31 May."),
    "cic": N_("Every expense of the year with its supporting document, budget post, rate, "
              "bank fees, funding and eligibility, and a summary: planned against actual per "
              "budget post, totals by funding source, the own contribution."),
    "iati": N_("One IATI 2.03 activity per partnership or project, with its country, sector, "
               "SDGs, policy markers, budgets per year and every transaction in its currency."),
}


class DeclarationDialog(QDialog):
    def __init__(self, ctx: Context, kind: str, title: str, year: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        what = QLabel(_(WHAT[kind]))
        what.setWordWrap(True)
        layout.addWidget(what)
        form = QFormLayout()
        layout.addLayout(form)
        self.year = QSpinBox()
        self.year.setRange(1900, ctx.today.year)
        self.year.setValue(year)
        self.all_years = QCheckBox(_("All years"))
        self.partnership = QComboBox()
        self.resources: dict[str, QLineEdit] = {}
        self._fields(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Save as…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fields(self, form: QFormLayout) -> None:
        form.addRow(_("&Year:"), self.year)
        if self.kind == "iati":
            self.all_years.setChecked(True)
            self.year.setEnabled(False)
            self.all_years.toggled.connect(lambda on: self.year.setEnabled(not on))
            form.addRow("", self.all_years)
        if self.kind == "cic":
            self.partnership.addItem(_("All partnerships"), None)
            for row in records.list_records(self.ctx.db, "partnerships"):
                self.partnership.addItem(str(row["name"]), row["id"])
            form.addRow(_("&Partnership:"), self.partnership)
        if self.kind == "apd":
            heading = QLabel(_("Resources of the «1 % Oudin-Santini» budgets, to check the "
                               "1 % ceiling (leave empty if none):"))
            heading.setWordWrap(True)
            form.addRow(heading)
            for budget in ONE_PERCENT_BUDGETS:
                edit = QLineEdit()
                edit.setPlaceholderText(_("resources of the year, in EUR"))
                self.resources[budget] = edit
                form.addRow(_(BUDGET_SOURCES[budget]), edit)
            self.year.valueChanged.connect(self._load_resources)
            self._load_resources()

    def _load_resources(self) -> None:
        for budget, edit in self.resources.items():
            stored = settings.get(self.ctx.db, resources_key(self.year.value(), budget))
            edit.setText(fmt.number(Decimal(stored), places=2) if stored else "")

    def choice(self) -> dict[str, Any]:
        year = None if self.kind == "iati" and self.all_years.isChecked() else self.year.value()
        return {"year": year, "partnership": self.partnership.currentData()}

    def accept(self) -> None:
        values = {}
        for budget, edit in self.resources.items():
            text = edit.text().strip()
            try:
                amount = parse_amount(text) if text else None
            except (UserError, ValueError, InvalidOperation):
                edit.setFocus()
                edit.selectAll()
                return
            values[resources_key(self.year.value(), budget)] = "" if amount is None else str(amount)
        if values:
            settings.put_many(self.ctx.db, values)
        super().accept()
