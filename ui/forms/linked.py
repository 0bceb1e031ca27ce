"""Making the record a link field names, from inside the form that needs it.

On an empty file, a partnership's partner authority does not exist yet; a
new officer types "Kayes" and should not have to learn that organisations
are made on another page. The form opens a small form for the missing
record, filled with what was typed and what the first form already knows
(the partnership's country, "partner authority" as the organisation's
kind), and on saving chooses it in the link field.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QLabel

from core import records
from core.errors import ValidationError
from core.i18n import _

if TYPE_CHECKING:
    from ui.forms.combos import RefEdit
    from ui.forms.record_dialog import RecordDialog

# The few fields a record needs when it is made on the spot; the rest can wait.
QUICK_FIELDS = {
    "organisations": ("name", "kind", "country", "city"),
    "partnerships": ("name", "partner_organisation_id", "country", "status"),
    "contacts": ("first_name", "last_name", "organisation_id", "role", "email"),
}
# What a link field says about the record it points to ("partner authority").
KIND_OF_LINK = {"partner_organisation_id": "partner_authority",
                "funder_organisation_id": "funder"}


def typed_defaults(table: str, text: str) -> dict[str, Any]:
    """The new record's name from what was typed: "Awa Diallo" is a first and a last name."""
    if table != "contacts":
        return {"name": text} if text else {}
    first, _space, last = text.strip().rpartition(" ")
    return {"first_name": first, "last_name": last} if first else {"last_name": last}


def known_defaults(form: RecordDialog, editor: RefEdit) -> dict[str, Any]:
    """What the form being filled already says that the new record shares."""
    defaults: dict[str, Any] = {}
    kind = KIND_OF_LINK.get(editor.field.name)
    if kind:
        defaults["kind"] = kind
    for name in ("country", "destination_country"):
        row = form.rows.get(name)
        if row is not None:
            with suppress(ValidationError):
                defaults.setdefault("country", row.editor.value())
    if defaults.get("country") is None:
        defaults.pop("country", None)
    return defaults


def create_linked(form: RecordDialog, editor: RefEdit, text: str) -> int | None:
    """Open the small form for ``editor``'s kind; the new record is chosen in ``editor``."""
    from ui.forms.record_dialog import RecordDialog

    table = editor.table
    defaults = {**known_defaults(form, editor), **typed_defaults(table, text)}
    dialog = RecordDialog(form.ctx, table, None, defaults, form, only=QUICK_FIELDS.get(table))
    if text:
        note = QLabel(_("«{name}» is not in the list yet: check the details and save to "
                        "create it, or cancel to choose another.").format(name=text))
        note.setWordWrap(True)
        dialog.layout().insertWidget(0, note)
    dialog.exec()
    if dialog.saved_id is None:
        return None
    editor.reload(dialog.saved_id)
    _country_back(form, table, dialog.saved_id)
    return dialog.saved_id


def _country_back(form: RecordDialog, table: str, record_id: int) -> None:
    """A partnership whose country was left empty takes its new partner's: the lists,
    the dashboard and the e-APD declaration go by the partnership's country."""
    row = form.rows.get("country")
    if row is None or table not in ("organisations", "partnerships"):
        return
    with suppress(ValidationError):
        if row.editor.value() is not None:
            return
    country = records.get(form.ctx.db, table, record_id).get("country")
    if country:
        row.editor.set_value(country)
