"""core.files: a file the user asked for appears whole, or not at all."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import files
from core.errors import UserError


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="nowhere"):
        files.write_atomically(tmp_path / "nowhere" / "x.pdf", lambda p: p.write_bytes(b"x"))


def test_read_only_folder_is_refused_before_any_work(tmp_path: Path, monkeypatch) -> None:
    calls = []
    monkeypatch.setattr(files.os, "access", lambda path, mode: False)
    with pytest.raises(UserError, match="cannot be written to"):
        files.write_atomically(tmp_path / "x.pdf", calls.append)
    assert calls == [] and not list(tmp_path.iterdir())


def test_a_failing_writer_leaves_the_old_file_and_no_part(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")

    def half_then_fail(path: Path) -> None:
        path.write_bytes(b"half")
        raise RuntimeError("crash halfway")

    with pytest.raises(RuntimeError):
        files.write_atomically(out, half_then_fail)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.pdf"]


def test_disk_errors_become_one_clear_message(tmp_path: Path) -> None:
    def disk_full(path: Path) -> None:
        raise OSError(28, "No space left on device")

    with pytest.raises(UserError, match="No space left"):
        files.write_atomically(tmp_path / "x.pdf", disk_full)
    assert not list(tmp_path.iterdir())
