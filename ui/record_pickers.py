"""The two small dialogs of the record pages: link a contact, add a mission participant.

Both pick a person from the address book by typing part of the name or the
organisation; a participant may also be someone who is not in it (a group
of young people, a video crew), typed as a free name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from core import listing
from core.i18n import _
from core.spec import PARTICIPANT_CATEGORIES, PARTNERSHIP_ROLES

if TYPE_CHECKING:
    from sqlite_utils import Database


class ContactPicker(QComboBox):
    """Every live contact as "First Last — Organisation"; typing filters on any part."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumWidth(380)
        for row in listing.fetch(db, "contacts", order="last_name"):
            name = f"{row['first_name'] or ''} {row['last_name'] or ''}".strip()
            text = f"{name} — {row['organisation']}" if row["organisation"] else name
            self.addItem(text, row["id"])
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setCurrentIndex(-1)
        editor = self.lineEdit()
        if editor is not None:
            editor.setPlaceholderText(_("Type part of a name or an organisation"))

    def contact_id(self) -> int | None:
        """The chosen contact, or None when the text typed names nobody."""
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        return self.itemData(index) if index >= 0 else None

    def choose(self, contact_id: int) -> None:
        self.setCurrentIndex(self.findData(contact_id))


def _choices(choices: dict[str, str], current: str) -> QComboBox:
    box = QComboBox()
    for value, label in choices.items():
        box.addItem(_(label), value)
    box.setCurrentIndex(box.findData(current))
    return box


def _buttons(dialog: QDialog) -> tuple[QDialogButtonBox, QPushButton]:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("&Add"))
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, buttons.button(QDialogButtonBox.StandardButton.Ok)


class LinkContactDialog(QDialog):
    """Choose a contact and the role they play in the partnership."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Link a contact to the partnership"))
        self.contact = ContactPicker(db)
        self.role = _choices(PARTNERSHIP_ROLES, "other")
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(_("&Contact:"), self.contact)
        form.addRow(_("&Role in the partnership:"), self.role)
        form.addRow(_("&Notes:"), self.notes)
        buttons, self.ok = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.contact.currentTextChanged.connect(self._check)
        self._check()

    def _check(self) -> None:
        self.ok.setEnabled(self.contact.contact_id() is not None)

    def values(self) -> dict[str, Any]:
        return {
            "contact_id": self.contact.contact_id(),
            "role": self.role.currentData(),
            "notes": self.notes.text().strip() or None,
        }


class ParticipantDialog(QDialog):
    """A contact from the address book or a free name, with a category."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a participant to the mission"))
        self.from_contacts = QRadioButton(_("A &contact:"))
        self.free = QRadioButton(_("&Someone else:"))
        group = QButtonGroup(self)
        group.addButton(self.from_contacts)
        group.addButton(self.free)
        self.from_contacts.setChecked(True)
        self.contact = ContactPicker(db)
        self.name = QLineEdit()
        self.name.setPlaceholderText(_("Name, or a group: «6 young people»"))
        self.category = _choices(PARTICIPANT_CATEGORIES, "staff")
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(self.from_contacts, self.contact)
        form.addRow(self.free, self.name)
        form.addRow(_("Ca&tegory:"), self.category)
        form.addRow(_("&Notes:"), self.notes)
        buttons, self.ok = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.contact.currentTextChanged.connect(lambda: self._prefer(self.from_contacts))
        self.name.textEdited.connect(lambda: self._prefer(self.free))
        group.buttonToggled.connect(self._check)
        self._check()

    def _prefer(self, choice: QRadioButton) -> None:
        choice.setChecked(True)
        self._check()

    def _check(self) -> None:
        if self.free.isChecked():
            self.ok.setEnabled(bool(self.name.text().strip()))
        else:
            self.ok.setEnabled(self.contact.contact_id() is not None)

    def values(self) -> dict[str, Any]:
        """Keyword arguments for :func:`core.missions.add_participant`."""
        free = self.free.isChecked()
        return {
            "contact_id": None if free else self.contact.contact_id(),
            "name": self.name.text().strip() if free else None,
            "category": self.category.currentData(),
            "notes": self.notes.text().strip() or None,
        }
