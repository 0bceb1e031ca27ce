"""One list screen, for every kind of record: search, filters, sort, count, open, new, delete.

The rows come from ``core.listing`` through ``ListingModel``; typing in the
search box waits a moment (debounce) so that a million rows never make the
window stutter between keystrokes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import fmt, records
from core.i18n import _, ngettext
from core.listing import LISTINGS
from core.spec import PLURALS, SPECS
from ui.column_fit import fit_columns
from ui.files import ask_save_path, dated_name
from ui.table_model import ListingModel
from ui.worker import run_job

if TYPE_CHECKING:
    from ui.context import Context

# The column that takes the room left once the others fit their content.
STRETCH = {
    "partnerships": "name",
    "organisations": "name",
    "contacts": "organisation",
    "missions": "title",
    "budget_lines": "label",
    "transactions": "label",
    "deadlines": "title",
    "journal_entries": "title",
    "projects": "title",
}
# Columns shown only on request (right-click on the header), to keep the list readable.
HIDDEN = {"transactions": ["reference"], "contacts": ["phone"]}
# Filters a list opens with: deadlines show what is still to do.
INITIAL_FILTERS = {"deadlines": {"done": 0}}

# What the count under the title says, per kind of record.
COUNT_TEXTS = {
    "partnerships": ("{n} partnership", "{n} partnerships"),
    "organisations": ("{n} organisation", "{n} organisations"),
    "contacts": ("{n} contact", "{n} contacts"),
    "missions": ("{n} mission", "{n} missions"),
    "budget_lines": ("{n} budget line", "{n} budget lines"),
    "transactions": ("{n} transaction", "{n} transactions"),
    "deadlines": ("{n} deadline", "{n} deadlines"),
    "journal_entries": ("{n} journal entry", "{n} journal entries"),
    "projects": ("{n} project", "{n} projects"),
}


class ListPage(QWidget):
    open_record = Signal(str, int)

    def __init__(self, ctx: Context, table: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = table
        self.model = ListingModel(ctx.db, table, ctx.today.isoformat())
        self._stale = True
        self._fitted = False
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply_query)
        self._build(title)
        ctx.events.data_changed.connect(self._on_changed)

    # --- layout ---------------------------------------------------------------

    def _build(self, title: str) -> None:
        heading = QLabel(title, objectName="pageTitle")
        self.count_label = QLabel(objectName="pageCount")
        self.search = QLineEdit(placeholderText=_("Search…"), clearButtonEnabled=True)
        self.search.setMinimumWidth(240)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.new_button = QPushButton(_("&New"), objectName="primary")
        self.new_button.clicked.connect(self.create_record)
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.export_button = QPushButton(_("E&xport…"))
        self.export_button.setToolTip(_("Save the list as shown (search, filters, order) "
                                        "in an Excel workbook"))
        self.export_button.clicked.connect(lambda: self.export_shown())  # not clicked(bool)
        top = QHBoxLayout()
        top.addWidget(heading)
        top.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch(1)
        top.addWidget(self.new_button)
        top.addWidget(self.delete_button)
        top.addWidget(self.export_button)
        # Before the filters: setting the initial ones recounts, which shows or hides it.
        self.empty_hint = QLabel(objectName="emptyHint", wordWrap=True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.hide()
        filters = QHBoxLayout()
        filters.addWidget(self.search)
        self.filter_boxes = self._filter_boxes()
        labels = {c.key: c.label for c in LISTINGS[self.table].columns}
        for key, box in self.filter_boxes.items():
            if box.itemText(0) == _("All") and key in labels:  # «Tous» alone says nothing
                label = QLabel(_("{label}:").format(label=_(labels[key])))
                label.setBuddy(box)
                filters.addWidget(label)
            filters.addWidget(box)
        filters.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 12)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self._table())
        for key, value in INITIAL_FILTERS.get(self.table, {}).items():  # once the view exists
            self.set_filter(key, value)
        layout.addWidget(self.empty_hint, 1)
        QShortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_selected)
        QShortcut(QKeySequence("Ctrl+N"), self, self.create_record)

    def _table(self) -> QTableView:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setResizeContentsPrecision(40)  # fit columns to the first rows, not all 200
        header.sortIndicatorChanged.connect(self._sort)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        self._hide_columns()
        self.view.doubleClicked.connect(self._activated)
        self.view.activated.connect(self._activated)
        return self.view

    def _filter_boxes(self) -> dict[str, QComboBox]:
        boxes: dict[str, QComboBox] = {}
        for flt in LISTINGS[self.table].filters:
            box = self._filter_box(flt.key)
            if box is not None:
                box.currentIndexChanged.connect(lambda _i: self.apply_query())
                boxes[flt.key] = box
        return boxes

    def _filter_box(self, key: str) -> QComboBox | None:
        """A combo for the filters a person picks from a short list; None for the others."""
        choices = {c.key: c.choices for c in LISTINGS[self.table].columns}.get(key)
        if choices:
            return self._combo(_("All"), [(k, _(v)) for k, v in choices.items()])
        if key == "year":
            years = range(self.ctx.today.year + 1, self.ctx.today.year - 12, -1)
            return self._combo(_("Every year"), [(y, str(y)) for y in years])
        if key == "done":
            return self._combo(_("All"), [(0, _("To do")), (1, _("Done"))])
        if key == "partnership_id":
            partnerships = records.list_records(self.ctx.db, "partnerships")
            return self._combo(_("Every partnership"), [(r["id"], r["name"]) for r in partnerships])
        return None

    @staticmethod
    def _combo(everything: str, items: list[tuple[Any, str]]) -> QComboBox:
        box = QComboBox()
        box.addItem(everything, None)
        for value, label in items:
            box.addItem(label, value)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return box

    # --- behaviour ------------------------------------------------------------

    def filters(self) -> dict[str, Any]:
        return {
            key: box.currentData()
            for key, box in self.filter_boxes.items()
            if box.currentData() is not None
        }

    def set_filter(self, key: str, value: Any) -> None:
        box = self.filter_boxes[key]
        box.setCurrentIndex(max(box.findData(value), 0))

    def apply_query(self) -> None:
        self.model.set_query(self.search.text().strip(), self.filters())
        self._stale = False
        self._show_count()
        if self._fitted:  # new rows (a date, an amount) get their width, not only at start
            self._fit_columns()

    def refresh(self) -> None:
        if self._stale:
            self.apply_query()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.refresh()
        if not self._fitted:
            self._fit_columns()
        column, order = self.model.sort_state()
        self.view.horizontalHeader().blockSignals(True)
        self.view.horizontalHeader().setSortIndicator(column, order)
        self.view.horizontalHeader().blockSignals(False)

    def _fit_columns(self) -> None:
        """Each column fits its content; the widest texts give way so the main text keeps room."""
        self._fitted = True
        fit_columns(self.view, self.model.columns, STRETCH.get(self.table))

    def _column_menu(self, position: Any) -> None:
        """Right-click on the header: choose which columns to show (remembered)."""
        menu = QMenu(self)
        header = self.view.horizontalHeader()
        for column, definition in enumerate(self.model.columns):
            action = menu.addAction(_(definition.label))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda shown, c=column: self._show_column(c, shown))
        menu.exec(header.mapToGlobal(position))

    def _show_column(self, column: int, shown: bool) -> None:
        self.view.horizontalHeader().setSectionHidden(column, not shown)
        hidden = [
            c.key
            for n, c in enumerate(self.model.columns)
            if self.view.horizontalHeader().isSectionHidden(n)
        ]
        QSettings().setValue(f"lists/{self.table}/hidden", hidden)
        self._fit_columns()

    def _hide_columns(self) -> None:
        hidden = QSettings().value(f"lists/{self.table}/hidden", HIDDEN.get(self.table, []))
        for column, definition in enumerate(self.model.columns):
            if definition.key in (hidden or []):
                self.view.horizontalHeader().setSectionHidden(column, True)

    def _show_count(self) -> None:
        singular, plural = COUNT_TEXTS[self.table]
        text = ngettext(singular, plural, self.model.total).format(n=fmt.number(self.model.total))
        self.count_label.setText(text)
        self._show_empty_hint()

    def _show_empty_hint(self) -> None:
        """An empty list says what to do, rather than showing a blank table."""
        empty = self.model.total == 0
        if empty and (self.model.search or self.filters()):
            hint = _("Nothing matches this search or these filters.")
        else:
            hint = _("Nothing here yet. Add a record with «New» (Ctrl+N), or import a "
                     "spreadsheet from the File menu (Ctrl+I).")
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(empty)
        self.view.setVisible(not empty)

    def _on_changed(self, table: str) -> None:
        self._stale = True
        if self.isVisible():
            self.apply_query()

    def _sort(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_record.emit(self.table, self.model.record_id(index.row()))

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.record_id(rows[0].row()) if rows else None

    def create_record(self) -> None:
        from ui.forms.record_dialog import edit_record

        defaults = {k: v for k, v in self.filters().items() if k in _field_names(self.table)}
        new_id = edit_record(self, self.ctx, self.table, None, defaults)
        if new_id is not None:
            self.select(new_id)

    def delete_selected(self) -> None:
        from ui.forms.record_dialog import confirm_delete

        record_id = self.selected_id()
        if record_id is not None:
            confirm_delete(self, self.ctx, self.table, record_id)

    def export_shown(self, out: str | None = None) -> None:
        """The list as shown, to a workbook; written in a worker with its own connection."""
        name = dated_name(_(PLURALS[self.table]), self.ctx.today, ".xlsx")  # «Contacts 2026-…»
        target = Path(out) if out else ask_save_path(
            self, _("Export the list"), Path(name), _("Excel workbook (*.xlsx)"), ".xlsx")
        if target is None:
            return
        path, search, filters = self.ctx.db_path, self.model.search, self.filters()
        order = self.model.order

        def write(progress: Any, cancelled: Any) -> int:
            from core.db import open_db
            from core.excel.export import export_listing

            db = open_db(path, verify=False)
            try:
                return export_listing(db, self.table, target, search, filters, order,
                                      progress=progress, cancelled=cancelled)
            finally:
                db.close()

        run_job(self, _("Exporting…"), write, on_done=lambda count: self.ctx.events.notify.emit(
            ngettext("{n} row saved in {path}.", "{n} rows saved in {path}.", count).format(
                n=count, path=target), None))

    def select(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.view.selectRow(row)
            self.view.scrollTo(self.model.index(row, 0))


def _field_names(table: str) -> set[str]:
    return {f.name for f in SPECS[table].fields}
