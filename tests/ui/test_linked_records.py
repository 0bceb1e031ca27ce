"""Linked records made where one is: a partner authority typed in the partnership form.

From an empty file, the first partnership needs an organisation that does
not exist yet. Typing its name and pressing Enter opens a small form for
it, filled with the name, "partner authority" and the partnership's
country; Enter there makes both. A name that the list shows as its only
match is taken as that entry.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from core import records
from ui.forms import RecordDialog


def open_form(qtbot: Any, ctx: Any, table: str, defaults: dict[str, Any] | None = None
              ) -> RecordDialog:
    dialog = RecordDialog(ctx, table, None, defaults)
    qtbot.addWidget(dialog, before_close_func=lambda w: setattr(w, "dirty", False))
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def type_in(qtbot: Any, dialog: RecordDialog, name: str, text: str) -> None:
    target = dialog.rows[name].editor.focusProxy()
    target.setFocus()
    qtbot.keyClicks(target.lineEdit() if hasattr(target, "lineEdit") else target, text)


def when_a_new_form_opens(first: RecordDialog, act: Any, seen: list[RecordDialog]) -> None:
    """Once a second form shows over ``first``, hand it to ``act`` (it runs modally)."""

    def look() -> None:
        top = QApplication.activeModalWidget()
        if not isinstance(top, RecordDialog) or top is first:
            QTimer.singleShot(20, look)
            return
        seen.append(top)
        act(top)

    QTimer.singleShot(0, look)


def test_a_partner_authority_that_does_not_exist_is_made_from_the_partnership_form(
    qtbot: Any, empty_ctx: Any
) -> None:
    dialog = open_form(qtbot, empty_ctx, "partnerships")
    type_in(qtbot, dialog, "name", "Anderlecht - Kayes")
    type_in(qtbot, dialog, "country", "Mali")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    type_in(qtbot, dialog, "partner_organisation_id", "Kayes")
    seen: list[RecordDialog] = []
    prefilled: dict[str, Any] = {}

    def accept(small: RecordDialog) -> None:
        prefilled.update({n: small.rows[n].editor.value() for n in ("name", "kind", "country")})
        prefilled["fields"] = set(small.rows)
        qtbot.keyClick(small.focusWidget(), Qt.Key.Key_Return)

    when_a_new_form_opens(dialog, accept, seen)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    assert seen, "no form offered to create the partner authority"
    assert prefilled["name"] == "Kayes" and prefilled["kind"] == "partner_authority"
    assert prefilled["country"] == "ML"
    assert "notes" not in prefilled["fields"]  # a small form: what it needs, no more
    [organisation] = records.list_records(empty_ctx.db, "organisations")
    [partnership] = records.list_records(empty_ctx.db, "partnerships")
    assert (organisation["name"], organisation["kind"], organisation["country"]) == (
        "Kayes", "partner_authority", "ML")
    assert partnership["name"] == "Anderlecht - Kayes"
    assert partnership["partner_organisation_id"] == organisation["id"]
    assert dialog.saved_id == partnership["id"]


def test_cancelling_the_small_form_keeps_the_first_one_open(qtbot: Any, empty_ctx: Any) -> None:
    dialog = open_form(qtbot, empty_ctx, "partnerships")
    type_in(qtbot, dialog, "name", "Anderlecht - Kayes")
    type_in(qtbot, dialog, "partner_organisation_id", "Kayes")
    seen: list[RecordDialog] = []
    when_a_new_form_opens(dialog, lambda small: small.reject(), seen)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    assert seen and dialog.isVisible() and dialog.saved_id is None
    assert dialog.rows["partner_organisation_id"].error.isVisible()
    assert records.list_records(empty_ctx.db, "partnerships") == []


def test_the_only_entry_the_list_shows_is_taken(qtbot: Any, ctx: Any) -> None:
    dialog = open_form(qtbot, ctx, "partnerships")
    type_in(qtbot, dialog, "name", "Anderlecht - Lalo bis")
    type_in(qtbot, dialog, "partner_organisation_id", "lalo")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    saved = records.get(ctx.db, "partnerships", dialog.saved_id)
    lalo = records.get(ctx.db, "organisations", saved["partner_organisation_id"])
    assert lalo["name"] == "Commune de Lalo"


def test_a_contact_typed_as_organisation_of_a_contact_or_partnership_of_a_mission(
    qtbot: Any, empty_ctx: Any
) -> None:
    dialog = open_form(qtbot, empty_ctx, "missions")
    type_in(qtbot, dialog, "title", "Premiere visite")
    type_in(qtbot, dialog, "partnership_id", "Anderlecht - Kayes")
    seen: list[RecordDialog] = []
    when_a_new_form_opens(
        dialog, lambda small: qtbot.keyClick(small.focusWidget(), Qt.Key.Key_Return), seen)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    [partnership] = records.list_records(empty_ctx.db, "partnerships")
    [mission] = records.list_records(empty_ctx.db, "missions")
    assert partnership["name"] == "Anderlecht - Kayes"
    assert mission["partnership_id"] == partnership["id"]


def test_the_new_button_beside_a_link_makes_one_with_what_was_typed(
    qtbot: Any, empty_ctx: Any
) -> None:
    dialog = open_form(qtbot, empty_ctx, "contacts")
    type_in(qtbot, dialog, "organisation_id", "Mairie de Kayes")
    seen: list[RecordDialog] = []
    when_a_new_form_opens(
        dialog, lambda small: qtbot.keyClick(small.focusWidget(), Qt.Key.Key_Return), seen)
    qtbot.mouseClick(dialog.rows["organisation_id"].editor.new_button, Qt.MouseButton.LeftButton)

    [organisation] = records.list_records(empty_ctx.db, "organisations")
    assert organisation["name"] == "Mairie de Kayes"
    assert dialog.rows["organisation_id"].editor.value() == organisation["id"]


def test_the_new_partners_country_becomes_the_partnerships_when_left_empty(
    qtbot: Any, empty_ctx: Any
) -> None:
    dialog = open_form(qtbot, empty_ctx, "partnerships")
    type_in(qtbot, dialog, "name", "Anderlecht - Kayes")
    type_in(qtbot, dialog, "partner_organisation_id", "Kayes")
    seen: list[RecordDialog] = []

    def give_a_country(small: RecordDialog) -> None:
        type_in(qtbot, small, "country", "Mali")
        qtbot.keyClick(small.focusWidget(), Qt.Key.Key_Tab)
        qtbot.mouseClick(small.save_button, Qt.MouseButton.LeftButton)

    when_a_new_form_opens(dialog, give_a_country, seen)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)

    [partnership] = records.list_records(empty_ctx.db, "partnerships")
    assert partnership["country"] == "ML"
