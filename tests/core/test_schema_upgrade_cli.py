"""Real databases of released schemas open in this version with every record intact.

Each ``tests/data/schemas/schema-N-*.sqlite3`` was made by ``demo`` with the
version whose schema was N, and its ``.json`` is that version's dump. Here,
on a copy and through the command line as a user runs it, ``check`` and
``dump`` upgrade it; the dump must hold every record it held with the same
values (a migration may only add fields), and a verified backup of the old
file, still at schema N, must be in the backup folder. Records are
compared, not schemas, so this holds for every future migration.

A file of a newer schema is refused by every command, one line, and left
byte for byte as it was, with nothing new beside it.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from core import backup, paths
from core.migrations import LATEST_VERSION
from tests.conftest import digest, run_cli, user_version

SCHEMAS = Path(__file__).resolve().parent.parent / "data" / "schemas"
OLD_FILES = sorted(SCHEMAS.glob("schema-*.sqlite3"))


def schema_of(path: Path) -> int:
    found = re.match(r"schema-(\d+)-", path.name)
    assert found, path
    return int(found.group(1))




def by_id(rows: list[dict[str, Any]]) -> dict[Any, dict[str, Any]]:
    return {row.get("id", json.dumps(row, sort_keys=True)): row for row in rows}


def assert_every_record_kept(old: dict[str, Any], new: dict[str, Any]) -> None:
    """Every table, record and field of the old dump is in the new one, with the same value."""
    for key, value in old.items():
        if key == "schema_version":
            continue
        if isinstance(value, dict):  # settings
            assert {k: new[key].get(k) for k in value} == value, key
        elif isinstance(value, list):
            before, after = by_id(value), by_id(new.get(key, []))
            assert before.keys() == after.keys(), key
            for record_id, record in before.items():
                kept = {field: after[record_id].get(field, "<missing>") for field in record}
                assert kept == record, (key, record_id)
        else:
            assert new[key] == value, key


def test_there_is_a_database_of_a_released_schema() -> None:
    assert OLD_FILES
    for path in OLD_FILES:
        assert user_version(path) == schema_of(path)  # nobody upgraded the committed file
        assert path.with_suffix(".json").is_file()


@pytest.mark.parametrize("source", OLD_FILES, ids=lambda p: p.stem)
def test_old_database_opens_through_check_and_dump_with_every_record(
    source: Path, tmp_path: Path
) -> None:
    version = schema_of(source)
    db = tmp_path / "commune.sqlite3"
    shutil.copy(source, db)
    first = run_cli("--lang", "en", "--db", db, "check")
    assert first.returncode == 0, first.stderr
    assert f"schema version {LATEST_VERSION}" in first.stdout
    told = [line for line in first.stderr.splitlines() if "upgraded" in line]
    out = tmp_path / "dump.json"
    second = run_cli("--lang", "en", "--db", db, "dump", out)
    assert second.returncode == 0, second.stderr
    assert "upgraded" not in second.stderr  # told once, by the command that upgraded
    old = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    assert_every_record_kept(old, json.loads(out.read_text(encoding="utf-8")))
    kept = sorted(paths.default_backup_dir(db).glob(f"*-schema{version}-before-upgrade-*"))
    if version == LATEST_VERSION:
        assert (told, kept) == ([], [])
        return
    assert len(told) == 1 and len(kept) == 1, (first.stderr, kept)
    assert str(kept[0]) in told[0]
    assert kept[0].parent == paths.default_backup_dir(db)  # beside the other backups
    assert user_version(kept[0]) == version
    assert backup.verify(kept[0]) == backup.verify(source)  # same rows in every table


def newer_file(folder: Path) -> Path:
    """A database as a later version would leave it: in WAL mode, schema above ours."""
    path = folder / "future.sqlite3"
    shutil.copy(OLD_FILES[-1], path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.commit()
    conn.close()
    assert not Path(f"{path}-wal").exists()
    return path


def command_lines(elsewhere: Path) -> dict[str, list[str | Path]]:
    contacts = elsewhere / "contacts.csv"
    contacts.write_text("Prénom;Nom;E-mail\nAwa;Diop;awa@example.org\n", encoding="utf-8")
    return {
        "app": [],
        "check": ["check"],
        "dump": ["dump", elsewhere / "out.json"],
        "demo": ["demo"],
        "load": ["load", OLD_FILES[-1].with_suffix(".json")],
        "backup": ["backup", elsewhere / "backups"],
        "restore": ["restore", OLD_FILES[-1]],
        "import": ["import", "contacts", contacts],
        "export": ["export", "council", elsewhere / "council.xlsx", "--year", "2026"],
        "report": ["report", "annual", "2026", elsewhere / "annual.pdf"],
        "screenshots": ["screenshots", elsewhere / "shots"],
    }


COMMANDS = ["app", "check", "dump", "demo", "load", "backup", "restore", "import", "export",
            "report", "screenshots"]


@pytest.mark.parametrize("command", COMMANDS)
def test_newer_database_is_refused_by_every_command_and_untouched(
    command: str, tmp_path: Path
) -> None:
    folder, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    folder.mkdir()
    elsewhere.mkdir()
    db = newer_file(folder)
    before, listing = digest(db), sorted(p.name for p in folder.iterdir())
    lines_by_command = command_lines(elsewhere)
    assert sorted(lines_by_command) == sorted(COMMANDS)
    args = lines_by_command[command]
    result = run_cli("--lang", "en", "--db", db, *args, env={"QT_QPA_PLATFORM": "offscreen"},
                     timeout=60)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "newer version" in lines[0] and str(db) in lines[0], lines
    assert digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == listing  # no -wal, -shm or lock
    assert sorted(p.name for p in elsewhere.iterdir()) == ["contacts.csv"]  # no output either
