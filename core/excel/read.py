"""The one place that opens a user's spreadsheet file, which is never trusted.

Every import goes through ``read_workbook``: it turns an .xlsx, .xlsm, .xls,
.ods or .csv into plain Python rows, so that mapping, validation and the
preview never meet a file format, and it refuses (with one translated
sentence naming the file, never a traceback) what would not be a spreadsheet,
is encrypted, or would cost too much to read. The refusals that matter for
memory and time happen in ``safety`` before any parser runs; calamine (Rust)
then reads the binary formats, the csv module the text ones.

Rows keep the user's numbering: ``rows[i]`` is the line numbered ``i + 1`` in
the spreadsheet program, title rows and blank lines included (a blank line is
``[]``), so that a rejection can say "row 12" and be found. A cell is a
``str``, ``int`` (whole numbers, which calamine returns as floats), ``float``,
``bool``, ``datetime.date``/``datetime`` or ``None`` when empty; trailing empty
cells are dropped. A formula gives the value the spreadsheet program last
computed and saved (``None`` if the writer saved none). A CSV's cells are all
text: reading "1 250,50" or "06/03/2023" is ``core.parse``'s job.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

import python_calamine as calamine

from core.errors import UserError
from core.excel import safety
from core.i18n import _

MAX_FILE_BYTES = 50_000_000  # a workbook of 50 MB is refused before anything is read
MAX_UNCOMPRESSED_BYTES = 200_000_000  # all members of an .xlsx/.ods once inflated
MAX_ZIP_MEMBERS = 10_000
MAX_COMPRESSION_RATIO = 100  # ... for a member inflating past RATIO_MIN_BYTES
RATIO_MIN_BYTES = 10_000_000
MAX_CELLS = 1 << 24  # rows x columns of the used areas: what a legacy .xls sheet can hold
CHUNK_ROWS = 1_000  # rows between two progress reports and cancellation checks

_CALAMINE_SUFFIXES = {
    "xlsx": {".xlsx", ".xlsm", ".xlam"},
    "xls": {".xls", ".xla"},
    "ods": {".ods"},
}
_SNIFF_CHARS = 16_384
_SNIFF_LINES = 20
_DELIMITERS = ";,\t"  # in order of preference when the counts tie
_SEP_LINE = re.compile(r"sep=([;,\t|])\r?\n?")  # Excel's way of naming the separator
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x19\x1b-\x1f]")
_QUOTED = re.compile(r'"[^"]*"')
_FLOAT_EXACT = 2**53


@dataclass
class Sheet:
    """One sheet as rows of Python values; ``rows[i]`` is the user's row ``i + 1``."""

    name: str
    rows: list[list[object]]
    hidden: bool = False  # hidden in the spreadsheet program: the user may not know it is there


def read_workbook(
    path: Path,
    *,
    max_rows: int = 200_000,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Sheet]:
    """Every worksheet of ``path`` in workbook order (a CSV gives one, named after the file).

    ``progress(done_rows, total_rows)`` is called every ``CHUNK_ROWS`` rows and once
    at the end with ``done == total``; ``total_rows`` is an estimate until then.
    ``cancelled()`` is asked as often; when it says yes, ``UserError("Import
    cancelled.")`` is raised. Any problem with the file is a ``UserError``.
    """
    path = Path(path)
    job = _Job(path, max_rows, progress, cancelled)
    try:
        inspection = safety.inspect(path, _limits(max_rows))
        job.check_cancelled()
        if inspection.kind == "csv":
            sheets = [_read_csv(job)]
        else:
            job.total = inspection.rows
            sheets = _read_calamine(job, inspection.kind)
    except OSError as exc:
        raise safety.unreadable(path, exc) from None
    except MemoryError:
        raise safety.too_expanding(path) from None
    job.finish()
    return sheets


def _limits(max_rows: int) -> safety.Limits:
    """Read at each call, so that a test (or a future setting) can change a constant."""
    return safety.Limits(
        file_bytes=MAX_FILE_BYTES,
        uncompressed_bytes=MAX_UNCOMPRESSED_BYTES,
        members=MAX_ZIP_MEMBERS,
        ratio=MAX_COMPRESSION_RATIO,
        ratio_min_bytes=RATIO_MIN_BYTES,
        cells=MAX_CELLS,
        rows=max_rows,
    )


