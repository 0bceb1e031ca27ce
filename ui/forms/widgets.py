"""Field editors for the spec's plain types, and the factory that picks one per field.

A form is built from ``core.spec`` alone: ``make_editor`` looks at a field's
type (and, for text, at its name: notes and minutes get several lines) and
returns an editor with the shape of :class:`ui.forms.base.Editor`. The
editors that need more care — dates, money, countries and links to other
records — live in their own modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from core.i18n import _
from core.spec import LONG_TEXTS, SDG_NAMES, Field, max_length
from ui.forms.base import NONE_TEXT, Editor

if TYPE_CHECKING:
    from ui.context import Context

# Text fields that hold paragraphs rather than one line.
MULTILINE = LONG_TEXTS


class TextEdit(Editor):
    """One line of text; empty is None."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = self.wrap(QLineEdit())
        self.edit.setMaxLength(max_length(field))  # a pasted page stops at the limit
        self.edit.textEdited.connect(self.changed)
        self.edit.textChanged.connect(self._show_whole)

    def _show_whole(self, text: str) -> None:
        """A text longer than the field reads in full in its tooltip."""
        wide = self.edit.fontMetrics().horizontalAdvance(text) > self.edit.width() - 12
        self.edit.setToolTip(text if wide else "")

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class NotesEdit(Editor):
    """Several lines (minutes, outcomes); Tab leaves the field instead of indenting."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = self.wrap(QPlainTextEdit())
        self.edit.setTabChangesFocus(True)
        frame = self.edit.document().documentMargin() + self.edit.frameWidth()
        self.edit.setFixedHeight(int(self.edit.fontMetrics().lineSpacing() * 3 + 2 * frame + 4))
        self.edit.textChanged.connect(self.changed)

    def value(self) -> str | None:
        return self.edit.toPlainText().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setPlainText("" if value is None else str(value))


class ChoiceEdit(Editor):
    """The translated labels of a fixed list; the value is the key."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = self.wrap(QComboBox())
        self.optional = not field.required and field.default is None
        self.set_allowed(list(field.choices))
        self.combo.currentIndexChanged.connect(self.changed)

    def set_allowed(self, keys: list[str]) -> None:
        """Offer only ``keys`` (a category that fits the kind); keeps the choice if allowed."""
        current = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        if self.optional:
            self.combo.addItem(NONE_TEXT, None)
        for key in keys:
            self.combo.addItem(_(self.field.choices[key]), key)
        self.combo.blockSignals(False)
        self.set_value(current)
        if self.combo.currentData() != current:
            self.changed.emit()

    def value(self) -> str | None:
        return self.combo.currentData()

    def set_value(self, value: Any) -> None:
        key = value if value is not None else self.field.default
        index = self.combo.findData(key) if key is not None else -1
        self.combo.setCurrentIndex(max(index, 0))


class BoolEdit(Editor):
    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.box = self.wrap(QCheckBox())
        self.box.toggled.connect(self.changed)

    def value(self) -> bool:
        return self.box.isChecked()

    def set_value(self, value: Any) -> None:
        self.box.setChecked(bool(value))


class IntEdit(Editor):
    """A whole number that may stay empty."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = self.wrap(QLineEdit())
        self.edit.setValidator(QIntValidator(self.edit))
        self.edit.textEdited.connect(self.changed)

    def value(self) -> int | None:
        text = self.edit.text().strip()
        return int(text) if text.lstrip("-").isdigit() else None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class YearEdit(Editor):
    """A year, always filled (the budget is planned per year)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.spin = self.wrap(QSpinBox(), 0)
        self.spin.setRange(1900, 2200)
        self.spin.setGroupSeparatorShown(False)
        self.row.addStretch(1)
        self.spin.valueChanged.connect(self.changed)

    def value(self) -> int:
        return self.spin.value()

    def set_value(self, value: Any) -> None:
        if value is not None:
            self.spin.setValue(int(value))


class DacEdit(Editor):
    """An OECD DAC sector: five digits, as the yearly aid declarations ask."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.edit = self.wrap(QLineEdit(), 0)
        self.edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,5}")))
        self.edit.setPlaceholderText(_("e.g. 15112"))
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("0") * 14)
        self.name = self.wrap(QLabel(), 1)  # the sector's name, from the OECD list shipped
        self.edit.textEdited.connect(self.changed)
        self.edit.textChanged.connect(self._show_name)

    def _show_name(self, text: str) -> None:
        from core.declarations.data import dac_sectors

        code = text.strip()
        known = dac_sectors().get(code)
        self.name.setText(known or (_("not an OECD DAC sector code") if len(code) == 5 else ""))

    def value(self) -> str | None:
        return self.edit.text().strip() or None

    def set_value(self, value: Any) -> None:
        self.edit.setText("" if value is None else str(value))


class SdgEdit(Editor):
    """The 17 Sustainable Development Goals, ticked in a short scrolling list."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.list = self.wrap(QListWidget())
        for number, name in SDG_NAMES.items():
            item = QListWidgetItem(f"{number} – {_(name)}")
            item.setData(Qt.ItemDataRole.UserRole, number)
            item.setToolTip(item.text())  # elided when the form is narrow
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        # Tall enough to see what one ticks, never scrolling sideways: long names are elided.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setFixedHeight(self.list.sizeHintForRow(0) * 8 + 2 * self.list.frameWidth())
        self.list.itemChanged.connect(lambda _item: self.changed.emit())

    def value(self) -> list[int]:
        items = (self.list.item(row) for row in range(self.list.count()))
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, value: Any) -> None:
        chosen = set(value or [])
        for row in range(self.list.count()):
            item = self.list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in chosen
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def make_editor(field: Field, ctx: Context, parent: QWidget | None = None) -> Editor:
    """The editor for ``field``; a money amount brings its currency, rate and EUR amount."""
    from ui.forms.combos import CountryEdit, RefEdit
    from ui.forms.dates import DateEdit
    from ui.forms.money_edit import EurEdit, MoneyEdit

    if field.type == "money":  # the amount brings its currency and rate; others are in EUR
        return MoneyEdit(field, parent) if field.name == "amount" else EurEdit(field, parent)
    if field.type == "date":
        return DateEdit(field, ctx.today, parent)
    if field.type == "country":
        return CountryEdit(field, parent)
    if field.type == "ref":
        return RefEdit(field, ctx.db, parent)
    simple: dict[str, type[Editor]] = {
        "choice": ChoiceEdit,
        "bool": BoolEdit,
        "int": IntEdit,
        "year": YearEdit,
        "dac": DacEdit,
        "sdgs": SdgEdit,
    }
    if field.type in simple:
        return simple[field.type](field, parent)
    return (NotesEdit if field.name in MULTILINE else TextEdit)(field, parent)
