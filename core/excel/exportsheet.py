"""One table on one sheet, streamed: the shape every exported sheet shares.

A bold header row that stays frozen, an auto-filter, columns as wide as what
they hold, and a page set up for printing (landscape, one page wide, the
header row on every page, the municipality, the date and "page X of Y").
Rows are streamed to openpyxl's write-only sheets so that 100 000 of them
take no more memory than 1 000; the column widths are measured on the first
rows, which are the only ones kept until the widths are written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, NamedTuple

from core import fmt
from core.excel.write import (
    FORMATS,
    Book,
    ExportCancelled,
    Formula,
    cell_maker,
    display_width,
    fit_width,
    safe_cell,
)
from core.i18n import _

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
STEP = 1000  # rows between two progress reports; also the rows measured for the widths
WRAP_WIDTH = 40  # long text wraps at this width rather than widening the printed page
LINE_HEIGHT = 15  # points, for Calibri 11


@dataclass(frozen=True)
class Column:
    header: str  # already translated
    kind: str = "text"  # text, wrap (long text), int, date, datetime, money, eur, rate, percent
    total: bool = False  # summed by a live SUM formula in a total row


@dataclass(frozen=True)
class Table:
    """What to write on one sheet; ``rows`` may be a generator, read once."""

    title: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[Any]]
    caption: str = ""  # printed at the top of each page; the sheet's title when empty
    count: int | None = None  # rows expected, for progress
    max_width: int = 60
    entry: bool = False  # to be filled in: what is typed in a text column stays text


class Written(NamedTuple):
    ws: WriteOnlyWorksheet
    rows: int


def letter(index: int) -> str:
    """Column letter of a 0-based index."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def write_table(
    book: Book,
    table: Table,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Written:
    """Write ``table`` on a new sheet of ``book``; the sheet (to add validations to), its rows."""
    ws = book.sheet(table.title)
    rows = iter(table.rows)
    first = list(islice(rows, STEP))
    widths = _set_widths(ws, table, first)
    _set_column_formats(ws, table.columns, table.entry)
    ws.freeze_panes = "A2"
    print_setup(ws, book.municipality, table.caption or ws.title)
    ws.append([safe_cell(ws, c.header, bold=True) for c in table.columns])
    wrapped = {i: w for i, w in enumerate(widths) if table.columns[i].kind == "wrap"}
    count = _append_rows(ws, table, chain(first, rows), wrapped, progress, cancelled)
    last = letter(len(table.columns) - 1)
    ws.auto_filter.ref = f"A1:{last}{count + 1}"
    if any(c.total for c in table.columns):
        ws.append(total_row(ws, table.columns, count))
    return Written(ws, count)


def _append_rows(
    ws: WriteOnlyWorksheet,
    table: Table,
    rows: Iterable[Sequence[Any]],
    wrapped: dict[int, float],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> int:
    # Cells of a row made taller by wrapped text are aligned at the top; the other rows
    # (most of them: notes are rare) get plain cells, which cost a fraction of a styled one.
    plain = [cell_maker(ws, c.kind) for c in table.columns]
    tall = [cell_maker(ws, c.kind, top=True) for c in table.columns] if wrapped else plain
    expected = table.count or 0
    count = 0
    for row in rows:
        makers = tall if wrapped and _fit_height(ws, count + 2, row, wrapped) else plain
        ws.append([make(value) for make, value in zip(makers, row, strict=True)])
        count += 1
        if count % STEP == 0:
            if cancelled is not None and cancelled():
                raise ExportCancelled(_("Export cancelled; no file was written."))
            if progress is not None:
                progress(count, max(expected, count))
    if progress is not None:
        progress(count, max(expected, count))
    return count


def total_row(ws: WriteOnlyWorksheet, columns: Sequence[Column], count: int) -> list[Any]:
    """ "Total" in the first column, a live SUM under every column marked ``total``."""
    cells: list[Any] = []
    for index, column in enumerate(columns):
        if column.total:
            ref = letter(index)
            value: Any = Formula(f"=SUM({ref}2:{ref}{count + 1})") if count else 0
        else:
            value = _("Total") if index == 0 else None
        cells.append(cell_maker(ws, column.kind, bold=True)(value))
    return cells


def _set_widths(ws: WriteOnlyWorksheet, table: Table, sample: list[Sequence[Any]]) -> list[float]:
    fitted = []
    for index, column in enumerate(table.columns):
        widths = [display_width(row[index]) for row in sample]
        cap = WRAP_WIDTH if column.kind == "wrap" else table.max_width
        fitted.append(fit_width(column.header, widths, cap, floor=14 if table.entry else 6))
        ws.column_dimensions[letter(index)].width = fitted[-1]
    return fitted


def _fit_height(
    ws: WriteOnlyWorksheet, number: int, row: Sequence[Any], wrapped: dict[int, float]
) -> bool:
    """Give a row with wrapped text the height of its lines: neither Excel nor LibreOffice
    measures rows when opening a file, and the lines would print over each other.
    True when the row is taller than one line."""
    lines = max((_lines(row[index], width) for index, width in wrapped.items()), default=1)
    if lines > 1:
        ws.row_dimensions[number].height = LINE_HEIGHT * lines
    return lines > 1


def _lines(value: Any, width: float) -> int:
    """How many lines ``value`` takes, wrapped in a column ``width`` wide.

    A width counts "0" characters; text averages a little narrower (in Calibri,
    and in the DejaVu Sans LibreOffice falls back on), hence the 1.15.
    """
    import textwrap

    if value is None or value == "":
        return 1
    per_line = max(1, int(width * 1.15))
    return sum(len(textwrap.wrap(part, per_line)) or 1 for part in str(value).split("\n"))


def _set_column_formats(ws: WriteOnlyWorksheet, columns: Sequence[Column], entry: bool) -> None:
    """Empty cells of a date or money column take its format when someone types in them."""
    for index, column in enumerate(columns):
        number_format = FORMATS.get(column.kind, "@" if entry and column.kind == "text" else "")
        if number_format:
            ws.column_dimensions[letter(index)].number_format = number_format


def print_setup(ws: WriteOnlyWorksheet, municipality: str, caption: str = "") -> None:
    """Landscape A4, one page wide, header row repeated, municipality, date and page numbers."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0  # as many pages down as needed
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = True
    ws.print_title_rows = "1:1"
    ws.oddHeader.left.text = _header_text(municipality)
    ws.oddHeader.center.text = _header_text(caption or ws.title)
    ws.oddHeader.right.text = _header_text(fmt.date(dt.date.today()))
    ws.oddFooter.center.text = _("Page {page} of {pages}").format(page="&P", pages="&N")


def _header_text(text: str) -> str:
    """Header text with its ampersands doubled (a lone & starts a code); Excel allows 255 in all."""
    return text[:80].replace("&", "&&")
