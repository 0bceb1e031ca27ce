"""What the person at the screen sees when something goes wrong, and when their file is upgraded.

An exception inside a slot (a button's handler) must not vanish: a dialog
says it in one sentence and names the log file, which holds the
traceback. Opening a file of an older schema shows one notification.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from core import logs, paths

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "schemas"


def shown_error_box() -> QMessageBox | None:
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)
             and w.objectName() == "unexpectedError" and w.isVisible()]
    return boxes[0] if boxes else None


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_a_dialog_naming_the_log(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import unexpected

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    unexpected.install()
    button = QPushButton("Exporter")
    qtbot.addWidget(button)
    button.show()

    def broken() -> None:
        {"partenaires": 3}["budget"]  # a bug, as a slot would have one

    button.clicked.connect(broken)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_error_box() is not None)
    box = shown_error_box()
    assert box is not None
    text = box.text()
    log = logs.log_file()
    assert log.parent == paths.log_dir()
    assert "'budget'" in text and str(log) in text and "\n" not in text
    content = log.read_text(encoding="utf-8")
    assert "Traceback" in content and "KeyError: 'budget'" in content and "in broken" in content
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    folder = next(b for b in box.buttons() if b.text() == "Open the log folder")
    qtbot.mouseClick(folder, Qt.MouseButton.LeftButton)
    assert opened == [str(log.parent)] and box.isVisible()  # still there to be read
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # the same bug again: still one dialog
    assert len([w for w in QApplication.topLevelWidgets()
                if isinstance(w, QMessageBox) and w.isVisible()]) == 1
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert shown_error_box() is None
    assert button.isVisible()  # the app goes on


def test_the_log_is_rotated_small() -> None:
    import logging.handlers

    logs.setup()
    handlers = [h for h in logs.get("x").parent.handlers  # type: ignore[union-attr]
                if isinstance(h, logging.handlers.RotatingFileHandler)]
    assert handlers and handlers[0].maxBytes <= 1_000_000 and handlers[0].backupCount == 3


def test_opening_an_older_file_in_the_app_says_so_once(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import app as app_module
    from ui.main_window import MainWindow

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    old = sorted(SCHEMAS.glob("schema-*.sqlite3"))[0]
    version = int(re.match(r"schema-(\d+)-", old.name).group(1))  # type: ignore[union-attr]
    db = tmp_path / "commune.sqlite3"
    shutil.copy(old, db)
    seen: list[str] = []

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible() and w.ctx is not None]
        if windows:
            timer.stop()
            bar = windows[0].notification
            seen.append(bar.label.text() if bar.isVisible() else "")
            windows[0].close()

    timer = QTimer(interval=100)
    timer.timeout.connect(look)
    timer.start()
    assert app_module.run(db, "en") == 0
    (kept,) = paths.default_backup_dir(db).glob(f"*-schema{version}-before-upgrade-*")
    assert seen == [f"{db} was upgraded from schema {version} to "
                    f"{_latest()}; the file as it was is kept in {kept}."]


def _latest() -> int:
    from core.db import SCHEMA_VERSION

    return SCHEMA_VERSION


def test_a_bug_in_a_long_job_names_the_log_too(qtbot: Any) -> None:
    from ui.worker import run_job

    def job(_progress: Any, _cancelled: Any) -> None:
        raise ValueError("montant illisible")

    said: list[str] = []
    run_job(None, "Export", job, on_failed=said.append, quiet=True)
    qtbot.waitUntil(lambda: bool(said))
    log = logs.log_file()
    assert "montant illisible" in said[0] and str(log) in said[0]
    assert "ValueError: montant illisible" in log.read_text(encoding="utf-8")


def test_a_bug_at_start_up_of_the_app_is_said_not_silent(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str]
) -> None:
    import main
    from ui import app as app_module

    def broken(_db: Any, _lang: Any) -> int:
        raise RuntimeError("police introuvable")

    monkeypatch.setattr(app_module, "run", broken)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(app_module, "has_screen", lambda: True)  # as on a desktop
    code = main.main(["--lang", "en", "--db", str(tmp_path / "x.sqlite3")])
    assert code == main.EXIT_INTERNAL
    log = logs.log_file()
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "police introuvable" in err[0] and str(log) in err[0]
    assert shown == err  # the same sentence in a dialog: a frozen app has no console
    assert "RuntimeError: police introuvable" in log.read_text(encoding="utf-8")
