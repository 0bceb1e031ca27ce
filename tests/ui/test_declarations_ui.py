"""Reports › Declarations: each entry names its year and what it counts, and writes its file.

The officer opens the submenu in the spring, picks the e-APD worksheet,
types the water budget's resources, chooses where to save; the workbook is
there and the resources are remembered. The settings dialog keeps the
commune's identifiers and turns the yearly e-APD deadline on or off.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from core import records, settings
from tests.ui.test_main_window import window
from ui import declarations
from ui.declaration_dialog import DeclarationDialog
from ui.settings_dialog import SettingsDialog
from ui.worker import wait_for_jobs


@pytest.fixture(autouse=True)
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    return shown


@pytest.fixture
def saved_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """The save dialog answers with the name it proposed, in tmp_path."""
    proposed: list[str] = []

    def answer(_parent: Any, _title: str, path: str, _filter: str) -> tuple[str, str]:
        proposed.append(Path(path).name)
        return str(tmp_path / Path(path).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return proposed


def declarations_menu(main: Any) -> QMenu:
    menu = next(m for m in main.findChildren(QMenu) if m.title() == "&Declarations")
    menu.aboutToShow.emit()
    return menu


def fill_and_accept(monkeypatch: pytest.MonkeyPatch, fill: Any) -> None:
    def exec_(dialog: DeclarationDialog) -> int:
        fill(dialog)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(DeclarationDialog, "exec", exec_)


def test_each_entry_names_its_year_and_what_it_counts(qtbot: Any, ctx: Any) -> None:
    texts = [a.text() for a in declarations_menu(window(qtbot, ctx)).actions()]
    assert len(texts) == 3 and all("\n" not in t for t in texts)
    assert texts[0].startswith("&e-APD 2025:") and "DAC list" in texts[0]
    assert texts[1].startswith("&CIC/GIS 2025:") and "every expense" in texts[1]
    assert texts[2].startswith("&IATI:")


def test_e_apd_from_the_menu_writes_the_workbook_and_keeps_the_resources(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    saved_to: list[str], warnings: list[str],
) -> None:
    fill_and_accept(monkeypatch, lambda d: d.resources["water"].setText("150 000,00"))
    main = window(qtbot, ctx)
    declarations_menu(main).actions()[0].trigger()
    wait_for_jobs()
    out = tmp_path / "e-APD 2025.xlsx"
    qtbot.waitUntil(out.exists, timeout=10000)
    assert saved_to == ["e-APD 2025.xlsx"] and not warnings
    assert "Declaration" in openpyxl.load_workbook(out).sheetnames
    assert settings.get(ctx.db, "oudin_resources_2025_water") == "150000.00"


def test_cic_for_one_partnership_and_iati_for_all_years(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    saved_to: list[str], warnings: list[str],
) -> None:
    pid = records.list_records(ctx.db, "partnerships", search="Marsassoum")[0]["id"]
    fill_and_accept(monkeypatch, lambda d: d.partnership.setCurrentIndex(
        d.partnership.findData(pid)) if d.kind == "cic" else None)
    main = window(qtbot, ctx)
    actions = declarations_menu(main).actions()
    actions[1].trigger()
    wait_for_jobs()
    actions[2].trigger()
    wait_for_jobs()
    qtbot.waitUntil(lambda: (tmp_path / "IATI.xml").exists(), timeout=10000)
    assert saved_to == ["CIC-GIS 2025.xlsx", "IATI.xml"] and not warnings
    rows = list(openpyxl.load_workbook(tmp_path / "CIC-GIS 2025.xlsx")["Expenses"].values)
    assert {r[14] for r in rows[1:-1]} == {"Anderlecht – Marsassoum"}
    assert (tmp_path / "IATI.xml").read_text(encoding="utf-8").count("<iati-activity ") > 5


def test_a_declaration_that_cannot_be_made_says_why(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    saved_to: list[str], warnings: list[str],
) -> None:
    settings.put(ctx.db, "iati_org_id", "")
    fill_and_accept(monkeypatch, lambda d: None)
    declarations_menu(window(qtbot, ctx)).actions()[2].trigger()
    wait_for_jobs()
    qtbot.waitUntil(lambda: bool(warnings), timeout=10000)
    assert "IATI organisation identifier" in warnings[0]
    assert not (tmp_path / "IATI.xml").exists()


def test_settings_keep_the_identifiers_and_the_deadline_follows(qtbot: Any, ctx: Any) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog.declarations
    box.edits["municipality_siren"].setText("  216 205 108 ")
    box.edits["dpo_contact"].setText("Jeanne Martin, dpd@saint-omer.example")
    dialog.country.set_code("FR")
    dialog.accept()
    assert settings.get(ctx.db, "municipality_siren") == "216 205 108"
    assert settings.get(ctx.db, "dpo_contact") == "Jeanne Martin, dpd@saint-omer.example"
    titles = [d["title"] for d in records.list_records(ctx.db, "deadlines")]
    assert "e-APD declaration 2025" in titles
    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.declarations.edits["municipality_siren"].text() == "216 205 108"
    again.declarations.apd_deadline.setChecked(False)
    again.accept()
    assert settings.get(ctx.db, "apd_deadline") == "0"
    assert declarations.declaration_year(ctx) == 2025


def test_the_transaction_form_keeps_the_declaration_fields(qtbot: Any, ctx: Any,
                                                          french: None) -> None:
    from decimal import Decimal

    from tests.ui.test_forms import editor, open_dialog, save, saved_id, type_into

    dialog = open_dialog(qtbot, ctx, "transactions", defaults={"partnership_id": 1})
    type_into(qtbot, dialog, "label", "Forage du quartier Nord")
    type_into(qtbot, dialog, "amount", "9 839 355")
    qtbot.keyClicks(editor(dialog, "amount").currency, "XOF")
    type_into(qtbot, dialog, "bank_fees", "12,50")
    type_into(qtbot, dialog, "document_number", "PJ-2025-014")
    type_into(qtbot, dialog, "budget_post", "R2.A1")
    editor(dialog, "eligible").set_value(False)
    type_into(qtbot, dialog, "ineligible_reason", "Facture hors période")
    save(qtbot, dialog)
    saved = records.get(ctx.db, "transactions", saved_id(dialog))
    assert (saved["amount"], saved["currency"], saved["amount_eur"]) == (
        Decimal("9839355.00"), "XOF", Decimal("15000.00"))
    assert saved["bank_fees"] == Decimal("12.50")
    assert (saved["document_number"], saved["budget_post"]) == ("PJ-2025-014", "R2.A1")
    assert saved["eligible"] is False and saved["ineligible_reason"] == "Facture hors période"
