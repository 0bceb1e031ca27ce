"""The headless commands as a user runs them: exit status, one line on stderr, files untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from core.migrations import LATEST_VERSION
from tests.conftest import digest, run_cli


def assert_one_clear_line(result, *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for word in words:
        assert word in lines[0]


def test_demo_dump_load_dump_backup_check(tmp_path: Path) -> None:
    db, copy = tmp_path / "demo.sqlite3", tmp_path / "copy.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    assert run_cli("--db", db, "dump", tmp_path / "a.json").returncode == 0
    assert run_cli("--db", copy, "load", tmp_path / "a.json").returncode == 0
    assert run_cli("--db", copy, "dump", tmp_path / "b.json").returncode == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert len(data["partnerships"]) >= 7
    result = run_cli("--db", db, "backup", tmp_path / "backups")
    assert result.returncode == 0, result.stderr
    made = next((tmp_path / "backups").glob("*.sqlite3"))
    assert run_cli("--db", made, "dump", tmp_path / "c.json").returncode == 0
    assert (tmp_path / "c.json").read_bytes() == (tmp_path / "a.json").read_bytes()
    check = run_cli("--lang", "en", "--db", db, "check")
    assert check.returncode == 0 and f"schema version {LATEST_VERSION}" in check.stdout


def test_demo_twice_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    assert_one_clear_line(run_cli("--lang", "en", "--db", db, "demo"))


def test_bad_files_get_one_line_and_stay_unchanged(tmp_path: Path) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("pas une base de données", encoding="utf-8")
    newer = tmp_path / "newer.sqlite3"
    assert run_cli("--db", newer, "check").returncode != 0  # does not exist yet
    assert run_cli("--db", newer, "dump", tmp_path / "x.json").returncode != 0
    conn = sqlite3.connect(newer)
    conn.execute("CREATE TABLE t (x)")
    conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    conn.commit()
    conn.close()
    for path, word in ((text, "not an Ici"), (newer, "newer version")):
        before = digest(path)
        for command in (["check"], ["dump", str(tmp_path / "o.json")], ["backup"], ["demo"]):
            result = run_cli("--lang", "en", "--db", path, *command)
            assert_one_clear_line(result, str(path), word)
            assert digest(path) == before
    missing = tmp_path / "no" / "such" / "folder" / "db.sqlite3"
    assert_one_clear_line(run_cli("--lang", "en", "--db", missing, "demo"), "does not exist")
    assert not missing.parent.exists()


def test_messages_are_french_by_default(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("texte", encoding="utf-8")
    result = run_cli("--db", path, "check")
    assert_one_clear_line(result, "n'est pas une base")


def test_bad_dump_leaves_no_database_behind(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ici-la-bas", "contacts": [{"id": "x"}]}', encoding="utf-8")
    target = tmp_path / "new.sqlite3"
    assert_one_clear_line(run_cli("--lang", "en", "--db", target, "load", bad), "contacts #1")
    assert not target.exists()


def test_dump_never_overwrites_a_database(tmp_path: Path) -> None:
    db, other = tmp_path / "ici.sqlite3", tmp_path / "other.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    assert run_cli("--db", other, "demo").returncode == 0
    before = digest(db)
    for target in (db, other, tmp_path):
        result = run_cli("--lang", "en", "--db", db, "dump", target)
        assert_one_clear_line(result, str(target))
    assert digest(db) == before
    assert run_cli("--db", db, "check").returncode == 0
    assert run_cli("--db", other, "check").returncode == 0
