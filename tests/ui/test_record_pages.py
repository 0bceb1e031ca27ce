"""A successor's path through the partnership page and the mission page, on the demo data."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from core import missions, partnerships, records
from ui.main_window import MainWindow
from ui.mission_page import MissionPage
from ui.partnership_page import PartnershipPage
from ui.sections import CompactTable


def plain(text: str) -> str:
    """French formatting uses no-break spaces; compare with ordinary ones."""
    return text.replace("\u00a0", " ").replace("\u202f", " ")


def marsassoum(ctx: Any) -> int:
    return records.list_records(ctx.db, "partnerships", search="Marsassoum")[0]["id"]


def cells(table: CompactTable) -> list[list[str]]:
    return [[plain(cell) for cell in line.cells] for line in table.lines]


def missions_by_date(ctx: Any, partnership_id: int) -> list[str]:
    """The partnership's missions as the story goes, read with plain SQL."""
    conn = sqlite3.connect(ctx.db_path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT title FROM missions WHERE partnership_id = ? AND deleted_at IS NULL "
            "ORDER BY start_date, id", [partnership_id])]
    finally:
        conn.close()


def button_named(widget: Any, text: str) -> QPushButton:
    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def open_dialog(qtbot: Any, page: Any, button: str) -> Any:
    """Click the section's button, as the user does; the dialog it opens."""
    page.scroll_area.ensureWidgetVisible(button_named(page, button))
    click(qtbot, button_named(page, button))
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    return QApplication.activeModalWidget()


def shown(qtbot: Any, page: Any, record_id: int) -> Any:
    qtbot.addWidget(page)
    page.resize(1080, 760)
    page.show()
    qtbot.waitExposed(page)
    page.show_record(record_id)
    return page


def texts_of(page: Any) -> list[str]:
    labels = [label.text() for label in page.findChildren(QLabel) if label.isVisibleTo(page)]
    tables = [c for t in page.findChildren(CompactTable) for line in t.lines for c in line.cells]
    return labels + tables


def test_partnership_page_tells_the_story(qtbot: Any, ctx: Any, french: None) -> None:
    page = shown(qtbot, PartnershipPage(ctx), marsassoum(ctx))

    assert page.title.text() == "Anderlecht – Marsassoum"
    assert page.budget.heading.text() == "Budget et réalisé"
    assert page.contacts.heading.text() == "Contacts (10)"
    contacts = {row[0]: row[1] for row in cells(page.contacts.table)}
    assert contacts["Anaïs Marie"] == "Coordinateur·rice"  # role in the partnership, translated
    assert contacts["Lamine Sané"] == "Comité de pilotage"
    titles = [row[1] for row in cells(page.missions.table)]
    assert "Remise des PLATFORMAwards 2022 à Grenoble" in titles
    assert len(titles) > 2 and titles == missions_by_date(ctx, marsassoum(ctx))  # oldest first
    funders = [row for t in page.budget.findChildren(CompactTable) for row in cells(t)]
    assert ["Union européenne – Commission européenne", "20 000,00 €", "20 000,00 €"] in funders
    assert all("None" not in text for text in texts_of(page))


def test_expiring_agreement_and_overdue_deadlines_stand_out(
    qtbot: Any, ctx: Any, french: None
) -> None:
    page = shown(qtbot, PartnershipPage(ctx), marsassoum(ctx))

    labels = [plain(label.text()) for label in page.facts.findChildren(QLabel)]
    assert any(text.startswith("22 janv. 2027 (") for text in labels)
    overdue = [line for line in page.deadlines.table.lines if line.colour]
    assert overdue and all(line.cells[0].startswith(("11 nov.", "18 nov.")) for line in overdue)


def test_double_clicking_a_mission_opens_it(qtbot: Any, ctx: Any) -> None:
    page = shown(qtbot, PartnershipPage(ctx), marsassoum(ctx))
    table = page.missions.table
    page.scroll_area.ensureWidgetVisible(table)
    where = table.visualRect(table.model().index(1, 1)).center()

    with qtbot.waitSignal(page.open_record) as opened:  # a real double-click: press first
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)

    assert opened.args == ["missions", table.lines[1].id]


