"""One table model for every list: rows come from ``core.listing`` a page at a time.

Sorting and filtering re-run the SQL and reset the model (no
QSortFilterProxyModel over a million rows); the view asks for more rows
as the user scrolls (``canFetchMore``/``fetchMore``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from core import listing
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
OVERDUE = QColor("#b3261e")


class ListingModel(QAbstractTableModel):
    PAGE = 200

    def __init__(self, db: Database, table: str, today_iso: str = "") -> None:
        super().__init__()
        self.db = db
        self.table = table
        self.listing = listing.LISTINGS[table]
        self.columns = self.listing.visible
        self.search = ""
        self.filters: dict[str, Any] = {}
        self.order = self.listing.order
        self.today_iso = today_iso
        self.total = 0
        self._rows: list[dict[str, Any]] = []
        self._texts: dict[int, list[str]] = {}

    # --- query --------------------------------------------------------------

    def set_query(self, search: str | None = None, filters: dict[str, Any] | None = None) -> None:
        if search is not None:
            self.search = search
        if filters is not None:
            self.filters = filters
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.total = listing.count(self.db, self.table, search=self.search, filters=self.filters)
        self._rows = self._page(0)
        self._texts = {}
        self.endResetModel()

    def _page(self, offset: int) -> list[dict[str, Any]]:
        return listing.fetch(self.db, self.table, search=self.search, filters=self.filters,
                             order=self.order, limit=self.PAGE, offset=offset)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self._page(len(self._rows))
        if not more:
            self.total = len(self._rows)
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows += more
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.columns[column].key
        self.order = ("-" if order == Qt.SortOrder.DescendingOrder else "") + key
        self.reload()

    def sort_state(self) -> tuple[int, Qt.SortOrder]:
        key = self.order.lstrip("-")
        column = next((i for i, c in enumerate(self.columns) if c.key == key), 0)
        descending = self.order.startswith("-")
        return column, Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder

    # --- reading ------------------------------------------------------------

    def record_id(self, row: int) -> int:
        return int(self._rows[row]["id"])

    def row_values(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def row_of(self, record_id: int) -> int | None:
        for n, row in enumerate(self._rows):
            if row["id"] == record_id:
                return n
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section].label)
        return None

    def _row_texts(self, row: int) -> list[str]:
        texts = self._texts.get(row)
        if texts is None:
            values = self._rows[row]
            texts = [listing.cell_text(c, values) for c in self.columns]
            self._texts[row] = texts
        return texts

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._row_texts(index.row())[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.type in ("money", "eur", "int") else LEFT
        if role == Qt.ItemDataRole.ForegroundRole and self._overdue(index.row()):
            return QBrush(OVERDUE)
        return None

    def _overdue(self, row: int) -> bool:
        values = self._rows[row]
        return (self.table == "deadlines" and not values.get("done")
                and bool(self.today_iso) and (values.get("due_date") or "") < self.today_iso)
