"""An empty import template, saved from the import wizard and from the File menu.

The officer has no file yet: she saves the template of the kind she chose,
sends it to a partner, and imports what comes back. Each path ends with the
workbook opened again: the import's headers, and the notes sheet.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton

from core.excel.columns import KINDS
from core.excel.exportcolumns import import_columns
from core.i18n import _
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow
from ui.worker import wait_for_jobs


def answer_save_dialog(monkeypatch: pytest.MonkeyPatch, out: Path) -> list[str]:
    """The save dialog answers ``out``; returns the default names it was offered."""
    offered: list[str] = []

    def get_save_file_name(_parent: Any, _title: str, default: str, _filter: str) -> tuple:
        offered.append(default)
        return str(out), _filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    return offered


def check_template(path: Path, kind: str) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    headers = [cell.value for cell in book.worksheets[0][1]]
    assert headers == [c.header for c in import_columns(KINDS[kind])]
    assert _("Notes") in book.sheetnames


def template_button(wizard: ImportWizard) -> QPushButton:
    text = _("Save an empty &template…")
    return next(b for b in wizard.file_page.findChildren(QPushButton) if b.text() == text)


def test_save_a_template_from_the_wizard(qtbot: Any, ctx: Any, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "pour Thiès.xlsx"
    offered = answer_save_dialog(monkeypatch, out)
    wizard = ImportWizard(ctx, None, None, "organisations")
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    page.kinds.setCurrentIndex(page.kinds.findData("missions"))
    qtbot.mouseClick(template_button(wizard), Qt.MouseButton.LeftButton)
    wait_for_jobs()
    qtbot.waitUntil(lambda: str(out) in page.template_saved.text())
    expected = _("Template – {kind}").format(kind=_("Missions")) + ".xlsx"
    assert Path(offered[0]).name == expected
    check_template(out, "missions")


def test_save_a_template_from_the_file_menu(qtbot: Any, ctx: Any, tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "budget"  # no extension typed: .xlsx is added
    answer_save_dialog(monkeypatch, out)
    offered: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple:
        offered.append(items)
        return _("Budget"), True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    action = next(a for a in main.actions() if a.text() == _("Import &templates…"))
    action.trigger()
    wait_for_jobs()
    saved = tmp_path / "budget.xlsx"
    qtbot.waitUntil(lambda: main.notification.isVisible())
    assert str(saved) in main.notification.label.text()
    assert len(offered[0]) == len(KINDS)
    check_template(saved, "budget")


def test_a_folder_that_does_not_exist_is_a_warning(qtbot: Any, ctx: Any, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    answer_save_dialog(monkeypatch, tmp_path / "nowhere" / "contacts.xlsx")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_args: warnings.append(text))
    wizard = ImportWizard(ctx, None, None, "contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(template_button(wizard), Qt.MouseButton.LeftButton)
    wait_for_jobs()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "does not exist" in warnings[0]
    assert wizard.file_page.template_saved.text() == ""
