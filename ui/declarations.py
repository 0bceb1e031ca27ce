"""Reports › Declarations: the e-APD worksheet, the CIC/GIS report and the IATI file.

Each menu entry says in one line which year it covers and what it counts.
A small dialog confirms the year (and, for the CIC/GIS report, the
partnership; for the e-APD, the resources of the "1 % Oudin-Santini"
budgets, kept in the settings), the user chooses where to save, and the
file is written in a worker with its own connection, whole or not at all.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMenu, QMessageBox

from core.i18n import N_, _
from ui.files import ask_save_path
from ui.notification import BarAction
from ui.worker import on_own_connection, run_job

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
    from sqlite_utils import Database

    from ui.context import Context

KINDS = ("apd", "cic", "iati")
TITLES = {
    "apd": N_("e-APD worksheet"),
    "cic": N_("CIC/GIS financial report"),
    "iati": N_("IATI activity file"),
}
# One line per entry: which year and what it counts.
LINES = {
    "apd": N_("&e-APD {year}: aid to countries on the DAC list, own spending less other "
              "funders (France)…"),
    "cic": N_("&CIC/GIS {year}: every expense with its document, budget post, rate and "
              "eligibility (Belgium)…"),
    "iati": N_("&IATI: every partnership and project, budgets and transactions of all "
               "years…"),
}
FILTERS = {"xlsx": N_("Excel workbook (*.xlsx)"), "xml": N_("IATI XML file (*.xml)")}


def declaration_year(ctx: Context) -> int:
    """The year a declaration is made for: the one that ended."""
    return ctx.today.year - 1


def add_menu(window: Any, reports_menu: QMenu) -> QMenu:
    """The «Declarations» submenu; its entries name the year when the menu opens."""
    menu = reports_menu.addMenu(_("&Declarations"))
    actions = {}
    for kind in KINDS:
        action = QAction(window)
        action.triggered.connect(lambda _c=False, k=kind: start(window, window.ctx, k))
        menu.addAction(action)
        actions[kind] = action

    def refresh() -> None:
        ctx = getattr(window, "ctx", None)
        year = declaration_year(ctx) if ctx is not None else None
        for kind, action in actions.items():
            action.setText(_(LINES[kind]).format(year=year or ""))
            action.setEnabled(ctx is not None)

    menu.aboutToShow.connect(refresh)
    refresh()
    return menu


def start(parent: QWidget, ctx: Context, kind: str) -> None:
    """Ask what and where, then write the declaration."""
    from ui.declaration_dialog import DeclarationDialog

    dialog = DeclarationDialog(ctx, kind, _(TITLES[kind]), declaration_year(ctx), parent)
    if not dialog.exec():
        return
    choice = dialog.choice()
    suffix = ".xml" if kind == "iati" else ".xlsx"
    out = ask_save_path(parent, _(TITLES[kind]), Path(default_name(kind, choice)),
                        _(FILTERS[suffix[1:]]), suffix)
    if out is not None:
        write(parent, ctx, kind, choice, out)


def default_name(kind: str, choice: dict[str, Any]) -> str:
    year = choice.get("year")
    words = {"apd": f"e-APD {year}", "cic": f"CIC-GIS {year}",
             "iati": f"IATI {year}" if year else "IATI"}[kind]
    return f"{words}.xml" if kind == "iati" else f"{words}.xlsx"


def write(parent: QWidget, ctx: Context, kind: str, choice: dict[str, Any], out: Path) -> None:
    today = ctx.today

    def job(db: Database) -> str:
        from core.declarations import commands

        year = choice.get("year")
        first, second = (out, None) if kind == "iati" else (Path(str(year)), out)
        return commands.run(db, kind, first, second, today=today,
                            year=year if kind == "iati" else None,
                            partnership=choice.get("partnership"))

    def done(message: str) -> None:
        url = QUrl.fromLocalFile(str(out))
        open_it = BarAction(_("&Open"), lambda: QDesktopServices.openUrl(url))
        ctx.events.notify.emit(message, open_it)

    def failed(message: str) -> None:
        QMessageBox.warning(parent, _(TITLES[kind]), message)

    run_job(parent, _("Preparing the declaration…"), on_own_connection(ctx.db_path, job),
            on_done=done, on_failed=failed)
