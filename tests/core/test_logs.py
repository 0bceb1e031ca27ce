"""A command that meets a bug: one line on stderr naming the log, the traceback in the log."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import main
from core import logs, paths


def test_a_bug_in_a_command_is_one_line_and_a_logged_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(_path: Path, _args: argparse.Namespace) -> int:
        raise ZeroDivisionError("division by zero in the totals")

    monkeypatch.setitem(main.COMMANDS, "check", broken)
    code = main.main(["--lang", "en", "--db", str(tmp_path / "x.sqlite3"), "check"])
    assert code == main.EXIT_INTERNAL
    lines = capsys.readouterr().err.strip().splitlines()
    log = logs.log_file()
    assert log.parent == paths.log_dir() and tmp_path not in log.parents
    assert lines == [f"Unexpected error: division by zero in the totals (details in {log})."]
    content = log.read_text(encoding="utf-8")
    assert "Traceback" in content and "in broken" in content and "ZeroDivisionError" in content


def test_the_log_rotates_instead_of_growing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logs, "MAX_BYTES", 2000)
    logger = logs.get("test")
    logs.setup()
    for n in range(200):
        logger.error("ligne %d %s", n, "é" * 50)
    files = sorted(logs.log_file().parent.glob(f"{logs.LOG_NAME}*"))
    assert len(files) == 1 + logs.BACKUP_COUNT
    assert all(f.stat().st_size <= 2000 + 200 for f in files)
