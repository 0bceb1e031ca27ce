"""The two small dialogs of the record pages: link a contact, add a mission participant.

Both pick a person from the address book by typing part of the name or the
organisation; a participant may also be someone who is not in it (a group
of young people, a video crew), typed as a free name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import listing
from core.i18n import _
from core.parse import normalise_key
from core.spec import PARTICIPANT_CATEGORIES, PARTNERSHIP_ROLES

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME_KEY = Qt.ItemDataRole.UserRole + 1  # the person's name alone, without case or accents


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
            self.setItemData(self.count() - 1, normalise_key(name), NAME_KEY)
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
        """The contact the text names: its entry, its name (case and accents aside), or the
        only entry containing it, as the pop-up shows; None when it names nobody."""
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index >= 0 or not text:
            return self.itemData(index) if index >= 0 else None
        key = normalise_key(text)
        rows = [r for r in range(self.count()) if self.itemData(r, NAME_KEY) == key]
        if not rows:
            rows = [r for r in range(self.count())
                    if key in normalise_key(self.itemText(r))]
        return self.itemData(rows[0]) if len(rows) == 1 else None

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
    """Someone from the address book, or anyone else by name, in one field.

    The dialog opens with the focus in that field; typing lists the matching
    contacts, and Enter adds the one the text names, or else the text itself
    as a free name ("6 young people"). A line under the field says which.
    """

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add a participant to the mission"))
        self.contact = ContactPicker(db)
        self.contact.lineEdit().setPlaceholderText(
            _("A contact's name or organisation, or anyone else: «6 young people»"))
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.category = _choices(PARTICIPANT_CATEGORIES, "staff")
        self.notes = QLineEdit()
        form = QFormLayout()
        form.addRow(_("&Who:"), self.contact)
        form.addRow("", self.outcome)
        form.addRow(_("Ca&tegory:"), self.category)
        form.addRow(_("&Notes:"), self.notes)
        buttons, self.ok = _buttons(self)
        self.ok.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.contact.currentTextChanged.connect(self._check)
        self._check()
        self.contact.setFocus()
        # Enter in the list of matches chooses the highlighted one (or keeps what was typed)
        # and adds at once: one Enter, as for a free name.
        self.contact.completer().popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
                Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QTimer.singleShot(0, self.accept)  # after the completer has put its choice in
        return super().eventFilter(watched, event)

    def _check(self) -> None:
        text = self.contact.currentText().strip()
        contact_id = self.contact.contact_id()
        self.ok.setEnabled(bool(text))
        if contact_id is not None:
            name = self.contact.itemText(self.contact.findData(contact_id))
            self.outcome.setText(_("From the address book: {name}").format(name=name))
        elif text:
            self.outcome.setText(_("Not in the address book: «{name}» is added by name."
                                   ).format(name=text))
        else:
            self.outcome.setText(_("Type to find a contact; Enter adds what you typed."))

    def accept(self) -> None:
        if self.contact.currentText().strip():  # Enter with nothing typed adds nobody
            super().accept()

    def values(self) -> dict[str, Any]:
        """Keyword arguments for :func:`core.missions.add_participant`."""
        contact_id = self.contact.contact_id()
        return {
            "contact_id": contact_id,
            "name": None if contact_id is not None else self.contact.currentText().strip(),
            "category": self.category.currentData(),
            "notes": self.notes.text().strip() or None,
        }
