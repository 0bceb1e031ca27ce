"""The PDF reports from the app: preview and save from the record pages, the Reports menu.

The officer previews a mission order before the mayor signs it, saves the
partnership's handover sheet for a successor, and prints last year's annual
report for the council. Each PDF is written for real (the viewer is not
opened: ``QDesktopServices.openUrl`` only records what it was asked to show)
and read back with pypdf.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

import core.reports
from core import records
from core.errors import UserError
from core.i18n import _
from tests.ui.test_main_window import window
from ui import reports
from ui.record_page import widgets_of
from ui.worker import wait_for_jobs


def pdf_text(path: Path) -> str:
    from pypdf import PdfReader

    assert path.read_bytes().startswith(b"%PDF")
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return " ".join(text.split())


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What the system viewer was asked to open."""
    urls: list[Path] = []

    def open_url(url: QUrl) -> bool:
        urls.append(Path(url.toLocalFile()))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return urls


@pytest.fixture(autouse=True)
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The warnings shown; recorded, so that a failure cannot wait for a click offscreen."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *_a: shown.append(text))
    return shown


def a_mission(ctx: Any) -> dict[str, Any]:
    return records.list_records(ctx.db, "missions", search="Marsassoum")[0]


def marsassoum(ctx: Any) -> int:
    return records.list_records(ctx.db, "partnerships", search="Marsassoum")[0]["id"]


def finish(qtbot: Any, done: Any, warned: list[str] | None = None) -> None:
    """Wait for the worker and its announcement; no warning on the way unless expected."""
    wait_for_jobs()
    qtbot.waitUntil(lambda: done() or bool(warned), timeout=10000)
    assert not warned


def click(qtbot: Any, button: Any) -> None:
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_preview_a_mission_from_its_page(
    qtbot: Any, ctx: Any, opened: list[Path], warnings: list[str]
) -> None:
    mission = a_mission(ctx)
    main = window(qtbot, ctx)
    main.open_record("missions", mission["id"])
    page = main.pages["mission"]
    assert page.preview_button.toolTip() == _("Mission order and summary, to sign")
    buttons = [page.partnership_button, page.preview_button, page.save_pdf_button]
    assert widgets_of(page.bar_buttons) == [*buttons, page.edit_button, page.delete_button]
    click(qtbot, page.preview_button)
    finish(qtbot, lambda: bool(opened), warnings)
    assert opened[0].name == reports.file_name(ctx, "mission", mission["id"])
    assert " ".join(mission["title"].split()) in pdf_text(opened[0])


def test_save_the_partnership_sheet(
    qtbot: Any,
    ctx: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    warnings: list[str],
) -> None:
    offered: list[str] = []

    def get_save_file_name(_parent: Any, _title: str, default: str, filter_: str) -> tuple:
        offered.append(default)
        return str(tmp_path / "pour le successeur"), filter_  # .pdf is added

    monkeypatch.setattr(QFileDialog, "getSaveFileName", get_save_file_name)
    main = window(qtbot, ctx)
    main.open_record("partnerships", marsassoum(ctx))
    click(qtbot, main.pages["partnership"].save_pdf_button)
    saved = tmp_path / "pour le successeur.pdf"
    finish(qtbot, main.notification.isVisible, warnings)
    assert Path(offered[0]).name == "Partnership sheet – Anderlecht – Marsassoum.pdf"
    assert str(saved) in main.notification.label.text()
    assert "Marsassoum" in pdf_text(saved)
    assert opened == []  # saved, not shown
    main.notification.undo()  # Ctrl+Z does not open it: the bar's button is not an undo
    assert opened == [] and main.notification.isVisible()
    click(qtbot, main.notification.undo_button)  # «Open»
    assert opened == [saved]


