"""What the declaration tests share: the demo on a fixed day, and the dump as the user gets it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from core import demo
from core.db import open_db
from tests.conftest import run_cli

TODAY = dt.date(2026, 3, 1)  # the demo's "today"; its dates are relative to it
YEAR = TODAY.year - 1  # the year a commune declares in the spring


def demo_file(folder: Path) -> Path:
    """A database file filled with the demo as of TODAY."""
    path = folder / "demo.sqlite3"
    db = open_db(path)
    demo.fill(db, today=TODAY)
    db.close()
    return path


def dump_of(path: Path, folder: Path) -> dict[str, Any]:
    """``main.py dump`` of ``path``, read back: what the tests compute the rules from."""
    out = folder / "dump.json"
    assert run_cli("--db", path, "dump", out).returncode == 0
    return json.loads(out.read_text(encoding="utf-8"))
