"""Undoing an import: the button says which import, the bar then says what went.

«Rétablir» (French for Redo) on a bar that silently removed an import was
what a new officer met; now the button reads «Annuler l'import de 2
contacts» and, once clicked, the bar says the 2 contacts were removed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from core import i18n, records
from core.excel import apply, importer
from ui.import_undo import undo_action
from ui.notification import NotificationBar


def imported_contacts(ctx: Any, tmp_path: Path) -> int:
    sheet = tmp_path / "contacts.csv"
    sheet.write_text("Prénom;Nom;Fonction\nAwa;Diatta;Maire\nJan;Peeters;Schepen\n",
                     encoding="utf-8")
    return apply.apply(ctx.db, importer.prepare(ctx.db, "contacts", sheet))


def test_the_undo_button_names_the_import_and_the_bar_says_what_went(
    qtbot: Any, empty_ctx: Any, tmp_path: Path, french: None
) -> None:
    batch = imported_contacts(empty_ctx, tmp_path)
    assert records.count(empty_ctx.db, "contacts") == 2
    bar = NotificationBar()
    qtbot.addWidget(bar)
    empty_ctx.events.notify.connect(bar.show_message)

    bar.show_message("Importé depuis contacts.csv.", undo_action(empty_ctx, batch))
    assert bar.undo_button.text() == "Annuler l'import de 2 contacts"
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)

    assert records.count(empty_ctx.db, "contacts") == 0
    assert bar.isVisible() and "2 contacts" in bar.label.text()
    assert "contacts.csv" in bar.label.text() and not bar.undo_button.isVisible()


def test_ctrl_z_runs_the_named_undo_too(qtbot: Any, empty_ctx: Any, tmp_path: Path) -> None:
    batch = imported_contacts(empty_ctx, tmp_path)
    bar = NotificationBar()
    qtbot.addWidget(bar)
    bar.show_message("Imported", undo_action(empty_ctx, batch))
    assert bar.undo_button.text() == "Undo the import of 2 contacts"
    bar.undo()  # what Ctrl+Z calls
    assert records.count(empty_ctx.db, "contacts") == 0


def test_undo_is_not_called_redo_in_french() -> None:
    i18n.set_language("fr")
    try:
        assert i18n._("&Undo").replace("&", "") == "Annuler"
    finally:
        i18n.set_language("en")


def test_the_imports_dialog_undoes_the_newest_import_without_a_row_picked_first(
    qtbot: Any, empty_ctx: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    """File › Imports… then «Undo this import…» at once: the dialog opened with no row
    selected and the button did nothing at all; now the newest import is the one chosen."""
    from PySide6.QtWidgets import QMessageBox

    from ui.imports_dialog import ImportsDialog

    imported_contacts(empty_ctx, tmp_path)
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *a: (
        asked.append(text) or QMessageBox.StandardButton.Yes))
    dialog = ImportsDialog(empty_ctx)
    qtbot.addWidget(dialog)
    dialog.show()

    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)

    assert asked and "2 contacts" in asked[0]
    assert records.count(empty_ctx.db, "contacts") == 0
    assert not dialog.undo_button.isEnabled()  # that import is undone: nothing left to undo
