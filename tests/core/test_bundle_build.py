"""The frozen app, built and run as a user would: no Python on PATH, no PYTHONPATH.

Building takes about half a minute of two cores and needs the ``bundle``
extra, so it runs only when asked: ``ICI_LA_BAS_BUNDLE_TEST=1 python -m pytest
-m bundle`` (after ``pip install -e ".[bundle]"``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(not os.environ.get("ICI_LA_BAS_BUNDLE_TEST"),
                       reason="builds the bundle: set ICI_LA_BAS_BUNDLE_TEST=1"),
]


@pytest.fixture(scope="module")
def program(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("PyInstaller")
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "tools.bundle", str(dist)], cwd=ROOT, check=True,
                   timeout=1800)
    from tools.bundle import executable

    return executable(dist)


def run_frozen(program: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """A user's environment: a PATH with no Python on it, nothing of this checkout."""
    no_python = cwd / "bin"
    no_python.mkdir(exist_ok=True)
    env = {"PATH": str(no_python), "HOME": str(cwd), "LANG": "C.UTF-8",
           "XDG_DATA_HOME": str(cwd / "data")}
    return subprocess.run([str(program), *args], capture_output=True, text=True, env=env,
                          cwd=cwd, timeout=300)


def test_version(program: Path, tmp_path: Path) -> None:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    result = run_frozen(program, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ici-la-bas", version]


def test_self_test(program: Path, tmp_path: Path) -> None:
    result = run_frozen(program, "--lang", "nl", "--self-test", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Zelftest geslaagd")


def test_demo_in_french_then_a_report_with_embedded_fonts(program: Path, tmp_path: Path) -> None:
    from pypdf import PdfReader

    demo = run_frozen(program, "--db", "x.sqlite3", "demo", cwd=tmp_path)
    assert demo.returncode == 0, demo.stderr
    assert demo.stdout.startswith("Données de démonstration ajoutées")
    year = str(date.today().year)  # the demo is built around today
    report = run_frozen(program, "--db", "x.sqlite3", "report", "annual", year, "r.pdf",
                        cwd=tmp_path)
    assert report.returncode == 0, report.stderr
    fonts = set()
    for page in PdfReader(tmp_path / "r.pdf").pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object().get("/FontDescriptor")
            assert descriptor is not None and "/FontFile2" in descriptor.get_object()
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert "DejaVuSans" in fonts