def test_annual_report_from_the_menu(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, opened: list[Path], warnings: list[str]
) -> None:
    asked: list[tuple[int, int, int]] = []

    def get_int(_parent: Any, _title: str, _label: str, value: int, low: int, high: int) -> tuple:
        asked.append((value, low, high))
        return value, True

    monkeypatch.setattr(QInputDialog, "getInt", get_int)
    main = window(qtbot, ctx)
    action = next(a for a in main.actions() if a.text() == _("&Annual report…"))
    action.trigger()
    finish(qtbot, lambda: bool(opened), warnings)
    assert asked == [(2025, 1900, 2200)]  # the demo's "today" is in 2026; 2025 has money
    assert opened[0].name == "Annual report 2025.pdf"
    assert "2025" in pdf_text(opened[0])


def test_the_menu_uses_the_mission_on_screen_else_asks(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, opened: list[Path], warnings: list[str]
) -> None:
    mission = a_mission(ctx)
    offered: list[list[str]] = []

    def get_item(_parent: Any, _title: str, _label: str, items: list[str], *_args: Any) -> tuple:
        offered.append(items)
        return next(item for item in items if item.startswith(mission["title"])), True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)
    main = window(qtbot, ctx)
    action = next(a for a in main.actions() if a.text() == _("&Mission summary…"))
    action.trigger()  # on the dashboard: which mission?
    finish(qtbot, lambda: len(opened) == 1, warnings)
    assert len(offered[0]) == records.count(ctx.db, "missions")
    main.open_record("missions", mission["id"])
    action.trigger()  # on its page: that one, without asking
    finish(qtbot, lambda: len(opened) == 2, warnings)
    assert len(offered) == 1
    assert opened[0].name == opened[1].name and opened[0] != opened[1]  # a fresh file each time


def test_a_user_error_is_a_warning_not_a_traceback(
    qtbot: Any,
    ctx: Any,
    monkeypatch: pytest.MonkeyPatch,
    opened: list[Path],
    warnings: list[str],
    capfd: pytest.CaptureFixture[str],
) -> None:
    def refuse(*_args: Any) -> Path:
        raise UserError("Le dossier n'accepte pas ce fichier.")

    monkeypatch.setattr(core.reports, "make_report", refuse)
    main = window(qtbot, ctx)
    main.open_record("missions", a_mission(ctx)["id"])
    click(qtbot, main.pages["mission"].preview_button)
    finish(qtbot, lambda: bool(warnings))
    assert warnings == ["Le dossier n'accepte pas ce fichier."]
    assert opened == []
    assert "Traceback" not in capfd.readouterr().err


def test_no_viewer_says_where_the_file_is(
    qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch, warnings: list[str]
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    monkeypatch.setattr(core.reports, "make_report", lambda _db, _k, _key, out: out)
    main = window(qtbot, ctx)
    main.open_record("partnerships", marsassoum(ctx))
    click(qtbot, main.pages["partnership"].preview_button)
    finish(qtbot, main.notification.isVisible, warnings)
    assert "Partnership sheet – Anderlecht – Marsassoum.pdf" in main.notification.label.text()


def test_file_names_are_safe_on_windows(ctx: Any) -> None:
    mission_id = a_mission(ctx)["id"]
    records.update(ctx.db, "missions", mission_id, {"title": 'Visite 12/03: "atelier"\t<école>?'})
    expected = "Mission – Visite 12-03 'atelier' école.pdf"
    assert reports.file_name(ctx, "mission", mission_id) == expected
    assert reports.file_name(ctx, "annual", 2025) == "Annual report 2025.pdf"


def test_title_bar_buttons_stay_on_screen_in_a_narrow_window(qtbot: Any, ctx: Any) -> None:
    """At the smallest window size the buttons move under the title instead of being cut."""
    main = window(qtbot, ctx)
    main.open_record("missions", a_mission(ctx)["id"])
    page = main.pages["mission"]
    for width, side_by_side in ((1280, True), (960, False)):
        main.resize(width, 700)
        qtbot.waitUntil(lambda w=width: main.width() == w)
        qtbot.wait(50)
        assert (page.title_row.direction() == page.title_row.Direction.LeftToRight) is side_by_side
        bar = page.title_bar.rect()
        for button in widgets_of(page.bar_buttons):
            corner = button.mapTo(page.title_bar, button.rect().bottomRight())
            assert bar.contains(corner), (width, button.text())
