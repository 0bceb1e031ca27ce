"""The dialog that creates or edits any record, built from ``core.spec``.

It holds no rule of its own: values are checked by ``core.records`` (and
by the editors for what was typed), and any ``ValidationError`` is shown in
red under the field it names, the dialog staying open so nothing typed is
lost. Closing with changes asks first. Keyboard: Tab follows the fields,
Enter (or Ctrl+Enter in a note) saves, Esc cancels.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core import journal, records
from core.errors import UserError, ValidationError
from core.i18n import _
from core.spec import AT_LEAST_ONE, SPECS, Field
from ui.forms.combos import CREATABLE, NotInList, RefEdit
from ui.forms.delete import confirm_delete
from ui.forms.follow import follow
from ui.forms.linked import create_linked
from ui.forms.money_edit import MONEY_NAMES
from ui.forms.questions import ask_discard
from ui.forms.texts import window_title
from ui.forms.widgets import make_editor
from ui.unexpected import show_unexpected

if TYPE_CHECKING:
    from ui.context import Context
    from ui.forms.base import Editor

__all__ = ["RecordDialog", "confirm_delete", "edit_record"]

ERROR_STYLE = "color: #b3261e;"
MAX_HEIGHT = 680  # fits a 1280×800 screen with a taskbar and the title bar


@dataclass
class Row:
    editor: Editor
    error: QLabel
    box: QWidget  # editor and its error message, one form row


class RecordDialog(QDialog):
    """One record's fields in a form; ``saved_id`` is set once it is saved."""

    def __init__(
        self,
        ctx: Context,
        table: str,
        record_id: int | None = None,
        defaults: dict[str, Any] | None = None,
        parent: QWidget | None = None,
        only: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.spec, self.record_id = ctx, SPECS[table], record_id
        self.only = only  # a small form: these fields (and the required ones) only
        self.saved_id: int | None = None
        self.rows: dict[str, Row] = {}
        defaults = dict(defaults or {})
        self.links = self._journal_links(defaults)
        self.dirty = False
        self.setWindowTitle(window_title(table, record_id is not None))
        self._build()
        self._load(defaults)
        self._connect()
        self._fit()
        self._editors()[0].setFocus()

    # --- building ----------------------------------------------------------

    def _build(self) -> None:
        self.general = self._error_label()
        self.form = QWidget()
        layout = QFormLayout(self.form)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for field in self.spec.fields:
            if self.spec.money and field.name in MONEY_NAMES[1:]:
                continue  # edited with the amount
            if self.only and field.name not in self.only and not field.required:
                continue
            layout.addRow(*self._row(field))
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self.form)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field
        main = QVBoxLayout(self)
        main.addWidget(self.general)
        main.addWidget(self.scroll_area, 1)
        main.addLayout(self._buttons())

    def _error_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.hide()
        return label

    def _row(self, field: Field) -> tuple[QLabel, QWidget]:
        editor = make_editor(field, self.ctx)
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(editor)
        row = Row(editor, self._error_label(), box)
        column.addWidget(row.error)
        for name in editor.names:
            self.rows[name] = row
        needed = field.required or field.name in AT_LEAST_ONE.get(self.spec.table, ())
        label = QLabel(_(field.label) + (" *" if needed else ""))
        label.setBuddy(editor)
        editor.changed.connect(lambda: row.error.hide())  # corrected: the error goes
        if isinstance(editor, RefEdit):
            editor.create_requested.connect(lambda text, e=editor: create_linked(self, e, text))
        return label, box

    def _buttons(self) -> QHBoxLayout:
        self.save_button = QPushButton(_("&Save"))
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(_("&Cancel"))
        box = QDialogButtonBox()
        box.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        line = QHBoxLayout()
        either = AT_LEAST_ONE.get(self.spec.table)
        line.addWidget(QLabel(_("* required") if not either else _("* one of these is required")))
        line.addStretch(1)
        line.addWidget(box)
        return line

    def _fit(self) -> None:
        """As tall as the fields need, up to what a small laptop screen shows."""
        hint = self.form.sizeHint()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        self.scroll_area.setMinimumWidth(max(hint.width(), 480) + bar)
        self.resize(self.sizeHint().width(), min(hint.height() + 90, MAX_HEIGHT))

    # --- values in and out -------------------------------------------------

    def _journal_links(self, defaults: dict[str, Any]) -> list[int]:
        """A journal entry opened from a partnership is linked to it (and maybe others)."""
        if self.spec.table != "journal_entries":
            return []
        ids = defaults.pop("partnership_ids", None) or []
        single = defaults.pop("partnership_id", None)
        return [int(i) for i in [*ids, *([single] if single is not None else [])]]

    def _initial(self, defaults: dict[str, Any]) -> dict[str, Any]:
        if self.record_id is not None:
            return records.get(self.ctx.db, self.spec.table, self.record_id)
        values: dict[str, Any] = {f.name: f.default for f in self.spec.fields}
        for f in self.spec.fields:
            if f.type == "year" or (f.type == "date" and f.name == "date"):
                values[f.name] = self.ctx.today.year if f.type == "year" else self.ctx.today
        names = set(values)  # a page may pass what it knows, whatever the table (mission_id…)
        return {**values, **{k: v for k, v in defaults.items() if k in names}}

    def _load(self, defaults: dict[str, Any]) -> None:
        values = self._initial(defaults)
        for editor in self._editors():
            if len(editor.names) > 1:
                editor.set_value({name: values.get(name) for name in editor.names})
            else:
                editor.set_value(values.get(editor.field.name))
            self._follow(editor)

    def _editors(self) -> list[Editor]:
        return list({id(row.editor): row.editor for row in self.rows.values()}.values())

    def values(self) -> dict[str, Any]:
        """Every field's value; raises the first error after showing them all."""
        values: dict[str, Any] = {}
        errors: list[ValidationError] = []
        for editor in self._editors():
            try:
                value = editor.value()
            except ValidationError as error:
                errors.append(error)
                continue
            values.update(value if len(editor.names) > 1 else {editor.field.name: value})
        for later in errors[1:]:
            self.show_error(later)
        if errors:
            raise errors[0]  # shown last, so that it has the focus
        return values

    # --- fields that depend on others --------------------------------------

    def _connect(self) -> None:
        for editor in self._editors():
            editor.changed.connect(self._mark_dirty)
            editor.changed.connect(lambda editor=editor: self._follow(editor))

    def _mark_dirty(self) -> None:
        self.dirty = True

    def _follow(self, editor: Editor) -> None:
        """Projects and missions of the chosen partnership; categories of the chosen kind."""
        follow(editor, self._editors(), self.rows.get("category"), self.spec.money)

    # --- saving and closing ------------------------------------------------

    def show_error(self, error: ValidationError) -> None:
        row = self.rows.get(error.field or "")
        label = row.error if row else self.general
        label.setText(str(error))
        label.show()
        if row:
            self.scroll_area.ensureWidgetVisible(row.box)
            row.editor.setFocus()

    def _clear_errors(self) -> None:
        for label in [self.general, *(row.error for row in self.rows.values())]:
            label.clear()
            label.hide()

    def _write(self, values: dict[str, Any]) -> int:
        db, table = self.ctx.db, self.spec.table
        if self.record_id is not None:
            records.update(db, table, self.record_id, values)
            return self.record_id
        if self.links:
            return journal.create_entry(db, values, self.links)
        return records.create(db, table, values)

    def save(self) -> None:
        self._clear_errors()
        try:
            self.saved_id = self._write(self.values())
        except NotInList as error:  # a name typed that names nothing yet: make it here
            editor = self.rows[error.field or ""].editor
            if (isinstance(editor, RefEdit) and editor.table in CREATABLE
                    and create_linked(self, editor, error.text) is not None):
                self.save()
                return
            self.show_error(error)
            return
        except ValidationError as error:
            self.show_error(error)
            return
        except UserError as error:  # the record went to the trash meanwhile
            self.general.setText(str(error))
            self.general.show()
            return
        except Exception as error:  # a bug: said in one sentence, the dialog stays open
            self.general.setText(show_unexpected(self, error))
            self.general.show()
            return
        self.dirty = False
        self.ctx.changed(self.spec.table)
        self.accept()

    def reject(self) -> None:
        """Cancel, Esc and the close button all come here."""
        if self.dirty and not ask_discard(self):
            return
        super().reject()


def edit_record(
    parent: QWidget | None,
    ctx: Context,
    table: str,
    record_id: int | None = None,
    defaults: dict[str, Any] | None = None,
) -> int | None:
    """Open the form for a new record (or ``record_id``); the saved id, or None if cancelled."""
    try:
        dialog = RecordDialog(ctx, table, record_id, dict(defaults or {}), parent)
    except UserError as error:
        QMessageBox.warning(parent, _("Cannot open"), str(error))
        return None
    dialog.exec()
    return dialog.saved_id
