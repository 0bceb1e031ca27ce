"""Taking an import back, in words that say which import and what it removed.

The bar under the top bar offered «Undo» after an import (and French
software reads «Rétablir» as Redo); a person who clicks it must know it
removes the 12 contacts just imported, and see afterwards that it did.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QMessageBox

from core.excel import apply, columns
from core.i18n import _, ngettext
from ui.forms.texts import count_text
from ui.notification import UndoAction

if TYPE_CHECKING:
    from ui.context import Context

def batch_of(ctx: Context, batch: int) -> dict[str, Any]:
    return next(b for b in apply.batches(ctx.db) if b["id"] == batch)


def counted(kind: str, n: int) -> str:
    """«12 contacts»: the records of an import of ``kind``, counted."""
    return count_text(columns.KINDS[kind], n)


def undo_label(info: dict[str, Any]) -> str:
    """«Undo the import of 12 contacts»."""
    total = info["created"] + info["updated"]
    return _("Undo the import of {records}").format(records=counted(info["kind"], total))


def done_text(info: dict[str, Any]) -> str:
    """What the undo did: removed the new records, put the updated ones back as they were."""
    removed = _("Import of {file} undone: {records} removed.").format(
        file=info["file_name"], records=counted(info["kind"], info["created"]))
    if not info["updated"]:
        return removed
    return removed + " " + ngettext("{n} record put back as it was.",
                                    "{n} records put back as they were.",
                                    info["updated"]).format(n=info["updated"])


def undo_import(ctx: Context, batch: int, parent: Any = None) -> bool:
    """Undo ``batch``; say what was removed in the bar, or why it could not be in a warning."""
    info = batch_of(ctx, batch)
    try:
        apply.undo(ctx.db, batch)
    except Exception as error:  # a UserError: changed since, or already undone
        QMessageBox.warning(parent, _("Undo the import"), str(error))
        return False
    for table in columns.KINDS.values():
        ctx.changed(table)
    ctx.changed("organisations")
    ctx.events.notify.emit(done_text(info), None)
    return True


def undo_action(ctx: Context, batch: int, parent: Any = None) -> UndoAction:
    """The bar's button after an import: its label names the import, Ctrl+Z runs it too."""
    return UndoAction(undo_label(batch_of(ctx, batch)), lambda: undo_import(ctx, batch, parent))
