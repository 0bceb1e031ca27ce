"""A backup is verified before it gets its name; a damaged one is never restored.

Each test breaks a copy on purpose and reads the files back afterwards: if
the verification inside ``make_backup`` or ``restore`` were switched off,
the broken copy would be kept or restored and these tests would fail.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from core import backup, paths, records
from core.lock import DatabaseLock
from tests.conftest import digest, run_cli
from tests.core import factories as make


def partnerships(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute(
            "SELECT name FROM partnerships WHERE deleted_at IS NULL ORDER BY name")]
    finally:
        conn.close()



def damage(path: Path) -> None:
    """Overwrite a stretch of pages in the middle of the file, as a failing disk does."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2 // 4096 * 4096
    data[middle : middle + 3 * 4096] = b"\x00\xff" * (3 * 2048)
    path.write_bytes(bytes(data))


def drop_a_row(path: Path) -> None:
    """A copy that reads fine but lacks a record: only the row counts tell."""
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM organisations WHERE id = (SELECT max(id) FROM organisations)")
    conn.commit()
    conn.close()


@pytest.fixture
def filled(db, db_path: Path) -> Path:
    for n in range(300):
        make.organisation(db, name=f"Organisation {n}", notes="des notes " * 60)
    make.partnership(db, name="Jette – Safi")
    return db_path


@pytest.mark.parametrize("spoil", [damage, drop_a_row], ids=["damaged", "incomplete"])
def test_make_backup_refuses_a_copy_spoilt_on_the_way(
    filled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    spoil: Callable[[Path], None],
) -> None:
    copy = backup._copy

    def spoilt_copy(source: Path, target: Path) -> dict[str, int]:
        counts = copy(source, target)
        spoil(target)  # the disk or the copy failed after SQLite said "done"
        return counts

    monkeypatch.setattr(backup, "_copy", spoilt_copy)
    folder = tmp_path / "backups"
    with pytest.raises(backup.BackupError):
        backup.make_backup(filled, folder)
    assert list(folder.iterdir()) == []  # neither a named backup nor a leftover part


def test_restore_refuses_a_damaged_backup_and_leaves_the_file(
    db, filled: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "backups"
    made = backup.make_backup(filled, folder)
    damage(made.path)
    records.delete(db, "partnerships", records.list_records(db, "partnerships")[0]["id"])
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = digest(filled)
    with pytest.raises(backup.BackupError):
        backup.restore(filled, made.path, folder)
    assert digest(filled) == before
    assert partnerships(filled) == []  # the deletion stands: nothing came from the bad copy


def test_restore_command_brings_back_what_was_deleted(tmp_path: Path) -> None:
    db, folder = tmp_path / "ici.sqlite3", tmp_path / "backups"
    assert run_cli("--db", db, "demo").returncode == 0
    names = partnerships(db)
    assert run_cli("--db", db, "backup", folder).returncode == 0
    [made] = folder.glob("*.sqlite3")
    conn = sqlite3.connect(db)
    conn.execute("UPDATE partnerships SET deleted_at = '2026-01-01T00:00:00Z'")
    conn.commit()
    conn.close()
    assert partnerships(db) == []

    result = run_cli("--lang", "en", "--db", db, "restore", made)

    assert result.returncode == 0, result.stderr
    assert partnerships(db) == names
    [safety] = backup.list_backups(paths.default_backup_dir(db))
    assert str(safety.path) in result.stdout
    assert partnerships(safety.path) == []  # the state before the restore, kept
    assert run_cli("--db", db, "check").returncode == 0


def test_restore_command_refuses_a_damaged_backup(tmp_path: Path) -> None:
    db, folder = tmp_path / "ici.sqlite3", tmp_path / "backups"
    assert run_cli("--db", db, "demo").returncode == 0
    assert run_cli("--db", db, "backup", folder).returncode == 0
    [made] = folder.glob("*.sqlite3")
    damage(made)
    before = digest(db)

    result = run_cli("--lang", "en", "--db", db, "restore", made)

    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and str(made) in result.stderr
    assert digest(db) == before


def test_restore_command_waits_for_the_other_copy(tmp_path: Path) -> None:
    db, folder = tmp_path / "ici.sqlite3", tmp_path / "backups"
    assert run_cli("--db", db, "demo").returncode == 0
    assert run_cli("--db", db, "backup", folder).returncode == 0
    [made] = folder.glob("*.sqlite3")
    before = digest(db)
    with DatabaseLock(db):
        result = run_cli("--lang", "en", "--db", db, "restore", made)
    assert result.returncode != 0 and "already open" in result.stderr
    assert digest(db) == before
