"""How a list shares its width: dates and amounts whole, the main text the room left.

Run after every query, not only at start-up: a list built while empty
would otherwise keep «7 déc. 2…» and «1 250 000 F …» cut until a restart.
Text and choice columns give way when the window is small, the widest
first, down to their header; a short choice («Ontvangst») stays whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHeaderView

if TYPE_CHECKING:
    from collections.abc import Sequence

    from PySide6.QtWidgets import QTableView

    from core.listing import Column

MAX_COLUMN = 220
MIN_STRETCH = 220
SHORT_WORDS = 110  # a choice column this narrow («Uitgave», «Ontvangst») is never cut


def fit_columns(view: QTableView, columns: Sequence[Column], stretch_key: str | None) -> None:
    """Size ``view``'s columns to their content; the ``stretch_key`` column takes the rest."""
    header = view.horizontalHeader()
    widths: dict[int, int] = {}
    for column, definition in enumerate(columns):
        if definition.key == stretch_key:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif not header.isSectionHidden(column):
            view.resizeColumnToContents(column)
            widths[column] = min(view.columnWidth(column) + 12, MAX_COLUMN)
    viewport = view.viewport().width()
    room = viewport - min(MIN_STRETCH, max(120, viewport // 6))  # a small window: less
    floors = {c: _floor(header, columns[c], c, widths[c]) for c in widths}
    while sum(widths.values()) > room:
        shrinkable = [c for c in widths if widths[c] - 10 >= floors[c]
                      and columns[c].type in ("text", "choice")]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda c: widths[c])
        widths[widest] -= 10
    for column, width in widths.items():
        view.setColumnWidth(column, width)


def _floor(header: QHeaderView, definition: Column, column: int, width: int) -> int:
    """How narrow a column may become: its header; a short word whole."""
    least = max(header.sectionSizeFromContents(column).width(), 60)
    short = definition.type == "choice" and width <= SHORT_WORDS
    return max(least, width) if short else least
