"""Core benchmark: a network of municipalities at 100 000 contacts and 1 000 000 transactions.

Every figure is our median time and its ratio to the bare library doing the
same work in the same run:
- queries: plain ``sqlite3`` replaying the very SQL statements our function ran
  (captured with a trace callback), so the ratio is our Python overhead;
- load: ``json.load`` + ``sqlite3.executemany`` of the same rows into the same schema;
- dump: ``sqlite3`` SELECT + ``json.dumps`` per row to a file;
- backup: ``sqlite3.Connection.backup`` alone (ours also verifies the copy);
- start-up: ``python main.py check`` on a small file vs ``python -c "import sqlite3 ..."``.

Usage: python bench/bench_core.py [--contacts 100000] [--transactions 1000000] [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.synthetic import network  # noqa: E402
from bench.timing import median_time, report  # noqa: E402
from core import backup, dashboard, dump, finance, records, search  # noqa: E402
from core.db import open_db  # noqa: E402
from core.spec import COMMON_FIELDS, SPECS, TABLE_ORDER  # noqa: E402


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


# --- load -------------------------------------------------------------------


def bare_load(src: Path, target: Path) -> None:
    data = json.loads(src.read_text(encoding="utf-8"))
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA synchronous = FULL")
    defaults = {"kind": "other", "done": 0, "status": "active", "currency": "EUR",
                "direction": "outgoing", "category": "staff", "role": "other",
                "location": "there", "first_name": "", "last_name": ""}
    with conn:
        for table in TABLE_ORDER:
            spec = SPECS[table]
            names = [*COMMON_FIELDS, *(f.name for f in spec.fields)]
            columns = [*COMMON_FIELDS, *(f.sql for f in spec.fields)]
            money = {f.name for f in spec.fields if f.type == "money"}
            rows = []
            for record in data.get(table, []):
                row = []
                for name in names:
                    value = record.get(name)
                    if value is None:
                        value = defaults.get(name) if name in defaults else None
                    elif name in money:
                        value = int(value.replace(".", ""))
                    elif isinstance(value, list):
                        value = ",".join(map(str, value))
                    row.append(value)
                rows.append(row)
            marks = ", ".join("?" * len(columns))
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                             rows)
    conn.close()


def bench_load(src: Path, work: Path, runs: int) -> Path:
    def ours() -> None:
        db = open_db(fresh(work / "ours.sqlite3"))
        dump.load(db, src)
        db.close()

    def bare() -> None:
        open_db(fresh(work / "bare.sqlite3")).close()  # the same schema, empty
        bare_load(src, work / "bare.sqlite3")

    report("load (JSON dump → database)", median_time(ours, runs), median_time(bare, runs))
    return work / "ours.sqlite3"


# --- queries ----------------------------------------------------------------


def captured(db_path: Path, call: Callable[[Any], Any]) -> list[str]:
    """The SQL statements ``call(db)`` runs, with their parameters inlined."""
    db = open_db(db_path, verify=False)
    statements: list[str] = []
    db.conn.set_trace_callback(statements.append)
    call(db)
    db.conn.set_trace_callback(None)
    db.close()
    return [s for s in statements if not s.startswith(("BEGIN", "COMMIT", "PRAGMA"))]


def bench_queries(db_path: Path, runs: int) -> None:
    today = date(2026, 6, 15)
    cases: list[tuple[str, Callable[[Any], Any]]] = [
        ("dashboard: active partnerships", dashboard.active_partnerships),
        ("dashboard: next missions", lambda db: dashboard.next_missions(db, today)),
        ("dashboard: overdue deadlines", lambda db: dashboard.overdue_deadlines(db, today)),
        ("dashboard: coming deadlines", lambda db: dashboard.coming_deadlines(db, today)),
        ("dashboard: year planned vs actual", lambda db: finance.year_summary(db, 2025)),
        ("partnership: by category, one year", lambda db: finance.by_category(db, 2025, 17)),
        ("partnership: co-financing, one year", lambda db: finance.cofinancing(db, 2025, 17)),
        ("global search 'ndiaye'", lambda db: search.search_all(db, "ndiaye")),
        ("contacts: search + sort, page of 100", lambda db: records.list_records(
            db, "contacts", search="awa", order_by="last_name", limit=100)),
        ("contacts: count of the search", lambda db: records.count(
            db, "contacts", search="awa")),
        ("transactions: filter + sort, page of 100", lambda db: records.list_records(
            db, "transactions", filters={"partnership_id": 17}, order_by="-date", limit=100)),
        ("transactions: first page, date order", lambda db: records.list_records(
            db, "transactions", limit=100)),
    ]
    db = open_db(db_path, verify=False)
    bare = sqlite3.connect(db_path)
    for name, call in cases:
        statements = captured(db_path, call)
        call(db)  # warm the page cache for both
        ours = median_time(lambda call=call: call(db), runs)
        replay = median_time(lambda s=statements: [bare.execute(q).fetchall() for q in s], runs)
        report(name, ours, replay)
    bare.close()
    db.close()


# --- dump, backup, start-up --------------------------------------------------


def bare_dump(db_path: Path, out: Path) -> None:
    conn = sqlite3.connect(db_path)
    with out.open("w", encoding="utf-8") as handle:
        for table in TABLE_ORDER:
            cursor = conn.execute(f"SELECT * FROM {table} WHERE deleted_at IS NULL ORDER BY id")
            names = [d[0] for d in cursor.description]
            for row in cursor:
                handle.write(json.dumps(dict(zip(names, row, strict=True)),
                                        ensure_ascii=False) + ",\n")
    conn.close()


def bench_dump_backup(db_path: Path, work: Path, runs: int) -> None:
    db = open_db(db_path, verify=False)
    report("dump (database → JSON)", median_time(lambda: dump.dump(db, work / "d.json"), runs),
           median_time(lambda: bare_dump(db_path, work / "b.json"), runs))
    db.close()

    def ours() -> None:
        shutil.rmtree(work / "backups", ignore_errors=True)
        backup.make_backup(db_path, work / "backups")

    def bare() -> None:
        source, copy = sqlite3.connect(db_path), sqlite3.connect(fresh(work / "bare-copy.db"))
        source.backup(copy)
        copy.close()
        source.close()

    report("backup (copy + verify) vs copy alone", median_time(ours, runs),
           median_time(bare, runs))
    report("open with quick_check vs bare connect",
           median_time(lambda: open_db(db_path).close(), runs),
           median_time(lambda: sqlite3.connect(db_path).execute("SELECT 1").fetchall(), runs))


def bench_startup(work: Path, runs: int) -> None:
    small = work / "small.sqlite3"
    db = open_db(fresh(small))
    dump.load(db, write_json(work / "small.json", network(contacts=200, transactions=500)))
    db.close()
    ours = [sys.executable, str(ROOT / "main.py"), "--db", str(small), "check"]
    bare = [sys.executable, "-c",
            f"import sqlite3; sqlite3.connect({str(small)!r}).execute('PRAGMA integrity_check')"]
    report("start-up: headless 'check' command",
           median_time(lambda: subprocess.run(ours, check=True, capture_output=True), runs),
           median_time(lambda: subprocess.run(bare, check=True, capture_output=True), runs))


def write_json(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--contacts", type=int, default=100_000)
    parser.add_argument("--transactions", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15, help="runs per query")
    parser.add_argument("--heavy-runs", type=int, default=3, help="runs of load, dump, backup")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="ici-bench-"))
    try:
        print(f"{args.contacts} contacts, {args.transactions} transactions, in {work}")
        src = write_json(work / "network.json", network(args.contacts, args.transactions))
        print(f"{'':<42} {'ours (median)':>13} {'bare':>13} {'ratio':>8}")
        db_path = bench_load(src, work, args.heavy_runs)
        bench_queries(db_path, args.runs)
        bench_dump_backup(db_path, work, args.heavy_runs)
        bench_startup(work, args.runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
