"""The trash page: what was deleted comes back, or goes for good only when confirmed."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from core import records
from core.errors import NotFound
from core.i18n import _
from ui.trash_page import TrashModel, TrashPage, affected_tables

LEFT = Qt.MouseButton.LeftButton
YES, NO = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Answer every confirmation with ``button``; returns the questions asked."""
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda _parent, _title, text, *args: asked.append(text) or button
    )
    return asked


def open_page(ctx: Any, qtbot: Any) -> TrashPage:
    page = TrashPage(ctx)
    qtbot.addWidget(page)
    page.show()
    return page


def delete(ctx: Any, qtbot: Any, page: TrashPage, table: str, record_id: int) -> None:
    """Delete as a list page does, and wait for the trash to show it."""
    before = page.model.rowCount()
    records.delete(ctx.db, table, record_id)
    ctx.changed(table)
    qtbot.waitUntil(lambda: page.model.rowCount() == before + 1)


def select(page: TrashPage, label: str) -> None:
    row = next(i for i, e in enumerate(page.model.entries) if e["label"] == label)
    page.view.selectRow(row)


def test_empty_trash_shows_its_empty_state(ctx, qtbot) -> None:
    page = open_page(ctx, qtbot)
    assert page.stack.currentWidget() is page.empty
    assert page.empty.text() == _("The trash is empty.")
    assert not page.restore_button.isEnabled() and not page.empty_button.isEnabled()


def test_model_describes_an_entry(ctx, qtbot) -> None:
    records.delete(ctx.db, "partnerships", 1)
    model = TrashModel(ctx)
    model.reload()
    assert model.rowCount() == 1 and model.columnCount() == 4
    texts = [model.index(0, c).data() for c in range(4)]
    assert texts[TrashModel.COL_KIND] == _("Partnership")
    assert texts[TrashModel.COL_LABEL] == "Anderlecht – Marsassoum"
    linked = records.trash_entries(ctx.db)[0]["record_count"] - 1
    assert texts[TrashModel.COL_LINKED].split()[0] == str(linked) and linked > 10
    assert texts[TrashModel.COL_DELETED]  # a date and a time


def test_restore_brings_a_partnership_back_with_its_missions(ctx, qtbot) -> None:
    missions = records.count(ctx.db, "missions")
    page = open_page(ctx, qtbot)
    delete(ctx, qtbot, page, "partnerships", 1)
    assert page.stack.currentWidget() is page.view
    assert records.count(ctx.db, "missions") < missions
    select(page, "Anderlecht – Marsassoum")
    qtbot.mouseClick(page.restore_button, LEFT)
    assert records.get(ctx.db, "partnerships", 1)["name"] == "Anderlecht – Marsassoum"
    assert records.count(ctx.db, "missions") == missions
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)


def test_restore_refused_while_the_parent_is_in_the_trash(ctx, qtbot, monkeypatch) -> None:
    project = records.list_records(ctx.db, "projects", filters={"partnership_id": 1})[0]
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *args: warned.append(text)
    )
    page = open_page(ctx, qtbot)
    delete(ctx, qtbot, page, "projects", project["id"])
    delete(ctx, qtbot, page, "partnerships", 1)
    select(page, project["title"])
    qtbot.mouseClick(page.restore_button, LEFT)
    assert len(warned) == 1 and "Anderlecht – Marsassoum" in warned[0]
    with pytest.raises(NotFound):
        records.get(ctx.db, "projects", project["id"])
    assert page.model.rowCount() == 2


def test_delete_permanently_asks_first(ctx, qtbot, monkeypatch) -> None:
    page = open_page(ctx, qtbot)
    delete(ctx, qtbot, page, "partnerships", 2)
    select(page, "Anderlecht – Zagora")
    asked = answer(monkeypatch, NO)
    qtbot.mouseClick(page.purge_button, LEFT)
    assert len(asked) == 1 and "Anderlecht – Zagora" in asked[0]
    assert records.get(ctx.db, "partnerships", 2, deleted=True)

    answer(monkeypatch, YES)
    qtbot.mouseClick(page.purge_button, LEFT)
    with pytest.raises(NotFound):
        records.get(ctx.db, "partnerships", 2, deleted=True)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)


def test_empty_the_trash(ctx, qtbot, monkeypatch) -> None:
    page = open_page(ctx, qtbot)
    contact = next(c for c in records.list_records(ctx.db, "contacts") if c["organisation_id"] != 1)
    delete(ctx, qtbot, page, "organisations", 1)
    delete(ctx, qtbot, page, "contacts", contact["id"])
    asked = answer(monkeypatch, YES)
    qtbot.mouseClick(page.empty_button, LEFT)
    assert "2" in asked[0]
    assert records.trash_entries(ctx.db) == []
    for table, record_id in (("organisations", 1), ("contacts", contact["id"])):
        with pytest.raises(NotFound):
            records.get(ctx.db, table, record_id, deleted=True)
    qtbot.waitUntil(lambda: page.stack.currentWidget() is page.empty)


def test_affected_tables_follow_the_links() -> None:
    tables = affected_tables("partnerships")
    assert tables[0] == "partnerships"
    assert {"projects", "missions", "mission_participants", "transactions"} <= set(tables)
    assert affected_tables("deadlines") == ["deadlines"]
