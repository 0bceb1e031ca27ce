"""Starting and stopping the desktop app: lock, open, first-run welcome, window, backups.

A refusal (file open elsewhere, damaged, from a newer version) is always
one line on stderr and a non-zero exit, plus a dialog when there is a
screen; on the offscreen platform nothing waits for a click.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from core import i18n, paths, settings
from core.errors import UserError
from core.i18n import _
from core.lock import DatabaseLock
from ui import style
from ui.context import Context

if TYPE_CHECKING:
    from core.db import Upgrade

HEADLESS_PLATFORMS = ("offscreen", "minimal")


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        # Fusion from the start: switching styles afterwards costs 20 ms of start-up.
        app = QApplication([*sys.argv[:1], "-style", style.STYLE])
        app.setApplicationName("Ici & Là-bas")
        app.setOrganizationName("IciLaBas")
        style.apply(app)
    return app


def use_language(lang: str | None) -> str:
    """Our catalogues and Qt's own (Yes/No buttons, context menus) in the same language."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    chosen = i18n.set_language(lang)
    app = QApplication.instance()
    old = getattr(app, "_qt_translator", None)
    if old is not None:
        app.removeTranslator(old)
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{chosen}", folder):
        app.installTranslator(translator)
        app._qt_translator = translator  # type: ignore[attr-defined]
    from ui import qt_words

    qt_words.install(app)  # the texts Qt's own catalogues lack («Look in:»)
    QLocale.setDefault(QLocale(chosen))
    return chosen


def has_screen() -> bool:
    return QGuiApplication.platformName() not in HEADLESS_PLATFORMS


def refuse(message: str) -> int:
    """One line on stderr, and a dialog when someone can read it."""
    print(message, file=sys.stderr)
    if has_screen():
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, "Ici & Là-bas", message)
    return 1


def make_context(db_path: Path, on_upgrade: Callable[[Upgrade], object] | None = None) -> Context:
    """Open the file for the window: header and version checked now, integrity just after."""
    from core.db import open_db

    db = open_db(db_path, verify=False, on_upgrade=on_upgrade)
    chosen = settings.get(db, "backup_dir")
    backup_dir = Path(chosen) if chosen else paths.default_backup_dir(db_path)
    return Context(db=db, db_path=db_path, backup_dir=backup_dir)


def run(db_path: Path | None, lang: str | None) -> int:
    from core.db import refuse_if_newer
    from ui import unexpected

    app = application()
    unexpected.install()
    path = Path(db_path) if db_path else paths.default_db_path()
    if db_path is None:
        path.parent.mkdir(parents=True, exist_ok=True)
    lock = DatabaseLock(path)
    try:
        refuse_if_newer(path)  # before the lock: nothing is written beside a newer file
        lock.acquire()
        first_run = _needs_welcome(path)
    except UserError as error:
        lock.release()
        return refuse(str(error))
    try:
        if first_run and has_screen():
            return _first_session(app, path, lang)
        return _session(app, path, lang)
    finally:
        lock.release()


def _needs_welcome(path: Path) -> bool:
    """A new file, or one left before the welcome was answered: no name and no record."""
    from core.db import has_records, inspect

    if not path.exists() or path.stat().st_size == 0:
        return True
    inspect(path, verify=False)  # a foreign or newer file is refused before any window
    return not settings.peek(path, "municipality_name") and not has_records(path)


def _first_session(app: QApplication, path: Path, lang: str | None) -> int:
    """First launch: the file is created at once, then the welcome asks who we are."""
    from ui.welcome_dialog import run_welcome

    ctx = make_context(path, on_upgrade=lambda upgrade: print(upgrade.message(), file=sys.stderr))
    use_language(lang)
    if not run_welcome(None, ctx):
        ctx.db.close()
        return 0
    ctx.db.close()
    return _session(app, path, lang)


def _session(app: QApplication, path: Path, lang: str | None) -> int:
    """The window shows its frame at once; the file opens and the dashboard fills just after."""
    from ui.main_window import MainWindow

    use_language(lang or settings.peek(path, "language"))
    window = MainWindow(db_path=path)
    window.show()
    app.processEvents()
    opened: list[Context] = []
    changes: list[str] = []

    def open_file() -> None:
        upgrades: list[Upgrade] = []
        try:
            ctx = make_context(path, on_upgrade=upgrades.append)
        except UserError as error:
            refuse(str(error))
            app.exit(1)
            return
        opened.append(ctx)
        ctx.events.data_changed.connect(changes.append)
        _yearly_deadlines(ctx)
        window.attach(ctx)
        for upgrade in upgrades:  # said once, here: the next opening has nothing to upgrade
            print(upgrade.message(), file=sys.stderr)
            ctx.events.notify.emit(upgrade.message(), None)
        QTimer.singleShot(0, lambda: _check_in_background(window, ctx))
        QTimer.singleShot(2000, lambda: _backup_if_due(window, ctx))

    QTimer.singleShot(0, open_file)
    code = app.exec()
    for ctx in opened:
        if changes:
            backup_quietly(ctx)
        ctx.db.close()
    return code


def _yearly_deadlines(ctx: Context) -> None:
    """The deadlines that come back each year (the e-APD declaration in France)."""
    from core.declarations.deadline import add_yearly_deadline

    if add_yearly_deadline(ctx.db, ctx.today) is not None:
        ctx.changed("deadlines")


def _check_in_background(window: QWidget, ctx: Context) -> None:
    """quick_check reads the whole file (0.8 s at a million rows): not before the window shows."""
    from core.db import inspect
    from ui.worker import run_job

    def warn(message: str) -> None:
        advice = _("Use File › Restore a backup to go back to a sound copy.")
        print(message, file=sys.stderr)
        if has_screen():
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.warning(window, "Ici & Là-bas", f"{message}\n\n{advice}")

    run_job(window, "", lambda _progress, _cancelled: inspect(ctx.db_path), on_failed=warn,
            quiet=True)


def _backup_if_due(window: object, ctx: Context) -> None:
    from ui.backup_dialog import backup_if_due

    refresh = getattr(window, "_update_status", None)  # the status bar says when
    backup_if_due(window, ctx, on_done=lambda *_args: refresh() if refresh else None)  # type: ignore[arg-type]


def backup_quietly(ctx: Context) -> None:
    """The backup made when the window closes: no dialog, a line on stderr if it fails."""
    from core import backup

    try:
        backup.make_backup(ctx.db_path, ctx.backup_dir)
        backup.rotate(ctx.backup_dir, daily=int(settings.get(ctx.db, "backup_keep_daily")),
                      weekly=int(settings.get(ctx.db, "backup_keep_weekly")),
                      monthly=int(settings.get(ctx.db, "backup_keep_monthly")))
        settings.put(ctx.db, "last_backup_at", datetime.now().isoformat(timespec="seconds"))
    except UserError as error:
        print(_("The backup on closing failed: {error}").format(error=error), file=sys.stderr)
