"""Small building blocks shared by the record pages (partnership, mission).

A record page is a long document a successor reads from top to bottom:
titled sections, key/value grids that leave out what is empty (never
"None"), and compact tables that grow to their content so that only the
page scrolls, never a table inside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core import fmt
from ui.compact_table import Col, CompactTable, Line

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [  # the compact table is re-exported: pages import every building block from here
    "DANGER",
    "INFO",
    "MUTED",
    "NEUTRAL",
    "SUCCESS",
    "WARNING",
    "Badge",
    "Col",
    "CompactTable",
    "KeyValueGrid",
    "Line",
    "Section",
    "TableSection",
    "text_label",
]

DANGER = "#b3261e"
WARNING = "#8a5300"
MUTED = "#5f6368"
SUCCESS = "#1e6b34"
INFO = "#1f5aa6"
NEUTRAL = "#5f6368"

TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


Pair = tuple[str, str | None] | tuple[str, str | None, str]  # label, value[, colour]



def text_label(text: str = "", *, wrap: bool = True, muted: bool = False) -> QLabel:
    """Plain text (line breaks kept, no HTML), selectable, wrapping."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(TOP_LEFT)
    if muted:
        label.setStyleSheet(f"color: {MUTED};")
    return label


class Badge(QLabel):
    """A coloured status pill next to a record's name."""

    def set_status(self, text: str, colour: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        self.setStyleSheet(
            f"QLabel {{ color: white; background: {colour}; border-radius: 9px;"
            " padding: 2px 10px; font-weight: 600; }"
        )


class Section(QFrame):
    """A titled part of a record page: heading, action buttons on the right, a body."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("section")
        self.setStyleSheet(
            "QFrame#section { border: 1px solid #d9dce1; border-radius: 6px;"
            " background: palette(base); }"
        )
        self._title = title
        outer = QVBoxLayout(self)
        outer.setContentsMargins(14, 10, 14, 12)
        outer.setSpacing(8)
        top = QHBoxLayout()
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        top.addWidget(self.heading)
        top.addStretch(1)
        self.buttons = QHBoxLayout()
        self.buttons.setSpacing(6)
        top.addLayout(self.buttons)
        outer.addLayout(top)
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer.addLayout(self.body)

    def add_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(lambda: slot())
        self.buttons.addWidget(button)
        return button

    def set_count(self, count: int | None) -> None:
        """Show how many rows the section holds after its title: "Missions (5)"."""
        suffix = f" ({fmt.number(count)})" if count else ""
        self.heading.setText(self._title + suffix)


class KeyValueGrid(QWidget):
    """Label/value pairs; the pairs whose value is empty are left out."""

    def __init__(self, pairs_per_row: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pairs_per_row = pairs_per_row
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setHorizontalSpacing(14)
        self.grid.setVerticalSpacing(6)
        for pair in range(pairs_per_row):
            self.grid.setColumnStretch(pair * 2 + 1, 1)

    def set_items(self, items: Sequence[Pair], wide: Sequence[Pair] = ()) -> None:
        """``(label, value[, colour])`` pairs, then ``wide`` ones on whole rows (long texts).

        Pairs whose value is empty are not shown at all.
        """
        while self.grid.count():
            taken = self.grid.takeAt(0)
            widget = taken.widget() if taken else None
            if widget is not None:
                widget.deleteLater()
        shown = [item for item in items if item[1]]
        for index, item in enumerate(shown):
            row, pair = divmod(index, self.pairs_per_row)
            self._add(item, row, pair * 2, 1)
        first = -(-len(shown) // self.pairs_per_row)
        long_ones = [item for item in wide if item[1]]
        for offset, item in enumerate(long_ones):
            self._add(item, first + offset, 0, self.pairs_per_row * 2 - 1)
        self.setVisible(bool(shown or long_ones))

    def _add(self, item: Pair, row: int, column: int, span: int) -> None:
        key = text_label(item[0], wrap=False, muted=True)
        value = text_label(str(item[1]))
        if len(item) > 2 and item[2]:
            value.setStyleSheet(f"color: {item[2]}; font-weight: 600;")
        self.grid.addWidget(key, row, column, TOP_LEFT)
        self.grid.addWidget(value, row, column + 1, 1, span)


class TableSection(Section):
    """A section holding one compact table, or a short sentence when there is nothing."""

    def __init__(
        self, title: str, columns: Sequence[Col], empty_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.table = CompactTable(columns)
        self.empty = text_label(empty_text, muted=True)
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self._needs_row: list[QPushButton] = []
        self.table.itemSelectionChanged.connect(self._enable)

    def add_row_button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        """A button that acts on the selected row, enabled only when one is selected."""
        button = self.add_button(text, slot)
        button.setEnabled(False)
        self._needs_row.append(button)
        return button

    def set_lines(self, lines: Sequence[Line], count: int | None = None) -> None:
        self.table.set_lines(lines)
        self.table.setVisible(bool(lines))
        self.empty.setVisible(not lines)
        self.set_count(len(lines) if count is None else count)
        self._enable()

    def _enable(self) -> None:
        selected = self.table.selected_id() is not None
        for button in self._needs_row:
            button.setEnabled(selected)
