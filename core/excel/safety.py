"""Checks a user's spreadsheet file before any parser sees it.

The file comes from outside (a predecessor, a partner abroad, a finance
export) and is then read by calamine, a fast parser in Rust that trusts what
it reads: a 5 KB .xlsx with one cell in A1 and one in XFD1048576 makes it
ask for 512 GB and abort the whole application, which no ``except`` can
catch. So everything that could blow up is measured here first, on the raw
bytes, in bounded memory and a few seconds at most:

- what the file really is, from its first bytes rather than its extension;
- whether it is password-protected (an encrypted .xlsx is an OLE2 file);
- whether its ZIP would inflate past a safe size: declared sizes, ratios,
  member count, and the real inflated size of every member, which can lie;
- whether an XML part declares a DTD (entity expansion, "billion laughs");
- how many cells each sheet occupies once laid out as a grid (calamine
  allocates rows x columns of the used area, however empty it is).

Each refusal is a ``UserError`` with one translated sentence naming the file.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from core import fmt
from core.errors import UserError
from core.i18n import _

ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# An encrypted .xlsx/.docx is an OLE2 file holding these two streams (MS-OFFCRYPTO).
_ENCRYPTION_MARKERS = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
# Files people rename by mistake; refused even when named .csv.
_OTHER_FORMATS = (
    b"%PDF",
    b"\xff\xd8\xff",
    b"\x89PNG",
    b"GIF8",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
)
CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
_ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
_READ_BYTES = 1 << 18
_INFLATE_BYTES = 1 << 20
_CENTRAL_ENTRY_BYTES = 400  # generous size of one central-directory entry


@dataclass(frozen=True)
class Limits:
    """What one imported file may cost; read.py builds it from its module constants."""

    file_bytes: int
    uncompressed_bytes: int
    members: int
    ratio: int
    ratio_min_bytes: int
    cells: int
    rows: int


@dataclass(frozen=True)
class Inspection:
    """What the checks learnt: the format calamine must read, and about how many rows."""

    kind: str  # "xlsx", "ods", "xls" or "csv"
    rows: int = 0


# --- messages --------------------------------------------------------------


def not_spreadsheet(path: Path) -> UserError:
    return UserError(
        _("{path}: this file is not a spreadsheet (.xlsx, .xls, .ods or .csv).").format(path=path)
    )


def damaged(path: Path, detail: object) -> UserError:
    message = _("{path}: this file is not a spreadsheet or it is damaged ({detail}).")
    return UserError(message.format(path=path, detail=str(detail).strip() or type(detail).__name__))


def encrypted(path: Path) -> UserError:
    message = _(
        "{path}: this workbook is protected by a password; "
        "save a copy without password and import that one."
    )
    return UserError(message.format(path=path))


def too_expanding(path: Path) -> UserError:
    return UserError(
        _("{path}: this workbook would expand past a safe size; it was not read.").format(path=path)
    )


def too_large(path: Path, size: int, limit: int) -> UserError:
    message = _("{path}: this file is {size} MB; files of {limit} MB or more are not read.")
    return UserError(message.format(path=path, size=_megabytes(size), limit=_megabytes(limit)))


def too_many_rows(path: Path, limit: int, sheet: str | None = None) -> UserError:
    if sheet is None:  # before parsing, the sheet's name is not known yet
        message = _("{path}: a sheet has more than {limit} rows; it was not read.")
    else:
        message = _("{path}: sheet «{sheet}» has more than {limit} rows; it was not read.")
    return UserError(message.format(path=path, sheet=sheet, limit=fmt.number(limit)))


def unreadable(path: Path, error: OSError) -> UserError:
    message = _(
        "{path}: this file cannot be read ({detail}); "
        "check that it exists and is closed in the spreadsheet program."
    )
    return UserError(message.format(path=path, detail=error.strerror or error))


def _megabytes(size: int) -> str:
    return fmt.number(round(size / 1_000_000, 1))  # "52,4" in French, "50" rather than "50.0"


# --- what the file is ------------------------------------------------------


def inspect(path: Path, limits: Limits) -> Inspection:
    """The file's real format, once every check that can be made before parsing has passed."""
    size = path.stat().st_size
    if size == 0:
        raise not_spreadsheet(path)
    if size >= limits.file_bytes:
        raise too_large(path, size, limits.file_bytes)
    with path.open("rb") as stream:
        head = stream.read(len(OLE2_MAGIC))
        if head.startswith(ZIP_MAGIC):
            return _inspect_zip(path, stream, size, limits)
        if head == OLE2_MAGIC:
            if _has_encryption_streams(stream):
                raise encrypted(path)
            return Inspection("xls")
    if head.startswith(_OTHER_FORMATS) or path.suffix.lower() not in CSV_SUFFIXES:
        raise not_spreadsheet(path)
    return Inspection("csv")


