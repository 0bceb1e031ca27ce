"""Saving an empty import workbook: one flow, from the import wizard and from the File menu.

An officer sends the template to a partner abroad, who fills it in and sends
it back; its headers, dropdowns and notes come from ``core.excel.templates``,
so what comes back is read by the import as it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog

from core.i18n import N_, _
from ui.files import ask_save_path, documents_folder
from ui.import_wizard import KIND_LABELS
from ui.worker import run_job

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QWidget

    from ui.context import Context

TITLE = N_("Save an empty template")


def default_path(kind: str) -> Path:
    """«Template – Contacts.xlsx» in the user's language, in the documents folder."""
    name = _("Template – {kind}").format(kind=_(KIND_LABELS[kind]))
    return documents_folder() / f"{name}.xlsx"


def save_template(parent: QWidget, ctx: Context, kind: str,
                  announce: Callable[[str], None] | None = None) -> None:
    """Ask where, write the template of ``kind`` in a worker, then say where it is.

    ``announce`` receives the message; by default it goes to the notification bar.
    A problem (folder not writable, file open in Excel) is shown in a warning.
    """
    out = ask_save_path(parent, _(TITLE), default_path(kind), _("Excel workbook (*.xlsx)"),
                        ".xlsx")
    if out is None:
        return

    def write(_progress: Any, _cancelled: Any) -> Path:
        from core.excel.templates import write_template

        write_template(kind, out)
        return out

    def saved(path: Path) -> None:
        message = _("Template saved in {path}.").format(path=path)
        if announce is None:
            ctx.events.notify.emit(message, None)
        else:
            announce(message)

    run_job(parent, _(TITLE), write, on_done=saved)  # a failure: a warning with its text


def choose_and_save_template(parent: QWidget, ctx: Context) -> None:
    """The File menu's way in: which records, then the same flow as in the wizard."""
    kinds = list(KIND_LABELS)
    labels = [_(KIND_LABELS[kind]) for kind in kinds]
    label, ok = QInputDialog.getItem(parent, _(TITLE), _("&Records:"), labels, 0, False)
    if ok and label in labels:
        save_template(parent, ctx, kinds[labels.index(label)])
