"""Help › About, opened as a person does (the menu bar, then the item): version, paths, licences."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from tests.conftest import ROOT
from ui.about_dialog import AboutDialog
from ui.main_window import MainWindow


def open_about(qtbot: Any, ctx: Any) -> AboutDialog:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.resize(1280, 800)
    with qtbot.waitExposed(main):
        main.show()
    bar = main.menuBar()
    help_action = next(a for a in bar.actions() if a.menu() and "Help" in a.text())
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(help_action).center())
    menu: QMenu = help_action.menu()  # type: ignore[assignment]
    qtbot.waitUntil(menu.isVisible)
    about_action = next(a for a in menu.actions() if "About" in a.text())
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(about_action).center())
    qtbot.waitUntil(lambda: shown_about() is not None)
    dialog = shown_about()
    assert dialog is not None
    return dialog


def shown_about() -> AboutDialog | None:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, AboutDialog) and w.isVisible()]
    return found[0] if found else None


def text_of(dialog: QWidget, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None and label.isVisible(), name
    return label.text()


def test_about_shows_version_places_and_font_licences(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_about(qtbot, ctx)
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    title = text_of(dialog, "aboutTitle")
    assert version in title
    assert text_of(dialog, "database") == str(ctx.db_path)
    assert text_of(dialog, "dataFolder") == str(ctx.db_path.parent)
    assert text_of(dialog, "backupFolder") == str(ctx.backup_dir)
    log = Path(text_of(dialog, "logFile"))
    assert log.name.endswith(".log") and ctx.db_path.parent not in log.parents
    licences = dialog.findChild(QPlainTextEdit, "fontLicences").toPlainText()
    assert "Bitstream Vera" in licences  # DejaVu's licence, whole
    assert "permission notice shall" in licences and "Symbola" in licences
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    qtbot.mouseClick(dialog.open_data, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.open_backups, Qt.MouseButton.LeftButton)
    assert opened == [str(ctx.db_path.parent), str(ctx.backup_dir)]
    assert ctx.backup_dir.is_dir()  # made on demand, so the file manager has something to show
    dialog.close()


def test_about_speaks_french_and_dutch(qtbot: Any, ctx: Any) -> None:
    from core import i18n

    for lang, words in (("fr", ("Dossier des sauvegardes", "Fichier journal")),
                        ("nl", ("Back-upmap", "Logbestand"))):
        i18n.set_language(lang)
        try:
            dialog = AboutDialog(ctx)
            qtbot.addWidget(dialog)
            shown = " ".join([*(w.text() for w in dialog.findChildren(QLabel)),
                              *(w.text() for w in dialog.findChildren(QPushButton)),
                              *(w.title() for w in dialog.findChildren(QGroupBox)),
                              dialog.windowTitle()])
            for word in words:
                assert word in shown, (lang, word)
        finally:
            i18n.set_language("en")
