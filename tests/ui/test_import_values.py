"""The wizard asks what unknown words mean, once, and remembers; and it fills what a sheet lacks.

Driven as a person drives it: Next, a choice in a box, Finish; then the
database is read. A second import of the same file asks nothing.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from tests.core import factories as make
from ui.import_wizard import ImportWizard

DATA = Path(__file__).resolve().parent.parent / "data" / "import"


def partnerships_workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (
        ["Partenariat", "Pays", "Statut", "Convention en vigueur jusqu'au"],
        ["Zonnebeke – Kolobo", "Mali", "Actif", "31/12/2026"],
        ["Zonnebeke – Thiès", "Sénégal", "À relancer", "30/06/2025"],
        ["Zonnebeke – Tarija", "Bolivie", "à relancer", None],
        ["Zonnebeke – Safi", "Maroc", "Zzz", None],
    ):
        sheet.append(row)
    book.save(path)
    return path


def click(qtbot: Any, wizard: QWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def committed(ctx: Any, sql: str) -> list[tuple]:
    conn = sqlite3.connect(ctx.db_path)  # what another connection sees: what was written
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def finish(qtbot: Any, wizard: ImportWizard) -> None:
    with qtbot.waitSignal(wizard.accepted, timeout=10000):
        click(qtbot, wizard, QWizard.WizardButton.FinishButton)


def open_on(qtbot: Any, ctx: Any, path: Path, kind: str) -> ImportWizard:
    wizard = ImportWizard(ctx, None, path, kind)
    qtbot.addWidget(wizard)
    wizard.show()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.columns_page
    return wizard


def test_unknown_words_are_asked_once_then_remembered(qtbot: Any, ctx: Any,
                                                      tmp_path: Path) -> None:
    book = partnerships_workbook(tmp_path / "jumelages.xlsx")
    wizard = open_on(qtbot, ctx, book, "partnerships")
    columns = wizard.columns_page
    row = wizard.plan.headers.index("Convention en vigueur jusqu'au")
    assert columns.combos[row].currentData() == "agreement_expiry_date"
    assert columns.table.item(row, 3).text() == "Suggestion: check it"
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    page = wizard.values_page
    assert wizard.currentPage() is page
    assert len(page.boxes) == 2  # «À relancer» once for its two rows, and «Zzz»
    relancer = page.boxes[("status", "a relancer")]
    relancer.setCurrentIndex(relancer.findData("dormant"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)  # «Zzz» left out: its row rejected
    assert wizard.currentPage() is wizard.preview_page
    assert (wizard.plan.count("create"), wizard.plan.count("reject")) == (3, 1)
    click(qtbot, wizard, QWizard.WizardButton.BackButton)  # on second thoughts: ended
    assert wizard.currentPage() is page
    zzz = page.boxes[("status", "zzz")]
    zzz.setCurrentIndex(zzz.findData("ended"))
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert (wizard.plan.count("create"), wizard.plan.count("reject")) == (4, 0)
    finish(qtbot, wizard)
    found = dict(committed(ctx, "SELECT name, status || ' ' || coalesce("
                                "agreement_expiry_date, '') FROM partnerships "
                                "WHERE name LIKE 'Zonnebeke%'"))
    assert found == {"Zonnebeke – Kolobo": "active 2026-12-31",
                     "Zonnebeke – Thiès": "dormant 2025-06-30", "Zonnebeke – Tarija": "dormant ",
                     "Zonnebeke – Safi": "ended "}

    again = open_on(qtbot, ctx, book, "partnerships")  # the same file: nothing asked
    assert not again.plan.guessed
    assert again.columns_page.table.item(row, 3).text() == ""
    click(qtbot, again, QWizard.WizardButton.NextButton)
    assert again.currentPage() is again.preview_page  # the words step is skipped
    assert [r.action for r in again.plan.rows] == ["skip"] * 4  # already there, none rejected


def test_same_value_for_every_row_and_columns_kept_in_notes(qtbot: Any, ctx: Any) -> None:
    make.partnership(ctx.db, name="Saint-Aubin – Kolobo")
    wizard = open_on(qtbot, ctx, DATA / "mandats-payes.csv", "transactions")
    page = wizard.columns_page
    assert wizard.plan.count("reject") == 3  # no partnership column: every row needs one
    fixed = page.fixed
    fixed.field.setCurrentIndex(fixed.field.findData("partnership"))
    qtbot.keyClicks(fixed.value, "saint-aubin - kolobo")  # as typed: found all the same
    qtbot.mouseClick(_button(fixed, "Add"), Qt.MouseButton.LeftButton)
    page.keep.click()
    click(qtbot, wizard, QWizard.WizardButton.NextButton)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.plan.count("create") == 3, wizard.preview_page.summary.text()
    finish(qtbot, wizard)
    rows = committed(ctx, "SELECT reference, amount_cents, kind, notes FROM transactions "
                          "WHERE reference = '2023-118'")
    assert rows[0][:3] == ("2023-118", 120000, "expense")
    assert "N° bordereau : 41" in rows[0][3]


def _button(parent: Any, text: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    return next(b for b in parent.findChildren(QPushButton) if b.text().replace("&", "") == text)
