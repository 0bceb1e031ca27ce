"""A sheet of explanations: label and text lines, as the declarations open with.

An officer reads the first sheet of a declaration before copying anything:
who declares, by when, how each amount was computed. The lines are short
label/value pairs, the long texts wrapped; an amount is in euros.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from core.excel.exportsheet import LINE_HEIGHT, print_setup
from core.excel.write import EUR_FORMAT, safe_cell

if TYPE_CHECKING:
    from collections.abc import Sequence

    from core.excel.write import Book

TEXT_WIDTH = 90  # characters of the text column


def text_sheet(book: Book, title: str, lines: Sequence[Sequence[Any]]) -> None:
    """A sheet of ``lines``: a bold first line (the title), then label and value pairs."""
    from openpyxl.styles import Alignment

    ws = book.sheet(title)
    ws.column_dimensions["A"].width = 26
    ws.column_dimensions["B"].width = TEXT_WIDTH
    print_setup(ws, book.municipality, title)
    ws.print_title_rows = None
    wrap = Alignment(wrap_text=True, vertical="top")
    for number, line in enumerate(lines, start=1):
        longest = max((len(v) for v in line if isinstance(v, str)), default=0)
        cells = [safe_cell(ws, value, EUR_FORMAT, bold=True) if isinstance(value, Decimal)
                 else safe_cell(ws, value, bold=index == 0) for index, value in enumerate(line)]
        if longest > TEXT_WIDTH:  # a long text wraps; its label stays at the top beside it
            for cell in cells:
                cell.alignment = wrap
            ws.row_dimensions[number].height = LINE_HEIGHT * (longest // TEXT_WIDTH + 2)
        ws.append(cells)
