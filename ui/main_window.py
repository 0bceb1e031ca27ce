"""The main window: a sidebar of screens, a global search, a notification bar, menus.

Screens are built when first shown, so opening the app costs one screen
(the dashboard), not ten. A record opens on its own page (partnership,
mission) or in its form (everything else).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core import fmt, settings
from core.i18n import N_, _
from ui.notification import NotificationBar

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtGui import QCloseEvent

    from ui.context import Context

# Sidebar entries, in order: page key and label. (No Qt enum is touched before the
# window shows: PySide creates all of them on first use, 25 ms.)
PAGES = (
    ("dashboard", N_("Dashboard")),
    ("partnerships", N_("Partnerships")),
    ("organisations", N_("Organisations")),
    ("contacts", N_("Contacts")),
    ("missions", N_("Missions")),
    ("budget_lines", N_("Budget")),
    ("transactions", N_("Transactions")),
    ("deadlines", N_("Deadlines")),
    ("journal_entries", N_("Journal")),
    ("trash", N_("Trash")),
)
DETAIL_PAGES = ("partnership", "mission", "contact", "search")


class MainWindow(QMainWindow):
    """Built in two steps so that it shows at once: the frame, then ``attach(ctx)``."""

    def __init__(self, ctx: Context | None = None, *, db_path: Path | None = None) -> None:
        super().__init__()
        self.ctx: Context = None  # type: ignore[assignment]  # set by attach()
        self.pages: dict[str, QWidget] = {}
        self.history: list[str] = []
        path = ctx.db_path if ctx is not None else Path(db_path or "")
        self.setWindowTitle(_("Ici & Là-bas — {file}").format(file=path.name))
        self.setMinimumSize(960, 600)
        self._build()
        self.file_label.setText(_("File: {path}").format(path=path))
        self._restore_geometry()
        if ctx is not None:
            self.attach(ctx)

    def attach(self, ctx: Context) -> None:
        """Give the window its open database and show the dashboard."""
        self.ctx = ctx
        self._menus()  # after the first paint: shortcuts make PySide build its enums (50 ms)
        ctx.events.notify.connect(self.notification.show_message)
        ctx.events.data_changed.connect(lambda _table: self._update_status())
        self._update_status()
        self.show_page("dashboard")

    # --- layout ---------------------------------------------------------------

    def _build(self) -> None:
        self.sidebar = QListWidget(objectName="sidebar")
        self.sidebar.setFixedWidth(200)
        for _key, label in PAGES:
            self.sidebar.addItem(QListWidgetItem(_(label)))
        self.sidebar.currentItemChanged.connect(self._sidebar_changed)
        self.stack = QStackedWidget()
        self.notification = NotificationBar()
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.setSpacing(0)
        right.addWidget(self._top_bar())
        right.addWidget(self.notification)
        right.addWidget(self.stack, 1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.sidebar)
        body.addLayout(right, 1)
        central = QWidget()
        central.setLayout(body)
        self.setCentralWidget(central)
        self.file_label = QLabel()
        self.backup_label = QLabel()
        self.statusBar().addWidget(self.file_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)

    def _top_bar(self) -> QWidget:
        bar = QWidget(objectName="topBar")
        self.back_button = QPushButton(_("← Back"))
        self.back_button.setToolTip(_("Back (Alt+Left)"))
        self.back_button.clicked.connect(self.go_back)
        self.back_button.hide()
        self.search_box = QLineEdit(objectName="globalSearch", clearButtonEnabled=True)
        self.search_box.setPlaceholderText(_("Search everything (Ctrl+K)"))
        self.search_box.setMaximumWidth(420)
        self.search_box.setMinimumWidth(280)  # the placeholder names its shortcut
        self.search_box.returnPressed.connect(self.run_search)
        self._search_timer = QTimer(self, singleShot=True, interval=300)
        self._search_timer.timeout.connect(self.run_search)
        self.search_box.textEdited.connect(lambda _t: self._search_timer.start())
        layout = QHBoxLayout(bar)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.addWidget(self.back_button)
        layout.addStretch(1)
        layout.addWidget(self.search_box)
        return bar

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self._action(file_menu, _("&Import a spreadsheet…"), self.import_spreadsheet, "Ctrl+I")
        self._action(file_menu, _("I&mports…"), self.show_imports)
        self._action(file_menu, _("Import &templates…"), self.save_template)
        file_menu.addSeparator()
        self._action(file_menu, _("&Back up now"), self.backup_now, "Ctrl+S")
        self._action(file_menu, _("&Restore a backup…"), self.restore_backup)
        file_menu.addSeparator()
        self._action(file_menu, _("&Settings…"), self.open_settings, "Ctrl+,")
        file_menu.addSeparator()
        self._action(file_menu, _("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        go_menu = self.menuBar().addMenu(_("&Go"))
        for n, (key, label) in enumerate(PAGES):
            shortcut = f"Ctrl+{(n + 1) % 10}" if n < 10 else None
            self._action(go_menu, _(label), lambda _c=False, k=key: self.show_page(k), shortcut)
        go_menu.addSeparator()
        self._action(go_menu, _("&Search"), self.focus_search, "Ctrl+K")
        self._action(go_menu, _("Search"), self.focus_search, "Ctrl+F").setVisible(False)
        self._action(go_menu, _("&Back"), self.go_back, "Alt+Left")
        self._action(go_menu, _("Back"), self._escape, "Escape").setVisible(False)
        self._action(go_menu, _("Undo"), self.notification.undo, "Ctrl+Z").setVisible(False)
        reports_menu = self.menuBar().addMenu(_("&Reports"))
        self._action(reports_menu, _("&Mission summary…"), lambda: self.preview_report("mission"))
        self._action(
            reports_menu, _("&Partnership sheet…"), lambda: self.preview_report("partnership"))
        self._action(reports_menu, _("&Annual report…"), lambda: self.preview_report("annual"))
        reports_menu.addSeparator()
        from ui.declarations import add_menu

        add_menu(self, reports_menu)
        from ui.gdpr_actions import add_menu as add_personal_data_menu

        add_personal_data_menu(self, self.menuBar().addMenu(_("&Personal data")))
        help_menu = self.menuBar().addMenu(_("&Help"))
        self._action(help_menu, _("&About Ici && Là-bas"), self.about)

    def _action(self, menu: Any, text: str, slot: Callable[..., Any],
                shortcut: Any = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))  # window-wide, Qt's default
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)  # shortcuts work with the menu bar hidden too
        return action

    # --- pages ----------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        if self.ctx is None:
            raise RuntimeError("MainWindow.attach() has not been called yet")
        if key not in self.pages:
            from ui.pages import build_page

            widget = build_page(self.ctx, key)
            if hasattr(widget, "open_record"):
                widget.open_record.connect(self.open_record)
            if hasattr(widget, "closed"):
                widget.closed.connect(self.go_back)
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        widget = self.page(key)
        current = self.current_key()
        if current and current != key:
            self.history.append(current)
        self.stack.setCurrentWidget(widget)
        if hasattr(widget, "refresh"):
            widget.refresh()
        self._select_sidebar(key)
        self.back_button.setVisible(key in DETAIL_PAGES)
        search = getattr(widget, "search", None)
        if isinstance(search, QLineEdit):  # on a list, typing filters it at once
            search.setFocus()
        return widget

    def current_key(self) -> str | None:
        current = self.stack.currentWidget()
        return next((k for k, w in self.pages.items() if w is current), None)

    def _select_sidebar(self, key: str) -> None:
        self.sidebar.blockSignals(True)
        for row in range(self.sidebar.count()):
            if PAGES[row][0] == key:
                self.sidebar.setCurrentRow(row)
                break
        else:
            self.sidebar.clearSelection()
        self.sidebar.blockSignals(False)

    def _sidebar_changed(self, item: QListWidgetItem | None, _previous: Any) -> None:
        if item is not None and self.ctx is not None:
            self.show_page(PAGES[self.sidebar.row(item)][0])

    def go_back(self) -> None:
        while self.history:
            key = self.history.pop()
            if key in self.pages:
                self.stack.setCurrentWidget(self.pages[key])
                self._select_sidebar(key)
                self.back_button.setVisible(key in DETAIL_PAGES)
                return
        self.show_page("dashboard")

    def open_record(self, table: str, record_id: int) -> None:
        if table == "partnerships":
            self.show_page("partnership").show_record(record_id)  # type: ignore[attr-defined]
        elif table == "missions":
            self.show_page("mission").show_record(record_id)  # type: ignore[attr-defined]
        elif table == "contacts":
            self.show_page("contact").show_record(record_id)  # type: ignore[attr-defined]
        else:
            from ui.forms.record_dialog import edit_record

            edit_record(self, self.ctx, table, record_id)

    # --- search ---------------------------------------------------------------

    def _escape(self) -> None:
        """Escape leaves a record page or the search results, as Back does."""
        if self.current_key() in DETAIL_PAGES:
            self.go_back()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        page = self.page("search")
        page.search(text)  # type: ignore[attr-defined]
        if self.current_key() != "search":
            self.show_page("search")
        if self.sender() is not self._search_timer:  # Enter: on to the results
            page.tree.setFocus()  # type: ignore[attr-defined]

    # --- files, settings ----------------------------------------------------------

    def import_spreadsheet(self) -> None:
        from ui.import_wizard import open_wizard

        open_wizard(self, self.ctx)

    def show_imports(self) -> None:
        from ui.imports_dialog import ImportsDialog

        ImportsDialog(self.ctx, self).exec()

    def save_template(self) -> None:
        from ui.templates import choose_and_save_template

        choose_and_save_template(self, self.ctx)

    def preview_report(self, kind: str) -> None:
        """A PDF of the mission or partnership on screen (else one picked), or of a year."""
        from ui.reports import preview_from_menu

        page = self.pages.get(kind)
        shown = page is not None and self.stack.currentWidget() is page
        preview_from_menu(self, self.ctx, kind, getattr(page, "record_id", None) if shown else None)

    def backup_now(self) -> None:
        from ui.backup_dialog import backup_now

        backup_now(self, self.ctx, on_done=lambda *_args: self._update_status())

    def restore_backup(self) -> None:
        from ui.backup_dialog import RestoreDialog

        RestoreDialog(self.ctx, self).exec()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog

        SettingsDialog(self.ctx, self).exec()
        self._update_status()

    def about(self) -> None:
        from ui.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # nothing to answer: the window behind is not held up

    def _update_status(self) -> None:
        self.file_label.setText(_("File: {path}").format(path=self.ctx.db_path))
        last = settings.get(self.ctx.db, "last_backup_at")
        when = fmt.date(last[:10]) + " " + last[11:16] if last else _("never")
        self.backup_label.setText(_("Last backup: {when}").format(when=when))

    # --- geometry -------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = QSettings().value("main_window/geometry")
        if geometry:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def closeEvent(self, event: QCloseEvent) -> None:
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