def test_linking_a_contact_with_a_role(qtbot: Any, ctx: Any) -> None:
    pid = records.list_records(ctx.db, "partnerships", search="Zagora")[0]["id"]
    page = shown(qtbot, PartnershipPage(ctx), pid)
    before = len(page.contacts.table.lines)

    dialog = open_dialog(qtbot, page, "&Link a contact…")
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.contact.lineEdit(), "lemaire")  # part of the name, then pick
    popup = dialog.contact.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert dialog.contact.currentText() == (
        "Sophie Lemaire — Brulocalis – Programme de Coopération Internationale Communale (CIC)"
    )
    dialog.role.setCurrentIndex(dialog.role.findData("steering_committee"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: len(page.contacts.table.lines) == before + 1)
    assert "Steering committee" in [row[1] for row in cells(page.contacts.table)]
    linked = {(c["last_name"], c["partnership_role"])
              for c in partnerships.contacts_of(ctx.db, pid)}
    assert ("Lemaire", "steering_committee") in linked


def mission_of(ctx: Any, title: str) -> int:
    return records.list_records(ctx.db, "missions", search=title)[0]["id"]


def test_adding_a_free_name_participant(qtbot: Any, ctx: Any) -> None:
    mid = mission_of(ctx, "renouvellement convention")
    page = shown(qtbot, MissionPage(ctx), mid)

    dialog = open_dialog(qtbot, page, "&Add a participant…")
    assert not dialog.ok.isEnabled()  # nobody chosen yet
    dialog.category.setCurrentIndex(dialog.category.findData("expert"))
    qtbot.waitUntil(lambda: typing_into(dialog.contact))
    qtbot.keyClicks(QApplication.focusWidget(), "Equipe de Radio Marsassoum")  # as typed
    assert dialog.ok.isEnabled() and "Equipe de Radio Marsassoum" in dialog.outcome.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # one step, no mouse

    stored = {p["name"]: p for p in missions.participants(ctx.db, mid)}
    assert stored["Equipe de Radio Marsassoum"]["category"] == "expert"
    assert stored["Equipe de Radio Marsassoum"]["contact_id"] is None
    qtbot.waitUntil(
        lambda: "Equipe de Radio Marsassoum" in [r[0] for r in cells(page.participants.table)]
    )


def typing_into(combo: Any) -> bool:
    """Keys typed now reach ``combo`` (an editable combo passes them to its line edit)."""
    return QApplication.focusWidget() in (combo, combo.lineEdit())


def test_a_contact_found_by_typing_is_added_from_the_keyboard(qtbot: Any, ctx: Any) -> None:
    mid = mission_of(ctx, "renouvellement convention")
    page = shown(qtbot, MissionPage(ctx), mid)
    before = {p["contact_id"] for p in missions.participants(ctx.db, mid)}

    dialog = page.add_participant()
    qtbot.waitUntil(lambda: typing_into(dialog.contact))
    qtbot.keyClicks(QApplication.focusWidget(), "lemaire")  # part of the name, any case
    assert "Sophie Lemaire" in dialog.outcome.text()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    [sophie] = [c for c in records.list_records(ctx.db, "contacts") if c["last_name"] == "Lemaire"]
    added = {p["contact_id"] for p in missions.participants(ctx.db, mid)} - before
    assert added == {sophie["id"]}


def test_removing_a_participant_can_be_undone(qtbot: Any, ctx: Any) -> None:
    mid = mission_of(ctx, "renouvellement convention")
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitExposed(main):
        main.show()
    main.open_record("missions", mid)
    page = main.pages["mission"]
    table = page.participants.table
    people = {p["id"] for p in missions.participants(ctx.db, mid)}
    table.selectRow(0)
    removed = table.lines[0].id

    click(qtbot, page.remove_button)
    qtbot.waitUntil(lambda: len(table.lines) == len(people) - 1)
    assert {p["id"] for p in missions.participants(ctx.db, mid)} == people - {removed}

    bar = main.notification  # "removed — Undo": the user clicks Undo in the bar
    qtbot.waitUntil(lambda: bar.isVisible() and bar.undo_button.isVisible())
    click(qtbot, bar.undo_button)
    qtbot.waitUntil(lambda: len(table.lines) == len(people))
    assert {p["id"] for p in missions.participants(ctx.db, mid)} == people


def test_mission_page_shows_money_in_both_currencies(qtbot: Any, ctx: Any, french: None) -> None:
    mid = mission_of(ctx, "renouvellement convention")
    page = shown(qtbot, MissionPage(ctx), mid)

    rows = cells(page.money.table)
    deposit = next(row for row in rows if row[1] == "Acompte hébergement à Marsassoum")
    assert deposit[3] == "250 000 F CFA" and deposit[5] == "381,12 €"
    assert rows[-1][-1] == "3 321,12 €"  # the total, in euros
    assert "Jour 3 : comité de pilotage" in page.texts["programme"][1].text()
    assert all("None" not in text for text in texts_of(page))


@pytest.mark.parametrize("page_class", [PartnershipPage, MissionPage])
def test_a_record_deleted_elsewhere_closes_the_page(qtbot: Any, ctx: Any, page_class: type) -> None:
    table = page_class.TABLE
    record_id = records.list_records(ctx.db, table)[0]["id"]
    page = shown(qtbot, page_class(ctx), record_id)

    records.delete(ctx.db, table, record_id)
    with qtbot.waitSignal(page.closed):
        ctx.changed(table)


@pytest.fixture
def forms(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The shared forms open modal dialogs: record what the pages ask of them instead."""
    from ui.forms import record_dialog

    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(
        record_dialog,
        "edit_record",
        lambda parent, ctx, table, record_id=None, defaults=None: (
            calls.append(("edit", table, record_id, defaults)) or None
        ),
    )
    monkeypatch.setattr(
        record_dialog,
        "confirm_delete",
        lambda parent, ctx, table, record_id: calls.append(("delete", table, record_id)) or 1,
    )
    return calls


def test_partnership_buttons_open_forms_inside_the_partnership(
    qtbot: Any, ctx: Any, forms: list[tuple[Any, ...]]
) -> None:
    pid = marsassoum(ctx)
    page = shown(qtbot, PartnershipPage(ctx), pid)

    for section in (page.projects, page.missions, page.deadlines, page.journal, page.budget):
        for index in range(section.buttons.count()):
            qtbot.mouseClick(section.buttons.itemAt(index).widget(), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.closed):
        qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)

    created = {call[1]: call[3] for call in forms if call[0] == "edit" and call[2] is None}
    assert set(created) == {
        "projects",
        "missions",
        "deadlines",
        "journal_entries",
        "budget_lines",
        "transactions",
    }
    assert all(defaults == {"partnership_id": pid} for defaults in created.values())
    assert ("edit", "partnerships", pid, None) in forms
    assert forms[-1] == ("delete", "partnerships", pid)


def test_mission_buttons_open_forms_for_the_mission(
    qtbot: Any, ctx: Any, forms: list[tuple[Any, ...]]
) -> None:
    mid = mission_of(ctx, "renouvellement convention")
    pid = records.get(ctx.db, "missions", mid)["partnership_id"]
    page = shown(qtbot, MissionPage(ctx), mid)

    qtbot.mouseClick(page.money.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.deadlines.buttons.itemAt(0).widget(), Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.open_record) as opened:
        qtbot.mouseClick(page.partnership_button, Qt.MouseButton.LeftButton)

    defaults = {"partnership_id": pid, "mission_id": mid}
    assert forms == [
        ("edit", "transactions", None, defaults),
        ("edit", "deadlines", None, defaults),
    ]
    assert opened.args == ["partnerships", pid]
