"""Project rules that a reviewer would otherwise check by hand."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from core import paths
from tests.conftest import ROOT


def test_core_never_imports_qt_or_ui() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert not name.startswith(("PySide6", "ui")), f"{path}: imports {name}"


def test_ruff_is_clean() -> None:
    # through the interpreter: ruff is in the test extra, whether or not its script is on PATH
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_core_is_typed() -> None:
    # pyproject's [tool.mypy]: every function of core/ typed, and the types agree
    result = subprocess.run([sys.executable, "-m", "mypy", "core"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


def test_catalogues_are_complete_and_compiled() -> None:
    from tools.i18n import check

    assert check() == []


def test_headless_start_imports_nothing_heavy() -> None:
    code = ("import sys; sys.argv = ['main.py', '--help']; import main; "
            "heavy = [m for m in ('PySide6', 'openpyxl', 'reportlab', 'babel') "
            "if m in sys.modules]; print(heavy)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.stdout.strip() == "[]", result.stderr


def test_network_paths_are_recognised(tmp_path: Path) -> None:
    assert paths.is_network_path(Path("\\\\serveur\\partage\\ici.sqlite3"))
    assert paths.is_network_path(Path("//serveur/partage/ici.sqlite3"))
    assert not paths.is_network_path(tmp_path / "ici.sqlite3")


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert paths.default_db_path() == tmp_path / "IciLaBas" / "ici-la-bas.sqlite3"
