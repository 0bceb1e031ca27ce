"""Every form of every kind, saved empty and with each field at its limit: never a traceback.

A new officer's first Ctrl+N, Enter must say which field is needed, beside
it, and write nothing; text past a field's limit is refused the same way.
Any exception that escapes a slot fails the test (pytest-qt captures them,
and a ``sys.excepthook`` is watched as well).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit

from core import records
from core.spec import SPECS, max_length
from ui.forms import RecordDialog
from ui.forms.combos import RefEdit
from ui.forms.dates import DateEdit
from ui.forms.money_edit import MoneyEdit
from ui.forms.widgets import NotesEdit, TextEdit

# Every kind a person opens a form for (the link tables have their own small dialogs).
FORMS = ("organisations", "contacts", "partnerships", "projects", "missions", "budget_lines",
         "transactions", "deadlines", "journal_entries")


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch) -> list[BaseException]:
    seen: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, error, _tb: seen.append(error))
    return seen


def open_form(qtbot: Any, ctx: Any, table: str) -> RecordDialog:
    dialog = RecordDialog(ctx, table)
    qtbot.addWidget(dialog, before_close_func=lambda w: setattr(w, "dirty", False))
    with qtbot.waitActive(dialog):
        dialog.show()
        dialog.activateWindow()
    return dialog


def counts(ctx: Any) -> dict[str, int]:
    return {t: ctx.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in SPECS}


def shown_errors(dialog: RecordDialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel)
            if label.isVisible() and label.styleSheet() and label.text()]


@pytest.mark.parametrize("table", FORMS)
def test_an_empty_form_says_what_is_needed_and_writes_nothing(
    qtbot: Any, ctx: Any, table: str, hooked: list[BaseException]
) -> None:
    before = counts(ctx)
    dialog = open_form(qtbot, ctx, table)
    for row in dialog.rows.values():  # what the form starts with, emptied
        for widget in row.editor.findChildren(QLineEdit):
            widget.clear()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    assert dialog.isVisible() and dialog.saved_id is None
    beside = [row.error.text() for row in dialog.rows.values() if row.error.isVisible()]
    assert beside, f"{table}: an empty form said nothing beside a field"
    assert not dialog.general.isVisible(), dialog.general.text()  # no unforeseen error
    assert counts(ctx) == before
    assert hooked == []


def test_a_contact_without_any_name_is_shown_beside_the_name(qtbot: Any, ctx: Any) -> None:
    dialog = open_form(qtbot, ctx, "contacts")
    dialog.rows["email"].editor.set_value("a@example.org")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.rows["last_name"].error.isVisible()
    assert dialog.focusWidget() is dialog.rows["last_name"].editor.focusProxy()
    assert "*" in dialog.form.layout().labelForField(dialog.rows["last_name"].box).text()


@pytest.mark.parametrize("table", FORMS)
def test_each_text_at_its_limit_is_kept_and_past_it_refused(
    qtbot: Any, ctx: Any, table: str, hooked: list[BaseException]
) -> None:
    dialog = open_form(qtbot, ctx, table)
    for row in {id(r.editor): r for r in dialog.rows.values()}.values():
        editor = row.editor
        if isinstance(editor, RefEdit) and editor.field.required:  # so that texts are checked
            editor.set_value(editor.choices[0][1]["id"])
        elif isinstance(editor, MoneyEdit):
            editor.amount.setText("12")
        elif isinstance(editor, DateEdit) and editor.field.required:
            editor.set_value("2026-11-23")
        elif isinstance(editor, TextEdit):
            limit = max_length(editor.field)
            editor.edit.setText("é" * (limit + 50))  # a paste that is too long
            assert len(editor.value()) == limit
        elif isinstance(editor, NotesEdit):
            limit = max_length(editor.field)
            editor.edit.setPlainText("n" * (limit + 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert hooked == []
    notes = [r for r in dialog.rows.values() if isinstance(r.editor, NotesEdit)]
    if notes:
        assert dialog.saved_id is None, shown_errors(dialog)
        assert any(r.error.isVisible() for r in notes), shown_errors(dialog)
        for row in notes:
            edit = row.editor.findChild(QPlainTextEdit)
            edit.setPlainText("n" * max_length(row.editor.field))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert hooked == []
    assert not any("characters" in text for text in shown_errors(dialog))


@pytest.mark.parametrize("table", ["transactions", "budget_lines"])
def test_an_amount_too_large_for_the_file_is_refused_beside_it(
    qtbot: Any, ctx: Any, table: str, hooked: list[BaseException]
) -> None:
    before = counts(ctx)
    partnership = records.list_records(ctx.db, "partnerships")[0]["id"]
    dialog = RecordDialog(ctx, table, None, {"partnership_id": partnership})
    qtbot.addWidget(dialog, before_close_func=lambda w: setattr(w, "dirty", False))
    dialog.show()
    for name in ("label", "title"):
        if name in dialog.rows:
            dialog.rows[name].editor.set_value("Billets")
    dialog.rows["amount"].editor.amount.setText("9" * 40)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.rows["amount"].error.isVisible()
    assert counts(ctx) == before and hooked == []


def test_a_corrected_field_loses_its_error(qtbot: Any, ctx: Any) -> None:
    dialog = open_form(qtbot, ctx, "transactions")
    amount = dialog.rows["amount"].editor.amount
    amount.setText("douze")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.rows["amount"].error.isVisible()
    amount.selectAll()
    qtbot.keyClicks(amount, "12")
    assert not dialog.rows["amount"].error.isVisible()


def test_an_unforeseen_error_is_one_sentence_with_the_log(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3


    def broken(*_args: Any) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(records, "create", broken)
    dialog = open_form(qtbot, ctx, "organisations")
    dialog.rows["name"].editor.set_value("Commune de Kayes")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert dialog.isVisible() and dialog.saved_id is None  # what was typed is not lost
    text = dialog.general.text()
    assert "disk I/O error" in text and "\n" not in text
    log = Path(re.search(r"(/\S+)\.$", text).group(1))  # the one sentence names the log
    assert "OperationalError" in log.read_text(encoding="utf-8")
    from PySide6.QtWidgets import QApplication, QMessageBox

    for box in QApplication.topLevelWidgets():  # the person reads it and clicks OK
        if isinstance(box, QMessageBox) and box.isVisible():
            box.done(QMessageBox.StandardButton.Ok)
