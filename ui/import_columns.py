"""The wizard's columns step: which field each column fills, and what the sheet lacks.

Each column shows its first value and its field; a match found only by a
guess is marked as a suggestion to check. Below, a field the sheet lacks
can be given one value for every row (a finance extract belongs to one
partnership), and the columns that match nothing can be kept in the notes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from core.excel import columns
from core.i18n import N_, _
from core.spec import SPECS

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan

_FIELD = Qt.ItemDataRole.UserRole
_VALUE = Qt.ItemDataRole.UserRole + 1

_IMPORT_ONLY = {"full_name": N_("Full name"), "organisation": N_("Organisation (name)"),
                "partner": N_("Partner authority (name)"), "funder": N_("Funder (name)"),
                "partnership": N_("Partnership (name)"), "id": N_("No."),
                "mission": N_("Mission (title)"), "mission_start": N_("Mission start"),
                "contact": N_("Contact (name)"), "expense_amount": N_("Amount of an expense"),
                "income_amount": N_("Amount of an income")}


def field_label(kind: str, name: str) -> str:
    """A field's name for people: the spec's label, or a word for import-only fields."""
    if name in _IMPORT_ONLY:
        return _(_IMPORT_ONLY[name])
    spec = SPECS[columns.KINDS[kind]]
    if name == "email" and spec.table != "contacts":  # how a participant's contact is found
        return _("Contact e-mail")
    try:
        return _(spec.field(name).label)
    except KeyError:  # kept in another field: a partnership's «Notes» go into its summary
        return _("Notes") if name == "notes" else name


class ColumnsPage(QWizardPage):
    """Each column of the sheet and the field it fills; the user can correct any of them."""

    def __init__(self, owner: Any) -> None:
        super().__init__()
        self.owner = owner  # the ImportWizard: its plan, its options, make_plan
        self.setTitle(_("Columns"))
        self.setSubTitle(_("Check which field each column fills; choose «—» to leave a "
                           "column out. A suggestion is a guess: check it."))
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([_("Column"), _("First value"), _("Field"), ""])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.keep = QCheckBox(_("&Keep the columns that match no field in the notes"))
        self.keep.setToolTip(_("Their values are added to each record's notes as «Column : "
                               "value» instead of being left out."))
        self.fixed = FixedValues(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.keep)
        layout.addWidget(self.fixed)
        self.combos: list[QComboBox] = []

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        self.combos = []
        self.table.setRowCount(len(plan.headers))
        first = plan.rows[0].cells if plan.rows else []
        for row, header in enumerate(plan.headers):
            self.table.setItem(row, 0, QTableWidgetItem(header))
            sample = first[row] if row < len(first) else ""
            self.table.setItem(row, 1, QTableWidgetItem("" if sample is None else str(sample)))
            self.table.setCellWidget(row, 2, self._combo(plan.kind, plan.mapping.get(row)))
            self.table.setItem(row, 3, self._note(row in plan.guessed))
        self.keep.setChecked(self.owner.options.keep_unmatched)
        self.fixed.load(plan.kind, self.owner.options.fixed, set(plan.mapping.values()))

    @staticmethod
    def _note(guessed: bool) -> QTableWidgetItem:
        item = QTableWidgetItem(_("Suggestion: check it") if guessed else "")
        if guessed:
            font = QFont()
            font.setItalic(True)
            item.setFont(font)
        return item

    def _combo(self, kind: str, current: str | None) -> QComboBox:
        combo = QComboBox()
        combo.addItem("—", "")
        for name in columns.fields(kind):
            combo.addItem(field_label(kind, name), name)
        combo.setCurrentIndex(max(combo.findData(current or ""), 0))
        self.combos.append(combo)
        return combo

    def corrections(self) -> dict[str, str]:
        """Header -> field for the columns the user changed."""
        plan = self.owner.plan
        assert plan is not None
        return {header: str(self.combos[n].currentData())
                for n, header in enumerate(plan.headers)
                if header and str(self.combos[n].currentData()) != plan.mapping.get(n, "")}

    def validatePage(self) -> bool:
        options = self.owner.options
        wanted = ({**options.mapping, **self.corrections()}, self.keep.isChecked(),
                  self.fixed.values())
        if wanted == (options.mapping, options.keep_unmatched, options.fixed):
            return True
        options.mapping, options.keep_unmatched, options.fixed = wanted
        return bool(self.owner.make_plan())

    def nextId(self) -> int:
        return self.owner.after_columns()


class FixedValues(QWidget):
    """«Same value for every row»: a field, a value, Add; the pairs added, with Remove."""

    def __init__(self, parent: Any) -> None:
        super().__init__(parent)
        self.kind = ""
        self.field = QComboBox()
        self.value = QLineEdit()
        self.value.setPlaceholderText(_("for example «Saint-Aubin – Kolobo» or «Expense»"))
        add = QPushButton(_("&Add"))
        add.clicked.connect(self.add)
        remove = QPushButton(_("&Remove"))
        remove.clicked.connect(self.remove)
        self.added = QListWidget()
        self.added.setMaximumHeight(70)
        row = QHBoxLayout()
        row.addWidget(QLabel(_("Same value for every row:")))
        row.addWidget(self.field)
        row.addWidget(self.value, 1)
        row.addWidget(add)
        row.addWidget(remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.added)

    def load(self, kind: str, fixed: dict[str, str], mapped: set[str]) -> None:
        """The fields the sheet lacks (no column fills them), and the values given so far."""
        self.kind = kind
        self.field.clear()
        for name in columns.fields(kind):
            if name != "id" and (name not in mapped or name in fixed):
                self.field.addItem(field_label(kind, name), name)
        self.added.clear()
        for name, value in fixed.items():
            self._show(name, value)

    def add(self) -> None:
        value = self.value.text().strip()
        if not value:
            return
        name = str(self.field.currentData())
        for n in reversed(range(self.added.count())):  # one value per field
            if self.added.item(n).data(_FIELD) == name:
                self.added.takeItem(n)
        self._show(name, value)
        self.value.clear()

    def _show(self, name: str, value: str) -> None:
        item = QListWidgetItem(f"{field_label(self.kind, name)} = {value}")
        item.setData(_FIELD, name)
        item.setData(_VALUE, value)
        self.added.addItem(item)

    def remove(self) -> None:
        for item in self.added.selectedItems():
            self.added.takeItem(self.added.row(item))

    def values(self) -> dict[str, str]:
        return {str(self.added.item(n).data(_FIELD)): str(self.added.item(n).data(_VALUE))
                for n in range(self.added.count())}


def confirmed(plan: ImportPlan) -> dict[str, str]:
    """The guesses the user saw and let stand: remembered as confirmed."""
    return {plan.headers[n]: plan.mapping[n] for n in plan.guessed}