@dataclass
class _Job:
    """One reading: the file, its limits, and where progress and cancellation stand."""

    path: Path
    max_rows: int
    progress: Callable[[int, int], None] | None
    cancelled: Callable[[], bool] | None
    done: int = 0
    total: int = 0
    cells: int = 0
    reported: tuple[int, int] = (-1, -1)

    def check_cancelled(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise UserError(_("Import cancelled."))

    def advance(self, rows: int) -> None:
        self.done += rows
        self.total = max(self.total, self.done)
        self._report()
        self.check_cancelled()

    def finish(self) -> None:
        self.total = self.done
        self._report()

    def _report(self) -> None:
        if self.progress is not None and self.reported != (self.done, self.total):
            self.reported = (self.done, self.total)
            self.progress(self.done, self.total)

    def check_size(self, sheet: str, rows: int, columns: int) -> None:
        if rows > self.max_rows:
            raise safety.too_many_rows(self.path, self.max_rows, sheet)
        self.cells += rows * columns
        if self.cells > MAX_CELLS:
            raise safety.too_expanding(self.path)


# --- .xlsx, .xls, .ods -------------------------------------------------------


def _read_calamine(job: _Job, kind: str) -> list[Sheet]:
    try:
        with _open_workbook(job.path, kind) as book:
            return [
                Sheet(meta.name, _sheet_rows(job, book, index, meta.name), _is_hidden(meta))
                for index, meta in enumerate(book.sheets_metadata)
                if meta.typ == calamine.SheetTypeEnum.WorkSheet
            ]
    except calamine.PasswordError:
        raise safety.encrypted(job.path) from None
    except calamine.CalamineError as exc:
        raise safety.damaged(job.path, exc) from None
    except BaseException as exc:
        if type(exc).__name__ != "PanicException":  # a bug in the Rust code, met on odd files
            raise
        raise safety.damaged(job.path, exc) from None


def _open_workbook(path: Path, kind: str) -> calamine.CalamineWorkbook:
    """calamine picks its reader from the extension; a file named after another format
    (an .xlsx saved as "list.xls") is handed over as bytes, which it recognises."""
    if path.suffix.lower() in _CALAMINE_SUFFIXES[kind]:
        return calamine.CalamineWorkbook.from_path(path)
    return calamine.CalamineWorkbook.from_filelike(io.BytesIO(path.read_bytes()))


def _is_hidden(meta: calamine.SheetMetadata) -> bool:
    return bool(meta.visible != calamine.SheetVisibleEnum.Visible)


def _sheet_rows(
    job: _Job, book: calamine.CalamineWorkbook, index: int, name: str
) -> list[list[object]]:
    job.check_cancelled()
    sheet = book.get_sheet_by_index(index)
    if sheet.start is None or sheet.end is None:
        return []
    (first_row, first_col), (last_row, last_col) = sheet.start, sheet.end
    job.check_size(name, last_row + 1, last_col + 1)
    job.total = max(job.total, job.done + last_row + 1)
    rows: list[list[object]] = []
    for row in sheet.iter_rows():
        # iter_rows starts at A1 for rows but at the first used column for cells
        pad = first_col if len(row) < last_col + 1 else 0
        rows.append(_clean_row(row, pad))
        if len(rows) % CHUNK_ROWS == 0:
            job.advance(CHUNK_ROWS)
    if first_row and len(rows) == last_row - first_row + 1:  # not padded: put the lines back
        rows[:0] = [[] for _ in range(first_row)]
    job.advance(len(rows) % CHUNK_ROWS)
    return rows


def _clean_row(row: list[Any], pad: int) -> list[object]:
    while row and row[-1] == "":
        row.pop()
    if not row:
        return []
    # Most cells are text: kept without a call, which 50 000 rows of cells notice.
    cells = [None if value == "" else value if type(value) is str else _value(value)
             for value in row]
    return [None] * pad + cells if pad else cells


def _value(value: object) -> object:
    """Whole numbers as int (a postcode 1070 must not read "1070.0"); times as text."""
    if type(value) is str:
        return value
    if type(value) is float:
        return int(value) if value.is_integer() and abs(value) < _FLOAT_EXACT else value
    if isinstance(value, dt.time):
        return value.isoformat("minutes" if not value.second else "seconds")
    if isinstance(value, dt.timedelta):
        return str(value)
    return value


# --- .csv, .txt ---------------------------------------------------------------


def _read_csv(job: _Job) -> Sheet:
    text = _decode(job.path, job.path.read_bytes())
    declared = _SEP_LINE.match(text)
    if declared:
        text = text[declared.end() :]
    delimiter = declared[1] if declared else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    job.total = text.count("\n") + 1
    rows: list[list[object]] = []
    try:
        while chunk := list(islice(reader, CHUNK_ROWS)):
            rows.extend(_clean_csv_row(row) for row in chunk)
            if len(rows) > job.max_rows:
                raise safety.too_many_rows(job.path, job.max_rows, job.path.stem)
            job.advance(len(chunk))
    except csv.Error as exc:
        raise safety.damaged(job.path, exc) from None
    return Sheet(job.path.stem, rows)


def _clean_csv_row(row: list[str]) -> list[object]:
    while row and row[-1] == "":
        row.pop()
    return [value if value != "" else None for value in row]


def _decode(path: Path, raw: bytes) -> str:
    """UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        encodings = ["utf-8-sig", "cp1252"]
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return text
        break
    raise safety.not_spreadsheet(path)


def _looks_like_text(text: str) -> bool:
    sample = text[:65_536]
    if not sample.strip() or "\x00" in sample:
        return False
    return len(_CONTROL.findall(sample)) * 100 <= len(sample)


def _delimiter(text: str) -> str:
    """csv.Sniffer, restricted to ; , and tab; checked against the header line, since it
    can be fooled by decimal commas; otherwise the most consistent count wins."""
    sample = "".join(text[:_SNIFF_CHARS].splitlines(keepends=True)[:_SNIFF_LINES])
    try:
        found = csv.Sniffer().sniff(sample, delimiters=_DELIMITERS).delimiter
    except csv.Error:
        found = ""
    lines = [line for line in _QUOTED.sub("", sample).splitlines() if line.strip()]
    if found and lines and found in lines[0]:
        return found
    return _count_delimiters(lines)


def _count_delimiters(lines: list[str]) -> str:
    """The separator found the same number of times (at least once) on most lines."""

    def score(delimiter: str) -> tuple[int, int]:
        counts = [line.count(delimiter) for line in lines]
        if not counts or counts[0] == 0:
            return (0, 0)
        return (counts.count(counts[0]), counts[0])

    best = max(_DELIMITERS, key=score)  # max keeps the first of equals: ";" before ","
    return best if score(best) > (0, 0) else ","
