"""The PDF reports on screen: one way to preview or save them, for every button and menu entry.

The document itself comes from :func:`core.reports.make_report`; here it is
written in a worker (with its own database connection) behind a progress
dialog, then either opened in the system's PDF viewer (a preview, in a
folder of this session's temporary files) or saved where the user chose and
announced in the notification bar. A :class:`~core.errors.UserError` is a
warning with its text, never a traceback.
"""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QInputDialog, QMessageBox

from core import finance, fmt, records
from core.i18n import N_, _
from ui.files import ask_save_path, documents_folder
from ui.notification import BarAction
from ui.worker import run_job

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QPushButton, QWidget

    from ui.context import Context
    from ui.record_page import RecordPage

# kind -> what the document is called in dialogs
TITLES = {
    "mission": N_("Mission order and summary"),
    "partnership": N_("Partnership sheet"),
    "annual": N_("Annual report"),
}
TABLES = {"mission": "missions", "partnership": "partnerships"}
# characters Windows refuses in a file name: a slash is a dash, a quote a single quote
_SAFE = str.maketrans({"/": "-", "\\": "-", '"': "'", **dict.fromkeys(":<>|?*", "")})


def add_buttons(page: RecordPage, kind: str, tooltip: str) -> tuple[QPushButton, QPushButton]:
    """«PDF preview» and «Save as PDF…» in a record page's title bar, before Edit and Delete."""

    def act(action: Callable[[QWidget, Context, str, int], None]) -> None:
        if page.record_id is not None:
            action(page, page.ctx, kind, page.record_id)

    buttons = (
        page.add_bar_button(_("PDF pre&view"), lambda: act(preview)),
        page.add_bar_button(_("&Save as PDF…"), lambda: act(save_as)),
    )
    before_edit = page.bar_buttons.indexOf(page.edit_button)
    for offset, button in enumerate(buttons):
        button.setToolTip(tooltip)
        page.bar_buttons.insertWidget(before_edit + offset, button)
    return buttons


def file_name(ctx: Context, kind: str, key: int) -> str:
    """«Mission – Marsassoum 2023.pdf», «Rapport annuel 2025.pdf», safe on every system."""
    if kind == "annual":
        name = _("Annual report {year}").format(year=key)
    elif kind == "mission":
        name = _("Mission – {title}").format(title=records.title(ctx.db, "missions", key))
    else:
        name = _("Partnership sheet – {name}").format(
            name=records.title(ctx.db, "partnerships", key)
        )
    name = " ".join(name.translate(_SAFE).split())[:120].strip(" .-–") or _(TITLES[kind])
    return f"{name}.pdf"


@cache
def _session_folder() -> tempfile.TemporaryDirectory[str]:
    """This session's previews; removed when the app exits (a viewer may still hold one)."""
    return tempfile.TemporaryDirectory(prefix="ici-la-bas-", ignore_cleanup_errors=True)


def preview_path(ctx: Context, kind: str, key: int) -> Path:
    """A fresh file each time: a viewer holding the last preview open does not block the next."""
    folder = Path(tempfile.mkdtemp(dir=_session_folder().name))
    return folder / file_name(ctx, kind, key)


def preview(parent: QWidget, ctx: Context, kind: str, key: int) -> None:
    """Write the document to a temporary file and open it in the system's PDF viewer."""
    out = preview_path(ctx, kind, key)

    def show(path: Path | None) -> None:
        if path is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            ctx.events.notify.emit(
                _("No program could open the PDF; it is in {path}.").format(path=path), None
            )

    generate(parent, ctx, kind, key, out, show)


def save_as(parent: QWidget, ctx: Context, kind: str, key: int) -> None:
    """Ask where, write the document there, then say where it is."""
    out = ask_save_path(parent, _("Save as PDF"), documents_folder() / file_name(ctx, kind, key),
                        _("PDF document (*.pdf)"), ".pdf")
    if out is None:
        return

    def saved(path: Path | None) -> None:
        if path is not None:
            url = QUrl.fromLocalFile(str(path))
            ctx.events.notify.emit(_("PDF saved in {path}.").format(path=path),
                                   BarAction(_("&Open"), lambda: QDesktopServices.openUrl(url)))

    generate(parent, ctx, kind, key, out, saved)


def generate(
    parent: QWidget,
    ctx: Context,
    kind: str,
    key: int,
    out: Path,
    on_done: Callable[[Path | None], None],
) -> None:
    """Write the document in a worker; ``on_done`` gets its path, or None when cancelled."""
    db_path = ctx.db_path

    def write(_progress: Any, cancelled: Callable[[], bool]) -> Path | None:
        import core.reports
        from core.db import open_db

        db = open_db(db_path, verify=False)
        try:
            path = core.reports.make_report(db, kind, key, out)
        finally:
            db.close()
        return None if cancelled() else path

    def failed(message: str) -> None:
        QMessageBox.warning(parent, _(TITLES[kind]), message)

    run_job(parent, _("Preparing the PDF…"), write, on_done=on_done, on_failed=failed)


# --- the Reports menu ---------------------------------------------------------------


def preview_from_menu(parent: QWidget, ctx: Context, kind: str, current: int | None) -> None:
    """The record shown on screen, else one the user picks; a year for the annual report."""
    key = current if current is not None else choose(parent, ctx, kind)
    if key is not None:
        preview(parent, ctx, kind, key)


def choose(parent: QWidget, ctx: Context, kind: str) -> int | None:
    if kind == "annual":
        year, ok = QInputDialog.getInt(
            parent, _(TITLES[kind]), _("&Year:"), default_year(ctx), 1900, 2200
        )
        return year if ok else None
    table = TABLES[kind]
    choices = [(row["id"], _label(table, row)) for row in records.list_records(ctx.db, table)]
    if not choices:
        QMessageBox.information(parent, _(TITLES[kind]), _(EMPTY[kind]))
        return None
    labels = [label for _id, label in choices]
    label, ok = QInputDialog.getItem(parent, _(TITLES[kind]), _(PICK[kind]), labels, 0, False)
    return choices[labels.index(label)][0] if ok and label in labels else None


PICK = {"mission": N_("&Mission:"), "partnership": N_("&Partnership:")}
EMPTY = {"mission": N_("No mission yet."), "partnership": N_("No partnership yet.")}


def _label(table: str, row: dict[str, Any]) -> str:
    if table == "partnerships":
        return str(row["name"])
    when = fmt.date(row["start_date"])
    return f"{row['title']} — {when}" if when else str(row["title"])


def default_year(ctx: Context) -> int:
    """Last year when it has money in it (the report the council asks for), else this year."""
    last = ctx.today.year - 1
    return last if finance.year_summary(ctx.db, last) else ctx.today.year
