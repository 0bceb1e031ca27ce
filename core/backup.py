"""Automatic, verified backups and restore.

A backup is made with SQLite's backup API from one read snapshot, written
under a temporary name, checked (``integrity_check`` and the same row count
per table as the source had in that snapshot) and only then given its
dated name. Rotation keeps the newest of each day, week and month.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from core.db import connect_read_only, inspect
from core.errors import UserError
from core.i18n import _
from core.spec import TABLE_ORDER

if TYPE_CHECKING:
    from collections.abc import Mapping

STAMP = "%Y-%m-%d_%H%M%S"
UPGRADE_STAMP = "%Y%m%d-%H%M%S"  # not STAMP: list_backups and rotate must not see it
_STAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}_\d{6}")


class BackupError(UserError):
    """A backup could not be made, verified or restored."""


@dataclass(frozen=True)
class Backup:
    path: Path
    taken_at: datetime
    size: int


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per record table; a file of an older schema may not have every table yet."""
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
    present = {row[0] for row in tables}
    return {
        t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in TABLE_ORDER
        if t in present
    }


def verify(path: Path, expected: dict[str, int] | None = None) -> dict[str, int]:
    """Raise ``BackupError`` unless ``path`` is a sound copy (with ``expected`` row counts)."""
    try:
        conn = connect_read_only(path)
        try:
            result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
            counts = _counts(conn)
        finally:
            conn.close()
    except sqlite3.Error as error:
        raise BackupError(
            _("{path}: the backup cannot be read ({error}).").format(path=path, error=error)
        ) from error
    if result != ["ok"]:
        raise BackupError(
            _("{path}: the backup is damaged ({problem}).").format(path=path, problem=result[0])
        )
    if expected is not None and counts != expected:
        raise BackupError(_("{path}: the backup does not hold every record.").format(path=path))
    return counts


def make_backup(db_path: Path, dest_dir: Path, *, now: datetime | None = None) -> Backup:
    """Copy the database at ``db_path`` into ``dest_dir``, verified; returns the new backup."""
    taken_at = (now or datetime.now()).replace(microsecond=0)
    name = f"{Path(db_path).stem}-{taken_at.strftime(STAMP)}.sqlite3"
    return _make_verified(db_path, dest_dir, name, taken_at)


def backup_before_upgrade(
    db_path: Path, dest_dir: Path, version: int, *, now: datetime | None = None
) -> Backup:
    """The verified copy kept before a newer version migrates a file of schema ``version``.

    Its name says the schema it holds and has no rotation stamp, so ``rotate``
    never removes it and the restore list (which holds files of the current
    schema) does not offer it by mistake.
    """
    taken_at = (now or datetime.now()).replace(microsecond=0)
    name = (f"{Path(db_path).stem}-schema{version}-before-upgrade-"
            f"{taken_at.strftime(UPGRADE_STAMP)}.sqlite3")
    return _make_verified(db_path, dest_dir, name, taken_at)


def _make_verified(db_path: Path, dest_dir: Path, name: str, taken_at: datetime) -> Backup:
    """Copy under a temporary name, verify, then give the copy its name: never half a backup."""
    dest_dir = Path(dest_dir)
    try:
        dest_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(
            _("{path}: the backup folder cannot be created ({error}).").format(
                path=dest_dir, error=error.strerror or error
            )
        ) from error
    target = _free_name(dest_dir / name)
    partial = target.with_name(target.name + ".part")
    try:
        expected = _copy(Path(db_path), partial)
        verify(partial, expected)
        os.replace(partial, target)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(
            _("{path}: the backup failed ({error}).").format(path=target, error=error)
        ) from error
    finally:
        partial.unlink(missing_ok=True)
    return Backup(target, taken_at, target.stat().st_size)


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def _copy(source_path: Path, target: Path) -> dict[str, int]:
    """Copy in one read transaction; returns the row counts of that snapshot."""
    source = connect_read_only(source_path)
    copy = sqlite3.connect(str(target))
    try:
        source.execute("BEGIN")
        counts = _counts(source)
        source.backup(copy)
        source.execute("COMMIT")
        copy.execute("PRAGMA journal_mode = DELETE")
        return counts
    finally:
        copy.close()
        source.close()


def list_backups(dest_dir: Path) -> list[Backup]:
    """Backups in ``dest_dir``, newest first."""
    found = []
    for path in Path(dest_dir).glob("*.sqlite3"):
        taken_at = _taken_at(path)
        if taken_at is not None:
            found.append(Backup(path, taken_at, path.stat().st_size))
    return sorted(found, key=lambda b: b.taken_at, reverse=True)


def _taken_at(path: Path) -> datetime | None:
    found = _STAMP_RE.search(path.stem)
    try:
        return datetime.strptime(found.group(0), STAMP) if found else None
    except ValueError:
        return None


def rotate(dest_dir: Path, *, daily: int = 7, weekly: int = 4, monthly: int = 12) -> list[Path]:
    """Keep the newest backup of each of the last days, weeks and months; remove the rest."""
    for leftover in Path(dest_dir).glob("*.sqlite3.part"):  # a copy killed halfway...
        if time.time() - leftover.stat().st_mtime > 3600:  # ...not one being made right now
            leftover.unlink(missing_ok=True)
    backups = list_backups(dest_dir)
    keep: set[Path] = set()
    for count, key in ((daily, "%Y-%m-%d"), (weekly, "%G-%V"), (monthly, "%Y-%m")):
        seen: list[str] = []
        for backup in backups:  # newest first: the first of each period is its newest
            period = backup.taken_at.strftime(key)
            if period not in seen and len(seen) < count:
                seen.append(period)
                keep.add(backup.path)
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def restore(db_path: Path, backup_path: Path, dest_dir: Path) -> Backup:
    """Replace the database's content with a backup's, after backing up the current file.

    Returns the safety backup of the file as it was. The copy goes through
    SQLite's backup API into the live file, so other connections see the
    change at their next read and nothing is half-replaced.
    """
    inspect(Path(backup_path), verify=False)  # a copy from a newer version is never restored
    verify(backup_path)
    safety = make_backup(db_path, dest_dir)
    source = connect_read_only(Path(backup_path))
    target = sqlite3.connect(str(db_path))
    try:
        source.backup(target)
        target.execute("PRAGMA journal_mode = WAL")
    except sqlite3.Error as error:
        raise BackupError(
            _("{path}: the restore failed ({error}).").format(path=db_path, error=error)
        ) from error
    finally:
        target.close()
        source.close()
    return safety


def backup_and_rotate(
    db_path: Path, dest_dir: Path, keep: Mapping[str, int], *, now: datetime | None = None
) -> Backup:
    """Make a verified backup, then thin out the older ones (``keep`` as ``rotate`` takes it).

    The new backup is the newest of its day, week and month, so rotation keeps it.
    """
    made = make_backup(db_path, dest_dir, now=now)
    rotate(dest_dir, **keep)
    return made