def _has_encryption_streams(stream: BinaryIO) -> bool:
    """OLE2 directory entries are UTF-16LE names; small files have them in the first
    64 KiB, big ones may keep the directory anywhere, so the whole file (< 50 MB) is read."""
    overlap = max(len(marker) for marker in _ENCRYPTION_MARKERS) - 1
    stream.seek(0)
    tail = b""
    while chunk := stream.read(_READ_BYTES):
        window = tail + chunk
        if any(marker in window for marker in _ENCRYPTION_MARKERS):
            return True
        tail = window[-overlap:]
    return False


# --- ZIP containers (.xlsx, .ods) -------------------------------------------


def _inspect_zip(path: Path, stream: BinaryIO, size: int, limits: Limits) -> Inspection:
    _check_central_directory(path, stream, size, limits)
    try:
        with zipfile.ZipFile(stream) as archive:
            members = archive.infolist()
            _check_declared_sizes(path, members, limits)
            kind = _zip_kind(path, archive)
            rows = _check_members(path, stream, members, kind, limits)
    except (zipfile.BadZipFile, zlib.error, struct.error, EOFError, OSError, ValueError) as exc:
        raise damaged(path, exc) from None  # the file opened: an OSError here is a bad offset
    return Inspection(kind, rows)


def _check_central_directory(path: Path, stream: BinaryIO, size: int, limits: Limits) -> None:
    """Refuse a directory of a million entries before zipfile builds an object for each."""
    tail_size = min(size, 22 + 65_535)
    stream.seek(size - tail_size)
    tail = stream.read(tail_size)
    end = tail.rfind(b"PK\x05\x06")
    if end < 0 or end + 22 > len(tail):
        raise damaged(path, "no ZIP directory")
    entries, directory_bytes = struct.unpack_from("<HI", tail, end + 10)
    if entries > limits.members or directory_bytes > limits.members * _CENTRAL_ENTRY_BYTES:
        raise too_expanding(path)


