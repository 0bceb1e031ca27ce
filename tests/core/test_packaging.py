"""The wheel carries the resources under the project's own package name.

A normal ``pip install .`` once installed the code without its fonts and
catalogues (the app spoke English and could not write a PDF); this builds
the wheel as pip does and reads what is inside, without installing it.
"""

from __future__ import annotations

import gettext
import shutil
import subprocess
import sys
import tomllib
import zipfile
from io import BytesIO
from pathlib import Path

import pytest

from core import i18n, paths
from core.reports.fonts import FONT_FILES
from tests.conftest import ROOT, run_cli

PACKAGE = paths.RESOURCES_PACKAGE
NOT_SOURCE = (".venv", ".git", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis",
              ".ruff_cache", "*.sqlite3*", "out", "tests", "bench")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    # A copy of the checkout, so the build's scratch folders never land in the shared tree.
    source = tmp_path_factory.mktemp("source") / "ici-la-bas"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCE))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )
    (built,) = out.glob("ici_la_bas-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_holds_the_fonts_and_compiled_catalogues(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    for file in FONT_FILES.values():
        assert f"{PACKAGE}/fonts/{file}" in names
    assert f"{PACKAGE}/fonts/LICENSE-DejaVu.txt" in names
    for lang in i18n.LANGUAGES:
        mo = wheel.read(f"{PACKAGE}/locale/{lang}/LC_MESSAGES/{i18n.DOMAIN}.mo")
        catalogue = gettext.GNUTranslations(BytesIO(mo))
        if lang == "nl":
            assert catalogue.gettext("Interrupted; nothing was changed.") != (
                "Interrupted; nothing was changed.")


def test_wheel_has_no_bare_resources_package(wheel: zipfile.ZipFile) -> None:
    top = {name.split("/")[0] for name in wheel.namelist()}
    assert "resources" not in top
    assert not any(name.endswith(".po") or name.endswith(".lock") for name in wheel.namelist())


def test_wheel_holds_every_module_of_core_and_ui(wheel: zipfile.ZipFile) -> None:
    names = set(wheel.namelist())
    modules = {path.relative_to(ROOT).as_posix()
               for folder in ("core", "ui") for path in (ROOT / folder).rglob("*.py")}
    missing = modules - names
    assert not missing, f"add their packages to [tool.setuptools] packages: {sorted(missing)}"


def test_resources_are_found_through_the_package() -> None:
    """An editable install maps the package to this checkout's resources/ folder."""
    import importlib.resources

    found = Path(str(importlib.resources.files(PACKAGE)))
    assert found.resolve() == (ROOT / "resources").resolve() == paths.resources_dir().resolve()


def test_version_is_the_one_in_pyproject() -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        expected = tomllib.load(handle)["project"]["version"]
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ici-la-bas", expected]
