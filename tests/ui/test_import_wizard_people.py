"""The wizard names every duplicate, and imports a mission's participants (issue 12, items 2 and 5).

A user who imports a town hall's contacts sees which row each duplicate was
merged with before confirming; one who chooses "Participants" imports an
exported participants sheet into the missions of the database.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from core import records
from core.excel.export import export_kind
from ui.import_wizard import ImportWizard


def _workbook(path: Path, rows: list[list[Any]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def _next(qtbot: Any, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _finish(qtbot: Any, wizard: ImportWizard) -> None:
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton),
                         Qt.MouseButton.LeftButton)


def test_the_preview_names_each_duplicate(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "mairie.xlsx", [
        ["Nom", "Prénom", "Courriel", "Fonction"],
        ["Sow", "Mamadou", "mairie@kolobo.example", "Maire"],
        ["Diallo", "Fatou", "mairie@kolobo.example", "Secrétaire générale"],
        ["DIALLO", "Fatou", "Mairie@Kolobo.example", "SG"],
    ])
    before = records.count(ctx.db, "contacts")
    wizard = ImportWizard(ctx, None, path, "contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    listed = [wizard.preview_page.duplicates.item(n).text()
              for n in range(wizard.preview_page.duplicates.count())]
    assert listed == [
        "row 3: same e-mail as row 2, another name: kept as a separate contact",
        "row 4: same as row 3",
    ]
    _finish(qtbot, wizard)
    assert records.count(ctx.db, "contacts") == before + 2


def test_participants_are_a_kind_of_the_wizard(qtbot: Any, ctx: Any, tmp_path: Path) -> None:
    out = tmp_path / "participants.xlsx"
    export_kind(ctx.db, "participants", out)
    first = records.list_records(ctx.db, "mission_participants")[0]
    records.delete(ctx.db, "mission_participants", first["id"])  # one of them to bring back
    before = records.count(ctx.db, "mission_participants")
    wizard = ImportWizard(ctx, None, out, "contacts")
    qtbot.addWidget(wizard)
    wizard.show()
    kinds = wizard.file_page.kinds
    kinds.setCurrentIndex(kinds.findData("participants"))
    assert kinds.findData("partnership_contacts") >= 0
    _next(qtbot, wizard)
    _next(qtbot, wizard)
    plan = wizard.plan
    assert plan.kind == "participants" and plan.count("reject") == 0
    assert plan.count("create") == 1 and plan.count("skip") == before
    _finish(qtbot, wizard)
    assert records.count(ctx.db, "mission_participants") == before + 1
