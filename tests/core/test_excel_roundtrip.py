"""What goes out comes back in: export each kind, import into an empty file, same records.

And the same sheet saved as .xlsx, .xls, .ods and .csv imports the same records.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from core import demo, records
from core.db import open_db
from core.excel import apply, importer
from core.excel.export import export_kind
from tests.conftest import run_cli

ORDER = ("organisations", "partnerships", "contacts", "missions", "budget", "transactions")
COMPARED = {
    "organisations": ("name", "kind", "country", "city", "email"),
    "partnerships": ("name", "country", "status", "start_date", "agreement_expiry_date",
                     "sdgs"),
    "contacts": ("first_name", "last_name", "email", "role", "country", "phone"),
    "missions": ("title", "direction", "start_date", "end_date", "status",
                 "destination_country"),
    "budget": ("year", "kind", "category", "label", "amount", "currency", "amount_eur"),
    "transactions": ("date", "kind", "category", "label", "amount", "currency", "rate",
                     "amount_eur", "reference"),
}
TABLES = {"budget": "budget_lines"}


def snapshot(db, kind: str) -> list[tuple]:
    table = TABLES.get(kind, kind)
    return sorted(tuple(str(r[f]) for f in COMPARED[kind])
                  for r in records.list_records(db, table))


def test_export_then_import_into_an_empty_file(tmp_path: Path) -> None:
    source = open_db(tmp_path / "source.sqlite3")
    demo.fill(source, today=date(2026, 11, 23))
    target = open_db(tmp_path / "target.sqlite3")
    for kind in ORDER:
        out = tmp_path / f"{kind}.xlsx"
        export_kind(source, kind, out)
        plan = importer.prepare(target, kind, out)
        assert plan.count("reject") == 0, [r.reason for r in plan.rows if r.reason][:3]
        apply.apply(target, plan)
        assert snapshot(target, kind) == snapshot(source, kind), kind
    for kind in ORDER:  # and a second import of the same files adds nothing
        assert importer.prepare(target, kind, tmp_path / f"{kind}.xlsx").count("create") == 0


ROWS = [
    ["Nom", "Prénom", "Courriel", "Pays", "Fonction"],
    ["Diatta", "Awa", "awa@marsassoum.example", "Sénégal", "Maire"],
    ["العلوي", "محمد", "m@safi.example", "Maroc", "Adjoint"],
    ["Peeters", "Jan", "", "België", "Schepen"],
]


def write_all_formats(folder: Path) -> dict[str, Path]:
    from openpyxl import Workbook

    files = {}
    book = Workbook()
    for row in ROWS:
        book.active.append(row)
    files["xlsx"] = folder / "c.xlsx"
    book.save(files["xlsx"])
    xlwt = pytest.importorskip("xlwt")
    legacy = xlwt.Workbook()
    sheet = legacy.add_sheet("Contacts")
    for r, row in enumerate(ROWS):
        for c, value in enumerate(row):
            sheet.write(r, c, value)
    files["xls"] = folder / "c.xls"
    legacy.save(str(files["xls"]))
    files["ods"] = write_ods(folder / "c.ods")
    files["csv"] = folder / "c.csv"
    files["csv"].write_text("\n".join(";".join(r) for r in ROWS), encoding="utf-8-sig")
    return files


def write_ods(path: Path) -> Path:
    pytest.importorskip("odf")
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    document = OpenDocumentSpreadsheet()
    table = Table(name="Contacts")
    for row in ROWS:
        line = TableRow()
        for value in row:
            cell = TableCell(valuetype="string")
            cell.addElement(P(text=value))
            line.addElement(cell)
        table.addElement(line)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path


def test_the_same_sheet_in_every_format_imports_the_same(tmp_path: Path) -> None:
    results = {}
    for fmt, path in write_all_formats(tmp_path).items():
        db = open_db(tmp_path / f"{fmt}.sqlite3")
        apply.apply(db, importer.prepare(db, "contacts", path))
        results[fmt] = snapshot(db, "contacts")
        db.close()
    assert len(results["xlsx"]) == 3
    assert all(found == results["xlsx"] for found in results.values()), results


def people(path: Path) -> set[tuple[str, str, str]]:
    """The live contacts of the file, read with plain SQL."""
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT first_name, last_name, coalesce(country, '') "
                                "FROM contacts WHERE deleted_at IS NULL"))
    finally:
        conn.close()


def test_cli_import_writes_rejects_and_strict_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "ici.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    sheet = tmp_path / "contacts.csv"
    sheet.write_text("Nom;Prénom;Pays\nSané;Moussa;Sénégal\nX;Y;Atlantide\n",
                     encoding="utf-8")
    before = people(db)
    strict = run_cli("--lang", "en", "--db", db, "import", "contacts", sheet, "--strict")
    assert strict.returncode != 0 and "strict" in strict.stderr
    assert people(db) == before  # read back: the good row was not imported either
    result = run_cli("--lang", "en", "--db", db, "import", "contacts", sheet,
                     "--rejects", tmp_path / "rejects.xlsx")
    assert result.returncode == 0, result.stderr
    assert people(db) - before == {("Moussa", "Sané", "SN")}
    assert "1 row rejected" in result.stdout and "Atlantide" in result.stdout
    from openpyxl import load_workbook

    rows = list(load_workbook(tmp_path / "rejects.xlsx").active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Row", "Reason") and rows[1][0] == 3 and "Atlantide" in rows[1][1]


def bad_files(folder: Path) -> dict[str, Path]:
    import zipfile

    files = {"pdf": folder / "budget.xlsx", "empty": folder / "vide.xlsx",
             "encrypted": folder / "protege.xlsx", "bomb": folder / "bombe.xlsx",
             "noheader": folder / "sans-entete.csv", "nodata": folder / "sans-donnees.csv"}
    files["pdf"].write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    files["empty"].write_bytes(b"")
    files["encrypted"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
                                   + "EncryptionInfo".encode("utf-16-le") + b"\0" * 600)
    with zipfile.ZipFile(files["bomb"], "w", zipfile.ZIP_DEFLATED) as bomb:
        with bomb.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(300):
                member.write(b"\0" * 2**20)
        bomb.writestr("xl/workbook.xml", "<workbook/>")
    files["noheader"].write_text("a;b;c\n1;2;3\n", encoding="utf-8")
    files["nodata"].write_text("Nom;Prénom;Pays\n;;\nTotal;;\n", encoding="utf-8")
    return files


def test_bad_files_get_one_line_fast_and_leave_the_database_as_it_was(tmp_path: Path) -> None:
    import hashlib
    import time

    db = tmp_path / "ici.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for name, path in bad_files(tmp_path).items():
        started = time.monotonic()
        result = run_cli("--lang", "en", "--db", db, "import", "contacts", path)
        assert time.monotonic() - started < 20, name
        lines = result.stderr.strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1, (name, result.stderr)
        assert "Traceback" not in result.stderr
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before, name
