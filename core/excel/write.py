"""The one place a workbook is written: safe cells, number formats, atomic save.

Every workbook the application makes (exports, the council workbook,
templates) goes through here, so the defences hold everywhere:

- text is always text: a value starting with ``=``, ``+``, ``-``, ``@``, tab or
  CR is stored as a string (and marked with Excel's quote prefix), never as a
  formula; only :class:`Formula` objects, built by our own code, are live;
- control characters that make Excel refuse the whole file are removed;
- money is a number with a format, so that the council can sum it; dates are
  real dates shown day first;
- the file appears complete or not at all: written beside the target, then
  moved over it.

openpyxl is imported inside functions: start-up stays light.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from core.errors import UserError
from core.files import check_folder, write_atomically

if TYPE_CHECKING:
    from collections.abc import Callable

    from openpyxl.cell import Cell
    from openpyxl.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

RISKY_START = ("=", "+", "-", "@", "\t", "\r")
# XML 1.0 forbids these; openpyxl's ILLEGAL_CHARACTERS_RE plus surrogates and U+FFFE/FFFF.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
MAX_CELL_TEXT = 32767  # Excel's limit for one cell

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
NUMBER_FORMAT = "#,##0.00"
EUR_FORMAT = '#,##0.00 "€"'
PERCENT_FORMAT = "0.0%"
# Number format of each kind of column; the other kinds are written as they are.
FORMATS = {
    "date": DATE_FORMAT,
    "datetime": DATETIME_FORMAT,
    "money": NUMBER_FORMAT,
    "eur": EUR_FORMAT,
    "percent": PERCENT_FORMAT,
}


class Formula(str):
    """A live formula ("=SUM(B2:B9)"), made by our code; every other text is written as text."""


class Money(NamedTuple):
    """An amount shown with its own currency, in a column that mixes currencies."""

    amount: Decimal
    currency: str


class ExportCancelled(UserError):
    """The user stopped the export; no file was written."""


def clean_text(text: str) -> str:
    """Text without the characters XML forbids, cut to what a cell holds.

    Line ends become "\n": XML reads a lone CR back as LF anyway.
    """
    text = _ILLEGAL.sub("", text)
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text[:MAX_CELL_TEXT]


def needs_care(text: str) -> bool:
    """True when a string cannot be handed to openpyxl as it is."""
    return (
        text.startswith(RISKY_START)
        or len(text) > MAX_CELL_TEXT
        or "\r" in text
        or bool(_ILLEGAL.search(text))
    )


def currency_format(currency: str) -> str:
    """ "#,##0.00 "€"" for euros, "#,##0.00 "XOF"" for another currency."""
    code = re.sub(r"[^A-Z]", "", (currency or "EUR").upper())[:3] or "EUR"
    return EUR_FORMAT if code == "EUR" else f'#,##0.00 "{code}"'


def put(cell: Cell, value: Any, number_format: str | None = None) -> Cell:
    """Give ``cell`` its value, safely: the only way a value enters a cell."""
    if isinstance(value, Formula):
        if not value.startswith("="):
            raise ValueError(f"not a formula: {value!r}")
        cell.value = str(value)
    elif isinstance(value, str):
        text = clean_text(value)
        cell.value = text
        cell.data_type = "s"  # openpyxl would take "=..." for a formula
        if text.startswith(RISKY_START):
            cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    elif isinstance(value, Money):
        cell.value = value.amount
        number_format = currency_format(value.currency)
    else:
        cell.value = value
    if number_format:
        cell.number_format = number_format
    return cell


def safe_cell(
    ws: WriteOnlyWorksheet, value: Any, number_format: str | None = None, *, bold: bool = False
) -> Cell:
    """A new cell of ``ws`` holding ``value`` safely (see :func:`put`)."""
    from openpyxl.cell import WriteOnlyCell

    cell = put(WriteOnlyCell(ws), value, number_format)
    if bold:
        cell.font = _bold()
    return cell


def _bold() -> Any:
    """The workbook's own font (Calibri 11), bold: a bare bold font prints in another face."""
    from openpyxl.styles import Font
    from openpyxl.styles.fonts import DEFAULT_FONT

    return Font(name=DEFAULT_FONT.name, sz=DEFAULT_FONT.sz, family=DEFAULT_FONT.family,
                scheme=DEFAULT_FONT.scheme, bold=True)


_PLAIN = (int, Decimal, dt.date, dt.datetime)  # what a formatted column usually holds


