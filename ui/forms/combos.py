"""Searchable lists: countries and links to other records.

There are 250 countries and possibly hundreds of organisations: nobody
scrolls that far. Typing any part of a name, without minding case or
accents ("sen" finds Sénégal, "marsa" finds Anderlecht – Marsassoum),
narrows the list; the value is the ISO code or the record's id.
"""

from __future__ import annotations

from contextlib import suppress
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QToolButton, QWidget

from core import fmt, records
from core.errors import ValidationError
from core.i18n import N_, _, current_language
from core.parse import normalise_key, parse_country
from core.spec import CATEGORIES, Field
from ui.forms.base import NONE_TEXT, Editor

if TYPE_CHECKING:
    from sqlite_utils import Database

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # the accent-free, case-free text matched against
# Codes Babel lists among territories that are not countries (EU, UN, "unknown", …).
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

Option = tuple[Any, str]  # (value, text shown)
# The kinds of record a link field can make on the spot, and its button's tooltip.
CREATABLE = {
    "organisations": N_("Create an organisation here, without leaving this form"),
    "partnerships": N_("Create a partnership here, without leaving this form"),
    "contacts": N_("Create a contact here, without leaving this form"),
}


class SearchCombo(QComboBox):
    """An editable combo whose pop-up lists the entries containing what was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(12)
        # Long titles must not widen the whole form: the field is elided, the list is not.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(24)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model())
        self.proxy.setFilterRole(KEY_ROLE)
        completer = QCompleter(self.proxy, self)
        completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        line = self.lineEdit()
        assert line is not None  # editable, so it has one
        self.line: QLineEdit = line
        self.line.textEdited.connect(self._narrow)

    def set_options(self, options: list[Option]) -> None:
        self.blockSignals(True)
        self.clear()
        for value, text in options:
            self.addItem(text, value)
            self.setItemData(self.count() - 1, normalise_key(text), KEY_ROLE)
        self.blockSignals(False)

    def _narrow(self, text: str) -> None:
        self.proxy.setFilterFixedString(normalise_key(text))
        completer = self.completer()
        if text.strip() and completer is not None:
            completer.complete()

    def matching(self, text: str) -> list[int]:
        """Rows whose text is ``text`` once case and accents are set aside; failing that,
        the one row containing it, as the pop-up showed ("kayes": "Commune de Kayes")."""
        key = normalise_key(text)
        keys = [self.itemData(row, KEY_ROLE) or "" for row in range(self.count())]
        exact = [row for row, item in enumerate(keys) if item == key]
        if exact or not key:
            return exact
        return [row for row, item in enumerate(keys) if key in item and item != NONE_TEXT]


class NotInList(ValidationError):
    """A name typed in a link field that names no record: the form may offer to create it."""

    def __init__(self, message: str, field: str, text: str) -> None:
        super().__init__(message, field)
        self.text = text


class _SearchEdit(Editor):
    """Shared by countries and records: resolve what was typed to one entry."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = self.wrap(SearchCombo())
        self.combo.currentIndexChanged.connect(self.changed)
        self.combo.currentTextChanged.connect(self.combo.setToolTip)  # titles may be elided
        self.combo.line.textEdited.connect(self.changed)
        self.combo.line.editingFinished.connect(self._settle)

    def _settle(self) -> None:
        """Leaving the field: show the chosen entry's full name when the text names one."""
        with suppress(ValidationError):  # else left as typed; saving says what is wrong
            self.set_value(self.value())

    def _resolve(self, text: str) -> Any:
        raise self.error(_("«{value}» is not in the list.").format(value=text))

    def value(self) -> Any:
        text = self.combo.currentText().strip()
        if not text or text == NONE_TEXT:
            return None
        index = self.combo.currentIndex()
        if index >= 0 and self.combo.itemText(index) == self.combo.currentText():
            return self.combo.itemData(index)
        rows = self.combo.matching(text)
        if len(rows) == 1:
            return self.combo.itemData(rows[0])
        return self._resolve(text)

    def set_value(self, value: Any) -> None:
        index = self.combo.findData(value) if value is not None else -1
        if index < 0 and value is None:
            index = self.combo.findText(NONE_TEXT)
        self.combo.setCurrentIndex(index)
        if index < 0 or value is None:  # "nothing" is an empty field, "—" its placeholder,
            self.combo.setEditText("")  # so that typing a name never lands beside a dash
        self.combo.line.setPlaceholderText(NONE_TEXT)
        self.combo.line.setCursorPosition(0)  # a long title shows its beginning


