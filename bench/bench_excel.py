"""Spreadsheet benchmark: import and export of 10 000 and 100 000 transactions.

Each figure is our median time and its ratio to the bare libraries doing the
same work in the same run:
- import: python-calamine reading the same .xlsx + sqlite3 executemany of the
  same rows (already as numbers and ISO dates) into the same schema;
- export: openpyxl write-only writing the same cells (same query, dates as
  dates, amounts as decimals), without formats, widths or print setup.

Usage: python bench/bench_excel.py [--rows 10000 100000] [--runs 3]
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
    from python_calamine import CalamineWorkbook

    fresh_db(db_path).close()
    rows = CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_index(0).to_python()[1:]
    ids = {name: n + 1 for n, name in enumerate(PARTNERSHIPS)}
    stamp = "2026-01-01T00:00:00Z"
    values = [(stamp, stamp, r[0].isoformat(), ids[r[1]], "expense", r[2],
               round(r[3] * 100), "EUR", round(r[3] * 100), r[5]) for r in rows]
    conn = sqlite3.connect(db_path)
    with conn:
        conn.executemany(
            "INSERT INTO transactions (created_at, updated_at, date, partnership_id, kind, "
            "label, amount_cents, currency, amount_eur_cents, reference) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
    conn.close()


def bare_export(db_path: Path, out: Path) -> None:
    """openpyxl write-only writing the same cells as ours: the same query (names of
    linked records joined), dates as dates, amounts as decimals; no formats, no widths."""
    import datetime as dt
    from decimal import Decimal

    from openpyxl import Workbook

    columns = kind_columns("transactions")
    to_cell = {"date": dt.date.fromisoformat,
               "datetime": lambda s: dt.datetime.fromisoformat(s.removesuffix("Z")),
               "money": lambda cents: Decimal(cents) / 100, "eur": lambda c: Decimal(c) / 100,
               "rate": Decimal}
    plain = [to_cell.get(c.cell_kind) for c in columns]
    conn = sqlite3.connect(db_path)
    book = Workbook(write_only=True)
    ws = book.create_sheet("Opérations")
    ws.append([c.key for c in columns])
    cursor = conn.execute(f"SELECT {', '.join(c.sql for c in columns)} FROM transactions t "
                          "WHERE t.deleted_at IS NULL ORDER BY t.id")
    for row in cursor:
        ws.append([v if f is None or v is None else f(v) for f, v in zip(plain, row, strict=True)])
    book.save(out)
    conn.close()


def ours_export(db_path: Path, out: Path) -> None:
    db = open_db(db_path, verify=False)
    export_kind(db, "transactions", out)
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
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
