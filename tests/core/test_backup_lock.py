"""Verified backups, rotation, restore; one writer per file, stale locks taken over."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from core import backup, dump, records
from core.db import open_db
from core.lock import DatabaseLock, LockedError
from tests.core import factories as make


def test_backup_is_verified_and_equal(db, db_path: Path, tmp_path: Path) -> None:
    pid = make.partnership(db)
    make.transaction(db, pid)
    made = backup.make_backup(db_path, tmp_path / "backups")
    assert made.path.exists() and not list((tmp_path / "backups").glob("*.part"))
    copy = open_db(made.path)
    assert dump.dump_data(copy) == dump.dump_data(db)
    copy.close()


def test_damaged_backup_is_detected(db, db_path: Path, tmp_path: Path) -> None:
    for n in range(200):
        make.organisation(db, name=f"Org {n}", notes="x" * 500)
    made = backup.make_backup(db_path, tmp_path / "b")
    data = bytearray(made.path.read_bytes())
    data[4096 * 2 : 4096 * 2 + 1000] = b"\x00\xff" * 500
    made.path.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError):
        backup.verify(made.path)


def test_rotation_keeps_days_weeks_months(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, 0, 0)
    for day in range(400):
        for hour in (9, 17):
            taken = start + timedelta(days=day, hours=hour - 9)
            (tmp_path / f"db-{taken:%Y-%m-%d_%H%M%S}.sqlite3").write_bytes(b"x")
    half = tmp_path / "db-2026-01-01_000000.sqlite3.part"
    half.write_bytes(b"half a copy")
    os.utime(half, (0, 0))
    backup.rotate(tmp_path, daily=7, weekly=4, monthly=12)
    assert not list(tmp_path.glob("*.part"))
    kept = backup.list_backups(tmp_path)
    assert 12 <= len(kept) <= 7 + 4 + 12
    assert kept[0].taken_at == start + timedelta(days=399, hours=8)  # the newest survives
    assert len({b.taken_at.date() for b in kept[:7]}) == 7


def test_restore_backs_up_the_current_state_first(db, db_path: Path, tmp_path: Path) -> None:
    make.partnership(db, name="Brasschaat – Tarija")
    made = backup.make_backup(db_path, tmp_path / "b")
    make.partnership(db, name="Herent – Nimlaha'kok")
    safety = backup.restore(db_path, made.path, tmp_path / "b")
    assert [p["name"] for p in records.list_records(db, "partnerships")] == ["Brasschaat – Tarija"]
    kept = open_db(safety.path)
    assert records.count(kept, "partnerships") == 2
    kept.close()


def test_second_lock_is_refused(db_path: Path) -> None:
    with DatabaseLock(db_path), pytest.raises(LockedError, match="already open"):
        DatabaseLock(db_path).acquire()
    with DatabaseLock(db_path) as lock:  # released, so free again
        assert lock.held


def test_lock_of_a_killed_process_is_taken_over(db_path: Path) -> None:
    code = (
        "import sys, time; sys.path.insert(0, '.'); from pathlib import Path; "
        "from core.lock import DatabaseLock; "
        f"lock = DatabaseLock(Path({str(db_path)!r})); lock.acquire(); "
        "print('locked', flush=True); "
        "time.sleep(60)"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    with pytest.raises(LockedError, match=str(holder.pid)):
        DatabaseLock(db_path).acquire()
    holder.kill()
    holder.wait()
    time.sleep(0.1)
    with DatabaseLock(db_path) as lock:
        assert lock.held
