"""Where the save dialogs open and what they propose: Documents, a name people read, the day.

«Exporter…» opened in the program's working folder with «journal_entries.xlsx»;
a French officer expects «Journal 2026-11-23.xlsx» in Documents, a Dutch one
the Dutch word, and both the folder they used last time after that.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog

from core import i18n
from ui.list_page import ListPage


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home of our own, with its Documents folder, as a desktop session has."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    return folder


@pytest.fixture
def proposed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """What each save dialog proposed; the person then cancels."""
    seen: list[str] = []

    def dialog(_parent: Any, _title: str, path: str, _filter: str) -> tuple[str, str]:
        seen.append(path)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    return seen


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_documents_is_the_home_one(home: Path) -> None:
    assert documents() == home / "Documents"  # the fixture works: nothing of the real home


def test_without_a_documents_folder_the_dialog_opens_at_home(
    qtbot: Any, ctx: Any, home: Path, proposed: list[str]
) -> None:
    (home / "Documents").rmdir()
    click_export(qtbot, ctx, "missions")
    assert Path(proposed[0]).parent == home


def click_export(qtbot: Any, ctx: Any, table: str) -> None:
    page = ListPage(ctx, table, table)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("lang", "table", "name"), [
    ("fr", "contacts", "Contacts 2026-11-23.xlsx"),
    ("nl", "contacts", "Contactpersonen 2026-11-23.xlsx"),
    ("fr", "journal_entries", "Journal 2026-11-23.xlsx"),
    ("nl", "transactions", "Verrichtingen 2026-11-23.xlsx"),
])
def test_the_list_export_proposes_documents_and_a_name_in_the_language(
    qtbot: Any, ctx: Any, proposed: list[str], lang: str, table: str, name: str
) -> None:
    i18n.set_language(lang)
    try:
        click_export(qtbot, ctx, table)
    finally:
        i18n.set_language("en")
    assert [Path(p) for p in proposed] == [documents() / name]


def test_the_next_dialog_opens_where_the_last_file_went(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    seen: list[str] = []
    answers = iter([str(tmp_path / "council" / "mine"), ""])

    def dialog(_parent: Any, _title: str, path: str, _filter: str) -> tuple[str, str]:
        seen.append(path)
        return next(answers), ""

    (tmp_path / "council").mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    monkeypatch.setattr("ui.list_page.run_job", lambda *_args, **_kw: None)  # no writing
    click_export(qtbot, ctx, "partnerships")
    click_export(qtbot, ctx, "missions")
    assert Path(seen[0]).parent == home / "Documents"
    assert Path(seen[1]) == tmp_path / "council" / "Missions 2026-11-23.xlsx"


def test_the_import_file_dialog_opens_in_documents_then_where_the_last_file_was(
    qtbot: Any, ctx: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: Path
) -> None:
    from PySide6.QtWidgets import QPushButton

    from ui.import_wizard import ImportWizard

    started: list[str] = []
    sheet = tmp_path / "partenaires" / "contacts.csv"
    sheet.parent.mkdir()
    sheet.write_text("Nom;Prénom\nDiatta;Awa\n", encoding="utf-8")

    def dialog(_parent: Any, _title: str, folder: str, _filter: str) -> tuple[str, str]:
        started.append(folder)
        return str(sheet), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(dialog))
    for _time in range(2):
        wizard = ImportWizard(ctx, None, None, "contacts")
        qtbot.addWidget(wizard)
        [choose] = [b for b in wizard.file_page.findChildren(QPushButton)
                    if b.text().replace("&", "").startswith("Choose")]
        qtbot.mouseClick(choose, Qt.MouseButton.LeftButton)
        assert wizard.file_page.file.text() == str(sheet)
    assert [Path(folder) for folder in started] == [home / "Documents", sheet.parent]
