"""core.excel.read: every format people send, as they lay it out, and bad files refused fast.

Every file is built here, in tmp_path: openpyxl for .xlsx, xlwt for .xls and
odfpy for .ods (both optional, the tests skip without them), the csv module
for text, and hand-made ZIPs for the files nobody should ever send us.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
import re
import shutil
import struct
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from core.errors import UserError
from core.excel import read
from core.excel.read import Sheet, read_workbook

Rows = list[list[object]]

TITLE = "Contacts du jumelage Anderlecht – Marsassoum"
HEADER: list[object] = ["Nom", "Prénom", "Pays", "Montant", "Date", "Actif"]
DATA: Rows = [
    ["Diallo", "Aminata", "Sénégal", 20000, dt.date(2023, 3, 6), True],
    ["بنعلي", "محمد", "المغرب", 1250.5, dt.date(2023, 12, 31), False],
    [],
    ["Van den Berg", "Els", "België", -350, dt.date(2024, 1, 2), True],
    ["Total", None, None, 20900.5],
]
# Row 1: the title, merged over A1:F1; row 2 blank; row 3 the header; then the data.
CONTACTS: Rows = [[TITLE], [], HEADER, *DATA]
NOTES: Rows = [["Remarque"], ["Texte < & > « libre »"]]
BOOK: list[tuple[str, Rows]] = [("Contacts", CONTACTS), ("Notes", NOTES)]

BAD_FILE_SECONDS = 20
NOT_SPREADSHEET = "is not a spreadsheet (.xlsx, .xls, .ods or .csv)"
EXPANDS = "would expand past a safe size"
PASSWORD = "protected by a password"
DAMAGED = "is not a spreadsheet or it is damaged"

MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


# --- writers -------------------------------------------------------------------


def write_xlsx(path: Path, book: list[tuple[str, Rows]] = BOOK) -> Path:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, rows in book:
        sheet = workbook.create_sheet(name)
        for row_number, row in enumerate(rows, start=1):
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row_number, column, value)
                if isinstance(value, dt.date):
                    cell.number_format = "DD/MM/YYYY"
        if rows and rows[0] == [TITLE]:
            sheet.merge_cells("A1:F1")
    workbook.save(path)
    return path


def write_xls(path: Path, book: list[tuple[str, Rows]] = BOOK) -> Path:
    xlwt = pytest.importorskip("xlwt")
    workbook = xlwt.Workbook(encoding="utf-8")
    date_style = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    for name, rows in book:
        sheet = workbook.add_sheet(name)
        for row_index, row in enumerate(rows):
            if row == [TITLE]:
                sheet.write_merge(row_index, row_index, 0, 5, TITLE)
                continue
            for column, value in enumerate(row):
                if isinstance(value, dt.date):
                    sheet.write(row_index, column, value, date_style)
                elif value is not None:
                    sheet.write(row_index, column, value)
    workbook.save(str(path))
    return path


def write_ods(path: Path, book: list[tuple[str, Rows]] = BOOK) -> Path:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableRow

    document = OpenDocumentSpreadsheet()
    for name, rows in book:
        table = Table(name=name)
        for row in rows:
            table_row = TableRow()
            for value in row:
                table_row.addElement(_ods_cell(value, merged=row == [TITLE]))
            if row == [TITLE]:
                for _ in range(5):
                    table_row.addElement(CoveredTableCell())
            table.addElement(table_row)
        document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def _ods_cell(value: object, *, merged: bool = False) -> object:
    from odf.table import TableCell
    from odf.text import P

    span = {"numbercolumnsspanned": 6} if merged else {}
    if value is None:
        return TableCell()
    if isinstance(value, bool):
        return TableCell(valuetype="boolean", booleanvalue=str(value).lower())
    if isinstance(value, int | float):
        return TableCell(valuetype="float", value=value)
    if isinstance(value, dt.date):
        return TableCell(valuetype="date", datevalue=value.isoformat())
    cell = TableCell(valuetype="string", **span)
    cell.addElement(P(text=str(value)))
    return cell


def minimal_xlsx(path: Path, sheet_data: str, shared_strings: str | None = None) -> Path:
    """An .xlsx written by hand, for the parts openpyxl would never write."""
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
        'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>'
    )
    package = (
        f'<Relationships xmlns="{PACKAGE_RELS}"><Relationship Id="rId1" '
        f'Type="{RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    )
    workbook = (
        f'<workbook {MAIN} xmlns:r="{RELS}"><sheets>'
        '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'
    )
    workbook_rels = (
        f'<Relationships xmlns="{PACKAGE_RELS}">'
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" Target="worksheets/sheet1.xml"/>'
        f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>"
    )
    strings = shared_strings or f'<sst {MAIN} count="1" uniqueCount="1"><si><t>a</t></si></sst>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", package)
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", workbook_rels)
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            f"<worksheet {MAIN}><sheetData>{sheet_data}</sheetData></worksheet>",
        )
        archive.writestr("xl/sharedStrings.xml", strings)
    return path


def cached_value(formula: str, value: bytes) -> Callable[[bytes], bytes]:
    """Give a formula cell the value Excel would have saved with it.

    However the writer spells the rest (``<v/>``, ``<v></v>``, no ``<v>`` at
    all, attributes on ``<f>``), the formula's own text is there; exactly one
    cell must change, so a writer's new spelling fails here, not silently.
    """
    spelled = re.escape(formula.encode())
    pattern = rb"(<f(?: [^>]*)?>" + spelled + rb"</f>)\s*(<v\s*/>|<v>[^<]*</v>)?"

    def change(xml: bytes) -> bytes:
        changed, count = re.subn(pattern, rb"\1<v>" + value + rb"</v>", xml)
        assert count == 1, xml[:300]
        return changed

    return change


def rewrite_member(path: Path, name: str, change: Callable[[bytes], bytes]) -> Path:
    members = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            members[info.filename] = archive.read(info)
    members[name] = change(members[name])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, data in members.items():
            archive.writestr(member, data)
    return path


def write_csv(path: Path, rows: list[list[object]], *, delimiter: str, encoding: str) -> Path:
    with path.open("w", encoding=encoding, newline="") as stream:
        csv.writer(stream, delimiter=delimiter).writerows(rows)
    return path


def refused(path: Path, expected: str, **options: object) -> str:
    """The UserError message for ``path``, which must name the file and come quickly."""
    started = time.perf_counter()
    with pytest.raises(UserError) as error:
        read_workbook(path, **options)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    message = str(error.value)
    assert expected in message
    assert path.name in message
    assert elapsed < BAD_FILE_SECONDS, f"{path.name} took {elapsed:.1f} s"
    assert "Traceback" not in message
    return message


# --- workbooks as people make them ------------------------------------------------


@pytest.mark.parametrize("writer", [write_xlsx, write_xls, write_ods], ids=["xlsx", "xls", "ods"])
def test_the_same_data_reads_the_same_in_every_format(
    tmp_path: Path, writer: Callable[[Path], Path]
) -> None:
    suffix = writer.__name__.removeprefix("write_")
    sheets = read_workbook(writer(tmp_path / f"contacts.{suffix}"))

    assert [sheet.name for sheet in sheets] == ["Contacts", "Notes"]
    contacts = sheets[0].rows
    assert contacts == CONTACTS
    assert contacts[2][0] == "Nom"  # the header is on row 3, as the user sees it
    assert contacts[3][5] is True and contacts[4][5] is False  # booleans, not 1 and 0
    assert type(contacts[3][3]) is int and type(contacts[4][3]) is float
    assert type(contacts[3][4]) is dt.date
    assert contacts[4][0] == "بنعلي"
    assert sheets[1].rows == NOTES
    assert not any(sheet.hidden for sheet in sheets)


def test_xlsx_details_formulas_offsets_hidden_and_chart_sheets(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Budget"
    sheet["C5"] = "Libellé"  # the table starts at C5: four blank lines, two blank columns
    sheet["D5"] = "Montant"
    sheet["C6"], sheet["D6"] = "Billets d'avion", 1250.5
    sheet["E6"] = "=D6*2"  # written with a cached value below
    sheet["F6"] = "=D6/0"  # no cached value: openpyxl never computes formulas
    sheet["C7"], sheet["D7"] = "0032 2 555 12 12", 1070.0
    sheet["E7"] = dt.datetime(2023, 3, 6, 10, 30)
    sheet["F7"] = dt.time(9, 15)
    hidden = workbook.create_sheet("Listes")
    hidden["A1"] = "SN"
    hidden.sheet_state = "hidden"
    workbook.create_chartsheet("Graphique")  # no cells: not a sheet to import from
    path = tmp_path / "budget.xlsx"
    workbook.save(path)
    rewrite_member(
        path,
        "xl/worksheets/sheet1.xml",
        cached_value("D6*2", b"2501"),
    )

    sheets = read_workbook(path)

    assert [(sheet.name, sheet.hidden) for sheet in sheets] == [("Budget", False), ("Listes", True)]
    rows = sheets[0].rows
    assert rows[:4] == [[], [], [], []]
    assert rows[4] == [None, None, "Libellé", "Montant"]
    # calamine gives the value the formula had when the file was saved, and nothing
    # when the writer saved none (openpyxl): such a cell reads as empty.
    assert rows[5] == [None, None, "Billets d'avion", 1250.5, 2501]
    assert rows[6] == [
        None,
        None,
        "0032 2 555 12 12",
        1070,
        dt.datetime(2023, 3, 6, 10, 30),
        "09:15",
    ]
    assert sheets[1].rows == [["SN"]]


def test_format_is_read_from_the_content_not_the_extension(tmp_path: Path) -> None:
    xlsx = write_xlsx(tmp_path / "contacts.xlsx")
    renamed = [shutil.copy(xlsx, tmp_path / "contacts.xls"), shutil.copy(xlsx, tmp_path / "c.csv")]
    for path in renamed:
        assert read_workbook(Path(path))[0].rows == CONTACTS
    ods = write_ods(tmp_path / "budget.ods")
    assert read_workbook(Path(shutil.copy(ods, tmp_path / "budget.xlsx")))[0].rows == CONTACTS


def test_a_styled_empty_cell_far_away_does_not_count(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active["A1"] = "Nom"
    workbook.active["XFD1048576"].font = Font(bold=True)  # formatted, never typed in
    workbook.save(tmp_path / "styled.xlsx")

    assert read_workbook(tmp_path / "styled.xlsx")[0].rows == [["Nom"]]


def test_cells_without_coordinates_follow_each_other(tmp_path: Path) -> None:
    """Some writers leave out r="A1": each cell then follows the previous one."""
    sheet_data = (
        '<row><c t="s"><v>0</v></c><c><v>2</v></c></row><row r="4"><c><v>3</v></c>'
        '<c r="D4"><v>4</v></c><c><v>5</v></c></row>'
    )
    path = minimal_xlsx(tmp_path / "implicit.xlsx", sheet_data)

    assert read_workbook(path)[0].rows == [["a", 2], [], [], [3, None, None, 4, 5]]


# --- CSV ------------------------------------------------------------------------

CSV_ROWS: Rows = [
    ["Nom", "Prénom", "Montant", "Date", "Remarque"],
    ["Diallo", "Aminata", "20 000,00", "06/03/2023", "Première mission"],
    ["Lefèvre", "Chloé", "1.250,50", "6 mars 2023", "ligne 1\nligne 2; suite"],
    [],
    ["Total", None, "21 250,50"],
]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
@pytest.mark.parametrize("delimiter", [";", ",", "\t"], ids=["semicolon", "comma", "tab"])
def test_csv_encoding_and_separator_are_detected(
    tmp_path: Path, encoding: str, delimiter: str
) -> None:
    path = write_csv(tmp_path / "export.csv", CSV_ROWS, delimiter=delimiter, encoding=encoding)

    (sheet,) = read_workbook(path)

    assert sheet == Sheet("export", CSV_ROWS)
    assert sheet.rows[2][4] == "ligne 1\nligne 2; suite"  # one row, as the spreadsheet shows it


def test_csv_arabic_text_unix_newlines_and_txt_extension(tmp_path: Path) -> None:
    text = "Nom;Ville;Montant\nبنعلي;الرباط;1 250,50\nDiallo;Marsassoum;300\n"
    path = tmp_path / "partenaires.txt"
    path.write_text(text, encoding="utf-8")

    assert read_workbook(path)[0].rows == [
        ["Nom", "Ville", "Montant"],
        ["بنعلي", "الرباط", "1 250,50"],
        ["Diallo", "Marsassoum", "300"],
    ]


def test_csv_decimal_commas_do_not_fool_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "montants.csv"
    path.write_bytes("Montant;Libellé\n1,5;Repas\n2,5;Taxi\n12,75;Visa\n".encode("cp1252"))

    assert read_workbook(path)[0].rows[1:] == [["1,5", "Repas"], ["2,5", "Taxi"], ["12,75", "Visa"]]


def test_csv_sep_line_single_column_and_utf16(tmp_path: Path) -> None:
    declared = tmp_path / "declared.csv"
    declared.write_text("sep=,\nNom,Montant\nDiallo,12\n", encoding="utf-8")
    single = tmp_path / "single.csv"
    single.write_text("Courriel\na@example.org\nb@example.org\n", encoding="utf-8")
    unicode_text = tmp_path / "unicode.txt"  # Excel's "Unicode text": UTF-16, tabs
    unicode_text.write_text("Nom\tPays\nبنعلي\tMaroc\n", encoding="utf-16")

    assert read_workbook(declared)[0].rows == [["Nom", "Montant"], ["Diallo", "12"]]
    assert read_workbook(single)[0].rows == [["Courriel"], ["a@example.org"], ["b@example.org"]]
    assert read_workbook(unicode_text)[0].rows == [["Nom", "Pays"], ["بنعلي", "Maroc"]]


# --- progress and cancellation ---------------------------------------------------------


def test_progress_reaches_the_total(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "CHUNK_ROWS", 3)
    calls: list[tuple[int, int]] = []
    for path in (
        write_xlsx(tmp_path / "c.xlsx"),
        write_csv(tmp_path / "c.csv", CSV_ROWS, delimiter=";", encoding="utf-8"),
    ):
        calls.clear()
        sheets = read_workbook(path, progress=lambda done, total: calls.append((done, total)))
        rows = sum(len(sheet.rows) for sheet in sheets)
        assert calls[-1] == (rows, rows)
        done = [done for done, _total in calls]
        assert done == sorted(done)
        assert all(done <= total for done, total in calls)


def test_cancel_between_chunks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(read, "CHUNK_ROWS", 2)
    calls: list[int] = []
    for path in (
        write_xlsx(tmp_path / "c.xlsx"),
        write_csv(tmp_path / "c.csv", CSV_ROWS, delimiter=";", encoding="utf-8"),
    ):
        calls.clear()
        with pytest.raises(UserError, match=r"Import cancelled\."):
            read_workbook(
                path,
                progress=lambda done, _total: calls.append(done),
                cancelled=lambda: bool(calls),
            )
        assert calls == [2]


# --- bad files --------------------------------------------------------------------------


def test_files_that_are_not_spreadsheets(tmp_path: Path) -> None:
    pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"
    noise = random.Random(5).randbytes(8192)
    cases = {
        "report.xlsx": pdf,
        "report.csv": pdf,
        "photo.xls": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + noise,
        "empty.xlsx": b"",
        "empty.csv": b"",
        "noise.xlsx": noise,
        "noise.csv": noise,
        "letter.xlsx": _zip_with({"word/document.xml": b"<w:document/>"}),
    }
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        refused(path, NOT_SPREADSHEET)


def test_damaged_files_say_so_with_the_parsers_words(tmp_path: Path) -> None:
    whole = write_xlsx(tmp_path / "whole.xlsx").read_bytes()
    truncated = tmp_path / "truncated.xlsx"
    truncated.write_bytes(whole[: len(whole) // 2])
    refused(truncated, DAMAGED)

    not_xls = tmp_path / "old.xls"
    not_xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096))
    refused(not_xls, DAMAGED)

    bad_index = minimal_xlsx(
        tmp_path / "bad.xlsx", '<row r="1"><c r="A1" t="s"><v>99</v></c></row>'
    )
    message = refused(bad_index, DAMAGED)
    # the parser's own words, whatever its version says, in parentheses after ours
    assert re.search(r"\(\S.*\)", message), message


def test_missing_file(tmp_path: Path) -> None:
    refused(tmp_path / "nowhere.xlsx", "cannot be read")


def test_encrypted_workbook(tmp_path: Path) -> None:
    """Excel saves a password-protected .xlsx as an OLE2 file with an EncryptionInfo stream."""
    path = tmp_path / "protected.xlsx"
    path.write_bytes(
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(1024)
        + "EncryptionInfo".encode("utf-16-le")
        + bytes(2048)
    )
    refused(path, PASSWORD)


def test_zip_bomb_one_huge_member(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            zeros = bytes(1 << 20)
            for _ in range(300):  # 300 MB of zeros, about 300 KB on disk
                member.write(zeros)
    assert path.stat().st_size < 1_000_000
    refused(path, EXPANDS)


def test_zip_bomb_ratio_and_member_count(tmp_path: Path) -> None:
    ratio = tmp_path / "ratio.xlsx"
    ratio.write_bytes(_zip_with({"xl/workbook.xml": b"<workbook/>", "xl/a.xml": bytes(20_000_000)}))
    refused(ratio, EXPANDS)

    crowd = tmp_path / "crowd.xlsx"
    members = {f"xl/media/{index}.xml": b"" for index in range(10_001)}
    crowd.write_bytes(_zip_with({"xl/workbook.xml": b"<workbook/>", **members}))
    refused(crowd, EXPANDS)


def test_zip_member_larger_than_declared(tmp_path: Path) -> None:
    """zipfile stops at the declared size; calamine's reader would inflate it all."""
    path = minimal_xlsx(tmp_path / "liar.xlsx", '<row r="1"><c r="A1"><v>1</v></c></row>')
    _declare_size(path, "xl/worksheets/sheet1.xml", 20)
    refused(path, EXPANDS)