def cell_maker(
    ws: WriteOnlyWorksheet, kind: str, *, bold: bool = False, top: bool = False
) -> Callable[[Any], Any]:
    """What to append for one value of a column of ``kind``; plain values where they are safe.

    ``top`` aligns cells at the top of rows made taller by wrapped text ("wrap"
    columns). A formatted number or date goes in one cell kept for the column
    and refilled row after row: a write-only sheet writes a row out as soon
    as it is appended, and a styled cell per value would cost more.
    """
    number_format = FORMATS.get(kind)
    if bold or top or kind == "wrap":
        return _styled_maker(ws, number_format, bold, top or kind == "wrap", kind == "wrap")
    kept = safe_cell(ws, None, number_format)

    def make(value: Any) -> Any:
        if value is None or value == "":
            return None
        if type(value) is str:
            return safe_cell(ws, value) if needs_care(value) else value
        if type(value) in _PLAIN:
            if number_format is None:
                return value
            kept.value = value
            return kept
        return safe_cell(ws, value, _format_for(value, number_format))

    return make


def _styled_maker(
    ws: WriteOnlyWorksheet, number_format: str | None, bold: bool, top: bool, wrap: bool
) -> Callable[[Any], Any]:
    from openpyxl.styles import Alignment

    alignment = Alignment(wrap_text=wrap or None, vertical="top") if top else None

    def make(value: Any) -> Any:
        if (value is None or value == "") and not bold:
            return None
        cell = safe_cell(ws, value, _format_for(value, number_format), bold=bold)
        if alignment is not None:
            cell.alignment = alignment
        return cell

    return make


def _format_for(value: Any, number_format: str | None) -> str | None:
    """The column's format, except for text (which keeps the general format)."""
    text = isinstance(value, str) and not isinstance(value, Formula)
    return None if text else number_format


def display_width(value: Any) -> int:
    """About how many characters ``value`` takes once formatted."""
    if value is None:
        return 0
    if isinstance(value, Formula):
        return 12
    if isinstance(value, str):
        return max((len(line) for line in value.splitlines()), default=0)
    if isinstance(value, Money):
        return len(f"{value.amount:,.2f}") + len(value.currency) + 1
    if isinstance(value, Decimal | float):
        return len(f"{value:,.2f}") + 2
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    return len(str(value))


def fit_width(header: str, widths: list[int], cap: int = 60, floor: int = 6) -> float:
    """A column width for its header (bold, with the filter button) and its values."""
    wanted = max([len(header) * 1.1 + 3, *(w + 2 for w in widths)])
    return float(min(cap, max(floor, round(wanted))))


# --- the file ----------------------------------------------------------------


class Book:
    """A write-only (streaming) workbook that replaces ``out`` only once complete.

    Use it as a context manager: on leaving normally the file is saved, on an
    exception (a cancel included) nothing is written and ``out`` is untouched.
    """

    def __init__(self, out: Path, municipality: str = "") -> None:
        from openpyxl import Workbook

        self.out = Path(out)
        check_folder(self.out)
        self.municipality = municipality
        self.workbook: Workbook = Workbook(write_only=True)
        self.workbook.calculation.fullCalcOnLoad = True  # totals computed on opening

    def sheet(self, title: str) -> WriteOnlyWorksheet:
        return self.workbook.create_sheet(sheet_title(title, self.workbook.sheetnames))

    def __enter__(self) -> Book:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is None:
            self.save()
        else:
            self.discard()

    def save(self) -> None:
        write_atomically(self.out, lambda temporary: self.workbook.save(temporary))

    def discard(self) -> None:
        """Forget the sheets written so far, and openpyxl's temporary files with them."""
        for ws in self.workbook.worksheets:
            rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
            try:
                if rows is not None:
                    rows.close()  # ends the sheet's XML while its file is still open
                if writer is not None:
                    writer.close()
                    writer.cleanup()
            except (OSError, ValueError):
                pass


def sheet_title(title: str, taken: list[str]) -> str:
    """A title Excel accepts: no []:*?/\\, at most 31 characters, not already used."""
    base = re.sub(r"[\[\]:*?/\\]", " ", clean_text(title)).strip(" '")[:31] or "Sheet"
    candidate, n = base, 1
    while candidate.casefold() in (t.casefold() for t in taken):
        n += 1
        candidate = f"{base[: 31 - len(str(n)) - 1]} {n}"
    return candidate