def _check_declared_sizes(path: Path, members: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(members) > limits.members:
        raise too_expanding(path)
    if sum(member.file_size for member in members) > limits.uncompressed_bytes:
        raise too_expanding(path)
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > limits.ratio_min_bytes and ratio > limits.ratio:
            raise too_expanding(path)
        if member.flag_bits & 0x1:
            raise encrypted(path)
        if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise damaged(path, f"compression method {member.compress_type}")


def _zip_kind(path: Path, archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "content.xml" in names and "mimetype" in names:
        mimetype = archive.getinfo("mimetype")
        if mimetype.file_size < 200 and archive.read(mimetype).startswith(_ODS_MIMETYPE):
            return "ods"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise not_spreadsheet(path)  # a .docx, an .xlsb, a plain archive...


def _check_members(
    path: Path, stream: BinaryIO, members: list[zipfile.ZipInfo], kind: str, limits: Limits
) -> int:
    """Inflate every member: its real size, no DTD in XML, and the grid its cells occupy."""
    cells = rows = 0
    for member in members:
        grid = _measure(path, stream, member, _grid_for(kind, member.filename), limits, cells)
        if grid is not None:
            if grid.longest() > limits.rows:
                raise too_many_rows(path, limits.rows)
            cells, rows = cells + grid.cells(), rows + grid.rows()
        if cells > limits.cells:
            raise too_expanding(path)
    return rows


def _measure(
    path: Path,
    stream: BinaryIO,
    member: zipfile.ZipInfo,
    grid: _Grid | None,
    limits: Limits,
    cells: int,
) -> _Grid | None:
    """Scan the member; an .xlsx part found too big, or with cells written without
    coordinates, is measured again more closely before anything is refused."""
    _scan(path, stream, member, grid)
    if not isinstance(grid, _XlsxGrid):
        return grid
    too_big = cells + grid.cells() > limits.cells or grid.longest() > limits.rows
    # Only a part found too big is measured again leaving empty (styled) cells out:
    # counting them on the way cost a sixth of every import, for the rare file it helps.
    if grid.implicit or too_big:
        grid = _XlsxGrid("implicit" if grid.implicit else "valued")
        _scan(path, stream, member, grid)
    return grid


def _grid_for(kind: str, name: str) -> _Grid | None:
    """calamine reads an .ods's cells from content.xml, and an .xlsx's from whatever part
    the workbook's relationships name, whatever its name: every part is measured."""
    if kind == "ods":
        return _OdsGrid() if name == "content.xml" else None
    return _XlsxGrid()


def _scan(path: Path, stream: BinaryIO, member: zipfile.ZipInfo, grid: _Grid | None) -> None:
    boundary = _ODS_ROW_START if isinstance(grid, _OdsGrid) else b"<"
    xml = member.filename.lower().endswith((".xml", ".rels"))  # not an .svg image's DTD
    for piece in _pieces(_inflate(path, stream, member), boundary):
        if xml and (b"<!DOCTYPE" in piece or b"<!ENTITY" in piece):
            raise too_expanding(path)
        if grid is not None:
            grid.feed(piece)


def _inflate(path: Path, stream: BinaryIO, member: zipfile.ZipInfo) -> Iterator[bytes]:
    """The member's bytes, inflated by hand so that a lying declared size is caught: zipfile
    stops at the declared size, calamine's ZIP reader does not."""
    stream.seek(_data_offset(path, stream, member))
    remaining, produced = member.compress_size, 0
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    while remaining > 0:
        data = stream.read(min(remaining, _READ_BYTES))
        if not data:
            raise damaged(path, f"{member.filename} is truncated")
        remaining -= len(data)
        while data:
            if member.compress_type == zipfile.ZIP_STORED:
                out, data = data, b""
            else:
                out = inflater.decompress(data, _INFLATE_BYTES)
                data = b"" if inflater.eof else inflater.unconsumed_tail
            produced += len(out)
            if produced > member.file_size:
                raise too_expanding(path)
            yield out


def _data_offset(path: Path, stream: BinaryIO, member: zipfile.ZipInfo) -> int:
    """Where the member's data starts; its local header must agree with the directory."""
    stream.seek(member.header_offset)
    header = stream.read(30)
    if len(header) < 30 or not header.startswith(ZIP_MAGIC):
        raise damaged(path, f"{member.filename} has no local header")
    flags, method, compressed, size, name_len, extra_len = struct.unpack_from(
        "<HH8xIIHH", header, 6
    )
    sizes_agree = (compressed, size) in ((member.compress_size, member.file_size), (0, 0))
    if method != member.compress_type or not (flags & 0x8 or sizes_agree or size == 0xFFFFFFFF):
        raise damaged(path, f"{member.filename} has inconsistent headers")
    return member.header_offset + 30 + name_len + extra_len


def _pieces(chunks: Iterable[bytes], boundary: bytes = b"<") -> Iterator[bytes]:
    """The stream cut just before ``boundary``, so that no tag (or, for an ODS, no row)
    is split between two pieces."""
    pending: list[bytes] = []
    for chunk in chunks:
        cut = chunk.rfind(boundary)
        if cut < 0:
            pending.append(chunk)
            continue
        pending.append(chunk[:cut])
        yield b"".join(pending)
        pending = [chunk[cut:]]
    yield b"".join(pending)


# --- the grid a sheet occupies ---------------------------------------------

_HUGE = 10**9  # what an absurdly long number or column name counts as
# Coordinates as Excel writes them, on every cell (r="B12"); empty cells close at once
# ("<c r="B12" s="1"/>", or "<c ...></c>" as lxml writes them).
_XLSX_COLUMNS = re.compile(rb' r="([A-Z]{1,3})\d')
_XLSX_ROWS = re.compile(rb' r="[A-Z]{1,3}(\d{1,7})"')
_XLSX_VALUED = re.compile(rb' r="([A-Z]{1,3})(\d{1,7})"[^>]*?(?<!/)>(?!</c>)')
# Coordinates written any other way, and the start of each row.
_XLSX_ANY_REF = re.compile(rb"""r\s*=\s*["']([A-Z]*)(\d{1,9})""")  # also in footer="0.3": harmless
_XLSX_ROW_START = re.compile(rb"<(?:[\w.-]+:)?row[\s>/]")
_ODS_ROW_START = b"<table:table-row"
_ODS_TABLE_MARK = re.compile(rb"(<table:table(?=[\s>])|</table:table>)")
_ODS_ROW = re.compile(rb"<table:table-row(?=[\s/>])([^>]*)>")
_ODS_CELL_STARTS = (b"<table:table-cell", b"<table:covered-table-cell")
_ODS_REPEAT = re.compile(rb"""number-(?:rows|columns)-repeated\s*=\s*["'](\d+)""")
# Inside a row only cells carry it (columns are declared before the first row).
_ODS_REPEATED_CELL = re.compile(rb"""number-columns-repeated\s*=\s*["'](\d+)""")


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters[:5]:
        number = number * 26 + letter - 64
    return number if len(letters) <= 4 else _HUGE


class _XlsxGrid:
    """Rows and columns of the area an .xlsx worksheet's cells span, counted from A1.

    Three ways to measure, none with a Python loop per cell (a sheet part can
    hold millions): ``fast`` reads the coordinates every cell carries, empty
    cells included, and sets ``implicit`` when some cell is written otherwise
    (some writers leave coordinates out: a cell then follows the previous one);
    ``valued`` leaves out empty cells, for a part the fast count finds too big;
    ``implicit`` bounds
    what cells without coordinates can reach: the highest coordinate written
    plus the number of rows, and plus the cells of the longest row.
    """

    def __init__(self, mode: str = "fast") -> None:
        self.mode, self.implicit = mode, False
        self.max_row = self.max_col = 0
        self._rows_started = self._row_cells = self._widest_row = 0

    def feed(self, piece: bytes) -> None:
        if self.mode == "implicit":
            self._feed_implicit(piece)
            return
        if self.mode == "valued":
            found = _XLSX_VALUED.findall(piece)
            letters, numbers = [column for column, _row in found], [row for _column, row in found]
        else:
            letters, numbers = _XLSX_COLUMNS.findall(piece), _XLSX_ROWS.findall(piece)
            cells = piece.count(b"<c ") + piece.count(b"<c>")
            self.implicit = self.implicit or not len(letters) == len(numbers) == cells
        self._extend(letters, numbers)

    def _extend(self, letters: list[bytes], numbers: list[bytes]) -> None:
        if letters:
            widest = max(set(letters), key=lambda column: (len(column), column))
            self.max_col = max(self.max_col, _column_number(widest))
        if numbers:
            self.max_row = max(self.max_row, max(map(int, set(numbers))))

    def _feed_implicit(self, piece: bytes) -> None:
        found = _XLSX_ANY_REF.findall(piece)
        self._extend([column for column, _row in found if column], [row for _col, row in found])
        prefixed = b":row" in piece  # <x:row>: rare, and slower to split
        segments = _XLSX_ROW_START.split(piece) if prefixed else piece.split(b"<row")
        counts = [segment.count(b"<c") + segment.count(b":c") for segment in segments]
        self._row_cells += counts[0]
        if len(counts) > 1:
            longest = max(counts[1:-1], default=0)
            self._widest_row = max(self._widest_row, self._row_cells, longest)
            self._rows_started += len(counts) - 1
            self._row_cells = counts[-1]

    def cells(self) -> int:
        return self.rows() * self.columns()

    def longest(self) -> int:
        return self.rows()

    def rows(self) -> int:
        return self.max_row + self._rows_started

    def columns(self) -> int:
        return self.max_col + max(self._widest_row, self._row_cells)


class _OdsGrid:
    """Rows and columns of each table in an .ods content.xml, repeats expanded.

    ODS has no coordinates: a cell's place is the count of cells before it, and
    ``number-rows-repeated`` / ``number-columns-repeated`` multiply them. Empty
    repeats at the end of a row or of a table (LibreOffice writes a million)
    cost nothing, as in calamine; repeated values do. The work is done per row
    (pieces are cut before ``<table:table-row``), never per cell. Names are
    matched with the "table:" prefix, as calamine matches them.
    """

    def __init__(self) -> None:
        self.tables: list[tuple[int, int]] = []
        self._start_table()

    def _start_table(self) -> None:
        self._rows_seen = self._rows_used = self._cols_used = 0

    def feed(self, piece: bytes) -> None:
        parts = _ODS_TABLE_MARK.split(piece)  # content, mark, content, mark, ...
        for index, part in enumerate(parts):
            if index % 2 == 0:
                self._feed_rows(part)
            elif part == b"</table:table>":
                self.tables.append((self._rows_used, self._cols_used))
                self._start_table()
            else:
                self._start_table()

    def _feed_rows(self, content: bytes) -> None:
        parts = _ODS_ROW.split(content)  # before, attributes, body, attributes, body, ...
        for attributes, body in zip(parts[1::2], parts[2::2], strict=True):
            self._rows_seen += _repeat(attributes)
            columns = _row_columns(body)
            if columns:
                self._rows_used = self._rows_seen
                self._cols_used = max(self._cols_used, columns)

    def cells(self) -> int:
        return sum(rows * cols for rows, cols in self.tables)

    def rows(self) -> int:
        return sum(rows for rows, _cols in self.tables)

    def longest(self) -> int:
        return max((rows for rows, _cols in self.tables), default=0)


_Grid = _XlsxGrid | _OdsGrid


def _row_columns(body: bytes) -> int:
    """Columns up to the row's last cell with a value (0 if none), repeats included."""
    if b"value-type" not in body and b"-cell>" not in body:
        return 0
    columns = sum(body.count(start) for start in _ODS_CELL_STARTS)
    columns += sum(_count(found) - 1 for found in _ODS_REPEATED_CELL.findall(body))
    last = max(body.rfind(start) for start in _ODS_CELL_STARTS)
    tag = body[last : body.find(b">", last) + 1]
    if tag.endswith(b"/>") and b"value-type" not in tag:  # LibreOffice's trailing empty run
        columns -= _repeat(tag)
    return columns


def _repeat(attributes: bytes) -> int:
    found = _ODS_REPEAT.search(attributes)
    return _count(found[1]) if found else 1


def _count(digits: bytes) -> int:
    return int(digits) if len(digits) <= 9 else _HUGE