def test_xml_bomb_in_shared_strings(tmp_path: Path) -> None:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{level} "{f"&lol{level - 1};" * 10}">' for level in range(1, 10)
    ]
    strings = (
        f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(entities)}]>'
        f'<sst {MAIN} count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    path = minimal_xlsx(
        tmp_path / "laughs.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>', strings
    )
    started = time.perf_counter()
    refused(path, EXPANDS)
    assert time.perf_counter() - started < 5


def test_two_cells_far_apart(tmp_path: Path) -> None:
    """A1 and XFD1048576: 5 KB on disk, and calamine would ask for 512 GB and abort."""
    workbook = Workbook()
    workbook.active["A1"] = "Nom"
    workbook.active["XFD1048576"] = "oups"
    workbook.save(tmp_path / "sparse.xlsx")
    refused(tmp_path / "sparse.xlsx", "more than 200,000 rows")
    refused(tmp_path / "sparse.xlsx", EXPANDS, max_rows=2_000_000)


def test_ods_repeated_cells(tmp_path: Path) -> None:
    cell = (
        '<table:table-cell table:number-columns-repeated="16384" '
        'office:value-type="float" office:value="1"/>'
    )
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body>'
        '<office:spreadsheet><table:table table:name="S">'
        f'<table:table-row table:number-rows-repeated="5000">{cell}</table:table-row>'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = tmp_path / "repeat.ods"
    path.write_bytes(
        _zip_with(
            {
                "mimetype": b"application/vnd.oasis.opendocument.spreadsheet",
                "content.xml": content.encode(),
            }
        )
    )
    refused(path, EXPANDS)


