"""The core benchmark's baselines: the same work, written with the bare ``sqlite3`` and ``json``.

Each function is what a good engineer would write for that job without our
code: no validation layer and no sqlite-utils, but the same rows, the same
schema (the app's own, created empty by ``open_db``), the same indexes, the
same search index and totals, the same checks. A baseline that did less
would flatter us; one that did more would shame us for nothing.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

# Columns a dump may leave empty but the schema wants filled (what our spec's defaults give).
DEFAULTS = {"kind": "other", "done": 0, "status": "active", "currency": "EUR",
            "direction": "outgoing", "category": "staff", "role": "other",
            "location": "there", "first_name": "", "last_name": ""}
STAMP = "2026-01-01T00:00:00Z"
SET_ASIDE = ("SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
             "AND (type = 'index' OR (type = 'trigger' AND name LIKE '%\\_ai' ESCAPE '\\'))")


def connect(path: Path) -> sqlite3.Connection:
    """The same settings as the app's connection: WAL, foreign keys, a durable commit."""
    conn = sqlite3.connect(path)
    for pragma in ("journal_mode = WAL", "foreign_keys = ON", "synchronous = FULL"):
        conn.execute(f"PRAGMA {pragma}")
    return conn


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _reader(column: str) -> Callable[[dict[str, Any]], Any]:
    """How one column's value is taken from a dumped record, chosen once per column."""
    if column.endswith("_cents"):  # amounts are stored in cents, dumped as "1250.50"
        key = column.removesuffix("_cents")
        return lambda r: None if r.get(key) is None else int(Decimal(r[key]) * 100)
    if column in ("created_at", "updated_at"):
        return lambda r: r.get(column) or STAMP
    if column == "sdgs":
        return lambda r: None if r.get(column) is None else ",".join(map(str, r[column]))
    default = DEFAULTS.get(column)
    if column == "done":
        return lambda r: int(r.get(column) or 0)
    if default is not None:
        return lambda r: default if r.get(column) is None else r[column]
    return lambda r: r.get(column)


def bare_load(src: Path, target: Path, tables: list[str], rebuild: dict[str, list[str]]) -> None:
    """json.loads, then per table in one transaction: indexes and insert triggers set aside,
    ``executemany`` of every row, indexes and triggers made again, and what they maintain
    (``rebuild``: the search index, the money totals) rebuilt once with one statement each."""
    data = json.loads(src.read_text(encoding="utf-8"))
    conn = connect(target)
    with conn:
        for table in tables:
            records = data.get(table, [])
            if not records:
                continue
            given = set(records[0]) | {"created_at", "updated_at"}  # the rest: schema defaults
            columns = [c for c in _columns(conn, table) if c.removesuffix("_cents") in given]
            readers = [_reader(c) for c in columns]
            rows = [[read(record) for read in readers] for record in records]
            aside = conn.execute(SET_ASIDE, [table]).fetchall()
            for kind, name, _sql in aside:
                conn.execute(f"DROP {kind} {name}")
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) "
                             f"VALUES ({', '.join('?' * len(columns))})", rows)
            for _kind, _name, sql in aside:
                conn.execute(sql)
            for statement in rebuild.get(table, []):
                conn.execute(statement)
    conn.close()


def _money(cents: int | None) -> str | None:
    return None if cents is None else f"{Decimal(cents).scaleb(-2):.2f}"


def bare_dump(db_path: Path, out: Path, tables: list[str]) -> None:
    """One read transaction; each live row as the dump writes it (amounts as decimal strings,
    SDGs as lists, yes/no as booleans); one JSON file written beside, synced, renamed."""
    conn = sqlite3.connect(db_path)
    temporary = out.with_name(out.name + ".part")
    encode = json.JSONEncoder(ensure_ascii=False).encode
    with temporary.open("w", encoding="utf-8") as handle:
        conn.execute("BEGIN")
        handle.write('{"format": "ici-la-bas"')
        for table in tables:
            cursor = conn.execute(f"SELECT * FROM {table} WHERE deleted_at IS NULL ORDER BY id")
            names = [d[0] for d in cursor.description]
            handle.write(f',\n"{table}": [')
            for n, row in enumerate(cursor):
                record = {}
                for name, value in zip(names, row, strict=True):
                    if name.endswith("_cents"):
                        record[name.removesuffix("_cents")] = _money(value)
                    elif name == "sdgs":
                        record[name] = [int(v) for v in value.split(",")] if value else None
                    elif name != "deleted_at":
                        record[name] = value
                handle.write(("\n" if n == 0 else ",\n") + encode(record))
            handle.write("\n]")
        handle.write("\n}\n")
        conn.execute("COMMIT")
        handle.flush()
        os.fsync(handle.fileno())
    conn.close()
    os.replace(temporary, out)


def bare_backup(db_path: Path, copy_path: Path, tables: list[str]) -> None:
    """``Connection.backup`` from one read snapshot, then the same verification as ours:
    ``integrity_check`` of the copy and the same row count per table as the snapshot."""
    source, copy = sqlite3.connect(db_path), sqlite3.connect(copy_path)
    source.execute("BEGIN")
    counts = [source.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]
    source.backup(copy)
    source.execute("COMMIT")
    copy.execute("PRAGMA journal_mode = DELETE")
    assert copy.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert [copy.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables] == counts
    copy.close()
    source.close()


def bare_open(db_path: Path) -> None:
    """Open as the app does: its pragmas, the schema version, a ``quick_check``."""
    conn = connect(db_path)
    conn.execute("PRAGMA user_version").fetchone()
    assert conn.execute("PRAGMA quick_check(5)").fetchall() == [("ok",)]
    conn.close()


# What ``main.py check`` does, as a one-line script: integrity, links, version, live records.
CHECK_SCRIPT = (
    "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
    "assert c.execute('PRAGMA integrity_check(5)').fetchall() == [('ok',)]; "
    "assert not c.execute('PRAGMA foreign_key_check').fetchall(); "
    "v = c.execute('PRAGMA user_version').fetchone()[0]; "
    "t = [r[0] for r in c.execute(\"SELECT name FROM sqlite_master WHERE type = 'table' "
    "AND sql LIKE '%deleted_at%'\")]; "
    "n = sum(c.execute(f'SELECT count(*) FROM {x} WHERE deleted_at IS NULL').fetchone()[0] "
    "for x in t); print(f'{sys.argv[1]}: ok, schema version {v}, {n} records.')"
)
