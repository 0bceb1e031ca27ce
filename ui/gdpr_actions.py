"""The GDPR actions as the officer reaches them: access export, anonymisation, register.

Each writes through ``core.gdpr`` in a worker with its own connection, so
the window never freezes (an anonymisation vacuums the whole file), and
announces the change so that the pages showing the contact reload. The
anonymisation first shows what will be emptied, rewritten and kept.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from core.i18n import _, ngettext
from ui.files import ask_save_path, dated_name
from ui.worker import on_own_connection, run_job

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database

    from ui.context import Context

CHANGED = ("contacts", "journal_entries", "mission_participants", "partnership_contacts",
           "transactions", "deadlines", "personal_data_log")


def export_access(parent: QWidget, ctx: Context, contact_id: int) -> None:
    """Ask where, then write the workbook and its JSON twin; the export is logged."""
    from core.gdpr.access_book import export_access as write

    name = dated_name(_("Personal data of contact {id}").format(id=contact_id), ctx.today,
                      ".xlsx")
    out = ask_save_path(parent, _("Export their personal data"), Path(name),
                        _("Excel workbook (*.xlsx)"), ".xlsx")
    if out is None:
        return

    def done(portable: Path) -> None:
        ctx.changed("personal_data_log")
        ctx.events.notify.emit(_("Their personal data is saved in {path} and {json}.").format(
            path=out, json=portable), None)

    run_job(parent, _("Exporting…"),
            on_own_connection(ctx.db_path, lambda db: write(db, contact_id, out)), on_done=done)


class AnonymiseDialog(QDialog):
    """What the anonymisation of one or several contacts empties, rewrites and keeps."""

    def __init__(self, ctx: Context, contact_ids: list[int],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.contact_ids = ctx, contact_ids
        self.setWindowTitle(_("Anonymise"))
        layout = QVBoxLayout(self)
        # Worked out in a worker: it reads every text that may name them (seconds on a
        # large file), and the window must not freeze meanwhile.
        self.summary = QLabel(_("Working out what will change…"), wordWrap=True)
        layout.addWidget(self.summary)
        from core.gdpr import copies

        self.held = held = copies.held_copies(ctx.db_path, ctx.backup_folder())
        self.remove_backups = QCheckBox(ngettext(
            "Also remove the {n} earlier backup, which still holds their data (a new one "
            "is made first)", "Also remove the {n} earlier backups, which still hold their "
            "data (a new one is made first)", len(held)).format(n=len(held)))
        self.remove_backups.setVisible(bool(held))
        layout.addWidget(self.remove_backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.accept_button = buttons.addButton(_("&Anonymise"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.accept_button.setEnabled(False)  # until the person can read what it does
        run_job(self, _("Anonymise"), on_own_connection(
            ctx.db_path, lambda db: _summary(db, contact_ids)), on_done=self._show,
            on_failed=self.summary.setText, quiet=True)

    def _show(self, summary: str) -> None:
        self.summary.setText(summary)
        self.accept_button.setEnabled(True)


def _summary(db: Database, contact_ids: list[int]) -> str:
    from core.gdpr import commands, forget

    if len(contact_ids) == 1:
        lines = commands.describe(db, forget.plan(db, contact_ids[0]))
    else:
        lines = [ngettext("{n} contact will be anonymised.", "{n} contacts will be "
                          "anonymised.", len(contact_ids)).format(n=len(contact_ids))]
    lines.append(_("Where a journal entry, a mission or a transaction names them, their "
                   "name, e-mail and phone are replaced by the same label; the rest of "
                   "the text, the dates and the amounts are kept. This cannot be undone."))
    return "\n".join(lines)


def anonymise(parent: QWidget, ctx: Context, contact_ids: list[int],
              on_done: Callable[[], None] | None = None) -> AnonymiseDialog:
    """Open the confirmation (not blocking: tests drive it); on accept, anonymise in a worker."""
    dialog = AnonymiseDialog(ctx, contact_ids, parent)

    def start() -> None:
        remove = bool(dialog.held) and dialog.remove_backups.isChecked()
        db_path, folder = ctx.db_path, ctx.backup_folder()  # read here: the worker has its own
        run_job(parent, _("Anonymising…"), on_own_connection(
                    db_path, lambda db: _forget(db, db_path, folder, contact_ids, remove)),
                on_done=lambda message: _announce(ctx, message, on_done))

    dialog.accepted.connect(start)
    dialog.open()
    return dialog


def _forget(db: Database, db_path: Path, folder: Path, contact_ids: list[int],
            remove: bool) -> str:
    from core.gdpr import copies, forget

    forget.forget_many(db, contact_ids)
    message = ngettext("{n} contact anonymised.", "{n} contacts anonymised.",
                       len(contact_ids)).format(n=len(contact_ids))
    if remove:
        removed, _fresh = copies.remove_copies(db, db_path, folder, contact_ids)
        message += " " + ngettext("{n} earlier backup removed.", "{n} earlier backups removed.",
                                  removed).format(n=removed)
    elif copies.held_copies(db_path, folder):
        message += " " + _("Earlier backups still hold their data until they rotate out.")
    return message


def _announce(ctx: Context, message: str, on_done: Callable[[], None] | None) -> None:
    for table in CHANGED:
        ctx.changed(table)
    ctx.events.notify.emit(message, None)
    if on_done is not None:
        on_done()


def save_register(parent: QWidget, ctx: Context) -> None:
    from core.gdpr.register import write_register

    name = dated_name(_("Register of processing"), ctx.today, ".xlsx")
    out = ask_save_path(parent, _("Save the register of processing"), Path(name),
                        _("Excel workbook (*.xlsx)"), ".xlsx")
    if out is None:
        return
    folder = ctx.backup_folder()
    run_job(parent, _("Exporting…"),
            on_own_connection(ctx.db_path, lambda db: write_register(db, out, folder)),
            on_done=lambda _n: ctx.events.notify.emit(
                _("The register is saved in {path}.").format(path=out), None))


def add_menu(window: Any, menu: Any) -> None:
    """The «Personal data» menu of the main window: the review and the register."""
    window._action(menu, _("&Retention review…"), lambda: open_review(window, window.ctx))
    window._action(menu, _("Register of &processing (GDPR art. 30)…"),
                   lambda: save_register(window, window.ctx))


def open_review(parent: QWidget, ctx: Context) -> QDialog:
    from ui.review_dialog import ReviewDialog

    dialog = ReviewDialog(ctx, parent)
    dialog.open()
    return dialog
