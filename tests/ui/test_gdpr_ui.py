"""The officer's path through the GDPR screens: the contact's page, the review, the list filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from core import backup, search
from ui.contact_page import ContactPage
from ui.worker import wait_for_jobs


def traveller(ctx: Any) -> dict[str, Any]:
    """A demo contact with an e-mail who took part in a mission and is named in the journal."""
    for row in ctx.db.query(
            "SELECT id, first_name, last_name, email, phone FROM contacts WHERE email IS NOT "
            "NULL AND id IN (SELECT contact_id FROM mission_participants) ORDER BY id"):
        name = f"{row['first_name']} {row['last_name']}"
        if ctx.db.execute("SELECT 1 FROM journal_entries WHERE attendees LIKE ?",
                          [f"%{name}%"]).fetchone():
            return row
    raise AssertionError("no such contact in the demo")


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The save dialog answers with a file in the test's folder."""
    out = tmp_path / "acces.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args, **_kw: (str(out), "Excel workbook (*.xlsx)"))
    return out


def page_of(qtbot: Any, ctx: Any, contact_id: int) -> ContactPage:
    page = ContactPage(ctx)
    qtbot.addWidget(page)
    page.resize(1080, 760)
    page.show()
    qtbot.waitExposed(page)
    page.show_record(contact_id)
    return page


def test_access_export_from_the_contact_page(qtbot: Any, ctx: Any, save_as: Path) -> None:
    person = traveller(ctx)
    page = page_of(qtbot, ctx, person["id"])
    assert page.log.empty.isVisibleTo(page)  # never exported yet
    qtbot.mouseClick(page.access_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: bool(page.log.table.lines))
    cells = {str(c) for ws in load_workbook(save_as) for row in ws.iter_rows(values_only=True)
             for c in row if c is not None}
    assert person["email"] in cells
    assert save_as.with_suffix(".json").exists()
    logged = list(ctx.db.query(
        "SELECT l.action, l.what, k.contact_id FROM personal_data_log l "
        "JOIN personal_data_log_contacts k ON k.log_id = l.id"))
    assert logged == [{"action": "access", "what": "acces.xlsx", "contact_id": person["id"]}]
    assert page.log.table.lines[0].cells[2] == "acces.xlsx"


def test_anonymising_from_the_contact_page(qtbot: Any, ctx: Any) -> None:
    person = traveller(ctx)
    before = ctx.db.execute("SELECT (SELECT count(*) FROM mission_participants), "
                            "(SELECT sum(amount_eur_cents) FROM transactions)").fetchone()
    made = backup.make_backup(ctx.db_path, ctx.backup_dir)
    page = page_of(qtbot, ctx, person["id"])
    qtbot.mouseClick(page.anonymise_button, Qt.MouseButton.LeftButton)
    dialog = page.anonymise_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.accept_button.isEnabled)  # the summary, worked out in a worker
    text = dialog.summary.text()
    assert "Kept:" in text and "mission participations" in text and "Journal entry" in text
    assert dialog.remove_backups.isVisibleTo(dialog)  # one backup holds their data
    dialog.remove_backups.setChecked(True)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: "Anonymised contact" in page.title.text())
    row = ctx.db.execute("SELECT first_name, last_name, email, phone FROM contacts WHERE id = ?",
                         [person["id"]]).fetchone()
    assert row == ("", f"Anonymised contact no. {person['id']}", None, None)
    assert search.search_all(ctx.db, person["last_name"]) == {}
    assert ctx.db.execute("SELECT (SELECT count(*) FROM mission_participants), "
                          "(SELECT sum(amount_eur_cents) FROM transactions)").fetchone() == before
    assert not made.path.exists()  # the earlier backup went, a new one replaced it
    assert not page.anonymise_button.isEnabled()
    wal = Path(f"{ctx.db_path}-wal")
    data = ctx.db_path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert person["email"].encode() not in data and person["phone"].encode() not in data


def test_review_anonymises_the_ticked_contacts(qtbot: Any, ctx: Any) -> None:
    from ui.review_dialog import ReviewDialog

    dialog = ReviewDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.years.setValue(0)
    total = ctx.db.execute("SELECT count(*) FROM contacts").fetchone()[0]
    assert dialog.table.rowCount() == total
    assert not dialog.anonymise_button.isEnabled()
    first, second = (dialog.table.item(r, 0) for r in (0, 1))
    ids = [first.data(Qt.ItemDataRole.UserRole), second.data(Qt.ItemDataRole.UserRole)]
    first.setCheckState(Qt.CheckState.Checked)
    second.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.anonymise_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.anonymise_dialog.accept_button.isEnabled)
    assert "2 contacts will be anonymised" in dialog.anonymise_dialog.summary.text()
    qtbot.mouseClick(dialog.anonymise_dialog.accept_button, Qt.MouseButton.LeftButton)
    assert wait_for_jobs()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == total - 2)
    names = ctx.db.execute("SELECT last_name FROM contacts WHERE id IN (?, ?) ORDER BY id",
                           sorted(ids)).fetchall()
    assert names == [(f"Anonymised contact no. {i}",) for i in sorted(ids)]
    assert ctx.db.execute("SELECT value FROM settings WHERE key = 'gdpr_review_years'"
                          ).fetchone() == ("0",)


def test_the_contact_list_filters_those_without_a_legal_basis(qtbot: Any, ctx: Any) -> None:
    from ui.list_page import ListPage

    ctx.db.execute("UPDATE contacts SET legal_basis = NULL WHERE id IN (2, 5)")
    page = ListPage(ctx, "contacts", "Contacts")
    qtbot.addWidget(page)
    page.show()
    box = page.filter_boxes["legal_basis"]
    box.setCurrentIndex(box.findText("No legal basis recorded"))
    qtbot.waitUntil(lambda: page.model.total == 2)
    assert sorted(page.model.record_id(r) for r in range(2)) == [2, 5]
