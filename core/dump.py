"""The whole file as JSON, and back: for hand-over, migration to another tool, and tests.

``dump`` writes every live record under the table's plural name, keys as in
the spec; ``load`` reads such a file into an empty database in one
transaction, so that ``load`` then ``dump`` gives the same JSON.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core import money, records, search, settings
from core.db import SQLITE_HEADER, schema_version
from core.errors import UserError, ValidationError
from core.files import write_atomically
from core.gdpr import log as personal_data
from core.i18n import _
from core.migrations import rebuild_totals
from core.spec import COMMON_FIELDS, SPECS, TABLE_ORDER, Spec

if TYPE_CHECKING:
    from sqlite_utils import Database

FORMAT = "ici-la-bas"
Progress = Callable[[int, int], None]


def _json_value(type_: str, value: Any) -> Any:
    if value is None:
        return None
    if type_ == "money":
        return money.cents_str(value)
    if type_ == "sdgs":
        return [int(n) for n in value.split(",")]
    if type_ == "bool":
        return bool(value)
    return value


def _dump_rows(db: Database, spec: Spec) -> Iterator[dict[str, Any]]:
    plain = [f for f in spec.fields if f.type not in ("money", "sdgs", "bool")]
    special = [f for f in spec.fields if f.type in ("money", "sdgs", "bool")]
    columns = ", ".join([*COMMON_FIELDS, *(f.sql for f in spec.fields)])
    cursor = db.conn.execute(
        f"SELECT {columns} FROM {spec.table} WHERE deleted_at IS NULL ORDER BY id"
    )
    cursor.row_factory = sqlite3.Row
    for row in cursor:
        record = {name: row[name] for name in COMMON_FIELDS}
        for f in plain:
            record[f.name] = row[f.sql]
        for f in special:
            record[f.name] = _json_value(f.type, row[f.sql])
        yield {name: record[name] for name in (*COMMON_FIELDS, *(f.name for f in spec.fields))}


def _head(db: Database) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "schema_version": schema_version(db),
        "settings": settings.stored_settings(db),
    }


def dump_data(db: Database) -> dict[str, Any]:
    """Everything a dump holds, as Python data."""
    data = _head(db)
    with db.atomic():  # one consistent snapshot
        for table in TABLE_ORDER:
            data[table] = list(_dump_rows(db, SPECS[table]))
        logged = personal_data.dump_entries(db)
    if logged:  # the key appears once personal data was logged (DESIGN)
        data[personal_data.DUMP_KEY] = logged
    return data


def dump(db: Database, out: Path) -> dict[str, int]:
    """Write the dump to ``out`` through a temporary file: a failure leaves nothing behind."""
    out = Path(out)
    _refuse_database_target(db, out)
    counts: dict[str, int] = {}
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8") as handle, db.atomic():
            handle.write(encode(_head(db))[:-1])
            for table in TABLE_ORDER:
                handle.write(f',\n"{table}": [')
                counts[table] = 0
                for record in _dump_rows(db, SPECS[table]):
                    handle.write(("\n" if counts[table] == 0 else ",\n") + encode(record))
                    counts[table] += 1
                handle.write("\n]" if counts[table] else "]")
            logged = personal_data.dump_entries(db)
            if logged:
                handle.write(f',\n"{personal_data.DUMP_KEY}": [\n')
                handle.write(",\n".join(encode(entry) for entry in logged) + "\n]")
            handle.write("\n}\n")

    write_atomically(out, write)
    return counts


def _refuse_database_target(db: Database, out: Path) -> None:
    """Never write a dump over the open database, its journal, or any other database."""
    database = Path(db.conn.execute("PRAGMA database_list").fetchone()[2]).resolve()
    target = out.resolve()
    own = {database, Path(f"{database}-wal"), Path(f"{database}-shm"),
           database.with_name(database.name + ".lock")}
    if target in own or (target.is_file() and target.read_bytes()[:16] == SQLITE_HEADER):
        raise UserError(_("{path}: this is a database; the dump would destroy it. Choose "
                          "another file name, ending in .json.").format(path=out))
    if target.is_dir():
        raise UserError(_("{path} is a folder; give a file name, ending in .json.").format(
            path=out))


def read_dump(src: Path) -> dict[str, Any]:
    try:
        with Path(src).open(encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError:
        raise UserError(_("{path}: no such file.").format(path=src)) from None
    except json.JSONDecodeError as error:
        raise UserError(_("{path}: this is not an Ici & Là-bas dump (the JSON breaks at line "
                          "{line}, column {column}).").format(
                              path=src, line=error.lineno, column=error.colno)) from error
    except UnicodeDecodeError as error:
        raise UserError(_("{path}: this is not an Ici & Là-bas dump (it is not UTF-8 "
                          "text).").format(path=src)) from error
    except IsADirectoryError as error:
        raise UserError(_("{path} is a folder; give a file name, ending in .json.").format(
            path=src)) from error
    except OSError as error:
        raise UserError(_("{path}: cannot be read ({error}).").format(
            path=src, error=error.strerror or error)) from error
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise UserError(_("{path}: this is not an Ici & Là-bas dump.").format(path=src))
    return data


def _is_empty(db: Database) -> bool:
    return all(
        db.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone() is None for table in TABLE_ORDER
    )


def load(db: Database, src: Path, progress: Progress | None = None) -> dict[str, int]:
    """Read a dump into an empty database: everything, or nothing on any error."""
    data = read_dump(src)
    if not _is_empty(db):
        raise UserError(
            _("{path}: the database already holds records; load needs an empty one.").format(
                path=db.conn.execute("PRAGMA database_list").fetchone()[2]
            )
        )
    total = sum(len(data.get(table) or []) for table in TABLE_ORDER)
    done, counts = 0, {}
    with db.atomic():
        for key, value in (data.get("settings") or {}).items():
            settings.put(db, str(key), str(value))
        for table in TABLE_ORDER:
            rows = data.get(table) or []
            if not isinstance(rows, list):
                raise UserError(_("{path}: «{table}» is not a list.").format(path=src, table=table))
            with _bulk_mode(db, table):
                counts[table] = _insert_all(db, SPECS[table], rows, src)
            done += len(rows)
            if progress:
                progress(done, total)
        _load_log(db, data, src)
    return counts


def _load_log(db: Database, data: dict[str, Any], src: Path) -> None:
    entries = data.get(personal_data.DUMP_KEY) or []
    try:
        if not isinstance(entries, list):
            raise ValueError(_("«{table}» is not a list.").format(table=personal_data.DUMP_KEY))
        personal_data.load_entries(db, entries)
    except (ValueError, TypeError, sqlite3.IntegrityError) as error:
        raise UserError(_("{path}: {table}: {error}").format(
            path=src, table=personal_data.DUMP_KEY, error=error)) from error


@contextmanager
def _bulk_mode(db: Database, table: str) -> Iterator[None]:
    """Drop a table's indexes and insert triggers, then rebuild what they maintain, once.

    All of it happens inside the load's transaction: a crash rolls it back.
    """
    dropped = list(
        db.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL "
            "AND (type = 'index' OR (type = 'trigger' AND name LIKE '%\\_ai' ESCAPE '\\'))",
            [table],
        )
    )
    for kind, name, _sql in dropped:
        db.execute(f"DROP {kind} {name}")
    yield
    for _kind, _name, sql in dropped:
        db.execute(sql)
    search.reindex(db, table)
    if table == "transactions":
        rebuild_totals(db)


def _insert_all(db: Database, spec: Spec, rows: list[Any], src: Path) -> int:
    columns = [*COMMON_FIELDS, *(f.sql for f in spec.fields)]
    sql = (
        f"INSERT INTO {spec.table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    )
    batch: list[list[Any]] = []
    stamp = records.now()
    for index, record in enumerate(rows, start=1):
        batch.append(_load_row(spec, record, src, index, stamp, columns))
        if len(batch) >= 5000:
            _execute_batch(db, sql, batch, spec, src)
            batch = []
    _execute_batch(db, sql, batch, spec, src)
    return len(rows)


def _load_row(
    spec: Spec, record: Any, src: Path, index: int, stamp: str, columns: list[str]
) -> list[Any]:
    if not isinstance(record, dict) or type(record.get("id")) is not int:
        raise UserError(
            _("{where}: a record needs a whole-number «id».").format(where=_where(src, spec, index))
        )
    try:
        row = records.to_row(spec, record)
    except ValidationError as error:
        raise UserError(f"{_where(src, spec, index)}: {error}") from error
    row["id"] = record["id"]
    row["created_at"] = record.get("created_at") or stamp
    row["updated_at"] = record.get("updated_at") or stamp
    return [row[c] for c in columns]


def _where(src: Path, spec: Spec, index: int) -> str:
    return _("{path}: {table} #{index}").format(path=src, table=spec.table, index=index)


def _execute_batch(db: Database, sql: str, batch: list[list[Any]], spec: Spec, src: Path) -> None:
    if not batch:
        return
    try:
        db.conn.executemany(sql, batch)
    except sqlite3.IntegrityError as error:
        raise UserError(
            _("{path}: {table}: {error}").format(path=src, table=spec.table, error=error)
        ) from error
