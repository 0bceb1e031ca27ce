"""Spreadsheet benchmark: import and export of 10 000 and 100 000 transactions.

Each figure is our median time and its ratio to the bare libraries doing the
same work in the same run:
- import: python-calamine reading the same .xlsx, partnerships found by name,
  duplicates (of existing records and within the file) skipped through a set
  of the existing keys, then one transaction: the batch row, ``executemany`` of
  the new rows into the same schema, and the undo log (id and digest of each
  new record), as our import keeps; ours also matches the headers and
  validates every value, which the baseline knows in advance;
- export: openpyxl write-only writing the same cells (same query, dates as
  dates, amounts as decimals) with their number formats, a bold frozen header
  with a filter, column widths and the print setup, as ours does.
Medians of at least 5 runs.

Usage: python bench/bench_excel.py [--rows 10000 100000] [--runs 5]
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import median_time, report  # noqa: E402
from core import records  # noqa: E402
from core.db import open_db  # noqa: E402
from core.excel import apply, importer  # noqa: E402
from core.excel.export import export_kind  # noqa: E402
from core.excel.exportcolumns import kind_columns  # noqa: E402
from core.parse import normalise_key  # noqa: E402

HEADERS = ["Date", "Partenariat", "Libellé", "Montant", "Devise", "Référence"]
PARTNERSHIPS = ["Anderlecht – Marsassoum", "Brasschaat – Tarija", "Herent – Nimlaha'kok"]






def sheet(path: Path, rows: int) -> Path:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("Opérations")
    ws.append(HEADERS)
    start = date(2024, 1, 1)
    for n in range(rows):
        ws.append([start + timedelta(days=n % 700), PARTNERSHIPS[n % 3],
                   f"Facture {n} – billets et hébergement", 100 + (n % 5000) / 100,
                   "EUR", f"F-{n}"])
    book.save(path)
    return path


def fresh_db(path: Path) -> Any:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    db = open_db(path)
    org = records.create(db, "organisations", {"name": "Partenaire"})
    for name in PARTNERSHIPS:
        records.create(db, "partnerships", {"name": name, "partner_organisation_id": org})
    return db


def ours_import(xlsx: Path, db_path: Path) -> None:
    normalise_key.cache_clear()  # each run as the first import of a session
    db = fresh_db(db_path)
    apply.apply(db, importer.prepare(db, "transactions", xlsx))
    db.close()


def bare_import(xlsx: Path, db_path: Path) -> None:
    """calamine + sqlite3 doing what our import does, the plain way: rows read, partnerships
    found by name, duplicates of existing records and of earlier rows skipped (one query of
    the existing keys, a set), then in one transaction: the batch row, every new row with
    ``executemany``, and the undo log (each new record's id and a digest of what it holds)."""
    import hashlib

    from python_calamine import CalamineWorkbook

    fresh_db(db_path).close()
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()[1:]
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    ids = dict(conn.execute("SELECT name, id FROM partnerships WHERE deleted_at IS NULL"))
    seen = set(conn.execute("SELECT partnership_id, date, amount_cents, currency, kind, "
                            "lower(label), lower(coalesce(reference, '')) FROM transactions "
                            "WHERE deleted_at IS NULL"))
    stamp = "2026-01-01T00:00:00Z"
    values = []
    for r in rows:
        row = (stamp, stamp, r[0].isoformat(), ids[r[1]], "expense", r[2],
               round(r[3] * 100), "EUR", round(r[3] * 100), r[5])
        key = (row[3], row[2], row[6], "EUR", "expense", r[2].lower(), str(r[5]).lower())
        if key not in seen:
            seen.add(key)
            values.append(row)
    with conn:
        batch = conn.execute(
            "INSERT INTO import_batches (kind, file_name, sheet, imported_at, created, updated, "
            "skipped, rejected) VALUES ('transactions', ?, NULL, ?, ?, 0, ?, 0)",
            [xlsx.name, stamp, len(values), len(rows) - len(values)]).lastrowid
        first = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM transactions").fetchone()[0]
        conn.executemany(
            "INSERT INTO transactions (created_at, updated_at, date, partnership_id, kind, "
            "label, amount_cents, currency, amount_eur_cents, reference) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        created = conn.execute("SELECT * FROM transactions WHERE id >= ? ORDER BY id", [first])
        conn.executemany(
            "INSERT INTO import_changes (batch_id, table_name, record_id, action, stamp) "
            "VALUES (?, 'transactions', ?, 'created', ?)",
            [(batch, row[0], hashlib.sha1(repr(tuple(row)).encode()).hexdigest())
             for row in created])
    conn.close()


def bare_export(db_path: Path, out: Path) -> None:
    """openpyxl write-only writing the same cells as ours: the same query (names of linked
    records joined), dates as dates, amounts as decimals, each cell with its number format,
    a bold frozen header with a filter, widths from the first 1 000 rows, landscape pages
    one wide with the header repeated: what makes the file usable, done the plain way."""
    import datetime as dt
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    columns = kind_columns("transactions")
    to_cell = {"date": (dt.date.fromisoformat, "DD/MM/YYYY"),
               "datetime": (lambda s: dt.datetime.fromisoformat(s.removesuffix("Z")),
                            "DD/MM/YYYY HH:MM"),
               "money": (lambda cents: Decimal(cents) / 100, "#,##0.00"),
               "eur": (lambda c: Decimal(c) / 100, "#,##0.00 €"), "rate": (Decimal, "0.0000")}
    plain = [to_cell.get(c.cell_kind, (None, None)) for c in columns]
    conn = sqlite3.connect(db_path)
    rows = conn.execute(f"SELECT {', '.join(c.sql for c in columns)} FROM transactions t "
                        "WHERE t.deleted_at IS NULL ORDER BY t.id").fetchall()
    conn.close()
    book = Workbook(write_only=True)
    ws = book.create_sheet("Opérations")
    widths = [max([len(c.key)] + [len(str(r[i] or "")) for r in rows[:1000]]) + 2
              for i, c in enumerate(columns)]
    for n, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(n)].width = min(width, 60)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"
    bold = Font(bold=True)
    header = []
    for c in columns:
        cell = WriteOnlyCell(ws, c.key)
        cell.font = bold
        header.append(cell)
    ws.append(header)
    for row in rows:
        line = []
        for (convert, number_format), value in zip(plain, row, strict=True):
            if convert is None or value is None:
                line.append(value)
                continue
            cell = WriteOnlyCell(ws, convert(value))
            cell.number_format = number_format
            line.append(cell)
        ws.append(line)
    book.save(out)


def ours_export(db_path: Path, out: Path) -> None:
    db = open_db(db_path, verify=False)
    export_kind(db, "transactions", out)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ici-bench-excel-"))
    try:
        print(f"{'':<40} {'ours (median)':>13} {'bare':>13} {'ratio':>7}")
        for rows in args.rows:
            xlsx = sheet(work / f"tx-{rows}.xlsx", rows)
            report(f"import {rows} transactions (.xlsx)",
                   median_time(lambda x=xlsx: ours_import(x, work / "ours.sqlite3"), args.runs),
                   median_time(lambda x=xlsx: bare_import(x, work / "bare.sqlite3"), args.runs))
            db = work / "ours.sqlite3"
            report(f"export {rows} transactions",
                   median_time(lambda d=db: ours_export(d, work / "o.xlsx"), args.runs),
                   median_time(lambda d=db: bare_export(d, work / "b.xlsx"), args.runs))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
