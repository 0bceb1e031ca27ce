"""Upgrades that cannot lose data: a verified backup first, one transaction, one message.

The old files are made the way an older version made them: the migrations
of that time applied to a file, in WAL mode, holding records.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlite_utils import Database

from core import backup, logs, paths, settings
from core.db import DatabaseError, Upgrade, check, open_db
from core.migrations import LATEST_VERSION, migrations
from tests.conftest import digest, user_version

OLD_VERSION = 2




def make_old_file(path: Path) -> None:
    """A file left by the version whose last migration was number OLD_VERSION."""
    old = Database(path)
    old.execute("PRAGMA journal_mode = WAL")
    migrations.apply(old, stop_before=migrations._migrations[OLD_VERSION].name)
    old.execute("INSERT INTO organisations (created_at, updated_at, name, country) "
                "VALUES ('2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z', 'Commune de Kaolack', "
                "'SN')")
    old.execute("INSERT INTO partnerships (created_at, updated_at, name, partner_organisation_id)"
                " VALUES ('2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z', 'Ath – Kaolack', 1)")
    old.execute("INSERT INTO transactions (created_at, updated_at, date, partnership_id, kind, "
                "label, amount_cents, amount_eur_cents) VALUES ('2024-03-02T09:00:00Z', "
                "'2024-03-02T09:00:00Z', '2024-03-02', 1, 'expense', 'Billets Dakar', "
                "125050, 125050)")
    old.conn.commit()
    old.close()
    assert user_version(path) == OLD_VERSION


def test_older_file_is_backed_up_verified_then_migrated_once(db_path: Path) -> None:
    make_old_file(db_path)
    told: list[Upgrade] = []
    db = open_db(db_path, on_upgrade=told.append)
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("SELECT name FROM organisations").fetchall() == [("Commune de Kaolack",)]
    assert db.execute("SELECT label, amount_cents FROM transactions").fetchall() == [
        ("Billets Dakar", 125050)]
    db.close()
    assert len(told) == 1
    upgrade = told[0]
    assert (upgrade.from_version, upgrade.to_version) == (OLD_VERSION, LATEST_VERSION)
    folder = paths.default_backup_dir(db_path)
    assert upgrade.backup.parent == folder
    assert upgrade.backup.name.startswith(f"{db_path.stem}-schema{OLD_VERSION}-before-upgrade-")
    assert user_version(upgrade.backup) == OLD_VERSION
    assert backup.verify(upgrade.backup)["transactions"] == 1
    assert str(upgrade.backup) in upgrade.message()
    logged = logs.log_file().read_text(encoding="utf-8")
    assert f"schema {OLD_VERSION} -> {LATEST_VERSION}" in logged and str(upgrade.backup) in logged
    assert check(db_path).version == LATEST_VERSION
    open_db(db_path, on_upgrade=told.append).close()
    assert len(told) == 1  # told once: a second opening has nothing to upgrade
    assert [p.name for p in folder.iterdir()] == [upgrade.backup.name]


def test_backup_goes_to_the_folder_the_user_chose(db_path: Path, tmp_path: Path) -> None:
    make_old_file(db_path)
    chosen = tmp_path / "clé USB" / "sauvegardes"
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT OR REPLACE INTO settings VALUES ('backup_dir', ?)", [str(chosen)])
    conn.commit()
    conn.close()
    db = open_db(db_path)
    assert settings.get(db, "backup_dir") == str(chosen)
    db.close()
    kept = list(chosen.glob("*-schema2-before-upgrade-*.sqlite3"))
    assert len(kept) == 1 and user_version(kept[0]) == OLD_VERSION


def test_upgrade_backups_are_never_rotated_away(tmp_path: Path) -> None:
    source = tmp_path / "base.sqlite3"
    make_old_file(source)
    folder = tmp_path / "backups"
    kept = backup.backup_before_upgrade(source, folder, OLD_VERSION,
                                        now=datetime(2020, 1, 1, 12, 0, 0))
    for day in range(1, 30):
        backup.make_backup(source, folder, now=datetime(2026, 11, day, 12, 0, 0))
    backup.rotate(folder, daily=2, weekly=1, monthly=1)
    assert kept.path.exists()
    assert kept.path not in [b.path for b in backup.list_backups(folder)]


def _failing(db: Database) -> None:
    """A migration that changes things, then fails, as a bug in a future one would."""
    db.execute("CREATE TABLE half_done (id INTEGER PRIMARY KEY)")
    db.execute("UPDATE organisations SET name = 'overwritten'")
    db.execute("ALTER TABLE no_such_table ADD COLUMN x TEXT")


@pytest.mark.parametrize("position", [OLD_VERSION + 1, LATEST_VERSION])
def test_a_failing_migration_leaves_the_file_as_it_was(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, position: int
) -> None:
    """Pending: the real ones after OLD_VERSION with a failing one among them (at N+2 or last)."""
    make_old_file(db_path)
    before = digest(db_path)
    real = list(migrations._migrations)
    failing = migrations._Migration("m_failing", _failing)
    monkeypatch.setattr(migrations, "_migrations", [*real[:position], failing, *real[position:]])
    told: list[Upgrade] = []
    with pytest.raises(DatabaseError, match="could not be upgraded"):
        open_db(db_path, on_upgrade=told.append)
    assert told == []
    assert digest(db_path) == before
    assert not Path(f"{db_path}-wal").exists() or Path(f"{db_path}-wal").stat().st_size == 0
    assert user_version(db_path) == OLD_VERSION
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM organisations").fetchall() == [("Commune de Kaolack",)]
    applied = conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    conn.close()
    assert applied == OLD_VERSION
    kept = list(paths.default_backup_dir(db_path).glob("*-schema2-before-upgrade-*"))
    assert len(kept) == 1 and user_version(kept[0]) == OLD_VERSION


def test_newer_file_in_wal_mode_is_refused_with_nothing_beside_it(db_path: Path) -> None:
    open_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    assert Path(f"{db_path}").read_bytes()[18] == 2  # still WAL: the hard case for a peek
    before = digest(db_path)
    listing = sorted(p.name for p in db_path.parent.iterdir())
    for attempt in (lambda: open_db(db_path), lambda: check(db_path)):
        with pytest.raises(DatabaseError, match="newer version"):
            attempt()
    assert digest(db_path) == before
    assert sorted(p.name for p in db_path.parent.iterdir()) == listing


def test_every_migration_can_run_inside_the_one_upgrade_transaction() -> None:
    assert all(m.transactional for m in migrations._migrations)
