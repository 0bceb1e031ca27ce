"""The copies of the file made before an anonymisation, which still hold the old data.

Backups rotate out by themselves (days, weeks, months); until then they keep
what was erased from the live file. The officer is told so and may remove
them at once: a fresh verified backup of the anonymised file is made first,
so that the commune is never left without one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from core import backup
from core.gdpr import log

if TYPE_CHECKING:
    from sqlite_utils import Database


def held_copies(db_path: Path, backup_dir: Path) -> list[Path]:
    """Backups and before-upgrade copies of ``db_path`` in its backup folder or beside it."""
    db_path, backup_dir = Path(db_path), Path(backup_dir)
    found = [b.path for b in backup.list_backups(backup_dir)] if backup_dir.is_dir() else []
    for folder in {db_path.parent, backup_dir}:
        if folder.is_dir():
            found += folder.glob(f"{db_path.stem}*before-upgrade*")
    unique = {p.resolve(): p for p in found if p.is_file() and p.resolve() != db_path.resolve()}
    return sorted(unique.values())


def remove_copies(db: Database, db_path: Path, backup_dir: Path,
                  contact_ids: list[int]) -> tuple[int, Path]:
    """Make a fresh backup, then remove every older copy; returns (removed, the new backup).

    The log entry names the contacts whose anonymisation asked for it.
    """
    older = held_copies(db_path, backup_dir)
    fresh = backup.make_backup(Path(db_path), Path(backup_dir)).path
    removed = 0
    for path in older:
        if path.resolve() != fresh.resolve():
            path.unlink(missing_ok=True)
            removed += 1
    log.record(db, log.BACKUPS_REMOVED, str(removed), contact_ids)
    return removed, fresh
