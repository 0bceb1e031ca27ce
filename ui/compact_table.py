"""The compact table of the record pages: as tall as its rows, so that only the page scrolls.

Qt's own sizing (``resizeRowsToContents``, stretching sections) ignores
wrapped text under an application style sheet and cannot share the room
by weight; this table measures its rows itself. Double-click or Enter on
a row emits the id of the record it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

MIN_FLEXIBLE = 80  # narrowest width of a stretching column
COLUMN_GAP = 14  # pixels between a column's widest text and the next column
ROW_PADDING = 10  # pixels added to each row's text height
CELL_MARGINS = 20  # pixels of a cell's width that are not text (padding, focus frame)


@dataclass(frozen=True)
class Col:
    """A column of a compact table."""

    label: str
    numeric: bool = False  # right-aligned (amounts, counts)
    stretch: bool = False  # takes the room left
    wrap: bool = False  # long text, on several lines
    optional: bool = False  # hidden when no row has a value in it
    weight: int = 1  # share of the room left, for stretching and wrapping columns

    @property
    def flexible(self) -> bool:
        return self.stretch or self.wrap


@dataclass
class Line:
    """A row of a compact table: the record it opens, its texts and how it looks."""

    id: int | None
    cells: list[str]
    colour: str = ""
    bold: bool = False
    tips: list[str] = field(default_factory=list)


class CompactTable(QTableWidget):
    """A read-only table as tall as its rows; double-click or Enter opens the row's record."""

    opened = Signal(int)

    def __init__(self, columns: Sequence[Col], parent: QWidget | None = None) -> None:
        super().__init__(0, len(columns), parent)
        self.columns = list(columns)
        self.setHorizontalHeaderLabels([c.label for c in columns])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(any(c.wrap for c in columns))
        self.setTabKeyNavigation(False)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(LEFT)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        for index, column in enumerate(columns):
            heading = self.horizontalHeaderItem(index)
            if column.numeric and heading is not None:
                heading.setTextAlignment(RIGHT)
        self.doubleClicked.connect(lambda index: self._open(index.row()))
        self._widths: dict[int, int] = {}
        self.lines: list[Line] = []

    def set_lines(self, lines: Sequence[Line]) -> None:
        self.lines = list(lines)
        header = self.horizontalHeader()
        self.clearContents()
        self.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            for col, text in enumerate(line.cells):
                self.setItem(row, col, self._item(line, col, text))
        self._widths = {}
        for col, column in enumerate(self.columns):
            empty = not any(line.cells[col] for line in self.lines)
            self.setColumnHidden(col, column.optional and empty)
            if not column.flexible:
                width = max(self.sizeHintForColumn(col), header.sectionSizeHint(col))
                self._widths[col] = width + COLUMN_GAP
        self._fit()

    def _item(self, line: Line, col: int, text: str) -> QTableWidgetItem:
        item = QTableWidgetItem(text)
        item.setTextAlignment(RIGHT if self.columns[col].numeric else LEFT)
        tip = line.tips[col] if col < len(line.tips) else ""
        if tip or len(text) > 30:
            item.setToolTip(tip or text)
        if line.colour:
            item.setForeground(QColor(line.colour))
        if line.bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def selected_id(self) -> int | None:
        rows = self.selectionModel().selectedRows()
        return self.lines[rows[0].row()].id if rows else None

    def _open(self, row: int) -> None:
        if 0 <= row < len(self.lines) and self.lines[row].id is not None:
            self.opened.emit(self.lines[row].id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentRow() >= 0:
            self._open(self.currentRow())
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _size_columns(self) -> None:
        """Fixed columns as wide as their text; the others share the rest by weight."""
        shown = [c for c in range(len(self.columns)) if not self.isColumnHidden(c)]
        fixed = sum(self._widths.get(c, 0) for c in shown)
        flexible = [c for c in shown if self.columns[c].flexible]
        room = max(self.viewport().width() - fixed, 0)
        total = sum(self.columns[c].weight for c in flexible) or 1
        for col in shown:
            if col in flexible:
                width = max(room * self.columns[col].weight // total, MIN_FLEXIBLE)
            else:
                width = self._widths.get(col, MIN_FLEXIBLE)
            if self.columnWidth(col) != width:
                self.setColumnWidth(col, width)

    def _fit(self) -> None:
        """Size the columns, then fix every row's height and the table's: only the page scrolls.

        Heights are measured here rather than by ``resizeRowsToContents``, which
        under an application style sheet ignores the wrapping of long texts.
        """
        self._size_columns()
        for row in range(self.rowCount()):
            self.setRowHeight(row, self._row_height(row))
        height = self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)

    def _row_height(self, row: int) -> int:
        tallest = 0
        for col, column in enumerate(self.columns):
            item = self.item(row, col)
            if item is None or self.isColumnHidden(col):
                continue
            metrics = QFontMetrics(item.font())
            if column.wrap:
                width = max(self.columnWidth(col) - CELL_MARGINS, 40)
                box = QRect(0, 0, width, 100_000)
                flags = int(Qt.TextFlag.TextWordWrap)
                tallest = max(tallest, metrics.boundingRect(box, flags, item.text()).height())
            else:
                tallest = max(tallest, metrics.lineSpacing() * (item.text().count("\n") + 1))
        return tallest + ROW_PADDING
