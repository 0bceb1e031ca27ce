"""kill -9 in the middle of a load: the file passes check and holds everything or nothing."""

from __future__ import annotations

import json
import random
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


def test_kill_during_load_leaves_all_or_nothing(tmp_path: Path) -> None:
    data = network(contacts=50_000, transactions=96_000, partnerships=200)
    total = sum(len(data[t]) for t in TABLE_ORDER if t in data)
    assert total >= 150_000
    src = tmp_path / "big.json"
    src.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    started = time.monotonic()
    assert run_cli("--db", tmp_path / "timing.sqlite3", "load", src).returncode == 0
    duration = time.monotonic() - started
    rnd = random.Random(1)
    outcomes = set()
    for attempt in range(6):
        db = tmp_path / f"killed{attempt}.sqlite3"
        process = subprocess.Popen(
            [sys.executable, str(ROOT / "main.py"), "--db", str(db), "load", str(src)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rnd.uniform(0.05, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait()
        if not db.exists():
            outcomes.add("none")
            continue
        result = run_cli("--db", db, "check")
        assert result.returncode == 0, result.stderr
        count = live_records(db)
        assert count in (0, total), count
        outcomes.add("all" if count else "none")
    assert "none" in outcomes  # the kills did land in the middle of loads
