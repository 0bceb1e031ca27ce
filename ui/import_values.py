"""The wizard's words step: what an unknown word in a choice column means.

"En veille" in a Statut column is not a dead end: each distinct word the
import did not understand is listed once, with the rows that hold it and a
choice box ("En veille" → Dormant). The answers apply to this file and are
remembered for the next one; the step is not shown when every word is known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QWidget, QWizardPage

from core.excel import cells
from core.i18n import _, ngettext

if TYPE_CHECKING:
    from core.excel.plan import ImportPlan


class ValuesPage(QWizardPage):
    def __init__(self, owner: Any) -> None:
        super().__init__()
        self.owner = owner  # the ImportWizard: its plan, its options, make_plan
        self.setTitle(_("Values"))
        self.setSubTitle(_("Some cells hold words the import does not know. Say what each "
                           "one means; the answer is remembered for the next import."))
        self.form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.form)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QFormLayout(self)
        layout.addRow(scroll)
        self.boxes: dict[tuple[str, str], QComboBox] = {}
        self.typed: dict[tuple[str, str], str] = {}  # each word as first typed in the sheet

    def initializePage(self) -> None:
        plan = self.owner.plan
        assert plan is not None
        while self.form.rowCount():
            self.form.removeRow(0)
        self.boxes, self.typed = {}, {}
        for key, unknown in plan.unknown.items():
            box = _choices(plan, key[0])
            label = QLabel(_word_text(plan, key[0], unknown))
            label.setBuddy(box)
            self.form.addRow(label, box)
            self.boxes[key], self.typed[key] = box, unknown.typed

    def answers(self) -> dict[str, dict[str, str]]:
        """Field -> word as typed -> choice, for the words the user gave a meaning."""
        said: dict[str, dict[str, str]] = {}
        for key, box in self.boxes.items():
            if box.currentData():
                said.setdefault(key[0], {})[self.typed[key]] = str(box.currentData())
        return said

    def validatePage(self) -> bool:
        answers = self.answers()
        if not answers:
            return True  # the rows stay rejected, as the preview will say
        values = self.owner.options.values
        for field, meanings in answers.items():
            values.setdefault(field, {}).update(meanings)
        return bool(self.owner.make_plan())

    def nextId(self) -> int:
        return self.owner.after_values()


def _word_text(plan: ImportPlan, field: str, unknown: cells.Unknown) -> str:
    from core.excel.explain import header_of

    return ngettext("«{header}»: «{word}» (row {rows})", "«{header}»: «{word}» (rows {rows})",
                    len(unknown.rows)).format(
                        header=header_of(plan, field), word=unknown.typed,
                        rows=", ".join(str(n) for n in unknown.rows[:8])
                        + ("…" if len(unknown.rows) > 8 else ""))


def _choices(plan: ImportPlan, field: str) -> QComboBox:
    box = QComboBox()
    box.addItem(_("— leave these rows out"), "")
    for key, label in cells.choices_of(plan.table, field).items():
        box.addItem(_(label), key)
    return box
