"""The import wizard as a user drives it: file, one corrected column, preview, import, undo."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from core import records
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow


def contacts_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Contacts du comité de jumelage"])
    sheet.append([])
    sheet.append(["Nom", "Prénom", "Champ libre 3", "Structure", "Pays"])
    sheet.append(["Mbaye", "Fatou", "fatou.mbaye@thies.example", "Ville de Thiès", "Sénégal"])
    sheet.append(["Ndour", "Ibrahima", "i.ndour@thies.example", "Ville de Thiès", "SN"])
    sheet.append(["Sow", "Aminata", "pas-une-adresse", "Ville de Thiès", "Atlantide"])
    book.save(path)
    return path


def written(ctx: Any) -> tuple[int, int]:
    """Contacts and import batches as another connection sees them: what is committed."""
    conn = sqlite3.connect(ctx.db_path)
    try:
        live = "SELECT count(*) FROM contacts WHERE deleted_at IS NULL"
        return (conn.execute(live).fetchone()[0],
                conn.execute("SELECT count(*) FROM import_batches").fetchone()[0])
    finally:
        conn.close()


def click(qtbot: Any, button: Any) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_wizard_with_a_corrected_column_then_undo(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    main.show_page("contacts")
    before = written(ctx)
    wizard = ImportWizard(ctx, main, contacts_workbook(tmp_path / "jumelage.xlsx"), "contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    assert written(ctx) == before  # the file is read: nothing written
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    page = wizard.columns_page
    assert wizard.currentPage() is page
    mapped = {wizard.plan.headers[c]: f for c, f in wizard.plan.mapping.items()}
    assert "Champ libre 3" not in mapped  # an unusual header: the user corrects it
    row = wizard.plan.headers.index("Champ libre 3")
    combo = page.combos[row]
    combo.setCurrentIndex(combo.findData("email"))
    assert written(ctx) == before
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.plan.count("create") == 2 and wizard.plan.count("reject") == 1
    assert "Atlantide" in wizard.preview_page.rejected.item(0).text()
    assert written(ctx) == before  # the preview shows what would be done, no more
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: written(ctx) == (before[0] + 2, before[1] + 1))
    page = main.pages["contacts"]
    qtbot.waitUntil(lambda: page.model.total == before[0] + 2)
    fatou = records.list_records(ctx.db, "contacts", search="Mbaye")[0]
    assert fatou["email"] == "fatou.mbaye@thies.example"

    bar = main.notification  # the bar offers to take the import back: the user clicks it
    qtbot.waitUntil(lambda: bar.isVisible() and bar.undo_button.isVisible())
    click(qtbot, bar.undo_button)
    qtbot.waitUntil(lambda: written(ctx)[0] == before[0])
    assert not records.list_records(ctx.db, "contacts", search="Mbaye")
    qtbot.waitUntil(lambda: page.model.total == before[0])
