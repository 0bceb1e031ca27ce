"""A user's paths through the main window, with the keyboard and the mouse.

Search and open what was found; delete from a list and take it back from
the notification bar; restore from the trash page; each step checked in
the database afterwards.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from core import records
from tests.ui.test_forms import answer_message_box
from ui.main_window import MainWindow


def window(qtbot: Any, ctx: Any) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitExposed(main):
        main.show()
    return main


def click_row(qtbot: Any, view: Any, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 1))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_search_then_open_the_partnership(qtbot: Any, ctx: Any) -> None:
    main = window(qtbot, ctx)
    qtbot.keyClick(main, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert main.search_box.hasFocus()
    qtbot.keyClicks(main.search_box, "Tarija")
    qtbot.keyClick(main.search_box, Qt.Key.Key_Return)
    page = main.pages["search"]
    assert main.stack.currentWidget() is page
    groups = [page.tree.topLevelItem(n).text(0) for n in range(page.tree.topLevelItemCount())]
    assert any(g.startswith("Partnership") for g in groups), groups
    partnership_group = next(page.tree.topLevelItem(n) for n in range(len(groups))
                             if groups[n].startswith("Partnership"))
    found = partnership_group.child(0)
    where = page.tree.visualItemRect(found).center()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)  # press first
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=where)
    shown = main.stack.currentWidget()
    assert shown is main.pages["partnership"]
    expected = records.list_records(ctx.db, "partnerships", search="Tarija")[0]["id"]
    assert shown.record_id == expected


def test_delete_from_a_list_then_undo(qtbot: Any, ctx: Any) -> None:
    main = window(qtbot, ctx)
    qtbot.keyClick(main, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Contacts
    page = main.pages["contacts"]
    assert main.stack.currentWidget() is page
    before = records.count(ctx.db, "contacts")
    click_row(qtbot, page.view, 0)
    victim = page.selected_id()
    seen: list[str] = []
    answer_message_box("Move to the trash", seen)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert records.count(ctx.db, "contacts") == before - 1
    assert page.model.total == before - 1
    assert main.notification.isVisible()
    qtbot.mouseClick(main.notification.undo_button, Qt.MouseButton.LeftButton)
    assert records.get(ctx.db, "contacts", victim)["id"] == victim
    assert page.model.total == before


def test_restore_from_the_trash_page(qtbot: Any, ctx: Any) -> None:
    mission = records.list_records(ctx.db, "missions", limit=1)[0]["id"]
    records.delete(ctx.db, "missions", mission)
    main = window(qtbot, ctx)
    qtbot.keyClick(main, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # Trash
    trash = main.pages["trash"]
    assert main.stack.currentWidget() is trash
    click_row(qtbot, trash.view, 0)
    qtbot.mouseClick(trash.restore_button, Qt.MouseButton.LeftButton)
    assert records.get(ctx.db, "missions", mission)["id"] == mission
    assert records.trash_entries(ctx.db) == []


def test_typing_in_a_list_filter_and_sorting_by_a_header(qtbot: Any, ctx: Any) -> None:
    main = window(qtbot, ctx)
    qtbot.keyClick(main, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)  # Transactions
    page = main.pages["transactions"]
    assert page.search.hasFocus()  # typing right after Ctrl+7 filters the list
    qtbot.keyClicks(page.search, "billets")
    qtbot.waitUntil(lambda: page.model.total == records.count(ctx.db, "transactions",
                                                              search="billets"))
    assert 0 < page.model.total < records.count(ctx.db, "transactions")
    header = page.view.horizontalHeader()
    column = next(i for i, c in enumerate(page.model.columns) if c.key == "amount_eur")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().topLeft() + type(header.rect().topLeft())(
                         header.sectionViewportPosition(column) + 10, 5))
    amounts = [page.model.row_values(r)["amount_eur"] for r in range(page.model.rowCount())]
    assert amounts in (sorted(amounts), sorted(amounts, reverse=True))
    assert len(set(amounts)) > 1


def button_named(widget: Any, text: str) -> Any:
    from PySide6.QtWidgets import QPushButton

    return next(b for b in widget.findChildren(QPushButton) if b.text() == text)


def test_plan_a_mission_with_participants_from_the_partnership_page(qtbot: Any,
                                                                   ctx: Any) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core import missions
    from tests.ui.test_forms import type_into
    from ui.forms import RecordDialog

    main = window(qtbot, ctx)
    pid = records.list_records(ctx.db, "partnerships", search="Tarija")[0]["id"]
    main.open_record("partnerships", pid)
    page = main.pages["partnership"]

    def fill_the_form() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RecordDialog):
            QTimer.singleShot(20, fill_the_form)
            return
        type_into(qtbot, dialog, "title", "Mission eau potable 2027")
        type_into(qtbot, dialog, "start_date", "8/3/2027")
        type_into(qtbot, dialog, "end_date", "19/3/2027")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_the_form)
    qtbot.mouseClick(button_named(page, "New &mission"), Qt.MouseButton.LeftButton)
    [planned] = records.list_records(ctx.db, "missions", search="eau potable 2027")
    assert (planned["partnership_id"], planned["start_date"]) == (pid, "2027-03-08")

    main.open_record("missions", planned["id"])
    mission_page = main.pages["mission"]
    add = button_named(mission_page, "&Add a participant…")
    mission_page.scroll_area.ensureWidgetVisible(add)
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    dialog = QApplication.activeModalWidget()
    qtbot.keyClicks(dialog.contact.lineEdit(), "Technicien du service des eaux")
    dialog.category.setCurrentIndex(dialog.category.findData("staff"))
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    [person] = missions.participants(ctx.db, planned["id"])
    assert (person["name"], person["category"]) == ("Technicien du service des eaux", "staff")


def test_export_what_the_list_shows(qtbot: Any, ctx: Any, tmp_path: Any, monkeypatch: Any) -> None:
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    from ui.worker import wait_for_jobs

    # The button asks where to save; the name typed without .xlsx gets it added.
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *_args: (str(tmp_path / "billets"), ""))

    main = window(qtbot, ctx)
    qtbot.keyClick(main, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    page = main.pages["transactions"]
    qtbot.keyClicks(page.search, "billets")
    qtbot.waitUntil(lambda: page.model.total == records.count(ctx.db, "transactions",
                                                              search="billets"))
    out = tmp_path / "billets.xlsx"
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    wait_for_jobs()
    qtbot.waitUntil(out.exists)
    rows = list(load_workbook(out, read_only=True).worksheets[0].iter_rows(values_only=True))
    body = [r for r in rows[1:] if r[0] is not None and not str(r[0]).startswith("Total")]
    assert len(body) == page.model.total
