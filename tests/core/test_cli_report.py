"""`report mission ID`, `report partnership ID`, `report annual YYYY` as the user runs them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.core.pdf_checks import check_pdf
from tests.core.test_cli import assert_one_clear_line


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("report") / "demo.sqlite3"
    assert run_cli("--db", db, "demo").returncode == 0
    return db


def first_id(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(f"SELECT min(id) FROM {table} WHERE deleted_at IS NULL")
                   .fetchone()[0])


def busiest_year(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute("SELECT substr(date, 1, 4) y FROM transactions GROUP BY y "
                                "ORDER BY count(*) DESC LIMIT 1").fetchone()[0])


@pytest.mark.parametrize("kind", ["mission", "partnership", "annual"])
def test_each_report_is_written(demo: Path, tmp_path: Path, kind: str) -> None:
    key = busiest_year(demo) if kind == "annual" else first_id(demo, f"{kind}s")
    out = tmp_path / f"{kind}.pdf"
    before = hashlib.sha256(demo.read_bytes()).hexdigest()

    result = run_cli("--db", demo, "report", kind, key, out)

    assert result.returncode == 0, result.stderr
    assert str(out) in result.stdout
    check_pdf(out)
    assert not list(tmp_path.glob("*.part"))
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before  # a report changes nothing


def test_dutch_report(demo: Path, tmp_path: Path) -> None:
    out = tmp_path / "nl.pdf"
    result = run_cli("--lang", "nl", "--db", demo, "report", "annual", busiest_year(demo), out)
    assert result.returncode == 0, result.stderr
    assert "Pagina 1" in check_pdf(out)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["mission", "99999"], ["99999"]),
        (["partnership", "99999"], ["99999"]),
        (["mission", "abc"], ["abc"]),
        (["annual", "12"], ["12"]),
        (["letter", "1"], ["letter"]),
    ],
)
def test_bad_keys_get_one_line(demo: Path, tmp_path: Path, args: list[str],
                               words: list[str]) -> None:
    out = tmp_path / "x.pdf"
    assert_one_clear_line(run_cli("--lang", "en", "--db", demo, "report", *args, out), *words)
    assert not out.exists() and not list(tmp_path.iterdir())


def test_output_folder_missing_or_read_only(demo: Path, tmp_path: Path) -> None:
    mission = first_id(demo, "missions")
    missing = tmp_path / "nowhere" / "x.pdf"
    assert_one_clear_line(run_cli("--lang", "en", "--db", demo, "report", "mission",
                                  mission, missing), "does not exist")
    # places nobody can write, root included: under a regular file, onto a folder
    blocker = tmp_path / "a-file"
    blocker.write_bytes(b"keep")
    assert_one_clear_line(run_cli("--lang", "en", "--db", demo, "report", "mission",
                                  mission, blocker / "x.pdf"), str(blocker))
    assert blocker.read_bytes() == b"keep"
    folder = tmp_path / "taken.pdf"
    folder.mkdir()
    assert_one_clear_line(run_cli("--lang", "en", "--db", demo, "report", "mission",
                                  mission, folder), "cannot be written")
    assert not list(folder.iterdir())
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):  # root writes there: the cases above stand for it
            return
        assert_one_clear_line(run_cli("--lang", "en", "--db", demo, "report", "mission",
                                      mission, locked / "x.pdf"), "cannot be written")
        assert not list(locked.iterdir())
    finally:
        locked.chmod(0o700)
