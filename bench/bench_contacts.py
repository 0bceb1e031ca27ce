"""Contacts in and out as whole processes: 50 000 people, the way an officer runs them.

Each figure is a median of whole processes (interpreter start included) and its
ratio to the bare libraries doing the same work in the same run:

- import: ``python main.py import contacts FILE.xlsx`` into a copy of the app's own
  empty database, against a script that reads the same .xlsx with python-calamine,
  creates the same organisations once, turns the same country names into codes with
  a dictionary, and ``executemany``-inserts the same contacts into another copy of
  that empty database (same tables, indexes, triggers and search index), in one
  transaction;
- the same script into a bare table (same columns, no index, trigger or search
  index): the difference is what the search index and the triggers cost;
- export: ``python main.py export contacts OUT.xlsx`` against a script that runs the
  same query (organisation names joined, dates as dates) and writes the same cells
  with openpyxl write-only, without formats, widths or print setup.

The machine may be shared: each line gives wall-clock medians, and a second line
the medians of the processes' own CPU time (user + system), which another job on
the machine does not inflate.

Usage: python bench/bench_contacts.py [--rows 50000] [--runs 5]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.timing import report  # noqa: E402

HEADERS = ["Nom", "Prénom", "Courriel", "Organisation", "Pays", "Fonction", "Téléphone"]
FAMILY = ["Diatta", "Somé", "Ouédraogo", "Traoré", "Peeters", "Janssens", "Dupont",
          "El Idrissi", "Quispe", "Mamani", "Sow", "Ndiaye", "Kaboré", "Mertens", "Martin"]
GIVEN = ["Awa", "Issa", "Fatou", "Jan", "Marie", "Youssef", "Rosa", "Lena", "Moussa",
         "Aminata", "Pieter", "Claire", "Ahmed", "Juana", "Marc"]
COUNTRIES = {"Sénégal": "SN", "Burkina Faso": "BF", "Maroc": "MA", "Bolivie": "BO",
             "Belgique": "BE", "France": "FR", "Mali": "ML", "Guatemala": "GT"}
ROLES = ["Maire", "Secrétaire général", "Chargée de mission", "Échevin", "Trésorier"]


def write_sheet(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    ws = book.create_sheet("Contacts")
    ws.append(HEADERS)
    countries = list(COUNTRIES)
    for n in range(rows):
        family, given = FAMILY[n % len(FAMILY)], GIVEN[(n // 15) % len(GIVEN)]
        ws.append([family, given, f"{given}.{family}.{n}@commune.example".lower(),
                   f"Commune n° {n % 300}", countries[n % len(countries)], ROLES[n % 5],
                   f"+221 33 {n:07d}"])
    book.save(path)


def empty_app_db(path: Path) -> None:
    from core.db import open_db

    open_db(path).close()


def fresh_copy(template: Path, target: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copy(template, target)
    return target


def run(*args: object) -> None:
    subprocess.run([sys.executable, *map(str, args)], check=True, capture_output=True)


def medians(work: Callable[[], None], runs: int) -> tuple[float, float]:
    """Median wall time and median CPU time of the child processes ``work`` runs."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        work()
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def compare(name: str, ours: tuple[float, float], bare: tuple[float, float]) -> None:
    report(name, ours[0], bare[0])
    report("  (CPU time of the processes)", ours[1], bare[1])


BARE_IMPORT = r'''
import sqlite3, sys
from python_calamine import CalamineWorkbook
xlsx, db, bare_table = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
countries = {countries!r}
rows = CalamineWorkbook.from_path(xlsx).get_sheet_by_index(0).to_python()[1:]
stamp = "2026-01-01T00:00:00Z"
conn = sqlite3.connect(db)
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("PRAGMA foreign_keys = ON")
if bare_table:
    conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, created_at, updated_at, "
                 "first_name, last_name, organisation_id, role, email, phone, country)")
with conn:
    orgs = {{}}
    for name in dict.fromkeys(r[3] for r in rows):
        orgs[name] = conn.execute(
            "INSERT INTO organisations (created_at, updated_at, name, kind) "
            "VALUES (?, ?, ?, 'other')", (stamp, stamp, name)).lastrowid
    table = "people" if bare_table else "contacts"
    conn.executemany(
        f"INSERT INTO {{table}} (created_at, updated_at, first_name, last_name, "
        "organisation_id, role, email, phone, country) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(stamp, stamp, r[1], r[0], orgs[r[3]], r[5], r[2], str(r[6]), countries[r[4]])
         for r in rows])
conn.close()
'''

BARE_EXPORT = r'''
import datetime as dt, sqlite3, sys
from openpyxl import Workbook
sys.path.insert(0, {root!r})
from core.excel.exportcolumns import kind_columns
db, out = sys.argv[1], sys.argv[2]
columns = kind_columns("contacts")
to_cell = {{"date": dt.date.fromisoformat,
           "datetime": lambda s: dt.datetime.fromisoformat(s.removesuffix("Z"))}}
plain = [to_cell.get(c.cell_kind) for c in columns]
conn = sqlite3.connect(db)
book = Workbook(write_only=True)
ws = book.create_sheet("Contacts")
ws.append([c.key for c in columns])
for row in conn.execute(f"SELECT {{', '.join(c.sql for c in columns)}} FROM contacts t "
                        "WHERE t.deleted_at IS NULL ORDER BY t.id"):
    ws.append([v if f is None or v is None else f(v) for f, v in zip(plain, row)])
book.save(out)
'''


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ici-bench-contacts-"))
    try:
        xlsx, template = work / "contacts.xlsx", work / "empty.sqlite3"
        write_sheet(xlsx, args.rows)
        empty_app_db(template)
        bare_import = work / "bare_import.py"
        bare_import.write_text(BARE_IMPORT.format(countries=COUNTRIES), encoding="utf-8")
        bare_export = work / "bare_export.py"
        bare_export.write_text(BARE_EXPORT.format(root=str(ROOT)), encoding="utf-8")
        main_py, ours, bare = ROOT / "main.py", work / "ours.sqlite3", work / "bare.sqlite3"
        print(f"{'':<44} {'ours (median)':>13} {'bare':>13} {'ratio':>7}")

        def ours_import() -> None:
            run(main_py, "--db", fresh_copy(template, ours), "import", "contacts", xlsx)

        def bare_into_app_schema() -> None:
            run(bare_import, xlsx, fresh_copy(template, bare), "0")

        def bare_into_bare_table() -> None:
            run(bare_import, xlsx, fresh_copy(template, bare), "1")

        into_schema = medians(bare_into_app_schema, args.runs)
        compare(f"import {args.rows} contacts (process)", medians(ours_import, args.runs),
                into_schema)
        compare("  bare: app schema vs a bare table", into_schema,
                medians(bare_into_bare_table, args.runs))
        ours_import()
        compare(f"export {args.rows} contacts (process)",
                medians(lambda: run(main_py, "--db", ours, "export", "contacts",
                                    work / "o.xlsx"), args.runs),
                medians(lambda: run(bare_export, ours, work / "b.xlsx"), args.runs))
        count = sqlite3.connect(ours).execute("SELECT count(*) FROM contacts").fetchone()[0]
        print(f"(contacts in the imported file: {count})")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
