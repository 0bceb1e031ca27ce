"""The PyInstaller spec and the build script agree, without building anything.

The frozen build takes minutes and PyInstaller is an optional extra, so
these read packaging/ici-la-bas.spec as text (its settings are plain
assignments) and check what a broken bundle would otherwise show only on a
user's PC: onedir, no UPX, the resources inside, the Qt modules the app uses
kept and the others left out.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

from core import i18n, paths
from core.reports.fonts import FONT_FILES
from tests.conftest import ROOT
from tools import bundle

SPEC = ROOT / "packaging" / "ici-la-bas.spec"


def spec_settings() -> dict[str, object]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            try:
                found[node.targets[0].id] = ast.literal_eval(node.value)
            except ValueError:
                continue
    return found


def spec_call(name: str) -> ast.Call:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    calls = [node for node in ast.walk(tree)
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == name]
    assert len(calls) == 1, f"{name} once in the spec"
    return calls[0]


def keyword(call: ast.Call, name: str) -> str:
    (value,) = [ast.unparse(k.value) for k in call.keywords if k.arg == name]
    return value


def test_one_folder_without_upx() -> None:
    settings = spec_settings()
    assert settings["ONEFILE"] is False and settings["UPX"] is False
    exe, collect = spec_call("EXE"), spec_call("COLLECT")
    assert keyword(exe, "exclude_binaries") == "not ONEFILE"  # binaries go to the folder
    assert keyword(exe, "upx") == "UPX" and keyword(collect, "upx") == "UPX"
    assert keyword(exe, "name") == "NAME" and keyword(collect, "name") == "NAME"


def test_name_and_executable_agree_with_pyproject(tmp_path: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    assert spec_settings()["NAME"] == bundle.NAME == project["name"]
    assert bundle.NAME in project["scripts"]
    program = bundle.executable(tmp_path)
    assert program.parent == tmp_path / "ici-la-bas" and program.stem == "ici-la-bas"
    assert bundle.SPEC == SPEC


def test_every_resource_the_app_reads_is_collected_under_the_package() -> None:
    assert bundle.RESOURCES_PACKAGE == paths.RESOURCES_PACKAGE
    collected = {(Path(file).relative_to(ROOT / "resources").as_posix(), inside)
                 for file, inside in bundle.resource_files()}
    needed = [f"fonts/{file}" for file in FONT_FILES.values()] + ["fonts/LICENSE-DejaVu.txt"]
    needed += [f"locale/{lang}/LC_MESSAGES/{i18n.DOMAIN}.mo" for lang in i18n.LANGUAGES]
    for file in needed:
        folder = file.rpartition("/")[0]
        assert (file, f"{paths.RESOURCES_PACKAGE}/{folder}") in collected


def test_the_spec_collects_what_the_wheel_carries() -> None:
    analysis = spec_call("Analysis")
    assert "resource_files()" in keyword(analysis, "datas")
    assert "copy_metadata('ici-la-bas')" in keyword(analysis, "datas")


def test_qt_modules_the_app_imports_are_kept_the_others_left_out() -> None:
    excluded = set(spec_settings()["EXCLUDES"])
    sources = [ROOT / "main.py", *(ROOT / "core").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    used = {f"PySide6.{name}" for path in sources
            for name in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))}
    assert used and used & excluded == set()
    assert {"PySide6.QtNetwork", "PySide6.QtQml", "PySide6.QtQuick"} <= excluded


def test_build_command_is_the_documented_one() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        extras = tomllib.load(handle)["project"]["optional-dependencies"]
    assert any(req.startswith("pyinstaller") for req in extras["bundle"])
    assert bundle.__doc__ is not None and "python -m tools.bundle DIR" in bundle.__doc__
