"""The import wizard as a user drives it: file, one corrected column, preview, import, undo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from core import records
from core.excel import apply
from ui.import_wizard import ImportWizard
from ui.main_window import MainWindow


def contacts_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Contacts du comité de jumelage"])
    sheet.append([])
    sheet.append(["Nom", "Prénom", "Messagerie", "Structure", "Pays"])
    sheet.append(["Mbaye", "Fatou", "fatou.mbaye@thies.example", "Ville de Thiès", "Sénégal"])
    sheet.append(["Ndour", "Ibrahima", "i.ndour@thies.example", "Ville de Thiès", "SN"])
    sheet.append(["Sow", "Aminata", "pas-une-adresse", "Ville de Thiès", "Atlantide"])
    book.save(path)
    return path


def test_wizard_with_a_corrected_column_then_undo(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    with qtbot.waitExposed(main):
        main.show()
    main.show_page("contacts")
    before = records.count(ctx.db, "contacts")
    wizard = ImportWizard(ctx, main, contacts_workbook(tmp_path / "jumelage.xlsx"), "contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    page = wizard.columns_page
    assert wizard.currentPage() is page
    mapped = {wizard.plan.headers[c]: f for c, f in wizard.plan.mapping.items()}
    assert "Messagerie" not in mapped  # an unusual header: the user corrects it
    row = wizard.plan.headers.index("Messagerie")
    combo = page.combos[row]
    combo.setCurrentIndex(combo.findData("email"))
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.plan.count("create") == 2 and wizard.plan.count("reject") == 1
    assert "Atlantide" in wizard.preview_page.rejected.item(0).text()
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)
    assert records.count(ctx.db, "contacts") == before + 2
    page = main.pages["contacts"]
    qtbot.waitUntil(lambda: page.model.total == before + 2)
    fatou = records.list_records(ctx.db, "contacts", search="Mbaye")[0]
    assert fatou["email"] == "fatou.mbaye@thies.example"
    [batch] = apply.batches(ctx.db)
    apply.undo(ctx.db, batch["id"])
    assert records.count(ctx.db, "contacts") == before
