"""Moving a record to the trash, after saying plainly what goes with it.

Deleting a mission also takes its participants and transactions: the user
is told so before confirming ("This mission and 3 participants, 2
transactions will go to the trash."), and is offered an undo afterwards
through ``ctx.events.notify``. Nothing is ever deleted for good here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from core import records
from core.errors import UserError
from core.i18n import _
from ui.forms.questions import ask_delete
from ui.forms.texts import impact_text

if TYPE_CHECKING:
    from collections.abc import Callable

    from ui.context import Context


def _announce(ctx: Context, tables: list[str]) -> None:
    """Every kind of record that moved, then the trash itself (as the trash page does)."""
    for table in tables:
        ctx.changed(table)
    ctx.changed("trash")


def _undo(ctx: Context, trash_id: int, tables: list[str]) -> Callable[[], None]:
    def undo() -> None:
        try:
            records.restore(ctx.db, trash_id)
        except UserError as error:  # its parent went to the trash since, for instance
            ctx.events.notify.emit(str(error), None)
            return
        _announce(ctx, tables)

    return undo


def confirm_delete(parent: QWidget | None, ctx: Context, table: str, record_id: int) -> int | None:
    """Ask, then move the record and what depends on it to the trash; the trash id or None."""
    try:
        impact = records.delete_impact(ctx.db, table, record_id)
        title = records.title(ctx.db, table, record_id)
        if not ask_delete(parent, title, impact_text(table, impact)):
            return None
        trash_id = records.delete(ctx.db, table, record_id)
    except UserError as error:  # already deleted elsewhere
        QMessageBox.warning(parent, _("Move to the trash"), str(error))
        return None
    tables = list(impact)
    _announce(ctx, tables)
    message = _("«{title}» was moved to the trash.").format(title=title)
    ctx.events.notify.emit(message, _undo(ctx, trash_id, tables))
    return trash_id
