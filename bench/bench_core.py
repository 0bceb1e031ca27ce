"""Core benchmark: a network of municipalities at 100 000 contacts and 1 000 000 transactions.

Every figure is our median time (at least 5 runs) and its ratio to the bare
library doing the same work in the same run (``bench/bare_core.py``):
- load: ``json.loads`` + ``sqlite3.executemany`` of the same rows into the app's
  own schema, in one transaction, each table's indexes and insert triggers set
  aside and made again, the search index and the money totals rebuilt once with
  the very statements our load runs (captured with a trace callback) — our bulk
  path, minus our validation;
- queries: plain ``sqlite3`` replaying the very SQL statements our function ran
  (captured with a trace callback), so the ratio is our Python overhead;
- dump: one read transaction, ``sqlite3`` SELECT of the live rows, amounts and
  SDGs converted as the dump writes them, one JSON file written beside, synced
  and renamed;
- backup: ``sqlite3.Connection.backup`` from one snapshot, then ``integrity_check``
  and a row count per table of the copy (ours verifies the same way);
- open: the app's pragmas, the schema version and ``quick_check`` (ours: ``open_db``);
- start-up: ``python main.py check`` on a small file vs a ``python -c`` script
  running the same integrity, link, version and record-count queries.

Usage: python bench/bench_core.py [--contacts 100000] [--transactions 1000000] [--runs 15]
                                  [--heavy-runs 5]
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

from bench.bare_core import CHECK_SCRIPT, bare_backup, bare_dump, bare_load, bare_open  # noqa: E402
from bench.synthetic import network  # noqa: E402
from bench.timing import median_time, report  # noqa: E402
from core import backup, dashboard, dump, finance, records, search  # noqa: E402
from core.db import open_db  # noqa: E402
from core.migrations import rebuild_totals  # noqa: E402
from core.spec import TABLE_ORDER  # noqa: E402


def fresh(path: Path) -> Path:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path


# --- load -------------------------------------------------------------------


def rebuild_statements(work: Path) -> dict[str, list[str]]:
    """The statements our load runs to rebuild the search index and totals, per table."""
    db = open_db(fresh(work / "rebuild.sqlite3"))
    statements: dict[str, list[str]] = {}
    for table in TABLE_ORDER:
        seen: list[str] = []
        db.conn.set_trace_callback(seen.append)
        search.reindex(db, table)
        if table == "transactions":
            rebuild_totals(db)
        db.conn.set_trace_callback(None)
        statements[table] = [s for s in seen if not s.startswith(("BEGIN", "COMMIT", "SAVEPOINT",
                                                                  "RELEASE", "PRAGMA"))]
    db.close()
    return statements


def bench_load(src: Path, work: Path, runs: int) -> Path:
    def ours() -> None:
        db = open_db(fresh(work / "ours.sqlite3"))
        dump.load(db, src)
        db.close()

    rebuild = rebuild_statements(work)

    def bare() -> None:
        open_db(fresh(work / "bare.sqlite3")).close()  # the same schema, empty
        bare_load(src, work / "bare.sqlite3", list(TABLE_ORDER), rebuild)

    ours_time = median_time(ours, runs)
    bare_time = median_time(bare, runs)
    report("load (JSON dump → database, bulk)", ours_time, bare_time)
    assert same_rows(work / "ours.sqlite3", work / "bare.sqlite3")  # the same work was done
    return work / "ours.sqlite3"


def same_rows(ours: Path, bare: Path) -> bool:
    """Both files hold the same rows in every table, search index and totals included."""
    counts = []
    for path in (ours, bare):
        conn = sqlite3.connect(path)
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                            "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%'"
                                            " ESCAPE '\\'")]
        counts.append({n: conn.execute(f"SELECT count(*) FROM {n}").fetchone()[0]
                       for n in names if n not in ("settings", "personal_data_log")})
        conn.close()
    return counts[0] == counts[1]


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


def bench_dump_backup(db_path: Path, work: Path, runs: int) -> None:
    db = open_db(db_path, verify=False)
    report("dump (database → JSON)", median_time(lambda: dump.dump(db, work / "d.json"), runs),
           median_time(lambda: bare_dump(db_path, work / "b.json", list(TABLE_ORDER)), runs))
    db.close()

    def ours() -> None:
        shutil.rmtree(work / "backups", ignore_errors=True)
        backup.make_backup(db_path, work / "backups")

    def bare() -> None:
        bare_backup(db_path, fresh(work / "bare-copy.db"), list(TABLE_ORDER))

    report("backup (copy + verify)", median_time(ours, runs), median_time(bare, runs))
    report("open (pragmas, version, quick_check)",
           median_time(lambda: open_db(db_path).close(), runs),
           median_time(lambda: bare_open(db_path), runs))


def bench_startup(work: Path, runs: int) -> None:
    small = work / "small.sqlite3"
    db = open_db(fresh(small))
    dump.load(db, write_json(work / "small.json", network(contacts=200, transactions=500)))
    db.close()
    ours = [sys.executable, str(ROOT / "main.py"), "--db", str(small), "check"]
    bare = [sys.executable, "-c", CHECK_SCRIPT, str(small)]
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
    parser.add_argument("--heavy-runs", type=int, default=5, help="runs of load, dump, backup")
    args = parser.parse_args()
    if min(args.runs, args.heavy_runs) < 5:
        parser.error("a median needs at least 5 runs")
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
