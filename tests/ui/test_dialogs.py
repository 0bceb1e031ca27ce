"""A user's path through the welcome, the settings and the backups, as they click it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from core import backup, demo, i18n, records, settings
from core.errors import NotFound
from ui.backup_dialog import RestoreDialog, backup_if_due, backup_now
from ui.settings_dialog import SettingsDialog
from ui.welcome_dialog import WelcomeDialog, run_welcome
from ui.worker import wait_for_jobs

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def _language_restored() -> Iterator[None]:
    """The welcome switches the language as the user picks one; put it back."""
    before = i18n.current_language()
    yield
    i18n.set_language(before)


def in_dialog(qtbot: Any, act: Callable[[WelcomeDialog], None]) -> None:
    """Run ``act`` on the modal dialog once ``exec()`` has shown it."""

    def step() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, WelcomeDialog)
        act(dialog)

    QTimer.singleShot(0, step)


# --- welcome ----------------------------------------------------------------


def test_welcome_with_demo_fills_the_database_and_keeps_the_typed_name(empty_ctx, qtbot) -> None:
    def act(dialog: WelcomeDialog) -> None:
        qtbot.keyClicks(dialog.name, "Jette")
        dialog.country.set_code("BE")
        dialog.language.setCurrentIndex(dialog.language.findData("nl"))
        qtbot.mouseClick(dialog.demo_button, LEFT)

    in_dialog(qtbot, act)
    assert run_welcome(None, empty_ctx) is True
    stored = settings.stored_settings(empty_ctx.db)
    assert stored["municipality_name"] == "Jette"
    assert stored["municipality_country"] == "BE"
    assert stored["language"] == "nl"
    assert demo.record_count(empty_ctx.db) > 100
    assert i18n.current_language() == "nl"


def test_welcome_empty_choice_stores_settings_and_adds_nothing(empty_ctx, qtbot) -> None:
    def act(dialog: WelcomeDialog) -> None:
        qtbot.keyClicks(dialog.name, "  Saint-Omer ")
        dialog.country.set_code("FR")
        qtbot.mouseClick(dialog.empty_button, LEFT)

    in_dialog(qtbot, act)
    assert run_welcome(None, empty_ctx) is True
    assert settings.get(empty_ctx.db, "municipality_name") == "Saint-Omer"
    assert settings.get(empty_ctx.db, "municipality_country") == "FR"
    assert demo.record_count(empty_ctx.db) == 0


def test_welcome_needs_a_name_and_enter_does_not_choose(empty_ctx, qtbot) -> None:
    dialog = WelcomeDialog(empty_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.demo_button, LEFT)
    assert dialog.isVisible() and not dialog.error.isHidden()
    qtbot.keyClicks(dialog.name, "Herent")
    assert dialog.error.isHidden()
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter must not pick "empty" or "demo" for the user
    assert dialog.path.text() == str(empty_ctx.db_path) and dialog.path.isReadOnly()


def test_closing_the_welcome_returns_false(empty_ctx, qtbot) -> None:
    in_dialog(qtbot, lambda dialog: dialog.reject())
    assert run_welcome(None, empty_ctx) is False
    assert settings.stored_settings(empty_ctx.db) == {}


def test_welcome_country_list_puts_the_usual_countries_first(empty_ctx, qtbot, french) -> None:
    dialog = WelcomeDialog(empty_ctx)
    qtbot.addWidget(dialog)
    codes = [dialog.country.itemData(i) for i in range(dialog.country.count())]
    assert codes[:6] == list(settings.MUNICIPALITY_COUNTRIES)
    assert {"SN", "MA", "BO", "PS"} <= set(codes)
    assert dialog.country.currentText() == "Belgique"


# --- settings ---------------------------------------------------------------


def test_settings_round_trip(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(200, 100, QImage.Format.Format_RGB32)
    image.fill(QColor("#2060a0"))
    assert image.save(str(logo))
    folder = tmp_path / "backups-elsewhere"
    folder.mkdir()
    monkeypatch.setattr(
        "ui.settings_dialog.QFileDialog.getOpenFileName", lambda *args, **kwargs: (str(logo), "")
    )
    monkeypatch.setattr(
        "ui.settings_dialog.QFileDialog.getExistingDirectory", lambda *args, **kwargs: str(folder)
    )

    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "Herent")
    dialog.country.set_code("NL")
    dialog.language.set_code("en")
    qtbot.mouseClick(dialog.logo.choose, LEFT)
    assert dialog.logo.preview.pixmap() is not None and not dialog.logo.preview.pixmap().isNull()
    qtbot.mouseClick(dialog.folder_button, LEFT)
    dialog.keep["daily"].setValue(3)
    dialog.keep["monthly"].selectAll()
    qtbot.keyClicks(dialog.keep["monthly"], "24")
    buttons = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    assert settings.get(ctx.db, "municipality_name") == "Herent"
    assert settings.get(ctx.db, "municipality_country") == "NL"
    assert settings.get(ctx.db, "language") == "en"
    assert settings.get(ctx.db, "logo_path") == str(logo)
    assert settings.backup_dir(ctx.db, ctx.backup_dir) == folder
    assert settings.backup_keep(ctx.db) == {"daily": 3, "weekly": 4, "monthly": 24}

    again = SettingsDialog(ctx)
    qtbot.addWidget(again)
    assert again.name.text() == "Herent"
    assert again.country.code() == "NL" and again.language.code() == "en"
    assert again.logo.path == str(logo)
    assert again.backup_dir.text() == str(folder)
    assert again.keep["monthly"].value() == 24


def test_settings_default_backup_folder_is_not_stored(ctx, qtbot) -> None:
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.backup_dir.text() == str(ctx.backup_dir)
    dialog.reject()
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert settings.get(ctx.db, "backup_dir") == ""  # follows the file wherever it goes


# --- backups ----------------------------------------------------------------

NOW = datetime(2026, 11, 23, 23, 59, 58)  # two seconds before midnight, on purpose


class _FrozenClock(datetime):
    """``datetime.now()`` pinned, so "already done today" cannot straddle midnight."""

    @classmethod
    def now(cls, tz: Any = None) -> datetime:  # type: ignore[override]
        return NOW


@pytest.fixture
def frozen_now(monkeypatch: pytest.MonkeyPatch) -> datetime:
    import ui.backup_dialog

    monkeypatch.setattr(backup, "datetime", _FrozenClock)
    monkeypatch.setattr(ui.backup_dialog, "datetime", _FrozenClock)
    return NOW


def make_backup_now(ctx, qtbot) -> backup.Backup:
    made: list[backup.Backup] = []
    backup_now(None, ctx, made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=20000)
    return made[0]


def test_backup_now_makes_a_verified_backup_and_notes_when(ctx, qtbot, frozen_now) -> None:
    made = make_backup_now(ctx, qtbot)
    assert made.taken_at == frozen_now
    assert made.path.parent == ctx.backup_dir and made.path.is_file()
    assert backup.verify(made.path)["partnerships"] == 8
    assert datetime.fromisoformat(settings.get(ctx.db, "last_backup_at")) == made.taken_at
    assert backup_if_due(None, ctx) is False  # already done today


def test_backup_if_due_runs_quietly_once_a_day(ctx, qtbot, frozen_now) -> None:
    settings.put(ctx.db, "last_backup_at", "2020-01-01T08:00:00")
    made: list[backup.Backup] = []
    assert backup_if_due(None, ctx, made.append) is True
    qtbot.waitUntil(lambda: bool(made), timeout=20000)
    wait_for_jobs()
    assert [b.path for b in backup.list_backups(ctx.backup_dir)] == [made[0].path]
    assert backup_if_due(None, ctx) is False


def test_restore_brings_back_a_deleted_partnership_and_keeps_a_safety_copy(
    ctx, qtbot, monkeypatch
) -> None:
    make_backup_now(ctx, qtbot)
    records.delete(ctx.db, "partnerships", 1)
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _parent, _title, text, *args: asked.append(text) or QMessageBox.StandardButton.Yes,
    )
    monkeypatch.setattr(
        QMessageBox, "information", lambda _parent, _title, text, *args: told.append(text)
    )
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.model.rowCount() == 1 and dialog.selected() is not None
    with qtbot.waitSignal(ctx.events.data_changed, timeout=20000):
        qtbot.mouseClick(dialog.restore_button, LEFT)
    qtbot.waitUntil(lambda: bool(told), timeout=20000)
    assert records.get(ctx.db, "partnerships", 1)["name"] == "Anderlecht – Marsassoum"
    assert len(asked) == 1
    kept = backup.list_backups(ctx.backup_dir)
    assert len(kept) == 2 and dialog.model.rowCount() == 2
    safety = next(b for b in kept if b.path.name in told[0])
    assert backup.verify(safety.path)["partnerships"] == 8  # the deleted one is in there, trashed


def test_restore_declined_changes_nothing(ctx, qtbot, monkeypatch) -> None:
    make_backup_now(ctx, qtbot)
    records.delete(ctx.db, "partnerships", 2)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.No)
    dialog = RestoreDialog(ctx)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    wait_for_jobs()
    with pytest.raises(NotFound):
        records.get(ctx.db, "partnerships", 2)
    assert len(backup.list_backups(ctx.backup_dir)) == 1


def test_restore_dialog_without_backups_says_so(empty_ctx, qtbot) -> None:
    dialog = RestoreDialog(empty_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and not dialog.view.isVisible()
    assert not dialog.restore_button.isEnabled()


def test_a_failed_automatic_backup_is_told(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    settings.put(ctx.db, "backup_dir", str(blocker / "backups"))
    with qtbot.waitSignal(ctx.events.notify, timeout=20000) as told:
        assert backup_if_due(None, ctx) is True
    assert str(blocker) in told.args[0]
    assert settings.get(ctx.db, "last_backup_at") == ""


def test_a_failed_backup_by_hand_shows_a_warning(ctx, qtbot, tmp_path: Path, monkeypatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.put(ctx.db, "backup_dir", str(blocker))
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, text, *args: warned.append(text)
    )
    backup_now(None, ctx)
    qtbot.waitUntil(lambda: bool(warned), timeout=20000)
    assert str(blocker) in warned[0]
