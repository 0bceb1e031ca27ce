"""The record forms as a user drives them: typing, picking, saving, mistakes, second thoughts.

Each test types and clicks into a real dialog on the demo database and then
reads the result back through ``core.records``, never through the widgets.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QMessageBox, QWidget

from core import records
from core.errors import NotFound
from ui.forms import RecordDialog, confirm_delete, edit_record

pytestmark = pytest.mark.usefixtures("ctx")

SPACES = str.maketrans({"\u00a0": " ", "\u202f": " "})


def plain(text: str) -> str:
    """Babel's French output with its no-break spaces made ordinary."""
    return text.translate(SPACES)


def open_dialog(
    qtbot: Any,
    ctx: Any,
    table: str,
    record_id: int | None = None,
    defaults: dict[str, Any] | None = None,
) -> RecordDialog:
    dialog = RecordDialog(ctx, table, record_id, defaults)
    # At teardown qtbot closes it: an unsaved dialog would then ask, with nobody to answer.
    qtbot.addWidget(dialog, before_close_func=lambda w: setattr(w, "dirty", False))
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def editor(dialog: RecordDialog, name: str) -> Any:
    """The editor of field ``name`` (Any: each kind has its own parts)."""
    return dialog.rows[name].editor


def widget(dialog: RecordDialog, name: str) -> QWidget:
    """The widget a user types into for field ``name``."""
    proxy = dialog.rows[name].editor.focusProxy()
    assert proxy is not None
    return proxy


def type_text(qtbot: Any, target: QWidget, text: str) -> None:
    """Key presses as a keyboard sends them; QTest only knows ASCII, so "é" is sent by hand."""
    for char in text:
        if char.isascii():
            qtbot.keyClick(target, char)
            continue
        code = ord(char.upper()) if ord(char.upper()) < 256 else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, code, Qt.KeyboardModifier.NoModifier, char)
            )


def type_into(qtbot: Any, dialog: RecordDialog, name: str, text: str) -> None:
    target = widget(dialog, name)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    type_text(qtbot, target, text)


