"""The one place that opens a database.

Order matters for "the file is left byte-for-byte as it was": a file is
first inspected through a read-only connection (SQLite header, schema
version, ``quick_check``) and only a file that passes is opened for writing,
switched to WAL and migrated, after a copy of it has been made.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from sqlite_utils import Database

# The number of migrations in core.migrations (a test checks they agree). Kept here so
# that a file can be checked before sqlite-utils is even imported: the window shows sooner.
SCHEMA_VERSION = 7
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class DatabaseError(UserError):
    """The file cannot be used as an Ici & Là-bas database."""


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, for checks, backups and peeks."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _damaged(path: Path, problem: object) -> DatabaseError:
    return DatabaseError(
        _("{path}: the database is damaged ({problem}); restore a backup.").format(
            path=path, problem=problem
        )
    )


def open_db(path: Path, *, create: bool = True, verify: bool = True) -> Database:
    """Open (and if needed create and migrate) the database at ``path``.

    ``verify`` runs ``PRAGMA quick_check`` first; the app turns it off only
    for a second connection to a file it already checked.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise DatabaseError(
            _("{path}: the folder {folder} does not exist.").format(path=path, folder=path.parent)
        )
    exists = path.is_file() and path.stat().st_size > 0
    if not exists and not create:
        raise DatabaseError(_("{path}: no such database.").format(path=path))
    if exists:
        version = inspect(path, verify=verify)
        if 0 < version < SCHEMA_VERSION:
            _copy_before_migrating(path, version)
    from core.migrations import migrations

    db = _connect(path)
    try:
        migrations.apply(db)
    except sqlite3.Error as error:
        db.close()
        raise DatabaseError(
            _("{path}: the database could not be upgraded ({error}).").format(
                path=path, error=error
            )
        ) from error
    return db


def inspect(path: Path, *, verify: bool = True) -> int:
    """Check a file without writing to it; returns its schema version."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _("{path}: this file is not an Ici & Là-bas database.").format(path=path)
        )
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise DatabaseError(
            _("{path}: cannot be opened ({error}).").format(path=path, error=error)
        ) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > SCHEMA_VERSION:
            raise DatabaseError(
                _(
                    "{path}: this database comes from a newer version of Ici & Là-bas "
                    "(schema {version}); update the application to open it."
                ).format(path=path, version=version)
            )
        if verify:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise _damaged(path, problems[0])
        return version
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    finally:
        conn.close()


def _connect(path: Path) -> Database:
    from sqlite_utils import Database

    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    db = Database(conn, execute_plugins=False)
    for pragma in (
        "journal_mode = WAL",
        "foreign_keys = ON",
        "synchronous = FULL",
        f"busy_timeout = {BUSY_TIMEOUT_MS}",
    ):
        conn.execute(f"PRAGMA {pragma}")
    return db


def _copy_before_migrating(path: Path, version: int) -> None:
    """Keep the file as it was before an upgrade, with the SQLite backup API."""
    target = path.with_name(f"{path.stem}.before-upgrade-v{version}{path.suffix}")
    source = connect_read_only(path)
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def schema_version(db: Database) -> int:
    return int(db.execute("PRAGMA user_version").fetchone()[0])


@dataclass(frozen=True)
class CheckReport:
    version: int
    records: int


def check(path: Path) -> CheckReport:
    """Full, read-only check of a file: header, version, integrity and links."""
    path = Path(path)
    if not path.is_file():
        raise DatabaseError(_("{path}: no such database.").format(path=path))
    version = inspect(path, verify=False)
    conn = connect_read_only(path)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(5)")]
        problems = [] if problems == ["ok"] else problems
        problems += [
            f"{t} #{rowid} → {parent}"
            for t, rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check")
        ]
        if problems:
            raise _damaged(path, problems[0])
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%deleted_at%'"
            )
        ]
        records = sum(
            conn.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
            for t in tables
        )
        return CheckReport(version, records)
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    finally:
        conn.close()


def has_records(path: Path) -> bool:
    """Whether a file holds any record, read without opening it for writing."""
    from core.spec import TABLE_ORDER

    conn = connect_read_only(path)
    try:
        return any(conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone()
                   for table in TABLE_ORDER)
    except sqlite3.Error:
        return False
    finally:
        conn.close()
