"""The app as a process: it stays up, refuses a second copy, creates its file on first launch."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from core.lock import DatabaseLock, LockedError, lock_path
from tests.conftest import ROOT


def start(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    full_env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})}
    return subprocess.Popen([sys.executable, str(ROOT / "main.py"), *map(str, args)], cwd=ROOT,
                            env=full_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def stays_up(process: subprocess.Popen[str], seconds: float = 4.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        time.sleep(0.2)
    return True


def stop(process: subprocess.Popen[str]) -> str:
    process.terminate()
    _out, err = process.communicate(timeout=20)
    return err


def test_app_stays_up_on_the_demo_and_refuses_a_second_copy(demo_template: Path,
                                                            tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    first = start("--db", db)
    try:
        assert stays_up(first), first.stderr.read() if first.stderr else ""
        second = start("--lang", "en", "--db", db)
        _out, err = second.communicate(timeout=60)
        assert second.returncode != 0
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "already open" in lines[0], err
    finally:
        stop(first)


def crash_holding_the_lock(db: Path) -> int:
    """A copy that takes the lock and is killed -9: its lock file stays, naming it."""
    code = ("import sys, time; from pathlib import Path; from core.lock import DatabaseLock; "
            "DatabaseLock(Path(sys.argv[1])).acquire(); print('locked', flush=True); "
            "time.sleep(600)")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    return holder.pid


def lock_owner(db: Path) -> object:
    try:
        return json.loads(lock_path(db).read_text(encoding="utf-8") or "{}").get("pid")
    except (OSError, ValueError):
        return None


def test_a_lock_left_by_a_dead_process_does_not_block(demo_template: Path,
                                                      tmp_path: Path) -> None:
    db = tmp_path / "demo.sqlite3"
    shutil.copy(demo_template, db)
    dead = crash_holding_the_lock(db)
    assert lock_owner(db) == dead  # the crashed copy's lock file is still there
    app = start("--db", db)
    try:
        deadline = time.monotonic() + 30
        while lock_owner(db) != app.pid and app.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert lock_owner(db) == app.pid  # the app took the lock over
        with pytest.raises(LockedError):  # and holds it: a third copy is refused
            DatabaseLock(db).acquire()
        assert stays_up(app, 1.0)
    finally:
        stop(app)


def test_first_launch_creates_the_database_in_the_user_data_folder(tmp_path: Path) -> None:
    data_home = tmp_path / "home-data"
    app = start(env={"XDG_DATA_HOME": str(data_home)})
    try:
        assert stays_up(app, 4.0)
        assert (data_home / "IciLaBas" / "ici-la-bas.sqlite3").is_file()
    finally:
        stop(app)


def test_a_damaged_file_is_refused_with_one_line(tmp_path: Path) -> None:
    db = tmp_path / "notes.sqlite3"
    db.write_text("pas une base", encoding="utf-8")
    app = start("--lang", "en", "--db", db)
    _out, err = app.communicate(timeout=60)
    assert app.returncode != 0
    assert err.strip().splitlines() == [f"{db}: this file is not an Ici & Là-bas database."]
    assert db.read_text(encoding="utf-8") == "pas une base"
    with DatabaseLock(db):  # and the lock was released
        pass