def test_file_over_the_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_xlsx(tmp_path / "big.xlsx")
    monkeypatch.setattr(read, "MAX_FILE_BYTES", 2_000)
    refused(path, "MB or more are not read")


@pytest.mark.parametrize(
    ("writer", "expected"),
    [
        (write_xlsx, "a sheet has more than 5 rows"),  # measured before parsing
        (write_ods, "a sheet has more than 5 rows"),
        (write_xls, "sheet «Contacts» has more than 5 rows"),  # once read: 65 536 rows at most
    ],
    ids=["xlsx", "ods", "xls"],
)
def test_too_many_rows(tmp_path: Path, writer: Callable[[Path], Path], expected: str) -> None:
    suffix = writer.__name__.removeprefix("write_")
    refused(writer(tmp_path / f"long.{suffix}"), expected, max_rows=5)


def test_too_many_rows_in_a_csv(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "long.csv", CSV_ROWS * 3, delimiter=";", encoding="utf-8")
    refused(path, "sheet «long» has more than 5 rows", max_rows=5)


# --- helpers for the bad files ----------------------------------------------------------


def _zip_with(members: dict[str, bytes]) -> bytes:
    from io import BytesIO

    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _declare_size(path: Path, name: str, size: int) -> None:
    """Write ``size`` as the uncompressed size of ``name`` in both of its ZIP headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(name)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    encoded = name.encode()
    central = data.find(b"PK\x01\x02")
    while central >= 0:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == encoded:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))
