"""Opening files: new, good, damaged, foreign, newer, missing folder."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from core import records
from core.db import DatabaseError, check, open_db, schema_version
from core.migrations import LATEST_VERSION
from core.spec import COMMON_FIELDS, SPECS
from tests.conftest import digest


def test_new_database_is_wal_with_foreign_keys(db_path: Path) -> None:
    db = open_db(db_path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert schema_version(db) == LATEST_VERSION
    db.close()
    assert check(db_path).version == LATEST_VERSION


def test_spec_and_tables_agree(db) -> None:
    for table, spec in SPECS.items():
        columns = {c.name for c in db[table].columns}
        expected = {*COMMON_FIELDS, "deleted_at", "trash_id", *(f.sql for f in spec.fields)}
        assert columns == expected, table


def test_a_nullable_column_defaults_to_null(db) -> None:
    """records.insert_checked leaves out columns empty in every row: NULL must be their default."""
    for table in SPECS:
        for column in db[table].columns:
            if not column.notnull:
                assert column.default_value is None, (table, column.name)


def test_reopen_keeps_data(db_path: Path) -> None:
    db = open_db(db_path)
    records.create(db, "organisations", {"name": "Commune de Marsassoum", "country": "SN"})
    db.close()
    db = open_db(db_path)
    assert records.count(db, "organisations") == 1
    db.close()


def test_non_sqlite_file_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("Compte rendu du comité de jumelage\n" * 50, encoding="utf-8")
    before = digest(path)
    with pytest.raises(DatabaseError, match="not an Ici & Là-bas database"):
        open_db(path)
    assert digest(path) == before


def test_corrupt_file_is_refused_and_untouched(db_path: Path) -> None:
    db = open_db(db_path)
    for n in range(300):
        records.create(db, "organisations", {"name": f"Organisation {n}", "notes": "x" * 300})
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 3 : page * 3 + 2000] = b"\xff" * 2000  # scribble over a b-tree page
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        open_db(db_path)
    with pytest.raises(DatabaseError, match="damaged"):
        check(db_path)
    assert digest(db_path) == before


def test_newer_schema_is_refused_and_untouched(db_path: Path) -> None:
    open_db(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(DatabaseError, match="newer version"):
        open_db(db_path)
    assert digest(db_path) == before


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="does not exist"):
        open_db(tmp_path / "nowhere" / "x.sqlite3")
    assert not (tmp_path / "nowhere").exists()


def test_older_schema_is_copied_then_migrated_without_loss(db_path: Path) -> None:
    from sqlite_utils import Database

    from core.migrations import migrations

    old = Database(db_path)
    migrations.apply(old, stop_before="m0002_transaction_totals")
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.execute("INSERT INTO organisations (created_at, updated_at, name) VALUES ('t', 't', 'O')")
    old.execute("INSERT INTO partnerships (created_at, updated_at, name, partner_organisation_id)"
                " VALUES ('t', 't', 'P', 1)")
    old.execute("INSERT INTO transactions (created_at, updated_at, date, partnership_id, kind, "
                "label, amount_cents, amount_eur_cents) VALUES ('t','t','2023-01-01',1,"
                "'expense','x',100,100)")
    old.close()
    db = open_db(db_path)
    assert schema_version(db) == LATEST_VERSION
    assert db.execute("SELECT total_cents FROM money_totals").fetchall() == [(100,)]
    db.close()
    from core.paths import default_backup_dir

    (kept,) = default_backup_dir(db_path).glob(f"{db_path.stem}-schema1-before-upgrade-*.sqlite3")
    assert check(kept).version == 1


def test_schema_version_constant_matches_the_migrations() -> None:
    from core.db import SCHEMA_VERSION

    assert SCHEMA_VERSION == LATEST_VERSION


def test_checking_a_file_does_not_import_sqlite_utils(db_path: Path) -> None:
    import subprocess
    import sys

    open_db(db_path).close()
    code = ("import sys; from pathlib import Path; from core.db import inspect; "
            f"inspect(Path({str(db_path)!r})); print('sqlite_utils' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "False", result.stderr