@lru_cache(maxsize=4)
def country_options(lang: str) -> tuple[Option, ...]:
    """Every ISO alpha-2 territory Babel names, in ``lang``, sorted as people read them."""
    from babel import Locale

    codes = [
        code
        for code in map(str, Locale.parse(fmt.BABEL_LOCALES[lang]).territories)
        if len(code) == 2 and code.isalpha() and code not in _NOT_COUNTRIES
    ]
    named = [(code, fmt.country_name(code, lang)) for code in codes]
    return tuple(sorted(named, key=lambda option: normalise_key(option[1])))


class CountryEdit(_SearchEdit):
    """A country by its name in the interface language; the value is the ISO code."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo.set_options([(None, NONE_TEXT), *country_options(current_language())])
        self.combo.setCurrentIndex(0)

    def _resolve(self, text: str) -> Any:
        """Official names, other languages and codes too ("Royaume du Maroc", "België", "SN")."""
        try:
            return parse_country(text)
        except ValidationError as error:
            raise self.error(str(error)) from None


def _title(table: str, record: dict[str, Any]) -> str:
    """How a record is named in a list of choices (``spec.title_sql``, translated)."""
    if table == "contacts":
        return " ".join(filter(None, (record["first_name"], record["last_name"])))
    if table == "budget_lines":
        words = [_(CATEGORIES.get(record["category"], record["category"])), str(record["year"])]
        return " – ".join(filter(None, [" ".join(words), record["label"]]))
    for name in ("name", "title", "label"):
        if record.get(name):
            return str(record[name])
    return f"#{record['id']}"


def ref_records(db: Database, table: str) -> list[tuple[str, dict[str, Any]]]:
    """(title, record) of every live record of ``table``, in the table's usual order."""
    return [(_title(table, record), record) for record in records.list_records(db, table)]


class RefEdit(_SearchEdit):
    """A link to another record, chosen by its name; the value is its id.

    For the kinds one makes while filling another form (an organisation, a
    partnership, a contact), a button beside the field asks for a new one:
    ``create_requested`` carries what was typed, the form does the rest.
    """

    create_requested = Signal(str)

    def __init__(self, field: Field, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.db = db
        self.table = field.ref or ""
        self.choices = ref_records(db, self.table)
        if self.table in CREATABLE:
            self.new_button = self.wrap(QToolButton(), 0)
            self.new_button.setText(_("New…"))
            self.new_button.setToolTip(_(CREATABLE[self.table]))
            self.new_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes field to field
            self.new_button.clicked.connect(
                lambda: self.create_requested.emit(self.combo.currentText().strip()))
        self.scope: tuple[str, Any] | None = None
        self._fill(None)
        self.set_value(None)  # Qt selects the first entry; a required link starts empty

    def _resolve(self, text: str) -> Any:
        message = _("«{value}» is not in the list.").format(value=text)
        raise NotInList(message, self.field.name, text)

    def reload(self, chosen: int) -> None:
        """Read the records again (one was just made here) and choose ``chosen``."""
        self.choices = ref_records(self.db, self.table)
        self._fill(chosen)
        self.set_value(chosen)
        self.changed.emit()

    def restrict(self, key: str, value: Any) -> None:
        """Offer only records whose ``key`` is ``value`` (the projects of one partnership)."""
        self.scope = (key, value) if value is not None else None
        current = self.combo.currentData()
        self._fill(None)
        self.set_value(current)  # kept when it still fits, else the field empties

    def set_value(self, value: Any) -> None:
        if value is not None and self.combo.findData(value) < 0:
            self._fill(value)  # a record loaded outside the scope is still shown, never lost
        super().set_value(value)

    def _fill(self, extra: Any) -> None:
        options: list[Option] = [] if self.field.required else [(None, NONE_TEXT)]
        for title, record in self.choices:
            fits = self.scope is None or record.get(self.scope[0]) in (self.scope[1], None)
            if fits or record["id"] == extra:
                options.append((record["id"], title))
        self.combo.set_options(options)
