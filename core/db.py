"""The one place that opens a database.

Order matters for "the file is left byte-for-byte as it was": a file is
first inspected without writing (the header's schema version, then a
read-only connection for ``quick_check``) and only a file that passes is
opened for writing, switched to WAL and migrated. A file of an older schema
is first copied, verified, into its backup folder; all its pending
migrations then run in one transaction, so an upgrade is whole or not at all.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from core.errors import UserError
from core.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlite_utils import Database

# The number of migrations in core.migrations (a test checks they agree). Kept here so
# that a file can be checked before sqlite-utils is even imported: the window shows sooner.
SCHEMA_VERSION = 7
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
HEADER_SIZE, USER_VERSION_OFFSET = 100, 60  # see sqlite.org/fileformat.html


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


@dataclass(frozen=True)
class Upgrade:
    """What ``open_db`` did to a file of an older schema, for the one message the user gets."""

    path: Path
    from_version: int
    to_version: int
    backup: Path

    def message(self) -> str:
        return _(
            "{path} was upgraded from schema {old} to {new}; the file as it was is kept "
            "in {backup}."
        ).format(path=self.path, old=self.from_version, new=self.to_version, backup=self.backup)


def open_db(
    path: Path,
    *,
    create: bool = True,
    verify: bool = True,
    on_upgrade: Callable[[Upgrade], object] | None = None,
) -> Database:
    """Open (and if needed create and migrate) the database at ``path``.

    ``verify`` runs ``PRAGMA quick_check`` first; the app turns it off only
    for a second connection to a file it already checked. A file of an older
    schema is first copied, verified, into its backup folder; then every
    pending migration runs in one transaction, and ``on_upgrade`` is told.
    """
    path = Path(path)
    if not path.parent.is_dir():
        raise DatabaseError(
            _("{path}: the folder {folder} does not exist.").format(path=path, folder=path.parent)
        )
    exists = path.is_file() and path.stat().st_size > 0
    if not exists and not create:
        raise no_such_database(path)
    old_version = inspect(path, verify=verify) if exists else 0
    kept = _backup_before_upgrade(path, old_version) if 0 < old_version < SCHEMA_VERSION else None
    db = _connect(path)
    try:
        _migrate(db)
    except sqlite3.Error as error:
        db.close()
        raise DatabaseError(
            _("{path}: the database could not be upgraded ({error}); it was left as it was.")
            .format(path=path, error=error)
        ) from error
    except BaseException:
        db.close()
        raise
    if kept is not None:
        upgrade = Upgrade(path, old_version, SCHEMA_VERSION, kept)
        _log_upgrade(upgrade)
        if on_upgrade is not None:
            on_upgrade(upgrade)
    return db


def _log_upgrade(upgrade: Upgrade) -> None:
    """Kept in the log file too: a helper asked about lost data later can see what happened."""
    from core import logs

    logs.setup()
    logs.get("db").info("%s: schema %d -> %d; the file as it was: %s", upgrade.path,
                        upgrade.from_version, upgrade.to_version, upgrade.backup)


def _migrate(db: Database) -> None:
    """Every pending migration in one transaction: a failure in any leaves the file as it was.

    sqlite-utils runs each migration in its own ``atomic()``; inside ours they
    become savepoints, and ``PRAGMA user_version`` rolls back with the rest.
    """
    from core.migrations import migrations

    with db.atomic():
        migrations.apply(db)


def _backup_before_upgrade(path: Path, version: int) -> Path:
    """A verified copy of the old file, in the folder where its other backups are."""
    from core import backup, paths, settings

    chosen = settings.peek(path, "backup_dir").strip()
    folder = Path(chosen) if chosen else paths.default_backup_dir(path)
    return backup.backup_before_upgrade(path, folder, version).path


def no_such_database(path: Path) -> DatabaseError:
    """A command named a file that is not there: most often a typo, never made silently."""
    return DatabaseError(_("{path}: no such database. Check its name; a new one is made by "
                           "opening it in the app (ici-la-bas --db {path}) or with the demo "
                           "data (ici-la-bas --db {path} demo).").format(path=path))


def inspect(path: Path, *, verify: bool = True) -> int:
    """Check a file without writing to it; returns its schema version."""
    with path.open("rb") as handle:
        header = handle.read(HEADER_SIZE)
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseError(
            _("{path}: this file is not an Ici & Là-bas database.").format(path=path)
        )
    # Read from the header before SQLite opens the file: even a read-only connection
    # creates -wal and -shm beside a file in WAL mode, and a newer file stays untouched.
    _refuse_newer(path, _version_in(header))
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as error:
        raise DatabaseError(
            _("{path}: cannot be opened ({error}).").format(path=path, error=error)
        ) from error
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        _refuse_newer(path, version)  # again: a -wal left beside the file may hold a newer one
        if verify:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise _damaged(path, problems[0])
        return version
    except sqlite3.DatabaseError as error:
        raise _damaged(path, error) from error
    finally:
        conn.close()


def refuse_if_newer(path: Path) -> None:
    """Refuse a file of a newer schema from its header alone, before anything is written beside it.

    Commands call it before taking the lock or creating an output folder, so
    that such a file is left exactly as it was, with nothing new next to it.
    """
    _refuse_newer(Path(path), _header_version(Path(path)))


def upgrade_if_older(path: Path, on_upgrade: Callable[[Upgrade], object]) -> None:
    """Upgrade a file of an older schema now, under the lock, before a command reads it.

    Every command goes through here first, so a read-only one (check, dump,
    a report) upgrades the file the same way as the app does, and a command
    added later cannot forget to.
    """
    if 0 < _header_version(Path(path)) < SCHEMA_VERSION:
        from core.lock import DatabaseLock

        with DatabaseLock(Path(path)):
            open_db(path, create=False, on_upgrade=on_upgrade).close()


def _header_version(path: Path) -> int:
    """``user_version`` as the file's header holds it; 0 for a missing or foreign file."""
    try:
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError:
        return 0  # missing or unreadable: the command's own opening says so
    return _version_in(header) if header.startswith(SQLITE_HEADER) else 0


def _version_in(header: bytes) -> int:
    return int.from_bytes(header[USER_VERSION_OFFSET:][:4], "big")


def _refuse_newer(path: Path, version: int) -> None:
    if version > SCHEMA_VERSION:
        raise DatabaseError(
            _(
                "{path}: this database comes from a newer version of Ici & Là-bas "
                "(schema {version}); update the application to open it."
            ).format(path=path, version=version)
        )


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
        raise no_such_database(path)
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
