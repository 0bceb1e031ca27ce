"""kill -9 in the middle of a load or an import: the file passes check, all or nothing.

A kill counts as "in the middle" only when it provably landed there: the
process was still running and its write-ahead log had already grown past
what opening the file writes (the big transaction was under way), and the
file afterwards holds none of the new rows. Kills that land before or after
are still checked (all or nothing, check passes) but prove nothing.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.synthetic import network
from core.spec import TABLE_ORDER
from tests.conftest import ROOT, run_cli

pytestmark = pytest.mark.slow

BIG_WAL = 2_000_000  # bytes: well past the schema and settings an open writes


def live_records(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return sum(
            conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in TABLE_ORDER
            if conn.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [t]).fetchone()
        )
    finally:
        conn.close()


def wal_size(db: Path) -> int:
    wal = Path(f"{db}-wal")
    try:
        return wal.stat().st_size
    except FileNotFoundError:
        return 0


def command(db: Path, *args: str | Path) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), "--db", str(db), *map(str, args)]


def write_window(db: Path, *args: str | Path) -> float:
    """Run once to the end; how long the big transaction lasted (WAL past BIG_WAL to exit)."""
    process = subprocess.Popen(command(db, *args), cwd=ROOT, stdout=subprocess.DEVNULL)
    writing = None
    while process.poll() is None:
        if writing is None and wal_size(db) > BIG_WAL:
            writing = time.monotonic()
        time.sleep(0.01)
    assert process.returncode == 0 and writing is not None
    return time.monotonic() - writing


def kill_somewhere(db: Path, args: tuple[str | Path, ...], window: float,
                   rnd: random.Random) -> bool:
    """Kill -9 at a random moment of the write; True when it landed while writing."""
    process = subprocess.Popen(command(db, *args), cwd=ROOT, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    while process.poll() is None and wal_size(db) <= BIG_WAL:
        time.sleep(0.005)
    time.sleep(rnd.uniform(0, window * 0.8))
    writing = process.poll() is None and wal_size(db) > BIG_WAL
    process.send_signal(signal.SIGKILL)
    process.wait()
    return writing


def test_kill_during_load_leaves_all_or_nothing(tmp_path: Path) -> None:
    data = network(contacts=50_000, transactions=96_000, partnerships=200)
    total = sum(len(data[t]) for t in TABLE_ORDER if t in data)
    assert total >= 150_000
    src = tmp_path / "big.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    window = write_window(tmp_path / "timing.sqlite3", "load", src)
    rnd = random.Random(1)
    midway = 0
    for attempt in range(5):
        db = tmp_path / f"killed{attempt}.sqlite3"
        writing = kill_somewhere(db, ("load", src), window, rnd)
        result = run_cli("--db", db, "check")
        assert result.returncode == 0, result.stderr
        count = live_records(db)
        assert count in (0, total), count
        midway += writing and count == 0
    assert midway >= 2  # the kills did land in the middle of loads


def big_sheet(path: Path, rows: int) -> Path:
    lines = ["Nom;Prénom;E-mail;Pays;Remarques"]
    lines += [f"Diop{i};Awa;awa.diop{i}@exemple.sn;Sénégal;rencontrée en {2000 + i % 25}"
              for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_kill_during_import_leaves_all_or_nothing(tmp_path: Path) -> None:
    rows = 40_000
    sheet = big_sheet(tmp_path / "contacts.csv", rows)
    template = tmp_path / "demo.sqlite3"
    assert run_cli("--db", template, "demo").returncode == 0
    before = live_records(template)
    timing = tmp_path / "timing.sqlite3"
    shutil.copy(template, timing)
    window = write_window(timing, "import", "contacts", sheet)
    assert live_records(timing) == before + rows  # uninterrupted, every row goes in
    rnd = random.Random(2)
    midway = 0
    for attempt in range(5):
        db = tmp_path / f"killed{attempt}.sqlite3"
        shutil.copy(template, db)
        writing = kill_somewhere(db, ("import", "contacts", sheet), window, rnd)
        result = run_cli("--db", db, "check")
        assert result.returncode == 0, result.stderr
        count = live_records(db)
        assert count in (before, before + rows), count - before
        midway += writing and count == before
    assert midway >= 2  # the kills did land in the middle of imports