def answer_message_box(button_text: str, seen: list[str]) -> None:
    """When the next message box shows, record its text and click the button named so."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, click)
            return
        seen.append(f"{box.text()} {box.informativeText()}")
        for button in box.buttons():
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.buttons()]}")

    QTimer.singleShot(0, click)


def pick_from_popup(qtbot: Any, dialog: RecordDialog, name: str, typed: str, choice: str) -> None:
    """Type part of a name into a searchable list, then click the entry in the pop-up."""
    type_into(qtbot, dialog, name, typed)
    popup = editor(dialog, name).combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    model = popup.model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    [index] = [i for i in rows if i.data() == choice]
    qtbot.mouseClick(
        popup.viewport(), Qt.MouseButton.LeftButton, pos=popup.visualRect(index).center()
    )


def tick_sdg(qtbot: Any, dialog: RecordDialog, number: int) -> None:
    sdgs = editor(dialog, "sdgs").list
    item = sdgs.item(number - 1)
    sdgs.scrollToItem(item)
    qtbot.mouseClick(
        sdgs.viewport(), Qt.MouseButton.LeftButton, pos=sdgs.visualItemRect(item).center()
    )
    qtbot.keyClick(sdgs, Qt.Key.Key_Space)


def saved_id(dialog: RecordDialog) -> int:
    assert dialog.saved_id is not None, "the dialog did not save"
    return dialog.saved_id


def save(qtbot: Any, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_create_a_partnership_by_typing_and_picking(qtbot: Any, ctx: Any, french: None) -> None:
    dialog = open_dialog(qtbot, ctx, "partnerships")
    assert dialog.windowTitle()
    type_into(qtbot, dialog, "name", "Anderlecht – Tambacounda")
    pick_from_popup(qtbot, dialog, "country", "Sén", "Sénégal")
    qtbot.keyClicks(widget(dialog, "status"), "Explo")
    tick_sdg(qtbot, dialog, 6)
    type_into(qtbot, dialog, "start_date", "6/3/2023")
    save(qtbot, dialog)

    assert not dialog.isVisible()
    saved = records.get(ctx.db, "partnerships", saved_id(dialog))
    assert saved["name"] == "Anderlecht – Tambacounda"
    assert saved["country"] == "SN"
    assert saved["status"] == "exploratory"
    assert saved["sdgs"] == [6]
    assert saved["start_date"] == "2023-03-06"


def test_country_search_ignores_case_and_accents(qtbot: Any, ctx: Any, french: None) -> None:
    dialog = open_dialog(qtbot, ctx, "organisations")
    type_into(qtbot, dialog, "country", "COTE D")
    popup = editor(dialog, "country").combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert "Côte d’Ivoire" in shown


def test_a_typed_country_name_is_understood_without_the_list(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "organisations")
    type_into(qtbot, dialog, "name", "Mairie de Safi")
    type_into(qtbot, dialog, "country", "Royaume du Maroc")
    save(qtbot, dialog)
    assert records.get(ctx.db, "organisations", saved_id(dialog))["country"] == "MA"


def test_an_expense_in_cfa_francs_shows_and_keeps_its_euro_value(
    qtbot: Any, ctx: Any, french: None
) -> None:
    dialog = open_dialog(qtbot, ctx, "transactions", defaults={"partnership_id": 1})
    type_into(qtbot, dialog, "label", "Semences pour le maraîchage")
    type_into(qtbot, dialog, "amount", "1 250 000")
    money_editor = editor(dialog, "amount")
    qtbot.keyClicks(money_editor.currency, "XOF")
    assert money_editor.currency.code() == "XOF"
    assert not money_editor.rate.isVisible()  # a fixed parity needs no rate
    assert "1 905,61 €" in plain(money_editor.eur.text())
    save(qtbot, dialog)

    saved = records.get(ctx.db, "transactions", saved_id(dialog))
    assert (saved["amount"], saved["currency"]) == (Decimal("1250000.00"), "XOF")
    assert saved["amount_eur"] == Decimal("1905.61")
    assert saved["partnership_id"] == 1
    assert saved["kind"] == "expense"


def test_a_currency_without_parity_asks_for_its_rate(qtbot: Any, ctx: Any, french: None) -> None:
    dialog = open_dialog(qtbot, ctx, "transactions", defaults={"partnership_id": 3})
    type_into(qtbot, dialog, "label", "Taxi Tarija")
    type_into(qtbot, dialog, "amount", "1.250,50 Bs")
    qtbot.keyClick(widget(dialog, "amount"), Qt.Key.Key_Tab)  # the typed currency is taken
    money_editor = editor(dialog, "amount")
    assert money_editor.currency.code() == "BOB"
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.rows["rate"].error.isVisible()

    qtbot.keyClicks(money_editor.rate, "10,85")
    assert "115,25 €" in plain(money_editor.eur.text())
    save(qtbot, dialog)
    saved = records.get(ctx.db, "transactions", saved_id(dialog))
    assert (saved["amount"], saved["rate"], saved["amount_eur"]) == (
        Decimal("1250.50"),
        Decimal("10.85"),
        Decimal("115.25"),
    )


def test_end_before_start_is_shown_beside_the_field_and_nothing_saved(qtbot: Any, ctx: Any) -> None:
    before = records.count(ctx.db, "missions")
    dialog = open_dialog(qtbot, ctx, "missions", defaults={"partnership_id": 1})
    type_into(qtbot, dialog, "title", "Mission de suivi")
    type_into(qtbot, dialog, "start_date", "6 mars 2023")
    type_into(qtbot, dialog, "end_date", "1/3/2023")
    save(qtbot, dialog)

    error = dialog.rows["end_date"].error
    assert dialog.isVisible()
    assert error.isVisible() and "cannot come before" in error.text()
    assert error.parent() is dialog.rows["end_date"].box  # under the End field, not elsewhere
    assert not dialog.rows["start_date"].error.isVisible()
    assert records.count(ctx.db, "missions") == before


def test_unreadable_date_and_amount_are_shown_beside_their_fields(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "transactions", defaults={"partnership_id": 1})
    editor(dialog, "date").set_value(None)
    type_into(qtbot, dialog, "date", "31/02/2024")
    type_into(qtbot, dialog, "label", "Billets")
    type_into(qtbot, dialog, "amount", "douze")
    before = records.count(ctx.db, "transactions")
    save(qtbot, dialog)
    assert "calendar" in dialog.rows["date"].error.text()
    assert "not an amount" in dialog.rows["amount"].error.text()
    assert records.count(ctx.db, "transactions") == before


def test_escape_with_changes_asks_before_discarding(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "organisations")
    type_into(qtbot, dialog, "name", "Association à ne pas garder")
    seen: list[str] = []

    answer_message_box("Keep editing", seen)
    qtbot.keyClick(widget(dialog, "name"), Qt.Key.Key_Escape)
    assert dialog.isVisible() and seen == ["Discard the changes? "]

    answer_message_box("Discard", seen)
    qtbot.keyClick(widget(dialog, "name"), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and len(seen) == 2
    assert dialog.saved_id is None
    assert records.count(ctx.db, "organisations", search="garder") == 0


def test_escape_without_changes_closes_at_once(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "missions", record_id=1)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_edit_record_saves_on_enter_and_announces_the_change(qtbot: Any, ctx: Any) -> None:
    announced: list[str] = []
    ctx.events.data_changed.connect(announced.append)

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RecordDialog)
        name = widget(dialog, "name")
        qtbot.keyClick(name, Qt.Key.Key_End)  # the name is selected when the dialog opens
        type_text(qtbot, name, " (bis)")
        qtbot.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill)
    assert edit_record(None, ctx, "organisations", 1) == 1
    assert records.get(ctx.db, "organisations", 1)["name"].endswith(" (bis)")
    assert announced == ["organisations"]


def test_editing_without_touching_money_keeps_it_exactly(qtbot: Any, ctx: Any) -> None:
    [row] = records.list_records(ctx.db, "transactions", filters={"currency": "MAD"}, limit=1)
    dialog = open_dialog(qtbot, ctx, "transactions", record_id=row["id"])
    type_into(qtbot, dialog, "reference", "-2")
    save(qtbot, dialog)
    after = records.get(ctx.db, "transactions", row["id"])
    assert "-2" in after["reference"] and after["reference"] != row["reference"]  # saved
    assert [after[k] for k in ("amount", "currency", "rate", "amount_eur")] == [
        row[k] for k in ("amount", "currency", "rate", "amount_eur")
    ]


def test_projects_offered_are_those_of_the_chosen_partnership(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "missions", defaults={"partnership_id": 3})
    combo = editor(dialog, "project_id").combo
    offered = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i)]
    expected = records.list_records(ctx.db, "projects", filters={"partnership_id": 3})
    assert offered and sorted(offered) == sorted(p["id"] for p in expected)


def test_income_offers_income_categories(qtbot: Any, ctx: Any) -> None:
    dialog = open_dialog(qtbot, ctx, "budget_lines", defaults={"partnership_id": 1})
    qtbot.keyClicks(widget(dialog, "kind"), "Inc")
    combo = editor(dialog, "category").combo
    keys = {combo.itemData(i) for i in range(combo.count())}
    assert "grant" in keys and "travel" not in keys


def test_delete_says_what_goes_along_and_can_be_undone(qtbot: Any, ctx: Any) -> None:
    mission_id = 1
    impact = records.delete_impact(ctx.db, "missions", mission_id)
    notes: list[tuple[str, Callable[[], None]]] = []
    announced: list[str] = []
    ctx.events.data_changed.connect(announced.append)
    ctx.events.notify.connect(lambda message, undo: notes.append((message, undo)))
    seen: list[str] = []

    answer_message_box("Move to the trash", seen)
    trash_id = confirm_delete(None, ctx, "missions", mission_id)
    assert trash_id is not None
    assert set(announced) == {*impact, "trash"}
    assert f"{impact['mission_participants']} participants" in seen[0]
    with pytest.raises(NotFound):
        records.get(ctx.db, "missions", mission_id)

    [(message, undo)] = notes
    assert "trash" in message
    undo()
    assert records.get(ctx.db, "missions", mission_id)["id"] == mission_id


def test_cancelled_delete_changes_nothing(qtbot: Any, ctx: Any) -> None:
    answer_message_box("Cancel", [])
    assert confirm_delete(None, ctx, "partnerships", 1) is None
    assert records.get(ctx.db, "partnerships", 1)


def test_calendar_button_fills_the_date(qtbot: Any, ctx: Any, french: None) -> None:
    dialog = open_dialog(qtbot, ctx, "deadlines")
    date_editor = editor(dialog, "due_date")
    qtbot.mouseClick(date_editor.button, Qt.MouseButton.LeftButton)
    assert date_editor.popup is not None
    days = date_editor.popup.calendar.findChild(QAbstractItemView)
    qtbot.keyClick(days, Qt.Key.Key_Return)  # today, as the calendar opens on it
    assert date_editor.value() == ctx.today.isoformat()
    assert date_editor.edit.text() == "23 nov. 2026"
